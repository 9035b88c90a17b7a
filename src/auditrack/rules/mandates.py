"""Rules for mandates, bodies and roles: nothing may be left unregulated, unheld or untraceable."""

from __future__ import annotations

from collections import defaultdict

from auditrack.duedates import lapse_date
from auditrack.findings import Severity, named
from auditrack.i18n import at_most, label, word
from auditrack.rules.base import Context, rule
from auditrack.rules.timeline import days
from auditrack.timeline import covers, uncovered


def _unregulated_text(ctx: Context, mandate, lang: str = "en") -> str:
    org = ctx.index.org_of(mandate)
    names = []
    for kind, ids in (("role", mandate.roles), ("body", mandate.bodies)):
        for ref in ids:
            record = ctx.index.get(org, ref, kind)
            names.append(named(record.name) if record is not None else ref)
    regulates = list(dict.fromkeys(mandate.regulates))
    if lang == "sv":
        topics = ", ".join(word("sv", "topic", t) for t in regulates) if regulates else "det som uppdraget reglerade"
    else:
        topics = ", ".join(regulates) if regulates else "what it regulates"
    return topics + (f" ({'; '.join(at_most(lang, names))})" if names else "")


@rule("G201", "mandate-lapses", Severity.ERROR, example="""
kind: mandate
id: uppdragsbeskrivning-2021
type: mandate-description
adopted: 2021-08-30
valid_until: 2022-03-31
regulates: [roles, responsibilities, bodies]
# and no mandate supersedes it
""", fix_example="""
kind: mandate
id: uppdragsbeskrivning-2022
type: mandate-description
adopted: 2022-03-22
valid_from: 2022-04-01
supersedes: [uppdragsbeskrivning-2021]
regulates: [roles, responsibilities, bodies]
""")
def mandate_lapses(ctx: Context):
    """A mandate has lapsed, or lapses within the horizon, and nothing takes over from it.

    Why:
    When a mandate description ends with nothing after it, roles,
    responsibilities and groups are no longer regulated and the work risks
    drifting apart. Ludvika's mandate description applied until 2022-03-31 and
    nothing documented how the work would be organised after that
    (Ludvika 2022, 3.5 and 4). This is a warning from `horizons.mandate_expiry_days`
    before the end date and an error after it, relative to `--as-of`.


    Would the auditors call it right? Yes: Ludvika's auditors found nothing that
    documents the organisation after 2022-03-31 (3.5). Before the date it is a
    warning, after it an error.
    Fix:
    Adopt a new or revised mandate that lists the old one under `supersedes:`,
    or extend `valid_until:` if the board has decided so.
    """
    horizon = ctx.config.horizons.mandate_expiry_days
    for mandate in ctx.index.records("mandate"):
        end = lapse_date(mandate, ctx.relations)
        if end is None:
            continue
        title = named(mandate.title)
        what = _unregulated_text(ctx, mandate)
        what_sv = _unregulated_text(ctx, mandate, "sv")
        if end < ctx.as_of:
            yield ctx.hit(
                mandate,
                f"the mandate '{title}' lapsed on {end.isoformat()} with no successor; "
                f"since then nothing regulates {what}",
                "valid_until",
                hint="Adopt a new mandate that supersedes it, or record the decision that extends it.",
                sv=f"uppdraget '{title}' upphörde {end.isoformat()} utan efterföljare; "
                   f"sedan dess reglerar inget {what_sv}",
                sv_hint="Anta ett nytt uppdrag som ersätter det (supersedes), eller registrera beslutet som förlänger det.",
            )
        elif end - days(horizon) <= ctx.as_of:
            left = (end - ctx.as_of).days
            yield ctx.hit(
                mandate,
                f"the mandate '{title}' lapses on {end.isoformat()} (in {left} days) with no successor; "
                f"after that nothing regulates {what}",
                "valid_until",
                severity=Severity.WARNING,
                hint="Adopt a new mandate that supersedes it before the end date.",
                sv=f"uppdraget '{title}' upphör {end.isoformat()} (om {label('sv', 'days', left).format(n=left)}) "
                   f"utan efterföljare; därefter reglerar inget {what_sv}",
                sv_hint="Anta före slutdatumet ett nytt uppdrag som ersätter det (supersedes).",
            )


@rule("G202", "mandate-coverage-gap", Severity.ERROR, example="""
kind: programme
id: samverkansmodellen
started: 2018-06
# the first mandate that regulates roles and responsibilities is adopted 2020-10
""", fix_example="""
# A mandate (or the board decision that started the work) that regulates
# roles and responsibilities from the start:
kind: mandate
id: uppstartsbeslut-2018
programme: samverkansmodellen
adopted: 2018-06-26
regulates: [roles, responsibilities]
""")
def mandate_coverage_gap(ctx: Context):
    """A period since the work started that no mandate covers: roles and responsibilities undocumented.

    Why:
    Roles and responsibilities should be clear from the start. Ludvika's model
    was adopted in June 2018, but the first steering model with roles and
    responsibilities came in October 2020 (Ludvika 2022, 2 and 3.4.1).
    A gap after the last mandate has lapsed is reported by G201 instead; a
    programme with no such mandate recorded at all gets a warning, since the
    data may simply not hold it yet.


    Would the auditors call it right? Yes where the programme's start is
    recorded: Ludvika's auditors said a mandate was needed from the start
    (3.4.1). Without a start date nothing is reported. Which standing body is
    responsible for what needs no programme start: record an observation of
    category responsibility-split, closed by a reglemente, delegation order or
    agreement that `regulates: [responsibility-split]` (G501, G502).
    Fix:
    Record the mandate that covered the period, if there was one; otherwise
    this is a finding to learn from, and a waiver with the board's reason can
    acknowledge a closed historical gap.
    """
    by_programme = defaultdict(list)  # each programme's own mandates, so each programme reads only its own
    for mandate in ctx.index.records("mandate"):
        by_programme[ctx.index.org_of(mandate), mandate.programme].append(mandate)
    for programme in ctx.index.records("programme"):
        if programme.started is None:
            continue
        mandates = by_programme.get((ctx.index.org_of(programme), programme.id), [])
        name = named(programme.name)
        if not any(covers(m) for m in mandates):
            # With no mandate recorded at all, the data may simply not hold it yet: a warning, not an error.
            yield ctx.hit(programme, f"no mandate that regulates roles and responsibilities for '{name}' "
                                     f"is recorded since it started ({programme.started})", "started",
                          severity=Severity.WARNING,
                          hint="Add the mandate (kind: mandate, programme: this id, regulates: [roles, responsibilities]).",
                          sv=f"inget uppdrag som reglerar roller och ansvar för '{name}' är registrerat "
                             f"sedan arbetet startade ({programme.started})",
                          sv_hint="Lägg till uppdraget (kind: mandate, programme: programmets id, "
                                  "regulates: [roles, responsibilities]).")
            continue
        for gap in uncovered(programme, mandates, ctx.as_of):
            if gap.end == ctx.as_of and gap.start > programme.started.end:
                continue  # the last mandate has lapsed: G201 reports that
            since = str(programme.started) if gap.start == programme.started.start else gap.start.isoformat()
            yield ctx.hit(
                programme,
                f"no mandate regulated roles and responsibilities for '{name}' from "
                f"{since} to {gap.end.isoformat()}",
                "started",
                hint="Record the mandate that covered this period, or waive the finding with the board's reason.",
                sv=f"roller och ansvar för '{name}' reglerades inte av något uppdrag från "
                   f"{since} till {gap.end.isoformat()}",
                sv_hint="Registrera uppdraget som gällde under perioden, eller gör undantag för iakttagelsen (waivers) "
                        "med styrelsens eller nämndens motivering.",
            )


@rule("G203", "role-not-held", Severity.WARNING, example="""
kind: role
id: samordnare
name: Samordnare
holders:
  - {from: 2021-08, until: 2022-03-31}
""", fix_example="""
holders:
  - {from: 2021-08, until: 2022-03-31}
  - {from: 2022-04-01, name: Namn Namnsson, appointed_by: kommunstyrelsen}
""")
def role_not_held(ctx: Context):
    """A role or function that no one holds on the as-of date.

    Why:
    A responsibility that no one holds is not carried out. Ludvika's chair was
    appointed only until 2022-03-31, and the interviews showed it was unclear
    what would follow (Ludvika 2022, 3.4 and 3.5). Standing roles
    (`standing: true`, such as the municipal director) are exempt, and so are
    roles recorded `vacant:` (G206 reports the vacancy, a fact, where this rule
    reports missing data).

    Would the auditors call it right? Yes where the source names the role and
    its holders' terms, as Ludvika's does; it reads "no one is recorded", not
    "vacant", because the data may only be incomplete.

    Fix:
    Record who holds the role now under `holders:`, or retire the role in the
    mandate that regulates it.
    """
    for role in ctx.index.records("role"):
        if role.standing or role.vacant is not None:  # a recorded vacancy is a fact, reported by G206
            continue
        current = [
            h for h in role.holders
            if (h.from_ is None or h.from_.start <= ctx.as_of) and (h.until is None or ctx.as_of <= h.until.end)
        ]
        if current:
            continue
        name = named(role.name)
        if not role.holders:
            message = f"no one is recorded as holding the role '{name}'"
            sv = f"rollen '{name}' har ingen registrerad innehavare"
        else:
            last = max((h.until.end for h in role.holders if h.until), default=None)
            message = f"no one holds the role '{name}' on {ctx.as_of.isoformat()}" + (
                f"; the last holder's term ended {last.isoformat()}" if last else "")
            sv = f"rollen '{name}' är obesatt per {ctx.as_of.isoformat()}" + (
                f"; den senaste innehavarens förordnande gick ut {last.isoformat()}" if last else "")
        yield ctx.hit(role, message, "holders", hint="Record the current holder under holders, with from and appointed_by.",
                      sv=sv, sv_hint="Registrera under `holders:` vem som har rollen nu, med `from:` och `appointed_by:`.")


@rule("G204", "unregulated-body-or-role", Severity.WARNING, example="""
kind: body
id: arbetsgrupp
type: work-group
# no regulated_by, and no mandate lists it under bodies
""", fix_example="""
kind: body
id: arbetsgrupp
type: work-group
regulated_by: [uppdragsbeskrivning-2022]
""")
def unregulated_body_or_role(ctx: Context):
    """A body or role that no mandate or governing document in force regulates.

    Why:
    A group or role that nothing regulates has no documented mandate, duties or
    reporting line (Ludvika 2022, 3.5: roles and responsibilities must remain
    regulated after the implementation phase). Standing bodies and roles
    (`standing: true`), line posts (`line_post: true`) and bodies no longer
    active are exempt.

    Would the auditors call it right? For a group or role the programme set up
    (a steering group, a project leader), yes. Not for an ordinary line post
    such as a unit manager: the standing rules regulate it. Record such a post
    `line_post: true`; unlike `standing: true` that keeps asking who holds it
    (G203), and a vacancy is reported either way (G206).

    Fix:
    Add the mandate or document to `regulated_by:`, or list the body or role in
    the mandate's `bodies:` / `roles:`.
    """
    for kind in ("body", "role"):
        for record in ctx.index.records(kind):
            if record.standing or getattr(record, "line_post", False):
                continue
            if kind == "body" and record.active_until is not None and record.active_until.end < ctx.as_of:
                continue
            if ctx.relations.regulated_on(record, ctx.as_of):
                continue
            found = ctx.relations.regulators(record)
            name = named(record.name)
            noun, it, listed = ("organet", "det", "bodies") if kind == "body" else ("rollen", "den", "roles")
            if found:
                message = (f"the {kind} '{name}' is no longer regulated: no mandate or document that "
                           f"regulates it is in force on {ctx.as_of.isoformat()}")
                sv = (f"{noun} '{name}' regleras inte längre: inget uppdrag eller styrdokument som reglerar "
                      f"{it} gäller per {ctx.as_of.isoformat()}")
            else:
                message = f"nothing regulates the {kind} '{name}': no mandate or governing document names it"
                sv = f"{noun} '{name}' regleras inte: inget uppdrag eller styrdokument nämner {it}"
            yield ctx.hit(record, message, "name",
                          hint="Add `regulated_by:` with a mandate or document in force, or list it in one.",
                          sv=sv, sv_hint=f"Ange ett gällande uppdrag eller styrdokument under `regulated_by:`, "
                                         f"eller ta med {noun} under `{listed}:` i ett sådant.")


@rule("G205", "body-without-minutes", Severity.WARNING, example="""
kind: body
id: politisk-styrgrupp
type: political-steering-group
minutes: {kept: false}
""", fix_example="""
minutes: {kept: true, type: minnesanteckningar, since: 2023-01}
""")
def body_without_minutes(ctx: Context):
    """A body keeps no minutes of its meetings.

    Why:
    Without minutes the body's decisions cannot be traced or examined. Ludvika's
    political steering group of 2020 kept no minutes, which limited the audit
    (Ludvika 2022, 3.4).


    Would the auditors call it right? Yes: only a body the source says kept no
    minutes (`minutes: {kept: false}`) is reported, as Ludvika's political
    steering group (3.4); a body whose minutes the source does not mention is
    not.
    Fix:
    Decide that the body keeps minutes (protokoll or minnesanteckningar) and
    record `minutes: {kept: true, since: ...}`.
    """
    for body in ctx.index.records("body"):
        if body.minutes is not None and body.minutes.kept is False:
            name = named(body.name)
            type_sv = word("sv", "body-type", body.type)
            named_sv = f"'{name}'" if type_sv.lower() in name.lower() else f"'{name}' ({type_sv})"
            yield ctx.hit(body, f"the {body.type.replace('-', ' ')} '{name}' keeps no minutes, so its decisions "
                                "cannot be traced", "minutes",
                          hint="Decide that minutes are kept and record minutes: {kept: true, since: ...}.",
                          sv=f"organet {named_sv} för varken protokoll eller minnesanteckningar, så dess beslut går "
                             "inte att spåra",
                          sv_hint="Besluta att organet ska föra protokoll eller minnesanteckningar, och registrera det "
                                  "som minutes: {kept: true, since: ...}.")
