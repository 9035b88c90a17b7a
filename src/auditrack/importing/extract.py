"""What a Swedish municipal audit report (granskningsrapport) says, found in its paragraphs.

Written for the genre, as KPMG, PwC, EY and others lay such reports out: a summary, 'Syfte och
revisionsfrågor', 'Revisionskriterier', 'Metod', results with a 'Bedömning' per section, and
'Slutsatser och rekommendationer' with a 'rekommenderar vi … att:' list (or a 'Rekommendation' under each
section), signed by the firm's auditors; often with the auditors' cover letter (missiv) in front.
Every value keeps the line or page numbers it came from.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from auditrack.importing.paragraphs import BULLET, Para, is_heading_text, key, same_title
from auditrack.importing.source import Line

HEADINGS = re.compile(
    r"(?i)(?:\d+(?:\.\d+)*\.?\s+)?(?:sammanfattning(?: och .{0,40})?|inledning|bakgrund|syfte(?:[, ].{0,50})?|revisionsfråg\w*(?: .{0,40})?"
    r"|revisionskriterier|bedömningsgrunder|metod(?: och .{0,30})?|avgränsning\w*|resultat(?: av granskningen)?"
    r"|granskningsresultat|iakttagelser(?: och bedömning\w*)?|(?:vår |revisionell )?bedömning(?:ar)?"
    r"|kommentarer och bedömning|rekommendation(?:er)?|slutsats.*|sammanfattande bedömning.*|revisionsfrågor och svar)")
KINDS = (  # the first that matches a section's title names its kind
    ("purpose", re.compile(r"(?i)syfte|revisionsfråg")),
    ("criteria", re.compile(r"(?i)revisionskriterier|bedömningsgrunder")),
    ("method", re.compile(r"(?i)metod|avgränsning")),
    ("recommendation", re.compile(r"(?i)^rekommendation(er)?$")),
    ("conclusion", re.compile(r"(?i)slutsats|rekommendationer|sammanfattande bedömning")),
    ("summary", re.compile(r"(?i)sammanfattning")),
    ("assessment", re.compile(r"(?i)^(vår |revisionell |kommentarer och )?bedömning(ar)?$")),
)
MONTHS = ("januari februari mars april maj juni juli augusti september oktober november december").split()
ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-([01]\d)-([0-3]\d)\b")
WORD_DATE = re.compile(r"\b([0-3]?\d)\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)
FIRMS = re.compile(r"\b(KPMG(?: AB)?|Öhrlings PricewaterhouseCoopers AB|PwC|EY(?: AB)?|Ernst & Young(?: AB)?"
                   r"|Deloitte(?: AB)?|BDO(?: Mälardalen| Sweden)?(?: AB)?|Grant Thornton(?: Sweden)?(?: AB)?"
                   r"|Revisionskontoret)\b")
PLAN_YEAR = re.compile(r"(?i)revisionsplan\w*\s+(?:för\s+)?(?:(?:år|ar)\s+)?((?:19|20)\d\d)")
COMMISSIONED = re.compile(r"(?i)\bav\s+([A-ZÅÄÖ][\wåäö-]+ (?:kommuns|stads|regionens|Region \w+s) "
                          r"(?:förtroendevalda )?revisorer)")
ORGANISATION = re.compile(r"\b((?:Region [A-ZÅÄÖ][\wåäö-]+)|(?:[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)? "
                          r"(?:kommun|stad|kommuns|stads)))\b")
TITLE = re.compile(r"(?i)^(?:fördjupad |uppföljande |grundläggande )?granskning av\b|^uppföljning av\b")
RECOMMEND_INTRO = re.compile(r"(?i)rekommenderar vi|vi rekommenderar|följande rekommendation|lämnar vi följande")
SEE_SECTION = re.compile(r"[,;]?\s*\(?\s*(?:se )?avsnitt\s+(\d+(?:\.\d+)*)\s*\)?\.?\s*$", re.IGNORECASE)
QUESTION_INTRO = re.compile(r"(?i)revisionsfråg|följande frågor|besvara[rs]? följande")
BODY = re.compile(r"(?i)\b(kommunstyrelsen|regionstyrelsen|kommunfullmäktiges presidium|kommunfullmäktige"
                  r"|regionfullmäktige|[a-zåäö-]+nämnden|[a-zåäö-]+nämnder(?:na)?|[a-zåäö-]+styrelsen)\b")
AUDITOR_TITLE = re.compile(r"(?i)(certifierad kommunal revisor|kommunal revisor|auktoriserad revisor|"
                           r"verksamhetsrevisor|projektledare|uppdragsledare|kundansvarig|sakkunnig|revisor)")
PERSON = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?(?: [A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)+")
VERDICTS = (  # checked in order: the first that occurs grades the assessment
    ("partly", re.compile(r"(?i)\b(till viss del|delvis|inte helt|delvis uppfyll\w*)\b")),
    ("no", re.compile(r"(?i)(^nej\b|\bej uppfyll\w*|\binte uppfyll\w*)")),
    ("yes", re.compile(r"(?i)(^ja\b|\bi huvudsak\b|\bi allt väsentligt\b|^uppfyll\w*)")),
)
STOP = set("och i att det som en på är av för med till den har de inte om ett vi så kan när år ska finns sker "
           "samt vilken vilka hur eller även dock".split())


@dataclass
class Found:
    """A value and the line (or page) numbers it came from."""

    value: object
    where: list[int]


@dataclass
class Question:
    text: Found
    sub: list["Question"] = field(default_factory=list)
    section: str | None = None
    assessment: Found | None = None
    verdict: Found | None = None


@dataclass
class Draft:
    fields: dict[str, Found] = field(default_factory=dict)
    questions: list[Question] = field(default_factory=list)
    recommendations: list[tuple[Found, str | None]] = field(default_factory=list)
    auditors: list[Found] = field(default_factory=list)
    letter: dict[str, Found] = field(default_factory=dict)
    signed_by: list[Found] = field(default_factory=list)
    request: dict[str, Found] = field(default_factory=dict)
    bodies_named: dict[str, list[str]] = field(default_factory=dict)
    """Per field (addressees, addressed_to, requested_from): the bodies the text names, as written."""


def kind_of(title: str) -> str | None:
    for kind, pattern in KINDS:
        if pattern.search(title):
            return kind
    return None


def parse_date(text: str) -> str | None:
    if m := ISO_DATE.search(text):
        return m.group(0)
    if m := WORD_DATE.search(text):
        return f"{m.group(3)}-{MONTHS.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
    return None


def extract(paras: list[Para], lines: list[Line]) -> Draft:
    draft = Draft()
    start = _letter(paras, draft)
    body = paras[start:_signatures(paras)]
    _front(body, lines, draft)
    _purpose_questions_criteria_method(body, draft)
    _assessments(body, draft)
    _recommendations(body, draft)
    _overall(body, draft)
    _auditors(paras, draft)
    return draft


def _signatures(paras: list[Para]) -> int:
    """Where the signatures at the end begin: the last 'Datum som ovan', or the firm's name on its own."""
    tail = range(len(paras) - 1, max(len(paras) - 25, 0) - 1, -1)
    dated = next((i for i in tail if re.match(r"(?i)datum som ovan", paras[i].text)), None)
    firm = next((i for i in tail if FIRMS.fullmatch(paras[i].text)), None)
    return dated if dated is not None else firm if firm is not None else len(paras)


def _found(paras: list[Para], text: str | None = None) -> Found:
    return Found(text if text is not None else " ".join(p.text for p in paras), [n for p in paras for n in p.numbers])


def _letter(paras: list[Para], draft: Draft) -> int:
    """The cover letter (missiv) before the report: its date, addressees, text, signatures and request."""
    first_section = next((i for i, p in enumerate(paras) if p.section), len(paras))
    signature = next((i for i, p in enumerate(paras[:min(40, first_section)])
                      if re.match(r"(?i)^för [\wåäö ]*revisor", p.text)), None)
    if signature is None:
        return 0
    head = paras[:signature]
    dated = next((i for i, p in enumerate(head) if parse_date(p.text) and len(p.text) < 40), None)
    if dated is not None:
        draft.letter["date"] = _found([head[dated]], parse_date(head[dated].text))
        named = [m.group(1) for p in head[:dated] for m in BODY.finditer(p.text)]
        if named:
            draft.bodies_named["addressed_to"] = named
            draft.letter["addressed_to"] = _found(head[:dated], None)
    text = [p for p in head[(dated or 0) + 1:] if p.text]
    if text:
        draft.letter["text"] = _found(text, " ".join(p.text + "." if is_heading_text(p.text) else p.text for p in text))
        asked = [p for p in text if re.search(r"(?i)\bsvar|yttrande|besvara", p.text) and not p.heading]
        if asked:
            draft.request["text"] = _found(asked)
            named = [m.group(1) for p in asked for m in BODY.finditer(p.text)]
            if named:
                draft.bodies_named["requested_from"] = named
            due = next((parse_date(s) for p in asked for s in re.findall(r"(?i)senast\s+([^.]+)", p.text)
                        if parse_date(s)), None)
            if due:
                draft.request["due"] = _found(asked, due)
    end = signature + 1
    while end < len(paras) and not _is_title(paras[end]):
        end += 1
    lines = [line for p in paras[signature + 1:end] for line in p.lines]
    for i, line in enumerate(lines):
        if PERSON.fullmatch(line.text) and not BODY.search(line.text):
            role = lines[i + 1].text if i + 1 < len(lines) and not PERSON.fullmatch(lines[i + 1].text) else None
            draft.signed_by.append(Found({"name": line.text, "title": role}, [line.number]))
    return end


def _is_title(para: Para) -> bool:
    """The report's title on its own line: 'Granskning av …' (the letter names it in quotes, in a sentence)."""
    return bool(TITLE.match(para.text)) and is_heading_text(para.text)


def _front(paras: list[Para], lines: list[Line], draft: Draft) -> None:
    title = next((i for i, line in enumerate(lines) if TITLE.match(line.text) and len(line.text) < 150), None)
    if title is not None:
        draft.fields["title"] = Found(lines[title].text, [lines[title].number])
        dated = next((line for line in lines[title:] if parse_date(line.text) and len(line.text) < 40), None)
        if dated is not None:
            draft.fields["date"] = Found(parse_date(dated.text), [dated.number])
    firms = [(m.group(1), p) for p in paras for m in FIRMS.finditer(p.text)]
    if firms:
        longest = max((f for f, _p in firms), key=len)
        draft.fields["audit_firm"] = _found([next(p for f, p in firms if f == longest)], longest)
    for name, pattern in (("audit_plan_year", PLAN_YEAR), ("commissioned_by", COMMISSIONED)):
        hit = next(((m, p) for p in paras for m in [pattern.search(p.text)] if m), None)
        if hit:
            value = int(hit[0].group(1)) if name == "audit_plan_year" else hit[0].group(1)
            draft.fields[name] = _found([hit[1]], value)
    places = Counter((m.group(1), ) for p in paras for m in ORGANISATION.finditer(p.text))
    if places:
        name = places.most_common(1)[0][0][0]
        draft.fields["municipality"] = _found([next(p for p in paras if name in p.text)], name)


def _of_kind(paras: list[Para], kind: str) -> list[Para]:
    return [p for p in paras if not p.heading and kind_of(p.title) == kind]


def _purpose_questions_criteria_method(paras: list[Para], draft: Draft) -> None:
    purpose = _of_kind(paras, "purpose")
    aim = next((p for p in purpose + paras if re.match(r"(?i)syftet med granskningen", p.text)), None)
    if aim is not None:
        draft.fields["purpose"] = _found([aim])
    intro = next((i for i, p in enumerate(purpose) if QUESTION_INTRO.search(p.text) and p.text.endswith(":")), None)
    if intro is not None:
        for p in purpose[intro + 1:]:
            if not (p.bullet or p.text.endswith("?")):
                break
            question = Question(_found([p]))
            if p.level and draft.questions:
                draft.questions[-1].sub.append(question)
            else:
                draft.questions.append(question)
    criteria = _of_kind(paras, "criteria")
    listed = [p for p in criteria if p.bullet] or [p for p in criteria if not p.text.endswith(":")]
    if listed:
        draft.fields["criteria"] = Found([_found([p], p.text.rstrip(".")) for p in listed], [])
    method = [p for p in _of_kind(paras, "method") if not p.text.endswith(":")]
    if method:
        draft.fields["method"] = Found([_found([p]) for p in method], [])


def _assessments(paras: list[Para], draft: Draft) -> None:
    """Each 'Bedömning' belongs to the section above it; each question to the section that answers it."""
    assessed: dict[str, list[Para]] = {}
    titles: dict[str, str] = {}
    for p in paras:
        if p.heading and p.section and kind_of(p.title) != "assessment":
            titles.setdefault(p.section, p.title)
        if not p.heading and kind_of(p.title) == "assessment" and p.section:
            parent = p.section.rsplit(".", 1)[0] if "." in p.section and p.numbered_title else p.section
            assessed.setdefault(parent, []).append(p)
    if not assessed:
        return
    documents = {s: " ".join([titles.get(s, "")] + [p.text for p in ps]) for s, ps in assessed.items()}
    frequency = Counter(stem for text in documents.values() for stem in set(_stems(text)))
    for top in draft.questions:
        for question in (top, *top.sub):
            section = _best_section(question.text.value, documents, titles, frequency,
                                    None if question is top else top.section)
            if section is not None:
                _answer(question, section, assessed)


def _answer(question: Question, section: str, assessed: dict[str, list[Para]]) -> None:
    question.section = section
    found = assessed[section]
    question.assessment = Found("\n\n".join(p.text for p in found), [n for p in found for n in p.numbers])
    question.verdict = _verdict(question.assessment)


PREFIXES = ("upp", "för", "till", "åter", "ut", "in")
"""Swedish compounds a question's verb hides in a noun: 'följt upp' and 'uppföljning' share 'följ'."""


def _stems(text: str) -> list[str]:
    stems = []
    for word in re.findall(r"[a-zåäö]+", text.lower()):
        if word in STOP or len(word) < 3:
            continue
        stems.append(word[:4])
        stems.extend(word[len(p):len(p) + 4] for p in PREFIXES if word.startswith(p) and len(word) > len(p) + 3)
    return stems


def _best_section(question: str, documents: dict, titles: dict, frequency: Counter, parent: str | None) -> str | None:
    """The section whose title and assessment share the most telling words with the question; words of the
    title count double, and a sub-question leans towards its main question's section."""
    for section in documents:  # a section titled with the question (or with it and another) answers it
        if key(question) and (same_title(question, titles.get(section, "")) or key(question) in key(titles.get(section, ""))):
            return section
    wanted = set(_stems(question))
    scores = {}
    for section, text in documents.items():
        in_title = set(_stems(titles.get(section, "")))
        score = sum(math.log(1 + len(documents) / frequency[w]) * (2 if w in in_title else 1)
                    for w in wanted & set(_stems(text)))
        scores[section] = score * (1.5 if section == parent else 1)
    best = max(scores, key=lambda s: scores[s])
    return best if scores[best] > 0 else None


def _verdict(found: Found) -> Found | None:
    for grade, pattern in VERDICTS:
        if pattern.search(found.value):
            return Found(grade, found.where)
    return None


def _recommendations(paras: list[Para], draft: Draft) -> None:
    lists = []
    for i, p in enumerate(paras):
        if RECOMMEND_INTRO.search(p.text) and p.text.endswith(":") and not p.bullet:
            items = []
            for q in paras[i + 1:]:
                if not q.bullet:
                    break
                items.append(q)
            if items:
                lists.append((p, items))
    if lists:
        concluding = [entry for entry in lists if kind_of(entry[0].title) == "conclusion"]
        intro, items = (concluding or lists)[-1]
        draft.bodies_named["addressees"] = [m.group(1) for m in BODY.finditer(intro.text)]
        for item in items:
            text, section = item.text, intro.section
            if m := SEE_SECTION.search(text):
                text, section = text[:m.start()], m.group(1)
            draft.recommendations.append((_found([item], text.strip()), section))
        return
    for p in paras:  # no list: the paragraphs under each section's 'Rekommendation' heading
        if not p.heading and kind_of(p.title) == "recommendation":
            named = [m.group(1) for m in BODY.finditer(p.text.split(" att ")[0])]
            draft.bodies_named.setdefault("addressees", [])
            draft.bodies_named["addressees"] += [n for n in named if n not in draft.bodies_named["addressees"]]
            text = re.sub(r"(?i)^(vi )?rekommenderar (vi )?[\wåäö ]*?att\s+", "att ", p.text)
            draft.recommendations.append((_found([p], text), p.section))


def _overall(paras: list[Para], draft: Draft) -> None:
    for kind in ("conclusion", "summary"):
        within = _of_kind(paras, kind)
        first = next((i for i, p in enumerate(within) if re.search(
            r"(?i)sammanfattande bedömning|utifrån granskningens syfte|sammantaget (bedömer|gör)", p.text)), None)
        if first is None:
            continue
        taken = [within[first]]
        for p in within[first + 1:]:
            if p.bullet or RECOMMEND_INTRO.search(p.text) or len(p.text) > 300:
                break
            taken.append(p)
        found = _found(taken)
        draft.fields["overall_verdict"] = found
        if verdict := _verdict(found):
            draft.fields["overall_grade"] = verdict
        return


def _auditors(paras: list[Para], draft: Draft) -> None:
    """The names and titles that sign the report, after its last 'Datum som ovan' or the firm's name."""
    lines = [line for p in paras[-25:] for line in p.lines]
    signed = max((i for i, line in enumerate(lines) if re.match(r"(?i)datum som ovan|^" + FIRMS.pattern, line.text)),
                 default=None)
    if signed is None:
        return
    names: list[tuple[str, int]] = []
    titles: list[str] = []
    for line in lines[signed + 1:]:
        if AUDITOR_TITLE.search(line.text) and len(line.text) < 80:
            titles.extend(t[0].upper() + t[1:] for t in _split_titles(line.text))
        elif PERSON.fullmatch(line.text) and not FIRMS.search(line.text) and not BODY.search(line.text):
            words = line.text.split()
            two = len(words) == 4  # two names side by side, as a signature line prints them
            names.extend((n, line.number) for n in ([" ".join(words[:2]), " ".join(words[2:])] if two else [line.text]))
    for index, (name, number) in enumerate(names):
        title = titles[index] if index < len(titles) else None
        draft.auditors.append(Found({"name": name, "title": title}, [number]))


def _split_titles(text: str) -> list[str]:
    """'Certifierad kommunal revisor Kommunal revisor' (two columns on one line) is two titles."""
    parts = re.split(r"(?<=[a-zåäö]) (?=[A-ZÅÄÖ])", text)
    return [p for p in parts if AUDITOR_TITLE.search(p)]


__all__ = ["BULLET", "Draft", "Found", "HEADINGS", "extract", "parse_date"]
