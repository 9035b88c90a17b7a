"""The draft audit-report file from what the extraction found: ids made, bodies and the organisation matched to
the repository's, and the list of what is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditrack.importing.draft import Draft, Found, Question
from auditrack.importing.ocr import Doubt
from auditrack.importing.render import Writer, plain, section
from auditrack.municipalities import slug

TOPIC = re.compile(r"(?i)^(?:fördjupad |uppföljande |grundläggande )?(?:granskning|uppföljning) av (?:arbetet med |"
                   r"kommunens |nämndernas |styrelsens )?")
MISSING = {
    "organisation": ("the organisation: give --org", "organisationen: ange --org"),
    "title": ("the title", "titeln"),
    "audit_firm": ("the audit firm", "revisionsbyrån"),
    "date": ("the report's date", "rapportens datum"),
    "audit_plan_year": ("the audit plan's year", "revisionsplanens år"),
    "addressees": ("the bodies the recommendations are addressed to", "de organ rekommendationerna riktas till"),
    "purpose": ("the purpose", "syftet"),
    "criteria": ("the audit criteria", "revisionskriterierna"),
    "method": ("the method", "metoden"),
    "questions": ("the revision questions", "revisionsfrågorna"),
    "assessment": ("the assessment of question {0}", "bedömningen av fråga {0}"),
    "overall_verdict": ("the overall verdict", "den sammanfattande bedömningen"),
    "recommendations": ("the recommendations", "rekommendationerna"),
    "auditors": ("the auditors who signed", "revisorerna som undertecknat"),
    "cover_letter": ("the cover letter (missiv): date, signatures, bodies, text",
                     "missivet: datum, underskrifter, mottagare, text"),
    "response_request": ("the request for a response: the bodies asked, its date and due date",
                         "begäran om svar: de organ som ska svara, datum och sista svarsdag"),
    "due": ("the date the response is due (leave out when the letter gives none)",
            "sista dag för svaret (utelämnas när missivet inte anger någon)"),
    "body": ("{0}: the text names '{1}', which is no body of {2}: write the body's id",
             "{0}: texten nämner '{1}', som inte är något organ i {2}: skriv organets id"),
}
HEADER = {
    "en": ["# Drafted by `auditrack import report` from {0}.",
           "# Each comment says where in the source a value was found; check every value against the report,",
           "# complete what the end of the file lists, then run `auditrack check`."],
    "sv": ["# Utkast från `auditrack import report` ur {0}.",
           "# Varje kommentar anger var i källan värdet hittades; jämför varje värde med rapporten,",
           "# fyll i det som listas sist i filen och kör sedan `auditrack check`."],
}
TRAILER = {"en": ("Not found in the source; complete these:", "OCR: words not repaired with certainty (check them):"),
           "sv": ("Hittades inte i källan; fyll i dessa:", "OCR: ord som inte kunde rättas säkert (kontrollera dem):")}


@dataclass
class Composed:
    text: str
    id: str
    year: str | None
    missing: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)


def report_id(draft: Draft) -> str:
    """'kpmg-2023-sjalvforsorjning': the firm, the year and the title's first topic word."""
    firm = draft.fields.get("audit_firm")
    date = draft.fields.get("date")
    title = draft.fields.get("title")
    parts = [slug(str(firm.value).split()[0]) if firm else "",
             str(date.value)[:4] if date else "",
             slug(TOPIC.sub("", str(title.value))).split("-")[0] if title else "rapport"]
    return "-".join(p for p in parts if p)


def compose(draft: Draft, org: Found | None, bodies: dict[str, str], source_name: str, unit: str, lang: str,
            doubts: list[tuple[int, Doubt]]) -> Composed:
    w = Writer(unit, lang)
    rid = report_id(draft)
    missing: list[str] = []

    def lack(key: str, *values) -> None:
        en, sv = MISSING[key]
        missing.append((sv if lang == "sv" else en).format(*values))

    def resolve(field_name: str) -> list[str]:
        ids = []
        for name in draft.bodies_named.get(field_name, []):
            found = body_id(name, bodies)
            if found is None:
                lack("body", field_name, name, org.value if org else "?")
            elif found not in ids:
                ids.append(found)
        return ids

    w.raw("# yaml-language-server: $schema=../../../schemas/audit-report.json")
    for line in HEADER[lang]:
        w.raw(line.format(source_name))
    w.raw("kind: audit-report")
    w.raw(f"id: {rid}")
    if org is not None:
        w.scalar("", "organisation", org.value, org.where)
    else:
        lack("organisation")
    for name in ("title", "audit_firm"):
        w.found("", name, draft.fields.get(name)) if name in draft.fields else lack(name)
    if draft.auditors:
        w.raw("auditors:")
        for person in draft.auditors:
            _person(w, "  ", person)
    else:
        lack("auditors")
    w.found("", "commissioned_by", draft.fields.get("commissioned_by"))
    for name in ("date", "audit_plan_year"):
        w.found("", name, draft.fields.get(name)) if name in draft.fields else lack(name)
    addressees = resolve("addressees")
    if addressees:
        where = [n for r in draft.recommendations[:1] for n in r.text.where]
        w.raw(f"addressees: {plain(addressees)}{w.comment(where)}")
    elif "addressees" not in draft.bodies_named:
        lack("addressees")
    w.found("", "purpose", draft.fields.get("purpose")) if "purpose" in draft.fields else lack("purpose")
    for name in ("criteria", "method"):
        if name in draft.fields:
            w.raw(f"{name}:")
            for entry in draft.fields[name].value:
                _list_text(w, "  ", entry)
        else:
            lack(name)
    if draft.questions:
        w.raw("questions:")
        for number, question in enumerate(draft.questions, start=1):
            _question(w, "  ", question, f"q{number}", lack)
    else:
        lack("questions")
    overall = draft.fields.get("overall_verdict")
    if overall is not None:
        w.raw(f"overall_verdict:{w.comment(overall.where)}")
        if "overall_grade" in draft.fields:
            w.raw(f"  grade: {draft.fields['overall_grade'].value}")
        w.scalar("  ", "text", overall.value)
    else:
        lack("overall_verdict")
    if draft.recommendations:
        w.raw("recommendations:")
        for number, recommended in enumerate(draft.recommendations, start=1):
            w.raw(f"  - id: {rid}-r{number}{w.comment(recommended.text.where)}")
            w.scalar("    ", "text", recommended.text.value)
            if recommended.section:
                w.raw(f"    section: {section(recommended.section)}")
            own = [body for body in addressees if body in {body_id(n, bodies) for n in recommended.bodies}]
            if own and len(own) < len(addressees):  # the data leaves out addressees that are all the report's
                w.raw(f"    addressees: {plain(own)}")
    else:
        lack("recommendations")
    _letter(w, draft, resolve, lack)
    _trailer(w, lang, missing, doubts)
    return Composed("\n".join(w.lines) + "\n", rid, str(draft.fields["date"].value)[:4] if "date" in draft.fields
                    else None, missing, [f"{w.where([n])}: {d.describe()}" for n, d in doubts])


def body_id(name: str, bodies: dict[str, str]) -> str | None:
    """The id of the body a name in the text means; without a repository to match against, the id a body of
    that name usually has."""
    if not bodies:
        return slug(name)
    return bodies.get(name.lower()) or (slug(name) if slug(name) in bodies.values() else None)


def _person(w: Writer, indent: str, person: Found) -> None:
    w.raw(f"{indent}- name: {plain(person.value['name'])}{w.comment(person.where)}")
    if person.value.get("title"):
        w.raw(f"{indent}  title: {plain(person.value['title'])}")


def _list_text(w: Writer, indent: str, entry: Found) -> None:
    if len(entry.value) > 90:
        w.folded(f"{indent}- ", indent + "  ", entry.value, entry.where)
    else:
        w.item(indent, entry.value, entry.where)


def _question(w: Writer, indent: str, question: Question, qid: str, lack) -> None:
    w.raw(f"{indent}- id: {qid}{w.comment(question.text.where)}")
    inner = indent + "  "
    w.scalar(inner, "text", question.text.value)
    if question.section:
        w.raw(f"{inner}section: {section(question.section)}")
    if question.assessment is not None:
        w.found(inner, "assessment", question.assessment)
    else:
        lack("assessment", qid)
    if question.verdict is not None:
        w.raw(f"{inner}verdict: {question.verdict.value}")
    if question.verdict_text is not None:
        w.scalar(inner, "verdict_text", question.verdict_text.value, question.verdict_text.where)
    if question.sub:
        w.raw(f"{inner}sub_questions:")
        for number, sub in enumerate(question.sub, start=1):
            _question(w, inner + "  ", sub, f"{qid}-{number}", lack)


def _letter(w: Writer, draft: Draft, resolve, lack) -> None:
    letter, request = draft.letter, draft.request
    addressed = resolve("addressed_to")
    if "text" in letter:
        w.raw("cover_letter:")
        w.found("  ", "date", letter.get("date"))
        if draft.signed_by:
            w.raw("  signed_by:")
            for person in draft.signed_by:
                _person(w, "    ", person)
        if addressed:
            w.raw(f"  addressed_to: {plain(addressed)}{w.comment(letter['addressed_to'].where)}")
        informed = [body for body in resolve("for_information") if body not in addressed]
        if informed:
            w.raw(f"  for_information: {plain(informed)}{w.comment(letter['for_information'].where)}")
        w.found("  ", "text", letter["text"])
    else:
        lack("cover_letter")
    asked = resolve("requested_from") or addressed
    if request:
        w.raw("response_request:")
        w.found("  ", "requested_on", letter.get("date"))
        if asked:
            w.raw(f"  requested_from: {plain(asked)}{w.comment(request['text'].where)}")
        if "due" in request:
            w.found("  ", "due", request["due"])
        else:
            lack("due")
        w.found("  ", "text", request["text"])
    else:
        lack("response_request")


def _trailer(w: Writer, lang: str, missing: list[str], doubts: list[tuple[int, Doubt]]) -> None:
    not_found, ocr = TRAILER[lang]
    if missing:
        w.raw("")
        w.raw(f"# {not_found}")
        w.lines.extend(f"#   - {m}" for m in missing)
    if doubts:
        w.raw("")
        w.raw(f"# {ocr}")
        w.lines.extend(f"#   - {w.where([n])}: {d.describe()}" for n, d in doubts)
