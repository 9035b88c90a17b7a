"""The words and shapes of Swedish municipal audit reports (granskningsrapporter) that the extraction looks for:
headings and what kind of section they open, dates, firms, bodies, titles of people, verdict words."""

from __future__ import annotations

import re

from auditrack.importing.paragraphs import Para

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
SCALE_WORDS = {"ja": "yes", "delvis": "partly", "till viss del": "partly", "nej": "no"}
"""Verdicts written in the words of auditrack's scale: the data needs no `verdict_text:` for them."""
SIGNED_AT = re.compile(r"^[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)?,? (?:den )?(?:[0-3]?\d \w+ (?:19|20)\d\d|"
                       r"(?:19|20)\d\d-[01]\d-[0-3]\d)$")
"""The place and date above the signatures: 'Söderås den 12 juni 2024'."""
OVERALL = re.compile(r"(?i)sammanfattande bedömning|samlade bedömning|utifrån granskningens syfte"
                     r"|sammantaget (bedömer|gör)")
STOP = set("och i att det som en på är av för med till den har de inte om ett vi så kan när år ska finns sker "
           "samt vilken vilka hur eller även dock".split())


def kind_of(title: str) -> str | None:
    for kind, pattern in KINDS:
        if pattern.search(title):
            return kind
    return None


def kind_of_para(para: Para) -> str | None:
    """The kind of the section a paragraph stands in; a 'Revisionell bedömning' that opens the report (a chapter
    of its own, or before the first numbered chapter) is its summary, not a section's assessment."""
    kind = kind_of(para.title)
    if kind == "assessment" and (para.section is None or (para.numbered_title and "." not in para.section)):
        return "summary"
    return kind


def parse_date(text: str) -> str | None:
    if m := ISO_DATE.search(text):
        return m.group(0)
    if m := WORD_DATE.search(text):
        return f"{m.group(3)}-{MONTHS.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
    return None
