"""The rule registry and the runner that turns rule hits into findings.

Rule modules register themselves on import; the registry is
:data:`auditrack.rules.base.REGISTRY`, keyed by code.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from auditrack.codes import CODES
from auditrack.findings import Category, Finding, Severity
from auditrack.i18n import number
from auditrack.index import Index
from auditrack.models.base import Record
from auditrack.rules.base import REGISTRY, Context, Hit, Rule, rule, selected  # noqa: F401

if TYPE_CHECKING:  # the configuration module checks rule codes against the rules: no import back
    from auditrack.config import Config

_RULE_MODULES = ("goals", "mandates", "reporting", "evaluation", "lifecycle", "positions", "repeats", "dates",
                 "observations", "due_soon", "verdicts")


def load_rules() -> dict[str, Rule]:
    import importlib

    for name in _RULE_MODULES:
        importlib.import_module(f"auditrack.rules.{name}")
    return dict(sorted(REGISTRY.items()))


def run_rules(index: Index, config: Config, as_of: date) -> list[Finding]:
    from auditrack.findings import internal_finding

    rules = load_rules()
    ctx = Context(index=index, as_of=as_of, config=config)
    findings: list[Finding] = []
    used_waivers: set[tuple[int, int]] = set()
    for code, spec in rules.items():
        if not selected(code, config):
            continue
        try:
            waivers: dict[int, list[int]] = {}  # by record: which of its waivers name this rule
            per_record: dict[int, list[Finding]] = {}
            for hit in spec.check(ctx):
                finding = _to_finding(spec, hit, ctx, used_waivers, waivers)
                if finding is not None:
                    per_record.setdefault(id(hit.record), []).append(finding)
            for found in per_record.values():
                findings.extend(_capped(found))
        except Exception as exc:  # one broken rule must not hide what the others find
            findings.append(internal_finding(f"rule {code} ({spec.name})", exc))
    findings.extend(_waiver_findings(index, config, as_of, used_waivers))
    return findings


MAX_FINDINGS_PER_RECORD = 20
"""One rule reports at most this many findings about one record (one response, action, goal, requirement...);
one more counts the rest, so a record of 10,000 items in a valid file cannot flood the output."""


def _capped(findings: list[Finding]) -> list[Finding]:
    if len(findings) <= MAX_FINDINGS_PER_RECORD:
        return findings
    rest = len(findings) - MAX_FINDINGS_PER_RECORD
    last = findings[MAX_FINDINGS_PER_RECORD]
    about = f" about '{last.subject}'" if last.subject else ""
    about_sv = f" om '{last.subject}'" if last.subject else ""
    return [*findings[:MAX_FINDINGS_PER_RECORD], Finding(
        last.code, last.severity,
        f"{rest:,} more {last.code} finding{'s' if rest != 1 else ''}{about} "
        f"{'are' if rest != 1 else 'is'} not shown (only the first {MAX_FINDINGS_PER_RECORD} are)",
        last.location, last.subject, last.organisation, last.category,
        "Fix those shown, then check again.",
        translations={"sv": (
            f"ytterligare {number('sv', rest)} {'iakttagelse' if rest == 1 else 'iakttagelser'} från {last.code}"
            f"{about_sv} visas inte (bara de första {MAX_FINDINGS_PER_RECORD} visas)",
            "Åtgärda dem som visas och kontrollera sedan igen.",
        )},
    )]


def _to_finding(spec: Rule, hit: Hit, ctx: Context, used_waivers: set, waivers: dict[int, list[int]]) -> Finding | None:
    record = hit.record
    if isinstance(record, Record):
        mine = waivers.get(id(record))
        if mine is None:  # once per record, not once per hit: a record can have thousands of each
            mine = waivers[id(record)] = [i for i, waiver in enumerate(record.waivers) if waiver.rule == spec.code]
        for i in mine:
            waiver = record.waivers[i]
            used_waivers.add((id(record), i))
            if waiver.expires.end >= ctx.as_of:
                return None
    severity = Severity(ctx.config.severity[spec.code]) if spec.code in ctx.config.severity else (hit.severity or spec.severity)
    return Finding(
        code=spec.code,
        severity=severity,
        message=hit.message,
        location=ctx.index.locate(record, hit.field),
        subject=getattr(record, "id", None),
        organisation=ctx.index.org_of(record),
        category=Category.GAP,
        hint=hit.hint,
        translations={"sv": (hit.sv, hit.sv_hint)} if hit.sv else {},
    )


def _waiver_findings(index: Index, config: Config, as_of: date, used: set) -> list[Finding]:
    findings = []
    for entry in index.by_object.values():
        record = entry.record
        for i, waiver in enumerate(record.waivers):
            location = index.paths[id(record)]
            loc = location[0].locate(location[1] + ("waivers", i))
            if waiver.expires.end < as_of and selected("W001", config):
                findings.append(Finding(
                    "W001", Severity(config.severity.get("W001", CODES["W001"].severity)),
                    f"the waiver of {waiver.rule} on '{record.id}' expired on {waiver.expires}; the rule applies again",
                    loc, record.id, entry.organisation, Category.GAP,
                    "Fix the gap, or renew the waiver with a new expiry date and approval.",
                    translations={"sv": (
                        f"undantaget från {waiver.rule} för '{record.id}' gick ut {waiver.expires}; regeln gäller igen",
                        "Åtgärda bristen, eller förnya undantaget med ett nytt slutdatum och ett nytt godkännande.",
                    )},
                ))
            elif (id(record), i) not in used and selected("W002", config) and selected(waiver.rule, config):
                findings.append(Finding(
                    "W002", Severity(config.severity.get("W002", CODES["W002"].severity)),
                    f"the waiver of {waiver.rule} on '{record.id}' is unused: the rule finds nothing here",
                    loc, record.id, entry.organisation, Category.GAP, "Remove the waiver.",
                    translations={"sv": (
                        f"undantaget från {waiver.rule} för '{record.id}' används inte: regeln hittar ingenting här",
                        "Ta bort undantaget.",
                    )},
                ))
    return findings
