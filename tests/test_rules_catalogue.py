"""The rule catalogue: every rule documented, docs/rules.md current, `auditrack rules` usable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from auditrack.commands.rules import catalogue_markdown
from auditrack.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def test_docs_rules_md_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == catalogue_markdown(), "docs/rules.md is stale: run `auditrack rules --format markdown > docs/rules.md`"


def test_every_rule_says_what_why_and_how_to_fix():
    for code, spec in load_rules().items():
        assert re.fullmatch(r"[GR]\d{3}", code), code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", spec.name), spec.name
        assert spec.summary.endswith("."), code
        assert spec.why, f"{code} has no 'Why:' section"
        assert spec.fix, f"{code} has no 'Fix:' section"
        assert spec.example, f"{code} has no example"


def _run(*args):
    return subprocess.run([sys.executable, "-m", "auditrack", *args], capture_output=True, text=True, timeout=60)


def test_rules_lists_every_code():
    result = _run("rules")
    assert result.returncode == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert codes[:3] == ["G101", "G102", "G103"]
    assert set(load_rules()) <= set(codes)
    assert {"Y001", "S003", "X001", "W001", "W002", "I001"} <= set(codes)


def test_rules_explains_one_rule_with_an_example():
    result = _run("rules", "g201")
    assert result.returncode == 0
    assert result.stdout.startswith("G201 mandate-lapses (default severity: error)\n")
    assert "Why:" in result.stdout and "Fix:" in result.stdout
    assert "Example that triggers it:" in result.stdout
    assert "    valid_until: 2022-03-31" in result.stdout


def test_rules_unknown_code_is_a_usage_error():
    result = _run("rules", "Z999")
    assert result.returncode == 2
    assert result.stderr == "auditrack: no rule 'Z999'; `auditrack rules` lists them all\n"
