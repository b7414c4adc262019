import markdown

from tnsite.i18n.markdown import clean_prose, scan

PAGE = """\
---
title: T
---

# Đầu tư vào Tây Ninh

Intro with a [link](../lien-he.md#press) and `code` and {{ value key-figures/area }}.

## Tổng quan {#overview}

![Bản đồ](../img/map.svg){ width=300 }

```python
# not a heading
[not](a-link.md)
```

{{ table industrial-parks }}

### Chi tiết

!!! tip "Mẹo hay"
    Indented prose in an admonition.

| Tên | Diện tích |
|---|---|
| Khu A | lớn |

<div class="grid cards" markdown>

- [Thẻ](khu-cong-nghiep.md)

</div>

[ref]: ../du-lich/index.md
"""


def test_headings_keys_and_lines() -> None:
    result = scan(PAGE, 5, "dau-tu/index.md")
    assert [(h.key, h.explicit, h.line) for h in result.headings] == [
        ("dau-tu-vao-tay-ninh", False, 5),
        ("overview", True, 9),
        ("chi-tiet", False, 20),
    ]
    assert [s.key for s in result.sections] == ["dau-tu-vao-tay-ninh", "overview", "chi-tiet"]
    assert "# not a heading" in result.sections[1].text


def test_refs_resolve_relative_to_the_page_and_skip_code() -> None:
    result = scan(PAGE, 5, "dau-tu/index.md")
    assert [(r.kind, r.target, r.line) for r in result.refs] == [
        ("link", "lien-he.md", 7),
        ("image", "img/map.svg", 11),
        ("data", "table industrial-parks", 18),
        ("notice", "tip", 22),  # a notice box, compared across languages like a figure
        ("link", "dau-tu/khu-cong-nghiep.md", 31),
        ("link", "du-lich/index.md", 35),
    ]


def test_prose_leaves_out_markup() -> None:
    result = scan(PAGE, 5, "dau-tu/index.md")
    texts = [b.text for b in result.prose]
    assert "Intro with a link and and ." in texts
    assert "Mẹo hay" in texts and "Indented prose in an admonition." in texts
    assert "Khu A lớn" in texts
    assert not any("not a heading" in t or "industrial-parks" in t for t in texts)


def test_clean_prose() -> None:
    assert clean_prose("**Bold** [text](x.md) <span>tag</span> :material-map-marker: x") == (
        "Bold text tag x"
    )


def test_headings_are_the_lines_python_markdown_reads_as_headings() -> None:
    """`##Dành cho du khách` is a heading to Markdown (no space needed); an indented `## x` is
    not. Reading them otherwise made a page's sections differ from the built page's."""
    lines = ["##Dành cho du khách {#visitors}", "   ## Thụt lề", "#1 điểm đến", "## Giá vé ##"]
    headings = scan("\n\n".join(lines) + "\n", 1, "x.md").headings
    html = markdown.markdown("\n\n".join(lines), extensions=["attr_list"])
    assert [h.text for h in headings] == ["Dành cho du khách", "1 điểm đến", "Giá vé"]
    assert html.count("<h") == len(headings)
    assert headings[0].key == "visitors"


def test_an_explicit_id_is_read_to_its_end_as_markdown_reads_it() -> None:
    [heading] = scan("## ភ្នំ {#ខ្សែកាប}\n", 1, "x.md").headings
    assert heading.key == "ខ្សែកាប"
