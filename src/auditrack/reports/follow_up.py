"""`report follow-up`: the table auditors write in a follow-up audit.

Per earlier audit and recommendation: the recommendation in full, the response
and its actions, the graded status of the latest follow-up (with earlier grades)
and the auditors' comment. With a round (`--round ID`, a follow-up's id): only
that round's grades, grouped by the audit each recommendation came from.
"""

from __future__ import annotations

from auditrack import i18n
from auditrack.reports import answers, common, concerns
from auditrack.rounds import report_by_recommendation
from auditrack.verdicts import on_scale


def build(result, org: str | None, lang: str, round_id: str | None = None) -> dict:
    """The report's context from one index of everything (`result.index`)."""
    index = result.index
    within = common.scope(index, org)
    organisations = []
    for org_id in within.ids:
        part = organisation(index, org_id, within.names[org_id], result, lang, round_id)
        if part is not None:
            organisations.append(part)
    return {"organisations": organisations, "round": round_id}


def organisation(index, org_id: str, name: str, result, lang: str, round_id: str | None = None) -> dict | None:
    """One organisation's part of the report (nothing spans organisations); with a round, None when the
    organisation has no follow-up of that id."""
    if round_id is not None:
        rounds = [_round(index, org_id, f, result, lang) for f in index.records("follow-up", org_id)
                  if f.id == round_id]
        return {"id": org_id, "name": name, "audits": [], "rounds": rounds} if rounds else None
    tracked = common.tracking(index, org_id, result.as_of)
    audits = []
    for report in common.reports_of(index, org_id, result.as_of):
        if not report.recommendations:
            continue
        audits.append(_audit(index, org_id, report, tracked, result, lang))
    return {"id": org_id, "name": name, "audits": audits, "rounds": []}


def round_ids(index, org: str | None) -> list[str]:
    """The ids of the follow-ups (rounds) a report for `org` (or every organisation) can render."""
    return sorted({f.id for f in index.records("follow-up", org)})


def _round(index, org: str, follow_up, result, lang: str) -> dict:
    """One follow-up round: its grades, grouped by the audit each graded recommendation came from, the audits in
    the order of their dates; a not-agreed grade carries the disagreeing stances with their reasons."""
    owners = report_by_recommendation(index, org)
    responses = [r for r in index.records("response", org) if common.known_by(r.known_date, result.as_of)]
    stances = answers.stances_by_recommendation(index, org, responses)
    graded: dict[str, list] = {}
    reports = {}
    for assessment in follow_up.assessments:
        report = owners.get(assessment.recommendation)
        if report is not None:
            graded.setdefault(report.id, []).append(assessment)
            reports[report.id] = report
    audits = []
    for report in sorted(reports.values(), key=lambda r: (common.period_key(r.date), r.id)):
        recs = {rec.id: rec for rec in report.recommendations}
        audits.append({
            **_heading(index, org, report, result, lang),
            "rows": [{
                "id": a.recommendation,
                "text": recs[a.recommendation].text,
                "section": recs[a.recommendation].section,
                "status": a.status,
                "comment": a.comment,
                "declined": [s for s in stances.get(a.recommendation, []) if s["stance"] == "disagree"]
                if a.status == "not-agreed" else [],
            } for a in graded[report.id]],
        })
    return {
        "id": follow_up.id,
        "date": follow_up.date.text,
        "assessor": follow_up.assessor,
        "published_in": common.name_of(index, org, follow_up.follow_up_report) if follow_up.follow_up_report else None,
        "audits": audits,
    }


def _heading(index, org: str, report, result, lang: str) -> dict:
    """What the report shows above an audit's table: title, date, firm, addressees and overall verdict."""
    overall = report.overall_verdict
    words = result.config.verdict_words
    return {
        **common.report_view(index, org, report, lang),
        "verdict": on_scale(overall.grade, overall.verdict_text, words) if overall else None,
        "verdict_text": overall.verdict_text if overall else None,
        "questions": [{"text": q.text, "verdict": on_scale(q.verdict, q.verdict_text, words),
                       "verdict_text": q.verdict_text, "depth": depth}
                      for q, depth in _questions(report.questions) if q.verdict or q.verdict_text],
    }


def _questions(questions, depth: int = 0):
    """Every revision question with its depth, each sub-question after its question."""
    for question in questions:
        yield question, depth
        yield from _questions(question.sub_questions, depth + 1)


def _audit(index, org: str, report, tracked: common.Tracking, result, lang: str) -> dict:
    as_of = result.as_of
    responses = common.responses_to(index, org, report.id, as_of)
    follow_ups = common.follow_ups_of(index, org, report.id, as_of)
    rows = []
    stances = answers.stances_by_recommendation(index, org, responses)
    answered = {r.decided_by for r in responses}
    concerned = concerns.by_recommendation(index, org, report, result.findings)
    for rec in report.recommendations:
        assessments = tracked.assessments.get(rec.id, [])
        grades = [
            {"status": a.status, "date": f.date.text, "comment": a.comment, "assessor": f.assessor}
            for f, a in assessments
        ]
        rows.append({
            "id": rec.id,
            "text": rec.text,
            "section": rec.section,
            "priority": rec.priority,
            "addressee": i18n.listing(lang, common.names_of(index, org, rec.addressees)) if rec.addressees else None,
            "addressees": common.names_of(index, org, rec.addressees),
            "stances": stances.get(rec.id, []),
            "responded": not answered.isdisjoint(report.addressees_of(rec)),
            "actions": [common.action_view(index, org, a, as_of, width=None) for a in tracked.actions.get(rec.id, [])],
            "latest": grades[0] if grades else None,
            "earlier": grades[1:],
            **concerned[rec.id],
        })
    general = [common.action_view(index, org, a, as_of, width=None) for a in tracked.general.get(report.id, [])]
    return {
        **_heading(index, org, report, result, lang),
        "responses": [common.response_view(index, org, r) for r in responses],
        "request": common.request_view(report, result.config, bool(responses), as_of),
        "answers": answers.by_body(index, org, report, responses, result.config, as_of),
        "follow_ups": [
            {
                "date": f.date.text,
                "assessor": f.assessor,
                "published_in": common.name_of(index, org, f.follow_up_report) if f.follow_up_report else None,
            }
            for f in follow_ups
        ],
        "rows": rows,
        "observed": bool(report.observations),
        "general_actions": general,
    }
