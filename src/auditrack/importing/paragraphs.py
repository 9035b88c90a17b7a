"""A report's lines grouped into headings, paragraphs and list items, each with the section it stands in.

Sections are numbered from the table of contents when the report has one (most do, and OCR often loses the
numbers in the body but not in the contents): a heading in the body that reads as the next entries' title takes
that entry's number, so the third 'Bedömning' gets '3.3.1'. Without contents, a heading's own number is used.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from auditrack.importing.source import Line

BULLET = re.compile(r"^(?:[-–—•·▪*¢]|o|e|[a-z]\)|\d{1,2}[.)])\s+(?=\S)")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+([A-ZÅÄÖ].*)$")
TOC_LINE = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*?)(?:\s*\.{2,})?(?:\s+\d{1,3})?$")
SENTENCE_END = (".", ",", ";", ":")
TABLE_ROW = re.compile(r"\S\s*\|\s*\S")
"""A row of a table as text extraction gives it, cells between '|': 'Revisionsfråga | Bedömning | Kommentar'."""
PAGE_NUMBER = re.compile(r"(?i)^(?:sida\s+)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3}|\s*\(\d{1,3}\))?$")
"""A page's number on a line of its own: '3', 'Sida 2 av 5', '4 (12)', '2/9'."""
HYPHENATED = re.compile(r"([a-zåäö])- (?!och\b|eller\b|samt\b|som\b|till\b)([a-zåäö])")
"""A word broken at a line's end ('uppfölj- ning'); 'förändrings- och utvecklingsarbete' stays."""


@dataclass
class Para:
    lines: list[Line]
    bullet: bool = False
    level: int = 0
    heading: bool = False
    section: str | None = None
    title: str = ""
    """The title of the heading the paragraph stands under (or its own, for a heading)."""
    numbered_title: bool = False
    """Whether that heading has a number of its own ('3.2.1 Bedömning'), rather than standing in section's."""
    table: bool = False
    """A row of a table: a paragraph of its own, never a heading."""

    @property
    def text(self) -> str:
        text = " ".join(line.text for line in self.lines)
        text = BULLET.sub("", text, count=1) if self.bullet else text
        return HYPHENATED.sub(r"\1\2", text)

    @property
    def numbers(self) -> list[int]:
        return [line.number for line in self.lines]


@dataclass(frozen=True)
class Entry:
    number: str
    title: str


def key(text: str) -> str:
    """A heading's letters, lower case, å and ä as a and ö as o: OCR damage and layout do not change it."""
    text = text.lower().translate(str.maketrans("åäöé", "aaoo"))
    return re.sub(r"[^a-z]", "", text)


def same_title(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return bool(ka) and (ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() > 0.9)


def contents(lines: list[Line]) -> tuple[list[Entry], set[int]]:
    """The table of contents: runs of at least three numbered lines (blank lines between allowed)."""
    entries: list[Entry] = []
    used: set[int] = set()
    run: list[tuple[int, Entry]] = []

    def close():
        if len(run) >= 3:
            entries.extend(e for _i, e in run)
            used.update(i for i, _e in run)
        run.clear()

    for i, line in enumerate(lines):
        if not line.text:
            continue
        match = TOC_LINE.match(line.text)
        if match and len(line.text) < 200 and not line.text.endswith("."):
            if run and _order(match.group(1)) <= _order(run[-1][1].number):
                close()  # numbers that start again are the body's first heading, right after the contents
            run.append((i, Entry(match.group(1), match.group(2).strip())))
        else:
            close()
    close()
    return entries, used


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def is_heading_text(text: str) -> bool:
    """Short, not ending as a sentence does, and starting (after its number) with a capital."""
    words = NUMBERED.sub(r"\2", text)
    return 0 < len(text) < 120 and not text.endswith(SENTENCE_END) and words[:1].isupper()


def paragraphs(lines: list[Line], headings: re.Pattern) -> list[Para]:
    """Group lines; a line is a heading when Markdown says so, when it has a section number, when it names a
    known part of a report (`headings`), or when the contents list it."""
    toc, toc_lines = contents(lines)
    furniture = _page_furniture(lines, headings)
    seen: set[str] = set()
    paras: list[Para] = []
    current: Para | None = None
    page_break = False
    for i, line in enumerate(lines):
        repeated = line.text in furniture and line.text in seen  # the first time, it is the title page's
        seen.add(line.text)
        if repeated or PAGE_NUMBER.match(line.text):
            current, page_break = None, True
            continue
        if i in toc_lines or not line.text:
            current = None
            continue
        if TABLE_ROW.search(line.text):
            current = None
            paras.append(Para([line], table=True))
            continue
        numbered = NUMBERED.match(line.text)
        heading = line.heading or (is_heading_text(line.text) and (
            bool(numbered and len(line.text) < 90 and _numbered_heading(numbered, headings))
            or bool(headings.fullmatch(line.text))
            or any(same_title(line.text, e.title) for e in toc)))
        bullet = bool(BULLET.match(line.text)) and not heading
        if page_break and not (heading or bullet) and _continues(paras, line):
            current = paras[-1]
        page_break = False
        if heading or bullet or current is None or current.heading:
            current = Para([line], bullet=bullet, level=1 if bullet and line.indent >= 2 else 0, heading=heading)
            paras.append(current)
        else:
            current.lines.append(line)
    _number(paras, toc, headings)
    return paras


def _continues(paras: list[Para], line: Line) -> bool:
    """Whether a line after a page's footer and the next page's header goes on with the paragraph the page broke:
    that paragraph ends without a sentence's end, and the line starts in lower case."""
    last = paras[-1] if paras else None
    return (last is not None and not last.heading and not last.table and line.text[:1].islower()
            and not last.text.endswith((".", ":", "?", "!")))


def _number(paras: list[Para], toc: list[Entry], headings: re.Pattern) -> None:
    section, title, pointer, own = None, "", 0, False
    for para in paras:
        if para.heading or (len(para.text) < 250 and toc and not para.bullet and not para.table):
            found = _in_contents(para.text, toc, pointer)
            if found is not None:
                pointer = found + 1
                section, title, own = toc[found].number, toc[found].title, True
                para.heading = True
            elif para.heading:
                numbered = NUMBERED.match(para.text)
                if numbered and not toc and _numbered_heading(numbered, headings) and _follows(section, numbered.group(1)):
                    section, title, own = numbered.group(1), numbered.group(2), True
                elif headings.fullmatch(para.text):
                    title, own = para.text, False
                # any other heading is a sub-heading inside the section: it changes neither number nor kind
        para.section, para.title, para.numbered_title = section, title, own


def _numbered_heading(numbered: re.Match, headings: re.Pattern) -> bool:
    """'2.1 Syfte', '2.1. Syfte' and '3 Resultat' are headings; '1. Förankra projektet' is a numbered list's item
    unless its words are a report part's ('1. Sammanfattning')."""
    single_with_dot = "." not in numbered.group(1) and numbered.group(0).split()[0].endswith(".")
    return not single_with_dot or bool(headings.fullmatch(numbered.group(2)))


def _page_furniture(lines: list[Line], headings: re.Pattern) -> set[str]:
    """Short lines that recur on many pages (the organisation, the title, the date, the firm's footer)."""
    counts = Counter(line.text for line in lines if 0 < len(line.text) < 100)
    return {text for text, count in counts.items()
            if count >= 3 and not BULLET.match(text) and not headings.fullmatch(text)}


def _in_contents(text: str, toc: list[Entry], pointer: int) -> int | None:
    bare = NUMBERED.sub(r"\2", text) if NUMBERED.match(text) else text
    for index in range(pointer, min(pointer + 6, len(toc))):
        if same_title(bare, toc[index].title):
            return index
    return None


def _follows(current: str | None, number: str) -> bool:
    """Whether a heading number can come after `current`: a child, or the next at its level or above."""
    if current is None:
        return True
    now, new = [int(p) for p in current.split(".")], [int(p) for p in number.split(".")]
    if new == now + [1]:
        return True
    for depth in range(1, len(now) + 1):
        if new == now[:depth - 1] + [now[depth - 1] + 1]:
            return True
    return False
