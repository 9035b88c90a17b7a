"""The life of a recommendation after the report: the board's response, its actions, and follow-ups."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Text, Url

ActionStatus = Literal["planned", "in-progress", "done", "cancelled"]
Stance = Literal["agree", "partly", "disagree"]
"""A board's stance on a recommendation: it agrees, agrees in part, or disagrees."""
FollowUpStatus = Literal["implemented", "partly-implemented", "not-implemented", "not-assessed", "no-longer-relevant",
                         "not-agreed"]
"""A follow-up's grade. 'no-longer-relevant' and 'not-agreed' (the board declined the recommendation) close it,
like 'implemented': nothing more is expected of the board."""


class Update(Model):
    """One dated entry in an action's history, as `auditrack progress` records it."""

    date: Period
    """When the progress was made or noted."""
    status: ActionStatus | None = None
    """The action's status from this date on."""
    note: str | None = None
    """What was done or decided, in a sentence."""
    by: str | None = None
    """Who recorded the entry."""
    due: Period | None = None
    """A new due date set on this date; it needs the `decision` that moved it (R111)."""
    moved_from: Period | None = None
    """The due date that `due` replaced (`auditrack progress --due` records it): the date the board had set before."""
    decision: str | None = None
    """The decision that moved the due date, e.g. 'KS 2024-02-13 § 22'."""


class Action(Record):
    """An action (åtgärd) the board commits to in its response."""

    kind_name: ClassVar[str] = "action"

    recommendations: list[Ref("recommendation")] = Field(default_factory=no_items)
    """The recommendations this action answers."""
    text: Text
    """What will be done."""
    owner: Ref("role") | None = None
    """The role responsible for the action (a role, not a person)."""
    due: Period | None = None
    """When the action is to be done."""
    status: ActionStatus | None = None
    """'planned', 'in-progress', 'done' or 'cancelled'; leave out when the source does not say (unknown)."""
    evidence: list[Url] = Field(default_factory=no_items)
    """Links or references that show the action was done."""
    done: Period | None = None
    """When the action was done."""
    updates: list[Update] = Field(default_factory=no_items)
    """The action's history, oldest first; `status`, `done` and `due` above are the current values."""
    reporting: Ref("reporting-requirement") | None = None
    """The reporting requirement this action fulfils (a promise to report back): the first report logged under
    it does the action."""


class Memo(Model):
    """The administration's memo (tjänsteskrivelse, tjänsteutlåtande) behind a response, often all that is public."""

    date: Period | None = None
    """The memo's date; leave out when the source does not give it."""
    reference: str | None = None
    """The memo's reference (diarienummer), e.g. 'KS 2022/123'."""


class Position(Model):
    """The adopting body's stance on one recommendation addressed to it."""

    recommendation: Ref("recommendation")
    stance: Stance
    """'agree', 'partly' or 'disagree'."""
    reason: str | None = None
    """Why, in the response's words; required for 'partly' and 'disagree' (R110)."""


class Response(Record):
    """The board's response (svar, yttrande) to an audit report, as adopted at a meeting."""

    kind_name: ClassVar[str] = "response"

    kind: Literal["response"]
    organisation: OrgRef
    report: Ref("audit-report")
    """The audit report responded to."""
    decided_by: Ref("body")
    """The body that adopted the response."""
    date: Period | None = None
    """The date of the decision; leave out when the source does not give it."""
    decision: str | None = None
    """The decision reference, e.g. 'KS 2022-05-17 § 93'."""
    memo: Memo | None = None
    """The administration's memo (tjänsteskrivelse, tjänsteutlåtande) that proposed the response."""
    text: str | None = None
    """The response's text or summary."""
    actions: list[Action] = Field(default_factory=no_items)
    positions: list[Position] = Field(default_factory=no_items)
    """The body's stance on each recommendation addressed to it; a reasoned 'disagree' answers the recommendation."""

    @property
    def known_date(self) -> Period | None:
        """When the response is known to exist: the decision's date, else the memo's (the decision comes after it)."""
        if self.date is not None:
            return self.date
        return self.memo.date if self.memo is not None else None


class Assessment(Model):
    """A graded follow-up of one recommendation."""

    recommendation: Ref("recommendation")
    """Any recommendation of the organisation: a round follows up several earlier reports at once."""
    status: FollowUpStatus
    """'implemented' (åtgärdad), 'partly-implemented' (delvis åtgärdad), 'not-implemented' (ej åtgärdad),
    'not-assessed' (ej bedömd), 'no-longer-relevant' (ej längre aktuell) or 'not-agreed' (ej accepterad: the board
    declined it, with the reason of its position)."""
    comment: str | None = None


class FollowUp(Record):
    """A follow-up (uppföljande granskning) of earlier audits' recommendations: of one report, or a round over several.

    Its id is the round's id (`auditrack report follow-up --round ID`)."""

    kind_name: ClassVar[str] = "follow-up"

    kind: Literal["follow-up"]
    organisation: OrgRef
    report: Ref("audit-report") | None = None
    """The audit report whose recommendations are followed up; leave out for a round over several reports (each
    assessment then counts towards its recommendation's own report)."""
    date: Period
    assessor: Text
    """Who made the assessment, e.g. 'KPMG AB på uppdrag av revisorerna'."""
    follow_up_report: Ref("audit-report") | None = None
    """The later report in which the follow-up is published, if any."""
    assessments: list[Assessment] = Field(default_factory=no_items)
