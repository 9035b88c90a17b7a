"""The draft as YAML: every value with a comment that says where in the source it was found, and at the end
what was not found and which words OCR left in doubt, so that a person completes the draft with `check`."""

from __future__ import annotations

import re
import textwrap

import yaml

from auditrack.importing.extract import Found

WIDTH = 100
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


class Writer:
    def __init__(self, unit: str, lang: str):
        self.lines: list[str] = []
        self.unit, self.lang = unit, lang

    def where(self, numbers: list[int]) -> str:
        """'line 28', 'lines 108–109, 112', 'page 3' (sidan / raderna in Swedish)."""
        numbers = sorted(set(numbers))
        if not numbers:
            return ""
        ranges, start = [], numbers[0]
        for previous, current in zip(numbers, numbers[1:] + [None]):
            if current != previous + 1 if current is not None else True:
                ranges.append(str(start) if start == previous else f"{start}–{previous}")
                start = current
        words = {("line", "en"): ("line", "lines"), ("page", "en"): ("page", "pages"),
                 ("line", "sv"): ("rad", "rader"), ("page", "sv"): ("sida", "sidor")}[(self.unit, self.lang)]
        return f"{words[len(numbers) > 1]} {', '.join(ranges)}"

    def comment(self, numbers: list[int] | None) -> str:
        return f"  # {self.where(numbers)}" if numbers else ""

    def scalar(self, indent: str, key: str, value, numbers: list[int] | None = None) -> None:
        """`key: value`, a long or several-paragraph text as a folded or literal block."""
        text = value if isinstance(value, str) else None
        if text is not None and (len(text) > WIDTH - len(indent) - len(key) - 2 or "\n" in text):
            body = indent + "  "
            if "\n" in text:
                self.lines.append(f"{indent}{key}: |-{self.comment(numbers)}")
                self.lines.extend(body + line if line else "" for line in text.split("\n"))
            else:
                self.folded(f"{indent}{key}: ", body, text, numbers)
            return
        self.lines.append(f"{indent}{key}: {plain(value)}{self.comment(numbers)}")

    def folded(self, head: str, body: str, text: str, numbers: list[int] | None) -> None:
        """A folded block scalar (`>-`), wrapped at WIDTH; YAML reads it back as the one-line text."""
        self.lines.append(f"{head}>-{self.comment(numbers)}")
        self.lines.extend(textwrap.wrap(text, WIDTH, initial_indent=body, subsequent_indent=body,
                                        break_long_words=False, break_on_hyphens=False))

    def item(self, indent: str, value, numbers: list[int] | None = None) -> None:
        self.lines.append(f"{indent}- {plain(value)}{self.comment(numbers)}")

    def raw(self, line: str) -> None:
        self.lines.append(line)

    def found(self, indent: str, key: str, found: Found | None) -> None:
        if found is not None:
            self.scalar(indent, key, found.value, found.where)


def plain(value) -> str:
    """One value in YAML's flow form: quoted only where YAML needs it, and section numbers always."""
    if isinstance(value, list):
        return "[" + ", ".join(plain(v) for v in value) + "]"
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value  # a date reads as a date, as the hand-written files have it
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def section(value: str) -> str:
    return '"' + value + '"'
