"""The recommendations of a report, verbatim, with the section each comes from and the bodies it names.

Reports lay them out as lists after 'Vi rekommenderar kommunstyrelsen att:' or 'Vi rekommenderar att nämnden:'
(bullets, numbers or letters), or as a paragraph under a section's 'Rekommendation' heading; several lists, one
a body, are common. A summary often repeats them: the recommendations in the conclusions are taken when there
are any, else those in the sections, else the summary's.
"""

from __future__ import annotations

import re

from auditrack.importing.draft import Draft, Found, Recommended
from auditrack.importing.paragraphs import Para
from auditrack.importing.patterns import BODY, RECOMMEND_INTRO, SEE_SECTION, kind_of_para

LIST_JOIN = re.compile(r"(?:[,;]\s*(?:och|samt)?|\s+(?:och|samt))\s*$")
"""What joins one item of a list to the next ('…genomföras,', '…; och'): the list's, not the recommendation's."""
SENTENCE = re.compile(r"(?i)^(?:vi (?:\w+ )?rekommenderar|[^.]{0,80}\brekommenderar vi)\b")
"""A paragraph that is a recommendation wherever it stands: 'Vi rekommenderar även kommunstyrelsen att …'."""
GENERIC = re.compile(r"(?i)\b(nämnden|styrelsen)\b")


def recommendations(paras: list[Para], draft: Draft) -> None:
    found: list[tuple[str | None, Recommended]] = []
    for i, p in enumerate(paras):
        if p.bullet or p.table or p.heading:
            continue
        if RECOMMEND_INTRO.search(p.text) and p.text.endswith(":"):
            items = []
            for q in paras[i + 1:]:
                if not q.bullet:
                    break
                items.append(q)
            bodies = _bodies(p.text, paras)
            found.extend((kind_of_para(p), _item(q, p.section, bodies)) for q in items)
        elif (kind_of_para(p) == "recommendation" and re.search(r"(?i)rekommender", p.text)) or (
                SENTENCE.match(p.text) and " att " in p.text):
            bodies = _bodies(p.text.split(" att ")[0], paras)
            text = re.sub(r"(?i)^(vi )?rekommenderar (vi )?[\wåäö ]*?att\s+", "att ", p.text)
            found.append((kind_of_para(p), _item(p, p.section, bodies, text)))
    for place in ("conclusion", None, "summary"):
        chosen = [r for kind, r in found if kind == place or (place is None and kind not in ("conclusion", "summary"))]
        if chosen:
            break
    draft.recommendations = chosen
    named = [body for r in chosen for body in r.bodies]
    if named:
        draft.bodies_named["addressees"] = [b for n, b in enumerate(named) if b.lower() not in
                                            [a.lower() for a in named[:n]]]


def _item(item: Para, section: str | None, bodies: list[str], text: str | None = None) -> Recommended:
    text = item.text if text is None else text
    if m := SEE_SECTION.search(text):
        text, section = text[:m.start()], m.group(1)
    return Recommended(Found(LIST_JOIN.sub("", text.strip()), item.numbers), section, bodies)


def _bodies(sentence: str, paras: list[Para]) -> list[str]:
    """The bodies a recommendation's sentence names; 'nämnden' alone is the one nämnd the report names, if only
    one."""
    named = [m.group(1) for m in BODY.finditer(sentence)]
    generic = GENERIC.search(sentence)
    if named or generic is None:
        return named
    word = generic.group(1).lower()
    those = {m.group(1).lower() for p in paras for m in BODY.finditer(p.text) if m.group(1).lower().endswith(word)}
    return sorted(those) if len(those) == 1 else []
