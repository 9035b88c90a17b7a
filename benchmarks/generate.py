#!/usr/bin/env python3
"""Generate a deterministic benchmark corpus: a national view of audits and governance.

    python benchmarks/generate.py --files 10000 --out benchmarks/corpus-10000 [--seed 7]

Writes exactly --files data files, laid out as docs/data-layout.md describes:
organisations (municipalities and regions) with ten years of audit reports
(2016-2025), the boards' responses and their actions, follow-ups, and the
governance the audits judge: programmes, goals, indicators, bodies, roles,
mandates, reporting requirements with their logs, evaluations, interventions
and governing documents. Every file starts with the
`# yaml-language-server: $schema=` line. Each kind's files are, on average,
as large as the repository's own seed files of that kind (benchmarks/README.md
has the table), with the seed's kind of content: reports with questions,
assessments, observations and recommendations, programmes with their history.
A realistic share of the records has gaps (the G/R/W rules fire).

One organisation in ten (index 3, 13, 23, ...) carries planted data errors,
about 1.3 % of the files: a YAML syntax error in a follow-up and in a report,
a wrong type, an impossible date, an unknown key, a misspelt reference and a
duplicate id (PLANTED). corpus.json lists each (path, sort) and the data
findings `auditrack check` must give for them, by code (`data_findings`),
which run.py verifies. Everywhere else ids are unique per organisation, every
reference resolves and every file is valid against the schemas.

The corpus also gets `auditrack.yaml` (with a fixed `as_of`, so the findings
do not change with the calendar) and `schemas/<kind>.json` (copied from the
repository's schemas/ when `auditrack schema` has written them, otherwise
generated from the models), which the first line of every file points at.

Each organisation depends only on the seed and its position, so a smaller
corpus is (except for its last organisation) a prefix of a larger one.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

GENERATOR_VERSION = 2
AS_OF = "2026-06-30"
FIRST_YEAR, LAST_YEAR = 2016, 2025
DATA_FOLDERS = ("recommendations", "governance")

# --------------------------------------------------------------------------- YAML writing


class D(str):
    """A date or period, written plain like the seed data (2022-03-15, 2020-10); a bare year is quoted."""


class Q(str):
    """Text always written in double quotes (sections such as "3.10")."""


_PLAIN_OK = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü0-9(][^\n#]*")
_RESOLVES = re.compile(
    r"[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\d+(:\d\d)+|\.(inf|nan))"
    r"|\d{4}-\d\d?-\d\d?([Tt ].*)?"
    r"|(?i:y|n|yes|no|true|false|on|off|null|~)"
)
_FLOW_SAFE = re.compile(r"[a-z0-9][a-z0-9._-]*")


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, D):
        return json.dumps(value) if re.fullmatch(r"\d{4}", value) else str(value)
    if isinstance(value, Q):
        return json.dumps(value, ensure_ascii=False)
    if (
        _PLAIN_OK.fullmatch(value)
        and not _RESOLVES.fullmatch(value)
        and ": " not in value
        and not value.endswith((" ", ":"))
        and "  " not in value
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _is_flow(value) -> bool:
    """Small mappings of ids, numbers and dates read best on one line: {report: x, section: "3.2"}."""
    if not isinstance(value, dict) or not value or len(value) > 4:
        return False
    for v in value.values():
        if isinstance(v, (D, Q, bool, int, float)):
            continue
        if isinstance(v, str) and _FLOW_SAFE.fullmatch(v):
            continue
        if isinstance(v, list) and all(isinstance(x, str) and _FLOW_SAFE.fullmatch(x) for x in v) and len(v) <= 4:
            continue
        return False
    return True


def _flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _long_text(text: str, indent: int) -> list[str] | None:
    width = 96 - indent
    if len(text) <= width or isinstance(text, (D, Q)) or "  " in text or text != text.strip():
        return None
    return [" " * indent + line for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)]


def emit(data: dict, indent: int = 0) -> list[str]:
    """Block-style YAML for a mapping, written the way the seed data is written."""
    pad = " " * indent
    out: list[str] = []
    for key, value in data.items():
        out.extend(_entry(f"{pad}{key}:", value, indent))
    return out


def _entry(head: str, value, indent: int) -> list[str]:
    if isinstance(value, dict):
        if _is_flow(value):
            return [f"{head} {_flow(value)}"]
        return [head, *emit(value, indent + 2)]
    if isinstance(value, list):
        if not value:
            return [f"{head} []"]
        if all(isinstance(v, str) and _FLOW_SAFE.fullmatch(v) for v in value) and len(value) <= 6:
            return [f"{head} [{', '.join(value)}]"]
        lines = [head]
        for item in value:
            lines.extend(_item(item, indent + 2))
        return lines
    if isinstance(value, str):
        block = _long_text(value, indent + 2)
        if block:
            return [f"{head} >-", *block]
    return [f"{head} {_scalar(value)}"]


def _item(value, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if _is_flow(value):
            return [f"{pad}- {_flow(value)}"]
        body = emit(value, indent + 2)
        return [f"{pad}- {body[0].lstrip()}", *body[1:]]
    if isinstance(value, str):
        block = _long_text(value, indent + 2)
        if block:
            return [f"{pad}- >-", *block]
    return [f"{pad}- {_scalar(value)}"]


# --------------------------------------------------------------------------- Swedish text banks

MUNICIPALITIES = """
Ale Alingsås Alvesta Aneby Arboga Arjeplog Arvidsjaur Arvika Askersund Avesta Bengtsfors Berg Bjurholm Bjuv
Boden Bollebygd Bollnäs Borgholm Borlänge Borås Botkyrka Boxholm Bromölla Bräcke Burlöv Båstad Dals-Ed Danderyd
Degerfors Dorotea Eda Ekerö Eksjö Emmaboda Enköping Eskilstuna Eslöv Essunga Fagersta Falkenberg Falköping Falun
Filipstad Finspång Flen Forshaga Färgelanda Gagnef Gislaved Gnesta Gnosjö Gotland Grums Grästorp Gullspång
Gällivare Gävle Göteborg Götene Habo Hagfors Hallsberg Hallstahammar Halmstad Hammarö Haninge Haparanda Heby
Hedemora Helsingborg Herrljunga Hjo Hofors Huddinge Hudiksvall Hultsfred Hylte Håbo Hällefors Härjedalen
Härnösand Härryda Hässleholm Höganäs Högsby Hörby Höör Jokkmokk Järfälla Jönköping Kalix Kalmar Karlsborg
Karlshamn Karlskoga Karlskrona Karlstad Katrineholm Kil Kinda Kiruna Klippan Knivsta Kramfors Kristianstad
Kristinehamn Krokom Kumla Kungsbacka Kungsör Kungälv Kävlinge Köping Laholm Landskrona Laxå Lekeberg Leksand
Lerum Lessebo Lidingö Lidköping Lilla-Edet Lindesberg Linköping Ljungby Ljusdal Ljusnarsberg Lomma Ludvika Luleå
Lund Lycksele Lysekil Malmö Malung-Sälen Malå Mariestad Mark Markaryd Mellerud Mjölby Mora Motala Mullsjö
Munkedal Munkfors Mölndal Mönsterås Mörbylånga Nacka Nora Norberg Nordanstig Nordmaling Norrköping Norrtälje
Norsjö Nybro Nykvarn Nyköping Nynäshamn Nässjö Ockelbo Olofström Orsa Orust Osby Oskarshamn Ovanåker Oxelösund
Pajala Partille Perstorp Piteå Ragunda Robertsfors Ronneby Rättvik Sala Salem Sandviken Sigtuna Simrishamn Sjöbo
Skara Skellefteå Skinnskatteberg Skurup Skövde Smedjebacken Sollefteå Sollentuna Solna Sorsele Sotenäs Staffanstorp
Stenungsund Stockholm Storfors Storuman Strängnäs Strömstad Strömsund Sundbyberg Sundsvall Sunne Surahammar Svalöv
Svedala Svenljunga Säffle Säter Sävsjö Söderhamn Söderköping Södertälje Sölvesborg Tanum Tibro Tidaholm Tierp
Timrå Tingsryd Tjörn Tomelilla Torsby Torsås Tranemo Tranås Trelleborg Trollhättan Trosa Tyresö Täby Töreboda
Uddevalla Ulricehamn Umeå Upplands-Bro Upplands-Väsby Uppsala Uppvidinge Vadstena Vaggeryd Valdemarsvik Vallentuna
Vansbro Vara Varberg Vaxholm Vellinge Vetlanda Vilhelmina Vimmerby Vindeln Vingåker Vårgårda Vänersborg Vännäs
Värmdö Värnamo Västervik Västerås Växjö Ydre Ystad Åmål Ånge Åre Årjäng Åsele Åstorp Åtvidaberg Älmhult Älvdalen
Älvkarleby Älvsbyn Ängelholm Öckerö Ödeshög Örebro Örkelljunga Örnsköldsvik Östersund Österåker Östhammar
Östra-Göinge Överkalix Övertorneå
""".split()

REGIONS = [
    "Region Stockholm", "Region Uppsala", "Region Sörmland", "Region Östergötland", "Region Jönköpings län",
    "Region Kronoberg", "Region Kalmar län", "Region Blekinge", "Region Skåne", "Region Halland",
    "Västra Götalandsregionen", "Region Värmland", "Region Örebro län", "Region Västmanland", "Region Dalarna",
    "Region Gävleborg", "Region Västernorrland", "Region Jämtland Härjedalen", "Region Västerbotten",
    "Region Norrbotten",
]

FIRMS = [("KPMG AB", "kpmg"), ("PwC", "pwc"), ("EY AB", "ey"), ("Deloitte AB", "deloitte"), ("BDO Sweden AB", "bdo")]
FIRST_NAMES = """Anna Maria Karin Sara Lena Emma Kristina Elin Ida Johanna Malin Eva Helena Linnea Sofia Erik Lars
Karl Anders Johan Per Nils Mikael Jan Hans Peter Fredrik Daniel Magnus Mattias Oskar Jonas Henrik Åsa Åke Örjan
Göran Björn Jörgen Märta Stina""".split()
LAST_NAMES = """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson
Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Lindström Lindqvist Lindgren Berglund Axelsson Sandberg
Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergström Fransson Holm Nyström
Åberg Öberg Sundström Hedlund Lundqvist Mårtensson Söderberg Ström""".split()
TITLES = ["Certifierad kommunal revisor", "Kommunal revisor", "Verksamhetsrevisor", "Uppdragsledare", "Projektmedarbetare"]

# Audit topics: title, slug, area (used inside sentences), whether it concerns a programme.
TOPICS = [
    ("Granskning av arbetet med självförsörjning", "sjalvforsorjning", "arbetet med självförsörjning", True),
    ("Granskning av styrning och uppföljning av hemtjänsten", "hemtjansten", "hemtjänsten", False),
    ("Granskning av intern kontroll", "intern-kontroll", "den interna kontrollen", False),
    ("Granskning av kompetensförsörjning", "kompetensforsorjning", "kompetensförsörjningen", False),
    ("Granskning av upphandling och avtalstrohet", "upphandling", "upphandlingsverksamheten", False),
    ("Granskning av investeringsprocessen", "investeringar", "investeringsprocessen", False),
    ("Granskning av krisberedskap", "krisberedskap", "krisberedskapen", False),
    ("Granskning av arbetsmiljöarbetet", "arbetsmiljo", "det systematiska arbetsmiljöarbetet", False),
    ("Granskning av informationssäkerhet", "informationssakerhet", "informationssäkerhetsarbetet", False),
    ("Granskning av ekonomistyrning inom socialnämnden", "ekonomistyrning", "ekonomistyrningen", False),
    ("Granskning av arbetet mot våld i nära relationer", "vald-i-nara-relationer", "arbetet mot våld i nära relationer", False),
    ("Granskning av elevers närvaro i grundskolan", "skolnarvaro", "närvaroarbetet i grundskolan", False),
    ("Granskning av lokalförsörjning", "lokalforsorjning", "lokalförsörjningen", False),
    ("Granskning av samverkan kring barn och unga med psykisk ohälsa", "psykisk-ohalsa", "samverkan kring barn och unga med psykisk ohälsa", True),
    ("Granskning av mottagandet av nyanlända", "nyanlanda", "mottagandet av nyanlända", True),
    ("Granskning av styrningen av de kommunala bolagen", "bolagsstyrning", "styrningen av bolagen", False),
    ("Granskning av hanteringen av delegationsbeslut", "delegation", "hanteringen av delegationsbeslut", False),
    ("Granskning av målstyrning", "malstyrning", "målstyrningen", True),
    ("Granskning av arbetsmarknadsinsatser", "arbetsmarknadsinsatser", "arbetsmarknadsinsatserna", True),
    ("Granskning av tillsynen över livsmedelskontrollen", "livsmedelskontroll", "livsmedelskontrollen", False),
    ("Granskning av vårdens tillgänglighet", "tillganglighet", "tillgängligheten i vården", False),
    ("Granskning av digitaliseringsarbetet", "digitalisering", "digitaliseringsarbetet", True),
]

QUESTIONS = [
    "Finns det en ändamålsenlig styrning av {area}?",
    "Har {board} tydliggjort roller och ansvar för {area}?",
    "Finns det mätbara mål för {area} som följs upp under året?",
    "Sker en tillräcklig uppföljning och återrapportering av {area} till {board}?",
    "Finns det rutiner och riktlinjer som är kända och tillämpas i verksamheten?",
    "Analyseras resultaten och vidtas åtgärder när målen inte nås?",
    "Sker samverkan internt och med externa aktörer på ett ändamålsenligt sätt?",
    "Är den interna kontrollen tillräcklig inom {area}?",
    "Har {board} säkerställt att det finns tillräckliga resurser för {area}?",
]
SUB_QUESTIONS = [
    "Är styrdokumenten aktuella och beslutade på rätt nivå?",
    "Finns det en dokumenterad ansvarsfördelning mellan förvaltningen och nämnden?",
    "Används statistiken för att analysera verksamhetens resultat?",
    "Följs insatserna upp på individnivå?",
    "Har verksamheten tagit del av tillgänglig forskning?",
]
ASSESSMENT_OPENERS = [
    "Vi bedömer att", "Vår bedömning är att", "Vi konstaterar att", "Granskningen visar att", "Vi noterar att",
]
ASSESSMENT_BODIES = [
    "det finns styrdokument för {area}, men att flera av dem inte har reviderats på flera år",
    "{board} inte fullt ut har säkerställt att {area} följs upp på ett systematiskt sätt",
    "roller och ansvar i huvudsak är tydliga, men att ansvarsfördelningen mellan förvaltningarna behöver dokumenteras",
    "de övergripande målen inte är nedbrutna i verksamhetsspecifika och mätbara mål",
    "statistik samlas in men att den inte analyseras eller kopplas till de beslutade målen",
    "återrapporteringen till {board} inte sker i den omfattning som har beslutats",
    "samverkan sker på ett flertal sätt, både inom kommunen och med externa aktörer",
    "det saknas en utvärdering av insatsernas effekter och kostnadseffektivitet",
    "verksamheten i allt väsentligt bedrivs i enlighet med gällande lagstiftning och interna regelverk",
    "det finns brister i dokumentationen av beslut och av de kontroller som har genomförts",
]
ASSESSMENT_TAILS = [
    "Det finns därmed en risk att verksamheten inte når de mål som fullmäktige har beslutat.",
    "Vi ser positivt på det utvecklingsarbete som har påbörjats under året.",
    "Intervjuerna bekräftar bilden av ett engagerat arbete men med otydlig uppföljning.",
    "Vi har inte tagit del av någon dokumenterad analys av resultaten.",
    "Enligt uppgift pågår ett arbete med att ta fram en ny rutin, men den var inte beslutad vid granskningens genomförande.",
    "Det saknas protokoll eller minnesanteckningar som visar hur frågan har hanterats.",
]
RECOMMENDATIONS = [
    "Säkerställ att de övergripande målen för {area} bryts ned i verksamhetsspecifika och mätbara mål.",
    "Säkerställ att det finns en dokumenterad ansvarsfördelning för {area}.",
    "Tillse att statistiken kopplas till de beslutade målen och att resultaten analyseras.",
    "Säkerställ att återrapporteringen till {board} sker i den omfattning som har beslutats.",
    "Genomför en utvärdering av insatsernas effekter för individen och deras kostnadseffektivitet.",
    "Revidera de styrdokument som inte är aktuella och besluta dem på rätt nivå.",
    "Säkerställ att det förs protokoll eller minnesanteckningar vid styrgruppens möten.",
    "Ta fram ett styrdokument som reglerar vad uppföljningen ska innehålla, hur och när den ska göras.",
    "Säkerställ att det finns data över antalet deltagare per insats.",
    "Utveckla den interna kontrollen så att genomförda kontroller dokumenteras.",
    "Säkerställ att kompetensförsörjningsplanen omfattar samtliga verksamheter.",
    "Tydliggör hur arbetet med {area} ska organiseras när nuvarande uppdragsbeskrivning upphör att gälla.",
]
ACTIONS = [
    "Förvaltningen tar fram en processplan med mätbara mål, målvärden och tidpunkter för uppföljning.",
    "En ny uppdragsbeskrivning med roller och ansvar tas fram och beslutas av kommunstyrelsen.",
    "Statistiken ses över och kopplas till målen; en analys redovisas i samband med delårsrapporten.",
    "Återrapportering till kommunstyrelsen införs i årshjulet två gånger per år.",
    "En extern utvärdering av insatsernas effekter och kostnadseffektivitet upphandlas.",
    "Berörda styrdokument revideras och beslutas av nämnden.",
    "Rutin för minnesanteckningar vid styrgruppens möten införs.",
    "En rutin för uppföljning av insatser på individnivå tas fram.",
    "Ett system för att registrera deltagare per insats införs.",
    "Internkontrollplanen kompletteras med kontroller av {area}.",
    "Utbildning genomförs för chefer och handläggare om de nya rutinerna.",
]
CRITERIA = [
    "Kommunallagen (2017:725) 6 kap. 6 §",
    "Kommunallagen (2017:725) 5 kap. 1 §",
    "Socialtjänstlagen (2001:453)",
    "Förvaltningslagen (2017:900)",
    "Lagen (2016:1145) om offentlig upphandling",
    "Arbetsmiljölagen (1977:1160)",
    "Skollagen (2010:800)",
    "Hälso- och sjukvårdslagen (2017:30)",
    "Lagen (2006:544) om kommuners och regioners åtgärder inför och vid extraordinära händelser",
    "Kommunfullmäktiges mål och budget",
    "Tillämpbara interna regelverk, policys och beslut",
]
METHODS = [
    "Dokumentstudier",
    "Intervjuer med berörda tjänstepersoner och förtroendevalda",
    "Stickprovskontroll av ärenden",
    "Enkät till enhetschefer",
    "Rapporten är faktakontrollerad av förvaltningschef och berörda enhetschefer.",
]

PROGRAMMES = [
    ("Vägen till egen försörjning", "egen-forsorjning",
     "Samverkansmodell mellan socialtjänsten och arbetsmarknadsenheten för att fler medborgare ska nå egen försörjning.",
     "Personer som får ekonomiskt bistånd och står långt från arbetsmarknaden."),
    ("Tidiga insatser för barn och unga", "tidiga-insatser",
     "Samverkan mellan skola, socialtjänst och elevhälsa för att tidigt upptäcka och stödja barn och unga i behov av särskilt stöd.",
     "Barn och unga 0–20 år och deras vårdnadshavare."),
    ("Etableringsprogrammet för nyanlända", "etablering",
     "Kommunens samlade arbete med mottagande, SFI, samhällsorientering och vägar till arbete för nyanlända.",
     "Nyanlända som tagits emot i kommunen de senaste tre åren."),
    ("Digital välfärd", "digital-valfard",
     "Program för att införa digitala tjänster och välfärdsteknik inom äldreomsorgen och socialtjänsten.",
     "Brukare inom äldreomsorgen och socialtjänsten samt deras anhöriga."),
    ("Hållbar kompetensförsörjning", "kompetensforsorjning",
     "Programmet samlar insatser för att rekrytera, behålla och utveckla medarbetare inom vård, skola och omsorg.",
     "Medarbetare och blivande medarbetare inom kommunens verksamheter."),
    ("Trygg och säker hemgång", "trygg-hemgang",
     "Samverkansmodell mellan kommunen och regionen för en trygg utskrivning från slutenvården.",
     "Personer som skrivs ut från slutenvården och behöver kommunala insatser."),
]
INTERVENTIONS = [
    ("Arbetsträning", "AME"), ("Praktik", "AME"), ("Språkpraktik", "Vuxenutbildningen"), ("Coachning", "AME"),
    ("Kartläggning", "Socialtjänsten"), ("Subventionerad anställning", "AME"), ("Motiverande samtal", "Socialtjänsten"),
    ("Studie- och yrkesvägledning", "Vuxenutbildningen"), ("Digitalt stöd", "AME"), ("Friskvård och hälsa", "Folkhälsoenheten"),
    ("Föräldrastöd", "Familjecentralen"), ("Samhällsorientering", "Integrationsenheten"), ("Mentorsprogram", "Näringslivsenheten"),
    ("Jobbspår", "AME"), ("Trygghetsbesök", "Hemtjänsten"),
]
INDICATORS = [
    ("Deltagare som gått till arbete eller studier", "personer", "deltagare-till-arbete"),
    ("Hushåll med ekonomiskt bistånd", "hushåll", "hushall-bistand"),
    ("Kostnad för ekonomiskt bistånd", "mnkr", "kostnad-bistand"),
    ("Andel deltagare som avslutat insats enligt plan", "procent", "avslutat-enligt-plan"),
    ("Antal personer som fått stöd", "personer", "personer-stod"),
    ("Väntetid till första insats", "dagar", "vantetid"),
    ("Nöjd medborgarindex", "index", "nmi"),
    ("Personalomsättning", "procent", "personalomsattning"),
]
DATA_SOURCES = ["Verksamhetssystemet", "Kolada", "Socialstyrelsens statistikdatabas", "Egen uppföljning", "SCB"]
RESPONSIBILITIES = [
    "Leder och samordnar det dagliga arbetet.",
    "Ansvarar för återrapportering till styrgruppen.",
    "Sammanställer statistik och underlag för uppföljning.",
    "Håller samman samverkan med externa aktörer.",
    "Bereder ärenden till styrgruppens möten.",
]
DUTIES = [
    "Följer upp att arbetet bedrivs i enlighet med uppdragsbeskrivningen.",
    "Prioriterar insatser och fördelar resurser inom ramen för budget.",
    "Tar del av statistik och analyser och föreslår förbättringar.",
    "Samordnar arbetet mellan förvaltningarna.",
    "Planerar och genomför insatser för målgruppen.",
    "Rapporterar avvikelser till styrgruppen.",
]
MEMBER_FUNCTIONS = [
    "Socialchef", "Arbetsmarknadschef", "Enhetschef försörjningsstöd", "Enhetschef AME", "Rektor vuxenutbildningen",
    "Representant för Arbetsförmedlingen", "Ekonomichef", "HR-chef", "Kommunalråd", "Oppositionsråd",
    "Förbundschef samordningsförbundet", "Verksamhetsutvecklare",
]


OBSERVATIONS = [
    ("measurable-targets", "De övergripande målen för {area} är inte nedbrutna i mätbara mål med målvärden, och det "
     "framgår inte hur måluppfyllelsen ska bedömas."),
    ("analysis", "Statistik över {area} sammanställs, men vi har inte tagit del av någon analys av resultaten eller "
     "av hur de förhåller sig till de beslutade målen."),
    ("follow-up", "Uppföljningen av {area} sker muntligt vid ledningsgruppens möten och dokumenteras inte; det går "
     "därför inte att se vilka slutsatser som har dragits."),
    ("routines", "Det saknas en skriftlig rutin för {area}. Enligt uppgift pågår ett arbete med att ta fram en, men "
     "den var inte beslutad vid granskningens genomförande."),
    ("reporting", "Återrapporteringen till {board} har inte skett i den omfattning som har beslutats, och rapporterna "
     "saknar i flera fall uppgifter om resultat och effekter."),
    ("evaluation", "Det finns ingen utvärdering av insatsernas effekter för individen eller av deras "
     "kostnadseffektivitet, trots att en sådan har efterfrågats."),
    ("responsibility-split", "Ansvarsfördelningen mellan förvaltningarna är inte dokumenterad, och de intervjuade ger "
     "olika bilder av vem som ansvarar för vad inom {area}."),
    ("minutes", "Det förs inga protokoll eller minnesanteckningar från styrgruppens möten, så det går inte att se "
     "vilka beslut som har fattats."),
    ("internal-control", "Den interna kontrollen omfattar inte {area}; inga kontroller av området har genomförts under "
     "de senaste två åren."),
    ("staffing", "Flera tjänster inom {area} har varit vakanta under längre perioder, vilket enligt de intervjuade har "
     "påverkat förmågan att genomföra det beslutade arbetet."),
]
PROGRAMME_HOLDS = {"minutes", "responsibility-split", "analysis"}
PURPOSE_TAILS = [
    "Granskningen ingår i revisorernas grundläggande granskning och har valts utifrån revisorernas risk- och "
    "väsentlighetsanalys.",
    "Granskningen har avgränsats till de verksamheter som omfattas av {board}s ansvar; de kommunala bolagen ingår "
    "inte.",
    "Revisorerna har i tidigare granskningar noterat brister inom området och vill följa upp hur arbetet har "
    "utvecklats sedan dess.",
]
OVERALL_TAILS = [
    "Vi ser positivt på att ett utvecklingsarbete har påbörjats, men bedömer att det återstår arbete innan styrningen "
    "och uppföljningen är tillräcklig.",
    "Bedömningen grundar sig på de iakttagelser som redovisas i avsnitt 3 och på de revisionsfrågor som har besvarats "
    "i sammanfattningen.",
    "Vi bedömer att det finns utrymme för vidareutveckling vad gäller uppföljning, analys och dokumentation av "
    "fattade beslut.",
]

REPORT_SUMMARIES = [
    "Rapporten redovisar status i {name}, antal deltagare per insats och hur samverkan med externa aktörer har "
    "fungerat under perioden.",
    "Samordnaren redogör för arbetet under halvåret; rapporten innehåller inga uppgifter om insatsernas effekter.",
    "Rapporten beskriver organisationsförändringar och personalläget; styrelsen lägger rapporten till handlingarna.",
    "Återrapporteringen sker muntligt vid styrelsens sammanträde; en skriftlig sammanfattning finns i protokollet.",
]

SOURCE_NOTES = [
    "Uppgifterna om {what} är hämtade från protokollet och har stämts av med förvaltningen.",
    "Enligt intervjuer med tjänstepersoner gäller beskrivningen av {what} fortfarande.",
    "Beskrivningen av {what} bygger på förvaltningens egen redovisning; underlaget har inte granskats i detalj.",
    "Källan anger inte datum för alla uppgifter om {what}; endast det som anges har förts in.",
]


def slugify(text: str) -> str:
    text = text.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------- one organisation


@dataclass
class OrgFile:
    path: str
    kind: str
    data: dict


@dataclass
class Org:
    index: int
    rng: Random
    id: str
    name: str
    region: bool
    base: list[OrgFile] = field(default_factory=list)
    audits: list[list[OrgFile]] = field(default_factory=list)
    board: str = "kommunstyrelsen"
    council: str = "kommunfullmaktige"
    presidium: str = "kf-presidium"
    committee: str = "socialnamnden"
    director: str = "kommundirektor"
    chief: str = "socialchef"
    programme_roles: list[tuple[str, int]] = field(default_factory=list)  # (role id, year its first mandate came)
    programmes: list[dict] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    abbrev: str = "KS"

    def add(self, folder: str, kind: str, data: dict) -> None:
        record_id = data["id"]
        if kind != "organisation" and "source" not in data:
            self.source(data, "målet" if kind == "goal" else data.get("name") or data.get("title") or record_id)
        assert record_id not in self.used_ids, (self.id, record_id)
        self.used_ids.add(record_id)
        path = f"governance/{self.id}/organisation.yaml" if kind == "organisation" else f"governance/{self.id}/{folder}/{record_id}.yaml"
        self.base.append(OrgFile(path, kind, data))

    def rec(self, **fields) -> dict:
        return {"kind": fields.pop("kind"), "id": fields.pop("id"), "organisation": self.id, **fields}

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def day(self, year: int, month_from: int = 1, month_to: int = 12) -> D:
        return D(f"{year}-{self.rng.randint(month_from, month_to):02d}-{self.rng.randint(1, 28):02d}")

    def decision(self, day: str, who: str | None = None) -> str:
        return f"{who or self.abbrev} {day} § {self.rng.randint(12, 240)}"

    def source(self, data: dict, what: str) -> dict:
        """Most governance records cite where their facts come from, as the seed data does."""
        if self.rng.random() < 0.7:
            day = self.day(self.rng.randint(2016, 2025))
            data["source"] = {"document": self.rng.choice([self.decision(day), f"Protokoll {day}", f"Årsredovisning {day[:4]}"]),
                              "section": Q(f"{self.rng.randint(1, 6)}.{self.rng.randint(1, 9)}"),
                              "note": self.rng.choice(SOURCE_NOTES).format(what=what)}
        return data


def _unique_slugs(names: list[str]) -> list[str]:
    """Slugs for names; when two fold to the same ASCII (Habo, Håbo), the later one spells å, ä, ö out."""
    seen: set[str] = set()
    out = []
    for name in names:
        slug = slugify(name)
        if slug in seen:
            spelt = name.lower().replace("å", "aa").replace("ä", "ae").replace("ö", "oe")
            slug = slugify(spelt)
        assert slug not in seen, name
        seen.add(slug)
        out.append(slug)
    return out


MUNICIPALITY_SLUGS = _unique_slugs(MUNICIPALITIES)
REGION_SLUGS = _unique_slugs(REGIONS)


def org_names(index: int) -> tuple[str, str, bool]:
    """The organisation at `index`: every 15th is a region, the others municipalities; numbered past the list."""
    if index % 15 == 14:
        seen = index // 15
        name, slug = REGIONS[seen % len(REGIONS)], REGION_SLUGS[seen % len(REGIONS)]
        cycle = seen // len(REGIONS)
        region = True
    else:
        seen = index - (index + 1) // 15
        base = MUNICIPALITIES[seen % len(MUNICIPALITIES)].replace("-", " ")
        name, slug = f"{base}s kommun" if base == "Gotland" else f"{base} kommun", MUNICIPALITY_SLUGS[seen % len(MUNICIPALITIES)]
        cycle = seen // len(MUNICIPALITIES)
        region = False
    if cycle:
        slug, name = f"{slug}-{cycle + 1}", f"{name} ({cycle + 1})"
    return slug, name, region


def build_org(seed: int, index: int) -> Org:
    org_id, name, region = org_names(index)
    org = Org(index=index, rng=Random(f"{seed}:{index}"), id=org_id, name=name, region=region)
    if region:
        org.board, org.council, org.presidium, org.committee = "regionstyrelsen", "regionfullmaktige", "rf-presidium", "halso-och-sjukvardsnamnden"
        org.director, org.chief, org.abbrev = "regiondirektor", "halso-och-sjukvardsdirektor", "RS"
    _governance(org)
    year = FIRST_YEAR
    count = 0
    while year <= LAST_YEAR:
        if org.rng.random() < 0.8:
            org.audits.append(_audit(org, year, count))
            count += 1
            if org.rng.random() < 0.15:
                org.audits.append(_audit(org, year, count))
                count += 1
        year += 1
    org._next_audit = count  # type: ignore[attr-defined]
    return org


def extra_audit(org: Org) -> list[OrgFile]:
    """One more audit for padding the last organisation to an exact file count."""
    n = org._next_audit  # type: ignore[attr-defined]
    org._next_audit = n + 1  # type: ignore[attr-defined]
    return _audit(org, FIRST_YEAR + n % (LAST_YEAR - FIRST_YEAR + 1), n)


def _governance(org: Org) -> None:
    rng = org.rng
    org.add("", "organisation", {
        "kind": "organisation", "id": org.id, "name": org.name, "type": "region" if org.region else "municipality",
        "source": {"document": f"Årsredovisning {rng.randint(2020, 2025)}", "section": Q("1")},
    })
    council_name = "Regionfullmäktige" if org.region else "Kommunfullmäktige"
    board_name = "Regionstyrelsen" if org.region else "Kommunstyrelsen"
    committee_name = "Hälso- och sjukvårdsnämnden" if org.region else "Socialnämnden"
    standing_bodies = [
        (org.council, council_name, "council", None, ["Beslutar om mål och budget.", "Beslutar om ansvarsfrihet."]),
        (org.board, board_name, "board", org.council,
         ["Leder och samordnar förvaltningen.", "Har uppsikt över nämnderna och de kommunala bolagen."]),
        (org.presidium, f"{council_name}s presidium", "presidium", org.council, ["Bereder revisionens budget och ärenden."]),
        (org.committee, committee_name, "committee", org.council, ["Fullgör uppgifter enligt reglementet."]),
        ("revisorerna", "De förtroendevalda revisorerna", "auditors", None,
         ["Granskar all verksamhet enligt kommunallagen och god revisionssed."]),
    ]
    for body_id, body_name, body_type, parent, duties in standing_bodies:
        data = org.rec(kind="body", id=body_id, name=body_name, type=body_type)
        if parent:
            data["parent"] = parent
        data.update(duties=duties, meetings={"cadence": "monthly", "text": "Sammanträder cirka tio gånger per år."},
                    minutes={"kept": True, "type": "protokoll"}, standing=True)
        org.add("bodies", "body", data)
    for role_id, role_name in ((org.director, "Regiondirektör" if org.region else "Kommundirektör"),
                               (org.chief, "Hälso- och sjukvårdsdirektör" if org.region else "Socialchef")):
        org.add("roles", "role", org.rec(
            kind="role", id=role_id, name=role_name,
            responsibilities=["Leder förvaltningen och ansvarar inför styrelsen för verksamheten."],
            holders=[{"name": org.person(), "from": D(f"{rng.randint(2012, 2021)}-{rng.randint(1, 12):02d}"),
                      "appointed_by": org.board}],
            standing=True,
        ))
    for p_index in range(1 if rng.random() < 0.6 else 2):
        _programme(org, p_index)
    # Organisation-wide governing documents.
    for n in range(rng.randint(1, 3)):
        title, dtype = rng.choice([
            ("Riktlinjer för ekonomiskt bistånd", "guideline"), ("Policy för intern kontroll", "policy"),
            ("Riktlinje för dokumentation", "guideline"), ("Mål och budget", "budget"),
            ("Rutin för synpunkter och klagomål", "routine"), ("Delegationsordning", "other"),
        ])
        doc_id = f"{slugify(title)}-{n + 1}"
        adopted = org.day(rng.randint(2016, 2024))
        data = org.rec(kind="document", id=doc_id, title=title, type=dtype, decided_by=org.board,
                       decision=org.decision(adopted), adopted=adopted)
        if rng.random() < 0.5:
            data["review_by"] = D(f"{int(adopted[:4]) + rng.randint(2, 4)}-12-31")
        data["regulates"] = rng.sample(["responsibilities", "follow-up-content", "budget", "financial-assistance", "reporting"], 2)
        data["summary"] = (f"{title} anger hur verksamheten ska bedrivas och följas upp. Dokumentet beslutades av "
                           f"{board_name.lower()} och gäller för samtliga förvaltningar. Det anger vem som ansvarar "
                           "för att dokumentet hålls aktuellt, hur avvikelser ska hanteras och när det ska revideras.")
        if dtype == "budget":
            data["figures"] = [{"label": "Budget för ekonomiskt bistånd", "value": rng.randint(20, 400), "unit": "mnkr",
                                "period": D(adopted[:4])}]
        org.add("documents", "document", data)


def _programme(org: Org, p_index: int) -> None:
    rng = org.rng
    p_name, p_slug, p_desc, p_target = PROGRAMMES[(org.index + p_index * 3) % len(PROGRAMMES)]
    pid = p_slug
    start_year = rng.randint(2015, 2020)
    started = D(f"{start_year}-{rng.randint(1, 12):02d}")
    board = org.board
    org.programmes.append({"id": pid, "name": p_name})
    programme = org.rec(kind="programme", id=pid, name=p_name, aka=[f"{org.name.split(' ')[0]}modellen"],
                        description=(f"{p_desc} Arbetet bedrivs i samverkan mellan förvaltningarna och följs upp av "
                                     "en styrgrupp; målet är att insatserna ska utgå från den enskildes behov och "
                                     "leda till varaktiga resultat."), started=started,
                        form=rng.choice(["project", "ordinary", "ordinary", "permanent"]), commissioned_by=board)
    if rng.random() < 0.85:
        programme["origin"] = ("Kommunen hade under flera år sett ett ökat behov och gav förvaltningen i uppdrag att "
                               "ta fram en modell för att genom samverkan möta det. Enligt styrelsens protokoll ökade "
                               "kostnaderna varje år, och fler invånare än tidigare behövde stöd under längre tid. "
                               "Förvaltningen fick därför i uppdrag att arbeta fram ett gemensamt arbetssätt.")
    if rng.random() < 0.4:
        programme["inspired_by"] = rng.sample(["Angeredsmodellen", "Växjölöftet", "Södertäljemodellen", "Finsam-modellen"], 2)
    r = rng.random()
    if r < 0.6:
        programme["evidence_base"] = {"research_used": True, "references": [
            "Forskningsöversikt om samverkan i kommunal arbetsmarknadspolitik (IFAU, 2019)",
            "Socialstyrelsens kunskapsstöd för arbetet med ekonomiskt bistånd",
        ][: rng.randint(1, 2)]}
    elif r < 0.85:
        programme["evidence_base"] = {"research_used": False, "note": (
            "Modellen utformades efter studiebesök i andra kommuner. Tillgänglig forskning användes inte "
            "när metoderna togs fram.")}
    programme["target_group"] = (f"{p_target} Målgruppen avgränsas i processplanen; personer med behov av "
                                 "insatser från flera verksamheter prioriteras.")
    programme["process_steps"] = [
        {"number": i + 1, "name": step, "description": (f"{step} genomförs tillsammans med den enskilde och dokumenteras i "
                                                        "planen. Handläggaren ansvarar för att nästa steg bokas och "
                                                        "att berörda verksamheter får del av planeringen.")}
        for i, step in enumerate(["Första träff", "Kartläggning", "Planering av insats", "Genomförande", "Uppföljning"][: rng.randint(3, 5)])
    ]
    history = [{"date": started, "text": f"{'Regionstyrelsen' if org.region else 'Kommunstyrelsen'} beslutar att starta {p_name}.",
                "source": {"document": org.decision(f"{started}-{rng.randint(10, 28)}")}}]
    for year in range(start_year + 1, min(start_year + rng.randint(2, 6), LAST_YEAR) + 1):
        history.append({"date": D(f"{year}-{rng.randint(1, 12):02d}"), "text": rng.choice([
            "Arbetet organiseras om och en ny samordnare tillsätts.",
            "Styrgruppen beslutar om en reviderad processplan.",
            "Verksamheten lämnar projektformen och blir en del av den ordinarie verksamheten.",
            "Samverkansavtalet med Arbetsförmedlingen förnyas.",
            "En ny styrmodell introduceras efter att ansvarsfördelningen behövt förtydligas.",
        ]) + " " + rng.choice([
            "Förändringen har kommunicerats till berörda verksamheter och till styrgruppen.",
            "Av protokollet framgår inte hur förändringen ska följas upp.",
            "Enligt de intervjuade har förändringen påverkat arbetet under flera månader.",
        ])})
    for event in history[1:]:
        event["source"] = {"document": org.decision(org.day(int(event["date"][:4]))), "section": Q(f"{rng.randint(2, 4)}")}
    programme["offers"] = rng.sample(["SFI-utbildning", "Yrkesutbildning", "Praktik", "Arbetsträning",
                                      "Hjälp att starta eget", "Studie- och yrkesvägledning", "Språkstöd"], 3)
    programme["history"] = history
    org.add("programmes", "programme", programme)

    steering, workgroup = f"{pid}-styrgrupp", f"{pid}-arbetsgrupp"
    coordinator, lead = f"{pid}-samordnare", f"{pid}-processledare"
    # Mandates: a steering model, later usually replaced by a mandate description.
    late_start = rng.random() < 0.2  # G202: the first mandate comes after the work started
    m1_year = start_year + (rng.randint(1, 2) if late_start else 0)
    m1_adopted = D(f"{m1_year}-{int(started[5:7]) if not late_start else rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    if m1_adopted < started:
        m1_adopted = D(f"{started}-28")
    m1 = f"{pid}-styrmodell-{m1_year}"
    mandates = [org.rec(kind="mandate", id=m1, title=f"Styrmodell för {p_name}", type="steering-model", programme=pid,
                        decided_by=board, decision=org.decision(m1_adopted), adopted=m1_adopted, commissioner=board,
                        regulates=["purpose", "roles", "responsibilities", "bodies", "reporting"],
                        roles=[coordinator, lead], bodies=[steering, workgroup],
                        summary=(f"Styrmodellen beskriver hur {p_name} ska ledas och samordnas: styrgruppens och "
                                 "arbetsgruppens uppdrag, samordnarens och processledarens ansvar och hur ofta "
                                 "styrelsen ska få rapport om arbetet."))]
    second = rng.random() < 0.7
    if second:
        m2_year = min(m1_year + rng.randint(2, 4), LAST_YEAR)
        m2_from = D(f"{m2_year}-{rng.randint(1, 12):02d}-01")
        m2 = f"{pid}-uppdragsbeskrivning-{m2_year}"
        m2_adopted = D(f"{m2_from[:8]}01")
        m2_adopted = m2_adopted if m2_adopted > m1_adopted else D(f"{m1_adopted}")
        mandates[0]["valid_until"] = _day_before(m2_adopted)
        data = org.rec(kind="mandate", id=m2, title=f"Uppdragsbeskrivning för {p_name}", type="mandate-description",
                       programme=pid, decided_by=board, decision=org.decision(m2_adopted), adopted=m2_adopted,
                       commissioner=board, regulates=["purpose", "roles", "responsibilities", "bodies", "goals", "reporting"],
                       roles=[coordinator, lead], bodies=[steering, workgroup], supersedes=[m1])
        r = rng.random()
        if r < 0.1:  # G201: lapsed with no successor
            lapse = D(f"{min(m2_year + 2, LAST_YEAR)}-03-31")
            data["valid_until"] = lapse if lapse > m2_adopted else D(f"{m2_year}-12-31")
        elif r < 0.25:
            data["valid_until"] = D(f"{rng.randint(2026, 2028)}-12-31")
        data["assignments"] = [
            {"text": "Ta fram en processplan med mätbara mål.", "responsible": coordinator, "due": D(f"{m2_year + 1}-06-30")},
            {"text": "Rapportera till styrelsen två gånger per år.", "responsible": lead, "how": "Skriftlig rapport", "due": D(f"{m2_year + 1}-12-31")},
        ]
        data["summary"] = (f"Uppdragsbeskrivningen anger syfte, roller, ansvar och grupper för {p_name}. "
                           "Den ersätter den tidigare styrmodellen och förtydligar hur arbetet ska följas upp och "
                           "rapporteras till styrelsen.")
        mandates.append(data)
    for m in mandates:
        org.add("mandates", "mandate", m)
    current = mandates[-1]["id"]

    for body_id, body_name, body_type, parent in (
        (steering, f"Styrgrupp för {p_name}", "political-steering-group" if rng.random() < 0.2 else "steering-group", board),
        (workgroup, f"Arbetsgrupp för {p_name}", "work-group", steering),
    ):
        data = org.rec(kind="body", id=body_id, name=body_name, type=body_type, programme=pid, parent=parent)
        data["members"] = [{"function": f, **({"role": coordinator} if f == "Verksamhetsutvecklare" else {})}
                           for f in rng.sample(MEMBER_FUNCTIONS, rng.randint(3, 6))]
        data["duties"] = rng.sample(DUTIES, rng.randint(3, 5))
        data["meetings"] = {"cadence": rng.choice(["monthly", "quarterly", "fortnightly"]),
                            "text": rng.choice(["Träffas en gång i månaden.", "Träffas fyra gånger per år.", "Möts varannan vecka."])}
        kept = rng.random() >= 0.15  # G205 for the rest
        data["minutes"] = {"kept": kept, **({"type": "minnesanteckningar", "since": started,
                                             "note": "Anteckningarna förs av samordnaren och sparas i ärendesystemet."}
                                            if kept else {})}
        if not kept and rng.random() < 0.3:
            data["waivers"] = [{"rule": "G205", "reason": "Gruppen är rådgivande och fattar inga beslut; styrgruppen dokumenterar besluten.",
                                "approved_by": board, "expires": D(f"{rng.choice([2025, 2027])}-12-31")}]
        data["active_from"] = started
        if rng.random() < 0.9:
            data["regulated_by"] = [current]
        org.add("bodies", "body", data)

    for role_id, role_name in ((coordinator, f"Samordnare för {p_name}"), (lead, f"Processledare för {p_name}")):
        data = org.rec(kind="role", id=role_id, name=role_name, programme=pid,
                       responsibilities=rng.sample(RESPONSIBILITIES, rng.randint(1, 2)))
        first_from = D(f"{start_year}-{rng.randint(1, 12):02d}")
        holders = [{"name": org.person(), "from": first_from, "appointed_by": board}]
        if rng.random() < 0.3:
            holders[0]["until"] = D(f"{start_year + 2}-12-31")
            holders.append({"name": org.person(), "from": D(f"{start_year + 3}-01-01"), "appointed_by": board})
        data["holders"] = holders
        data["regulated_by"] = [current]
        org.add("roles", "role", data)
        org.programme_roles.append((role_id, m1_year))

    # Process plan: regulates follow-up (G303 when it does not regulate all of it).
    plan = f"{pid}-processplan"
    adopted = D(f"{min(start_year + 1, LAST_YEAR)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    regulates = ["goals", "follow-up-content", "follow-up-method", "follow-up-timing"]
    if rng.random() < 0.3:
        regulates = ["goals", "follow-up-content"]
    org.add("documents", "document", org.rec(
        kind="document", id=plan, title=f"Processplan för {p_name}", type="process-plan", programme=pid,
        decided_by=board, decision=org.decision(adopted), adopted=adopted, regulates=regulates,
        summary=("Processplanen anger mål, målvärden och hur och när arbetet följs upp och rapporteras. Den beskriver "
                 f"också arbetsgången i {p_name}, från första träff till avslutad insats, och vilka uppgifter som ska "
                 "dokumenteras vid varje steg."),
    ))

    # Indicators, goals (with sub-goals) and the links between them.
    ind_specs = rng.sample(INDICATORS, rng.randint(2, 3))
    indicator_ids = [f"{pid}-{spec[2]}" for spec in ind_specs]
    goal_id = f"{pid}-overgripande-mal"
    sub_ids: list[str] = []
    broken_down = rng.random() >= 0.15  # G101 for the rest
    subs = []
    if broken_down:
        for n, ind in enumerate(indicator_ids[: 1 if rng.random() < 0.7 else 2]):
            sid = f"{goal_id}-d{n + 1}"
            sub_ids.append(sid)
            spec = ind_specs[indicator_ids.index(ind)]
            targets = []
            for year in rng.sample(range(start_year + 1, 2028), rng.randint(1, 2)):
                target = {"value": rng.randint(20, 300), "unit": spec[1], "period": D(str(year))}
                if rng.random() < 0.08:
                    del target["unit"]  # G102
                targets.append(target)
            targets.sort(key=lambda t: t["period"])
            sub = {"id": sid, "text": f"{spec[0]} ska uppgå till {targets[-1]['value']} {spec[1]} år {targets[-1]['period']}.",
                   "type": rng.choice(["activity", "participant", "quality"]),
                   "direction": "increase", "indicator": ind, "baseline": {"value": rng.randint(10, 200), "period": D(str(start_year))},
                   "targets": targets}
            if rng.random() < 0.1:
                del sub["indicator"]  # G102
            follow_ups = []
            for t in targets:
                if int(t["period"]) < 2026 and rng.random() < 0.3:
                    value = rng.randint(10, 300)
                    follow_ups.append({"date": D(f"{int(t['period']) + 1}-02-{rng.randint(10, 28)}"), "period": t["period"],
                                       "value": value, "reached": value >= t["value"],
                                       "text": f"Utfallet blev {value} {spec[1]} mot målvärdet {t['value']}."})
            if follow_ups:
                sub["follow_ups"] = follow_ups
            sub["documented_in"] = [plan]
            subs.append(sub)
    goal = org.rec(kind="goal", id=goal_id, text=f"Fler invånare ska nå målen för {p_name.lower()}.", level="overall",
                   programme=pid, documented_in=[plan])
    if subs:
        goal["sub_goals"] = subs
    org.add("goals", "goal", goal)
    if rng.random() < 0.8:  # G104 when an economic goal has only a direction
        economic = org.rec(kind="goal", id=f"{pid}-ekonomiskt-mal", text="Kostnaderna för ekonomiskt bistånd ska minska.",
                           level="sub-goal", programme=pid, type="economic", direction="decrease", documented_in=[plan])
        if rng.random() < 0.5:
            economic["targets"] = [{"value": rng.randint(5, 60), "unit": "mnkr", "period": D(str(rng.randint(2024, 2027)))}]
        org.add("goals", "goal", economic)
    for ind_id, spec in zip(indicator_ids, ind_specs):
        data = org.rec(kind="indicator", id=ind_id, name=spec[0], unit=spec[1], level="overall", programme=pid,
                       description=f"Mäts årligen för {p_name} och redovisas i årsredovisningen.")
        if rng.random() < 0.3:
            data["kolada_id"] = f"N{rng.randint(0, 99999):05d}"
        data["data_source"] = rng.choice(DATA_SOURCES)
        data["frequency"] = "yearly"
        linked = [s for s in sub_ids if s.endswith(f"-d{indicator_ids.index(ind_id) + 1}")]
        if linked and rng.random() < 0.7:
            data["goals"] = linked
        elif not linked and rng.random() < 0.5:
            data["goals"] = [goal_id]  # else G105
        measurements = []
        for year in range(max(start_year, LAST_YEAR - rng.randint(0, 2)), LAST_YEAR + 1):
            m = {"period": D(str(year)), "value": rng.randint(5, 400)}
            if rng.random() < 0.2:
                m["breakdown"] = {"till arbete": rng.randint(1, 50), "till studier": rng.randint(1, 30)}
            if rng.random() < 0.1:
                m["note"] = "Uppgiften är preliminär."
            measurements.append(m)
        data["measurements"] = measurements
        r = rng.random()
        if r < 0.6:
            data["analyses"] = [{"date": D(f"{LAST_YEAR + 1}-02-{rng.randint(1, 28):02d}"), "by": coordinator,
                                 "text": "Utfallet har analyserats tillsammans med styrgruppen; ökningen beror främst på fler insatser under hösten."}]
        elif r < 0.8:
            data["analyses"] = [{"date": D(f"{start_year + 1}-03-15"), "by": steering,
                                 "text": "En första analys av utfallet har gjorts i styrgruppen."}]  # G106: stale
        org.add("indicators", "indicator", data)

    # Reporting requirement and its log (G301 shortfall, G302 content).
    req_from = D(f"{m1_adopted[:7]}")
    reports = []
    for year in range(m1_year, LAST_YEAR + 1):
        given = 2 if rng.random() < 0.85 else 1
        for half in range(given):
            day = org.day(year, 3 + 6 * half, 5 + 6 * half)
            covered = ["cooperation", "status"] + (["effects"] if rng.random() < 0.8 else [])
            reports.append({"date": day, "decision": org.decision(day), "by": coordinator, "covered": covered,
                            "source": {"document": f"Protokoll {day}", "section": Q(f"{rng.randint(4, 30)}")}})
            if rng.random() < 0.6:
                reports[-1]["summary"] = rng.choice(REPORT_SUMMARIES).format(name=p_name)
    org.add("reporting", "reporting-requirement", org.rec(
        kind="reporting-requirement", id=f"{pid}-aterrapportering", title=f"Återrapportering av {p_name}",
        programme=pid, reporter=coordinator, to=board, decided_in=m1, times_per_year=2, required_content=["status"],
        valid_from=req_from, reports=reports, frequency_text=(
            "Samordnaren får i uppdrag att återrapportera till styrelsen vid två tillfällen per år, om arbetets status, "
            "samverkan och, när det går att bedöma, insatsernas effekter."),
        source={"document": org.decision(m1_adopted), "section": Q("3"), "note": (
            "Av styrelsens protokoll framgår hur ofta återrapportering har skett. Rapporterna redovisar främst hur "
            "samverkan har fungerat; endast några av dem innehåller uppgifter om resultat och effekter.")},
    ))

    # Interventions, and the evaluation of them (G401, G402).
    interventions = []
    for spec_name, provider in rng.sample(INTERVENTIONS, rng.randint(2, 5)):
        iid = f"{pid}-{slugify(spec_name)}"
        interventions.append(iid)
        data = org.rec(kind="intervention", id=iid, name=spec_name, programme=pid, provider=provider,
                       description=f"{spec_name} erbjuds deltagare i {p_name} utifrån en individuell planering.")
        if rng.random() < 0.4:
            data["capacity"] = rng.randint(5, 60)
        if rng.random() < 0.75:
            data["participants"] = [{"period": D(str(y)), "count": rng.randint(3, 80)} for y in range(max(start_year, 2020), LAST_YEAR + 1)]
        data["follow_up"] = ("Insatsen följs upp var sjätte månad i samband med uppföljningen av den enskildes plan; "
                             "utfallet redovisas för styrgruppen en gång per år.")
        org.add("interventions", "intervention", data)
    evaluation = org.rec(kind="evaluation", id=f"{pid}-utvardering", title=f"Utvärdering av {p_name}", programme=pid,
                         subject=["effects", "cost-effectiveness"], interventions=interventions[:2], required=True,
                         required_by=[current])
    r = rng.random()
    if r < 0.5:
        evaluation.update(done=D(f"{rng.randint(max(start_year + 2, 2019), LAST_YEAR)}-{rng.randint(1, 12):02d}"),
                          by="Extern utvärderare",
                          result="Utvärderingen visar att fler deltagare går vidare till arbete eller studier, men att kostnadseffektiviteten inte kan bedömas.")
    elif r < 0.75:
        evaluation["planned"] = D(f"{rng.randint(2026, 2027)}-H{rng.randint(1, 2)}")
    elif r < 0.9:
        evaluation["planned"] = D(f"{rng.randint(2021, 2025)}-Q{rng.randint(1, 4)}")
    evaluation["note"] = (f"Utvärderingen av {p_name} ska omfatta insatsernas verkan för individen och deras "
                          "kostnadseffektivitet. Det finns i dag begränsad data över antal deltagare per insats, "
                          "vilket försvårar en bedömning av effekterna; förvaltningen har fått i uppdrag att ta fram "
                          "sådan data inför utvärderingen.")
    org.add("evaluations", "evaluation", evaluation)


def _day_before(day: str) -> D:
    from datetime import date, timedelta

    y, m, d = (int(x) for x in day.split("-"))
    return D((date(y, m, d) - timedelta(days=1)).isoformat())


def _audit(org: Org, year: int, n: int) -> list[OrgFile]:
    """An audit report, usually the board's response, and for older audits a follow-up."""
    rng = org.rng
    title, topic_slug, area, programme_topic = rng.choice(TOPICS)
    firm, firm_slug = FIRMS[(org.index + n // 4) % len(FIRMS)]
    report_id = f"{firm_slug}-{year}-{topic_slug}"
    if report_id in org.used_ids:
        report_id = f"{report_id}-{n}"
    folder = f"recommendations/{org.id}/{year}-{topic_slug}"
    if folder in org.used_ids:
        folder = f"{folder}-{n}"
    org.used_ids.add(folder)
    org.used_ids.add(report_id)
    addressee = org.board if rng.random() < 0.7 else org.committee
    board_word = "regionstyrelsen" if org.region else "kommunstyrelsen"
    if addressee == org.committee:
        board_word = "hälso- och sjukvårdsnämnden" if org.region else "socialnämnden"
    fmt = {"area": area, "board": board_word}
    report_date = org.day(year, 2, 11)
    auditors = [{"name": org.person(), "title": rng.choice(TITLES)} for _ in range(rng.randint(2, 3))]
    report = {"kind": "audit-report", "id": report_id, "organisation": org.id, "title": title, "audit_firm": firm,
              "auditors": auditors, "commissioned_by": f"{org.name.split(' (')[0]}s revisorer",
              "date": report_date, "audit_plan_year": year if rng.random() < 0.7 else year - 1,
              "addressees": [addressee]}
    if programme_topic and org.programmes and rng.random() < 0.7:
        report["programme"] = rng.choice(org.programmes)["id"]
    report["source"] = {"report": report_id, "section": Q("1")}
    report["purpose"] = (f"Syftet med granskningen har varit att bedöma om {board_word} säkerställer en ändamålsenlig "
                         f"styrning, uppföljning och kontroll av {area}. Granskningen omfattar perioden "
                         f"{year - 2}–{year}. " + rng.choice(PURPOSE_TAILS).format(**fmt))
    report["criteria"] = rng.sample(CRITERIA, rng.randint(2, 4))
    report["method"] = rng.sample(METHODS, rng.randint(2, 3))
    questions = []
    verdicts = []
    def assessment(sentences: int, tails: int) -> str:
        """Several findings and the auditors' comment on them, as a report's assessment reads."""
        bodies = rng.sample(ASSESSMENT_BODIES, sentences)
        return " ".join(f"{opener} {body.format(**fmt)}." for opener, body in
                        zip(rng.sample(ASSESSMENT_OPENERS, sentences), bodies)) + " " + " ".join(
            rng.sample(ASSESSMENT_TAILS, tails))

    for qn, text in enumerate(rng.sample(QUESTIONS, rng.randint(4, 6))):
        verdict = rng.choice(["yes", "partly", "partly", "no"])
        verdicts.append(verdict)
        question = {"id": f"q{qn + 1}", "text": text.format(**fmt), "section": Q(f"3.{qn + 1}"),
                    "assessment": assessment(rng.randint(2, 3), rng.randint(1, 3)),
                    "verdict": verdict}
        if rng.random() < 0.6:
            question["sub_questions"] = [
                {"id": f"q{qn + 1}-{sn + 1}", "text": sq, "section": Q(f"3.{qn + 1}.{sn + 1}"),
                 "assessment": assessment(rng.randint(1, 2), rng.randint(0, 1)),
                 "source": {"report": report_id, "section": Q(f"3.{qn + 1}.{sn + 1}")}}
                for sn, sq in enumerate(rng.sample(SUB_QUESTIONS, rng.randint(1, 2)))
            ]
        question["source"] = {"report": report_id, "section": Q(f"3.{qn + 1}"), "page": rng.randint(5, 30)}
        questions.append(question)
    report["questions"] = questions
    overall = "no" if verdicts.count("no") > 1 else ("yes" if set(verdicts) == {"yes"} else "partly")
    report["overall_verdict"] = {"grade": overall, "text": (
        f"Vår sammanfattande bedömning är att {board_word} {'i allt väsentligt' if overall == 'yes' else 'delvis' if overall == 'partly' else 'inte'} "
        f"säkerställer en ändamålsenlig styrning, uppföljning och kontroll av {area}. "
        + " ".join(rng.sample(OVERALL_TAILS, rng.randint(1, 2))))}
    recs = []
    for rn, text in enumerate(rng.sample(RECOMMENDATIONS, rng.randint(3, 6))):
        rec = {"id": f"{report_id}-r{rn + 1}", "text": text.format(**fmt), "section": Q(f"4.{rn + 1}"),
               "source": {"report": report_id, "section": Q("4")}}
        org.used_ids.add(rec["id"])
        recs.append(rec)
    report["recommendations"] = recs
    # The auditors' observations, each about a record the audit concerns and addressed by a recommendation (G501
    # while open; a follow-up grading that recommendation implemented closes it).
    subjects = [report["programme"]] if "programme" in report else [addressee, org.chief]
    observations = []
    # A programme's own records keep minutes, split responsibility and analyse figures, so observing that they
    # are missing would be contradicted by the data (G503): the auditors observe those of the board instead.
    bank = [o for o in OBSERVATIONS if "programme" not in report or o[0] not in PROGRAMME_HOLDS]
    for on, (category, text) in enumerate(rng.sample(bank, rng.randint(3, 6))):
        oid = f"{report_id}-o{on + 1}"
        org.used_ids.add(oid)
        section = Q(f"3.{rng.randint(1, len(questions))}")
        observations.append({"id": oid, "about": rng.choice(subjects), "category": category,
                             "text": text.format(**fmt), "section": section,
                             "recommendations": [rng.choice(recs)["id"]],
                             "source": {"report": report_id, "section": section}})
    report["observations"] = observations
    letter_date = D(f"{report_date[:8]}28")
    report["cover_letter"] = {
        "date": letter_date, "signed_by": [{"name": org.person(), "title": "Ordförande för revisorerna"}],
        "addressed_to": [org.presidium if rng.random() < 0.5 else addressee],
        "text": (f"Revisionsrapport ”{title}”. Revisorerna har granskat {area}. Granskningen har genomförts av "
                 f"{firm} på uppdrag av revisorerna och ingår i revisionsplanen för {report['audit_plan_year']}. "
                 f"Rapporten överlämnas till {board_word} för yttrande. Revisorerna önskar {board_word}s svar på "
                 f"rekommendationerna senast den angivna dagen, med en redogörelse för vilka åtgärder som avses "
                 f"vidtas och när de ska vara genomförda."),
    }
    due = D(f"{year}-{min(int(report_date[5:7]) + 3, 12):02d}-30")
    report["response_request"] = {"requested_on": letter_date, "requested_from": [addressee], "due": due,
                                  "text": f"Revisorerna begär {board_word}s svar på rekommendationerna.",
                                  "source": {"report": report_id, "section": Q("missiv"),
                                             "note": "Missivet anger den dag då svaret senast ska lämnas."}}
    files = [OrgFile(f"{folder}/report.yaml", "audit-report", report)]

    responded = rng.random() < (0.92 if year < LAST_YEAR else 0.6)
    if responded:
        response_date = org.day(year, min(int(report_date[5:7]) + 1, 12), min(int(report_date[5:7]) + 3, 12))
        response_id = f"svar-{report_id}"
        org.used_ids.add(response_id)
        actions = []
        skipped = rng.random() < 0.05  # R102 for a recommendation with no action
        for rec in recs[:-1] if skipped else recs:
            for an in range(1 if rng.random() < 0.75 else 2):
                aid = f"{rec['id']}-a{an + 1}"
                org.used_ids.add(aid)
                action = {"id": aid, "recommendations": [rec["id"]], "text": rng.choice(ACTIONS).format(**fmt)}
                owner_pool = [org.chief, org.director] + [r for r, since in org.programme_roles if since < year]
                owner = rng.choice(owner_pool)
                if rng.random() >= 0.03:
                    action["owner"] = owner  # else R103
                due_year = min(year + rng.randint(0, 2), LAST_YEAR + 1)
                action_due = D(f"{due_year}-{rng.choice(['03-31', '06-30', '09-30', '12-31'])}")
                if rng.random() >= 0.02:
                    action["due"] = action_due  # else R103
                if action_due < AS_OF and rng.random() < 0.88:
                    action["status"] = "done"
                    done_day = D(f"{action_due[:4]}-{rng.randint(1, int(action_due[5:7])):02d}-{rng.randint(1, 28):02d}")
                    # Not before the board answered (R108 would rightly call that impossible); the draw is kept
                    # so that the rest of the corpus stays as it was.
                    done_day = max(done_day, response_date)
                    if rng.random() < 0.94:
                        action["evidence"] = [org.decision(done_day)]
                    if rng.random() < 0.95:
                        action["done"] = done_day
                else:
                    action["status"] = rng.choice(["planned", "in-progress", "in-progress"])  # overdue when past due
                actions.append(action)
        response = {"kind": "response", "id": response_id, "organisation": org.id, "report": report_id,
                    "decided_by": addressee, "date": response_date,
                    "decision": org.decision(response_date, "KS" if addressee == org.board and not org.region else
                                             ("RS" if addressee == org.board else "SN")),
                    "text": (f"{board_word.capitalize()} delar revisorernas bedömning i huvudsak och redovisar nedan de "
                             f"åtgärder som vidtas med anledning av rekommendationerna om {area}."),
                    "actions": actions}
        files.append(OrgFile(f"{folder}/response.yaml", "response", response))

    if year <= LAST_YEAR - 2 and rng.random() < 0.75:
        f_year = year + 2
        assessments = []
        for rec in recs if rng.random() < 0.9 else recs[:-1]:  # R106 when one is left out
            assessments.append({"recommendation": rec["id"],
                                "status": rng.choice(["implemented", "implemented", "partly-implemented", "not-implemented"]),
                                "comment": rng.choice([
                                    "Åtgärder har vidtagits och dokumenterats.",
                                    "Arbete pågår men är inte slutfört.",
                                    "Vi har inte kunnat se att några åtgärder har vidtagits.",
                                    "Rutinen är beslutad men ännu inte implementerad i hela verksamheten."])})
        follow_id = f"uppfoljning-{report_id}"
        org.used_ids.add(follow_id)
        files.append(OrgFile(f"{folder}/follow-up-{f_year}.yaml", "follow-up", {
            "kind": "follow-up", "id": follow_id, "organisation": org.id, "report": report_id,
            "date": org.day(f_year, 9, 11), "assessor": f"{firm} på uppdrag av revisorerna", "assessments": assessments,
        }))
    return files


# --------------------------------------------------------------------------- the corpus


def plan(seed: int, files: int) -> list[list[OrgFile]]:
    """Organisations until exactly `files` files: the last one is trimmed or padded with audits."""
    out: list[list[OrgFile]] = []
    remaining = files
    index = 0
    while remaining > 0:
        org = build_org(seed, index)
        org_files = org.base + [f for group in org.audits for f in group]
        next_base = len(build_org(seed, index + 1).base)
        if remaining - len(org_files) >= next_base:
            out.append(org_files)
            remaining -= len(org_files)
            index += 1
            continue
        if remaining < len(org.base):
            raise SystemExit(f"--files must be at least {files - remaining + len(org.base)} for this seed")
        groups = list(org.audits)
        while sum(len(g) for g in groups) < remaining - len(org.base):
            groups.append(extra_audit(org))
        tail = [f for group in groups for f in group][: remaining - len(org.base)]
        out.append(org.base + tail)
        remaining = 0
    return out


# --------------------------------------------------------------------------- planted data errors

ERROR_EVERY, ERROR_AT = 10, 3
"""Every tenth organisation (index 3, 13, 23, ...) carries data errors, as a repository being brought in does:
about 1.3 % of the files, so the careful path (the loader's second reading, error findings with suggestions,
gaps held back) is measured too."""

PLANTED = {
    "yaml-syntax": ({"Y001": 1}, "a follow-up's text has ': ' in an unquoted value"),
    "yaml-syntax-report": ({"Y001": 1}, "an audit report's title has ': ' in an unquoted value; each reference "
                           "to its recommendations (the response's actions, follow-ups) is then an X001 with "
                           "did-you-mean suggestions"),
    "impossible-date": ({"S004": 1}, "a response is dated 30 February"),
    "wrong-type": ({"S004": 1}, "an intervention's capacity is words, not a number"),
    "unknown-key": ({"S003": 1}, "a programme's body has a key the schema does not know (ordforande)"),
    "unresolved-reference": ({"X001": 1}, "a response's action owner is a misspelt role (did-you-mean)"),
    "duplicate-id": ({"X002": 1}, "a governing document has the id of the programme's process plan"),
}
"""Each sort of planted error: the data findings it gives (`auditrack check`), and what it is."""
HELD_BACK = {"X003": 1}
"""Per organisation with errors: one X003 says its gaps are held back."""


def _colon_in_plain(text: str, key: str) -> str | None:
    """`key: value` with ': ' put into the plain value: a YAML syntax error ('mapping values are not allowed')."""
    match = re.search(rf"^{key}: ([^\"'>\n]+)$", text, re.M)
    if match is None or ": " in match.group(1):
        return None
    words = match.group(1).split(" ", 1)
    if len(words) < 2:
        return None
    return text[: match.start(1)] + f"{words[0]}: {words[1]}" + text[match.end(1):]


def plant_errors(index: int, files: list[OrgFile], texts: dict[str, str]) -> list[dict]:
    """Plant the errors of organisation `index` (if it is one that carries them): change `texts` (path -> file
    text) in place and return what was planted. Each change is made to the first file that fits, so the same
    organisation always gets the same errors; a sort with no fitting file (a trimmed last organisation) is left
    out."""
    if index % ERROR_EVERY != ERROR_AT:
        return []
    planted: list[dict] = []
    by_kind: dict[str, list[OrgFile]] = {}
    for f in files:
        by_kind.setdefault(f.kind, []).append(f)

    def record(sort: str, f: OrgFile, text: str, findings: dict[str, int] | None = None) -> None:
        texts[f.path] = text
        planted.append({"path": f.path, "kind": f.kind, "sort": sort, "findings": findings or PLANTED[sort][0]})

    # The last report: its record is then missing, and each reference to one of its recommendations (its
    # response's actions, its follow-up's assessments, all in its folder) is an unknown reference with
    # suggestions. The other errors go to files outside its folder, so that those references are all read.
    report_folder = None
    for f in by_kind.get("audit-report", [])[-1:]:
        text = _colon_in_plain(texts[f.path], "title")
        if text:
            report_folder = f.path.rsplit("/", 1)[0]
            ids = {rec["id"] for rec in f.data["recommendations"]}
            refs = sum(len(ids.intersection(action["recommendations"])) for other in by_kind.get("response", [])
                       for action in other.data["actions"])
            refs += sum(a["recommendation"] in ids for other in by_kind.get("follow-up", [])
                        for a in other.data["assessments"])
            record("yaml-syntax-report", f, text, {"Y001": 1, **({"X001": refs} if refs else {})})
    elsewhere = {kind: [f for f in group if f.path.rsplit("/", 1)[0] != report_folder] for kind, group in by_kind.items()}
    for f in elsewhere.get("follow-up", [])[:1]:
        text = _colon_in_plain(texts[f.path], "assessor")
        if text:
            record("yaml-syntax", f, text)
    for f in by_kind.get("intervention", [])[:1]:
        text = texts[f.path]
        line = f"capacity: cirka {f.data.get('capacity', 20)} platser\n"
        text = re.sub(r"^capacity: .*\n", line, text, flags=re.M) if "\ncapacity: " in text else \
            text.replace("\nfollow_up:", "\n" + line.rstrip("\n") + "\nfollow_up:", 1)
        record("wrong-type", f, text)
    for f in [b for b in by_kind.get("body", []) if "programme" in b.data][:1]:
        record("unknown-key", f, texts[f.path].replace("\nduties:", "\nordforande: Anna Svensson\nduties:", 1))
    misspelt = None
    for f in elsewhere.get("response", []):
        owner = re.search(r"^    owner: (\S+)$", texts[f.path], re.M)
        if owner:
            text = texts[f.path]
            record("unresolved-reference", f, text[: owner.start(1)] + owner.group(1) + "en" + text[owner.end(1):])
            misspelt = f
            break
    for f in [r for r in elsewhere.get("response", []) if r is not misspelt][:1]:
        text = texts[f.path]
        record("impossible-date", f, re.sub(r"^date: (\d{4})-\d\d-\d\d$", r"date: \1-02-30", text, count=1, flags=re.M))
    plans = {f.data["id"] for f in by_kind.get("document", []) if f.data.get("type") == "process-plan"}
    for f in [d for d in by_kind.get("document", []) if d.data.get("type") != "process-plan"][:1]:
        if plans:
            text = texts[f.path]
            record("duplicate-id", f, re.sub(r"^id: .*$", f"id: {sorted(plans)[0]}", text, count=1, flags=re.M))
    return planted


def expected_findings(planted: list[dict]) -> dict[str, int]:
    """The data findings `auditrack check` must give for the planted errors, by code."""
    counts: dict[str, int] = {}
    for entry in planted:
        for code, n in entry["findings"].items():
            counts[code] = counts.get(code, 0) + n
    organisations = {entry["path"].split("/")[1] for entry in planted}
    for code, n in HELD_BACK.items():
        if organisations:
            counts[code] = counts.get(code, 0) + n * len(organisations)
    return dict(sorted(counts.items()))


def write_corpus(out: Path, files: int, seed: int) -> dict:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    orgs = plan(seed, files)
    total_bytes = 0
    count = 0
    paths = [f.path for org_files in orgs for f in org_files]
    assert len(set(paths)) == len(paths) == files, "two records were planned into the same file"
    planted: list[dict] = []
    for index, org_files in enumerate(orgs):
        texts = {}
        for f in org_files:
            depth = f.path.count("/")
            header = f"# yaml-language-server: $schema={'../' * depth}schemas/{f.kind}.json\n"
            texts[f.path] = header + "\n".join(emit(f.data)) + "\n"
        planted.extend(plant_errors(index, org_files, texts))
        for f in org_files:
            text = texts[f.path]
            target = out / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            raw = text.encode("utf-8")
            target.write_bytes(raw)
            total_bytes += len(raw)
            count += 1
    (out / "auditrack.yaml").write_text(
        "# Benchmark corpus: a fixed date, so the findings do not change with the calendar.\n"
        f"as_of: {AS_OF}\n"
        "# A national view has more than the default 10,000 findings; report them all, so that every size does the\n"
        "# same work per finding (and no X004 stands in for the rest).\n"
        "limits: {max_findings: 100000}\n", encoding="utf-8")
    schema_source = write_schemas(out / "schemas")
    info = {"generator": GENERATOR_VERSION, "seed": seed, "files": count, "organisations": len(orgs),
            "bytes": total_bytes, "as_of": AS_OF, "schemas": schema_source,
            "data_findings": expected_findings(planted), "planted": planted}
    (out / "corpus.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def write_schemas(target: Path) -> str:
    """The JSON Schemas the files point at: the repository's exported ones if present, else from the models."""
    repo_schemas = Path(__file__).resolve().parent.parent / "schemas"
    from auditrack.models import FILE_KINDS

    target.mkdir(parents=True, exist_ok=True)
    if all((repo_schemas / f"{kind}.json").is_file() for kind in FILE_KINDS):
        for kind in FILE_KINDS:
            shutil.copyfile(repo_schemas / f"{kind}.json", target / f"{kind}.json")
        return "repository schemas/"
    for kind, model in FILE_KINDS.items():
        (target / f"{kind}.json").write_text(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    return "model_json_schema()"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="exact number of data files (default 1000)")
    parser.add_argument("--out", type=Path, help="output folder (default benchmarks/corpus-FILES); replaced if it exists")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent / f"corpus-{args.files}"
    info = write_corpus(out, args.files, args.seed)
    print(f"{out}: {info['files']} files, {info['organisations']} organisations, "
          f"{info['bytes'] / 1e6:.1f} MB, schemas from {info['schemas']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
