"""`auditrack due`: every deadline in one list, overdue first, as of a fixed date, on a repository built here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli, run_process
from duekit import AS_OF, due_repo

TEXT = """\
Deadlines as of 2024-03-01

Overdue
  2023-06-30  245 days late  Response to 'Granskning av försörjningsstöd' from Socialnämnden
      Who must act: Socialnämnden (sn)
      granskning-2023  recommendations/exempel/granskning-2023.yaml:14
  2023-12-31  61 days late  Action 'a1': Ta fram en processplan.
      Who must act: Socialchef (socialchef)
      a1  recommendations/exempel/svar-ks.yaml:12
  2024-01-31  30 days late  Waiver of G401 on 'utvardering' expires
      Who must act: Kommunstyrelsen (ks)
      utvardering  governance/exempel/evaluation.yaml:8
  2024-02-15  15 days late  Report to Kommunstyrelsen: 'Rapportering om arbetet'
      Who must act: Socialchef (socialchef)
      rapportering  governance/exempel/reporting.yaml:8

Due within 90 days
  2024-03-31  in 30 days  Evaluation 'Utvärdering av modellen' planned
      Who must act: Extern utvärderare
      utvardering  governance/exempel/evaluation.yaml:5
  2024-04-15  in 45 days  Action 'a2': Inför mätbara mål.
      Who must act: Socialchef (socialchef)
      a2  recommendations/exempel/svar-ks.yaml:18
  2024-04-30  in 60 days  Mandate 'Uppdragsbeskrivning 2023' lapses with no successor
      Who must act: Kommunstyrelsen (ks)
      uppdrag-2023  governance/exempel/mandate.yaml:8
  2024-05-01  in 61 days  Follow-up of 'Granskning av styrningen' (1 of 1 recommendation not assessed)
      Who must act: the auditors
      granskning-2022  recommendations/exempel/granskning-2022.yaml:10
  2024-05-15  in 75 days  Report to Kommunstyrelsen: 'Rapportering om arbetet'
      Who must act: Socialchef (socialchef)
      rapportering  governance/exempel/reporting.yaml:8
"""


@pytest.fixture
def root(tmp_path):
    return due_repo(tmp_path / "data")


def _rows(run) -> list[tuple]:
    data = run.json
    return [(d["date"], d["days_late"], d["days_left"], d["kind"], d["record"], d["who"]["id"], d["line"])
            for section in ("overdue", "upcoming") for d in data[section]]


def test_the_text_lists_overdue_first_most_days_late_first_then_the_horizon_in_date_order(root):
    run = run_process("due", str(root), "--as-of", AS_OF)
    assert (run.code, run.stderr) == (0, "")  # overdue deadlines do not fail a listing
    assert run.stdout == TEXT


def test_json_gives_dates_days_who_and_where(root):
    run = run_cli("due", str(root), "--as-of", AS_OF, "--format", "json")
    assert run.code == 0
    assert run.json["as_of"] == AS_OF and run.json["within_days"] == 90
    assert _rows(run) == [
        ("2023-06-30", 245, None, "response", "granskning-2023", "sn", 14),
        ("2023-12-31", 61, None, "action", "a1", "socialchef", 12),
        ("2024-01-31", 30, None, "waiver", "utvardering", "ks", 8),
        ("2024-02-15", 15, None, "report", "rapportering", "socialchef", 8),
        ("2024-03-31", None, 30, "evaluation", "utvardering", None, 5),
        ("2024-04-15", None, 45, "action", "a2", "socialchef", 18),
        ("2024-04-30", None, 60, "mandate", "uppdrag-2023", "ks", 8),
        ("2024-05-01", None, 61, "follow-up", "granskning-2022", None, 10),
        ("2024-05-15", None, 75, "report", "rapportering", "socialchef", 8),
    ]
    first = run.json["overdue"][0]
    assert first == {
        "date": "2023-06-30", "days_late": 245, "days_left": None, "kind": "response",
        "what": "response to 'Granskning av försörjningsstöd' from Socialnämnden",
        "who": {"id": "sn", "name": "Socialnämnden", "kind": "body"}, "bodies": ["sn"], "organisation": "exempel",
        "record": "granskning-2023", "file": "recommendations/exempel/granskning-2023.yaml", "line": 14,
        "uid": "response-granskning-2023-sn@exempel.auditrack"}


def test_the_lines_are_where_check_reports_the_same_deadline(root):
    """The rules and `due` share their dates (auditrack.duedates): the overdue ones are the rules' errors."""
    check = run_cli("check", str(root), "--as-of", AS_OF, "--format", "json")
    found = {(f["code"], f["line"]) for f in check.findings}
    assert {("R101", 14), ("R104", 12), ("W001", 8), ("G301", 8), ("G201", 8)} <= found
    assert "2023-12-31" in next(f["message"] for f in check.findings if f["code"] == "R104")


@pytest.mark.parametrize(("option", "expected"), [
    (["--owner", "socialchef"], ["a1", "rapportering", "a2", "rapportering"]),
    (["--body", "sn"], ["granskning-2023"]),
    (["--body", "ks"], ["a1", "utvardering", "rapportering", "a2", "uppdrag-2023", "granskning-2022", "rapportering"]),
    (["--within", "30"], ["granskning-2023", "a1", "utvardering", "rapportering", "utvardering"]),
    (["--within", "0"], ["granskning-2023", "a1", "utvardering", "rapportering"]),
    (["--org", "exempel", "--within", "45"],
     ["granskning-2023", "a1", "utvardering", "rapportering", "utvardering", "a2"]),
])
def test_filters(root, option, expected):
    run = run_cli("due", str(root), "--as-of", AS_OF, "--format", "json", *option)
    assert run.code == 0
    assert [row[4] for row in _rows(run)] == expected


def test_named_files_list_only_their_organisations_deadlines(root):
    (root / "governance/annan").mkdir(parents=True)
    (root / "governance/annan/organisation.yaml").write_text("kind: organisation\nid: annan\nname: Annan kommun\n",
                                                             encoding="utf-8")
    (root / "governance/annan/mandat.yaml").write_text(
        "kind: mandate\norganisation: annan\nid: uppdrag\ntitle: Uppdrag\ntype: decision\nadopted: 2023-01-10\n"
        "valid_until: 2024-04-01\nregulates: [roles]\n", encoding="utf-8")
    everything = run_cli("due", str(root), "--as-of", AS_OF, "--format", "json")
    assert ("annan", "uppdrag") in {(d["organisation"], d["record"]) for d in everything.json["upcoming"]}
    named = run_process("due", str(root / "governance/exempel/sn.yaml"), "--as-of", AS_OF, "--format", "json")
    assert named.code == 0
    assert [row[4] for row in _rows(named)] == [row[4] for row in _rows(everything) if row[4] != "uppdrag"]
    other = run_process("due", str(root / "governance/annan/mandat.yaml"), "--as-of", AS_OF, "--format", "json")
    assert [row[4] for row in _rows(other)] == ["uppdrag"]


@pytest.mark.parametrize(("option", "message"), [
    (["--org", "nowhere"], "unknown organisation 'nowhere'; the organisations are: exempel"),
    (["--owner", "chef"], "unknown role 'chef' for --owner; the role ids are: socialchef"),
    (["--body", "kf"], "unknown body 'kf' for --body; the body ids are: ks, sn"),
    (["--owner", "socialchef", "--body", "ks"], "give --owner or --body, not both"),
    (["--within", "-1"], "--within must be between 0 and 36500 days, not -1"),
    (["--format", "pdf"], "unknown format 'pdf'; use one of: text, json, markdown, ics"),
])
def test_usage_errors_exit_2_and_name_what_exists(root, option, message):
    run = run_cli("due", str(root), "--as-of", AS_OF, *option)
    assert (run.code, run.stdout, run.stderr) == (2, "", f"auditrack: {message}\n")


def test_swedish(root):
    run = run_cli("due", str(root), "--as-of", AS_OF, "--lang", "sv", "--within", "30")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert lines[:6] == [
        "Tidsfrister per 2024-03-01", "", "Försenat",
        "  2023-06-30  245 dagar för sent  Svar på 'Granskning av försörjningsstöd' från Socialnämnden",
        "      Ansvarig: Socialnämnden (sn)",
        "      granskning-2023  recommendations/exempel/granskning-2023.yaml:14",
    ]
    assert lines[-4:] == [
        "Förfaller inom 30 dagar",
        "  2024-03-31  om 30 dagar  Utvärderingen 'Utvärdering av modellen' planerad",
        "      Ansvarig: Extern utvärderare",
        "      utvardering  governance/exempel/evaluation.yaml:5",
    ]


def test_an_action_within_its_grace_period_is_not_overdue_as_r104_judges(root):
    (root / "auditrack.yaml").write_text("horizons:\n  action_due_days: 90\n", encoding="utf-8")
    run = run_cli("due", str(root), "--as-of", AS_OF, "--owner", "socialchef")
    assert run.code == 0
    assert "  2023-12-31  61 days ago, within the grace period  Action 'a1': Ta fram en processplan.\n" \
        in run.stdout.split("Due within 90 days")[1]
    check = run_cli("check", str(root), "--as-of", AS_OF, "--format", "json")
    assert "R104" not in check.codes


def test_a_request_with_no_known_date_is_not_listed(root):
    path = root / "recommendations/exempel/granskning-2023.yaml"
    path.write_text(path.read_text().replace("  requested_on: 2023-04-20\n", "").replace("  due: 2023-06-30\n", ""))
    run = run_cli("due", str(root), "--as-of", AS_OF, "--body", "sn", "--format", "json")
    assert (run.code, run.json["overdue"], run.json["upcoming"]) == (0, [], [])


def test_markdown_is_the_digest_per_body(root):
    run = run_cli("due", str(root), "--as-of", AS_OF, "--format", "markdown", "--within", "45")
    assert run.code == 0
    assert run.stdout == """\
# Deadlines as of 2024-03-01

<!-- Generated by auditrack from the data; edit the data, not this text. -->

## Socialnämnden (sn)

### Overdue

| Date | When | What | Who must act | Record |
| --- | --- | --- | --- | --- |
| 2023-06-30 | 245 days late | Response to 'Granskning av försörjningsstöd' from Socialnämnden | Socialnämnden (sn) | `granskning-2023` (recommendations/exempel/granskning-2023.yaml:14) |

## Kommunstyrelsen (ks)

### Overdue

| Date | When | What | Who must act | Record |
| --- | --- | --- | --- | --- |
| 2023-12-31 | 61 days late | Action 'a1': Ta fram en processplan. | Socialchef (socialchef) | `a1` (recommendations/exempel/svar-ks.yaml:12) |
| 2024-01-31 | 30 days late | Waiver of G401 on 'utvardering' expires | Kommunstyrelsen (ks) | `utvardering` (governance/exempel/evaluation.yaml:8) |
| 2024-02-15 | 15 days late | Report to Kommunstyrelsen: 'Rapportering om arbetet' | Socialchef (socialchef) | `rapportering` (governance/exempel/reporting.yaml:8) |

### Due within 45 days

| Date | When | What | Who must act | Record |
| --- | --- | --- | --- | --- |
| 2024-04-15 | in 45 days | Action 'a2': Inför mätbara mål. | Socialchef (socialchef) | `a2` (recommendations/exempel/svar-ks.yaml:18) |

## Other deadlines

### Due within 45 days

| Date | When | What | Who must act | Record |
| --- | --- | --- | --- | --- |
| 2024-03-31 | in 30 days | Evaluation 'Utvärdering av modellen' planned | Extern utvärderare | `utvardering` (governance/exempel/evaluation.yaml:5) |
"""


def test_output_is_written_to_a_file(root, tmp_path):
    target = tmp_path / "due.json"
    run = run_cli("due", str(root), "--as-of", AS_OF, "--format", "json", "--output", str(target))
    assert (run.code, run.stdout, run.stderr) == (0, "", f"auditrack: wrote {target}\n")
    assert [d["record"] for d in json.loads(target.read_text())["overdue"]] == [
        "granskning-2023", "a1", "utvardering", "rapportering"]
    again = run_cli("due", str(root), "--as-of", AS_OF, "--format", "json", "--output", str(target))
    assert again.stderr == f"auditrack: unchanged: {target}\n"


def test_an_output_that_is_a_folder_is_refused(root, tmp_path):
    run = run_cli("due", str(root), "--as-of", AS_OF, "--output", str(tmp_path))
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"auditrack: cannot write {tmp_path}: it is a folder, not a regular file; auditrack writes "
                          "only to regular files and has not touched it; give --output - to write the report to "
                          "standard output\n")


# --------------------------------------------------------------------------- the workflow init writes

DEADLINE_STEPS = [
    {"uses": "actions/checkout@v4"},
    {"uses": "actions/setup-python@v5", "with": {"python-version": "3.12"}},
    {"name": "Install auditrack with the calendar extra",
     "run": 'pip install "auditrack[calendar] @ git+https://github.com/auditrack/auditrack@v0.1.0"'},
    {"name": "Calendar of deadlines", "run": "auditrack due --format ics --within 365 --output deadlines.ics"},
    {"name": "Publish the calendar", "uses": "actions/upload-artifact@v4",
     "with": {"name": "deadlines", "path": "deadlines.ics"}},
    {"name": "Weekly digest of deadlines (job summary)",
     "if": "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'",
     "run": 'auditrack due --format markdown >> "$GITHUB_STEP_SUMMARY"'},
]


@pytest.fixture(scope="module")
def workflow(tmp_path_factory) -> dict:
    import yaml

    created = tmp_path_factory.mktemp("init") / "data"
    run = run_cli("init", str(created), "--name", "Ludvika kommun", "--source", "https://github.com/auditrack/auditrack")
    assert run.code == 0, run.stderr
    return yaml.load((created / ".github/workflows/auditrack.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_the_workflow_runs_weekly_and_publishes_the_calendar_with_the_digest(workflow):
    assert workflow["on"]["schedule"] == [{"cron": "0 6 * * 1"}]  # Mondays, 06:00 UTC
    assert set(workflow["on"]) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert workflow["jobs"]["deadlines"] == {"runs-on": "ubuntu-latest", "steps": DEADLINE_STEPS}


def test_this_repository_s_workflow_has_the_same_deadlines_job():
    import yaml

    ours = yaml.load((Path(__file__).parent.parent / ".github/workflows/auditrack.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert ours["on"]["schedule"] == [{"cron": "0 6 * * 1"}]
    steps = ours["jobs"]["deadlines"]["steps"]
    assert steps[2] == {"name": "Install auditrack with the calendar extra from this repository",
                        "run": "pip install '.[calendar]'"}
    assert steps[:2] + steps[3:] == DEADLINE_STEPS[:2] + DEADLINE_STEPS[3:]


def test_the_digest_step_writes_overdue_and_due_soon_per_body_to_the_job_summary(workflow, root, tmp_path):
    """The step's own command, run by bash as GitHub runs it, on the schedule's event, with the job summary file."""
    (root / "auditrack.yaml").write_text(f"as_of: {AS_OF}\n", encoding="utf-8")
    (step,) = [s for s in workflow["jobs"]["deadlines"]["steps"] if s.get("name", "").startswith("Weekly digest")]
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"], "GITHUB_STEP_SUMMARY": str(summary),
           "GITHUB_EVENT_NAME": "schedule", "GITHUB_ACTIONS": "true"}
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=root, env=env, capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n# Deadlines as of 2024-03-01\n")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# Earlier step", "# Deadlines as of 2024-03-01", "## Socialnämnden (sn)", "### Overdue",
                        "## Kommunstyrelsen (ks)", "### Overdue", "### Due within 90 days", "## Other deadlines",
                        "### Due within 90 days"]
    assert ("| 2023-06-30 | 245 days late | Response to 'Granskning av försörjningsstöd' from Socialnämnden "
            "| Socialnämnden (sn) | `granskning-2023` (recommendations/exempel/granskning-2023.yaml:14) |") in text
    assert ("| 2024-05-01 | in 61 days | Follow-up of 'Granskning av styrningen' (1 of 1 recommendation "
            "not assessed) | the auditors | `granskning-2022` (recommendations/exempel/granskning-2022.yaml:10) |") in text


# --------------------------------------------------------------------------- R112: a warning before the date

def _r111(root, as_of: str, config: str | None = None) -> list[tuple]:
    if config is not None:
        (root / "auditrack.yaml").write_text(config, encoding="utf-8")
    run = run_cli("check", str(root), "--as-of", as_of, "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.stderr
    return [(f["file"], f["line"], f["severity"], f["message"]) for f in run.findings if f["code"] == "R112"]


def test_r111_warns_within_thirty_days_before_an_action_or_a_follow_up_falls_due(root):
    assert _r111(root, "2024-04-10") == [
        ("recommendations/exempel/granskning-2022.yaml", 10, "warning",
         "due 2024-05-01 (in 21 days): follow-up of 'Granskning av styrningen' (1 of 1 recommendation not assessed)"),
        ("recommendations/exempel/svar-ks.yaml", 18, "warning",
         "due 2024-04-15 (in 5 days): action 'a2': Inför mätbara mål."),
    ]


def test_r111_horizon_is_configurable_and_covers_reports_to_the_board(root):
    assert [line[:2] for line in _r111(root, "2024-04-10", "horizons: {due_soon_days: 35}\n")] == [
        ("governance/exempel/reporting.yaml", 8),
        ("recommendations/exempel/granskning-2022.yaml", 10),
        ("recommendations/exempel/svar-ks.yaml", 18),
    ]
    assert _r111(root, "2024-04-10", "horizons: {due_soon_days: 0}\n") == []


def test_r111_warns_on_the_day_and_r104_takes_over_after_it(root):
    assert _r111(root, "2024-04-15", "horizons: {due_soon_days: 0}\n") == [
        ("recommendations/exempel/svar-ks.yaml", 18, "warning", "due 2024-04-15 (today): action 'a2': Inför mätbara mål.")]
    assert _r111(root, "2024-04-16", "horizons: {due_soon_days: 0}\n") == []
    check = run_cli("check", str(root), "--as-of", "2024-04-16", "--format", "json")
    assert [(f["code"], f["line"]) for f in check.findings if f["file"].endswith("svar-ks.yaml")] == [("R104", 12),
                                                                                                      ("R104", 18)]


def test_r111_warns_a_body_that_has_not_yet_responded_in_swedish(root):
    run = run_cli("check", str(root), "--as-of", "2023-06-20", "--format", "json", "--lang", "sv")
    (finding,) = [f for f in run.findings if f["code"] == "R112"]
    assert (finding["file"], finding["line"], finding["column"]) == ("recommendations/exempel/granskning-2023.yaml", 14, 24)
    assert finding["message"] == "förfaller 2023-06-30 (om 10 dagar): svar på 'Granskning av försörjningsstöd' från Socialnämnden"
    assert finding["hint"] == ("Gör det och registrera det före datumet, eller registrera ett nytt datum som styrelsen "
                               "eller nämnden har beslutat.")
