"""While an organisation's files have errors, its gap findings are held back rather than reported as false gaps."""

from __future__ import annotations

import json
import subprocess
import sys

from rulekit import KS, RESPONSE_HEAD, write_repo
from rulekit import REPORT as BASE_REPORT

REPORT = BASE_REPORT + "response_request: {requested_on: 2023-04-20, requested_from: [ks], due: 2023-06-30}\n"
RESPONSE = RESPONSE_HEAD + """\
date: 2023-06-13
actions:
  - id: a1
    recommendations: [granskning-r1]
    text: Åtgärd.
    owner: ks-ordforande
    due: 2030-12-31
    status: in-progress
"""
ROLE = """\
kind: role
organisation: exempel
id: ks-ordforande
name: Kommunstyrelsens ordförande
standing: true
"""
OTHER_ORG = """\
kind: organisation
id: annan
name: Annan kommun
"""
OTHER_GOAL = """\
kind: goal
organisation: annan
id: mal
level: overall
text: Ett mål.
"""


def _repo(tmp_path, response: str = RESPONSE):
    return write_repo(tmp_path, {
        "governance/exempel/ks.yaml": KS,
        "governance/exempel/ks-ordforande.yaml": ROLE,
        "recommendations/exempel/g/report.yaml": REPORT,
        "recommendations/exempel/g/response.yaml": response,
        "governance/annan/organisation.yaml": OTHER_ORG,
        "governance/annan/mal.yaml": OTHER_GOAL,
    })


def _check(root, *args):
    done = subprocess.run([sys.executable, "-m", "auditrack", "check", str(root), "--format", "json",
                           "--as-of", "2024-01-01", *args], capture_output=True, text=True, timeout=60)
    return done.returncode, json.loads(done.stdout)["findings"]


def test_a_typo_in_the_response_is_one_error_not_also_a_missing_response(tmp_path):
    _repo(tmp_path, RESPONSE.replace("decided_by:", "decidedby:"))
    code, findings = _check(tmp_path)
    assert code == 3
    assert [(f["code"], f["organisation"]) for f in findings] == [
        ("G101", "annan"),  # another organisation's gaps are still reported
        ("S003", "exempel"),
        ("X003", "exempel"),
    ]
    held = findings[2]
    assert held["severity"] == "info"
    assert held["message"] == "1 gap finding of organisation 'exempel' is held back while some of its files have errors"
    assert (held["file"], held["line"]) == ("recommendations/exempel/g/response.yaml", 5)


def test_what_is_held_back_is_said_after_the_error_that_holds_it_back(tmp_path):
    """X003 points at the first error; at the same place it follows it, whatever the error's code (Y001 > X003)."""
    _repo(tmp_path, RESPONSE.replace("text: Åtgärd.", "text: Åtgärd: ta fram mål"))
    code, findings = _check(tmp_path)
    assert code == 3
    assert [(f["code"], f["line"], f["column"]) for f in findings[1:]] == [("Y001", 10, 17), ("X003", 10, 17)]


def test_the_gaps_come_back_once_the_data_is_fixed(tmp_path):
    _repo(tmp_path, RESPONSE.replace("decided_by:", "decidedby:"))
    (tmp_path / "recommendations/exempel/g/response.yaml").unlink()
    code, findings = _check(tmp_path)
    assert code == 1
    assert [f["code"] for f in findings] == ["G101", "R101"]


def _git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e", "HOME": str(root), "PATH": "/usr/bin:/bin"})


def diff_after_changing_the_response(root, response: str) -> tuple[int, dict, str]:
    """Commit the repository in `root` (from `_repo`), write `response` over the response and run `auditrack diff`
    of the working tree against the commit: its exit code, its JSON and its standard error."""
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    (root / "recommendations/exempel/g/response.yaml").write_text(response, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "auditrack", "diff", "main", "--path", str(root), "--format", "json",
                           "--as-of", "2024-01-01"], cwd=root, capture_output=True, text=True, timeout=60)
    return done.returncode, json.loads(done.stdout), done.stderr


def test_diff_does_not_call_a_broken_file_a_resolved_gap_or_a_removed_action(tmp_path):
    _repo(tmp_path)
    code, result, stderr = diff_after_changing_the_response(tmp_path, RESPONSE.replace("status: in-progress", "status: pågår"))
    assert [f["code"] for f in result["introduced"]] == ["S004", "X003"]
    assert result["resolved"] == []
    assert result["status_changes"] == []
    assert result["not_compared"] == ["exempel"]
    assert code == 3  # an organisation that cannot be compared is data that cannot be trusted
    assert stderr == ("auditrack: not everything could be compared because the data has errors (exempel); "
                      "the output lists them (exit code 3)\n")
