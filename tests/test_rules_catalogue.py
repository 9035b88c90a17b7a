"""The rule catalogue: every rule documented, docs/rules.md current, `auditrack rules` usable."""

from __future__ import annotations

import json
import re
import shutil
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


# --------------------------------------------------------------------------- one severity per code


def _listed_severities() -> dict[str, str]:
    """Code → severity as `auditrack rules` lists them."""
    result = _run("rules")
    assert result.returncode == 0
    return {line.split()[0]: line.split()[2] for line in result.stdout.splitlines()}


# Rules that grade a finding by date or state: besides their default severity they may report these.
GRADED = {
    "G201": {"warning"},  # a mandate lapses within the horizon
    "G202": {"warning"},  # no mandate recorded at all since the programme started
    "G401": {"warning"},  # the evaluation is planned for a later date
    "R101": {"info"},  # the response is not due yet
}

EXPIRED_WAIVER = """\
kind: indicator
id: deltagare
organisation: exempel
name: Antal deltagare
waivers:
  - {rule: G105, reason: Kopplas till mål 2025., approved_by: ks, expires: 2024-12-31}
"""
"""G105 applies again and W001 says the waiver expired."""
UNUSED_WAIVER = """\
kind: body
id: ks
organisation: exempel
name: Kommunstyrelsen
type: board
standing: true
waivers:
  - {rule: G105, reason: Gäller inte en nämnd., approved_by: ks, expires: 2030-12-31}
"""
"""G105 is about indicators and finds nothing on a body: W002."""
# acme: one file per data code, and one gap (the report's missing response, R101) that X003 holds back.
DATA_ERRORS = {
    "governance/acme/organisation.yaml": "kind: organisation\nid: acme\nname: Acme kommun\n",
    "governance/acme/bodies/ks.yaml": "kind: body\nid: ks\norganisation: acme\nname: Kommunstyrelsen\ntype: board\n"
                                      "standing: true\nnme: KS\n",  # S003
    "governance/acme/roles/a.yaml": "kind: role\nid: samma\norganisation: acme\nname: A\n",
    "governance/acme/roles/b.yaml": "kind: role\nid: samma\norganisation: acme\nname: B\n",  # X002
    "governance/acme/roles/c.yaml": "kind: role\nid: c\norganisation: acme\nname: C\nprogramme: nosuch\n",  # X001
    "governance/acme/roles/d.yaml": "kind: role\nkind: role\n",  # Y002
    "governance/acme/roles/okand.yaml": "kind: nonsense\nid: okand\norganisation: acme\n",  # S001
    "governance/acme/roles/utan-titel.yaml": "kind: role\nid: utan-titel\norganisation: acme\n",  # S002
    "governance/acme/roles/trasig.yaml": "kind: role\nid: [trasig\n",  # Y001
    "recommendations/acme/2022/report.yaml": (
        "kind: audit-report\nid: r2022\norganisation: acme\ntitle: Granskning\naudit_firm: KPMG AB\n"
        "date: 2022-03-15\naudit_plan_year: 2022\naddressees: [ks]\npurpose: Att granska.\n"
        "response_request: {requested_from: [ks], requested_on: 2022-04-20, due: 2022-06-30}\n"
        "recommendations:\n  - {id: rek-1, text: Gör något.}\n"),
    "recommendations/acme/2023/report.yaml": (
        "kind: audit-report\nid: r2023\norganisation: acme\ntitle: Granskning\naudit_firm: KPMG AB\n"
        "date: 2023-13-01\naudit_plan_year: 2023\naddressees: [ks]\npurpose: Att granska.\n"  # S004
        "recommendations:\n  - {id: rek-2, text: Gör något.}\n"),
}


def test_x003_has_the_severity_auditrack_rules_lists(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("date: 2022-03-15", "date: 2022-13-01"))
    repo.write("governance/acme/indicators/deltagare.yaml", "kind: indicator\nid: deltagare\norganisation: acme\n"
                                                          "name: Antal deltagare\n")  # G105, held back
    held = [f for f in check(repo.root).findings if f["code"] == "X003"]
    assert [(f["severity"], f["file"], f["line"]) for f in held] == [("info", repo.REPORT_PATH, 6)]
    assert _listed_severities()["X003"] == "info"
    assert _run("rules", "x003").stdout.startswith("X003 gaps-held-back (severity: info)\n\n")
    assert "| X003 | gaps-held-back | info |" in catalogue_markdown()


def test_every_code_reports_the_severity_auditrack_rules_lists(tmp_path):
    """Findings of as many codes as real data can produce, against the listing: a data code always has its
    listed severity; a gap rule has its default severity unless it grades by date or state (GRADED)."""
    import os

    from rulekit import write_repo

    from auditrack.config import ConfigError, parse_config

    root = tmp_path / "data"
    for folder in ("recommendations", "governance"):
        shutil.copytree(ROOT / folder, root / folder)
    write_repo(root, {**DATA_ERRORS, "governance/exempel/bodies/ks.yaml": UNUSED_WAIVER,
                      "governance/exempel/indicators/deltagare.yaml": EXPIRED_WAIVER})
    for hostile in (ROOT / "tests" / "hostile").glob("*.yaml"):
        shutil.copy(hostile, root / "governance" / "acme" / f"hostile-{hostile.name}")
    os.symlink("/etc/hostname", root / "governance" / "acme" / "utanfor.yaml")  # Y012
    os.mkfifo(root / "governance" / "acme" / "ror.yaml")  # Y013
    (root / "governance" / "acme" / "stor.yaml").write_bytes(b"# " + b"x" * (1 << 20) + b"\n")  # Y006

    listed = _listed_severities()
    produced: dict[str, set[str]] = {}
    for as_of in ("2022-03-15", "2026-11-24"):
        done = subprocess.run([sys.executable, "-m", "auditrack", "check", str(root), "--format", "json",
                               "--as-of", as_of], capture_output=True, text=True, timeout=120)
        assert done.returncode == 3, done.stderr
        for f in json.loads(done.stdout)["findings"]:
            produced.setdefault(f["code"], set()).add(f["severity"])
    try:
        parse_config(b"ignore: [G999]\n", "auditrack.yaml")
    except ConfigError as exc:
        produced["C001"] = {f.severity.value for f in exc.findings}

    wrong = {code: severities for code, severities in produced.items()
             if severities - {listed[code]} - GRADED.get(code, set())}
    assert wrong == {}, f"listed: { {c: listed[c] for c in wrong} }"
    data_codes = {c for c in produced if c[0] in "YSXCWI"}
    assert data_codes >= {"Y001", "Y002", "Y003", "Y004", "Y006", "Y007", "Y008", "Y009", "Y010", "Y011", "Y012",
                          "Y013", "S001", "S002", "S003", "S004", "X001", "X002", "X003", "C001", "W001", "W002"}
    assert len({c for c in produced if c[0] in "GR"}) >= 15
