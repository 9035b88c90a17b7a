"""The action plan's rows: one per recommendation and action, with what a board secretary follows up.

A recommendation with no action has one row of its own (the action columns empty); a recommendation with
actions has one row per action. The id columns (report, recommendation, action) identify a row, so an edited
sheet can be matched back to the data; the values of `status`, `stance` and the follow-up grade are the
data's own words (planned, agree, implemented …) in either language, so that they read back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditrack.models.base import Period
from auditrack.reports import common

COLUMNS: tuple[tuple[str, str, str], ...] = (
    # (key, English header, Swedish header)
    ("report", "Report", "Rapport"),
    ("recommendation_id", "Recommendation id", "Rekommendation-id"),
    ("recommendation", "Recommendation", "Rekommendation"),
    ("addressees", "Addressees", "Mottagare"),
    ("body", "Responding body", "Svarande organ"),
    ("stance", "Stance", "Ställningstagande"),
    ("action_id", "Action id", "Åtgärd-id"),
    ("action", "Action", "Åtgärd"),
    ("owner", "Owner", "Ansvarig"),
    ("due", "Due", "Klart senast"),
    ("status", "Status", "Status"),
    ("last_update", "Last update", "Senast uppdaterad"),
    ("note", "Note", "Anteckning"),
    ("evidence", "Evidence", "Underlag"),
    ("follow_up", "Latest follow-up", "Senaste uppföljning"),
)
ID_COLUMNS = ("report", "recommendation_id", "action_id")
"""The columns that identify a row; the spreadsheet locks them."""
OPTIONAL_COLUMNS = ("note",)
"""Columns an older export lacks; a sheet without them reads back as having none of their values."""
DATE_COLUMNS = ("due", "last_update")
STATUSES = ("planned", "in-progress", "done", "cancelled")
"""The values the status column allows (the data's own)."""
LIST_SEPARATOR = "\n"
"""Several addressees or evidence links share a cell, one a line (a link may hold ';' or ',')."""

Value = str | date | None


@dataclass(frozen=True)
class Row:
    values: dict[str, Value]

    def cells(self) -> list[Value]:
        return [self.values.get(key) for key, _en, _sv in COLUMNS]


def headers(lang: str) -> list[str]:
    return [sv if lang == "sv" else en for _key, en, sv in COLUMNS]


def date_value(period: Period | None) -> Value:
    """A whole day as a date; a month, quarter, half-year or year stays text ('2022-10'), as the data says."""
    if period is None:
        return None
    return period.start if period.start == period.end else period.text


def rows(index, org_ids: list[str], as_of: date) -> list[Row]:
    """Every recommendation of every report of `org_ids`, in the data's order, with its actions."""
    found: list[Row] = []
    for org in org_ids:
        tracked = common.tracking(index, org, as_of)
        for report in common.reports_of(index, org, as_of):
            responses = common.responses_to(index, org, report.id, as_of)
            for rec in report.recommendations:
                found.extend(_rows_of(org, report, rec, responses, tracked))
    return found


def _rows_of(org: str, report, rec, responses: list, tracked: common.Tracking) -> list[Row]:
    base = {
        "report": report.id,
        "recommendation_id": rec.id,
        "recommendation": " ".join(rec.text.split()),
        "addressees": LIST_SEPARATOR.join(report.addressees_of(rec)),
        "follow_up": _latest_grade(tracked.assessments.get(rec.id, [])),
    }
    stances = {r.decided_by: p.stance for r in responses for p in r.positions if p.recommendation == rec.id}
    found = []
    for response in responses:
        for action in response.actions:
            if rec.id in action.recommendations:
                found.append(Row({**base, **_action_values(action), "body": response.decided_by,
                                  "stance": stances.get(response.decided_by)}))
    if not found:
        bodies = list(stances)
        found.append(Row({**base, "body": LIST_SEPARATOR.join(bodies),
                          "stance": LIST_SEPARATOR.join(stances[b] for b in bodies)}))
    return found


def _action_values(action) -> dict[str, Value]:
    updates = getattr(action, "updates", None) or []  # the action's history, where the data records one
    return {
        "action_id": action.id,
        "action": " ".join(action.text.split()),
        "owner": action.owner,
        "due": date_value(action.due),
        "status": action.status,
        "last_update": date_value(updates[-1].date) if updates else None,
        "note": " ".join(updates[-1].note.split()) if updates and updates[-1].note else None,
        "evidence": LIST_SEPARATOR.join(str(e) for e in action.evidence),
    }


def _latest_grade(assessments: list[tuple]) -> str | None:
    return assessments[0][1].status if assessments else None
