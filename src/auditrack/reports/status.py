"""`report status`: per audit report and recommendation, the response, the actions and the latest follow-up."""

from __future__ import annotations

from collections import Counter

from auditrack import i18n
from auditrack.reports import answers, briefing, common, mermaid
from auditrack.reports.markdown import shorten

ACTION_STATUSES = ("done", "in-progress", "planned", "cancelled", "not-stated")
"""Actions are counted by status; 'not-stated' counts those whose status the source does not give."""
STATE_COLOURS = {
    "implemented": "#78B159",  # 🟢, as the grade's icon in the tables
    "partly-implemented": "#FDCB58",  # 🟡
    "not-implemented": "#DD2E44",  # 🔴
    "not-assessed": "#CCD6DD",  # ⚪ (grey, to show on a white page)
    "no-longer-relevant": "#99AAB5",  # ➖
    "not-agreed": "#BE1931",  # ⛔
    "actions-done": "#55ACEE",  # 🔵
    "actions-under-way": "#F4900C",  # 🟠
    "actions-status-unknown": "#31373D",  # ⚫
    "no-actions": "#AA8ED6",  # 🟣
    "no-response": "#C1694F",  # 🟤
}
"""The pie's colour for each recommendation state, the same whichever states are shown (twemoji's colours)."""


def build(result, org: str | None, lang: str) -> dict:
    """The report's context from one index of everything (`result.index`)."""
    within = common.scope(result.index, org)
    parts = [organisation(result.index, org_id, within.names[org_id], result, lang) for org_id in within.ids]
    return summary([view for view, _ in parts], [brief for _, brief in parts], result)


def organisation(index, org_id: str, name: str, result, lang: str) -> tuple[dict, dict]:
    """One organisation's part of the report, and what the summary needs of it: counts and the rows it adds to
    the summary's tables, small next to the part (see `summary`)."""
    as_of = result.as_of
    tracked = common.tracking(index, org_id, as_of)
    reports = [_report(index, org_id, report, tracked, result, lang) for report in common.reports_of(index, org_id, as_of)]
    org_recs = [{**rec, "org": name} for report in reports for rec in report.pop("recs")]
    entries = [{**entry, "org": name} for report in reports for entry in report.pop("entries")]
    states: Counter = Counter()
    actions: Counter = Counter()
    for report in reports:
        states.update(report["states"])
        actions.update(report["actions"])
    view = {
        "id": org_id,
        "name": name,
        "reports": reports,
        "states": _counts(states),
        "actions": _action_counts(actions),
        "ages": briefing.ages(org_recs),
        "pie": mermaid.pie(
            i18n.label(lang, "status.pie-title"),
            [(i18n.word(lang, "rec-state", s), states[s], STATE_COLOURS[s]) for s in common.REC_STATES],
        ),
    }
    overdue, due_soon = briefing.action_deadlines(entries, as_of, briefing.DUE_SOON_DAYS)
    brief = {
        "states": states,
        "actions": actions,
        "ages": view["ages"],
        "years": [{**row, "org": name} for row in briefing.by_report_year(org_recs)],
        "overdue": overdue,
        "due_soon": due_soon,
        "missing_answers": briefing.missing_answers([view], as_of),
    }
    return view, brief


def summary(organisations: list[dict], briefs: list[dict], result) -> dict:
    """The report's context: the organisations' parts (each given its `states_by_name`, which depends on the
    states that occur in any of them) and the summary over all of them, from each organisation's brief
    (`organisation`). Every list of the summary is sorted as a whole, so it is the same whether the
    organisations were built from one index or one at a time."""
    overall_states: Counter = Counter()
    overall_actions: Counter = Counter()
    for brief in briefs:
        overall_states.update(brief["states"])
        overall_actions.update(brief["actions"])
    state_list = _state_list(overall_states)
    for part, brief in zip(organisations, briefs):
        part["states_by_name"] = _by_name(brief["states"], state_list)
    ages = {bucket: sum(brief["ages"][bucket] for brief in briefs) for bucket in briefing.AGE_BUCKETS + (briefing.UNDATED,)}
    return {
        "organisations": organisations,
        "states": _counts(overall_states),
        "state_list": state_list,
        "actions": _action_counts(overall_actions),
        "state_names": list(common.REC_STATES),
        "states_by_name": _by_name(overall_states, state_list),
        "ages": ages,
        "age_rows": briefing.age_rows(ages),
        "years": sorted((row for brief in briefs for row in brief["years"]),
                        key=lambda y: (y["year"] is None, y["year"] or 0, y["org"])),
        "overdue": sorted((x for brief in briefs for x in brief["overdue"]), key=briefing.overdue_order),
        "due_soon": sorted((x for brief in briefs for x in brief["due_soon"]), key=briefing.due_soon_order),
        "due_soon_days": briefing.DUE_SOON_DAYS,
        "missing_answers": sorted((m for brief in briefs for m in brief["missing_answers"]),
                                  key=briefing.missing_order),
    }


def _by_name(states: Counter, names: list[str]) -> dict:
    return {name: states.get(name, 0) for name in names}


def _state_list(states: Counter) -> list[str]:
    """The states that occur, in REC_STATES order, then any other (a newer follow-up status) by name."""
    known = [s for s in common.REC_STATES if states.get(s)]
    return known + sorted(s for s in states if s not in common.REC_STATES and states[s])


def _report(index, org: str, report, tracked: common.Tracking, result, lang: str) -> dict:
    as_of = result.as_of
    responses = common.responses_to(index, org, report.id, as_of)
    follow_ups = common.follow_ups_of(index, org, report.id, as_of)
    rows = []
    states: Counter = Counter()
    actions: Counter = Counter()
    counted: set[int] = set()
    stances = answers.stances_by_recommendation(index, org, responses)
    answered = {r.decided_by for r in responses}
    recs, entries = [], []
    for rec in report.recommendations:
        # Overdue actions first, most days late first; the others in the response's order.
        rec_actions = sorted(tracked.actions.get(rec.id, []),
                             key=lambda a: -(as_of - a.due.end).days if common.is_overdue(a, as_of) else 1)
        assessments = tracked.assessments.get(rec.id, [])
        # A recommendation is answered by a response of a body it is addressed to, not by another body's.
        responded = not answered.isdisjoint(report.addressees_of(rec))
        views = [common.action_view(index, org, a, as_of) for a in rec_actions]
        state = common.rec_state(assessments, [view["status"] for view in views], responded)
        states[state] += 1
        recs.append(briefing.facts(report, state, assessments, as_of))
        latest = None
        if assessments:
            follow_up, assessment = assessments[0]
            latest = {"status": assessment.status, "date": follow_up.date.text}
        views = views or [None]
        for i, view in enumerate(views):
            rows.append({
                "first": i == 0,
                "rec_id": rec.id,
                "rec_text": shorten(rec.text, 140),
                "addressees": i18n.listing(lang, common.names_of(index, org, report.addressees_of(rec))),
                "stances": stances.get(rec.id, []),
                "priority": rec.priority,
                "repeats": rec.repeats,
                "action": view,
                "latest": latest,
                "state": state,
                "responded": responded,
            })
        for action, view in zip(rec_actions, views):
            if id(action) not in counted:
                counted.add(id(action))
                _count_action(actions, view)
                if view["status"] != "done":  # a kept promise to report back is done, whatever the action says
                    entries.append(_entry(index, org, report, action))
    general = tracked.general.get(report.id, [])
    for i, action in enumerate(general):
        view = common.action_view(index, org, action, as_of)
        rows.append({
            "first": i == 0,
            "rec_id": None,
            "rec_text": None,
            "addressees": None,
            "stances": [],
            "priority": None,
            "repeats": [],
            "action": view,
            "latest": None,
            "state": None,
            "responded": True,
        })
        _count_action(actions, view)
        if view["status"] != "done":  # a kept promise to report back is done, whatever the action says
            entries.append(_entry(index, org, report, action))
    return {
        "recs": recs,
        "entries": entries,
        **common.report_view(index, org, report, lang),
        "recommendations": len(report.recommendations),
        "responses": [common.response_view(index, org, r, width=400) for r in responses],
        "request": common.request_view(report, result.config, bool(responses), as_of),
        "answers": answers.by_body(index, org, report, responses, result.config, as_of),
        "follow_ups": [{"date": f.date.text, "assessor": f.assessor} for f in follow_ups],
        "rows": rows,
        "states": states,
        "state_counts": _counts(states),
        "actions": actions,
        "action_counts": _action_counts(actions),
    }


def _entry(index, org: str, report, action) -> dict:
    """An action for the summary's lists of deadlines, with the audit it answers and who must act."""
    return {"action": action, "audit": report.title, "owner": common.name_of(index, org, action.owner)}


def _count_action(counter: Counter, view: dict) -> None:
    """Count an action by its view's status, in which a kept promise to report back is done."""
    counter[view["status"] or "not-stated"] += 1
    counter["total"] += 1
    if view["overdue"]:
        counter["overdue"] += 1


def _counts(states: Counter) -> dict:
    counts = {s: states.get(s, 0) for s in common.REC_STATES}
    counts["total"] = sum(states.values())
    counts["followed_up"] = sum(states.get(s, 0) for s in common.GRADED if s != "not-assessed")
    counts["not_followed_up"] = counts["total"] - counts["followed_up"]
    return counts


def _action_counts(actions: Counter) -> dict:
    counts = {s: actions.get(s, 0) for s in ACTION_STATUSES}
    counts["total"] = actions.get("total", 0)
    counts["overdue"] = actions.get("overdue", 0)
    return counts
