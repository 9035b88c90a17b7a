"""Comparing two checks of the same repository: which gaps a change introduces, records, resolves or leaves.

Gap findings are matched by what they are about (organisation, record, rule and message), not by file or
line, so moving or renaming a file is no change. A gap on a record the change adds is "newly recorded": the
change writes down what already happened (a late response whose actions are already overdue) rather than
causing it. An organisation whose data has errors on either side is not compared at all: its gaps were not
judged there, and comparing them would call every one resolved or introduced. The two checks may be of the
organisations the change touches only (`Scope`): the others' findings are the same at both revisions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from auditrack.engine import EXIT_DATA, EXIT_GAPS, EXIT_INTERNAL, EXIT_OK, CheckResult
from auditrack.findings import Category, Finding, Severity
from auditrack.index import Index


@dataclass
class StatusChange:
    kind: str
    """'action' or 'recommendation'."""
    organisation: str
    id: str
    before: str | None
    """The action's status, or the recommendation's latest follow-up assessment; None when absent."""
    after: str | None
    file: str
    line: int


Statuses = dict[tuple[str, str, str], tuple[str | None, str, int]]
"""(kind, organisation, id) → (status, file, line) for every action and every recommendation."""

Records = set[tuple[str, str, str]]
"""(organisation, kind, id) of every record: a record's identity, wherever its file is."""


@dataclass
class Side:
    label: str
    commit: str | None
    result: CheckResult
    statuses: Statuses
    records: Records = field(default_factory=set)


@dataclass
class Uncompared:
    """An organisation whose gaps are not compared, and why: its data errors on each side. Organisation None
    stands for the files that name no organisation (or whose organisation file is invalid): their records are
    missing from both comparisons, so the diff is incomplete too."""

    organisation: str | None
    base: list[Finding]
    head: list[Finding]


@dataclass
class Scope:
    """Which organisations were judged. A diff judges only the organisations whose files the change touches (at
    either revision), and the files that name no organisation: every other organisation's files are the same at
    both, and so are its findings. It judges all of them when asked (--full), or when the configuration or an
    organisation file changed (every organisation's part reads those), or when an organisation file has errors
    (they can hold back another organisation's gaps). Only the findings that are the same at both revisions
    (`unchanged`) and the organisations not compared (`uncompared`) depend on it: they are those of the
    organisations judged."""

    organisations: list[str] | None = None
    """The organisations judged, in order, when only those the change touches were; None when all were."""
    total: int | None = None
    """How many organisations have files at either revision, when only some were judged."""
    because: str | None = None
    """Why all were judged: 'requested', 'configuration', 'organisation-files' (changed or with errors)."""

    @property
    def incremental(self) -> bool:
        return self.organisations is not None

    @property
    def left_out(self) -> int:
        """How many organisations were not judged."""
        return (self.total or 0) - len(self.organisations or ())


@dataclass
class Diff:
    base: Side
    head: Side
    scope: Scope = field(default_factory=lambda: Scope(because="requested"))
    introduced: list[Finding] = field(default_factory=list)
    """New gaps on records that existed at the base: what the change causes."""
    newly_recorded: list[Finding] = field(default_factory=list)
    """New gaps on records the change adds: what it records, not what it causes."""
    resolved: list[Finding] = field(default_factory=list)
    unchanged: list[Finding] = field(default_factory=list)
    changes: list[StatusChange] = field(default_factory=list)
    uncompared: list[Uncompared] = field(default_factory=list)

    @property
    def not_compared(self) -> list[str]:
        """Organisations whose gaps and statuses are not compared: one side's data has errors there."""
        return [u.organisation for u in self.uncompared if u.organisation is not None]

    def exit_code(self, fail_on: str, fail_on_new_records: bool = False) -> int:
        """4 internal error; 3 an organisation could not be compared; 1 a gap introduced at or above `fail_on`
        (or newly recorded, with `fail_on_new_records`); else 0."""
        if any(f.category is Category.INTERNAL for f in self.head.result.findings):
            return EXIT_INTERNAL
        if self.uncompared:
            return EXIT_DATA
        if fail_on == "never":
            return EXIT_OK
        threshold = Severity(fail_on).rank
        failing = self.introduced + (self.newly_recorded if fail_on_new_records else [])
        return EXIT_GAPS if any(f.severity.rank >= threshold for f in failing) else EXIT_OK


def match_key(f: Finding) -> tuple:
    """What makes two findings the same finding at two revisions. A gap is about a record, which keeps its
    organisation and id when its file moves; the message tells apart several findings of one rule on one
    record (the recommendations a response leaves unanswered). A data error is about its file."""
    if f.category is Category.GAP:
        return ("gap", f.organisation, f.subject, f.code, f.message)
    return f.fingerprint()


def compare(base: Side, head: Side, scope: Scope | None = None) -> Diff:
    diff = Diff(base, head) if scope is None else Diff(base, head, scope)
    skipped = base.result.unjudged | head.result.unjudged
    diff.uncompared = [Uncompared(organisation, base.result.data_errors.get(organisation, []),
                                  head.result.data_errors.get(organisation, [])) for organisation in sorted(skipped)]
    unowned = (_unowned_errors(base.result), _unowned_errors(head.result))
    if any(unowned):
        diff.uncompared.append(Uncompared(None, *unowned))

    def compared(f: Finding) -> bool:
        return f.category is not Category.GAP or f.organisation not in skipped

    waiting: dict[tuple, list[Finding]] = defaultdict(list)
    for f in filter(compared, base.result.findings):
        waiting[match_key(f)].append(f)
    new_record = _added_records(base.records, head.records)
    for f in filter(compared, head.result.findings):
        bucket = waiting.get(match_key(f))
        if bucket:
            bucket.pop(0)
            diff.unchanged.append(f)
        elif f.category is Category.GAP and new_record(f.organisation, f.subject):
            diff.newly_recorded.append(f)
        else:
            diff.introduced.append(f)
    left = {id(f) for bucket in waiting.values() for f in bucket}
    diff.resolved = [f for f in base.result.findings if id(f) in left]
    diff.changes = [c for c in status_changes(base.statuses, head.statuses) if c.organisation not in skipped]
    return diff


def _unowned_errors(result: CheckResult) -> list[Finding]:
    return [f for f in result.findings if f.category is Category.DATA and not f.organisation]


def _added_records(before: Records, after: Records):
    """Whether the record (organisation, id) of a head finding is one the change adds: no record of its kind
    and id was in that organisation at the base."""
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for organisation, kind, id_ in after:
        kinds[(organisation, id_)].add(kind)

    def added(organisation: str | None, id_: str | None) -> bool:
        found = kinds.get((organisation, id_))
        return bool(found) and all((organisation, kind, id_) not in before for kind in found)

    return added


def records(index: Index) -> Records:
    """The identity of every record in `index`, organisations included."""
    return {(entry.organisation, entry.kind, entry.record.id) for entry in index.by_object.values()}


NOT_STATED = "not-stated"
"""The status of an action whose status the data leaves out, so that it differs from an absent action."""


def statuses(index: Index) -> Statuses:
    """The status of every action and every recommendation in `index`.

    A recommendation's status is the assessment of the latest follow-up that assesses it
    (None when none does yet); an action's is its `status` (NOT_STATED when the data does not give it).
    """
    found: Statuses = {}
    for entry in index.by_kind.get("action", ()):
        where = index.locate(entry.record, "status")
        status = entry.record.status or NOT_STATED
        found[("action", entry.organisation, entry.record.id)] = (status, where.file, where.line)
    latest: dict[tuple[str, str], tuple[tuple, str]] = {}
    for entry in index.by_kind.get("follow-up", ()):
        follow_up = entry.record
        order = (follow_up.date.end, follow_up.date.start, entry.file.path)
        for assessment in follow_up.assessments:
            key = (entry.organisation, assessment.recommendation)
            if key not in latest or order >= latest[key][0]:
                latest[key] = (order, assessment.status)
    for entry in index.by_kind.get("recommendation", ()):
        where = index.locate(entry.record)
        status = latest.get((entry.organisation, entry.record.id), (None, None))[1]
        found[("recommendation", entry.organisation, entry.record.id)] = (status, where.file, where.line)
    return found


def status_changes(before: dict, after: dict) -> list[StatusChange]:
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        old_status, new_status = (old[0] if old else None), (new[0] if new else None)
        if old_status == new_status:
            continue
        file, line = (new or old)[1:]
        changes.append(StatusChange(key[0], key[1], key[2], old_status, new_status, file, line))
    return changes
