"""What a Swedish municipal audit report (granskningsrapport) says, found in its paragraphs.

Written for the genre, as KPMG, PwC, EY and others lay such reports out: a summary, 'Syfte och
revisionsfrågor', 'Revisionskriterier', 'Metod', results with a 'Bedömning' per section, and
'Slutsatser och rekommendationer' with a 'rekommenderar vi … att:' list (or a 'Rekommendation' under each
section), signed by the firm's auditors; often with the auditors' cover letter (missiv) in front.
Every value keeps the line or page numbers it came from.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter

from auditrack.importing.draft import Draft, Found, Question
from auditrack.importing.paragraphs import BULLET, Para, is_heading_text, key, same_title
from auditrack.importing.patterns import (AUDITOR_TITLE, BODY, COMMISSIONED, FIRMS, HEADINGS, ORGANISATION, OVERALL,
                                          PERSON, PLAN_YEAR, QUESTION_INTRO, RECOMMEND_INTRO, SIGNED_AT,
                                          STOP, TITLE, VERDICTS, kind_of_para, parse_date)
from auditrack.importing.recommendations import recommendations
from auditrack.importing.source import Line
from auditrack.importing.tables import question_rows



def extract(paras: list[Para], lines: list[Line]) -> Draft:
    draft = Draft()
    start = _letter(paras, draft)
    body = paras[start:_signatures(paras)]
    _front(body, lines, draft, body[0].numbers[0] if start and body else 0)
    _purpose_questions_criteria_method(body, draft)
    sections = _table(body, draft)
    _assessments(body, draft, sections)
    recommendations(body, draft)
    _overall(body, draft)
    _auditors(paras, draft)
    return draft


def _signatures(paras: list[Para]) -> int:
    """Where the signatures at the end begin: the last 'Datum som ovan', or the firm's name on its own."""
    tail = range(len(paras) - 1, max(len(paras) - 25, 0) - 1, -1)
    dated = next((i for i in tail if _signed_at(paras[i].text)), None)
    firm = next((i for i in tail if FIRMS.fullmatch(paras[i].text)), None)
    return dated if dated is not None else firm if firm is not None else len(paras)


def _signed_at(text: str) -> bool:
    """'Datum som ovan', or the place and date above the signatures ('Norrby den 14 maj 2024')."""
    return bool(re.match(r"(?i)datum som ovan", text) or SIGNED_AT.match(text))


FOR_INFORMATION = re.compile(r"(?i)\bför kännedom\b")


def _recipients(address: list[Para]) -> tuple[list[list[Line]], list[list[Line]]]:
    """The letter's address split into the lines that name the bodies it is addressed to and those that name the
    bodies that receive it for information ("För kännedom: kommunfullmäktige", "Kommunstyrelsen för kännedom", or
    "För kännedom:" with the bodies on the lines below), each as runs of lines, since a name may be broken over
    two lines ("Kommunfullmäktiges / presidium")."""
    addressed, informed = [], []
    for para in address:
        run: list[Line] = []
        for i, line in enumerate(para.lines):
            if not FOR_INFORMATION.search(line.text):
                run.append(line)
            elif BODY.search(line.text):
                informed.append([line])
            else:
                informed.append(para.lines[i + 1:])
                break
        addressed.append(run)
    return addressed, informed


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
    address, text = ([], head[1:]) if dated is None else (head[:dated], head[dated + 1:])
    if dated is not None and not any(p.text for p in text):  # the place and date close the letter
        opening = next((i for i, p in enumerate(head) if _is_title(p) or len(p.text) >= 60), dated)
        address, text = head[:opening], head[opening:dated]
    if dated is not None:
        draft.letter["date"] = _found([head[dated]], parse_date(head[dated].text))
        for key, chosen in zip(("addressed_to", "for_information"), _recipients(address)):
            named = [m.group(1) for run in chosen for m in BODY.finditer(" ".join(line.text for line in run))]
            if named:
                draft.bodies_named[key] = named
                draft.letter[key] = Found(None, [line.number for run in chosen for line in run])
    text = [p for p in text if p.text]
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


def _front(paras: list[Para], lines: list[Line], draft: Draft, report_from: int) -> None:
    """Title, date, firm, plan year, who commissioned it, municipality; the date is the report's, not the letter's
    (the report begins at line `report_from`)."""
    title = next((i for i, line in enumerate(lines) if TITLE.match(line.text) and len(line.text) < 150), None)
    if title is not None:
        draft.fields["title"] = Found(lines[title].text, [lines[title].number])
        dated = next((line for line in lines[title:] if parse_date(line.text) and len(line.text) < 40
                      and line.number >= report_from), None)
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
    return [p for p in paras if not p.heading and not p.table and kind_of_para(p) == kind]


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


def _table(paras: list[Para], draft: Draft) -> dict[int, str]:
    """The verdicts of a table of the revision questions; its rows are the questions when no list gives them.
    Returns the sections the table points to, by the question's id()."""
    listed = [q for top in draft.questions for q in (top, *top.sub)]
    sections = {}
    for row in question_rows(paras):
        question = next((q for q in listed if _same_question(q.text.value, row.question.value)), None)
        if question is None and listed:
            continue  # a row the list does not ask is not taken: the list is the report's own wording
        if question is None:
            question = Question(row.question)
            draft.questions.append(question)
        question.verdict, question.verdict_text = row.verdict, row.verdict_text
        if row.section:
            sections[id(question)] = row.section
    return sections


def _same_question(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, key(a), key(b)).ratio() > 0.85


def _assessments(paras: list[Para], draft: Draft, sections: dict[int, str]) -> None:
    """Each 'Bedömning' belongs to the section above it; each question to the section that answers it (the one
    its row in a table names, else the one whose words it shares)."""
    assessed: dict[str, list[Para]] = {}
    titles: dict[str, str] = {}
    for p in paras:
        if p.heading and p.section and kind_of_para(p) != "assessment":
            titles.setdefault(p.section, p.title)
        if not p.heading and not p.table and kind_of_para(p) == "assessment" and p.section:
            parent = p.section.rsplit(".", 1)[0] if "." in p.section and p.numbered_title else p.section
            assessed.setdefault(parent, []).append(p)
    if not assessed:
        return
    documents = {s: " ".join([titles.get(s, "")] + [p.text for p in ps]) for s, ps in assessed.items()}
    frequency = Counter(stem for text in documents.values() for stem in set(_stems(text)))
    for top in draft.questions:
        for question in (top, *top.sub):
            if id(question) in sections:
                question.section = sections[id(question)]
                if question.section in assessed:
                    _answer(question, question.section, assessed)
                continue
            section = _best_section(question.text.value, documents, titles, frequency,
                                    None if question is top else top.section)
            if section is not None:
                _answer(question, section, assessed)


def _answer(question: Question, section: str, assessed: dict[str, list[Para]]) -> None:
    question.section = section
    found = assessed[section]
    question.assessment = Found("\n\n".join(p.text for p in found), [n for p in found for n in p.numbers])
    if question.verdict is None and question.verdict_text is None:  # a table's verdict is the auditors' own
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


def _overall(paras: list[Para], draft: Draft) -> None:
    for kind in ("conclusion", "summary"):
        within = [p for p in paras if not p.heading and kind_of_para(p) == kind]
        first = next((i for i, p in enumerate(within) if OVERALL.search(p.text)), None)
        if first is None:
            continue
        taken = [within[first]]
        for p in within[first + 1:]:
            if p.bullet or p.table or RECOMMEND_INTRO.search(p.text) or len(p.text) > 300:
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
    signed = max((i for i, line in enumerate(lines) if _signed_at(line.text) or re.match("^" + FIRMS.pattern, line.text)),
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
