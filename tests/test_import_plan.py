"""`auditrack import plan`: an exported plan edited with openpyxl (or as CSV text) and read back, in a git
repository copied from tests/boards/, through the real CLI; `git diff` shows exactly what changed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from conftest import run_process

BOARDS = Path(__file__).parent / "boards"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repository(tmp_path) -> Path:
    root = tmp_path / "norrby"
    shutil.copytree(BOARDS, root)
    git(root, "init", "-q")
    git(root, "config", "user.name", "Anna Andersson")
    git(root, "config", "user.email", "anna@example.se")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def exported(root: Path, fmt: str = "xlsx", *args: str) -> Path:
    out = root.parent / f"plan.{fmt}"
    run = run_process("export", "plan", str(root), "--format", fmt, "--output", str(out), *args)
    assert run.code == 0, run.stderr
    return out


def edited(sheet_file: Path, cells: dict[str, object]) -> Path:
    book = openpyxl.load_workbook(sheet_file)
    for name, value in cells.items():
        book.active[name] = value
    book.save(sheet_file)
    return sheet_file


def import_plan(root: Path, sheet_file: Path, *args: str):
    return run_process("import", "plan", str(sheet_file), str(root), *args)


def diff_lines(root: Path) -> list[str]:
    diff = git(root, "diff", "-U0", "--no-color")
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_unchanged_plan_writes_nothing(repository, fmt):
    out = exported(repository, fmt)
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (0, f"auditrack: {out}: nothing changed\n")
    assert git(repository, "status", "--porcelain") == ""


def test_three_edited_cells_land_as_exactly_those_changes(repository):
    role = repository / "governance/norrby/roles/ekonomichef.yaml"
    role.write_text("kind: role\nid: ekonomichef\norganisation: norrby\nname: Ekonomichef\n", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "role")
    out = edited(exported(repository), {"K2": "done", "N2": "KS 2024-04-02 § 7", "I2": "ekonomichef"})
    run = import_plan(repository, out, "--date", "2024-04-02")
    assert (run.code, run.stderr) == (
        0, "auditrack: updated 1 action(s) in recommendations/norrby/2023-styrning/response-ks.yaml\n")
    assert diff_lines(repository) == [
        "-    owner: kommundirektor",
        "+    owner: ekonomichef",
        "-    status: planned",
        "+    status: done",
        "+    done: 2024-04-02",
        "+    evidence:",
        "+      - KS 2024-04-02 § 7",
        "+    updates:",
        "+      - date: 2024-04-02",
        "+        status: done",
        "+        by: Anna Andersson",
    ]


def test_every_kind_of_bad_cell_is_named_and_nothing_is_written(repository):
    out = edited(exported(repository), {"J2": "31/3", "K2": "klar", "K3": "done"})
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (3, (
        "Action plan!K2: 'klar' is not a status: use planned, in-progress, done or cancelled\n"
        "Action plan!J2: '31/3' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31\n"
        "Action plan!K3: this row has no action, so it has no status; add the action to the response file first\n"
        f"auditrack: 3 bad cell(s) in {out}; nothing written\n"))
    assert git(repository, "status", "--porcelain") == ""


def test_a_moved_due_date_and_removed_owner_are_refused_in_swedish(repository):
    out = edited(exported(repository, "xlsx", "--lang", "sv"), {"J2": "2024-06-30", "I2": None})
    run = import_plan(repository, out, "--lang", "sv")
    assert (run.code, run.stderr) == (3, (
        "Åtgärdsplan!J2: datumet ändrades från 2024-03-31 till 2024-06-30: ett nytt datum är styrelsens eller "
        "nämndens beslut; registrera det med `auditrack progress ks-a1 --due 2024-06-30 --decision '…'` och låt "
        "cellen vara som den var\n"
        "Åtgärdsplan!I2: ansvarig 'kommundirektor' togs bort: i kalkylbladet kan ansvarig bara anges; ta bort den "
        "i svarsfilen\n"
        f"auditrack: 2 felaktiga celler i {out}; inget skrevs\n"))
    assert git(repository, "status", "--porcelain") == ""


def test_an_older_sheet_says_which_action_does_not_match(repository):
    out = edited(exported(repository), {"K2": "done"})
    response = repository / "recommendations/norrby/2023-styrning/response-ks.yaml"
    response.write_text(response.read_text(encoding="utf-8").replace("id: ks-a1", "id: ks-a9"), encoding="utf-8")
    git(repository, "commit", "-qam", "renamed")
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (3, (
        "Action plan!G2: the recommendation 'r1' has no action 'ks-a1': it may have been removed or renamed since "
        "the export; export the plan again\n"
        "Action plan!G7: the recommendation 'r6' has no action 'ks-a1': it may have been removed or renamed since "
        "the export; export the plan again\n"
        f"auditrack: 2 bad cell(s) in {out}; nothing written\n"))
    assert git(repository, "status", "--porcelain") == ""


def test_a_csv_cell_is_named_by_file_row_and_column(repository):
    out = exported(repository, "csv")
    text = out.read_text(encoding="utf-8-sig").replace(";planned;", ";finished;", 1)
    out.write_text("\ufeff" + text, encoding="utf-8")
    run = import_plan(repository, out)
    assert (run.code, run.stderr) == (3, (
        "plan.csv:2:Status: 'finished' is not a status: use planned, in-progress, done or cancelled\n"
        f"auditrack: 1 bad cell(s) in {out}; nothing written\n"))


def test_a_file_that_is_not_a_plan_is_a_usage_error(repository):
    other = repository.parent / "other.csv"
    other.write_text("a;b\n1;2\n", encoding="utf-8")
    run = import_plan(repository, other)
    assert (run.code, run.stderr) == (2, f"auditrack: {other} is not an exported action plan: the column 'Report' "
                                         "is missing\n")
