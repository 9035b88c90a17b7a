"""Schema validation: S001-S004 at the exact line and column, in plain language.

The minimal report (conftest.REPORT) has these lines:
  1 kind: audit-report          6 date: 2022-03-15             11   - id: rek-1
  2 id: r2022                   7 audit_plan_year: 2022        12     text: Bryt ned ...
  3 organisation: acme          8 addressees: [ks]            13     section: "3.1"
  4 title: Granskning ...       9 purpose: Att granska ...
  5 audit_firm: KPMG AB        10 recommendations:
"""

from __future__ import annotations

import pytest


def report_with(repo, old: str, new: str) -> None:
    assert old in repo.REPORT
    repo.write(repo.REPORT_PATH, repo.REPORT.replace(old, new))


def located(finding: dict) -> tuple:
    return finding["code"], finding["file"], finding["line"], finding["column"]


# --------------------------------------------------------------------------- S001 kind


def test_missing_kind(repo, check):
    report_with(repo, "kind: audit-report\n", "")
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("S001", repo.REPORT_PATH, 1, 1)
    assert "kind" in finding["message"]
    assert run.code == 3


def test_unknown_kind_suggests_the_right_one(repo, check):
    report_with(repo, "kind: audit-report", "kind: audit_report")
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("S001", repo.REPORT_PATH, 1, 7)
    assert "'audit_report'" in finding["message"]
    assert "did you mean 'audit-report'?" in finding["message"]
    assert run.code == 3


# --------------------------------------------------------------------------- S002 missing field


def test_missing_required_field_is_located_at_its_mapping(repo, check):
    report_with(repo, "title: Granskning av målstyrning\n", "")
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("S002", repo.REPORT_PATH, 1, 1)
    assert "'title'" in finding["message"]
    assert finding["subject"] == "r2022"
    assert run.code == 3


def test_missing_field_after_a_schema_comment_line(repo, check):
    text = "# yaml-language-server: $schema=../../../schemas/audit-report.json\n" + repo.REPORT
    repo.write(repo.REPORT_PATH, text.replace("title: Granskning av målstyrning\n", ""))
    finding = check(repo.root).only_finding
    assert located(finding) == ("S002", repo.REPORT_PATH, 2, 1)
    assert "'title'" in finding["message"]


# --------------------------------------------------------------------------- S003 unknown / misspelt field


def test_misspelt_optional_field(repo, check):
    report_with(repo, "addressees: [ks]\n", "addressees: [ks]\ncomissioned_by: Revisorerna\n")
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("S003", repo.REPORT_PATH, 9, 1)
    assert "'comissioned_by'" in finding["message"]
    assert "did you mean 'commissioned_by'?" in finding["message"]
    assert run.code == 3


def test_misspelt_required_field_is_one_message(repo, check):
    # One mistake, one message: not also "the required field 'addressees' is missing".
    report_with(repo, "addressees: [ks]", "adressees: [ks]")
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("S003", repo.REPORT_PATH, 8, 1)
    assert "did you mean 'addressees'?" in finding["message"]
    assert run.code == 3


def test_misspelt_field_in_a_recommendation(repo, check):
    report_with(repo, '    section: "3.1"', '    sektion: "3.1"')
    finding = check(repo.root).only_finding
    assert located(finding) == ("S003", repo.REPORT_PATH, 13, 5)
    assert "did you mean 'section'?" in finding["message"]


def test_unknown_field_with_nothing_close(repo, check):
    report_with(repo, "addressees: [ks]\n", "addressees: [ks]\nxyzzy: 1\n")
    finding = check(repo.root).only_finding
    assert located(finding) == ("S003", repo.REPORT_PATH, 9, 1)
    assert "'xyzzy'" in finding["message"]
    assert "did you mean" not in finding["message"]


# --------------------------------------------------------------------------- S004 invalid value


@pytest.mark.parametrize("bad", ["2022-13-01", "2022-02-30", "15 mars 2022", "2022-3-15", "2022-Q5"])
def test_bad_date(repo, check, bad):
    report_with(repo, "date: 2022-03-15", f"date: {bad}")
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("S004", repo.REPORT_PATH, 6, 7)
    assert f"'{bad}' is not a valid date" in finding["message"]
    assert "YYYY-MM-DD" in finding["message"]
    assert run.code == 3


def test_bad_date_in_a_nested_period(repo, check):
    repo.write(
        "governance/acme/bodies/styrgrupp.yaml",
        "kind: body\nid: styrgrupp\norganisation: acme\nname: Styrgrupp\ntype: steering-group\nstanding: true\n"
        "active_from: 2020-10\nminutes:\n  kept: true\n  since: 2020-10-32\n",
    )
    finding = check(repo.root).only_finding
    assert located(finding) == ("S004", "governance/acme/bodies/styrgrupp.yaml", 10, 10)
    assert "'2020-10-32'" in finding["message"]


def test_value_not_in_the_list(repo, check):
    repo.write(repo.BOARD_PATH, repo.BOARD.replace("type: board", "type: bord"))
    finding = check(repo.root).only_finding
    assert located(finding) == ("S004", repo.BOARD_PATH, 5, 7)
    assert "'bord'" in finding["message"]
    assert "board" in finding["message"]


def test_word_where_a_number_belongs(repo, check):
    report_with(repo, "audit_plan_year: 2022", "audit_plan_year: tjugotjugotvå")
    finding = check(repo.root).only_finding
    assert located(finding) == ("S004", repo.REPORT_PATH, 7, 18)
    assert "'tjugotjugotvå'" in finding["message"]
    assert "whole number" in finding["message"]


def test_invalid_id(repo, check):
    report_with(repo, "  - id: rek-1", "  - id: Rek 1")
    finding = check(repo.root).only_finding
    assert located(finding) == ("S004", repo.REPORT_PATH, 11, 9)
    assert "'Rek 1' is not a valid id" in finding["message"]


def test_list_where_text_belongs(repo, check):
    report_with(repo, "title: Granskning av målstyrning", "title:\n  - Granskning")
    finding = check(repo.root).only_finding
    assert located(finding) == ("S004", repo.REPORT_PATH, 5, 3)
    assert "title" in finding["message"]


def test_empty_required_text(repo, check):
    report_with(repo, "title: Granskning av målstyrning", 'title: ""')
    finding = check(repo.root).only_finding
    assert located(finding) == ("S004", repo.REPORT_PATH, 4, 8)
    assert "empty" in finding["message"]


# --------------------------------------------------------------------------- every problem, plainly


def test_every_problem_in_a_file_is_reported(repo, check):
    text = repo.REPORT.replace("date: 2022-03-15", "date: 2022-13-01")
    text = text.replace("addressees: [ks]", "adressees: [ks]")
    text = text.replace("  - id: rek-1\n    text: Bryt ned det övergripande målet i mätbara mål.\n", "  - id: rek-1\n")
    repo.write(repo.REPORT_PATH, text)
    run = check(repo.root)
    assert [(f["code"], f["line"], f["column"]) for f in run.findings] == [
        ("S004", 6, 7),
        ("S003", 8, 1),
        ("S002", 11, 5),
    ]
    assert run.code == 3


def test_messages_are_plain_language(repo, check):
    text = repo.REPORT.replace("date: 2022-03-15", "date: 2022-13-01")
    text = text.replace("audit_plan_year: 2022", "audit_plan_year: tjugo")
    text = text.replace("purpose: Att granska om styrningen är ändamålsenlig.\n", "purpose:\n  a: b\n")
    repo.write(repo.REPORT_PATH, text)
    repo.write(repo.BOARD_PATH, repo.BOARD.replace("type: board", "type: bord"))
    findings = check(repo.root).findings
    assert len(findings) == 4
    for finding in findings:
        message = finding["message"]
        for jargon in ("pydantic", "Input should", "[type=", "errors.pydantic.dev", "Traceback", "literal_error"):
            assert jargon not in message, message
