"""Rules for recommendations that repeat earlier ones (`repeats:`)."""

from __future__ import annotations

from collections import defaultdict

from auditrack.findings import Severity, named
from auditrack.i18n import word
from auditrack.rules.base import Context, rule


def _latest_grades(ctx: Context) -> dict[tuple[str, str], tuple]:
    """(organisation, recommendation id) → (follow-up, assessment) of the latest follow-up by `as_of` that
    grades it; the later of two follow-ups on the same date is the one with the greater id."""
    graded: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for follow_up in ctx.index.records("follow-up"):
        if follow_up.date.start > ctx.as_of:
            continue
        org = ctx.index.org_of(follow_up)
        for assessment in follow_up.assessments:
            graded[org, assessment.recommendation].append((follow_up, assessment))
    return {key: max(found, key=lambda fa: (fa[0].date.end, fa[0].date.start, fa[0].id)) for key, found in graded.items()}


@rule("R113", "repeated-recommendation", Severity.WARNING, example="""
kind: audit-report
id: granskning-2024
recommendations:
  - id: granskning-2024-r1
    text: Bryt ned det övergripande målet i mätbara mål.
    repeats: [granskning-2021-r1]   # a follow-up graded it implemented in 2022
""", fix_example="""
kind: follow-up
report: granskning-2024
date: 2025-11-20
assessor: KPMG AB
assessments:
  - {recommendation: granskning-2024-r1, status: implemented, comment: Mätbara mål antogs 2025-04-15.}
""")
def repeated_recommendation(ctx: Context):
    """A recommendation repeats an earlier one that came back after it was graded implemented, or that is still open.

    Why:
    When the auditors have to repeat a recommendation, the earlier one did
    not have its effect: either a follow-up graded it implemented and the gap
    came back (the fix did not hold), or it was never closed (its latest
    follow-up graded it partly implemented, not implemented or not assessed,
    or no follow-up graded it). A recommendation graded not implemented that
    is repeated is reported as still open, the commonest case. One the board
    did not agree to (graded not agreed) is reported as raised again, not as
    open, and so is one a follow-up found no longer relevant. The council's
    discharge decision weighs repeated findings, so each is reported, naming
    the earlier recommendation, its report and its latest grade (by the
    as-of date), until a follow-up grades the repeating recommendation
    itself implemented. A repeat that names a recommendation of the same report, or
    of a report dated after the repeating one, is a mistake in the data and
    reported as an error.

    Fix:
    In the response to the new recommendation, say why the earlier one did
    not hold or was not carried out, and carry it out; the finding ends when
    a follow-up grades the new recommendation implemented.
    """
    grades = _latest_grades(ctx)
    for report in ctx.index.records("audit-report"):
        org = ctx.index.org_of(report)
        for rec in report.recommendations:
            if _graded_implemented(grades.get((org, rec.id))):
                continue  # the repeat itself has been dealt with
            for i, earlier_id in enumerate(rec.repeats):
                earlier = ctx.index.get(org, earlier_id, "recommendation")
                if earlier is None:
                    continue  # an unknown id is reported as X001
                earlier_report = ctx.index.entry(earlier).top
                if earlier_report is report or _dated_after(earlier_report, report):
                    yield _not_earlier(ctx, rec, ("repeats", i), earlier, earlier_report is report)
                    continue
                yield _repeat(ctx, rec, ("repeats", i), earlier, earlier_report, grades.get((org, earlier_id)))


def _graded_implemented(latest: tuple | None) -> bool:
    return latest is not None and latest[1].status == "implemented"


def _dated_after(earlier_report, report) -> bool:
    """Whether the report said to be earlier is dated after the repeating one; not known without both dates."""
    return (earlier_report.date is not None and report.date is not None
            and earlier_report.date.start > report.date.end)


def _not_earlier(ctx: Context, rec, at: tuple, earlier, same_report: bool):
    if same_report:
        why, why_sv = "is in the same report", "finns i samma rapport"
    else:
        why, why_sv = "is from a later report", "kommer från en senare rapport"
    return ctx.hit(rec, f"the recommendation '{rec.id}' says it repeats '{earlier.id}', which {why}", at,
                   severity=Severity.ERROR,
                   hint="`repeats:` names recommendations of earlier reports; remove this id or correct it.",
                   sv=f"rekommendationen '{rec.id}' anges upprepa '{earlier.id}', som {why_sv}",
                   sv_hint="`repeats:` anger rekommendationer i tidigare rapporter; ta bort id:t eller rätta det.")


def _repeat(ctx: Context, rec, at: tuple, earlier, earlier_report, latest: tuple | None):
    of = f"'{named(earlier_report.title)}'" + (f" ({earlier_report.date})" if earlier_report.date else "")
    said = f"the recommendation '{rec.id}' repeats '{earlier.id}' of {of}"
    said_sv = f"rekommendationen '{rec.id}' upprepar '{earlier.id}' från {of}"
    open_hint = (f"Let the response's actions answer both: recommendations: [{rec.id}, {earlier.id}], and say why "
                 "the earlier one was not carried out.")
    open_hint_sv = (f"Låt svarets åtgärder besvara båda: recommendations: [{rec.id}, {earlier.id}], och förklara "
                    "varför den tidigare inte genomfördes.")
    if latest is None:
        return ctx.hit(rec, f"{said}, which is still open: no follow-up has graded it", at, hint=open_hint,
                       sv=f"{said_sv}, som fortfarande är öppen: ingen uppföljning har bedömt den", sv_hint=open_hint_sv)
    follow_up, assessment = latest
    if _graded_implemented(latest):
        return ctx.hit(rec, f"{said}, which the follow-up of {follow_up.date} graded implemented: the earlier fix "
                            "did not hold", at,
                       hint=f"Find out why the fix of '{earlier.id}' did not hold, and say so in the response.",
                       sv=f"{said_sv}, som uppföljningen {follow_up.date} bedömde som åtgärdad: den tidigare "
                          "åtgärden höll inte",
                       sv_hint=f"Ta reda på varför åtgärden av '{earlier.id}' inte höll, och redovisa det i svaret.")
    if assessment.status == "not-agreed":
        return ctx.hit(rec, f"{said}, which the board did not agree to (the follow-up of {follow_up.date} graded it "
                            "not agreed): the auditors raise it again", at,
                       hint="Answer the repeated recommendation on its merits: agree and act, or record a reasoned "
                            "disagreement in the response's positions.",
                       sv=f"{said_sv}, som styrelsen eller nämnden inte ställde sig bakom (uppföljningen "
                          f"{follow_up.date} bedömde den som ej accepterad): revisorerna tar upp den igen",
                       sv_hint="Besvara den upprepade rekommendationen i sak: instäm och åtgärda, eller ange ett "
                               "motiverat ställningstagande under svarets positions.")
    if assessment.status == "no-longer-relevant":
        return ctx.hit(rec, f"{said}, which the follow-up of {follow_up.date} found no longer relevant: the auditors "
                            "raise it again, so it is relevant once more", at, hint=open_hint,
                       sv=f"{said_sv}, som uppföljningen {follow_up.date} bedömde som ej längre aktuell: revisorerna "
                          "tar upp den igen, så den är aktuell på nytt", sv_hint=open_hint_sv)
    if assessment.status == "not-assessed":
        graded, graded_sv = "did not assess it", "bedömde den inte"
    else:
        graded = f"graded it {word('en', 'grade', assessment.status).lower()}"
        graded_sv = f"bedömde den som {word('sv', 'grade', assessment.status).lower()}"
    return ctx.hit(rec, f"{said}, which is still open: the follow-up of {follow_up.date} {graded}", at, hint=open_hint,
                   sv=f"{said_sv}, som fortfarande är öppen: uppföljningen {follow_up.date} {graded_sv}",
                   sv_hint=open_hint_sv)
