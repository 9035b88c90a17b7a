"""The rule contract: a code, a short name, a default severity and a check.

A rule is a generator function decorated with :func:`rule`. Its docstring is
its documentation (what it checks, why, and how to fix it); `auditrack rules`
and docs/rules.md are generated from it. A check receives a :class:`Context`
and yields :class:`Hit` objects; the engine turns hits into findings, applies
the configuration and waivers, and never lets one broken rule stop the others.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

from pydantic import BaseModel

from auditrack.findings import Severity
from auditrack.index import Index
from auditrack.rules.timeline import Relations

if TYPE_CHECKING:  # the configuration module checks rule codes against the rules: no import back
    from auditrack.config import Config


class Hit(NamedTuple):
    """One thing a rule found about one record."""

    record: BaseModel
    message: str
    field: str | tuple | None = None
    """The field to point at: a name, or a path below the record such as ('targets', 2)."""
    severity: Severity | None = None
    """Overrides the rule's default, e.g. a warning before a deadline and an error after."""
    hint: str | None = None
    sv: str | None = None
    """The message in Swedish."""
    sv_hint: str | None = None
    """The hint in Swedish."""


@dataclass
class Context:
    index: Index
    as_of: date
    config: Config

    @cached_property
    def relations(self) -> Relations:
        """How the index's mandates, documents, bodies and roles relate, found once for all the rules."""
        return Relations(self.index)

    def hit(self, record: BaseModel, message: str, field: str | tuple | None = None, *, severity: Severity | None = None,
            hint: str | None = None, sv: str | None = None, sv_hint: str | None = None) -> Hit:
        """One finding about `record`: the message and hint in English, and in Swedish (`sv`, `sv_hint`)."""
        return Hit(record, message, field, severity, hint, sv, sv_hint)


def selected(code: str, config: Config) -> bool:
    """Whether the configuration's `select:` and `ignore:` run the rule `code`."""
    if config.select and not any(code.startswith(p) for p in config.select):
        return False
    return not any(code.startswith(p) for p in config.ignore)


Check = Callable[[Context], Iterable[Hit]]


class Rule(NamedTuple):
    code: str
    name: str
    severity: Severity
    check: Check
    summary: str
    doc: str
    example: str | None = None
    fix_example: str | None = None
    group: str = ""

    @property
    def why(self) -> str:
        return _section(self.doc, "Why")

    @property
    def fix(self) -> str:
        return _section(self.doc, "Fix")


def _section(doc: str, name: str) -> str:
    lines = doc.splitlines()
    out: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if stripped.rstrip(":") in {"Why", "Fix", "Example"} and stripped.endswith(":"):
            inside = stripped.rstrip(":") == name
            continue
        if inside:
            out.append(line)
    return "\n".join(out).strip()


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, *, example: str | None = None, fix_example: str | None = None):
    """Register a check as a rule. The docstring's first line is the summary; 'Why:' and 'Fix:' sections follow."""

    def register(check: Check) -> Check:
        doc = inspect.cleandoc(check.__doc__ or "")
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        summary = doc.splitlines()[0] if doc else name
        REGISTRY[code] = Rule(
            code=code, name=name, severity=severity, check=check, summary=summary,
            doc=doc, example=inspect.cleandoc(example) if example else None,
            fix_example=inspect.cleandoc(fix_example) if fix_example else None,
            group=check.__module__.rsplit(".", 1)[-1],
        )
        return check

    return register
