"""What a new file takes from the repository: each function gives the values it fills in and the suggested
blocks (commented out, to take in) for one kind."""

from __future__ import annotations

from auditrack.authoring.answers import items, say
from auditrack.authoring.catalogue import find
from auditrack.authoring.new_file import choices
from auditrack.models import FILE_KINDS


_ASKED = {"--report": ("audit-report", "the id of the audit report", "granskningsrapportens id"),
          "--body": ("body", "the id of the body", "organets id")}


def _first(values: list[str], option: str, kind: str, known, org: str, lang: str) -> str:
    from auditrack.authoring.refusals import missing

    if not values:
        refers, about_en, about_sv = _ASKED[option]
        raise missing(kind, option, about_sv if lang == "sv" else about_en, (refers,), known, org, lang)
    return values[0]


def _report(request, known, org, lang, kind):
    from auditrack.authoring.refusals import require

    report_id = _first(request.reports, "--report", kind, known, org, lang)
    require(known, ("audit-report",), report_id, org, "--report", lang)
    return known.index.get(org, report_id, "audit-report")


def _quoted(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _values(kind: str, path: str, lang: str) -> str:
    f = find(kind, path)
    return ", ".join(f"{v} ({f.value_word(v, lang)})" if lang == "sv" and f.value_word(v, lang) else v
                     for v in f.values)


def response(request, known, org, lang, blocks) -> dict:
    from auditrack.authoring.refusals import require

    report = _report(request, known, org, lang, "response")
    body = _first(request.bodies, "--body", "response", known, org, lang)
    require(known, ("body",), body, org, "--body", lang)
    response_id = request.id or f"{report.id}-svar-{body}"
    addressed = [r for r in report.recommendations if body in report.addressees_of(r)]
    stance = _values("response", "positions.stance", lang)
    reason = "krävs för partly och disagree" if lang == "sv" else "required for partly and disagree"
    owner = choices(known, ("role",), org, lang)
    given = items(("--stance", "stance", find("response", "positions.stance").values), ("--reason", "reason",
                  "partly,disagree"), request.answers, [r.id for r in addressed],
                  say(lang, "to-body", body=body), lang)
    decided = {item["recommendation"] for item in given}
    positions, actions = ["positions:"] if not given else [], ["actions:"]
    for n, rec in enumerate(addressed, 1):
        if rec.id not in decided:
            positions += [f"  - recommendation: {rec.id}   # {_quoted(rec.text)}",
                          f"    stance:   # {stance}", f"    reason:   # {reason}"]
        actions += [f"  - id: {response_id}-a{n}", f"    recommendations: [{rec.id}]", "    text:",
                    f"    owner:   # {owner}", "    due:"]
    if addressed:
        blocks["actions"] = actions
    if len(positions) > (0 if given else 1):
        blocks["positions"] = positions
    return {"id": response_id, "report": report.id, "decided_by": body, **({"positions": given} if given else {})}


def follow_up(request, known, org, lang, blocks) -> dict:
    from auditrack.authoring.refusals import require

    reports = []
    for report_id in request.reports or [_first([], "--report", "follow-up", known, org, lang)]:
        require(known, ("audit-report",), report_id, org, "--report", lang)
        reports.append(known.index.get(org, report_id, "audit-report"))
    status = _values("follow-up", "assessments.status", lang)
    open_ = [rec.id for report in reports for rec in known.open_recommendations(report)]
    grades = [g for g in find("follow-up", "assessments.status").values if g != "not-assessed"]
    given = items(("--grade", "status", tuple(grades)), ("--comment", "comment", ""), request.answers, open_,
                  say(lang, "open-in", reports=", ".join(r.id for r in reports)), lang)
    graded = {item["recommendation"] for item in given}
    lines = ["assessments:"] if not given else []
    for report in reports:
        for rec in known.open_recommendations(report):
            if rec.id in graded:
                continue
            lines += [f"  - recommendation: {rec.id}   # {_quoted(rec.text)}", f"    status:   # {status}",
                      "    comment:"]
    if len(lines) > (0 if given else 1):
        blocks["assessments"] = lines
    answered = {"assessments": given} if given else {}
    # While a follow-up names one report (`report:`), the first given is it; a model that takes several
    # (`reports:`) gets them all.
    if "reports" in FILE_KINDS["follow-up"].model_fields:
        return {"reports": [r.id for r in reports], **answered}
    return {"report": reports[0].id, **answered}


def audit_report(request, known, org, lang, blocks) -> dict:
    """The organisation's bodies to choose from, wherever the report names bodies beside its addressees."""
    bodies = choices(known, ("body",), org, lang)
    given = {"addressees": list(request.bodies)} if request.bodies else {}
    if request.recommendations:
        # Written as data with ids REPORT-r1, REPORT-r2 …; the report's addressees (--body) are theirs.
        report_id = request.id or ""
        given["recommendations"] = [{"id": f"{report_id}-r{n}", "text": text}
                                    for n, text in enumerate(request.recommendations, 1)]
    elif request.id:
        blocks["recommendations"] = ["recommendations:", f"  - id: {request.id}-r1", "    text:", "    section:",
                                     f"    addressees: []   # {bodies}"]
    blocks["cover_letter"] = ["cover_letter:", "  date:", f"  addressed_to: []   # {bodies}",
                              f"  for_information: []   # {bodies}", "  text:"]
    due = (request.answers.get("--response-due") or [None])[0]
    if due is not None and request.bodies:
        # The auditors ask each addressed body to answer by the date (--response-due), written as data.
        asked = (request.answers.get("--requested-on") or [None])[0]
        given["response_request"] = {**({"requested_on": _day("--requested-on", asked, lang)} if asked else {}),
                                     "requested_from": list(request.bodies),
                                     "due": _day("--response-due", due, lang)}
    else:
        blocks["response_request"] = ["response_request:", "  requested_on:", f"  requested_from: []   # {bodies}",
                                      "  due:"]
    return given


def _day(option: str, value: str, lang: str):
    """A date option's value, or the refusal that says how to write it."""
    from auditrack.authoring.refusals import Refused
    from auditrack.commands.options import BadOption, iso_date

    try:
        return iso_date(option, value, lang)
    except BadOption as exc:
        raise Refused(exc.messages[lang]) from None


PREFILL = {"response": response, "follow-up": follow_up, "audit-report": audit_report}
