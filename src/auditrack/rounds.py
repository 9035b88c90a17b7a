"""Follow-up rounds: one follow-up may grade recommendations of several earlier reports of an organisation.

A follow-up with `report:` concerns that report; one without (a round) concerns the report of each
recommendation it grades.
"""

from __future__ import annotations

from auditrack.index import Index

def report_by_recommendation(index: Index, org: str) -> dict[str, object]:
    """Recommendation id → the audit report it belongs to, for one organisation."""
    return {rec.id: report for report in index.records("audit-report", org) for rec in report.recommendations}


def reports_followed_up(index: Index, follow_up, owners: dict[str, object] | None = None) -> list:
    """The audit reports a follow-up concerns: its `report:`, else the reports of the recommendations it grades
    (each once, in the order first graded). `owners` is report_by_recommendation's map, when already built."""
    org = index.org_of(follow_up)
    if follow_up.report is not None:
        report = index.get(org, follow_up.report, "audit-report")
        return [report] if report is not None else []
    owners = owners if owners is not None else report_by_recommendation(index, org)
    found: dict[str, object] = {}
    for assessment in follow_up.assessments:
        report = owners.get(assessment.recommendation)
        if report is not None:
            found.setdefault(report.id, report)
    return list(found.values())
