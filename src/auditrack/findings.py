"""Findings: what every stage of a check reports, and how they are ordered.

A finding is plain data. Loaders, validation, the index and the rules all
produce findings; formatters and reports only consume them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    """How serious a finding is. Ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, Enum):
    """Which stage a finding comes from; decides the exit code.

    ``data`` findings mean the files cannot be trusted (YAML, schema,
    reference errors): exit code 3. ``gap`` findings are about the governance
    itself: exit code 1 at or above ``--fail-on``. ``internal`` findings are
    our own failures: exit code 4.
    """

    DATA = "data"
    GAP = "gap"
    INTERNAL = "internal"


class Location(NamedTuple):
    """A place in a data file: the path relative to the checked root, 1-based line and column."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    location: Location
    subject: str | None = None
    organisation: str | None = None
    category: Category = Category.GAP
    hint: str | None = None
    extra: dict = field(default_factory=dict)
    translations: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """The message and hint in other languages than English, by language code ('sv')."""

    def sort_key(self) -> tuple:
        loc = self.location
        # X003 points at an organisation's first data error, to say what it holds back: it follows that error.
        return (loc.file, loc.line, loc.column, self.code == "X003", self.code, self.message)

    def fingerprint(self) -> tuple:
        """Identity of a finding that survives edits elsewhere in the file (no line numbers)."""
        return (self.code, self.location.file, self.subject, self.message)


AUDITORS_OWN = frozenset({"G501"})
"""Codes of findings that are the audit's own observations: human-readable output leads with them."""


def auditors_first(findings: list[Finding]) -> list[Finding]:
    """The findings with the audits' own observations first, each group in its own order."""
    return ([f for f in findings if f.code in AUDITORS_OWN]
            + [f for f in findings if f.code not in AUDITORS_OWN])


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for f in findings:
        counts[f.severity.value] += 1
    return counts


def short(text: str, limit: int = 80) -> str:
    """Text from the data, cut to `limit` characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


NAME_LIMIT = 120
"""The most characters of a record's name or title that a rule's message quotes: real names fit (the longest
in the seed data is 87), and a 50 KB name is not repeated in full in every finding about its record."""


def named(text: str) -> str:
    """A name or title from the data, as a rule's message quotes it."""
    return short(text, NAME_LIMIT)


LANGUAGES = ("en", "sv")


def localize(findings: list[Finding], lang: str) -> list[Finding]:
    """Put each finding's message and hint in `lang` where a translation exists (English otherwise)."""
    for f in findings:
        translated = f.translations.get(lang)
        if translated is not None:
            f.message = translated[0]
            f.hint = translated[1] if translated[1] is not None else f.hint
    return findings


def internal_finding(where: str, exc: BaseException, subject: str | None = None,
                     location: Location | None = None) -> Finding:
    """A short, reportable message for our own failure; never a bare traceback."""
    from auditrack import __version__

    detail = " ".join(str(exc).split())
    if len(detail) > 300:
        detail = detail[:297] + "..."
    return Finding(
        "I001", Severity.ERROR,
        f"internal error in {where}: {type(exc).__name__}: {detail} (auditrack {__version__}); "
        "this is a bug in auditrack, please report it with this message",
        location or Location("."), subject, category=Category.INTERNAL,
    )
