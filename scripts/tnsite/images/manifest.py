"""The photo manifest (assets/photos/manifest.yml): what each photo shows, in every language,
and who may be credited for it under which licence.

    ba-den-summit.jpg:            # the file's name in assets/photos/
      alt:                        # what the photo shows, for people who cannot see it
        vi: Đỉnh núi Bà Đen nhìn từ cáp treo
        en: The summit of Bà Đen Mountain seen from the cable car
        km: កំពូលភ្នំបាឌិន មើលពីរថយន្តខ្សែកាប
      caption:                    # optional, shown under the photo
        vi: …
      credit: Nguyễn Văn A        # photographer or owner
      licence: CC BY 4.0          # or: permission, public-domain (shown in each language)
      source: https://…           # where it comes from (address, archive, or "own photo")
      decorative: false           # optional; true only for photos that carry no information

Findings point at the manifest's own lines, so an editor can go straight to the entry.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tnsite import yamlread
from tnsite.findings import Finding, Msg
from tnsite.yamlerrors import explain

CREDIT_FIELDS = ("credit", "licence", "source")
RULE = "photo-manifest"
# A licence is shown on pages in every language: a Creative Commons licence by its name, which
# every language writes alike, or one of these, worded in each page's language (strings.yml).
LICENCE_WORDS = {
    "permission": "permission",
    "used with permission": "permission",
    "được phép sử dụng": "permission",
    "public-domain": "public_domain",
    "public domain": "public_domain",
    "phạm vi công cộng": "public_domain",
}
# A Creative Commons licence by its name (`CC BY-SA 4.0`, a port `CC BY 3.0 IGO`, `CC0 1.0`,
# `Public Domain Mark 1.0`), however it is spaced or cased: shown in its standard spelling.
CREATIVE_COMMONS = re.compile(
    r"^CC[ -]?(?:0(?:[ -]1\.0)?|BY(?:-(?:SA|ND|NC|NC-SA|NC-ND))?[ -]\d\.\d(?:[ -][A-Z]{2,3})?)$"
    r"|^PUBLIC DOMAIN MARK 1\.0$"
)


def licence_word(licence: str) -> str | None:
    """The key of a worded licence (`permission`), None for a Creative Commons name."""
    return LICENCE_WORDS.get(" ".join(licence.lower().split()))


def licence_name(licence: str) -> str | None:
    """The standard spelling of a Creative Commons licence (`cc-by-4.0` → `CC BY 4.0`)."""
    written = " ".join(licence.upper().split())
    if not CREATIVE_COMMONS.match(written):
        return None
    if written.startswith("PUBLIC"):
        return "Public Domain Mark 1.0"
    rest = re.sub(r"^CC[ -]?", "", written)
    if rest.startswith("0"):
        return "CC0 1.0" if "1.0" in rest else "CC0"
    # BY-SA-4.0-IGO → BY-SA, 4.0, IGO: the licence's elements keep their hyphens
    return "CC " + " ".join(re.split(r"[ -](?=\d|[A-Z]{2,3}$)", rest))


def licence_known(licence: str) -> bool:
    return licence_word(licence) is not None or licence_name(licence) is not None


@dataclass(frozen=True)
class Photo:
    file: str
    path: str  # relative to the project root: assets/photos/<file>
    line: int
    alt: dict[str, str]
    caption: dict[str, str]
    credit: str
    licence: str
    source: str
    decorative: bool
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        return posixpath.splitext(self.file)[0]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


@dataclass
class Manifest:
    path: str
    photos: dict[str, Photo] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def find(self, ref: str) -> Photo | None:
        """A photo by file name, or by name without extension when that is unambiguous."""
        if ref in self.photos:
            return self.photos[ref]
        matches = [p for p in self.photos.values() if p.id == ref]
        return matches[0] if len(matches) == 1 else None

    def by_path(self, path: str) -> Photo | None:
        return next((p for p in self.photos.values() if p.path == path), None)


def _problem(path: str, line: int, en: str, vi: str) -> Finding:
    return Finding(
        path=path,
        line=line,
        rule=RULE,
        message=Msg(en, vi),
        hint=Msg(
            "See the example at the top of the manifest.",
            "Xem ví dụ ở đầu tệp manifest.",
        ),
    )


def _scalar(node: yaml.Node | None) -> str:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    return ""


def _languages(node: yaml.Node | None) -> dict[str, str]:
    if isinstance(node, yaml.MappingNode):
        return {_scalar(k): _scalar(v) for k, v in node.value if _scalar(v)}
    return {}


def load_manifest(root: Path, manifest: str, photos_dir: str) -> Manifest:
    result = Manifest(path=manifest)
    file = root / manifest
    if not file.is_file():
        return result
    text = file.read_text(encoding="utf-8")
    try:
        document = yamlread.compose(text)
    except yaml.YAMLError as exc:
        trouble = explain(exc, text)
        result.findings.append(
            Finding(manifest, trouble.line, RULE, trouble.message, hint=trouble.hint)
        )
        return result
    if document is None:
        return result
    if not isinstance(document, yaml.MappingNode):
        result.findings.append(
            _problem(
                manifest,
                document.start_mark.line + 1,
                "The manifest must map each photo's file name to its description.",
                "Manifest phải ghi tên tệp của từng ảnh kèm phần mô tả.",
            )
        )
        return result
    for key, value in document.value:
        name = _scalar(key)
        line = key.start_mark.line + 1
        if not isinstance(value, yaml.MappingNode):
            result.findings.append(
                _problem(
                    manifest,
                    line,
                    f"'{name}' needs alt, credit, licence and source underneath it.",
                    f"'{name}' cần có alt, credit, licence và source bên dưới.",
                )
            )
            continue
        if name in result.photos:
            first = result.photos[name].line
            result.findings.append(
                Finding(
                    manifest,
                    line,
                    RULE,
                    Msg(
                        f"'{name}' is already described at line {first}: only this second "
                        "description would be used, and the first one's credit would be lost",
                        f"'{name}' đã được mô tả ở dòng {first}: chỉ phần mô tả thứ hai này được "
                        "dùng, và ghi công của phần thứ nhất sẽ mất",
                    ),
                    hint=Msg(
                        "keep one description of the photo: merge the two, or delete one",
                        "chỉ giữ một phần mô tả cho ảnh: gộp hai phần lại, hoặc xóa một phần",
                    ),
                )
            )
            continue
        fields = {_scalar(k): v for k, v in value.value}
        lines = {_scalar(k): k.start_mark.line + 1 for k, _v in value.value}
        twice = next(
            (
                k
                for i, (k, _v) in enumerate(value.value)
                if _scalar(k) in {_scalar(e) for e, _w in value.value[:i]}
            ),
            None,
        )
        if twice is not None:
            result.findings.append(
                Finding(
                    manifest,
                    twice.start_mark.line + 1,
                    RULE,
                    Msg(
                        f"`{_scalar(twice)}` is written twice for '{name}': only the second "
                        "would be used",
                        f"`{_scalar(twice)}` được ghi hai lần cho '{name}': chỉ lần thứ hai được "
                        "dùng",
                    ),
                    hint=Msg("delete one of the two", "xóa một trong hai"),
                )
            )
        result.photos[name] = Photo(
            file=name,
            path=posixpath.join(photos_dir, name),
            line=line,
            alt=_languages(fields.get("alt")),
            caption=_languages(fields.get("caption")),
            credit=_scalar(fields.get("credit")),
            licence=_scalar(fields.get("licence")),
            source=_scalar(fields.get("source")),
            decorative=_scalar(fields.get("decorative")).lower() in ("true", "yes", "on"),
            lines=lines,
        )
    return result
