"""Goals: an overall goal broken down into measurable sub-goals, with targets and follow-up."""

from typing import ClassVar, Literal

from pydantic import Field

from auditrack.models.base import Model, no_items, OrgRef, Period, Record, Ref, Remedy, Source, Text


class Baseline(Model):
    value: float
    period: Period
    """The period the baseline value was measured in."""


class Target(Model):
    """A target value (målvärde) to reach by the end of a period."""

    value: float
    unit: str | None = None
    """E.g. 'personer', 'procent', 'mnkr'."""
    period: Period | None = None
    """The period in which, or date by which, the target is to be reached."""
    text: str | None = None
    """The target in the source's words."""
    source: Source | None = None


class GoalFollowUp(Model):
    """A recorded follow-up of a goal: was it reached?"""

    date: Period
    period: Period | None = None
    """The period followed up."""
    value: float | None = None
    text: Text
    reached: bool | None = None


class Goal(Record, Remedy):
    """A goal (mål). An overall goal has sub-goals; a measurable sub-goal has an indicator,
    a target value, a unit and a date."""

    kind_name: ClassVar[str] = "goal"

    text: Text
    """The goal in the governing document's words."""
    level: Literal["overall", "sub-goal"] = "sub-goal"
    programme: Ref("programme") | None = None
    type: Literal["activity", "economic", "participant", "quality"] | None = None
    adopted: Period | None = None
    """When the goal was adopted; leave out when the source does not say."""
    direction: Literal["increase", "decrease", "maintain"] | None = None
    """The direction the goal states, e.g. income support 'should decrease'."""
    indicator: Ref("indicator") | None = None
    """The indicator that measures the goal."""
    baseline: Baseline | None = None
    targets: list[Target] = Field(default_factory=no_items)
    follow_ups: list[GoalFollowUp] = Field(default_factory=no_items)
    documented_in: list[Ref("document", "mandate")] = Field(default_factory=no_items)
    """The goal document, process plan or mandate where the goal is set."""
    sub_goals: list["Goal"] = Field(default_factory=no_items)
    """Sub-goals that break this goal down."""


class GoalFile(Goal):
    """A goal file: one overall goal (or a stand-alone goal) and its sub-goal tree."""

    kind: Literal["goal"]
    organisation: OrgRef
