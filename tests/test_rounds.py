"""Follow-up rounds and the report's own verdict words (issue 14, items 6 and 7), on the hand-written repository
tests/rounds/: one follow-up round (no `report:`) grades recommendations of three earlier audits with all six
grades; the reports give verdicts in their own words, two of which auditrack.yaml maps to the scale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_process

ROUNDS = Path(__file__).parent / "rounds"
AS_OF = "2023-12-31"
BISTAND = "recommendations/sjoby/2021-bistand/report.yaml"
ROUND = "recommendations/sjoby/uppfoljning-2023/follow-up.yaml"


@pytest.fixture
def rounds(tmp_path) -> Path:
    shutil.copytree(ROUNDS, tmp_path / "rounds")
    return tmp_path / "rounds"


def edit(root: Path, relpath: str, old: str, new: str) -> None:
    path = root / relpath
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def check(root: Path, *args: str):
    return run_process("check", str(root), "--format", "json", "--as-of", AS_OF, *args)


def located(run) -> list[tuple]:
    return [(f["code"], f["severity"], f["file"], f["line"], f["column"], f["message"]) for f in run.findings]


def follow_up(root: Path, *args: str):
    return run_process("report", "follow-up", str(root), "--as-of", AS_OF, *args)


def body(text: str) -> str:
    """The report below its scope line (which names the as-of date), and below the comment that says how it was
    made."""
    parts = text.split("\n\n")
    scope = next(i for i, part in enumerate(parts) if part.startswith(("As of ", "Läget per ")))
    return "\n\n".join(parts[scope + 1:])


# --------------------------------------------------------------------------- item 6: follow-up rounds


def test_a_round_over_three_reports_checks_clean():
    # Every recommendation of the two dated reports is graded by the round, so no R106, although the round
    # names no report; before rounds, `report:` was required (S002) and R106 counted only its own report.
    run = check(ROUNDS)
    assert (run.code, run.findings) == (0, [])


ROUND_EN = """\
Grading scale: 🟢 Implemented · 🟡 Partly implemented · 🔴 Not implemented · ⚪ Not assessed · ➖ No longer relevant · ⛔ Not agreed.

## Sjöby kommun

### Follow-up round uppfoljning-2023: 2023-11-20, assessed by Revisionsbyrån AB på uppdrag av revisorerna

#### Granskning av lokalförsörjning

Audit firm not stated, date not stated. The recommendations are addressed to Kommunstyrelsen.

| Id | Recommendation | Assessment | Comment |
| --- | --- | --- | --- |
| `lokal-r1` | Ta fram en lokalförsörjningsplan. | ⚪ Not assessed |  |
| `lokal-r2` | Inrätta en lokalstrateg i förvaltningen. | ⛔ Not agreed<br>Kommunstyrelsen disagrees: Lokalfrågorna samordnas redan av fastighetschefen. |  |

#### Granskning av ekonomiskt bistånd

Revisionsbyrån AB, 2021-04-12. The recommendations are addressed to Socialnämnden. Overall assessment: fulfilled (in the report's words: “i huvudsak”).

The revision questions and the auditors' answers to them:

- Har nämnden mätbara mål för arbetet med ekonomiskt bistånd? – partly fulfilled (in the report's words: “kan förbättras”)
- Följer nämnden upp utbetalningarna? – fulfilled (in the report's words: “i huvudsak”)

| Id | Recommendation | Assessment | Comment |
| --- | --- | --- | --- |
| `bistand-r1` | Ta fram mätbara mål för arbetet med ekonomiskt bistånd. | 🟢 Implemented |  |
| `bistand-r2` | Analysera orsakerna till att biståndet ökar. | 🟡 Partly implemented | Orsakerna analyseras, men analysen används inte i budgeten. |

#### Granskning av upphandling

Revisionsbyrån AB, 2021-10. The recommendations are addressed to Kommunstyrelsen. Overall assessment: partly fulfilled (in the report's words: “gul”).

| Id | Recommendation | Assessment | Comment |
| --- | --- | --- | --- |
| `upph-r1` | Inför en avtalsdatabas med uppföljning av avtalstiderna. | 🔴 Not implemented |  |
| `upph-r2` | Samordna upphandlingarna i upphandlingsenheten. | ➖ No longer relevant | Upphandlingen sköts sedan 2022 av en gemensam nämnd. |
"""

ROUND_SV = """\
Bedömningsskala: 🟢 Åtgärdad · 🟡 Delvis åtgärdad · 🔴 Ej åtgärdad · ⚪ Ej bedömd · ➖ Ej längre aktuell · ⛔ Ej accepterad.

## Sjöby kommun

### Uppföljningsomgång uppfoljning-2023: 2023-11-20, bedömd av Revisionsbyrån AB på uppdrag av revisorerna

#### Granskning av lokalförsörjning

Revisionsbyrå: uppgift saknas, datum: uppgift saknas. Rekommendationerna riktas till Kommunstyrelsen.

| Id | Rekommendation | Bedömning | Kommentar |
| --- | --- | --- | --- |
| `lokal-r1` | Ta fram en lokalförsörjningsplan. | ⚪ Ej bedömd |  |
| `lokal-r2` | Inrätta en lokalstrateg i förvaltningen. | ⛔ Ej accepterad<br>Kommunstyrelsen instämmer inte: Lokalfrågorna samordnas redan av fastighetschefen. |  |

#### Granskning av ekonomiskt bistånd

Revisionsbyrån AB, 2021-04-12. Rekommendationerna riktas till Socialnämnden. Sammanfattande bedömning: ja (med rapportens ord: ”i huvudsak”).

Revisionsfrågorna och revisorernas svar på dem:

- Har nämnden mätbara mål för arbetet med ekonomiskt bistånd? – till viss del (med rapportens ord: ”kan förbättras”)
- Följer nämnden upp utbetalningarna? – ja (med rapportens ord: ”i huvudsak”)

| Id | Rekommendation | Bedömning | Kommentar |
| --- | --- | --- | --- |
| `bistand-r1` | Ta fram mätbara mål för arbetet med ekonomiskt bistånd. | 🟢 Åtgärdad |  |
| `bistand-r2` | Analysera orsakerna till att biståndet ökar. | 🟡 Delvis åtgärdad | Orsakerna analyseras, men analysen används inte i budgeten. |

#### Granskning av upphandling

Revisionsbyrån AB, 2021-10. Rekommendationerna riktas till Kommunstyrelsen. Sammanfattande bedömning: till viss del (med rapportens ord: ”gul”).

| Id | Rekommendation | Bedömning | Kommentar |
| --- | --- | --- | --- |
| `upph-r1` | Inför en avtalsdatabas med uppföljning av avtalstiderna. | 🔴 Ej åtgärdad |  |
| `upph-r2` | Samordna upphandlingarna i upphandlingsenheten. | ➖ Ej längre aktuell | Upphandlingen sköts sedan 2022 av en gemensam nämnd. |
"""


@pytest.mark.parametrize("lang, expected", [("en", ROUND_EN), ("sv", ROUND_SV)])
def test_one_round_grouped_by_audit_with_all_six_grades(lang, expected):
    run = follow_up(ROUNDS, "--round", "uppfoljning-2023", "--lang", lang)
    assert (run.code, run.stderr) == (0, "")
    assert body(run.stdout) == expected


def test_an_unknown_round_is_a_usage_error_that_lists_the_rounds(rounds):
    run = follow_up(rounds, "--round", "uppfoljning-2022")
    assert (run.code, run.stdout) == (2, "")
    # named as "the data", not by the path given (which is "." when run inside the repository)
    assert run.stderr == ("auditrack: unknown follow-up round 'uppfoljning-2022'; the rounds (follow-up ids) in the data "
                          "are: uppfoljning-2023\n")
    run = follow_up(rounds, "--round", "uppfoljning-2022", "--org", "sjoby")
    assert run.stderr == ("auditrack: unknown follow-up round 'uppfoljning-2022'; the rounds (follow-up ids) in "
                          "the organisation 'sjoby' are: uppfoljning-2023\n")


def test_an_unknown_round_is_printed_with_its_control_characters_escaped():
    run = follow_up(ROUNDS, "--round", "x\n::error ::y")
    assert run.code == 2
    assert run.stderr.splitlines()[0] == ("auditrack: unknown follow-up round 'x\\x0a::error ::y'; the rounds "
                                          "(follow-up ids) in the data are: uppfoljning-2023")


def test_round_is_only_for_the_follow_up_report():
    run = run_process("report", "status", str(ROUNDS), "--round", "uppfoljning-2023")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "auditrack: --round applies only to the follow-up report, not to 'status'\n"


def test_without_round_each_grade_counts_towards_its_own_report():
    run = follow_up(ROUNDS)
    rows = [line for line in run.stdout.splitlines() if line.startswith("| `")]
    assert [(row.split(" | ")[0], row.split(" | ")[3]) for row in rows] == [
        ("| `lokal-r1`", "⚪ Not assessed (2023-11-20)"),
        ("| `lokal-r2`", "⛔ Not agreed (2023-11-20)"),
        ("| `bistand-r1`", "🟢 Implemented (2023-11-20)"),
        ("| `bistand-r2`", "🟡 Partly implemented (2023-11-20)"),
        ("| `upph-r1`", "🔴 Not implemented (2023-11-20)"),
        ("| `upph-r2`", "➖ No longer relevant (2023-11-20)"),
    ]
    # The round is listed as a follow-up of each of the three audits.
    assert run.stdout.count("**Follow-up:** 2023-11-20, assessed by Revisionsbyrån AB på uppdrag av revisorerna.") == 3


def test_status_counts_the_closed_grades_apart():
    run = run_process("report", "status", str(ROUNDS), "--as-of", AS_OF, "--lang", "sv")
    assert ("2 rekommendationer är avslutade utan att ha åtgärdats (ej längre aktuella: 1, ej accepterade: 1) och "
            "räknas inte i tabellens kolumner.") in run.stdout.splitlines()


def test_a_recommendation_the_round_leaves_out_is_missing_its_follow_up(rounds):
    edit(rounds, ROUND, "  - {recommendation: upph-r1, status: not-implemented}\n", "")
    run = check(rounds)
    assert located(run) == [(
        "R106", "warning", "recommendations/sjoby/2021-upphandling/report.yaml", 13, 1,
        "1 of 2 recommendations of 'Granskning av upphandling' have no follow-up assessment 24 months after the "
        "report (due 2023-10-31): upph-r1",
    )]


def test_a_round_dated_before_a_report_it_grades(rounds):
    edit(rounds, ROUND, "date: 2023-11-20", "date: 2021-03-01")
    run = check(rounds)
    assert located(run) == [(
        "R108", "error", ROUND, 6, 1,
        "the follow-up 'uppfoljning-2023' is dated 2021-03-01, before its report 'granskning-2021-bistand' of 2021-04-12",
    )]


# --------------------------------------------------------------------------- item 7: the report's own words


def test_without_the_mapping_the_words_alone_are_findings(rounds):
    (rounds / "auditrack.yaml").unlink()
    run = check(rounds)
    assert located(run) == [
        ("R114", "error", BISTAND, 12, 5,
         "the question 'q1' gives its verdict only as 'kan förbättras', which is not on the scale (yes, partly or no) "
         "and which auditrack.yaml's verdict_words does not map"),
        ("R114", "error", BISTAND, 18, 3,
         "the overall verdict gives its verdict only as 'i huvudsak', which is not on the scale (yes, partly or no) "
         "and which auditrack.yaml's verdict_words does not map"),
    ]
    # the hint does not guess which grade the words mean
    assert run.findings[0]["hint"] == ("Add `verdict: yes`, `partly` or `no` beside `verdict_text:`, whichever the "
                                       "auditors meant, or map the words in auditrack.yaml: `verdict_words: "
                                       "{\"kan förbättras\": no}` (or yes, or partly).")
    assert run.code == 1


def test_an_unmapped_word_in_swedish(rounds):
    edit(rounds, BISTAND, "verdict_text: kan förbättras", "verdict_text: inte fullt ut")
    run = check(rounds, "--lang", "sv")
    assert located(run) == [
        ("R114", "error", BISTAND, 12, 5,
         "frågan 'q1' anger sin bedömning bara som 'inte fullt ut', som inte finns på skalan (yes, partly eller no) "
         "och som verdict_words i auditrack.yaml inte översätter"),
    ]
    assert run.findings[0]["hint"] == ("Lägg till `verdict: yes`, `partly` eller `no` bredvid `verdict_text:`, det "
                                       "som revisorerna menade, eller översätt orden i auditrack.yaml: `verdict_words: "
                                       "{\"inte fullt ut\": no}` (eller yes, eller partly).")


def test_the_mapping_ignores_case_and_spacing(rounds):
    edit(rounds, BISTAND, "verdict_text: kan förbättras", "verdict_text: Kan  Förbättras")
    assert check(rounds).findings == []


def test_the_words_without_a_verdict_are_still_shown(rounds):
    (rounds / "auditrack.yaml").unlink()
    run = follow_up(rounds, "--lang", "sv")
    assert ("Revisionsbyrån AB, 2021-04-12. Rekommendationerna riktas till Socialnämnden. Sammanfattande bedömning "
            "med rapportens ord: ”i huvudsak”.") in run.stdout.splitlines()


def test_the_follow_up_report_lists_the_questions_with_the_auditors_words(rounds):
    lines = follow_up(ROUNDS, "--lang", "sv").stdout.splitlines()
    start = lines.index("Revisionsfrågorna och revisorernas svar på dem:")
    assert lines[start + 2:start + 4] == [
        "- Har nämnden mätbara mål för arbetet med ekonomiskt bistånd? – till viss del (med rapportens ord: ”kan "
        "förbättras”)",
        "- Följer nämnden upp utbetalningarna? – ja (med rapportens ord: ”i huvudsak”)",
    ]
    (rounds / "auditrack.yaml").unlink()  # without the map, the words alone
    lines = follow_up(rounds, "--lang", "en").stdout.splitlines()
    start = lines.index("The revision questions and the auditors' answers to them:")
    assert lines[start + 2] == ("- Har nämnden mätbara mål för arbetet med ekonomiskt bistånd? – in the report's "
                                "words: “kan förbättras”")


def test_a_verdict_word_must_map_to_the_scale(rounds):
    (rounds / "auditrack.yaml").write_text("verdict_words:\n  i huvudsak: maybe\n", encoding="utf-8")
    run = check(rounds)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.splitlines()[0] == ("auditrack.yaml:2:15  C001  field 'verdict_words › i huvudsak': 'maybe' is "
                                          "not one of the allowed values: yes, partly or no")


def test_verdict_words_are_bounded(rounds):
    words = "".join(f"  ord {i}: partly\n" for i in range(101))
    (rounds / "auditrack.yaml").write_text(f"verdict_words:\n{words}", encoding="utf-8")
    run = check(rounds)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.splitlines()[0] == "auditrack.yaml:2:3  C001  field 'verdict_words': more than the 100 entries allowed"
    (rounds / "auditrack.yaml").write_text(f"verdict_words:\n  {'x' * 101}: yes\n", encoding="utf-8")
    run = check(rounds)
    assert run.code == 2
    assert run.stderr.splitlines()[0] == (
        f"auditrack.yaml:2:106  C001  field 'verdict_words › {'x' * 79}… › [key]': '{'x' * 57}...' is out of range "
        "(string should have at most 100 characters)")
