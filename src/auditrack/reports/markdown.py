"""Markdown safety: every text from the data is escaped before it reaches a report.

The reports are rendered by Jinja2 with a `finalize` hook (see environment.py)
that passes every `{{ expression }}` through :func:`md`, unless the value is an
:class:`Md`: a fragment that auditrack itself built and escaped (labels, links,
Mermaid blocks). A template therefore cannot forget to escape; the only way to
print unescaped text is to be Python code that returns :class:`Md`.

What :func:`md` guarantees for any input string, on GitHub, GitLab and any
CommonMark renderer:

* no raw HTML: ``&``, ``<`` and ``>`` become entities, so ``<script>``,
  ``<!--`` (which would hide the rest of the report) and ``<https://…>``
  autolinks are plain text;
* no Markdown structure: the punctuation that starts emphasis, code spans,
  links, images, tables, strikethrough or math is backslash-escaped
  (``\\ ` * _ [ ] | ~ # $``), and what would start a block at the beginning of a
  line (``-``, ``+``, ``1.``) is escaped too;
* no line breaks: a line break becomes ``<br>`` (the only HTML auditrack
  emits), so a text cannot end a table row, a list item or a paragraph;
* no pings or cross-references: GitHub and GitLab link ``@name``, ``#123``,
  ``!123``, ``~label``, ``$123`` and ``&123`` on the *rendered* text, after
  backslash escapes are gone, so a backslash does not stop them. A zero-width
  joiner (U+200D) after the sigil does: the text looks the same, but no longer
  matches a mention or a reference;
* no bare-URL autolinks: ``://`` and ``www.`` are escaped, so a URL in the data
  is shown, not linked;
* no invisible tricks: control characters, bidirectional overrides and
  isolates, zero-width characters and the byte-order mark (every character of
  escape.INVISIBLE) are removed, tabs become spaces.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from auditrack.escape import INVISIBLE

ZWJ = "\u200d"


class Md(str):
    """A Markdown fragment that auditrack built itself and that is already safe to print as is."""

    __slots__ = ()


_NEWLINES = re.compile(r"\r\n|[\r\n\u0085\u2028\u2029\v\f]")
_ESCAPED = frozenset("\\`*_[]|~#$")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SIGILS = frozenset("@#~%")
"""Followed by a letter, a digit or '_': a mention, an issue, a GitLab label or milestone."""
_NUMBER_SIGILS = frozenset("!&$")
"""Followed by a digit: a GitLab merge request, epic or snippet."""
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def _clean(text: str) -> str:
    lines = _NEWLINES.sub("\n", text).replace("\t", " ").split("\n")
    return "\n".join(INVISIBLE.sub("", line) for line in lines)


def md(value: object, line_start: bool = True) -> Md:
    """Escape any text for Markdown: inline, on one line, safe in a table cell, a list item or a heading.

    `line_start=False` is for text that follows other text on its line, where '-', '+', '1.' start no block.
    """
    if isinstance(value, Md):
        return value
    text = _clean(str(value)).strip()
    text = re.sub(r" *\n *", "\n", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append("<br>")
            continue
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _ESCAPED:
            out.append("\\" + ch)
        else:
            out.append(ch)
        following = text[i + 1] if i + 1 < len(text) else ""
        if (ch in _SIGILS and (following.isalnum() or following == "_")) or (ch in _NUMBER_SIGILS and following.isdigit()):
            out.append(ZWJ)
    escaped = "".join(out)
    escaped = escaped.replace("://", "\\://").replace("www.", "www\\.").replace("WWW.", "WWW\\.")
    if line_start and escaped[:1] in ("-", "+", "=", ":"):
        escaped = "\\" + escaped
    elif line_start:
        escaped = _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped, count=1)
    return Md(escaped)


def shorten(value: object, width: int = 120) -> str:
    """The text on one line, cut at a word boundary to at most `width` characters, with '…' when cut."""
    if value is None:
        return ""
    text = " ".join(_clean(str(value)).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:–-") + "…"


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def with_code_spans(value: object) -> Md:
    """Text whose `backtick` pairs are code spans (a hint such as 'Add `planned:`'); everything else as :func:`md`.

    A hint is auditrack's own sentence, but it may carry values from the data, so no part of it is trusted:
    the text between the spans is escaped as any text, and a span's content holds no backtick (so nothing can
    close it early), no line break, and '|' as '\\|', which GFM tables read inside a code span too. Code spans
    show their content literally: no HTML, link, emphasis or mention works inside one.
    """
    text = " ".join(_clean(str(value)).split())
    out: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(text):
        content = span.group(1).strip()
        if not content:
            continue
        out.append(_between(text[last:span.start()], last == 0))
        out.append("`" + content.replace("|", "\\|") + "`")
        last = span.end()
    out.append(_between(text[last:], last == 0))
    return Md("".join(out))


def _between(text: str, line_start: bool) -> str:
    """Text next to a code span: escaped by :func:`md`, keeping the spaces that separate it from the span."""
    core = text.strip()
    if not core:
        return " " if text else ""
    lead = " " if text[0] == " " else ""
    trail = " " if text[-1] == " " else ""
    return lead + md(core, line_start) + trail


def code(value: object) -> Md:
    """Inline code for ids and codes from a known alphabet; anything else is escaped as text."""
    text = str(value)
    if re.fullmatch(r"[A-Za-z0-9._-]+", text):
        return Md(f"`{text}`")
    return md(text)


_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
_HREF_SAFE = "/:?#&=%+,;@!$*~._-"
"""What a link's address keeps as it is; everything else (parentheses, brackets, '|', '<', '>', quotes, a
backslash, a backtick, non-ASCII) is percent-encoded, so the address cannot end the link or the table cell."""


def evidence(value: object) -> Md:
    """Evidence of a done action: a web address (http or https) as a link that shows the address, anything else
    (a decision reference, a file name) as text. Both the shown text and the address are escaped."""
    text = " ".join(_clean(str(value)).split())
    if not _WEB_ADDRESS.fullmatch(text):
        return md(text)
    return Md(f"[{md(text)}]({quote(text, safe=_HREF_SAFE)})")
