"""`auditrack check [PATH]`: output formats, the JSON contract, exit codes, and leaving data untouched."""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys

import pytest

import auditrack

ANSI = re.compile(r"\x1b\[")

GOAL_PATH = "governance/acme/goals/egen-forsorjning.yaml"
INDICATOR_PATH = "governance/acme/indicators/deltagare.yaml"

# An overall goal with no sub-goals: a governance gap of severity error (G101).
OVERALL_GOAL = """\
kind: goal
id: egen-forsorjning
organisation: acme
level: overall
text: Fler invånare ska gå från försörjningsstöd till egen försörjning.
"""

# An indicator that serves no goal: a governance gap of severity warning (G105), and nothing else.
INDICATOR = """\
kind: indicator
id: deltagare
organisation: acme
name: Antal deltagare per insats
"""


# --------------------------------------------------------------------------- the JSON contract


def test_valid_repository_json_contract(repo, check):
    run = check(repo.root)
    assert run.code == 0
    assert run.stderr == ""
    document = run.json
    assert {"auditrack", "as_of", "files", "findings", "summary"} <= set(document)
    assert document["auditrack"] == auditrack.__version__
    assert document["as_of"] == repo.AS_OF
    assert document["files"] == 3
    assert document["findings"] == []
    assert document["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_json_finding_has_every_contract_key(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("date: 2022-03-15", "date: 2022-13-01"))
    run = check(repo.root)
    finding = run.only_finding
    assert {"code", "severity", "message", "file", "line", "column", "subject"} <= set(finding)
    assert finding["code"] == "S004"
    assert finding["severity"] == "error"
    assert isinstance(finding["message"], str) and finding["message"]
    assert finding["file"] == repo.REPORT_PATH  # relative to PATH, with forward slashes
    assert (finding["line"], finding["column"]) == (6, 7)
    assert finding["subject"] == "r2022"
    assert run.json["summary"] == {"error": 1, "warning": 0, "info": 0}
    assert run.code == 3


def test_json_subject_is_null_when_no_record_is_concerned(repo, check):
    repo.write("governance/acme/roles/trasig.yaml", "kind: role\nid: [trasig\n")
    finding = check(repo.root).only_finding
    assert finding["code"] == "Y001"
    assert finding["subject"] is None


def test_file_is_relative_to_path_however_path_is_written(repo, cli):
    run = cli("check", "data", "--format", "json", "--as-of", repo.AS_OF, cwd=repo.root.parent)
    assert run.json["files"] == 3
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("date: 2022-03-15", "date: 2022-13-01"))
    for path, cwd in (("data", repo.root.parent), (".", repo.root), (str(repo.root), repo.root.parent.parent)):
        run = cli("check", path, "--format", "json", "--as-of", repo.AS_OF, cwd=cwd)
        assert run.only_finding["file"] == repo.REPORT_PATH, path


# --------------------------------------------------------------------------- the "done when"

DONE_WHEN = {
    "misspelt field": (("addressees: [ks]", "adressees: [ks]"), "S003", 8, 1, "did you mean 'addressees'?"),
    "bad date": (("date: 2022-03-15", "date: 2022-02-30"), "S004", 6, 7, "'2022-02-30' is not a valid date"),
    "duplicate key": (("audit_firm: KPMG AB\n", "audit_firm: KPMG AB\ntitle: Igen\n"), "Y002", 6, 1, "'title' appears twice"),
    "dangling reference": (("addressees: [ks]", "addressees: [kommunstyrelsen]"), "X001", 8, 14, "'kommunstyrelsen'"),
}


@pytest.mark.parametrize("case", DONE_WHEN, ids=list(DONE_WHEN))
def test_one_clear_message_at_the_right_line_and_exit_3(repo, check, cli, case):
    (old, new), code, line, column, key_part = DONE_WHEN[case]
    repo.write(repo.REPORT_PATH, repo.REPORT.replace(old, new))

    run = check(repo.root)
    finding = run.only_finding
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == (code, repo.REPORT_PATH, line, column)
    assert key_part in finding["message"]
    assert run.code == 3

    text = cli("check", str(repo.root), "--as-of", repo.AS_OF)
    assert text.code == 3
    lines = [entry for entry in text.stdout.splitlines() if not entry.startswith(" ")]
    assert lines[0] == f"{repo.REPORT_PATH}:{line}:{column}  {code}  error  {finding['message']}"
    assert lines[1:] == [f"1 error, 0 warnings, 0 info in 3 files (as of {repo.AS_OF})"]


def test_dangling_reference_text_output_suggests(repo, cli):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kss]"))
    run = cli("check", str(repo.root), "--as-of", repo.AS_OF)
    assert run.code == 3
    assert f"{repo.REPORT_PATH}:8:14  X001  " in run.stdout
    assert "did you mean 'ks'?" in run.stdout


def test_every_problem_in_every_file_is_reported(repo, check):
    repo.write(repo.ORG_PATH, repo.ORGANISATION + "name: Igen\n")  # Y002 (the record still loads)
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("date: 2022-03-15", "date: 2022-13-01"))  # S004
    repo.write("governance/acme/bodies/styrgrupp.yaml", repo.BOARD.replace("id: ks", "id: styrgrupp") + "parent: kss\n")  # X001
    repo.write("governance/acme/roles/trasig.yaml", "kind: role\nid: [trasig\n")  # Y001
    run = check(repo.root)
    assert [(f["code"], f["file"], f["line"]) for f in run.findings] == [
        ("X001", "governance/acme/bodies/styrgrupp.yaml", 7),
        ("Y002", repo.ORG_PATH, 4),
        ("Y001", "governance/acme/roles/trasig.yaml", 3),
        ("S004", repo.REPORT_PATH, 6),
    ]
    assert run.json["files"] == 5
    assert run.json["summary"] == {"error": 4, "warning": 0, "info": 0}
    assert run.code == 3


def test_yml_files_are_read_and_other_files_ignored(repo, check):
    repo.write("governance/acme/roles/kommundirektor.yml", "kind: role\nid: kommundirektor\norganisation: acme\nname: Kommundirektör\nstanding: true\n")
    repo.write("governance/acme/README.md", "# Acme\n")
    repo.write("governance/acme/notes.txt", "id: [\n")
    run = check(repo.root)
    assert run.json["files"] == 4
    assert run.findings == []


# --------------------------------------------------------------------------- exit codes and --fail-on


def test_gap_of_severity_error_exits_1(repo, check):
    repo.write(GOAL_PATH, OVERALL_GOAL)
    run = check(repo.root)
    assert "G101" in run.codes
    assert {f["code"][0] for f in run.findings} == {"G"}
    assert run.code == 1
    assert check(repo.root, "--fail-on", "never").code == 0


@pytest.mark.parametrize(("fail_on", "expected"), [(None, 0), ("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_with_a_warning(repo, check, fail_on, expected):
    repo.write(INDICATOR_PATH, INDICATOR)
    run = check(repo.root, *(["--fail-on", fail_on] if fail_on else []))
    assert [(f["code"], f["severity"]) for f in run.findings] == [("G105", "warning")]
    assert run.json["summary"] == {"error": 0, "warning": 1, "info": 0}
    assert run.code == expected


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_untrustworthy_data_exits_3_whatever_fail_on(repo, check, fail_on):
    repo.write(INDICATOR_PATH, INDICATOR)
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kss]"))
    run = check(repo.root, "--fail-on", fail_on)
    # The indicator's gap (G105) is held back while the organisation's data has an error (X003 says so).
    assert sorted(run.codes) == ["X001", "X003"]
    assert run.code == 3


def test_bad_fail_on_is_a_usage_error(repo, check):
    assert check(repo.root, "--fail-on", "sometimes").code == 2


@pytest.mark.parametrize("as_of", ["2022-13-01", "idag", "2022-03", "15/03/2022", ""])
def test_bad_as_of_is_a_usage_error(repo, cli, as_of):
    run = cli("check", str(repo.root), "--as-of", as_of)
    assert run.code == 2
    assert f"'{as_of}' is not a date" in run.stderr
    assert "YYYY-MM-DD" in run.stderr
    assert run.stdout == ""


def test_as_of_sets_the_date(repo, cli):
    run = cli("check", str(repo.root), "--format", "json", "--as-of", "2031-12-31")
    assert run.json["as_of"] == "2031-12-31"
    text = cli("check", str(repo.root), "--as-of", "2022-03-20")
    assert text.stdout.splitlines()[-1].endswith("(as of 2022-03-20)")


def test_as_of_default_is_today(repo, cli):
    import datetime

    before = datetime.date.today().isoformat()
    as_of = cli("check", str(repo.root), "--format", "json").json["as_of"]
    assert as_of in {before, datetime.date.today().isoformat()}


def test_nonexistent_path_is_a_usage_error(tmp_path, cli):
    run = cli("check", str(tmp_path / "finns-inte"), "--format", "json")
    assert run.code == 2
    assert "finns-inte" in run.stderr
    assert run.stdout == ""


def test_a_file_outside_the_current_folder_with_no_configuration_above_is_a_usage_error(repo, cli, tmp_path):
    """With no auditrack.yaml, a named file's repository is the current folder; one outside it has none."""
    (tmp_path / "elsewhere").mkdir()
    run = cli("check", str(repo.root / repo.ORG_PATH), cwd=tmp_path / "elsewhere")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"auditrack: no data folders in {repo.root / 'governance' / 'acme'} (looked for "
                          "recommendations/, governance/); run it in a data repository, or create one with "
                          "`auditrack init`\n")


def test_folder_without_data_folders_is_a_usage_error(tmp_path, cli):
    run = cli("check", str(tmp_path))
    assert run.code == 2
    assert "recommendations/" in run.stderr and "governance/" in run.stderr


def test_unknown_format_is_a_usage_error(repo, cli):
    run = cli("check", str(repo.root), "--format", "yaml")
    assert run.code == 2
    assert "yaml" in run.stderr


def test_path_defaults_to_the_current_directory(repo, cli):
    run = cli("check", "--format", "json", "--as-of", repo.AS_OF, cwd=repo.root)
    assert run.json["files"] == 3
    assert run.code == 0


# --------------------------------------------------------------------------- data files are never modified


def snapshot(root) -> dict:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_check_never_modifies_data_files(repo, cli, process):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kss]").replace("\n", "\r\n"))
    repo.write("governance/acme/roles/trasig.yaml", b"\xef\xbb\xbfkind: role\nid: [trasig\n")
    repo.write(INDICATOR_PATH, INDICATOR)
    repo.write("auditrack.yaml", "fail_on: warning\n")
    before = snapshot(repo.root)
    assert cli("check", str(repo.root), "--format", "json").code == 3
    assert cli("check", str(repo.root)).code == 3
    assert process("check", str(repo.root), "--format", "json").code == 3
    assert snapshot(repo.root) == before


# --------------------------------------------------------------------------- terminal and colour


def test_output_through_a_pipe_has_no_escape_codes(repo, process):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kss]"))
    repo.write(INDICATOR_PATH, INDICATOR)
    run = process("check", str(repo.root), "--as-of", repo.AS_OF)
    assert run.code == 3
    assert f"{repo.REPORT_PATH}:8:14  X001  " in run.stdout
    assert not ANSI.search(run.stdout + run.stderr)


# A valid repository with one gap of each severity: G101 (error), G105 (warning) and R101 (info: not due yet).
REQUESTED = "response_request: {requested_from: [ks], requested_on: 2022-03-16, due: 2022-06-30}\nrecommendations:"
SEVERITY_LINES = {
    "en": [
        f"{GOAL_PATH}:4:1  G101  error  the overall goal 'egen-forsorjning' is not broken down into measurable "
        "sub-goals",
        f"{INDICATOR_PATH}:4:1  G105  warning  the indicator 'deltagare' is not linked to any goal",
        "recommendations/acme/2022-malstyrning/report.yaml:10:37  R101  info  a response to 'Granskning av målstyrning' "
        "was requested from Kommunstyrelsen (ks) on 2022-03-16; it is due 2022-06-30 and not yet recorded",
        "1 error, 1 warning, 1 info in 5 files (as of 2022-03-20)",
    ],
    "sv": [
        f"{GOAL_PATH}:4:1  G101  fel  det övergripande målet 'egen-forsorjning' är inte nedbrutet i mätbara delmål",
        f"{INDICATOR_PATH}:4:1  G105  varning  nyckeltalet 'deltagare' är inte kopplat till något mål",
        "recommendations/acme/2022-malstyrning/report.yaml:10:37  R101  upplysning  Kommunstyrelsen (ks) ombads 2022-03-16 att "
        "svara på 'Granskning av målstyrning'; svaret ska lämnas senast 2022-06-30 och är ännu inte registrerat",
        "1 fel, 1 varning, 1 upplysning i 5 filer (per 2022-03-20)",
    ],
}


def one_gap_of_each_severity(repo) -> None:
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("recommendations:", REQUESTED))
    repo.write(GOAL_PATH, OVERALL_GOAL)
    repo.write(INDICATOR_PATH, INDICATOR)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_piped_text_names_each_severity_in_words(repo, process, lang):
    """Without colour, the severity word is what tells an error from a warning."""
    one_gap_of_each_severity(repo)
    run = process("check", str(repo.root), "--as-of", repo.AS_OF, "--lang", lang)
    assert [line for line in run.stdout.splitlines() if not line.startswith("    help: ")] == SEVERITY_LINES[lang]
    assert run.code == 1


def run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run `python -m auditrack ARGS` with a pseudo-terminal as stdout and return what it printed."""
    pty = pytest.importorskip("pty")
    import subprocess

    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"}}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "200", **env})
    try:
        proc = subprocess.Popen([sys.executable, "-m", "auditrack", *args], stdout=follower, stderr=follower, env=environment)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_no_color_on_a_terminal_has_no_escape_codes(repo):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kss]"))
    args = ["check", str(repo.root), "--as-of", repo.AS_OF]
    coloured = run_in_terminal(args, {})
    assert ANSI.search(coloured), "a terminal without NO_COLOR should get colour"
    plain = run_in_terminal(args, {"NO_COLOR": "1"})
    assert f"{repo.REPORT_PATH}:8:14  X001  " in plain
    assert not ANSI.search(plain)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}], ids=["colour", "NO_COLOR"])
def test_a_terminal_shows_each_severity_in_words(repo, env):
    one_gap_of_each_severity(repo)
    shown = run_in_terminal(["check", str(repo.root), "--as-of", repo.AS_OF, "--lang", "sv"], env)
    lines = [line for line in re.sub(r"\x1b\[[0-9;]*m", "", shown).splitlines() if not line.startswith("    help: ")]
    assert lines == SEVERITY_LINES["sv"]


# --------------------------------------------------------------------------- version


def test_python_m_auditrack_version(process):
    run = process("--version")
    assert run.code == 0
    assert run.stdout == f"auditrack {auditrack.__version__}\n"
    assert auditrack.__version__ == importlib.metadata.version("auditrack")


def test_the_job_summary_is_written_with_format_auto_only(repo, tmp_path):
    import subprocess
    import sys

    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    for output_format in ("sarif", "json", "junit", "text"):
        subprocess.run([sys.executable, "-m", "auditrack", "check", str(repo.root), "--format", output_format],
                       env=env, capture_output=True, timeout=60)
    assert not summary.exists()
    subprocess.run([sys.executable, "-m", "auditrack", "check", str(repo.root)], env=env, capture_output=True, timeout=60)
    assert summary.read_text(encoding="utf-8").startswith("#")


_CHECK = (("check",),)
_REPORT = (("report", "status"),)
_DIFF = (("diff", "HEAD"),)
_LANG = ("--lang", "de", "sv, en")
_FAIL_ON = ("--fail-on", "sometimes", "error, warning, info, never")


@pytest.mark.parametrize("command, option, value, choices", [
    (*_CHECK, *_LANG), (*_REPORT, *_LANG), (*_DIFF, *_LANG), (*_CHECK, *_FAIL_ON), (*_DIFF, *_FAIL_ON),
])
def test_an_unknown_choice_is_a_plain_usage_error(process, repo, command, option, value, choices):
    where = () if command[0] == "diff" else (str(repo.root),)
    done = process(*command, *where, option, value)
    assert done.code == 2
    assert done.stdout == ""
    # the usage line's form of the arguments differs between typer releases; the rest is ours
    assert done.stderr.startswith(f"Usage: auditrack {command[0]} [OPTIONS] ")
    assert done.stderr.split("\n", 1)[1] == (
        f"Try 'auditrack {command[0]} --help' for help.\n\n"
        f"Error: Invalid value for '{option}': '{value}' is not one of {choices}.\n"
    )
