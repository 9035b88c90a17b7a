"""A warning before a deadline, as the rules for each kind give an error after it."""

from __future__ import annotations

from auditrack.due.collect import chased
from auditrack.findings import Severity
from auditrack.i18n import label
from auditrack.rules.base import Context, rule


@rule("R112", "due-soon", Severity.WARNING, example="""
- id: a1
  owner: socialchef
  due: 2024-03-31      # checked as of 2024-03-10
  status: in-progress
""", fix_example="""
- id: a1
  owner: socialchef
  due: 2024-03-31
  status: done
  done: 2024-03-20
  evidence: ["KS 2024-03-19 § 40"]
""")
def due_soon(ctx: Context):
    """An action, a response, a follow-up or a report to a board falls due within the horizon.

    Why:
    A deadline seen only once it has passed is seen too late: trackers of
    audit recommendations remind people weeks before. From
    `horizons.due_soon_days` (default 30) before its date up to the day
    itself, an open action (planned or in progress), a
    response a body has not yet given, the follow-up of a report's
    recommendations not yet assessed, and a report owed to a board (a due
    date, or the year's count before the year ends) get a warning; after the
    date R101, R104, R106 and G301 give their own finding. Mandates that are
    about to lapse have G201's warning. The dates are those `auditrack due`
    lists.

    Fix:
    Do what falls due and record it (the action done with evidence, the
    response, the follow-up, the report), or record a new date decided by the
    board.
    """
    horizon = ctx.config.horizons.due_soon_days
    for deadline in chased(ctx.index, ctx.config, ctx.as_of):
        left = (deadline.day - ctx.as_of).days
        if deadline.late or not 0 <= left <= horizon:
            continue
        day = deadline.day.isoformat()
        when = "today" if left == 0 else f"in {label('en', 'days', left).format(n=left)}"
        when_sv = "i dag" if left == 0 else f"om {label('sv', 'days', left).format(n=left)}"
        yield ctx.hit(deadline.model, f"due {day} ({when}): {deadline.what['en']}", deadline.where,
                      hint="Do it and record it before the date, or record a new date decided by the board.",
                      sv=f"förfaller {day} ({when_sv}): {deadline.what['sv']}",
                      sv_hint="Gör det och registrera det före datumet, eller registrera ett nytt datum som "
                              "styrelsen eller nämnden har beslutat.")
