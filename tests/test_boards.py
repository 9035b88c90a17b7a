"""Several boards, each answering for itself (issue 14, items 1-3), on the hand-written repository tests/boards/:
one report to the municipal board and four committees, a request to all five by 2023-06-30; the board agrees
with actions, the social welfare committee disagrees with reasons, three stay silent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_process

BOARDS = Path(__file__).parent / "boards"
REPORT = "recommendations/norrby/2023-styrning/report.yaml"
KS_RESPONSE = "recommendations/norrby/2023-styrning/response-ks.yaml"
SN_RESPONSE = "recommendations/norrby/2023-styrning/response-socialnamnden.yaml"
AS_OF = "2023-08-14"  # 45 days past the requested date
TITLE = "Granskning av styrning och intern kontroll"


@pytest.fixture
def boards(tmp_path) -> Path:
    shutil.copytree(BOARDS, tmp_path / "boards")
    return tmp_path / "boards"


def located(run) -> list[tuple]:
    return [(f["code"], f["severity"], f["file"], f["line"], f["column"], f["message"]) for f in run.findings]


def check(root: Path, *args: str):
    return run_process("check", str(root), "--format", "json", "--as-of", AS_OF, *args)


def edit(root: Path, relpath: str, old: str, new: str) -> None:
    path = root / relpath
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def silent(name: str, body: str, column: int) -> tuple:
    return ("R101", "error", REPORT, 36, column,
            f"no response to '{TITLE}' from {name} ({body}) is recorded; it was asked on 2023-03-20 and its response "
            "was due 2023-06-30")


THREE_SILENT = [
    silent("Barn- och utbildningsnämnden", "barn-och-utbildningsnamnden", 39),
    silent("Tekniska nämnden", "tekniska-namnden", 68),
    silent("Kultur- och fritidsnämnden", "kultur-och-fritidsnamnden", 86),
]


def test_each_silent_body_is_one_r101_and_the_two_answers_raise_no_r102():
    run = check(BOARDS)
    assert located(run) == THREE_SILENT
    assert run.code == 1


def test_the_silent_bodies_in_swedish():
    run = check(BOARDS, "--lang", "sv")
    assert [f["message"] for f in run.findings] == [
        f"inget svar på '{TITLE}' från {name} är registrerat; organet ombads svara 2023-03-20 och svaret skulle ha "
        "lämnats senast 2023-06-30"
        for name in ("Barn- och utbildningsnämnden (barn-och-utbildningsnamnden)", "Tekniska nämnden (tekniska-namnden)",
                     "Kultur- och fritidsnämnden (kultur-och-fritidsnamnden)")]
    assert {f["hint"] for f in run.findings} == {
        "Registrera organets antagna svar (kind: response, decided_by: organet) med beslutsparagraf och åtgärder."}


def test_before_the_date_each_silent_body_is_informed(boards):
    run = run_process("check", str(boards), "--format", "json", "--as-of", "2023-05-20")
    asked = [f for f in run.findings if f["code"] != "R109"]  # the responses are dated after 2023-05-20
    assert [(f["code"], f["severity"], f["column"]) for f in asked] == [
        ("R101", "info", 39), ("R101", "info", 68), ("R101", "info", 86)]
    assert asked[1]["message"] == (f"a response to '{TITLE}' was requested from Tekniska nämnden (tekniska-namnden) "
                                          "on 2023-03-20; it is due 2023-06-30 and not yet recorded")


def test_within_the_due_soon_horizon_the_reminder_replaces_the_information(boards):
    """R112 warns each silent body from 30 days before the date; R101's information would say it twice."""
    run = run_process("check", str(boards), "--format", "json", "--as-of", "2023-06-30")
    assert [(f["code"], f["severity"], f["column"]) for f in run.findings] == [
        ("R112", "warning", 39), ("R112", "warning", 68), ("R112", "warning", 86)]
    assert run.findings[1]["message"] == f"due 2023-06-30 (today): response to '{TITLE}' from Tekniska nämnden"
    (boards / "auditrack.yaml").write_text("ignore: [R112]\n", encoding="utf-8")
    ignored = run_process("check", str(boards), "--format", "json", "--as-of", "2023-06-30")
    assert [(f["code"], f["severity"], f["column"]) for f in ignored.findings] == [
        ("R101", "info", 39), ("R101", "info", 68), ("R101", "info", 86)]


def test_a_body_named_twice_in_the_request_is_one_finding(boards):
    edit(boards, REPORT, "kultur-och-fritidsnamnden]\n  due:", "kultur-och-fritidsnamnden, tekniska-namnden]\n  due:")
    assert located(check(boards)) == THREE_SILENT


def test_a_disagreement_without_a_reason_is_r110_and_does_not_answer(boards):
    edit(boards, SN_RESPONSE, "    reason: Nämnden följer redan upp hemtjänstens insatser varje kvartal i verksamhetsrapporten.\n", "")
    run = check(boards)
    assert located(run) == THREE_SILENT + [
        ("R102", "error", SN_RESPONSE, 2, 1, "the response 'svar-socialnamnden' commits to no actions"),
        ("R110", "error", SN_RESPONSE, 11, 5,
         "the response 'svar-socialnamnden' takes the stance 'disagree' on the recommendation 'r2' without a reason"),
    ]
    sv = check(boards, "--lang", "sv").findings[-1]
    assert (sv["message"], sv["hint"]) == (
        "svaret 'svar-socialnamnden' har ställningstagandet 'instämmer inte' till rekommendationen 'r2' utan att ange "
        "skälen", "Lägg till `reason:` i ställningstagandet och ange skälen med svarets ord.")


def test_a_partial_stance_needs_a_reason_and_an_agreement_does_not(boards):
    edit(boards, KS_RESPONSE, "{recommendation: r1, stance: agree}", "{recommendation: r1, stance: partly}")
    assert located(check(boards))[3:] == [
        ("R110", "error", KS_RESPONSE, 10, 26,
         "the response 'svar-ks' takes the stance 'partly' on the recommendation 'r1' without a reason")]


def test_one_bodys_response_does_not_answer_for_another(boards):
    # The municipal board takes on the committee's recommendation r2 and the technical committee's r4; the
    # committee commits to an action on r6 only, and the technical committee stays silent.
    edit(boards, KS_RESPONSE, "recommendations: [r1, r6]", "recommendations: [r1, r2, r4, r6]")
    edit(boards, SN_RESPONSE, "positions:\n", "actions:\n  - {id: sn-a1, recommendations: [r6], text: Planen antas., "
                                              "owner: kommundirektor, due: 2023-12-31}\npositions:\n")
    edit(boards, SN_RESPONSE, "    stance: disagree\n    reason: Nämnden följer", "    stance: agree\n    reason: Nämnden följer")
    run = check(boards)
    assert located(run) == THREE_SILENT + [
        ("R102", "error", SN_RESPONSE, 9, 1, "no action in the response answers the recommendation 'r2'")]


def test_the_report_and_the_recommendations_name_their_bodies():
    from auditrack.config import Config
    from auditrack.engine import load_repository

    index = load_repository(BOARDS, Config()).index
    report = index.get("norrby", "granskning-2023-styrning", "audit-report")
    five = ["ks", "socialnamnden", "barn-och-utbildningsnamnden", "tekniska-namnden", "kultur-och-fritidsnamnden"]
    assert report.addressees == report.cover_letter.addressed_to == report.response_request.requested_from == five
    assert report.cover_letter.for_information == ["kf"]
    assert [report.addressees_of(r) for r in report.recommendations] == [[b] for b in five[:5]] + [five]
    positions = index.get("norrby", "svar-socialnamnden", "response").positions
    assert [(p.recommendation, p.stance) for p in positions] == [("r2", "disagree"), ("r6", "disagree")]


OLD_REPORT = """\
kind: audit-report
id: r2022
organisation: norrby
title: Granskning
audit_firm: KPMG AB
date: 2022-03-15
audit_plan_year: 2022
addressee: ks
purpose: Att granska.
recommendations:
  - id: rek-1
    text: Gör något.
    addressee: socialnamnden
cover_letter:
  date: 2022-03-20
  addressed_to: ks
  text: Missiv.
response_request: {requested_on: 2022-03-20, requested_from: ks, due: 2022-06-30}
"""


def test_the_old_single_body_form_is_read_with_a_warning_that_says_how_to_write_it(tmp_path):
    root = tmp_path / "old"
    shutil.copytree(BOARDS / "governance", root / "governance")
    (root / "recommendations").mkdir()
    (root / "recommendations" / "r.yaml").write_text(OLD_REPORT, encoding="utf-8")
    run = run_process("check", str(root), "--format", "json", "--as-of", "2022-03-21")
    old = [f for f in run.findings if f["code"] == "S005"]
    assert [(f["severity"], f["line"], f["column"], f["message"]) for f in old] == [
        ("warning", 8, 1, "`addressee:` is now `addressees:`, a list: write `addressees: [ks]`"),
        ("warning", 13, 5, "`addressee:` is now `addressees:`, a list: write `addressees: [socialnamnden]`"),
        ("warning", 16, 3, "`addressed_to:` is now a list: write `addressed_to: [ks]`"),
        ("warning", 18, 46, "`requested_from:` is now a list: write `requested_from: [ks]`"),
    ]
    assert old[0]["hint"] == ("The old single-body form is still read; the new form can name several bodies, each "
                              "answering for itself.")
    # Read in the new form: the request is informed about, as for a new file; warnings do not fail the check.
    assert [f["code"] for f in run.findings if f["code"] != "S005"] == ["R101"]
    assert run.code == 0
    sv = run_process("check", str(root), "--format", "json", "--as-of", "2022-03-21", "--lang", "sv").findings
    assert [f["message"] for f in sv if f["code"] == "S005"][::3] == [
        "`addressee:` heter nu `addressees:` och är en lista: skriv `addressees: [ks]`",
        "`requested_from:` är nu en lista: skriv `requested_from: [ks]`"]


def test_an_unknown_body_in_the_old_form_is_located_at_its_value(tmp_path):
    root = tmp_path / "old"
    shutil.copytree(BOARDS / "governance", root / "governance")
    (root / "recommendations").mkdir()
    (root / "recommendations" / "r.yaml").write_text(OLD_REPORT.replace("addressee: ks", "addressee: kss"), encoding="utf-8")
    run = run_process("check", str(root), "--format", "json", "--as-of", "2022-03-21")
    [unknown] = [f for f in run.findings if f["code"] == "X001"]
    assert (unknown["line"], unknown["column"], unknown["message"]) == (
        8, 12, "unknown body 'kss' in organisation 'norrby'; did you mean 'ks'?")


def test_the_status_report_shows_each_bodys_answer_and_the_stances(tmp_path):
    run = run_process("report", "status", str(BOARDS), "--as-of", AS_OF, "--lang", "sv", "--output", "-")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert ("**Svar per organ:** Kommunstyrelsen: svarade 2023-06-13 (KS 2023-06-13 § 101); Socialnämnden: svarade "
            "2023-06-20 (SN 2023-06-20 § 57); Barn- och utbildningsnämnden: inget svar, 45 dagar efter 2023-06-30; "
            "Tekniska nämnden: inget svar, 45 dagar efter 2023-06-30; Kultur- och fritidsnämnden: inget svar, 45 dagar "
            "efter 2023-06-30.") in lines
    assert ("| Följ upp hemtjänstens insatser mot nämndens mål. (till Socialnämnden)<br>Socialnämnden instämmer "
            "inte: Nämnden följer redan upp hemtjänstens insatser varje kvartal i verksamhetsrapporten. | *Ingen åtgärd "
            "redovisad* |  |  |  | Ej uppföljd | `r2` |") in lines
    assert ("| Upprätta en underhållsplan för kommunens fastigheter. (till Tekniska nämnden) | *Inget svar* |  |  |"
            "  | Ej uppföljd | `r4` |") in lines


def test_the_follow_up_report_shows_the_stances():
    run = run_process("report", "follow-up", str(BOARDS), "--as-of", AS_OF, "--output", "-")
    assert run.code == 0, run.stderr
    assert ("| `r6` | Anta en internkontrollplan varje år. | Kommunstyrelsen agrees<br>Socialnämnden disagrees: Nämnden "
            "antar sin internkontrollplan i december varje år.<br>• Styrmodellen kompletteras med uppföljning av "
            "internkontrollplanerna. (owner: Kommundirektör; due: 2024-03-31; planned) | Not followed up |  |"
            ) in run.stdout.splitlines()
    assert "Barn- och utbildningsnämnden: no answer, 45 days past 2023-06-30" in run.stdout
