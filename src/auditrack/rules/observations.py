"""Rules for the auditors' observations (iakttagelser): open until remedied, remedies that cannot remedy, data
that contradicts an observation, and vacant posts."""

from __future__ import annotations

from typing import Iterator, NamedTuple

from auditrack.findings import Severity, named
from auditrack.i18n import at_most, word
from auditrack.rules.base import Context, rule
from auditrack.rules.remedies import NEEDS, remedy_date, unfit, vacant_on


class Open(NamedTuple):
    """An observation with its report, as of a date."""

    observation: object
    report: object
    organisation: str


def observations(ctx: Context) -> Iterator[Open]:
    """Every observation of a report dated on or before the as-of date (or undated)."""
    for report in ctx.index.records("audit-report"):
        if report.date is not None and report.date.start > ctx.as_of:
            continue
        for observation in report.observations:
            yield Open(observation, report, ctx.index.org_of(report))


def remedies(ctx: Context, found: Open) -> list:
    """The records that name the observation under `resolves:`."""
    return [model for model, key in ctx.index.referring(found.observation) if key == "resolves"]


def implemented_in(ctx: Context, found: Open) -> tuple | None:
    """The newest follow-up by the as-of date that grades one of the observation's recommendations implemented,
    with that assessment; None when there is none."""
    # Recommendation ids are unique within an organisation, so a follow-up round that names no report counts too.
    wanted = set(found.observation.recommendations)
    newest = None
    for follow_up in ctx.index.records("follow-up", found.organisation):
        if follow_up.date.start > ctx.as_of or (newest is not None and follow_up.date.end <= newest[0].date.end):
            continue
        graded = next((a for a in follow_up.assessments if a.recommendation in wanted and a.status == "implemented"),
                      None)
        if graded is not None:
            newest = (follow_up, graded)
    return newest


def is_open(ctx: Context, found: Open) -> bool:
    """Open until a fitting record resolves it or a follow-up grades its recommendation implemented."""
    if implemented_in(ctx, found) is not None:
        return False
    return not any(unfit(ctx, record, found.observation, found.report) is None for record in remedies(ctx, found))


class Closure(NamedTuple):
    """How an observation stands as of a date: the linked records that remedy it, those linked that cannot
    (each with the reason, in English and Swedish), and the follow-up that graded its recommendation
    implemented, with the assessment."""

    remedied_by: tuple
    unfit: tuple
    implemented_in: tuple | None

    @property
    def open(self) -> bool:
        return not self.remedied_by and self.implemented_in is None


def closure(ctx: Context, found: Open) -> Closure:
    fitting, unfitting = [], []
    for record in remedies(ctx, found):
        reason = unfit(ctx, record, found.observation, found.report)
        if reason is None:
            fitting.append(record)
        else:
            unfitting.append((record, reason))
    return Closure(tuple(fitting), tuple(unfitting), implemented_in(ctx, found))


def _subject(ctx: Context, found: Open) -> str:
    about = ctx.index.get(found.organisation, found.observation.about)
    return named(about.display_name() if about is not None else found.observation.about)


@rule("G501", "observation-open", Severity.ERROR, example="""
kind: audit-report
id: granskning-hemtjanst-2024
date: 2024-03-15
observations:
  - id: inga-matbara-mal
    about: hemtjanst
    category: measurable-targets
    text: Det saknas mätbara mål för hemtjänsten.
    section: "3.1"
    recommendations: [granskning-hemtjanst-2024-r1]
""", fix_example="""
kind: goal
id: hemtjanst-kvalitet
level: overall
programme: hemtjanst
adopted: 2024-09-17
text: Brukarna ska få en hemtjänst av god kvalitet.
resolves: [inga-matbara-mal]
sub_goals:
  - id: kontinuitet
    text: Högst 12 olika personal per brukare och 14 dagar under 2025.
    indicator: personalkontinuitet
    targets: [{value: 12, unit: personal, period: "2025"}]
""")
def observation_open(ctx: Context):
    """An observation the auditors made is still open: nothing recorded since the report remedies it.

    Why:
    What the auditors found missing (no measurable goals, no written routine,
    a vacant post) is the audit's own finding; it stays open until the data
    shows it remedied. Each finding names the audit, its section, how many
    days the observation has been open, and what the auditors wrote.

    Would the auditors call it right? Yes: it is their own observation, in
    their words, until something answers it.

    Fix:
    Record what remedies it, adopted or done after the report, and link it with
    `resolves: [observation id]` (a goal with measurable sub-goals, a routine
    or agreement in force, an evaluation done, a holder appointed ...); or
    record the follow-up that grades its recommendation implemented; or waive
    the observation with the board's reason.
    """
    for found in observations(ctx):
        if not is_open(ctx, found):
            continue
        observation, report = found.observation, found.report
        section_en = f", section {observation.section}" if observation.section else ""
        section_sv = f", avsnitt {observation.section}" if observation.section else ""
        if report.date is not None:
            days = (ctx.as_of - report.date.end).days
            age_en, age_sv = f" after {days} days", f" efter {days} dagar"
            dated_en = dated_sv = f" ({report.date}"
        else:
            age_en = age_sv = ""
            dated_en = dated_sv = " ("
        subject = _subject(ctx, found)
        category = observation.category
        yield ctx.hit(
            observation,
            f"the observation '{observation.id}' of '{named(report.title)}'{dated_en}{section_en}) is still open"
            f"{age_en}: {word('en', 'observation-category', category)}, about '{subject}': “{named(observation.text)}”",
            "id",
            hint="Link the record that remedies it (adopted or done after the report) with `resolves:`, or record "
                 "the follow-up that grades its recommendation implemented.",
            sv=f"iakttagelsen '{observation.id}' i '{named(report.title)}'{dated_sv}{section_sv}) är fortfarande "
               f"öppen{age_sv}: {word('sv', 'observation-category', category)}, gäller '{subject}': ”{named(observation.text)}”",
            sv_hint="Hänvisa från posten som åtgärdar den (beslutad eller genomförd efter rapporten) med "
                    "`resolves:`, eller registrera uppföljningen som bedömer rekommendationen som åtgärdad.",
        )


@rule("G502", "remedy-does-not-fit", Severity.ERROR, example="""
kind: document
id: rutin-avvikelser
type: routine
adopted: 2021-05-04      # before the report of 2024-03-15
resolves: [ingen-avvikelserutin]
""", fix_example="""
kind: document
id: rutin-avvikelser
type: routine
adopted: 2024-10-01
resolves: [ingen-avvikelserutin]
""")
def remedy_does_not_fit(ctx: Context):
    """A record says it resolves an observation that it cannot remedy.

    Why:
    A link under `resolves:` closes an observation only when the record fits
    it: a kind that fits the category (a routine for missing routines, a goal
    with measurable sub-goals for missing measurable targets), about the
    observation's subject, adopted or done after the report and still in
    force. A routine adopted before the report is not what the auditors asked
    for: they had seen it, or it did not work.

    Would the auditors call it right? Yes: the link claims a remedy the data
    does not show.

    Fix:
    Link the record that was adopted or done after the report, correct its
    dates or kind, or remove the link.
    """
    for found in observations(ctx):
        for record in remedies(ctx, found):
            reason = unfit(ctx, record, found.observation, found.report)
            if reason is None:
                continue
            position = record.resolves.index(found.observation.id)
            what = named(record.display_name())
            yield ctx.hit(
                record,
                f"'{what}' cannot resolve the observation '{found.observation.id}': {reason[0]}",
                ("resolves", position),
                hint="Link a record that fits the observation and comes after the report, or remove the link.",
                sv=f"'{what}' kan inte åtgärda iakttagelsen '{found.observation.id}': {reason[1]}",
                sv_hint="Hänvisa från en post som passar iakttagelsen och kom efter rapporten, eller ta bort "
                        "hänvisningen.",
            )


ABSENCES = ("goals", "measurable-targets", "analysis", "evaluation", "routines", "agreements", "minutes",
             "responsibility-split", "research-basis")
"""The categories whose observation says a thing of one kind is missing, which an earlier record of that kind
contradicts. A mandate, a reporting requirement or a budget before the report does not: the auditors judged it
deficient, not absent."""


def _before(ctx: Context, found: Open) -> list:
    """Records that would remedy the observation but were adopted or done before the report."""
    report, observation = found.report, found.observation
    if report.date is None:
        return []
    if observation.category not in ABSENCES:
        return []
    need = NEEDS[observation.category]
    earlier = []
    for kind in need.kinds:
        for record in ctx.index.records(kind, found.organisation):
            if record.id != observation.about and getattr(record, "programme", None) != observation.about:
                continue
            when = remedy_date(record, report.date.end)
            if when is None or when > report.date.end or not need.test(record):
                continue
            if kind in ("document", "mandate") and not ctx.relations.in_force(record, report.date.end):
                continue
            earlier.append(record)
    return earlier


@rule("G503", "observation-contradicted", Severity.WARNING, example="""
# the report of 2024-03-15 observes: category routines, about hemtjanst
kind: document
id: rutin-avvikelser
type: routine
programme: hemtjanst
adopted: 2021-05-04
""", fix_example="""
# correct the document's dates or type, or the observation, to what the sources say
""")
def observation_contradicted(ctx: Context):
    """The governance data already held what an observation says is missing, before the report.

    Why:
    When the data records, for the observation's subject, a record of the kind
    the auditors found missing (a routine, an agreement, a measurable goal, an
    evaluation done) adopted before the report and in force on its date, the
    data or the observation is wrong.

    Would the auditors call it right? As a question, not a verdict, which is
    why it is a warning.

    Fix:
    Check the sources: correct the record (its date, type or subject) or the
    observation (its category or subject).
    """
    for found in observations(ctx):
        for record in _before(ctx, found):
            what = named(record.display_name())
            when = remedy_date(record, found.report.date.end)
            category = found.observation.category
            yield ctx.hit(
                found.observation,
                f"the data contradicts the observation '{found.observation.id}' "
                f"({word('en', 'observation-category', category)}): '{what}' dates from {when.isoformat()}, before "
                f"the report of {found.report.date}; the data or the observation is wrong",
                "category",
                hint="Check the sources and correct the record or the observation.",
                sv=f"uppgifterna motsäger iakttagelsen '{found.observation.id}' "
                   f"({word('sv', 'observation-category', category)}): '{what}' är från {when.isoformat()}, före "
                   f"rapporten den {found.report.date}; antingen uppgifterna eller iakttagelsen är fel",
                sv_hint="Kontrollera källorna och rätta posten eller iakttagelsen.",
            )


@rule("G206", "role-vacant", Severity.WARNING, example="""
kind: role
id: kvalitetssamordnare
name: Kvalitetssamordnare
vacant: {since: 2023-09, source: {report: granskning-hemtjanst-2024, section: "3.4"}}
""", fix_example="""
kind: role
id: kvalitetssamordnare
name: Kvalitetssamordnare
holders:
  - {name: Namn Namnsson, from: 2024-06-01, appointed_by: socialnamnden}
""")
def role_vacant(ctx: Context):
    """A post is recorded vacant, and no one appointed since holds it.

    Why:
    A vacancy is a fact the source states ("the post of unit manager has been
    vacant for a long time"), unlike a role with no holder recorded (G203,
    data missing). It is reported even for a standing post, and as an error
    when an open observation of the audit concerns the role.

    Would the auditors call it right? Yes: it is what they wrote.

    Fix:
    Record the holder appointed (`holders:` with `from:` after the vacancy
    began) and remove `vacant:`.
    """
    concerned = {(found.organisation, found.observation.about) for found in observations(ctx) if is_open(ctx, found)}
    for role in ctx.index.records("role"):
        if not vacant_on(role, ctx.as_of):
            continue
        since = role.vacant.since
        when_en = f"since {since}" if since else "since long (the source gives no date)"
        when_sv = f"sedan {since}" if since else "sedan länge (källan anger inget datum)"
        observed = (ctx.index.org_of(role), role.id) in concerned
        yield ctx.hit(
            role,
            f"the post '{named(role.name)}' is vacant {when_en}" + (", as an open observation of the audit says"
                                                                    if observed else ""),
            "vacant",
            severity=Severity.ERROR if observed else None,
            hint="Record the holder appointed under holders (from: after the vacancy began) and remove vacant.",
            sv=f"tjänsten '{named(role.name)}' är vakant {when_sv}" + (", som en öppen iakttagelse i granskningen "
                                                                       "anger" if observed else ""),
            sv_hint="Registrera den som har utsetts under `holders:` (med `from:` efter att vakansen började) och "
                    "ta bort `vacant:`.",
        )


class Restating:
    """A rule's findings that restate an open observation (its category, about the record or the record's
    programme), collected to be reported once under the observation instead of once per record."""

    def __init__(self, ctx: Context, categories: tuple[str, ...]) -> None:
        self.ctx = ctx
        self.under: dict[tuple[str, str], Open] = {}
        for found in observations(ctx):
            if found.observation.category in categories and is_open(ctx, found):
                self.under.setdefault((found.organisation, found.observation.about), found)
        self.grouped: dict[int, tuple[Open, list[str]]] = {}

    def take(self, record) -> bool:
        """Group `record` under the open observation it restates; False when there is none."""
        organisation = self.ctx.index.org_of(record)
        found = self.under.get((organisation, record.id)) or self.under.get((organisation, record.programme))
        if found is None:
            return False
        self.grouped.setdefault(id(found.observation), (found, []))[1].append(record.id)
        return True

    def hits(self, what_en: str, what_sv: str, hint: str, sv_hint: str):
        """One hit per observation: `what` (e.g. 'indicators not linked to any goal') and the records' ids."""
        for found, ids in self.grouped.values():
            observation = found.observation
            category = observation.category
            yield self.ctx.hit(
                observation,
                f"{what_en}, grouped under the open observation '{observation.id}' "
                f"({word('en', 'observation-category', category)}): {', '.join(at_most('en', ids))}",
                "id", hint=hint,
                sv=f"{what_sv}, samlade under den öppna iakttagelsen '{observation.id}' "
                   f"({word('sv', 'observation-category', category)}): {', '.join(at_most('sv', ids))}",
                sv_hint=sv_hint,
            )
