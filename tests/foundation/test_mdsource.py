"""The one Markdown scanner: every capability gets the same answer about code, front matter
and directives, at the same line and column."""

from tnsite.mdsource import Source, blank_code_spans

PAGE = """---
title: "{{ value not-a-directive }}"
---
# Title

Tỉnh có {{ value key-figures/area }} diện tích.

    ```markdown
    {{ table inside-an-indented-fence }}
    ```

`{{ value in-a-code-span }}` and ``{{ also `code` }}``

~~~~
{{ table inside-tildes }}
~~~
{{ still-inside }}
~~~~

{{ table industrial-parks sort=area }}
"""


def test_directives_outside_code_and_front_matter_with_positions() -> None:
    found = Source(PAGE).directives
    assert [(d.view, d.target, d.line, d.col, d.block) for d in found] == [
        ("value", "key-figures/area", 6, 9, False),
        ("table", "industrial-parks", 20, 1, True),
    ]
    assert found[1].options == {"sort": "area"}
    assert found[1].raw == "{{ table industrial-parks sort=area }}"


def test_code_lines_cover_fences_at_any_indentation_closed_by_a_long_enough_fence() -> None:
    source = Source(PAGE)
    assert {8, 9, 10} <= source.code_lines
    assert {14, 15, 16, 17, 18} <= source.code_lines  # `~~~` does not close `~~~~`
    assert {13, 19, 20}.isdisjoint(source.code_lines)


def test_front_matter_lines_and_body() -> None:
    source = Source(PAGE)
    assert source.front_matter_closed
    assert source.body_line == 4
    assert source.front_matter_yaml == 'title: "{{ value not-a-directive }}"\n'


def test_unclosed_front_matter_is_seen_as_opened_not_closed() -> None:
    source = Source("---\ntitle: x\n\n# Body\n")
    assert source.front_matter_opened and not source.front_matter_closed
    assert source.body_line == 1


def test_a_body_may_start_with_a_rule_when_the_front_matter_was_already_removed() -> None:
    body = "---\n\n{{ map }}\n\n---\n"
    assert [d.line for d in Source(body, front_matter=False).directives] == [3]
    assert Source(body).directives == ()  # read as front matter: nothing outside it


def test_bom_and_crlf_are_read_like_lf() -> None:
    text = "\ufeff---\r\ntitle: x\r\n---\r\n\r\n{{ map }}\r\n"
    source = Source(text)
    assert source.front_matter_yaml == "title: x\n"
    assert [(d.line, d.col) for d in source.directives] == [(5, 1)]


def test_code_spans_are_blanked_to_the_same_length() -> None:
    line = "a `{{ x }}` b"
    assert blank_code_spans(line) == "a " + " " * 9 + " b"


def test_replace_directives_keeps_everything_else() -> None:
    body = "A {{ value x/y }} B `{{ value no }}`\n"
    out = Source(body, front_matter=False).replace_directives({"value": lambda d: "<n>"})
    assert out == "A <n> B `{{ value no }}`\n"


def test_block_elements_left_open_are_named_with_their_line() -> None:
    body = (
        '<div class="grid cards" markdown>\n\n- a\n\n</div>\n\n'  # closed: nothing to say
        "<details><summary>Giá vé</summary>\n\n"  # never closed
        "<div>\n<div>x</div>\n\n"  # the outer one never closed
        "`<section>` in code\n\n```\n<table>\n```\n"  # code is not the page's HTML
        "a < b and <span>x\n"  # an inline element, and a sign that is not a tag
    )
    assert Source(body, front_matter=False).unclosed_html == ((7, "details"), (9, "div"))


def test_addresses_written_as_text_are_found_and_links_are_not() -> None:
    body = (
        "See https://tayninh.gov.vn/du-lich. and www.tayninhtourist.vn, or lan@www.mail.vn\n"
        "[https://a.vn](https://a.vn) <https://b.vn> ![x](https://c.vn/x.png)\n"
        '<a href="https://d.vn">https://d.vn</a> `https://e.vn` {{ map x url=https://f.vn }}\n'
        "[ref]: https://g.vn\n"
        "```\nhttps://h.vn\n```\n"
        "http://localhost and https:// alone\n"
    )
    assert Source(body, front_matter=False).bare_urls == (
        (1, 5, "https://tayninh.gov.vn/du-lich"),
        (1, 41, "www.tayninhtourist.vn"),
    )
