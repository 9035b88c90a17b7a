"""A report's text as lines that know where they come from: a page of a PDF, or a line of a text file.

Markdown markup (headings' '#', emphasis, footnote marks) is taken off so that the extraction reads the words;
OCR damage to å, ä and ö is repaired line by line (see ocr.py), and what could not be repaired is kept with
the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from auditrack.importing import ocr


class SourceError(Exception):
    """The file cannot be read as a report's text; `key` names the message (commands/import_report.py)."""

    def __init__(self, key: str, detail: str = ""):
        super().__init__(key)
        self.key, self.detail = key, detail


@dataclass
class Line:
    text: str
    number: int
    """The line's number in a text file, or the page's number in a PDF."""
    heading: bool = False
    """Markdown marks it as a heading (#) or as a bold line on its own."""
    indent: int = 0
    doubts: list[ocr.Doubt] = field(default_factory=list)


@dataclass
class Source:
    lines: list[Line]
    unit: str
    """'line' or 'page': what `Line.number` counts."""
    damaged: bool


MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
BOLD_LINE = re.compile(r"^\s*\*\*(.+?)\*\*\s*$")
MARKUP = re.compile(r"<sup>.*?</sup>|<[^>]+>|\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")


def read(path: Path) -> Source:
    if path.suffix.lower() == ".pdf":
        pages = _pdf_pages(path)
        # a page ends a paragraph: an empty line between pages, so the next page's header stands apart
        raw = [(text, page) for page, page_text in enumerate(pages, start=1) for text in page_text.splitlines() + [""]]
        unit = "page"
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_text(encoding="cp1252")
        raw = [(line, number) for number, line in enumerate(text.splitlines(), start=1)]
        unit = "line"
    damaged = ocr.looks_damaged("\n".join(text for text, _ in raw))
    return Source([_line(text, number, damaged) for text, number in raw], unit, damaged)


def _line(text: str, number: int, damaged: bool) -> Line:
    heading = bool(MARKDOWN_HEADING.match(text) or BOLD_LINE.match(text))
    text = MARKDOWN_HEADING.sub("", text)
    text = MARKUP.sub("", text).replace("\u00a0", " ").rstrip()
    indent = len(text) - len(text.lstrip(" \t"))
    repaired, doubts = ocr.repair_line(text.strip(), damaged)
    return Line(" ".join(repaired.split()), number, heading, indent, doubts)


def _pdf_pages(path: Path) -> list[str]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise SourceError("no-pypdf") from None
    try:
        return [page.extract_text() or "" for page in PdfReader(path).pages]
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise SourceError("bad-pdf", str(exc)) from None
