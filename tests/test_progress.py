"""`auditrack progress ACTION` end to end, as an officer runs it: in a git repository copied from tests/boards/,
each step's `git diff` shows only the lines it should and `check` finds no data error after it; the refusals
with their exact messages and exit codes; R111 for a due date moved without a decision."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_process

BOARDS = Path(__file__).parent / "boards"
RESPONSE = "recommendations/norrby/2023-styrning/response-ks.yaml"
DATE_HELP = "write it as YYYY-MM-DD, e.g. 2024-03-31"


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


def progress(root: Path, *args: str):
    return run_process("progress", *args, cwd=root)


def diff_lines(root: Path) -> list[str]:
    """The lines `git diff` removes and adds, and commits them, so the next step's diff is its own."""
    diff = git(root, "diff", "-U0", "--no-color")
    git(root, "commit", "-qam", "step")
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def data_errors(root: Path) -> list[str]:
    import json

    run = run_process("check", str(root), "--format", "json", "--as-of", "2024-04-01")
    assert run.code in (0, 1), run.stderr
    return [f"{f['code']} {f['message']}" for f in json.loads(run.stdout)["findings"] if f["code"][0] in "YSXC"]


@pytest.mark.parametrize("lang, warning", [
    ("en", "auditrack: the action 'ks-a1' is done without evidence, which `auditrack check` will report (R105); "
           "record it with --evidence (a decision, a minute's paragraph, a link)\n"),
    ("sv", "auditrack: åtgärden 'ks-a1' är genomförd utan underlag, vilket `auditrack check` kommer att visa (R105); "
           "registrera det med --evidence (ett beslut, en protokollsparagraf, en länk)\n"),
])
def test_done_without_evidence_is_recorded_with_a_warning(repository, lang, warning):
    run = progress(repository, "ks-a1", "--done", "--date", "2024-03-12", "--lang", lang)
    assert (run.code, run.stderr) == (0, warning)
    assert "+    status: done" in diff_lines(repository)
    # evidence given later, then done again: nothing to warn about
    assert progress(repository, "ks-a1", "--evidence", "KS 2024-03-12 § 40").stderr == ""
    assert progress(repository, "ks-a1", "--done", "--note", "Klar.").stderr == ""


def test_in_progress_then_done_with_evidence(repository):
    run = progress(repository, "ks-a1", "--status", "in-progress", "--note", "Arbetet har börjat: en mall finns.",
                   "--date", "2024-01-10")
    assert (run.code, run.stdout, run.stderr) == (
        0, f"auditrack: recorded progress on the action 'ks-a1' in {RESPONSE}\n", "")
    assert diff_lines(repository) == [
        "-    status: planned",
        "+    status: in-progress",
        "+    updates:",
        "+      - date: 2024-01-10",
        "+        status: in-progress",
        '+        note: "Arbetet har börjat: en mall finns."',
        "+        by: Anna Andersson",
    ]
    assert data_errors(repository) == []

    run = progress(repository, "ks-a1", "--done", "--evidence", "KS 2024-03-12 § 40", "--evidence",
                   "https://norrby.se/protokoll/ks-2024-03-12.pdf", "--date", "2024-03-12", "--by", "Per Persson")
    assert run.code == 0, run.stderr
    assert diff_lines(repository) == [
        "-    status: in-progress",
        "+    status: done",
        "+    done: 2024-03-12",
        "+    evidence:",
        "+      - KS 2024-03-12 § 40",
        "+      - https://norrby.se/protokoll/ks-2024-03-12.pdf",
        "+      - date: 2024-03-12",
        "+        status: done",
        "+        by: Per Persson",
    ]
    assert data_errors(repository) == []


def test_a_file_with_crlf_line_endings_and_a_bom_keeps_them(repository):
    path = repository / RESPONSE
    original = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    run = progress(repository, "ks-a1", "--status", "in-progress", "--date", "2024-01-10", "--by", "Anna")
    assert run.code == 0, run.stderr
    assert path.read_bytes() == b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n").replace(
        b"    status: planned\r\n",
        b"    status: in-progress\r\n    updates:\r\n      - date: 2024-01-10\r\n        status: in-progress\r\n"
        b"        by: Anna\r\n")


def test_a_new_due_date_with_its_decision(repository):
    run = progress(repository, "ks-a1", "--due", "2024-06-30", "--decision", "KS 2024-02-13 § 22", "--date",
                   "2024-02-14", "--note", "Upphandlingen drog ut på tiden.", "--lang", "sv")
    assert (run.code, run.stdout) == (0, f"auditrack: framstegen för åtgärden 'ks-a1' har registrerats i {RESPONSE}\n")
    assert diff_lines(repository) == [
        "-    due: 2024-03-31",
        "+    due: 2024-06-30",
        "+    updates:",
        "+      - date: 2024-02-14",
        "+        note: Upphandlingen drog ut på tiden.",
        "+        by: Anna Andersson",
        "+        due: 2024-06-30",
        "+        moved_from: 2024-03-31",
        "+        decision: KS 2024-02-13 § 22",
    ]
    # R104 reads the current due date: on 2024-04-01 the action is not late.
    run = run_process("check", str(repository), "--as-of", "2024-04-01")
    assert "R104" not in run.stdout and "R111" not in run.stdout


def moved_by_hand(root: Path, *updates: str) -> None:
    """The action ks-a1 due 2024-06-30, with these lines under its `updates:`, written by hand."""
    path = root / RESPONSE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    due: 2024-03-31\n", "    due: 2024-06-30\n    updates:\n" + "".join(f"{u}\n" for u in updates)),
        encoding="utf-8")


def test_a_due_date_moved_by_hand_without_a_decision_is_r111(repository):
    moved_by_hand(repository, "      - {date: 2024-02-14, due: 2024-05-31, decision: KS 2024-02-13 § 22}",
                  "      - {date: 2024-03-20, note: Ny försening.}", "      - {date: 2024-03-25, due: 2024-06-30}")
    for lang, message in (("en", "the due date of the action 'ks-a1' was moved to 2024-06-30 on 2024-03-25 without "
                                 "a recorded decision"),
                          ("sv", "datumet för när åtgärden 'ks-a1' ska vara klar flyttades till 2024-06-30 den "
                                 "2024-03-25 utan något registrerat beslut")):
        run = run_process("check", str(repository), "--as-of", "2024-04-01", "--lang", lang)
        r111 = [line for line in run.stdout.splitlines() if "R111" in line]
        severity = "fel" if lang == "sv" else "error"
        assert r111 == [f"{RESPONSE}:21:28  R111  {severity}  {message}"]


def test_a_second_move_records_the_date_the_first_set(repository):
    progress(repository, "ks-a1", "--due", "2024-06-30", "--decision", "KS 2024-02-13 § 22", "--date", "2024-02-14")
    diff_lines(repository)
    progress(repository, "ks-a1", "--due", "2024-12-31", "--decision", "KS 2024-06-11 § 80", "--date", "2024-06-12")
    assert diff_lines(repository) == [
        "-    due: 2024-06-30",
        "+    due: 2024-12-31",
        "+      - date: 2024-06-12",
        "+        by: Anna Andersson",
        "+        due: 2024-12-31",
        "+        moved_from: 2024-06-30",
        "+        decision: KS 2024-06-11 § 80",
    ]
    assert data_errors(repository) == []


def test_an_unchanged_due_date_records_no_move(repository):
    progress(repository, "ks-a1", "--due", "2024-03-31", "--decision", "KS 2024-02-13 § 22", "--date", "2024-02-14")
    assert "+        moved_from" not in "\n".join(diff_lines(repository))


def test_r111_reads_the_move_from_moved_from(repository):
    """An entry that names the date it replaced moves the date only when `due` differs from it, whatever the
    entry before it says."""
    moved_by_hand(repository, "      - {date: 2024-02-14, due: 2024-03-31, moved_from: 2024-03-31}",
                  "      - {date: 2024-03-25, due: 2024-06-30, moved_from: 2024-05-31}")
    run = run_process("check", str(repository), "--as-of", "2024-04-01")
    assert [line for line in run.stdout.splitlines() if "R111" in line] == [
        f"{RESPONSE}:20:28  R111  error  the due date of the action 'ks-a1' was moved to 2024-06-30 on 2024-03-25 "
        "without a recorded decision"]


def test_the_first_moved_due_date_needs_a_decision_too(repository):
    moved_by_hand(repository, "      - date: 2024-02-14", "        due: 2024-06-30")
    run = run_process("check", str(repository), "--as-of", "2024-04-01")
    assert [line.split("  ")[:2] for line in run.stdout.splitlines() if "R111" in line] == [[f"{RESPONSE}:20:9", "R111"]]


@pytest.mark.parametrize("args, lang_message", [
    (("ks-a2", "--done"), "there is no action 'ks-a2'; did you mean 'ks-a1'?"),
    (("a1", "--done"), "there is no action 'a1'; did you mean 'ks-a1'?"),  # the short form lists show
    (("ks-a1", "--org", "annan", "--done"), "there is no action 'ks-a1' in the organisation 'annan'; did you mean 'ks-a1'?"),
    (("ks-a1", "--done", "--date", "31/3"), f"--date '31/3' is not a date: {DATE_HELP}"),
    (("ks-a1", "--done", "--date", "2024-02-30"), f"--date '2024-02-30' is not a date: {DATE_HELP}"),
    (("ks-a1", "--due", "20240630", "--decision", "KS 1"), f"--due '20240630' is not a date: {DATE_HELP}"),
    (("ks-a1", "--due", "2024-06-30"), "--due needs --decision: a new due date is the board's decision; give its "
                                       "reference, e.g. --decision 'KS 2024-02-13 § 22'"),
    (("ks-a1", "--decision", "KS 1"), "--decision goes with --due: it records the decision that moved the due date"),
    (("ks-a1", "--done", "--status", "planned"), "--done and --status planned contradict each other; give one of them"),
    (("ks-a1",), "nothing to record: give --status, --done, --note, --evidence or --due"),
])
def test_usage_errors_exit_2_and_change_nothing(repository, args, lang_message):
    run = progress(repository, *args)
    assert (run.code, run.stdout, run.stderr) == (2, "", f"auditrack: {lang_message}\n")
    assert git(repository, "status", "--porcelain") == ""


def test_usage_errors_in_swedish(repository):
    run = progress(repository, "ks-a2", "--done", "--lang", "sv")
    assert (run.code, run.stderr) == (2, "auditrack: det finns ingen åtgärd 'ks-a2'; menade du 'ks-a1'?\n")
    run = progress(repository, "ks-a1", "--done", "--date", "31/3", "--lang", "sv")
    assert (run.code, run.stderr) == (
        2, "auditrack: --date '31/3' är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-31\n")


def test_an_action_in_a_file_that_cannot_be_read_is_not_called_unknown_without_saying_so(repository):
    path = repository / RESPONSE
    path.write_text(path.read_text(encoding="utf-8").replace("    status: planned", "   status: planned"),
                    encoding="utf-8")
    run = progress(repository, "ks-a1", "--done")
    assert (run.code, run.stderr) == (2, (
        f"auditrack: there is no action 'ks-a1'; 1 data file could not be read and may hold it ({RESPONSE}): "
        "`auditrack check` says why\n"))
    run = progress(repository, "ks-a1", "--done", "--lang", "sv")
    assert run.stderr == (f"auditrack: det finns ingen åtgärd 'ks-a1'; 1 datafil gick inte att läsa och kan "
                          f"innehålla den ({RESPONSE}): `auditrack check` visar varför\n")


def test_an_unknown_status_is_a_usage_error(repository):
    run = progress(repository, "ks-a1", "--status", "klar")
    assert run.code == 2 and "'klar' is not one of planned, in-progress, done, cancelled." in run.stderr


def test_an_id_in_two_organisations_needs_org(repository):
    shutil.copytree(repository / "governance/norrby", repository / "governance/sodra")
    shutil.copytree(repository / "recommendations/norrby", repository / "recommendations/sodra")
    for path in [*(repository / "governance/sodra").rglob("*.yaml"), *(repository / "recommendations/sodra").rglob("*.yaml")]:
        path.write_text(path.read_text(encoding="utf-8").replace("norrby", "sodra").replace("Norrby", "Södra"),
                        encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "a second organisation")
    run = progress(repository, "ks-a1", "--done")
    assert (run.code, run.stderr) == (2, (
        "auditrack: the action id 'ks-a1' exists in several organisations: norrby (" + RESPONSE + "), sodra ("
        + RESPONSE.replace("norrby", "sodra") + "); choose one with --org\n"))
    run = progress(repository, "ks-a1", "--org", "sodra", "--status", "in-progress", "--date", "2024-01-10")
    assert run.code == 0, run.stderr
    assert git(repository, "status", "--porcelain") == f" M {RESPONSE.replace('norrby', 'sodra')}\n"


def test_a_file_with_errors_is_refused_with_its_findings(repository):
    path = repository / RESPONSE
    path.write_text(path.read_text(encoding="utf-8").replace("owner: kommundirektor", "owner: kommundirektör"),
                    encoding="utf-8")
    before = path.read_bytes()
    run = progress(repository, "ks-a1", "--done")
    assert run.code == 3
    assert run.stderr.splitlines()[0].startswith(f"{RESPONSE}:16:12  S004  error  field 'actions › item 1 › owner': ")
    assert run.stderr.splitlines()[-1] == (f"auditrack: {RESPONSE} has data errors, so it is not changed; fix them "
                                           "(`auditrack check` lists them) and try again")
    assert path.read_bytes() == before
    run = progress(repository, "ks-a1", "--done", "--lang", "sv")
    assert run.stderr.splitlines()[0].startswith(f"{RESPONSE}:16:12  S004  fel  fältet 'actions › punkt 1 › owner': ")
    assert run.stderr.splitlines()[-1] == (f"auditrack: {RESPONSE} innehåller fel i uppgifterna och ändras därför "
                                           "inte; rätta dem (`auditrack check` visar dem) och försök igen")


def test_a_change_that_would_make_an_error_is_refused(repository):
    run = progress(repository, "ks-a1", "--evidence", "")
    assert run.code == 3, run.stderr
    assert run.stderr.splitlines()[:2] == [
        f"{RESPONSE}:20:9  S004  error  field 'actions › item 1 › evidence › item 1': must not be empty",
        f"auditrack: the change would give {RESPONSE} the data errors above, so it is not changed"]
    assert git(repository, "status", "--porcelain") == ""


def test_a_linked_response_is_refused(repository):
    path = repository / RESPONSE
    (repository / "archive").mkdir()
    path.rename(repository / "archive/response-ks.yaml")
    path.symlink_to(Path("../../../archive/response-ks.yaml"))
    run = progress(repository, "ks-a1", "--done")
    assert (run.code, run.stderr) == (2, (
        f"auditrack: cannot write {RESPONSE}: it is a symbolic link, not a regular file; auditrack "
        "writes only to regular files and has not touched it\n"))
    assert (repository / "archive/response-ks.yaml").read_bytes() == git(repository, "show", f"HEAD:{RESPONSE}").encode()
