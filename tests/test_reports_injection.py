"""Hostile text in every text field that reaches a report cannot break, hide, ping or inject anything.

The fixture repository of test_reports.py is written twice: once with a plain
marker in every text field, once with a hostile string around the same marker.
Each of the four reports in both languages must then have exactly the same
Markdown structure (blocks, tables, rows, cells, inline markup, diagrams) with
either text; the hostile text only ever shows up as text.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from auditrack import i18n
from auditrack.reports import KINDS
from test_reports import build_repo, mermaid_blocks, parse_markdown, report

HOSTILE = (
    "<script>alert(1)</script> | cell `tick <!-- hide the rest ** _ ~~ [link](javascript:alert(1)) "
    "![img](https://evil.example/x.png) <img src=x onerror=alert(1)> @octocat #123 GH-1 !45 ~bug $x$ "
    "https://evil.example www.evil.example <details> </details> </td></tr> &lt;b&gt; &#64;admin "
    "\n# heading\r\n- item\n1. one\n> quote\n```\n~~~\n---\n| a | b |\n[ref]: https://evil.example\n"
    "\u202eevil\u202c \x1b[31m %% ; \" ' : { } ( ) [ ] \\ "
)


def plain(key: str, value) -> str:
    return f"BEGIN-{key} plain text END-{key}"


def hostile(key: str, value) -> str:
    return f"BEGIN-{key} {HOSTILE} END-{key}"


ALLOWED_TAGS = {"<br>", "<details>", "<summary>", "</summary>", "</details>"}


def _outside_fences(text: str) -> str:
    return re.sub(r"^```mermaid\n.*?^```$", "", text, flags=re.S | re.M)


def _structure(tokens) -> list:
    """Block tokens and the inline markup inside them, without the text itself."""
    shape = []
    for token in tokens:
        if token.type == "inline":
            shape.append(tuple(
                (c.type, c.content if c.type == "html_inline" else c.attrs.get("href", "") if c.type == "link_open" else "")
                for c in token.children if c.type != "text" and not (c.type == "html_inline" and c.content == "<br>")
            ))
        elif token.type == "fence":
            shape.append(("fence", token.info, _mermaid_shape(token.content)))
        else:
            shape.append((token.type, token.tag, token.level))
    return shape


def _mermaid_shape(content: str) -> tuple:
    """A diagram's lines with every run of label text collapsed to 'x'."""
    return tuple(re.sub(r"(?:#\d+;|[\w .,\-/'!?§…])+", "x", line) for line in content.splitlines())


def _without_own_directive(block: str) -> str:
    """The diagram without the init directive auditrack writes as its first line, once that is checked to hold
    only auditrack's own configuration: known sections, numbers and '#rrggbb' colours, no text from the data."""
    first, _, rest = block.partition("\n")
    found = re.fullmatch(r"%%\{init: (\{.*\})\}%%", first)
    if found is None:
        return block
    config = json.loads(found.group(1))
    assert set(config) <= {"themeVariables", "gantt", "flowchart"}, config
    for section in config.values():
        for key, value in section.items():
            assert re.fullmatch(r"[a-zA-Z0-9]+", key), key
            assert isinstance(value, (int, float)) or re.fullmatch(r"#[0-9A-Fa-f]{6}", value), value
    return rest


@pytest.fixture(scope="module")
def repos(tmp_path_factory):
    root = tmp_path_factory.mktemp("injection")
    return build_repo(root / "plain", plain), build_repo(root / "hostile", hostile)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_hostile_text_changes_nothing_but_the_text(repos, kind, lang):
    plain_root, hostile_root = repos
    benign = report(plain_root, kind, lang)
    evil = report(hostile_root, kind, lang)
    benign_tokens = parse_markdown(benign)
    evil_tokens = parse_markdown(evil)
    assert _structure(evil_tokens) == _structure(benign_tokens)
    assert len(mermaid_blocks(evil_tokens)) == len(mermaid_blocks(benign_tokens))
    assert evil.count("BEGIN-") == benign.count("BEGIN-") > 0


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_html_no_pings_no_links(repos, kind, lang):
    _, hostile_root = repos
    text = report(hostile_root, kind, lang)
    if kind != "gaps":  # their one comment, auditrack's own, says the report is generated
        comment = f"\n<!-- {i18n.label(lang, 'generated-comment').format(kind=kind)} -->\n"
        assert text.count(comment) == 1
        text = text.replace(comment, "\n")
    outside = _outside_fences(text)
    assert "<script" not in text.lower() and "<!--" not in text and "<img" not in text.lower()
    assert set(re.findall(r"<[^<>]*>", outside)) <= ALLOWED_TAGS
    assert not re.search(r"(?<![\w\u200d])@[A-Za-z0-9_]", outside), "a working @mention"
    assert not re.search(r"#\d", outside), "a working issue reference"
    assert "\u202e" not in text and "\x1b" not in text
    for block in mermaid_blocks(parse_markdown(text)):
        block = _without_own_directive(block)
        assert "`" not in block and "<" not in block and "%%" not in block
        assert "\n```" not in block

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in rendered and "<img" not in rendered and "&lt;!--" in rendered
    hrefs = re.findall(r'href="([^"]*)"', rendered)
    assert all(re.fullmatch(r"[\w./-]+\.ya?ml#L\d+", h) for h in hrefs), hrefs
    assert "javascript:" not in "".join(hrefs)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_nothing_after_the_hostile_text_disappears(repos, kind, lang):
    """Every field that starts in the report ends in it too, unless the report shortened it on purpose."""
    _, hostile_root = repos
    tokens = parse_markdown(report(hostile_root, kind, lang))
    seen = Counter()
    for token in tokens:
        if token.type != "inline":
            continue
        text = "".join(c.content for c in token.children if c.type == "text").replace("\u200d", "")
        for key in re.findall(r"BEGIN-([\w.]+)", text):
            seen[key] += 1
            rest = text.split(f"BEGIN-{key}", 1)[1]
            assert f"END-{key}" in rest or "…" in rest, f"{key}: the text after the hostile part is gone: {rest!r}"
            if f"END-{key}" in rest:
                assert " ".join(HOSTILE.split("\n")[0].split()) in " ".join(rest.split()), key
    assert seen
