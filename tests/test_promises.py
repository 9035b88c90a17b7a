"""Promises to report back (issue 14, item 8): an action names the reporting requirement it fulfils
(`reporting:`), the requirement may name the response it was promised in (`decided_in:`), and one report under
the requirement does both. The repository is written from docs/data-layout.md ("Promises to report back")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_process
from rulekit import KS, ROLE, write_repo

REPORT_PATH = "recommendations/exempel/2023-bistand/report.yaml"
RESPONSE_PATH = "recommendations/exempel/2023-bistand/response.yaml"
REQUIREMENT_PATH = "governance/exempel/reporting/aterrapport-bistand.yaml"
AS_OF = "2024-02-01"  # a month past the promised date

REPORT = """\
kind: audit-report
organisation: exempel
id: granskning-2023
title: Granskning av ekonomiskt bistånd
date: 2023-03-24
addressees: [ks]
recommendations:
  - id: granskning-2023-r1
    text: Följ upp arbetet och återrapportera resultatet till kommunstyrelsen.
"""
RESPONSE = """\
kind: response
organisation: exempel
id: svar-granskning-2023
report: granskning-2023
decided_by: ks
date: 2023-05-16
decision: KS 2023-05-16 § 80
actions:
  - id: aterrapport
    recommendations: [granskning-2023-r1]
    text: Återrapportera arbetet med ekonomiskt bistånd till kommunstyrelsen.
    owner: socialchef
    due: 2023-12-31
    status: planned
    reporting: aterrapport-bistand     # the requirement this action fulfils
"""
REQUIREMENT = """\
kind: reporting-requirement
organisation: exempel
id: aterrapport-bistand
title: Återrapport om arbetet med ekonomiskt bistånd
reporter: socialchef
to: ks
decided_in: svar-granskning-2023       # a response, a mandate or a document
due_dates: [2023-12-31]
valid_from: 2023-05-16
"""
REPORT_GIVEN = """\
reports:
  - {date: 2023-11-21, decision: KS 2023-11-21 § 190, covered: [effects]}
"""


def promise(root: Path, *, kept: bool, response: str = RESPONSE, requirement: str = REQUIREMENT) -> Path:
    return write_repo(root, {
        "governance/exempel/bodies/ks.yaml": KS,
        "governance/exempel/roles/socialchef.yaml": ROLE,
        REPORT_PATH: REPORT,
        RESPONSE_PATH: response,
        REQUIREMENT_PATH: requirement + (REPORT_GIVEN if kept else ""),
    })


def located(run) -> list[tuple]:
    return [(f["code"], f["severity"], f["file"], f["line"], f["column"], f["message"]) for f in run.findings]


def check(root: Path, *args: str):
    return run_process("check", str(root), "--format", "json", "--as-of", AS_OF, *args)


ROW = ("| Följ upp arbetet och återrapportera resultatet till kommunstyrelsen. (to Kommunstyrelsen) "
       "| Återrapportera arbetet med ekonomiskt bistånd till kommunstyrelsen. ")
ROW_SV = ROW.replace("(to Kommunstyrelsen)", "(till Kommunstyrelsen)")
"""The status row's recommendation and action, before the action's owner."""


def status_row(root: Path, *args: str) -> str:
    """The status report's table row of the recommendation."""
    run = run_process("report", "status", str(root), "--as-of", AS_OF, *args)
    assert run.code == 0, run.stderr
    rows = [line for line in run.stdout.splitlines() if line.endswith("| `granskning-2023-r1` |")]
    assert len(rows) == 1, run.stdout
    return rows[0]


def test_a_missed_promise_is_one_g301_and_no_r104(tmp_path):
    run = check(promise(tmp_path, kept=False))
    assert located(run) == [("G301", "error", REQUIREMENT_PATH, 8, 13,
                             "no report to Kommunstyrelsen was given by the due date 2023-12-31")]
    assert run.code == 1
    sv = check(promise(tmp_path, kept=False), "--lang", "sv").only_finding
    assert sv["message"] == "ingen rapport lämnades till Kommunstyrelsen senast 2023-12-31, som kravet anger"


def test_the_same_action_without_reporting_is_overdue(tmp_path):
    # What the promise replaces: without `reporting:`, the missed date is reported twice, once per record.
    root = promise(tmp_path, kept=False, response=RESPONSE.replace("    reporting: aterrapport-bistand     # the requirement this action fulfils\n", ""))
    assert [(f["code"], f["file"], f["line"]) for f in check(root).findings] == [
        ("G301", REQUIREMENT_PATH, 8), ("R104", RESPONSE_PATH, 13)]


def test_a_missed_promise_shows_the_report_still_owed(tmp_path):
    root = promise(tmp_path, kept=False)
    assert status_row(root) == (
        ROW + "| Socialchef | 2023-12-31 | planned, report to Kommunstyrelsen still owed, **32 days late** "
        "| Not followed up | `granskning-2023-r1` |")
    assert status_row(root, "--lang", "sv") == (
        ROW_SV + "| Socialchef | 2023-12-31 | planerad, rapporten till Kommunstyrelsen återstår, "
        "**försenad 32 dagar** | Ej uppföljd | `granskning-2023-r1` |")


def test_a_kept_promise_is_no_finding_and_the_action_is_fulfilled_by_the_report(tmp_path):
    root = promise(tmp_path, kept=True)
    run = check(root)
    assert (run.code, run.findings) == (0, [])
    assert status_row(root) == (
        ROW + "| Socialchef | 2023-12-31 | fulfilled by the report to Kommunstyrelsen of 2023-11-21 "
        "| Not followed up | `granskning-2023-r1` |")
    assert status_row(root, "--lang", "sv") == (
        ROW_SV + "| Socialchef | 2023-12-31 | uppfylld genom rapporten till Kommunstyrelsen 2023-11-21 "
        "| Ej uppföljd | `granskning-2023-r1` |")


def test_a_kept_promise_counts_the_action_done(tmp_path):
    run = run_process("report", "status", str(promise(tmp_path, kept=True)), "--as-of", AS_OF)
    summary = [line for line in run.stdout.splitlines() if line.startswith("| Granskning av ekonomiskt bistånd |")]
    assert summary == ["| Granskning av ekonomiskt bistånd | 2023-03-24 | 1 | 0 | 0 | 0 | 1 | 1 of 1 | 0 |"]


def test_a_report_given_before_the_promise_does_not_keep_it(tmp_path):
    # A report from before the requirement's valid_from (the response's date) answers something older.
    root = promise(tmp_path, kept=True)
    (root / REQUIREMENT_PATH).write_text((root / REQUIREMENT_PATH).read_text(encoding="utf-8")
                                         .replace("date: 2023-11-21", "date: 2023-02-14"), encoding="utf-8")
    assert [f["code"] for f in check(root).findings] == ["G301"]
    assert "report to Kommunstyrelsen still owed" in status_row(root)


def test_a_late_report_keeps_the_promise_and_g301_reports_the_missed_date(tmp_path):
    root = promise(tmp_path, kept=True)
    (root / REQUIREMENT_PATH).write_text((root / REQUIREMENT_PATH).read_text(encoding="utf-8")
                                         .replace("date: 2023-11-21", "date: 2024-01-16"), encoding="utf-8")
    assert [(f["code"], f["line"]) for f in check(root).findings] == [("G301", 8)]
    assert "fulfilled by the report to Kommunstyrelsen of 2024-01-16" in status_row(root)


def test_a_kept_promise_marked_done_needs_no_other_evidence(tmp_path):
    root = promise(tmp_path, kept=True, response=RESPONSE.replace("status: planned", "status: done"))
    assert check(root).findings == []
    root = promise(tmp_path / "without-report", kept=False, response=RESPONSE.replace("status: planned", "status: done"))
    assert [(f["code"], f["message"]) for f in check(root).findings] == [
        ("G301", "no report to Kommunstyrelsen was given by the due date 2023-12-31"),
        ("R105", "the action 'aterrapport' is marked done without evidence and without date done")]


def test_a_requirement_without_the_actions_date_leaves_the_lateness_to_r104(tmp_path):
    # A yearly requirement does not hold the promised date, so G301 cannot report it: R104 does.
    root = promise(tmp_path, kept=False, requirement=REQUIREMENT.replace("due_dates: [2023-12-31]", "times_per_year: 1"))
    assert located(check(root)) == [
        ("R104", "error", RESPONSE_PATH, 13, 5,
         "the action 'aterrapport' was due 2023-12-31 and is still planned (32 days late)")]


@pytest.mark.parametrize("lang, message, hint", [
    ("en", "unknown reporting requirement 'aterrapport-bistnd' in organisation 'exempel'; did you mean 'aterrapport-bistand'?",
     "Use the id of an existing reporting requirement, or add a new one: "
     "governance/exempel/reporting/aterrapport-bistnd.yaml (kind: reporting-requirement)."),
    ("sv", "'aterrapport-bistnd' finns inte som krav på återrapportering i organisationen 'exempel'; menade du "
           "'aterrapport-bistand'?", None),
])
def test_reporting_naming_no_requirement_is_located(tmp_path, lang, message, hint):
    root = promise(tmp_path, kept=False, response=RESPONSE.replace("reporting: aterrapport-bistand", "reporting: aterrapport-bistnd"))
    run = check(root, "--lang", lang)
    found = [f for f in run.findings if f["code"] == "X001"]
    assert [(f["severity"], f["file"], f["line"], f["column"], f["message"]) for f in found] == [
        ("error", RESPONSE_PATH, 15, 16, message)]
    if hint:
        assert found[0]["hint"] == hint
    assert run.code == 3


def test_decided_in_naming_no_response_is_located(tmp_path):
    root = promise(tmp_path, kept=True, requirement=REQUIREMENT.replace("decided_in: svar-granskning-2023 ",
                                                                         "decided_in: svar-granskning-2022 "))
    run = check(root)
    assert [(f["code"], f["file"], f["line"], f["column"], f["message"]) for f in run.findings] == [
        ("X001", REQUIREMENT_PATH, 7, 13,
         "unknown mandate, governing document or response 'svar-granskning-2022' in organisation 'exempel'; "
         "did you mean 'svar-granskning-2023'?")]
    assert run.code == 3


def test_decided_in_naming_a_record_of_another_kind_is_located(tmp_path):
    root = promise(tmp_path, kept=True, requirement=REQUIREMENT.replace("decided_in: svar-granskning-2023 ",
                                                                         "decided_in: granskning-2023 "))
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in check(root).findings] == [
        ("X001", 7, 13, "'granskning-2023' is a audit-report, but a mandate or document or response is expected here")]
