"""Rules for dates that cannot be true: an event recorded before the report it concerns, or after the as-of date.

A date may be partial (2023, 2023-03, 2023-Q1, 2023-H1). It cannot be true only
when even its most favourable reading is impossible: an action done in "2023"
is not before a report of 2023-03-24, since it may have been done in December.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from pydantic import BaseModel

from auditrack.findings import Severity
from auditrack.models.base import Period
from auditrack.rounds import reports_followed_up
from auditrack.rules.base import Context, rule


class _Dated(NamedTuple):
    """A record's claim that something happened on a date, and the audit report it concerns."""

    record: BaseModel
    field: str | tuple
    """The field with the date, or its path such as ('memo', 'date')."""
    day: Period
    report: BaseModel | None
    en: str
    """The claim in English, e.g. "the action 'a1' is recorded as done on 2021-05-01"."""
    sv: str
    """The claim in Swedish."""


def _on(day: Period) -> str:
    return f"on {day}" if day.is_day else f"in {day}"


def _dated(ctx: Context) -> Iterator[_Dated]:
    """Every date on which a response was adopted (or, without that date, its memo written), an action was
    done, or a follow-up was made."""
    for response in ctx.index.records("response"):
        report = ctx.index.get(ctx.index.org_of(response), response.report, "audit-report")
        if response.date is not None:
            yield _Dated(response, "date", response.date, report,
                         f"the response '{response.id}' is dated {response.date}",
                         f"svaret '{response.id}' är daterat {response.date}")
        elif response.memo is not None and response.memo.date is not None:
            memo = response.memo
            yield _Dated(response, ("memo", "date"), memo.date, report,
                         f"the memo of the response '{response.id}' is dated {memo.date}",
                         f"tjänsteskrivelsen till svaret '{response.id}' är daterad {memo.date}")
        for action in response.actions:
            if action.done is not None:
                yield _Dated(action, "done", action.done, report,
                             f"the action '{action.id}' is recorded as done {_on(action.done)}",
                             f"åtgärden '{action.id}' är registrerad som genomförd {action.done}")
    for follow_up in ctx.index.records("follow-up"):
        report = _latest(reports_followed_up(ctx.index, follow_up))
        yield _Dated(follow_up, "date", follow_up.date, report,
                     f"the follow-up '{follow_up.id}' is dated {follow_up.date}",
                     f"uppföljningen '{follow_up.id}' är daterad {follow_up.date}")


def _latest(reports: list):
    """Of the reports a follow-up round concerns, the one dated last to the day: the round cannot come before it
    (one with a partial date or none is skipped, as by R108 for a follow-up of one report)."""
    dated = [r for r in reports if r.date is not None and r.date.is_day]
    return max(dated, key=lambda r: (r.date.start, r.id), default=reports[0] if reports else None)


@rule("R108", "dated-before-report", Severity.ERROR, example="""
kind: response
report: granskning-2022     # the report is dated 2022-03-15
date: 2022-05-17
actions:
  - id: a1
    status: done
    done: 2021-05-01
""", fix_example="""
  - id: a1
    status: done
    done: 2022-09-30
""")
def dated_before_report(ctx: Context):
    """A response, an action done or a follow-up is dated before the audit report it concerns.

    Why:
    The board answers a report, acts on its recommendations and is followed up
    only after the report exists, so such a date is a typing mistake (often a
    wrong year) or a reference to the wrong report. A partial date is before
    the report only when it ends before the report's date: an action done in
    "2022" is not before a report of 2022-03-15, one done in "2021" is. A report
    whose date is partial or missing is skipped, since what is before it is
    uncertain. A response is dated by its decision; without a decision date,
    by its memo (`memo: {date}`), which also cannot be written before the
    report; a response with neither date is skipped. A follow-up round
    without `report:` cannot be dated before the latest of the reports whose
    recommendations it grades.


    Would the auditors call it right? Yes: a date that cannot be true is a data
    error whichever audit it concerns.
    Fix:
    Correct the date, or the `report:` the response or follow-up refers to.
    """
    for dated in _dated(ctx):
        report = dated.report
        if report is None or report.date is None or not report.date.is_day or dated.day.end >= report.date.start:
            continue
        yield ctx.hit(dated.record, f"{dated.en}, before its report '{report.id}' of {report.date}", dated.field,
                      hint=f"Correct the date, which cannot be before {report.date}, or the report referred to.",
                      sv=f"{dated.sv}, före granskningsrapporten '{report.id}' från {report.date}",
                      sv_hint=f"Rätta datumet, som inte kan vara före {report.date}, eller hänvisningen till "
                              "rapporten.")


@rule("R109", "dated-in-future", Severity.ERROR, example="""
# auditrack check --as-of 2024-06-30
actions:
  - id: a1
    status: done
    done: 2024-09-30
""", fix_example="""
actions:
  - id: a1
    status: in-progress
    due: 2024-09-30
""")
def dated_in_future(ctx: Context):
    """A response, an action done or a follow-up is dated after the date the check runs as of.

    Why:
    A board cannot have adopted a response, an action cannot have been done and
    a follow-up cannot have been made on a day that has not come yet: the date
    is a typing mistake, or a plan recorded as a fact. A partial date is in the
    future only when it starts after the as-of date: an action done in "2024"
    is not in the future as of 2024-06-30. Checking with `--as-of` a date
    before the data was written reports what was recorded later too; leave the
    rule out then (`ignore: [R109]` in auditrack.yaml). A response is dated by
    its decision; without a decision date, by its memo, which comes before the
    decision, so a memo in the future proves the response is too; a response
    with neither date is skipped.


    Would the auditors call it right? Yes: a date that cannot be true is a data error
    whichever audit it concerns.
    Fix:
    Correct the date. For an action that is not done yet, set its status to
    planned or in-progress, remove `done:` and put the planned date in `due:`.
    Record a response once the board has adopted it, and a follow-up once it
    has been made.
    """
    as_of = ctx.as_of.isoformat()
    for dated in _dated(ctx):
        if dated.day.start <= ctx.as_of:
            continue
        if dated.field == "done":
            hint = "Correct the date; if the action is not done yet, set status: planned or in-progress, remove done: " \
                   "and put the planned date in due:."
            sv_hint = "Rätta datumet; om åtgärden ännu inte är genomförd, ange status: planned eller in-progress, " \
                      "ta bort done: och för upp det planerade datumet i due:."
        else:
            hint = "Correct the date; record only what has already happened."
            sv_hint = "Rätta datumet; registrera bara det som redan har skett."
        yield ctx.hit(dated.record, f"{dated.en}, after the date the check runs as of, {as_of}", dated.field,
                      hint=hint, sv=f"{dated.sv}, efter det datum kontrollen avser, {as_of}", sv_hint=sv_hint)
