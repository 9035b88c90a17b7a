"""Rules for goals and indicators: measurable sub-goals, targets that are followed up, statistics that are linked and analysed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditrack.findings import Severity, named
from auditrack.i18n import at_most, listing, word
from auditrack.rules.base import Context, rule
from auditrack.rules.observations import Restating
from auditrack.timeline import Intervals

if TYPE_CHECKING:
    from auditrack.models.goals import Goal


def _fmt(value: float) -> str:
    return f"{value:g}"


@rule("G101", "goal-not-broken-down", Severity.ERROR, example="""
kind: goal
organisation: exempel
id: egen-forsorjning
level: overall
text: Fler invånare ska komma till egen försörjning.
""", fix_example="""
kind: goal
organisation: exempel
id: egen-forsorjning
level: overall
text: Fler invånare ska komma till egen försörjning.
sub_goals:
  - id: till-arbete-2025
    text: 150 personer med försörjningsstöd går till arbete eller studier under 2025.
    indicator: till-arbete-eller-studier
    targets: [{value: 150, unit: personer, period: "2025"}]
""")
def goal_not_broken_down(ctx: Context):
    """An overall goal is not broken down into measurable sub-goals.

    Why:
    An overall goal ("fler ska komma till egen försörjning") cannot steer the
    work or show whether it succeeds. Both audits asked for activity-specific,
    measurable goals in a goal document or process plan, followed up during the
    year (Kommunallagen 6 kap. 6 §: the board must see that the activity is run
    as decided). Ludvika 2022, section 3.2; Bräcke 2023, the Solaris goals.


    Would the auditors call it right? Yes: both audits asked for measurable sub-goals
    (Ludvika 3.2, Bräcke 3.1). It reads a goal recorded as overall with no
    sub-goals, a fact of the data, not silence.
    Fix:
    Add `sub_goals:` under the overall goal, each with an indicator, a target
    value, a unit and a date. If the board has not set such goals, that is the
    governance gap to close, not a data gap.
    """
    for goal in ctx.index.records("goal"):
        if goal.level == "overall" and not goal.sub_goals:
            yield ctx.hit(goal, f"the overall goal '{goal.id}' is not broken down into measurable sub-goals", "level",
                          hint="Add sub_goals, each with an indicator, a target value, a unit and a date.",
                          sv=f"det övergripande målet '{goal.id}' är inte nedbrutet i mätbara delmål",
                          sv_hint="Lägg till delmål under `sub_goals:`, vart och ett med nyckeltal, målvärde, enhet och tidpunkt.")


_PARTS_SV = {"indicator": "nyckeltal", "target value": "målvärde", "unit": "enhet", "date": "tidpunkt"}


def _missing_parts(goal: Goal) -> list[str]:
    missing = []
    if goal.indicator is None:
        missing.append("indicator")
    if not goal.targets:
        missing.append("target value")
    if not goal.targets or any(t.unit is None for t in goal.targets):
        missing.append("unit")
    if not goal.targets or any(t.period is None for t in goal.targets):
        missing.append("date")
    return missing


@rule("G102", "goal-not-measurable", Severity.WARNING, example="""
sub_goals:
  - id: fler-i-arbete
    text: Fler ska gå till arbete.
""", fix_example="""
sub_goals:
  - id: fler-i-arbete
    text: 60 deltagare går till arbete under 2025.
    indicator: deltagare-till-arbete
    targets: [{value: 60, unit: personer, period: "2025"}]
""")
def goal_not_measurable(ctx: Context):
    """A sub-goal lacks an indicator, a target value, a unit or a date.

    Why:
    A goal is measurable only when it says what is measured (indicator), how
    much (target value and unit) and by when (date). Without them nobody can
    tell whether it was reached. Ludvika 2022, 3.2; Bräcke 2023, 3.1 and 3.5.


    Would the auditors call it right? Yes for a sub-goal the source states without
    a target. A part the source gives but the data leaves out is a data gap to
    fill, not a finding to argue with.
    Fix:
    Give the sub-goal `indicator:` and `targets:` with `value`, `unit` and
    `period`. An overall goal is measured through its sub-goals (G101); goals
    that only state a direction are reported by G104.
    """
    for goal in ctx.index.records("goal"):
        if goal.level != "sub-goal" or goal.sub_goals or (goal.direction and not goal.targets):
            continue
        missing = _missing_parts(goal)
        if missing:
            yield ctx.hit(goal, f"the goal '{goal.id}' is not measurable: it has no {', '.join(missing)}", "text",
                          hint="Add the missing parts: indicator, and targets with value, unit and period.",
                          sv=f"målet '{goal.id}' är inte mätbart: det saknar {listing('sv', (_PARTS_SV[m] for m in missing))}",
                          sv_hint="Lägg till det som saknas: nyckeltal (`indicator:`) och målvärden (`targets:`) "
                                  "med värde, enhet och period.")


@rule("G103", "target-not-followed-up", Severity.ERROR, example="""
targets:
  - {value: 120, unit: medborgare, period: "2019"}
# no measurement of the goal's indicator for 2019 and no follow_ups entry
""", fix_example="""
targets:
  - {value: 120, unit: medborgare, period: "2019"}
follow_ups:
  - {date: 2020-02-15, period: "2019", value: 96, reached: false, text: Målet nåddes inte; 96 av 120.}
""")
def target_not_followed_up(ctx: Context):
    """A numeric target's period has passed with no measurement and no follow-up.

    Why:
    A target that is never compared with the outcome steers nothing. Ludvika's
    targets of 110 (2018), 120 (2019) and 200 (2020) citizens leaving income
    support were never followed up (Ludvika 2022, 3.2).


    Would the auditors call it right? Yes: Ludvika's targets were never followed
    up (3.2). Only targets whose period has ended are asked about.
    Fix:
    Record the outcome: a measurement of the goal's indicator for the target's
    period, or a `follow_ups:` entry on the goal with the period, the value and
    whether the target was reached.
    """
    measured: dict[int, Intervals] = {}  # by indicator: an indicator can serve many goals
    for goal in ctx.index.records("goal"):
        org = ctx.index.org_of(goal)
        indicator = ctx.index.get(org, goal.indicator, "indicator")
        if indicator is not None and id(indicator) not in measured:
            measured[id(indicator)] = Intervals(
                (m.period.start, m.period.end) for m in indicator.measurements if m.value is not None)
        followed = Intervals((f.period.start, f.period.end) for f in goal.follow_ups if f.period is not None)
        # a follow-up without a period covers every target that started before it
        undated = max((f.date.start for f in goal.follow_ups if f.period is None), default=None)
        for i, target in enumerate(goal.targets):
            if target.period is None or target.period.end >= ctx.as_of:
                continue
            start, end = target.period.start, target.period.end
            if (
                (indicator is not None and measured[id(indicator)].touches(start, end))
                or followed.touches(start, end)
                or (undated is not None and undated > start)
            ):
                continue
            unit = f" {named(target.unit)}" if target.unit else ""
            yield ctx.hit(
                goal,
                f"the target of {_fmt(target.value)}{unit} for {target.period} on goal '{goal.id}' ended "
                f"{target.period.end.isoformat()} with no measurement or follow-up",
                ("targets", i),
                hint="Add a measurement of the goal's indicator for that period, or a follow_ups entry on the goal.",
                sv=f"målvärdet {_fmt(target.value)}{unit} för {target.period} i målet '{goal.id}' har varken mätts "
                   f"eller följts upp, trots att perioden slutade {target.period.end.isoformat()}",
                sv_hint="Lägg till en mätning av målets nyckeltal för perioden, eller en uppföljning av målet "
                        "under `follow_ups:`.",
            )


@rule("G104", "direction-only-goal", Severity.ERROR, example="""
id: minskat-forsorjningsstod
text: Försörjningsstödet ska minska.
direction: decrease
""", fix_example="""
id: minskat-forsorjningsstod
text: Försörjningsstödet ska minska med 5 mnkr till 2025.
direction: decrease
targets: [{value: 5, unit: mnkr, period: "2025"}]
""")
def direction_only_goal(ctx: Context):
    """A goal states only a direction ("should decrease") with no target value.

    Why:
    "Income support should decrease" does not say by how much or by when, so
    neither the board nor the auditors can judge the outcome. Ludvika had no
    economic goal beyond that direction (Ludvika 2022, 3.2).


    Would the auditors call it right? Yes: it is Ludvika's own observation that
    income support 'should decrease' by no stated amount (3.2).
    Fix:
    Add `targets:` with the value, unit and period the board decides on.
    """
    for goal in ctx.index.records("goal"):
        if goal.direction and not goal.targets:
            yield ctx.hit(goal, f"the goal '{goal.id}' only states a direction ({goal.direction}) with no target value: "
                                "by how much, and by when?", "direction",
                          hint="Add targets with value, unit and period.",
                          sv=f"målet '{goal.id}' anger bara en riktning (ska {word('sv', 'direction', goal.direction)}) "
                             "men inget målvärde: med hur mycket, och till när?",
                          sv_hint="Lägg till målvärden under `targets:`, med värde, enhet och period.")


@rule("G105", "indicator-not-linked", Severity.WARNING, example="""
kind: indicator
id: mottagare-ekonomiskt-bistand
name: Mottagare av ekonomiskt bistånd
# goals: missing, and no goal names this indicator
""", fix_example="""
kind: indicator
id: mottagare-ekonomiskt-bistand
name: Mottagare av ekonomiskt bistånd
goals: [egen-forsorjning]
""")
def indicator_not_linked(ctx: Context):
    """An indicator serves no goal.

    Why:
    Statistics that are not linked to a goal are collected without a purpose,
    and goals without statistics cannot be followed up. Ludvika's statistics
    were not linked to the goals set for the cooperation (Ludvika 2022, 3.3).

    Would the auditors call it right? Ludvika's did (3.3.1). Where an open
    observation of category analysis concerns the indicator or its programme
    (Bräcke's: no analysis of the measures), the unlinked indicators are one
    finding under that observation rather than one each, so the audit's own
    observation stands out; elsewhere each keeps its own warning.

    Fix:
    List the goals the indicator measures under `goals:`, or point a goal's
    `indicator:` at it. Stop collecting statistics that serve no goal.
    """
    restating = Restating(ctx, ("analysis",))
    for indicator in ctx.index.records("indicator"):
        if indicator.goals:
            continue
        linked = any(model is not indicator and key == "indicator" for model, key in ctx.index.referring(indicator))
        if not linked and not restating.take(indicator):
            yield ctx.hit(indicator, f"the indicator '{indicator.id}' is not linked to any goal", "name",
                          hint="Add `goals:` with the goals it measures, or remove the indicator.",
                          sv=f"nyckeltalet '{indicator.id}' är inte kopplat till något mål",
                          sv_hint="Ange under `goals:` vilka mål nyckeltalet mäter, eller ta bort nyckeltalet.")
    yield from restating.hits("indicators not linked to any goal", "nyckeltal som inte är kopplade till något mål",
                              "Add `goals:` to each with the goals it measures, or remove it.",
                              "Ange under `goals:` vilka mål vart och ett mäter, eller ta bort nyckeltalet.")


@rule("G106", "measurements-not-analysed", Severity.WARNING, example="""
measurements:
  - {period: "2022", value: 159}
# analyses: missing
""", fix_example="""
measurements:
  - {period: "2022", value: 159}
analyses:
  - date: 2023-02-10
    by: arbetsmarknadschef
    text: Fler gick vidare till annan försörjning än 2021; ökningen gäller främst studier.
""")
def measurements_not_analysed(ctx: Context):
    """An indicator has measurements that no analysis has looked at.

    Why:
    Figures that are collected but never analysed cannot drive improvement.
    Bräcke collected activity measures (148 and 159 people supported, 45 and 74
    moving to other support) without any analysis or assessment (Bräcke 2023,
    3.5 and recommendation 3.5.1).

    Would the auditors call it right? Yes: it is Bräcke's observation. That is
    why, where an open observation of category analysis concerns the indicator
    or its programme, the indicators never analysed are one finding under the
    observation instead of one per indicator (13 on Bräcke's data).

    Fix:
    Add an `analyses:` entry after the latest measurement: what the figures
    show, why, and what follows from them.
    """
    restating = Restating(ctx, ("analysis",))
    for indicator in ctx.index.records("indicator"):
        if not indicator.measurements:
            continue
        latest = max(indicator.measurements, key=lambda m: m.period.end)
        if not indicator.analyses and restating.take(indicator):
            continue
        if not indicator.analyses:
            measured = at_most("en", sorted({str(m.period) for m in indicator.measurements}))
            periods = ", ".join(measured)
            measured_sv = at_most("sv", sorted({str(m.period) for m in indicator.measurements}))
            yield ctx.hit(indicator, f"the indicator '{indicator.id}' has measurements ({periods}) but no analysis of them",
                          "measurements", hint="Add an analyses entry: what the figures show and what follows from them.",
                          sv=f"nyckeltalet '{indicator.id}' har mätvärden för {listing('sv', measured_sv)} men ingen analys av dem",
                          sv_hint="Lägg till en analys under `analyses:`: vad siffrorna visar och vad de leder till.")
            continue
        last_analysis = max(a.date.end for a in indicator.analyses)
        if latest.period.start > last_analysis:
            yield ctx.hit(indicator, f"the latest measurement of '{indicator.id}' ({latest.period}) has not been analysed; "
                                     f"the last analysis is from {last_analysis.isoformat()}", "analyses",
                          hint="Add an analyses entry for the latest period.",
                          sv=f"den senaste mätningen av nyckeltalet '{indicator.id}' ({latest.period}) har inte analyserats; "
                             f"den senaste analysen är från {last_analysis.isoformat()}",
                          sv_hint="Lägg till en analys av den senaste perioden under `analyses:`.")
    yield from restating.hits("indicators with measurements but no analysis of them",
                              "nyckeltal med mätvärden men ingen analys av dem",
                              "Add an analyses entry to each: what the figures show and what follows from them.",
                              "Lägg till en analys under `analyses:` för vart och ett: vad siffrorna visar och vad de "
                              "leder till.")
