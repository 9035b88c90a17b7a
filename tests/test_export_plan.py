"""`auditrack export plan`: the action plan as xlsx and csv, read back with openpyxl and as exact text."""

from __future__ import annotations

import datetime as dt
import io
import os
import select
import subprocess
import sys

import openpyxl
import pytest

REPORT = """\
kind: audit-report
id: r2022
organisation: acme
title: Granskning av målstyrning
date: 2022-03-15
addressees: [ks, sn]
recommendations:
  - id: rek-1
    text: Bryt ned det övergripande
      målet i mätbara mål.
  - id: rek-2
    text: Följ upp målen.
    addressees: [sn]
"""
SOCIAL = """\
kind: body
id: sn
organisation: acme
name: Socialnämnden
type: committee
"""
ROLE = """\
kind: role
id: ekonomichef
organisation: acme
name: Ekonomichef
"""
RESPONSE = """\
kind: response
id: svar-ks
organisation: acme
report: r2022
decided_by: ks
date: 2022-05-10
positions:
  - {recommendation: rek-1, stance: agree}
actions:
  - id: malplan
    recommendations: [rek-1]
    text: Ta fram en målplan.
    owner: ekonomichef
    due: 2022-12-31
    status: done
    done: 2022-11-30
    evidence: [https://example.org/plan.pdf, KS 2022-12-13 § 5]
  - id: matbara
    recommendations: [rek-1]
    text: Gör målen mätbara.
    due: 2023-06
    status: in-progress
    updates:
      - date: 2023-02-01
        status: in-progress
        note: Mätetalen är
          utkastade.
"""
RESPONSE_SN = """\
kind: response
id: svar-sn
organisation: acme
report: r2022
decided_by: sn
date: 2022-05-12
positions:
  - {recommendation: rek-2, stance: disagree, reason: Målen följs redan upp.}
"""
FOLLOW_UP = """\
kind: follow-up
id: uppf-2023
organisation: acme
report: r2022
date: 2023-04-01
assessor: KPMG AB
assessments:
  - {recommendation: rek-1, status: partly-implemented}
"""


@pytest.fixture
def plan_repo(repo):
    repo.write(repo.REPORT_PATH, REPORT)
    repo.write("governance/acme/bodies/sn.yaml", SOCIAL)
    repo.write("governance/acme/roles/ekonomichef.yaml", ROLE)
    repo.write("recommendations/acme/2022-malstyrning/response-ks.yaml", RESPONSE)
    repo.write("recommendations/acme/2022-malstyrning/response-sn.yaml", RESPONSE_SN)
    repo.write("recommendations/acme/2022-malstyrning/follow-up-2023.yaml", FOLLOW_UP)
    return repo


HEADERS_EN = ["Report", "Recommendation id", "Recommendation", "Addressees", "Responding body", "Stance", "Action id",
              "Action", "Owner", "Due", "Status", "Last update", "Note", "Evidence", "Latest follow-up"]
HEADERS_SV = ["Rapport", "Rekommendation-id", "Rekommendation", "Mottagare", "Svarande organ", "Ställningstagande",
              "Åtgärd-id", "Åtgärd", "Ansvarig", "Klart senast", "Status", "Senast uppdaterad", "Anteckning",
              "Underlag", "Senaste uppföljning"]
REC_1 = "Bryt ned det övergripande målet i mätbara mål."
ROWS = [
    ["r2022", "rek-1", REC_1, "ks\nsn", "ks", "agree", "malplan", "Ta fram en målplan.", "ekonomichef",
     dt.datetime(2022, 12, 31), "done", None, None, "https://example.org/plan.pdf\nKS 2022-12-13 § 5",
     "partly-implemented"],
    ["r2022", "rek-1", REC_1, "ks\nsn", "ks", "agree", "matbara", "Gör målen mätbara.", None,
     "2023-06", "in-progress", dt.datetime(2023, 2, 1), "Mätetalen är utkastade.", None, "partly-implemented"],
    ["r2022", "rek-2", "Följ upp målen.", "sn", "sn", "disagree", *[None] * 9],
]


def test_xlsx_has_the_rows_frozen_filtered_header_dates_drop_down_and_locked_ids(plan_repo, cli, tmp_path):
    out = tmp_path / "plan.xlsx"
    run = cli("export", "plan", str(plan_repo.root), "--format", "xlsx", "--output", str(out))
    assert (run.code, run.stderr) == (0, f"auditrack: wrote {out} (3 rows)\n")
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "Action plan"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values == [HEADERS_EN] + ROWS
    assert sheet["J2"].number_format == "yyyy-mm-dd"
    assert sheet["L3"].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:O4"
    [validation] = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, str(validation.sqref)) == (
        "list", '"planned,in-progress,done,cancelled"', "K2:K1048576")
    assert sheet.protection.sheet is True
    assert (sheet.protection.autoFilter, sheet.protection.sort) == (False, False)
    locked = [cell.column_letter for cell in sheet[2] if cell.protection.locked]
    assert locked == ["A", "B", "G"]
    assert all(cell.protection.locked for cell in sheet[1])


def test_xlsx_in_swedish_has_swedish_headers_and_sheet_name(plan_repo, cli, tmp_path):
    out = tmp_path / "plan.xlsx"
    run = cli("export", "plan", str(plan_repo.root), "--lang", "sv", "--output", str(out))
    assert (run.code, run.stderr) == (0, f"auditrack: skrev {out} (3 rader)\n")
    sheet = openpyxl.load_workbook(out)["Åtgärdsplan"]
    assert [c.value for c in sheet[1]] == HEADERS_SV


def test_csv_is_utf8_with_bom_semicolons_and_crlf(plan_repo, cli, tmp_path):
    out = tmp_path / "plan.csv"
    run = cli("export", "plan", str(plan_repo.root), "--format", "csv", "--org", "acme", "--output", str(out))
    assert run.code == 0
    assert out.read_bytes().decode("utf-8") == (
        "\ufeffReport;Recommendation id;Recommendation;Addressees;Responding body;Stance;Action id;Action;Owner;"
        "Due;Status;Last update;Note;Evidence;Latest follow-up\r\n"
        f'r2022;rek-1;{REC_1};"ks\nsn";ks;agree;malplan;Ta fram en målplan.;ekonomichef;2022-12-31;done;;;'
        '"https://example.org/plan.pdf\nKS 2022-12-13 § 5";partly-implemented\r\n'
        f'r2022;rek-1;{REC_1};"ks\nsn";ks;agree;matbara;Gör målen mätbara.;;2023-06;in-progress;2023-02-01;'
        "Mätetalen är utkastade.;;partly-implemented\r\n"
        "r2022;rek-2;Följ upp målen.;sn;sn;disagree;;;;;;;;;\r\n"
    )


def test_default_output_is_named_by_language_and_organisation(plan_repo, cli, tmp_path):
    run = cli("export", "plan", str(plan_repo.root), "--format", "csv", "--org", "acme", "--lang", "sv", cwd=tmp_path)
    assert run.code == 0
    assert (tmp_path / "atgardsplan-acme.csv").is_file()


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "ods"], "auditrack: unknown format 'ods'; use xlsx or csv\n"),
    (["--org", "nope"], "auditrack: unknown organisation 'nope'; the organisations are: acme\n"),
    (["--org", "nope", "--lang", "sv"], "auditrack: okänd organisation 'nope'; organisationerna är: acme\n"),
])
def test_usage_errors_exit_2(plan_repo, cli, tmp_path, args, message):
    run = cli("export", "plan", str(plan_repo.root), *args, cwd=tmp_path)
    assert (run.code, run.stderr) == (2, message)
    assert list(tmp_path.iterdir()) == [plan_repo.root]


def test_data_errors_exit_3_and_write_nothing(plan_repo, cli, tmp_path):
    plan_repo.write("recommendations/acme/2022-malstyrning/response-sn.yaml", RESPONSE_SN.replace("rek-2", "rek-9"))
    run = cli("export", "plan", str(plan_repo.root), "--format", "csv", cwd=tmp_path)
    assert (run.code, run.stderr) == (3, "auditrack: 1 data error(s); nothing written. `auditrack check` lists them\n")
    assert not (tmp_path / "action-plan.csv").exists()


def test_an_output_that_is_a_folder_is_refused(plan_repo, cli, tmp_path):
    run = cli("export", "plan", str(plan_repo.root), "--format", "csv", "--output", str(tmp_path))
    assert run.code == 2
    assert run.stderr == f"auditrack: cannot write {tmp_path}: it is a folder, not a regular file; auditrack writes " \
                         "only to regular files and has not touched it\n"


def export_bytes(cwd, *args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """`python -m auditrack export plan ARGS` as a process whose standard output is read as bytes."""
    return subprocess.run([sys.executable, "-m", "auditrack", "export", "plan", *args], cwd=cwd, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=60)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_output_dash_writes_the_files_bytes_to_a_pipe(plan_repo, tmp_path, fmt):
    out = tmp_path / f"plan.{fmt}"
    assert export_bytes(tmp_path, str(plan_repo.root), "--format", fmt, "--output", str(out)).returncode == 0
    piped = export_bytes(tmp_path, str(plan_repo.root), "--format", fmt, "--output", "-")
    assert (piped.returncode, piped.stderr) == (0, b"auditrack: wrote the plan to standard output (3 rows)\n")
    if fmt == "csv":
        assert piped.stdout == out.read_bytes()
    else:  # a workbook's zip records when it was saved, so its contents are compared
        sheet = openpyxl.load_workbook(io.BytesIO(piped.stdout)).active
        assert [list(row) for row in sheet.iter_rows(values_only=True)] == [HEADERS_EN] + ROWS
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([plan_repo.root.name, out.name])


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize(("lang", "message"), [
    ("en", "auditrack: the xlsx workbook is binary and standard output is a terminal: give a file name, e.g. "
           "--output action-plan.xlsx, or redirect it (--output - > action-plan.xlsx)\n"),
    ("sv", "auditrack: arbetsboken (xlsx) är binär och standard ut är en terminal: ange ett filnamn, till exempel "
           "--output atgardsplan.xlsx, eller styr om den (--output - > atgardsplan.xlsx)\n"),
])
def test_output_dash_refuses_a_workbook_to_a_terminal(plan_repo, tmp_path, lang, message):
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        run = export_bytes(tmp_path, str(plan_repo.root), "--output", "-", "--lang", lang, stdout=follower)
        printed = select.select([leader], [], [], 0)[0]
    finally:
        os.close(follower)
        os.close(leader)
    assert (run.returncode, run.stderr.decode("utf-8"), printed) == (2, message, [])
    assert list(tmp_path.iterdir()) == [plan_repo.root]


def test_help_says_what_output_dash_does(cli):
    run = cli("export", "plan", "--help")
    text = " ".join(run.stdout.split())
    assert "--output - writes to standard output: csv always, the binary xlsx only when standard output is a pipe " \
           "or a file, not a terminal (as `git archive` does)." in text
    assert "- writes to standard output (xlsx only to a pipe or a file, never to a terminal)." in text
