"""What a recommendation concerns, for the follow-up report: the observations it addresses and the gaps on them.

A gap concerns a recommendation when the check finds it on a record one of its observations is `about`, or on a
record that `resolves:` one of them. An observation is open exactly when the check reports it open (G501).
"""

from __future__ import annotations

from auditrack.findings import Category

OPEN = "G501"


def by_recommendation(index, org: str, report, findings) -> dict[str, dict]:
    """Per recommendation id of `report`: `observations[]` (`text`, `section`, `open`) and `gaps[]` (`code`,
    `message`), each gap once, in the check's order."""
    gaps = [f for f in findings if f.category == Category.GAP and f.organisation == org]
    still_open = {f.subject for f in gaps if f.code == OPEN}
    concerns: dict[str, dict] = {}
    for rec in report.recommendations:
        addressed = [o for o in report.observations if rec.id in o.recommendations]
        records = {o.about for o in addressed}
        for observation in addressed:
            records.update(m.id for m, key in index.referring(observation) if key == "resolves" and hasattr(m, "id"))
        concerns[rec.id] = {
            "observations": [{"text": o.text, "section": o.section, "open": o.id in still_open} for o in addressed],
            "gaps": [{"code": f.code, "message": f.message} for f in gaps if f.code != OPEN and f.subject in records],
        }
    return concerns
