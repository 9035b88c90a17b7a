"""Repeat findings and priorities (issue 14, item 9): a recommendation names the earlier recommendations it
repeats (`repeats:`) and may carry a priority. R113 flags a repeat of one that came back after a follow-up
graded it implemented, or that is still open. The repository is written from docs/data-layout.md ("Repeat
findings and priorities")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_process
from rulekit import KS, write_repo

EARLIER_PATH = "recommendations/exempel/2022-malstyrning/report.yaml"
LATER_PATH = "recommendations/exempel/2024-malstyrning/report.yaml"
AS_OF = "2024-04-01"

EARLIER = """\
kind: audit-report
organisation: exempel
id: granskning-2022
title: Granskning av målstyrningen
date: 2022-06-01
addressees: [ks]
recommendations:
  - {id: granskning-2022-r1, text: Bryt ned det övergripande målet i mätbara mål.}
  - {id: granskning-2022-r2, text: Följ upp målen under året.}
  - {id: granskning-2022-r3, text: Koppla statistiken till målen.}
  - {id: granskning-2022-r4, text: Utvärdera modellen.}
"""


def follow_up(id_: str, report: str, day: str, *grades: tuple[str, str]) -> str:
    """A follow-up of `report` on `day` grading each (recommendation, status)."""
    return (f"kind: follow-up\norganisation: exempel\nid: {id_}\nreport: {report}\ndate: {day}\n"
            "assessor: Revisionsbyrån AB\nassessments:\n"
            + "".join(f"  - {{recommendation: {rec}, status: {status}}}\n" for rec, status in grades))


FOLLOW_UP_2022 = follow_up("uppfoljning-2022", "granskning-2022", "2022-12-15", ("granskning-2022-r2", "implemented"))
FOLLOW_UP_2023 = follow_up("uppfoljning-2023", "granskning-2022", "2023-11-20", ("granskning-2022-r1", "implemented"),
                           ("granskning-2022-r2", "not-implemented"), ("granskning-2022-r3", "partly-implemented"))

LATER = """\
kind: audit-report
organisation: exempel
id: granskning-2024
title: Uppföljande granskning av målstyrningen
date: 2024-03-20
addressees: [ks]
recommendations:
  - id: granskning-2024-r1
    text: Bryt ned det övergripande målet i mätbara mål.
    priority: high
    repeats: [granskning-2022-r1]
  - id: granskning-2024-r2
    text: Följ upp målen under året.
    priority: low
    repeats: [granskning-2022-r2]
  - id: granskning-2024-r3
    text: Koppla statistiken till målen och utvärdera modellen.
    repeats: [granskning-2022-r3, granskning-2022-r4]
  - id: granskning-2024-r4
    text: Anta en plan för uppföljningen.
    priority: medium
"""
EARLIER_OF = "'Granskning av målstyrningen' (2022-06-01)"


@pytest.fixture
def repeats(tmp_path) -> Path:
    return write_repo(tmp_path, {
        "governance/exempel/bodies/ks.yaml": KS,
        EARLIER_PATH: EARLIER,
        "recommendations/exempel/2022-malstyrning/follow-up-2022.yaml": FOLLOW_UP_2022,
        "recommendations/exempel/2022-malstyrning/follow-up-2023.yaml": FOLLOW_UP_2023,
        LATER_PATH: LATER,
    })


def check(root: Path, *args: str):
    return run_process("check", str(root), "--format", "json", "--as-of", AS_OF, *args)


def located(run) -> list[tuple]:
    return [(f["code"], f["severity"], f["file"], f["line"], f["column"], f["message"]) for f in run.findings]


def test_each_repeat_of_an_implemented_or_open_recommendation_is_flagged(repeats):
    run = check(repeats)
    said = "the recommendation 'granskning-2024-r{}' repeats 'granskning-2022-r{}' of " + EARLIER_OF
    assert located(run) == [
        ("R113", "warning", LATER_PATH, 11, 15, said.format(1, 1) + ", which the follow-up of 2023-11-20 graded "
                                                                   "implemented: the earlier fix did not hold"),
        # Graded implemented once and not implemented since: the latest grade counts, and it is still open.
        ("R113", "warning", LATER_PATH, 15, 15, said.format(2, 2) + ", which is still open: the follow-up of 2023-11-20 "
                                                                   "graded it not implemented"),
        ("R113", "warning", LATER_PATH, 18, 15, said.format(3, 3) + ", which is still open: the follow-up of 2023-11-20 "
                                                                   "graded it partly implemented"),
        ("R113", "warning", LATER_PATH, 18, 35, said.format(3, 4) + ", which is still open: no follow-up has graded it"),
    ]
    assert run.code == 0  # warnings do not fail the check by default
    assert run.findings[0]["hint"] == "Find out why the fix of 'granskning-2022-r1' did not hold, and say so in the response."
    assert run.findings[1]["hint"] == (
        "Let the response's actions answer both: recommendations: [granskning-2024-r2, granskning-2022-r2], and say "
        "why the earlier one was not carried out.")


def test_the_repeats_in_swedish(repeats):
    run = check(repeats, "--lang", "sv")
    said = "rekommendationen 'granskning-2024-r{}' upprepar 'granskning-2022-r{}' från " + EARLIER_OF
    assert [f["message"] for f in run.findings] == [
        said.format(1, 1) + ", som uppföljningen 2023-11-20 bedömde som åtgärdad: den tidigare åtgärden höll inte",
        said.format(2, 2) + ", som fortfarande är öppen: uppföljningen 2023-11-20 bedömde den som ej åtgärdad",
        said.format(3, 3) + ", som fortfarande är öppen: uppföljningen 2023-11-20 bedömde den som delvis åtgärdad",
        said.format(3, 4) + ", som fortfarande är öppen: ingen uppföljning har bedömt den",
    ]
    assert run.findings[0]["hint"] == ("Ta reda på varför åtgärden av 'granskning-2022-r1' inte höll, och redovisa det "
                                       "i svaret.")
    assert run.findings[3]["hint"] == (
        "Låt svarets åtgärder besvara båda: recommendations: [granskning-2024-r3, granskning-2022-r4], och förklara "
        "varför den tidigare inte genomfördes.")


def test_the_grade_known_at_the_as_of_date_counts(repeats):
    # Before the 2023 follow-up, granskning-2022-r2 was last graded implemented: its repeat came back.
    run = run_process("check", str(repeats), "--format", "json", "--as-of", "2023-06-01")
    messages = [f["message"] for f in run.findings if f["code"] == "R113"]
    assert messages[1] == ("the recommendation 'granskning-2024-r2' repeats 'granskning-2022-r2' of " + EARLIER_OF
                           + ", which the follow-up of 2022-12-15 graded implemented: the earlier fix did not hold")


def test_a_repeat_of_one_not_assessed_is_still_open(repeats):
    path = repeats / "recommendations/exempel/2022-malstyrning/follow-up-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("r3, status: partly-implemented", "r3, status: not-assessed"),
                    encoding="utf-8")
    assert check(repeats).findings[2]["message"] == (
        "the recommendation 'granskning-2024-r3' repeats 'granskning-2022-r3' of " + EARLIER_OF
        + ", which is still open: the follow-up of 2023-11-20 did not assess it")
    assert check(repeats, "--lang", "sv").findings[2]["message"].endswith(
        ", som fortfarande är öppen: uppföljningen 2023-11-20 bedömde den inte")


@pytest.mark.parametrize("grade, english, swedish", [
    ("not-agreed", ", which the board did not agree to (the follow-up of 2023-11-20 graded it not agreed): the "
                   "auditors raise it again",
     ", som styrelsen eller nämnden inte ställde sig bakom (uppföljningen 2023-11-20 bedömde den som ej accepterad): "
     "revisorerna tar upp den igen"),
    ("no-longer-relevant", ", which the follow-up of 2023-11-20 found no longer relevant: the auditors raise it "
                           "again, so it is relevant once more",
     ", som uppföljningen 2023-11-20 bedömde som ej längre aktuell: revisorerna tar upp den igen, så den är aktuell "
     "på nytt"),
])
def test_a_repeat_of_one_not_agreed_or_no_longer_relevant_is_raised_again_not_open(repeats, grade, english, swedish):
    path = repeats / "recommendations/exempel/2022-malstyrning/follow-up-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("r3, status: partly-implemented", f"r3, status: {grade}"),
                    encoding="utf-8")
    said = "the recommendation 'granskning-2024-r3' repeats 'granskning-2022-r3' of " + EARLIER_OF
    assert check(repeats).findings[2]["message"] == said + english
    said_sv = "rekommendationen 'granskning-2024-r3' upprepar 'granskning-2022-r3' från " + EARLIER_OF
    assert check(repeats, "--lang", "sv").findings[2]["message"] == said_sv + swedish


def test_an_unknown_repeat_is_located(repeats):
    path = repeats / LATER_PATH
    path.write_text(path.read_text(encoding="utf-8").replace("repeats: [granskning-2022-r1]", "repeats: [granskning-2021-r1]"),
                    encoding="utf-8")
    run = check(repeats)
    assert [(f["code"], f["file"], f["line"], f["column"], f["message"]) for f in run.data_findings] == [
        ("X001", LATER_PATH, 11, 15,
         "unknown recommendation 'granskning-2021-r1' in organisation 'exempel'; did you mean 'granskning-2022-r1', "
         "'granskning-2024-r1', 'granskning-2022-r2', 'granskning-2022-r3' or 'granskning-2022-r4'?"),
        # The three other repeats wait until the data is whole.
        ("X003", LATER_PATH, 11, 15, "3 gap findings of organisation 'exempel' are held back while some of its "
                                     "files have errors")]
    assert run.code == 3


def test_a_bad_priority_is_located(repeats):
    path = repeats / LATER_PATH
    path.write_text(path.read_text(encoding="utf-8").replace("priority: high", "priority: hög"), encoding="utf-8")
    run = check(repeats)
    found = run.data_findings
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in found] == [("S004", LATER_PATH, 10, 15)]
    assert run.code == 3


def report_line(root: Path, kind: str, rec_id: str, *args: str) -> str:
    run = run_process("report", kind, str(root), "--as-of", AS_OF, *args)
    assert run.code == 0, run.stderr
    # The status report names the recommendation by its text and gives the id in its last column.
    rows = [line for line in run.stdout.splitlines()
            if line.startswith(f"| `{rec_id}` |") or (kind == "status" and line.endswith(f"| `{rec_id}` |"))]
    assert len(rows) == 1, run.stdout
    return rows[0]


def test_the_status_report_marks_repeats_and_priorities(repeats):
    assert report_line(repeats, "status", "granskning-2024-r1") == (
        "| Bryt ned det övergripande målet i mätbara mål. (to Kommunstyrelsen) (priority: high)"
        "<br>repeats `granskning-2022-r1` | *No response* |  |  |  | Not followed up | `granskning-2024-r1` |")
    assert report_line(repeats, "status", "granskning-2024-r3", "--lang", "sv").startswith(
        "| Koppla statistiken till målen och utvärdera modellen. (till Kommunstyrelsen)"
        "<br>upprepar `granskning-2022-r3`, `granskning-2022-r4` |")
    assert report_line(repeats, "status", "granskning-2024-r4", "--lang", "sv").startswith(
        "| Anta en plan för uppföljningen. (till Kommunstyrelsen) (prioritet: medel) |")


def test_the_follow_up_report_shows_priorities(repeats):
    assert report_line(repeats, "follow-up", "granskning-2024-r1").startswith(
        "| `granskning-2024-r1` | Bryt ned det övergripande målet i mätbara mål. (priority: high) |")
    assert report_line(repeats, "follow-up", "granskning-2024-r2", "--lang", "sv").startswith(
        "| `granskning-2024-r2` | Följ upp målen under året. (prioritet: låg) |")


@pytest.mark.parametrize("repeated, why, why_sv", [
    ("granskning-2024-r4", "is in the same report", "finns i samma rapport"),
    ("granskning-2025-r1", "is from a later report", "kommer från en senare rapport"),
])
def test_a_repeat_of_one_not_from_an_earlier_report_is_an_error(repeats, repeated, why, why_sv):
    write_repo(repeats, {"recommendations/exempel/2025-malstyrning/report.yaml": LATER.replace("2024", "2025")})
    path = repeats / LATER_PATH
    path.write_text(path.read_text(encoding="utf-8").replace("repeats: [granskning-2022-r1]", f"repeats: [{repeated}]"),
                    encoding="utf-8")
    first = check(repeats).findings[0]
    assert (first["code"], first["severity"], first["file"], first["line"], first["column"], first["message"]) == (
        "R113", "error", LATER_PATH, 11, 15, f"the recommendation 'granskning-2024-r1' says it repeats '{repeated}', "
                                             f"which {why}")
    assert check(repeats, "--lang", "sv").findings[0]["message"] == (
        f"rekommendationen 'granskning-2024-r1' anges upprepa '{repeated}', som {why_sv}")


def test_a_repeat_graded_implemented_itself_is_no_longer_flagged(repeats):
    write_repo(repeats, {"recommendations/exempel/2024-malstyrning/follow-up-2025.yaml": follow_up(
        "uppfoljning-2025", "granskning-2024", "2025-03-01", ("granskning-2024-r1", "implemented"),
        ("granskning-2024-r2", "partly-implemented"))})
    run = run_process("check", str(repeats), "--format", "json", "--as-of", "2025-03-02")
    # granskning-2024-r1 is no longer flagged; r2, only partly implemented, and r3 still are.
    assert [(f["line"], f["column"]) for f in run.findings if f["code"] == "R113"] == [(15, 15), (18, 15), (18, 35)]
