"""`report governance`: goals against measurements, bodies and roles, mandates over time, reporting against reports given."""

from __future__ import annotations

from datetime import date

from auditrack import i18n
from auditrack import timeline
from auditrack.reports import common, mermaid
from auditrack.reports.markdown import shorten


def build(result, org: str | None, lang: str) -> dict:
    """The report's context from one index of everything (`result.index`)."""
    index = result.index
    within = common.scope(index, org)
    organisations = []
    for org_id in within.ids:
        organisations.append(organisation(index, org_id, within.names[org_id], result, lang))
    return {"organisations": organisations}


def organisation(index, org: str, name: str, result, lang: str) -> dict:
    """One organisation's part of the report: everything the report shows of it (nothing spans organisations)."""
    as_of = result.as_of
    mandates = sorted(index.records("mandate", org), key=lambda m: (m.start.start, m.id))
    programmes = sorted(index.records("programme", org), key=lambda p: (common.period_key(p.started), p.id))
    bodies = sorted(index.records("body", org), key=lambda b: (not b.standing, b.name.casefold(), b.id))
    goals = [g for g in index.records("goal", org) if getattr(g, "kind", None) == "goal"]
    return {
        "id": org,
        "name": name,
        "programmes": [_programme(index, org, p, mandates, bodies, as_of, lang) for p in programmes],
        "loose_timeline": None if programmes else _timeline(index, org, None, mandates, bodies, as_of, lang),
        "goals": _goals(index, org, goals, lang),
        "mandates": [_mandate(index, org, m, mandates, as_of) for m in mandates],
        "bodies": [_body(index, org, b) for b in bodies],
        "roles": [_role(index, org, r) for r in sorted(index.records("role", org), key=lambda r: (r.name.casefold(), r.id))],
        "chart": _org_chart(index, org, bodies),
        "reporting": [_reporting(index, org, r, result) for r in sorted(index.records("reporting-requirement", org), key=lambda r: (r.valid_from.start, r.id))],
        "indicators": [_indicator(index, org, i) for i in sorted(index.records("indicator", org), key=lambda i: (i.name.casefold(), i.id))],
        "evaluations": [_evaluation(e) for e in sorted(index.records("evaluation", org), key=lambda e: (e.title.casefold(), e.id))],
        "interventions": [_intervention(i) for i in sorted(index.records("intervention", org), key=lambda i: (i.name.casefold(), i.id))],
    }


# --------------------------------------------------------------------------- programmes and the timeline


def _programme(index, org, programme, mandates, bodies, as_of: date, lang: str) -> dict:
    gaps = timeline.uncovered(programme, mandates, as_of)
    return {
        "name": programme.name,
        "aka": list(programme.aka),
        "started": common.text_of(programme.started),
        "ended": common.text_of(programme.ended),
        "form": programme.form,
        "commissioned_by": common.name_of(index, org, programme.commissioned_by),
        "description": shorten(programme.description, 400) if programme.description else None,
        "research_used": programme.evidence_base.research_used if programme.evidence_base else None,
        "gaps": [{"start": g.start.isoformat(), "end": g.end.isoformat(), "months": timeline.months(g), "days": g.days} for g in gaps],
        "timeline": _timeline(index, org, programme, mandates, bodies, as_of, lang, gaps),
    }


def _timeline(index, org, programme, mandates, bodies, as_of: date, lang: str, gaps=()):
    """A gantt of the mandates that cover the work, the gaps between them, other decisions and the bodies."""
    pid = programme.id if programme is not None else None
    relevant = [m for m in mandates if timeline.applies_to(m, pid)]
    covering, other = [], []
    for m in relevant:
        span = timeline.mandate_span(m, relevant, as_of)
        label = shorten(m.title, 50)
        if timeline.covers(m):
            style = "active" if span.start <= as_of <= span.end else ""
            covering.append(mermaid.Bar(label, span.start, span.end, style))
        elif m.valid_until is not None:
            other.append(mermaid.Bar(label, span.start, span.end))
        else:
            other.append(mermaid.Bar(label, span.start, span.start, "milestone"))
    gap_bars = [
        mermaid.Bar(i18n.label(lang, "governance.no-mandate"), g.start, g.end, "crit") for g in gaps
    ]
    body_bars = []
    for b in bodies:
        if b.standing or b.active_from is None or (pid is not None and b.programme not in (None, pid)):
            continue
        end = b.active_until.end if b.active_until is not None else max(as_of, b.active_from.start)
        body_bars.append(mermaid.Bar(shorten(b.name, 50), b.active_from.start, end))
    marks = []
    if programme is not None and programme.started is not None:
        marks.append(mermaid.Bar(i18n.label(lang, "governance.programme-start"), programme.started.start, programme.started.start, "milestone"))
    marks.append(mermaid.Bar(i18n.label(lang, "as-of-mark", None).format(date=as_of.isoformat()), as_of, as_of, "milestone"))
    if not (covering or other or gap_bars or body_bars):
        return None
    title = programme.name if programme is not None else i18n.label(lang, "governance.mandates")
    return mermaid.gantt(title, [
        mermaid.Section(i18n.label(lang, "governance.section-covering"), covering),
        mermaid.Section(i18n.label(lang, "governance.section-gaps"), gap_bars),
        mermaid.Section(i18n.label(lang, "governance.section-other"), other),
        mermaid.Section(i18n.label(lang, "governance.section-bodies"), body_bars),
        mermaid.Section(i18n.label(lang, "governance.section-marks"), marks),
    ])


def _mandate(index, org, mandate, mandates, as_of: date) -> dict:
    span = timeline.mandate_span(mandate, mandates, as_of)
    superseded_by = [m.title for m in mandates if mandate.id in m.supersedes]
    if span.start > as_of:
        state = "not-yet"
    elif superseded_by and span.end < as_of:
        state = "superseded"
    elif mandate.valid_until is not None and mandate.valid_until.end < as_of:
        state = "expired"
    else:
        state = "in-force"
    return {
        "title": mandate.title,
        "type": mandate.type,
        "decision": mandate.decision,
        "decided_by": common.name_of(index, org, mandate.decided_by),
        "adopted": mandate.adopted.text,
        "valid_from": mandate.start.text,
        "valid_until": common.text_of(mandate.valid_until),
        "applies_until": None if span.open_ended else span.end.isoformat(),
        "regulates": list(mandate.regulates),
        "covers": timeline.covers(mandate),
        "state": state,
        "superseded_by": superseded_by,
    }


# --------------------------------------------------------------------------- goals


def _goals(index, org, goal_files, lang: str) -> dict:
    tree, rows, nodes = [], [], []
    indicators = index.records("indicator", org)

    def visit(goal, depth: int, parent: int | None) -> None:
        indicator = index.get(org, goal.indicator, "indicator") if goal.indicator else None
        if indicator is None:
            indicator = next((i for i in indicators if goal.id in i.goals), None)
        measurable = indicator is not None and any(t.period is not None for t in goal.targets)
        latest = _latest_measurement(indicator)
        follow_up = max(goal.follow_ups, key=lambda f: common.period_key(f.date), default=None)
        tree.append({
            "depth": depth,
            "text": goal.text,
            "level": goal.level,
            "type": goal.type,
            "direction": goal.direction,
            "indicator": indicator.name if indicator is not None else None,
            "measurable": measurable,
            "targets": len(goal.targets),
        })
        node = len(nodes)
        nodes.append(mermaid.Node(goal.text, parent, "" if measurable else "unmeasured"))
        targets = goal.targets or [None]
        for i, target in enumerate(targets):
            outcome = _outcome(indicator, goal, target) if target is not None else None
            rows.append({
                "first": i == 0,
                "depth": depth,
                "goal": shorten(goal.text, 90),
                "level": goal.level,
                "indicator": indicator.name if indicator is not None else None,
                "target": _target(target),
                "period": common.text_of(target.period) if target is not None else None,
                "outcome": outcome,
                "reached": _reached(goal, target, outcome),
                "latest": latest,
                "follow_up": {"date": follow_up.date.text, "text": shorten(follow_up.text, 120), "reached": follow_up.reached} if follow_up else None,
            })
        for sub in goal.sub_goals:
            visit(sub, depth + 1, node)

    for goal in sorted(goal_files, key=lambda g: (g.level != "overall", g.id)):
        visit(goal, 0, None)
    # A function that calls itself is a reference cycle (it is in its own closure), which would keep the index
    # alive until a collection: reports build with the collector paused, one organisation's index at a time.
    del visit
    chart = mermaid.flowchart(nodes, {"unmeasured": "stroke-dasharray: 5 5"})
    return {"tree": tree, "rows": rows, "chart": chart, "unmeasured": sum(1 for n in nodes if n.style)}


def _target(target) -> dict | None:
    if target is None:
        return None
    return {"value": target.value, "unit": target.unit, "text": target.text}


def _latest_measurement(indicator) -> dict | None:
    if indicator is None:
        return None
    measured = [m for m in indicator.measurements if m.value is not None]
    if not measured:
        return None
    m = max(measured, key=lambda m: common.period_key(m.period))
    return {"value": m.value, "unit": indicator.unit, "period": m.period.text}


def _outcome(indicator, goal, target) -> dict | None:
    """The measured value for the target's period: from the indicator, else from the goal's own follow-ups."""
    if target.period is None:
        return None
    inside = lambda p: p is not None and target.period.start <= p.start and p.end <= target.period.end  # noqa: E731
    candidates = []
    if indicator is not None:
        candidates = [(m.period, m.value) for m in indicator.measurements if m.value is not None and inside(m.period)]
    if not candidates:
        candidates = [(f.period, f.value) for f in goal.follow_ups if f.value is not None and inside(f.period)]
    if not candidates:
        return None
    period, value = max(candidates, key=lambda c: common.period_key(c[0]))
    return {"value": value, "period": period.text}


def _reached(goal, target, outcome) -> bool | None:
    if target is None or outcome is None:
        return None
    if goal.direction == "decrease":
        return outcome["value"] <= target.value
    if goal.direction == "increase":
        return outcome["value"] >= target.value
    return None


# --------------------------------------------------------------------------- bodies and roles


def _body(index, org, body) -> dict:
    minutes = None
    if body.minutes is not None:
        minutes = {"kept": body.minutes.kept, "type": body.minutes.type}
    meetings = None
    if body.meetings is not None:
        meetings = {"cadence": body.meetings.cadence, "text": shorten(body.meetings.text, 80) if body.meetings.text else None}
    return {
        "name": body.name,
        "type": body.type,
        "parent": common.name_of(index, org, body.parent),
        "members": len(body.members),
        "meetings": meetings,
        "minutes": minutes,
        "active_from": common.text_of(body.active_from),
        "active_until": common.text_of(body.active_until),
        "regulated_by": [common.name_of(index, org, r) for r in body.regulated_by],
        "standing": body.standing,
    }


def _role(index, org, role) -> dict:
    holders = []
    for h in role.holders:
        holders.append({"name": h.name, "from": common.text_of(h.from_), "until": common.text_of(h.until)})
    return {
        "name": role.name,
        "responsibilities": [shorten(r, 100) for r in role.responsibilities],
        "holders": holders,
        "regulated_by": [common.name_of(index, org, r) for r in role.regulated_by],
        "standing": role.standing or role.line_post,
        "vacant": {"since": common.text_of(role.vacant.since)} if role.vacant is not None else None,
    }


def _org_chart(index, org, bodies):
    """Bodies under the bodies they answer to, and the roles that sit in them (dotted)."""
    nodes: list[mermaid.Node] = []
    position: dict[str, int] = {}
    by_id = {b.id: b for b in bodies}

    def place(body, seen: frozenset) -> int:
        if body.id in position:
            return position[body.id]
        parent = None
        if body.parent in by_id and body.parent not in seen:
            parent = place(by_id[body.parent], seen | {body.id})
        position[body.id] = len(nodes)
        nodes.append(mermaid.Node(body.name, parent, "standing" if body.standing else ""))
        return position[body.id]

    for body in bodies:
        place(body, frozenset({body.id}))
    del place  # it is in its own closure: a reference cycle (see _goals)
    roles: dict[str, int] = {}
    edges: list[tuple[int, int, bool]] = []
    for body in bodies:
        for member in body.members:
            if member.role is None:
                continue
            if member.role not in roles:
                roles[member.role] = len(nodes)
                nodes.append(mermaid.Node(common.name_of(index, org, member.role), None, "role"))
            edge = (position[body.id], roles[member.role], True)
            if edge not in edges:
                edges.append(edge)
    return mermaid.flowchart(nodes, {"standing": "font-weight:bold", "role": "fill:none,stroke-dasharray: 3 3"}, "TD", edges)


# --------------------------------------------------------------------------- reporting, indicators, evaluations


def _reporting(index, org, requirement, result) -> dict:
    as_of = result.as_of
    required_content = list(requirement.required_content) or list(result.config.reporting.required_content)
    last = as_of if requirement.valid_until is None else min(as_of, requirement.valid_until.end)
    years = []
    reports = sorted(requirement.reports, key=lambda r: common.period_key(r.date))
    first_day = requirement.valid_from.start
    for year in range(first_day.year, last.year + 1) if first_day <= last else ():
        given = [r for r in reports if r.date.start.year == year]
        due = [d for d in requirement.due_dates if d.end.year == year]
        required = (requirement.times_per_year or 0) + len(due) if (requirement.times_per_year or due) else None
        partial = (year == first_day.year and first_day > date(year, 1, 1)) or (year == last.year and last < date(year, 12, 31))
        with_content = sum(1 for r in given if set(required_content) <= set(r.covered))
        missing = max(0, required - len(given)) if required is not None and not partial else None
        years.append({
            "year": year,
            "required": required,
            "given": len(given),
            "with_content": with_content,
            "missing": missing,
            "partial": partial,
        })
    return {
        "title": requirement.title,
        "reporter": common.name_of(index, org, requirement.reporter),
        "to": common.name_of(index, org, requirement.to),
        "decided_in": common.name_of(index, org, requirement.decided_in),
        "times_per_year": requirement.times_per_year,
        "due_dates": [d.text for d in requirement.due_dates],
        "frequency_text": requirement.frequency_text,
        "required_content": required_content,
        "valid_from": requirement.valid_from.text,
        "valid_until": common.text_of(requirement.valid_until),
        "years": years,
        "reports": [
            {
                "date": r.date.text,
                "decision": r.decision,
                "by": common.name_of(index, org, r.by),
                "covered": list(r.covered),
                "has_required": set(required_content) <= set(r.covered),
                "summary": shorten(r.summary, 160) if r.summary else None,
            }
            for r in reports
        ],
    }


def _indicator(index, org, indicator) -> dict:
    analyses = sorted(indicator.analyses, key=lambda a: common.period_key(a.date))
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "kolada_id": indicator.kolada_id,
        "goals": [_goal_name(index, org, g) for g in indicator.goals],
        "latest": _latest_measurement(indicator),
        "measurements": len(indicator.measurements),
        "analyses": len(analyses),
        "last_analysis": analyses[-1].date.text if analyses else None,
    }


def _goal_name(index, org, goal_id: str) -> str:
    goal = index.get(org, goal_id, "goal")
    return shorten(goal.text, 60) if goal is not None else goal_id


def _evaluation(evaluation) -> dict:
    return {
        "title": evaluation.title,
        "subject": list(evaluation.subject),
        "required": evaluation.required,
        "planned": common.text_of(evaluation.planned),
        "done": common.text_of(evaluation.done),
        "by": evaluation.by,
    }


def _intervention(intervention) -> dict:
    counted = [p for p in intervention.participants if p.count is not None]
    latest = max(counted, key=lambda p: common.period_key(p.period), default=None)
    return {
        "name": intervention.name,
        "provider": intervention.provider,
        "periods": len(intervention.participants),
        "latest": {"count": latest.count, "period": latest.period.text} if latest else None,
    }
