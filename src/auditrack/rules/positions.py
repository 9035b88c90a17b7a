"""Rules for a response's stances (positions) on the recommendations addressed to its body."""

from __future__ import annotations

from auditrack.findings import Severity
from auditrack.i18n import word
from auditrack.rules.base import Context, rule

_NEEDS_REASON = ("partly", "disagree")
"""An agreement's reasons are its actions; a partial or full disagreement must say why."""


@rule("R110", "stance-without-reason", Severity.ERROR, example="""
kind: response
decided_by: socialnamnden
positions:
  - {recommendation: granskning-2023-r2, stance: disagree}
""", fix_example="""
positions:
  - recommendation: granskning-2023-r2
    stance: disagree
    reason: Nämnden följer redan upp insatserna varje kvartal (SN 2023-05-10 § 41).
""")
def stance_without_reason(ctx: Context):
    """A response disagrees, or agrees only in part, with a recommendation without saying why.

    Why:
    Each audited board answers for itself, and a board that does not share a
    recommendation must give its reasons so that the auditors and the council
    can judge them. Only a reasoned `disagree` answers a recommendation without
    an action (R102). An `agree` needs no reason: the actions are its answer.


    Would the auditors call it right? Yes: a board that disagrees gives its
    reasons; without them the auditors cannot judge the answer.
    Fix:
    Add `reason:` to the position, in the response's words.
    """
    for response in ctx.index.records("response"):
        for i, position in enumerate(response.positions):
            if position.stance in _NEEDS_REASON and not position.reason:
                stance_sv = word("sv", "stance", position.stance)
                yield ctx.hit(response, f"the response '{response.id}' takes the stance '{position.stance}' on the "
                                        f"recommendation '{position.recommendation}' without a reason",
                              ("positions", i, "stance"),
                              hint="Add `reason:` to the position, saying why, in the response's words.",
                              sv=f"svaret '{response.id}' har ställningstagandet '{stance_sv}' till rekommendationen "
                                 f"'{position.recommendation}' utan att ange skälen",
                              sv_hint="Lägg till `reason:` i ställningstagandet och ange skälen med svarets ord.")
