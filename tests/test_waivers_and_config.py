"""Waivers on records, and the rule selection, severities and fail-on of auditrack.yaml."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from auditrack.config import Config
from auditrack.findings import Severity
from rulekit import check, hits, write_repo

BODY = """\
kind: body
organisation: exempel
id: politisk-styrgrupp
name: Politisk styrgrupp
type: political-steering-group
standing: true
minutes: {{kept: false}}
{waivers}"""
APPROVER = """\
kind: role
organisation: exempel
id: kommundirektor
name: Kommundirektör
standing: true
"""


def _repo(tmp_path, waivers: str = ""):
    return write_repo(tmp_path, {
        "governance/exempel/bodies/styrgrupp.yaml": BODY.format(waivers=waivers),
        "governance/exempel/roles/kommundirektor.yaml": APPROVER,
    })


WAIVER = """waivers:
  - rule: {rule}
    reason: Gruppen avvecklades 2021; inga fler möten hålls.
    approved_by: kommundirektor
    expires: 2025-12-31
"""


def test_without_waiver_the_rule_fires(tmp_path):
    _repo(tmp_path)
    [finding] = hits(tmp_path, date(2025, 6, 1), "G205")
    assert finding.message == "the political steering group 'Politisk styrgrupp' keeps no minutes, so its decisions cannot be traced"
    assert (finding.location.line, finding.location.column) == (7, 1)


def test_a_valid_waiver_suppresses_the_finding(tmp_path):
    _repo(tmp_path, WAIVER.format(rule="G205"))
    found = check(tmp_path, date(2025, 6, 1))
    assert [f.code for f in found] == []


def test_an_expired_waiver_is_reported_and_the_rule_applies_again(tmp_path):
    _repo(tmp_path, WAIVER.format(rule="G205"))
    found = check(tmp_path, date(2026, 1, 1))
    assert sorted((f.code, f.location.line) for f in found) == [("G205", 7), ("W001", 9)]
    w001 = next(f for f in found if f.code == "W001")
    assert w001.message == "the waiver of G205 on 'politisk-styrgrupp' expired on 2025-12-31; the rule applies again"
    assert w001.severity is Severity.WARNING


def test_an_unused_waiver_is_reported(tmp_path):
    _repo(tmp_path, WAIVER.format(rule="G402"))
    found = check(tmp_path, date(2025, 6, 1))
    assert sorted((f.code, f.location.line) for f in found) == [("G205", 7), ("W002", 9)]
    assert next(f for f in found if f.code == "W002").message == (
        "the waiver of G402 on 'politisk-styrgrupp' is unused: the rule finds nothing here")


def test_a_waiver_needs_reason_approver_and_expiry(tmp_path):
    from auditrack.config import Config
    from auditrack.engine import run_check

    _repo(tmp_path, "waivers:\n  - rule: G205\n")
    result = run_check(tmp_path, Config(), date(2025, 6, 1))
    assert sorted((f.code, f.message) for f in result.findings if f.code == "S002") == [
        ("S002", "the required field 'approved_by' is missing in 'waivers › item 1'"),
        ("S002", "the required field 'expires' is missing in 'waivers › item 1'"),
        ("S002", "the required field 'reason' is missing in 'waivers › item 1'"),
    ]


def test_ignore_select_and_severity(tmp_path):
    _repo(tmp_path)
    as_of = date(2025, 6, 1)
    assert hits(tmp_path, as_of, "G205", Config.model_validate({"ignore": ["G2"]})) == []
    assert hits(tmp_path, as_of, "G205", Config.model_validate({"select": ["R"]})) == []
    [finding] = hits(tmp_path, as_of, "G205", Config.model_validate({"severity": {"G205": "error"}}))
    assert finding.severity is Severity.ERROR


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "auditrack", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_fail_on_from_config_and_command_line(tmp_path):
    _repo(tmp_path)  # one warning (G205), nothing else
    assert _cli("check", "--as-of", "2025-06-01", cwd=tmp_path).returncode == 0
    assert _cli("check", "--as-of", "2025-06-01", "--fail-on", "warning", cwd=tmp_path).returncode == 1
    (tmp_path / "auditrack.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    assert _cli("check", "--as-of", "2025-06-01", cwd=tmp_path).returncode == 1
    assert _cli("check", "--as-of", "2025-06-01", "--fail-on", "never", cwd=tmp_path).returncode == 0


def test_as_of_from_config(tmp_path):
    _repo(tmp_path, WAIVER.format(rule="G205"))
    (tmp_path / "auditrack.yaml").write_text("as_of: 2026-01-01\n", encoding="utf-8")
    result = _cli("check", "--format", "json", cwd=tmp_path)
    assert '"as_of": "2026-01-01"' in result.stdout
    assert '"code": "W001"' in result.stdout
