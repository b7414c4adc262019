"""What the safety checks say, in English and Vietnamese."""

from __future__ import annotations

from tnsite.findings import Finding, Msg, Severity
from tnsite.safety.content import Unsafe

RULE_HTML = "unsafe-html"
RULE_URL = "unsafe-url"
RULE_SCRIPT = "unsafe-script"


def _message(u: Unsafe) -> tuple[str, Msg, Msg]:
    if u.kind == "element":
        return (
            RULE_HTML,
            Msg(
                f"the HTML element <{u.name}> is not allowed in a page",
                f"không được dùng thẻ HTML <{u.name}> trong trang",
            ),
            Msg(
                "remove it: pages may use text formatting, links, images, tables and lists",
                "hãy xóa thẻ này: trang chỉ dùng định dạng chữ, liên kết, ảnh, bảng và danh sách",
            ),
        )
    if u.kind == "handler":
        return (
            RULE_HTML,
            Msg(
                f"`{u.name}=` would run a script in the visitor's browser",
                f"`{u.name}=` sẽ chạy mã lệnh trên máy người xem",
            ),
            Msg(f"remove `{u.name}=…`", f"hãy xóa `{u.name}=…`"),
        )
    if u.kind == "style":
        return (
            RULE_HTML,
            Msg(
                "`style=` is not allowed: the site's stylesheet decides how pages look",
                "không dùng `style=`: giao diện do bảng kiểu chung của trang web quyết định",
            ),
            Msg(
                'remove `style="…"`; to make text stand out, write it in bold (**text**) or '
                "put it in a notice box (!!! warning, on its own line, with the text indented "
                "under it), which every language's page shows the same way",
                'hãy xóa `style="…"`; muốn làm nổi một đoạn chữ, viết chữ đậm (**chữ**) hoặc '
                "đặt nó trong khung lưu ý (!!! warning trên một dòng riêng, đoạn chữ thụt vào "
                "bên dưới), hiện giống nhau ở trang của mọi ngôn ngữ",
            ),
        )
    if u.kind == "url":
        shown = u.name[:40]
        if shown.replace(" ", "").lower().startswith("data:"):
            return (
                RULE_URL,
                Msg(
                    f"the address `{shown}` carries a whole file inside the page",
                    f"địa chỉ `{shown}` nhúng cả một tệp vào trang",
                ),
                Msg(
                    "save the file in assets/ and link to it by its path",
                    "hãy lưu tệp vào thư mục assets/ rồi liên kết tới đường dẫn của tệp",
                ),
            )
        return (
            RULE_URL,
            Msg(
                f"the address `{shown}` would run code instead of opening a page",
                f"địa chỉ `{shown}` sẽ chạy mã lệnh thay vì mở một trang",
            ),
            Msg(
                "link to an https:// address or to a page's .md file",
                "hãy liên kết tới một địa chỉ https:// hoặc tới tệp .md của trang",
            ),
        )
    where = f" on <{u.element}>" if u.element else ""
    where_vi = f" trên thẻ <{u.element}>" if u.element else ""
    return (
        RULE_HTML,
        Msg(
            f"the attribute `{u.name}`{where} is not allowed in a page",
            f"không được dùng thuộc tính `{u.name}`{where_vi} trong trang",
        ),
        Msg("remove it", "hãy xóa thuộc tính này"),
    )


def content_finding(rel: str, u: Unsafe) -> Finding:
    rule, message, hint = _message(u)
    return Finding(rel, u.line, rule, message, Severity.ERROR, u.col, hint)


def script_finding(rel: str, what: str) -> Finding:
    return Finding(
        rel,
        1,
        RULE_SCRIPT,
        Msg(
            f"the built page runs something the site's templates did not write: {what}",
            f"trang dựng xong chạy một đoạn mã không do giao diện của trang web viết ra: {what}",
        ),
        Severity.ERROR,
        hint=Msg(
            "find where it comes from in the page, the data or the photo manifest and "
            "remove it; the build publishes nothing until then",
            "hãy tìm nguồn gốc của nó trong trang, dữ liệu hoặc danh mục ảnh và xóa đi; "
            "trang web chưa được đăng cho tới khi sửa xong",
        ),
    )
