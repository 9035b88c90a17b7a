"""Messages in Swedish: every finding's message and hint, with `--lang sv` or `lang: sv`.

On the repository's own seed data every finding must read in Swedish; a handful of representative
findings (one per rule module, and the common data errors) are pinned word for word so a change of
wording is a deliberate one. The English texts are tested elsewhere and must not change.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from auditrack.config import Config
from auditrack.engine import run_check
from auditrack.findings import localize
from rulekit import ROLE, write_repo

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "src" / "auditrack" / "rules"
SEED_AS_OF = "2026-11-24"

# A rough guard: common English words that have no business in a Swedish message or hint.
ENGLISH = (" the ", " has no ", " is not ", " was ", " with ", " should ", " must ", " does not ", " cannot ",
           " no longer ", " has been ")


def english_in(text: str | None) -> list[str]:
    padded = f" {text or ''} ".lower()
    return [w.strip() for w in ENGLISH if w in padded]


def run_json(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "auditrack", "check", *args, "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1, 3), done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def seed():
    """The seed data's findings, checked once in English and once in Swedish."""
    en = run_json(str(ROOT), "--lang", "en", "--as-of", SEED_AS_OF)["findings"]
    sv = run_json(str(ROOT), "--lang", "sv", "--as-of", SEED_AS_OF)["findings"]
    return en, sv


def by_place(findings: list[dict]) -> dict[tuple, list[dict]]:
    grouped = defaultdict(list)
    for f in findings:
        grouped[(f["code"], f["file"], f["line"])].append(f)
    return grouped


def swedish(root: Path, as_of: date) -> list:
    """Every finding of a real check on `root`, in Swedish."""
    return localize(run_check(root, Config(), as_of).findings, "sv")


def only(findings: list, code: str):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in findings]
    return found[0]


# --------------------------------------------------------------------------- the seed data


def test_every_seed_finding_is_in_swedish(seed):
    en, sv = seed
    assert en and len(en) == len(sv)
    en_at, sv_at = by_place(en), by_place(sv)
    assert en_at.keys() == sv_at.keys()
    for place, english in en_at.items():
        svenska = sv_at[place]
        assert len(english) == len(svenska), place
        assert not {f["message"] for f in english} & {f["message"] for f in svenska}, place
        english_hints = {f["hint"] for f in english if f["hint"]}
        assert not english_hints & {f["hint"] for f in svenska}, place


def test_no_english_words_in_the_swedish_seed_findings(seed):
    _, sv = seed
    leaks = [(f["code"], text, english_in(text)) for f in sv for text in (f["message"], f["hint"]) if english_in(text)]
    assert not leaks


def test_swedish_does_not_change_the_english(seed):
    en, _ = seed
    g104 = next(f for f in en if f["code"] == "G104")
    assert g104["message"] == ("the goal 'ekonomiskt-mal' only states a direction (decrease) with no target value: "
                               "by how much, and by when?")


@pytest.mark.parametrize(("code", "subject", "message", "hint"), [
    (  # goals, with the direction in Swedish
        "G104", "ekonomiskt-mal",
        "målet 'ekonomiskt-mal' anger bara en riktning (ska minska) men inget målvärde: "
        "med hur mycket, och till när?",
        "Lägg till målvärden under `targets:`, med värde, enhet och period.",
    ),
    (  # mandates
        "G203", "ordforande-samverkan",
        "rollen 'Ordförande i samverkansarbetet' är obesatt per 2026-11-24; den senaste innehavarens förordnande "
        "gick ut 2022-03-31",
        "Registrera under `holders:` vem som har rollen nu, med `from:` och `appointed_by:`.",
    ),
    (  # evaluation
        "G402", "praktik",
        "det finns inga uppgifter om antalet deltagare i insatsen 'Praktik'",
        "Registrera antalet deltagare per period (participants: [{period: ..., count: ...}]).",
    ),
    (  # life cycle: the deadline counted from a request that set no date
        "R101", "kpmg-2023-sjalvforsorjning",
        "inget svar på 'Granskning av arbetet med självförsörjning' från Kommunfullmäktiges presidium (kf-presidium) "
        "är registrerat; organet ombads svara 2023-04-20 och svaret skulle ha lämnats senast 2023-07-19 (90 dagar "
        "efter begäran, eftersom begäran inte angav något datum)",
        "Registrera organets antagna svar (kind: response, decided_by: organet) med beslutsparagraf och åtgärder.",
    ),
])
def test_seed_findings_in_swedish(seed, code, subject, message, hint):
    _, sv = seed
    found = [f for f in sv if f["code"] == code and f["subject"] == subject]
    assert found, [f["subject"] for f in sv if f["code"] == code]
    assert found[0]["message"] == message
    assert found[0]["hint"] == hint


def test_seed_report_content_in_swedish(seed):
    """Reporting: the report content (effects, cooperation …) is named in Swedish, listed as Swedish lists it."""
    _, sv = seed
    messages = [f["message"] for f in sv if f["code"] == "G302"]
    assert ("rapporten från 2020-04-21 enligt 'Återrapportering till kommunstyrelsen om samverkansmodellen' tar inte "
            "upp effekter (den tog upp lägesbeskrivning, samverkan och organisation)") in messages
    counts = [f["message"] for f in sv if f["code"] == "G301"]
    # Every year with too few reports is one finding that lists them (rules.reporting, G301).
    assert counts == ["enligt 'Återrapportering till kommunstyrelsen om samverkansmodellen' ska Kommunstyrelsen få 2 "
                      "rapporter per år; under 5 år lämnades färre: 2021 (1 av 2), 2022 (0 av 2), 2023 (0 av 2), "
                      "2024 (0 av 2) och 2025 (0 av 2)"]


def test_lang_in_the_configuration(tmp_path):
    write_repo(tmp_path, {"governance/exempel/goals/mal.yaml": GOAL_WITH_DIRECTION})
    (tmp_path / "auditrack.yaml").write_text("lang: sv\n", encoding="utf-8")
    [finding] = [f for f in run_json(str(tmp_path), "--as-of", "2022-04-01")["findings"] if f["code"] == "G104"]
    assert finding["message"].startswith("målet 'minskat-bistand' anger bara en riktning (ska minska)")


# --------------------------------------------------------------------------- rules on small repositories

GOAL_WITH_DIRECTION = """\
kind: goal
organisation: exempel
id: minskat-bistand
level: sub-goal
text: Försörjningsstödet ska minska.
direction: decrease
"""


def test_goal_not_measurable(tmp_path):
    write_repo(tmp_path, {"governance/exempel/goals/mal.yaml": """\
        kind: goal
        organisation: exempel
        id: fler-i-arbete
        level: sub-goal
        text: Fler ska gå till arbete.
        """})
    finding = only(swedish(tmp_path, date(2022, 4, 1)), "G102")
    assert finding.message == ("målet 'fler-i-arbete' är inte mätbart: det saknar nyckeltal, målvärde, enhet "
                               "och tidpunkt")


def test_body_type_in_swedish(tmp_path):
    write_repo(tmp_path, {"governance/exempel/bodies/grupp.yaml": """\
        kind: body
        organisation: exempel
        id: samordning
        name: Samordningsträffar
        type: work-group
        standing: true
        minutes: {kept: false}
        """})
    finding = only(swedish(tmp_path, date(2022, 4, 1)), "G205")
    assert finding.message == ("organet 'Samordningsträffar' (arbetsgrupp) för varken protokoll eller "
                               "minnesanteckningar, så dess beslut går inte att spåra")
    assert finding.hint.startswith("Besluta att organet ska föra protokoll eller minnesanteckningar")


def test_mandate_about_to_lapse(tmp_path):
    write_repo(tmp_path, {"governance/exempel/mandates/uppdrag.yaml": """\
        kind: mandate
        organisation: exempel
        id: uppdrag-2021
        title: Uppdragsbeskrivning 2021
        type: mandate-description
        adopted: 2021-08-30
        valid_until: 2022-03-31
        regulates: [roles, bodies]
        """})
    finding = only(swedish(tmp_path, date(2022, 3, 30)), "G201")
    assert finding.message == ("uppdraget 'Uppdragsbeskrivning 2021' upphör 2022-03-31 (om 1 dag) utan efterföljare; "
                               "därefter reglerar inget roller, organ och grupper")


ACTIONS = """\
kind: response
organisation: exempel
id: svar-2022
report: granskning-2022
decided_by: ks
date: 2022-05-17
actions:
  - id: a1
    text: Ta fram en processplan.
    recommendations: [granskning-2022-r1]
  - id: a2
    text: Följ upp målen.
    recommendations: [granskning-2022-r1]
    owner: socialchef
    due: 2022-06-30
    status: in-progress
"""

REPORT = """\
kind: audit-report
organisation: exempel
id: granskning-2022
title: Granskning av målstyrning
audit_firm: KPMG AB
date: 2022-03-15
audit_plan_year: 2022
addressees: [ks]
purpose: Att granska styrningen.
recommendations:
  - {id: granskning-2022-r1, text: Bryt ned målen.}
"""

BOARD = """\
kind: body
organisation: exempel
id: ks
name: Kommunstyrelsen
type: board
standing: true
"""


def test_actions_in_swedish(tmp_path):
    write_repo(tmp_path, {
        "governance/exempel/bodies/ks.yaml": BOARD,
        "governance/exempel/roles/socialchef.yaml": ROLE,
        "recommendations/exempel/2022/report.yaml": REPORT,
        "recommendations/exempel/2022/response.yaml": ACTIONS,
    })
    found = swedish(tmp_path, date(2022, 7, 10))
    r103 = only(found, "R103")
    assert r103.message == "åtgärden 'a1' saknar ansvarig och datum för när den ska vara klar"
    assert r103.hint == "Lägg till owner: (id för en roll) och due: (ÅÅÅÅ-MM-DD)."
    r104 = only(found, "R104")
    assert r104.message == ("åtgärden 'a2' skulle ha varit klar 2022-06-30 men har fortfarande status pågår "
                            "(10 dagar försenad)")


def test_waivers_in_swedish(tmp_path):
    waivers = """\
waivers:
  - {rule: G104, reason: Beslut väntar., approved_by: ks, expires: 2022-03-31}
  - {rule: G105, reason: Gäller inte., approved_by: ks, expires: 2030-12-31}
"""
    write_repo(tmp_path, {
        "governance/exempel/bodies/ks.yaml": BOARD,
        "governance/exempel/goals/mal.yaml": GOAL_WITH_DIRECTION + waivers,
    })
    found = swedish(tmp_path, date(2022, 4, 1))
    assert only(found, "W001").message == ("undantaget från G104 för 'minskat-bistand' gick ut 2022-03-31; "
                                           "regeln gäller igen")
    assert only(found, "W002").message == ("undantaget från G105 för 'minskat-bistand' används inte: "
                                           "regeln hittar ingenting här")


def test_every_rule_hit_has_swedish():
    """Each ctx.hit(...) in the rule modules passes sv= and sv_hint=, so no rule speaks English to a Swedish reader."""
    missing = []
    for path in sorted(RULES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "hit":
                given = {k.arg for k in node.keywords}
                if not {"sv", "sv_hint"} <= given:
                    missing.append(f"{path.name}:{node.lineno}")
    assert not missing


# --------------------------------------------------------------------------- data errors


def test_schema_errors_in_swedish(tmp_path):
    write_repo(tmp_path, {
        "governance/exempel/goals/utan-text.yaml": "kind: goal\norganisation: exempel\nid: utan-text\n",
        "governance/exempel/goals/stavfel.yaml": (
            "kind: goal\norganisation: exempel\nid: stavfel\ntext: Ett mål.\nindikator: n1\n"),
        "governance/exempel/bodies/datum.yaml": (
            "kind: body\norganisation: exempel\nid: grupp\nname: Grupp\ntype: work-group\nactive_from: 2022-13-01\n"),
    })
    found = swedish(tmp_path, date(2022, 4, 1))
    s002 = only(found, "S002")
    assert s002.message == "det obligatoriska fältet 'text' saknas"
    assert s002.hint == "Lägg till `text:` och fältets värde."
    s003 = only(found, "S003")
    assert s003.message == "okänt fält 'indikator'; menade du 'indicator'?"
    assert s003.hint.startswith("Tillåtna fält här: ")
    s004 = only(found, "S004")
    assert s004.message == ("fältet 'active_from': '2022-13-01' är inte ett giltigt datum: skriv ÅÅÅÅ-MM-DD "
                            "(2022-03-31), eller bara ÅÅÅÅ-MM, ÅÅÅÅ-Qn, ÅÅÅÅ-Hn eller ÅÅÅÅ när källan "
                            "inte anger mer")
    assert s004.hint == "Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2022-03-31."
    for f in found:
        assert not english_in(f.message) and not english_in(f.hint), (f.code, f.message, f.hint)


RESPONSE_2022 = """\
        kind: response
        organisation: exempel
        id: svar
        report: granskning-2022
        decided_by: ks
        date: 2022-05-17
"""


def test_nested_path_and_allowed_values_in_swedish(tmp_path):
    write_repo(tmp_path, {"recommendations/exempel/2022/response.yaml": RESPONSE_2022 + """\
        actions:
          - {id: a1, text: Gör något., status: klar}
        """})
    s004 = only(swedish(tmp_path, date(2022, 6, 1)), "S004")
    # each value with the Swedish word the reports use for it
    assert s004.message == ("fältet 'actions › punkt 1 › status': 'klar' är inte ett av de tillåtna värdena: "
                            "planned (planerad), in-progress (pågår), done (genomförd) eller cancelled (avbruten)")


def test_a_value_written_as_its_swedish_word_is_pointed_to_the_value(tmp_path):
    write_repo(tmp_path, {"recommendations/exempel/2022/response.yaml": RESPONSE_2022 + """\
        positions:
          - {recommendation: granskning-r1, stance: Instämmer}
        """})
    s004 = only(swedish(tmp_path, date(2022, 6, 1)), "S004")
    assert s004.message == ("fältet 'positions › punkt 1 › stance': 'Instämmer' är inte ett av de tillåtna värdena: "
                            "agree (instämmer), partly (instämmer delvis) eller disagree (instämmer inte); för "
                            "'Instämmer' skriver man 'agree'")


def test_unknown_reference_in_swedish(tmp_path):
    write_repo(tmp_path, {
        "governance/exempel/bodies/ks.yaml": BOARD,
        "recommendations/exempel/2022/report.yaml": REPORT.replace("addressees: [ks]", "addressees: [kss]"),
    })
    x001 = only(swedish(tmp_path, date(2022, 3, 20)), "X001")
    assert x001.message == "'kss' finns inte som organ i organisationen 'exempel'; menade du 'ks'?"
    assert x001.hint == ("Ange id för en befintlig post av typen organ, eller lägg till en ny: "
                         "governance/exempel/bodies/kss.yaml (kind: body).")


def test_duplicate_key_in_swedish(tmp_path):
    write_repo(tmp_path, {"governance/exempel/bodies/ks.yaml": BOARD + "name: Kommunstyrelsen igen\n"})
    y002 = only(swedish(tmp_path, date(2022, 3, 20)), "Y002")
    assert y002.message == ("nyckeln 'name' står två gånger på samma nivå (första gången på rad 4); "
                            "YAML skulle utan varning behålla bara det sista värdet")
    assert y002.hint == "Behåll en av de två raderna och ta bort den andra."


def test_yaml_syntax_error_in_swedish(tmp_path):
    """The common mistakes are explained in Swedish; where the guess could be wrong, libyaml's own words follow."""
    write_repo(tmp_path, {
        "governance/exempel/goals/indrag.yaml": "kind: goal\nid: x\n  text: fel indrag\n",
        "governance/exempel/goals/citat.yaml": 'kind: goal\ntext: "inget slut\n',
    })
    found = {f.location.file.rsplit("/", 1)[-1]: f for f in swedish(tmp_path, date(2022, 3, 20)) if f.code == "Y001"}
    assert found["indrag.yaml"].message == (
        "syntaxfel i YAML: 'text' är indraget längre än 'id' på rad 2, så YAML läser det som en del av värdet i 'id' "
        "(YAML-läsaren säger: mapping values are not allowed in this context)")
    assert found["citat.yaml"].message == "syntaxfel i YAML: texten inom citattecken har inget avslutande citattecken"
    assert found["citat.yaml"].hint == ("Kontrollera indraget (mellanslag, inte tabbar) och att text som innehåller "
                                        "': ' eller '#' står inom citattecken.")


def test_file_level_errors_in_swedish(tmp_path):
    write_repo(tmp_path, {
        "governance/exempel/tom.yaml": "# bara en kommentar\n",
        "governance/exempel/lista.yaml": "- a\n- b\n",
        "governance/exempel/okand.yaml": "kind: goall\nid: x\n",
    })
    found = {f.location.file.rsplit("/", 1)[-1]: f for f in swedish(tmp_path, date(2022, 3, 20))}
    assert found["tom.yaml"].message == "filen är tom: den innehåller inga uppgifter"
    assert found["lista.yaml"].message == ("filen innehåller en lista, men en datafil ska bestå av fält "
                                           "(`kind: ...` och så vidare)")
    assert found["okand.yaml"].message == "`kind:` har ett okänt värde, 'goall'; menade du 'goal'?"
    for f in found.values():
        assert not english_in(f.message) and not english_in(f.hint), (f.code, f.message, f.hint)


def test_the_summary_line_in_swedish():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-m", "auditrack", "check", str(root), "--lang", "sv", "--as-of", "2022-03-15",
                           "--format", "text"], capture_output=True, text=True, timeout=60)
    last = done.stdout.splitlines()[-1]
    assert last.endswith(" (per 2022-03-15)") and " varningar, " in last and " i " in last
