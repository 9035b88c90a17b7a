"""Rules for the life of a recommendation: response, actions, evidence and follow-up."""

from __future__ import annotations

from collections import defaultdict

from auditrack.duedates import action_late, follow_up_due, response_due
from auditrack.findings import Severity, named
from auditrack.i18n import at_most, label, word
from auditrack.promises import promise_of
from auditrack.rules.base import Context, rule, selected



def _answered_reports(ctx: Context) -> set[tuple[str, str, str]]:
    """(organisation, report id, body id) for every recorded response: which body has answered which report."""
    return {(ctx.index.org_of(r), r.report, r.decided_by) for r in ctx.index.records("response")}


def _silent(asked: list[str], has_answered) -> list[tuple[int, str]]:
    """The bodies in `asked` (with their place in the list) that have not answered, each once."""
    seen: set[str] = set()
    silent = []
    for i, body in enumerate(asked):
        if body not in seen and not has_answered(body):
            silent.append((i, body))
        seen.add(body)
    return silent


def body_text(ctx: Context, organisation: str, body_id: str) -> str:
    """A body as a finding names it: its name and id, or only the id when no such body is recorded."""
    body = ctx.index.get(organisation, body_id, "body")
    return f"{named(body.name)} ({body_id})" if body is not None else body_id


@rule("R101", "response-missing", Severity.ERROR, example="""
kind: audit-report
id: granskning-2023
response_request:
  requested_on: 2023-04-20
  requested_from: [kommunstyrelsen, socialnamnden]
  due: 2023-06-30
# and no file with kind: response, report: granskning-2023, decided_by: socialnamnden
""", fix_example="""
kind: response
organisation: exempel
id: svar-granskning-2023-sn
report: granskning-2023
decided_by: socialnamnden
date: 2023-06-13
decision: SN 2023-06-13 § 57
actions: [...]
""")
def response_missing(ctx: Context):
    """A body the auditors asked to respond has no recorded response (an error once the requested date has passed).

    Why:
    Each board asked must answer the auditors' recommendations for itself,
    saying which actions it will take and when: one finding per body in
    `requested_from` with no response (`decided_by`) of its own to the report;
    another body's response does not answer for it. Bräcke's auditors sent the report on 2023-04-20 asking
    for a response (Bräcke 2023, cover letter). Without a date in the request,
    the response is due `horizons.response_days` after it; before that the
    finding is informational, and within `horizons.due_soon_days` of the date
    R112's warning takes its place. A request that records neither its own date
    (`requested_on:`) nor a `due:` date cannot be late: it is reported as
    informational only, never guessed overdue. Any recorded response answers
    the request, also one known only from the administration's memo or
    without a date.


    Would the auditors call it right? Yes: the auditors asked for the response (Bräcke's
    cover letter); before it is due, it is information, not a gap.
    Fix:
    Record each body's response (kind: response, `decided_by` the body) with
    the decision reference and its actions.
    """
    answered = _answered_reports(ctx)
    days_allowed = ctx.config.horizons.response_days
    for report in ctx.index.records("audit-report"):
        request = report.response_request
        if request is None:
            continue
        org = ctx.index.org_of(report)
        silent = _silent(request.requested_from, lambda body: (org, report.id, body) in answered)
        if not silent:
            continue
        title = named(report.title)
        due = response_due(request, days_allowed)
        due_text = due_text_sv = ""
        if due is not None:
            due_text = due.isoformat() if request.due else f"{due.isoformat()} ({days_allowed} days after the request, which set no date)"
            due_text_sv = due.isoformat() if request.due else (
                f"{due.isoformat()} ({label('sv', 'days', days_allowed).format(n=days_allowed)} efter begäran, "
                "eftersom begäran inte angav något datum)")
        # Within R112's horizon its warning says the response is due soon; this information would repeat it.
        reminded = (due is not None and selected("R112", ctx.config)
                    and (due - ctx.as_of).days <= ctx.config.horizons.due_soon_days)
        asked_on = f" on {request.requested_on}" if request.requested_on else ""
        asked_on_sv = f" {request.requested_on}" if request.requested_on else ""
        for i, body in silent:
            who = body_text(ctx, org, body)
            at = ("response_request", "requested_from", i)
            if due is None:
                yield ctx.hit(report, f"a response to '{title}' was requested from {who} and is not recorded; "
                                      "the request gives neither its date nor a due date, so when it is due is not known",
                              at, severity=Severity.INFO,
                              hint="Record the body's response (kind: response, decided_by: the body) when it has been "
                                   "adopted, and the request's date (requested_on:) or due date (due:) if a source gives them.",
                              sv=f"{who} ombads svara på '{title}' och svaret är inte registrerat; begäran anger "
                                 "varken sitt datum eller när svaret ska lämnas, så det är okänt när svaret ska vara klart",
                              sv_hint="Registrera organets svar (kind: response, decided_by: organet) när det har antagits, "
                                      "och begärans datum (requested_on:) eller sista svarsdag (due:) om någon källa anger dem.")
            elif ctx.as_of > due:
                yield ctx.hit(report, f"no response to '{title}' from {who} is recorded; it was asked{asked_on} "
                                      f"and its response was due {due_text}", at,
                              hint="Record the body's response (kind: response, decided_by: the body) with its decision "
                                   "reference and actions.",
                              sv=f"inget svar på '{title}' från {who} är registrerat; organet ombads svara{asked_on_sv} "
                                 f"och svaret skulle ha lämnats senast {due_text_sv}",
                              sv_hint="Registrera organets antagna svar (kind: response, decided_by: organet) med "
                                      "beslutsparagraf och åtgärder.")
            elif not reminded:
                yield ctx.hit(report, f"a response to '{title}' was requested from {who}{asked_on}; "
                                      f"it is due {due_text} and not yet recorded", at,
                              severity=Severity.INFO,
                              hint="Record the body's response (kind: response, decided_by: the body) when it has "
                                   "been adopted.",
                              sv=f"{who} ombads{asked_on_sv} att svara på '{title}'; svaret ska "
                                 f"lämnas senast {due_text_sv} och är ännu inte registrerat",
                              sv_hint="Registrera organets svar (kind: response, decided_by: organet) när det har "
                                      "antagits.")


@rule("R102", "response-without-actions", Severity.ERROR, example="""
kind: response
report: granskning-2023
actions: []
""", fix_example="""
actions:
  - id: a1
    recommendations: [granskning-2023-r1]
    text: Ta fram en processplan med mätbara mål.
    owner: socialchef
    due: 2024-03-31
""")
def response_without_actions(ctx: Context):
    """A response commits to no actions, or leaves a recommendation addressed to its body without any action.

    Why:
    A response should say which actions will be taken and when they will be
    done (the life cycle of a recommendation, step 3). A recommendation that no
    action answers is left unowned. A response is checked only against the
    recommendations addressed to the body that adopted it (`decided_by`): the
    recommendation's `addressees`, or else the report's. A reasoned
    disagreement (`positions:` with `stance: disagree` and a `reason`) answers
    a recommendation without an action. An action whose status the source does
    not give answers its recommendations like a planned one; only a cancelled
    action does not.


    Would the auditors call it right? Yes: the auditors ask which actions
    will be taken and when; a reasoned disagreement answers without one.
    Fix:
    Add `actions:` to the response, each naming the recommendations it answers,
    or record why the body disagrees in `positions:`.
    """
    for response in ctx.index.records("response"):
        org = ctx.index.org_of(response)
        report = ctx.index.get(org, response.report, "audit-report")
        mine = [] if report is None else [
            rec for rec in report.recommendations if response.decided_by in report.addressees_of(rec)]
        answered = {rec for action in response.actions if action.status != "cancelled" for rec in action.recommendations}
        answered.update(p.recommendation for p in response.positions if p.stance == "disagree" and p.reason)
        unanswered = [rec for rec in mine if rec.id not in answered]
        if not response.actions and (report is None or unanswered):
            yield ctx.hit(response, f"the response '{response.id}' commits to no actions", "actions",
                          hint="List the actions, each with owner, due date and the recommendations it answers.",
                          sv=f"svaret '{response.id}' innehåller inga åtgärder",
                          sv_hint="För upp åtgärderna under `actions:`, var och en med ansvarig, datum för när den "
                                  "ska vara klar och de rekommendationer den besvarar.")
            continue
        for rec in unanswered:
            yield ctx.hit(response, f"no action in the response answers the recommendation '{rec.id}'", "actions",
                          hint=f"Add an action with recommendations: [{rec.id}], or record a reasoned "
                               f"disagreement: positions: [{{recommendation: {rec.id}, stance: disagree, reason: ...}}].",
                          sv=f"ingen åtgärd i svaret besvarar rekommendationen '{rec.id}'",
                          sv_hint=f"Lägg till en åtgärd med recommendations: [{rec.id}], eller ange varför organet "
                                  f"inte delar rekommendationen: positions: [{{recommendation: {rec.id}, "
                                  "stance: disagree, reason: ...}].")


@rule("R103", "action-incomplete", Severity.ERROR, example="""
actions:
  - id: a1
    text: Ta fram en processplan.
""", fix_example="""
actions:
  - id: a1
    text: Ta fram en processplan.
    owner: socialchef
    due: 2024-03-31
""")
def action_incomplete(ctx: Context):
    """An action has no owner or no due date.

    Why:
    An action with no owner is nobody's job, and one with no due date can never
    be late. Each action needs an owner (a role, not a person's whim) and a due date.
    Cancelled actions are skipped; one whose status the source does not give
    is checked like any other.


    Would the auditors call it right? Yes: an action without an owner or a date
    cannot be followed up, which is what the follow-up audit does.
    Fix:
    Add `owner:` (a role id) and `due:`.
    """
    for action in ctx.index.records("action"):
        if action.status == "cancelled":
            continue
        fields = (("owner", action.owner, "owner: (a role id)", "ansvarig", "owner: (id för en roll)"),
                  ("due date", action.due, "due: (YYYY-MM-DD)", "datum för när den ska vara klar", "due: (ÅÅÅÅ-MM-DD)"))
        missing = [(name, how, name_sv, how_sv) for name, value, how, name_sv, how_sv in fields if value is None]
        if missing:
            yield ctx.hit(action, f"the action '{action.id}' has no {' and no '.join(m[0] for m in missing)}", "text",
                          hint=f"Add {' and '.join(m[1] for m in missing)}.",
                          sv=f"åtgärden '{action.id}' saknar {' och '.join(m[2] for m in missing)}",
                          sv_hint=f"Lägg till {' och '.join(m[3] for m in missing)}.")


@rule("R104", "action-overdue", Severity.ERROR, example="""
- id: a1
  due: 2023-12-31
  status: in-progress
""", fix_example="""
- id: a1
  due: 2023-12-31
  status: done
  done: 2023-12-15
  evidence: ["KS 2023-12-12 § 201"]
""")
def action_overdue(ctx: Context):
    """An action is not done and its due date has passed.

    Why:
    Overdue actions are what follow-up audits find as "ej åtgärdad". Seeing them
    on every commit lets the administration act or re-plan in time.
    `horizons.action_due_days` adds a grace period. Only actions recorded as
    planned or in progress are checked: one whose status the source does not
    give may well be done, so it is not called overdue. An action that
    promises a report back (`reporting:` a reporting requirement) is done by
    the first report logged under the requirement from its `valid_from`;
    while the report is owed and the requirement's own `due_dates` include
    the action's due date, the missed date is the requirement's finding
    (G301), not also this one.

    Would the auditors call it right? Yes: a follow-up audit asks whether what was
    promised was done by the date given.
    Fix:
    Finish the action and record `status: done`, `done:` and `evidence:`, or
    record a new due date decided by the board.
    """
    grace = ctx.config.horizons.action_due_days
    for action in ctx.index.records("action"):
        if action_late(action, ctx.as_of, grace):
            promise = promise_of(ctx.index, action, ctx.as_of)
            if promise is not None and promise.judges(action):
                continue
            late = (ctx.as_of - action.due.end).days
            yield ctx.hit(action, f"the action '{action.id}' was due {action.due.end.isoformat()} and is still "
                                  f"{action.status} ({late} days late)", "due",
                          hint="Finish it and record status: done with evidence, or record a new due date.",
                          sv=f"åtgärden '{action.id}' skulle ha varit klar {action.due.end.isoformat()} men har "
                             f"fortfarande status {word('sv', 'action-status', action.status)} "
                             f"({label('sv', 'days', late).format(n=late)} försenad)",
                          sv_hint="Slutför åtgärden och registrera status: done med underlag (evidence), eller "
                                  "registrera ett nytt datum för när den ska vara klar.")


@rule("R105", "done-without-evidence", Severity.WARNING, example="""
- id: a1
  status: done
""", fix_example="""
- id: a1
  status: done
  done: 2023-12-15
  evidence: ["https://example.kommun.se/protokoll/ks-2023-12-12.pdf"]
""")
def done_without_evidence(ctx: Context):
    """An action is marked done without evidence or without the date it was done.

    Why:
    Auditors following up need to see what was done. "Done" without a link to
    a decision, document or report cannot be verified. Only actions recorded
    as done are checked, not those whose status the source does not give,
    nor those done by a report logged under the reporting requirement they
    name (`reporting:`): that report is their evidence and date.


    Would the auditors call it right? Yes, as a warning: a follow-up audit
    asks for the evidence, and an action marked done without it is a claim.
    Fix:
    Add `evidence:` (links or references such as "KS 2023-12-12 § 201") and `done:`.
    """
    for action in ctx.index.records("action"):
        if action.status != "done":
            continue
        promise = promise_of(ctx.index, action, ctx.as_of)
        if promise is not None and promise.kept:
            continue
        missing = [(name, name_sv) for name, name_sv, value in (
            ("evidence", "underlag", action.evidence), ("date done", "datum för när den genomfördes", action.done),
        ) if not value]
        if missing:
            yield ctx.hit(action, f"the action '{action.id}' is marked done without {' and without '.join(m[0] for m in missing)}",
                          "status", hint="Add evidence: (links or decision references) and done: (the date).",
                          sv=f"åtgärden '{action.id}' är markerad som genomförd utan {' och utan '.join(m[1] for m in missing)}",
                          sv_hint="Lägg till evidence: (länkar eller hänvisningar till beslut) och done: (datumet då "
                                  "åtgärden genomfördes).")


@rule("R111", "due-moved-without-decision", Severity.ERROR, example="""
- id: a1
  due: 2024-06-30
  updates:
    - date: 2024-03-01
      due: 2024-06-30
      note: Förseningar i upphandlingen.
""", fix_example="""
  updates:
    - date: 2024-03-01
      due: 2024-06-30
      decision: KS 2024-02-13 § 22
""")
def due_moved_without_decision(ctx: Context):
    """An action's due date was moved without the decision that moved it.

    Why:
    The due date is what the board committed to in its response. Moving it is
    the board's decision, and the auditors following up will ask for it; a date
    that slides without one hides an action that is late. An entry in
    `updates:` with a `due` different from its `moved_from` (the date it
    replaced, which `auditrack progress` records) or, without one, from the
    `due` of the entry before it (the first such entry always moves the date)
    records a move.

    Fix:
    Add `decision:` to the entry, e.g. "KS 2024-02-13 § 22" (with
    `auditrack progress ACTION --due NEW --decision REF`).
    """
    for action in ctx.index.records("action"):
        previous = None
        for i, update in enumerate(action.updates):
            if update.due is None:
                continue
            replaced = update.moved_from if update.moved_from is not None else previous
            if update.due != replaced and not update.decision:
                yield ctx.hit(action, f"the due date of the action '{action.id}' was moved to {update.due} on "
                                      f"{update.date} without a recorded decision", ("updates", i, "due"),
                              hint="Add `decision:` to the entry, with the reference of the decision that moved "
                                   "the date, e.g. KS 2024-02-13 § 22.",
                              sv=f"datumet för när åtgärden '{action.id}' ska vara klar flyttades till {update.due} "
                                 f"den {update.date} utan något registrerat beslut",
                              sv_hint="Lägg till `decision:` i posten, med hänvisning till beslutet som flyttade "
                                      "datumet, till exempel KS 2024-02-13 § 22.")
            previous = update.due


@rule("R106", "follow-up-missing", Severity.WARNING, example="""
kind: audit-report
id: granskning-2022
date: 2022-03-15
# no kind: follow-up assesses its recommendations 24 months later
""", fix_example="""
kind: follow-up
report: granskning-2022
date: 2023-11-20
assessor: KPMG AB
assessments:
  - {recommendation: granskning-2022-r1, status: partly-implemented, comment: ...}
""")
def follow_up_missing(ctx: Context):
    """Recommendations have had no follow-up assessment a set time after the report.

    Why:
    The auditors follow up earlier recommendations in a later year and grade
    them; without that, nobody knows whether the gaps were closed. The time is
    `horizons.follow_up_months` after the report's date (default 24). A
    report without a date is skipped, since when the follow-up is due is not
    known. Any grade is a follow-up: `no-longer-relevant` and `not-agreed`
    (the board declined, with its reasons) close a recommendation as
    `implemented` does. A follow-up round without `report:` counts for each
    recommendation it grades, whichever report it comes from.


    Would the auditors call it right? Yes, as a warning: the auditors follow up
    their recommendations in a later year; the data may only lack the record.
    Fix:
    Record the follow-up (kind: follow-up) with an assessment per recommendation.
    """
    months = ctx.config.horizons.follow_up_months
    assessed_in: dict[str, set[str]] = defaultdict(set)
    for follow_up in ctx.index.records("follow-up"):
        assessed_in[ctx.index.org_of(follow_up)].update(a.recommendation for a in follow_up.assessments)
    for report in ctx.index.records("audit-report"):
        due = follow_up_due(report, months)
        if not report.recommendations or due is None:
            continue
        if ctx.as_of <= due:
            continue
        org = ctx.index.org_of(report)
        missing = [r.id for r in report.recommendations if r.id not in assessed_in[org]]
        if missing:
            title = named(report.title)
            listed, listed_sv = ", ".join(at_most("en", missing)), ", ".join(at_most("sv", missing))
            yield ctx.hit(report, f"{len(missing)} of {len(report.recommendations)} recommendations of '{title}' "
                                  f"have no follow-up assessment {months} months after the report "
                                  f"(due {due.isoformat()}): {listed}", "recommendations",
                          hint="Record a follow-up (kind: follow-up) grading each recommendation.",
                          sv=f"{len(missing)} av {len(report.recommendations)} "
                             f"{'rekommendation' if len(report.recommendations) == 1 else 'rekommendationer'} "
                             f"från '{title}' har inte bedömts i någon uppföljning {months} månader efter "
                             f"rapporten (senast {due.isoformat()}): {listed_sv}",
                          sv_hint="Registrera en uppföljning (kind: follow-up) med en bedömning av varje rekommendation.")


@rule("R107", "owner-not-mandated", Severity.WARNING, example="""
- id: a1
  owner: samordnare     # the role's mandate lapses 2022-03-31
  due: 2022-12-31
""", fix_example="""
# a mandate in force on 2022-12-31 lists the role:
kind: mandate
id: uppdragsbeskrivning-2022
valid_from: 2022-04-01
roles: [samordnare]
""")
def owner_not_mandated(ctx: Context):
    """An action's owner is a role that no mandate or document covers on the action's due date.

    Why:
    Giving an action to a role whose mandate has lapsed gives it to no one. In
    Ludvika the chair and the steering group were set up only until
    2022-03-31 (Ludvika 2022, 3.5). Standing roles and cancelled actions are
    exempt; an action whose status the source does not give is checked.


    Would the auditors call it right? Yes, as a warning: an owner whose role no
    mandate regulates may lack the mandate to act (Ludvika 3.5).
    Fix:
    Give the action to a role that a mandate covers at its due date, or renew
    the role's mandate.
    """
    for action in ctx.index.records("action"):
        if action.owner is None or action.due is None or action.status == "cancelled":
            continue
        org = ctx.index.org_of(action)
        role = ctx.index.get(org, action.owner, "role")
        if role is None or role.standing:
            continue
        day = action.due.end
        if not ctx.relations.regulated_on(role, day):
            name = named(role.name)
            yield ctx.hit(action, f"the owner of action '{action.id}', the role '{name}', is not covered by any "
                                  f"mandate or document in force on its due date {day.isoformat()}", "owner",
                          hint="Choose an owner whose role a mandate covers at the due date, or renew the role's mandate.",
                          sv=f"ansvarig för åtgärden '{action.id}' är rollen '{name}', men inget uppdrag eller "
                             f"styrdokument som omfattar rollen gäller {day.isoformat()}, då åtgärden ska vara klar",
                          sv_hint="Välj en ansvarig roll som ett uppdrag omfattar när åtgärden ska vara klar, "
                                  "eller förnya rollens uppdrag.")
