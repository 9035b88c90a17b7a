"""`report follow-up`: the table auditors write in a follow-up audit.

Per earlier audit and recommendation: the recommendation in full, the response
and its actions, the graded status of the latest follow-up (with earlier grades)
and the auditors' comment.
"""

from __future__ import annotations

from auditrack import i18n
from auditrack.reports import answers, common


def build(result, org: str | None, lang: str) -> dict:
    index, as_of = result.index, result.as_of
    within = common.scope(index, org)
    organisations = []
    for org_id in within.ids:
        tracked = common.tracking(index, org_id, as_of)
        audits = []
        for report in common.reports_of(index, org_id, as_of):
            if not report.recommendations:
                continue
            audits.append(_audit(index, org_id, report, tracked, result, lang))
        organisations.append({"id": org_id, "name": within.names[org_id], "audits": audits})
    return {"organisations": organisations}


def _audit(index, org: str, report, tracked: common.Tracking, result, lang: str) -> dict:
    as_of = result.as_of
    responses = common.responses_to(index, org, report.id, as_of)
    follow_ups = common.follow_ups_of(index, org, report.id, as_of)
    rows = []
    stances = answers.stances_by_recommendation(index, org, responses)
    answered = {r.decided_by for r in responses}
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
        })
    general = [common.action_view(index, org, a, as_of, width=None) for a in tracked.general.get(report.id, [])]
    return {
        "id": report.id,
        "title": report.title,
        "date": common.text_of(report.date),
        "firm": report.audit_firm,
        "addressee": i18n.listing(lang, common.names_of(index, org, report.addressees)),
        "addressees": common.names_of(index, org, report.addressees),
        "verdict": report.overall_verdict.grade if report.overall_verdict else None,
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
        "general_actions": general,
    }
