"""The status report's summary for a board: what is late, what falls due soon, how old the open recommendations
are, and per report year how many were implemented and how long that took.

Dates: a date given only as a month or a year counts from its first day (as the reports list it); a report
without a date has no age and no time to close, and is counted under "not stated", never guessed.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from statistics import median

from auditrack.models.base import add_months
from auditrack.reports import common
from auditrack.reports.updates import moved

DUE_SOON_DAYS = 90
"""How far ahead the briefing's 'due soon' looks: the next three months, as `auditrack due` lists by default. The
configured `horizons.due_soon_days` is the shorter warning before a date (R112), not what a board plans for."""
CLOSED_STATES = ("implemented", "no-longer-relevant", "not-agreed")
"""A recommendation in one of these states is no longer open; every other state (also one a newer schema adds) is."""
AGE_BUCKETS = ("under-1-year", "1-2-years", "over-2-years")
UNDATED = "not-stated"
"""The age bucket and report year of a recommendation whose report has no date."""


def facts(report, state: str, assessments: list, as_of: date) -> dict:
    """What the summary needs of one recommendation: its state, its report's date and year, its age bucket, and
    when it was closed (implemented)."""
    start = report.date.start if report.date is not None else None
    return {"state": state, "report_date": start, "year": start.year if start else None,
            "age": age_bucket(report.date, as_of), "closed_on": closed_on(assessments)}


def closed_on(assessments: list) -> date | None:
    """The date of the follow-up that graded the recommendation implemented, when its latest grade is: the first
    of the newest run of 'implemented' grades (an earlier 'implemented' that a later grade undid does not count)."""
    closed = None
    for follow_up, assessment in assessments:  # newest first
        if assessment.status != "implemented":
            break
        closed = follow_up.date.start
    return closed


def age_bucket(report_date, as_of: date) -> str:
    if report_date is None:
        return UNDATED
    start = report_date.start
    if as_of < add_months(start, 12):
        return "under-1-year"
    if as_of < add_months(start, 24):
        return "1-2-years"
    return "over-2-years"


def action_deadlines(entries: list[dict], as_of: date, horizon: int) -> tuple[list[dict], list[dict]]:
    """Open actions past their due date (most days late first) and those due within `horizon` days (soonest
    first). Each entry is {'action', 'org', 'audit', 'owner', ...}; the result adds `due`, `moved` (the move that set
    the due date, or none) and `days`."""
    overdue, soon = [], []
    for entry in entries:
        action = entry["action"]
        if action.status not in common.OPEN_ACTION or action.due is None:
            continue
        end = action.due.end
        view = {**entry, "due": action.due.text, "moved": moved(action, as_of), "text": action.text}
        if common.is_overdue(action, as_of):
            overdue.append({**view, "days": (as_of - end).days})
        elif (end - as_of).days <= horizon:
            soon.append({**view, "days": (end - as_of).days})
    overdue.sort(key=overdue_order)
    soon.sort(key=due_soon_order)
    return overdue, soon


def overdue_order(view: dict) -> tuple:
    """Most days late first."""
    return -view["days"], view["org"], view["text"]


def due_soon_order(view: dict) -> tuple:
    """Soonest first."""
    return view["days"], view["org"], view["text"]


def missing_answers(organisations: list[dict], as_of: date) -> list[dict]:
    """Per body asked to respond and not yet answered: the audit, the due date and the days late (or left);
    late ones first, most days late first, then those not yet due, then those without a due date."""
    missing = []
    for org in organisations:
        for report in org["reports"]:
            for answer in report["answers"]:
                if answer["answered"]:
                    continue
                left = None
                if answer["due"] is not None and answer["late_days"] is None:
                    left = (date.fromisoformat(answer["due"]) - as_of).days
                missing.append({"org": org["name"], "body": answer["body"], "audit": report["title"],
                                "due": answer["due"], "late_days": answer["late_days"], "days_left": left})
    missing.sort(key=missing_order)
    return missing


def missing_order(missing: dict) -> tuple:
    """Late ones first, most days late first, then those not yet due, then those without a due date."""
    return (missing["late_days"] is None, -(missing["late_days"] or 0), missing["days_left"] is None,
            missing["days_left"] or 0, missing["org"], missing["body"])


def ages(recommendations: list[dict]) -> dict:
    """Open recommendations per age bucket, the undated ones under 'not-stated'."""
    counts = Counter(r["age"] for r in recommendations if r["state"] not in CLOSED_STATES)
    return {b: counts.get(b, 0) for b in AGE_BUCKETS + (UNDATED,)}


def age_rows(ages_: dict) -> list[str]:
    """The buckets a report shows: always the three ages, 'not-stated' only when it holds any."""
    return list(AGE_BUCKETS) + ([UNDATED] if ages_[UNDATED] else [])


def by_report_year(recommendations: list[dict]) -> list[dict]:
    """Per report year (undated last): recommendations, how many implemented, the share in whole percent, and the
    median days from the report to the follow-up that graded it implemented (none when none is, or undated)."""
    years: dict = {}
    for rec in recommendations:
        years.setdefault(rec["year"], []).append(rec)
    rows = []
    for year in sorted(years, key=lambda y: (y is None, y or 0)):
        recs = years[year]
        implemented = [r for r in recs if r["state"] == "implemented"]
        days = [(r["closed_on"] - r["report_date"]).days for r in implemented
                if r["closed_on"] is not None and r["report_date"] is not None]
        rows.append({
            "year": year,
            "recommendations": len(recs),
            "implemented": len(implemented),
            "percent": (200 * len(implemented) + len(recs)) // (2 * len(recs)),  # rounded half up
            "median_days": median(days) if days else None,
        })
    return rows
