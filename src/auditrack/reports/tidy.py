"""The last step of every report: lines without trailing spaces, no runs of blank lines that template logic
leaves (inside a fenced block every line is kept as it is), one final newline.

`Tidy` takes the text in pieces, as a report is rendered one organisation at a time, and writes each line
as soon as it is known to stay: the result is the same however the text is cut (tests/test_reports_streaming.py).
"""

from __future__ import annotations

from typing import Callable


class Tidy:
    """Tidy text fed in pieces (`feed`) and pass it on to `write`; `close` ends it."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write
        self._rest = ""
        """Text after the last complete line (or a line that ends in '\\r', which a '\\n' may follow)."""
        self._fenced = False
        self._blanks = 0
        """Kept blank lines not written yet: written before the next line with text, dropped at the end. Outside
        a fenced block, a blank line after a kept blank line is not kept."""
        self._wrote = False

    def feed(self, text: str) -> None:
        if not text:
            return
        lines = (self._rest + text).splitlines(keepends=True)
        last = lines[-1]
        ended = len(last.splitlines()[0]) != len(last) if last else False
        self._rest = "" if ended and not last.endswith("\r") else lines.pop()
        out: list[str] = []
        for line in lines:
            self._line(line[:-2] if line.endswith("\r\n") else line[:-1], out)
        if out:
            self._write("".join(out))
            self._wrote = True

    def close(self) -> None:
        out: list[str] = []
        for line in self._rest.splitlines():
            self._line(line, out)
        self._rest = ""
        if out or not self._wrote:
            self._write("".join(out) or "\n")  # an empty report is one newline

    def _line(self, line: str, out: list[str]) -> None:
        stripped = line.rstrip()
        if stripped.startswith("```"):
            self._fenced = not self._fenced
        if not self._fenced and not stripped and self._blanks:
            return
        value = line if self._fenced else stripped
        if not value:
            self._blanks += 1
            return
        out.append("\n" * self._blanks + value + "\n")
        self._blanks = 0
