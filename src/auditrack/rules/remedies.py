"""Whether a governance record can remedy an audit observation: its kind fits the category, it is about the
observation's subject, it comes after the report and it is in force. One answer for the closure rules and the
gaps report."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Callable, NamedTuple

from auditrack.i18n import word
from auditrack.models.introspect import reference_fields

if TYPE_CHECKING:
    from auditrack.models.audit import AuditReport, Observation
    from auditrack.rules.base import Context

REMEDY_KINDS = ("goal", "document", "mandate", "evaluation", "role", "body", "reporting-requirement", "indicator",
                "programme")


def _measurable(goal) -> bool:
    """A goal with an indicator and a target with value, unit and date, itself or in a sub-goal."""
    if goal.indicator is not None and goal.targets and all(t.unit and t.period for t in goal.targets):
        return True
    return any(_measurable(sub) for sub in goal.sub_goals)


def _regulates_responsibility(record) -> bool:
    if record.kind_name == "document" and record.type not in ("reglemente", "delegation-order", "agreement"):
        return False
    return "responsibility-split" in record.regulates or "responsibilities" in record.regulates


class Need(NamedTuple):
    """What remedies a category: the kinds that can, and a test a record of such a kind must pass."""

    kinds: tuple[str, ...]
    test: Callable[[object], bool] = lambda record: True
    lacks: tuple[str, str] = ("", "")
    """What a record that fails `test` lacks, in English and Swedish."""


_DOCUMENTS_OR_MANDATES = ("document", "mandate")
NEEDS: dict[str, Need] = {
    "goals": Need(("goal",)),
    "measurable-targets": Need(("goal",), _measurable,
                               ("it has no measurable goal (indicator, target value, unit and date)",
                                "det har inget mätbart mål (nyckeltal, målvärde, enhet och tidpunkt)")),
    "budget": Need(("document", "goal"), lambda r: r.kind_name != "document" or r.type == "budget",
                   ("it is not a budget", "det är ingen budget")),
    "follow-up": Need((*_DOCUMENTS_OR_MANDATES, "reporting-requirement")),
    "analysis": Need(("indicator",), lambda r: bool(r.analyses), ("it records no analysis", "det saknar analys")),
    "evaluation": Need(("evaluation",), lambda r: r.done is not None, ("it is not done", "den är inte genomförd")),
    "routines": Need(("document",), lambda r: r.type == "routine", ("it is not a routine", "det är ingen rutin")),
    "agreements": Need(("document",), lambda r: r.type == "agreement",
                       ("it is not an agreement", "det är ingen överenskommelse")),
    "mandate": Need(_DOCUMENTS_OR_MANDATES),
    "responsibility-split": Need(_DOCUMENTS_OR_MANDATES, _regulates_responsibility,
                                 ("it does not regulate the responsibility between bodies (a reglemente, delegation "
                                  "order, agreement or mandate with regulates: [responsibility-split])",
                                  "det reglerar inte ansvarsfördelningen mellan organ (ett reglemente, en "
                                  "delegationsordning, en överenskommelse eller ett uppdrag med regulates: "
                                  "[responsibility-split])")),
    "minutes": Need(("body",), lambda r: r.minutes is not None and r.minutes.kept,
                    ("it keeps no minutes", "det för inga protokoll eller minnesanteckningar")),
    "reporting": Need(("reporting-requirement",)),
    "research-basis": Need(("programme",), lambda r: r.evidence_base is not None and r.evidence_base.research_used,
                           ("its evidence base records no research used", "dess underlag anger ingen använd forskning")),
    "staffing": Need(("role",), lambda r: bool(r.holders), ("no holder is recorded", "ingen innehavare är registrerad")),
    "internal-control": Need(_DOCUMENTS_OR_MANDATES),
    "other": Need(REMEDY_KINDS),
}


def remedy_date(record, as_of: date) -> date | None:
    """When a record was adopted, revised or done: the date that must come after the report. None when the
    data gives none."""
    kind = record.kind_name
    if kind in ("document", "mandate"):
        dates = [p.start for p in (record.adopted, *record.revised) if p is not None]
    elif kind == "goal":
        dates = [record.adopted.start] if record.adopted else []
    elif kind == "evaluation":
        dates = [record.done.start] if record.done else []
    elif kind == "role":
        dates = [h.from_.start for h in current_holders(record, as_of) if h.from_ is not None]
    elif kind == "body":
        dates = [record.minutes.since.start] if record.minutes and record.minutes.since else []
    elif kind == "reporting-requirement":
        dates = [r.date.start for r in record.reports]
    elif kind == "indicator":
        dates = [a.date.start for a in record.analyses]
    else:
        dates = []
    return max(dates, default=None)


def current_holders(role, as_of: date) -> list:
    return [h for h in role.holders
            if (h.from_ is None or h.from_.start <= as_of) and (h.until is None or as_of <= h.until.end)]


def _about(record, about: str) -> bool:
    """Whether a record is the observation's subject, or names it (its programme, bodies, roles ...)."""
    if record.id == about:
        return True
    for attr, _key, _ref in reference_fields(type(record)):
        value = getattr(record, attr)
        if value == about or (isinstance(value, list) and about in value):
            return True
    return False


def _in_force(ctx: Context, record, as_of: date) -> bool:
    if record.kind_name in ("document", "mandate"):
        return ctx.relations.in_force(record, as_of)
    if record.kind_name == "role":
        return bool(current_holders(record, as_of)) and not vacant_on(record, as_of)
    return True


def vacant_on(role, as_of: date) -> bool:
    """Whether a role recorded vacant still is: no holder appointed since the vacancy began holds it now."""
    if role.vacant is None:
        return False
    since = role.vacant.since.start if role.vacant.since else None
    return not any(since is None or (h.from_ is not None and h.from_.start >= since)
                   for h in current_holders(role, as_of))


def unfit(ctx: Context, record, observation: Observation, report: AuditReport) -> tuple[str, str] | None:
    """Why `record` cannot remedy `observation` (English, Swedish); None when it can."""
    need = NEEDS[observation.category]
    category_en, category_sv = word("en", "observation-category", observation.category), \
        word("sv", "observation-category", observation.category)
    if record.kind_name not in need.kinds:
        return (f"a {word('en', 'kind', record.kind_name)} cannot remedy an observation of {category_en}",
                f"en post av typen {word('sv', 'kind', record.kind_name)} kan inte åtgärda en iakttagelse om "
                f"{category_sv}")
    if not need.test(record):
        return need.lacks
    if not _about(record, observation.about):
        return (f"it is not about '{observation.about}', which the observation concerns",
                f"den gäller inte '{observation.about}', som iakttagelsen avser")
    if report.date is not None:
        when = remedy_date(record, ctx.as_of)
        if when is None:
            return (f"it records no date of adoption or completion, so it cannot be shown to come after the report "
                    f"of {report.date}",
                    f"den saknar datum för beslut eller genomförande, så det går inte att visa att den kom efter "
                    f"rapporten den {report.date}")
        if when <= report.date.end:
            return (f"it dates from {when.isoformat()}, not after the report of {report.date}",
                    f"den är från {when.isoformat()}, inte efter rapporten den {report.date}")
    if not _in_force(ctx, record, ctx.as_of):
        return (f"it is no longer in force on {ctx.as_of.isoformat()}",
                f"den gäller inte längre per {ctx.as_of.isoformat()}")
    return None
