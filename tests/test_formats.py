"""`check --format github|sarif|junit|auto`: each format on the seed data and on hostile text."""

from __future__ import annotations

import hashlib
import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import AS_OF, BOARD, BOARD_PATH, run_cli
from test_diff import RESPONSE as DIFF_RESPONSE

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
SEED_AS_OF = "2024-06-30"
COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


# --------------------------------------------------------------------------- helpers, written from the specifications


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def escape_data(text: str) -> str:
    """@actions/core command.ts escapeData."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """@actions/core command.ts escapeProperty."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def names() -> dict[str, str]:
    """Code → readable name, from `auditrack rules` (the catalogue the formats must use)."""
    out = run_cli("rules")
    assert out.code == 0, out.stderr
    return {line.split()[0]: line.split()[1] for line in out.stdout.splitlines() if line.strip()}


def expected_annotation(f: dict, name: str) -> str:
    message = f["message"] + (f"\nhelp: {f['hint']}" if f["hint"] else "")
    return (f"::{COMMAND[f['severity']]} file={escape_property(f['file'])},line={f['line']},col={f['column']},"
            f"title={escape_property(f['code'] + ' ' + name)}::{escape_data(message)}")


def seed(fmt: str):
    return run_cli("check", str(REPO), "--format", fmt, "--as-of", SEED_AS_OF)


@pytest.fixture(scope="module")
def seed_findings() -> list[dict]:
    out = seed("json")
    assert out.code in (0, 1), f"the seed data must be readable (exit {out.code}):\n{out.stdout}\n{out.stderr}"
    findings = out.json["findings"]
    assert findings, "the seed data records real gaps; an empty result means the check did not run"
    return findings


def sarif_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the published SARIF 2.1.0 schema is not available at {SARIF_SCHEMA} (../shared is absent)")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_sarif(document: dict) -> None:
    errors = sorted(sarif_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def hostile_repo(repo):
    """A repository whose data puts CR, LF, '%', ':', ',' and a fake workflow command into messages and file names.

    The schema error sits in a second organisation, so the first one's gaps are still judged and reported."""
    repo.org("beta", "Beta kommun")
    repo.write("governance/beta/bodies/k,s:%.yaml", dedent("""
        kind: body
        id: ks2
        organisation: beta
        name: KS2
        type: board
        standing: true
        "bad\\n::error::x,y:z%\\r": 1
    """))
    repo.write("governance/acme/bodies/grupp.yaml", dedent("""
        kind: body
        id: grupp
        organisation: acme
        name: "Grupp\\n::warning file=x::owned,%0A"
        type: work-group
    """))
    return repo


# --------------------------------------------------------------------------- github


def test_github_on_the_seed_data_has_one_exact_annotation_per_finding(seed_findings):
    out = seed("github")
    catalogue = names()
    lines = out.stdout.splitlines()
    assert lines[:-1] == [expected_annotation(f, catalogue[f["code"]]) for f in seed_findings]
    assert lines[-1].startswith(f"{sum(f['severity'] == 'error' for f in seed_findings)} error")
    assert out.code == seed("json").code


def test_github_escapes_hostile_text_so_nothing_becomes_a_command(repo, cli):
    hostile_repo(repo)
    out = cli("check", str(repo.root), "--format", "github", "--as-of", AS_OF)
    g204, s003 = cli("check", str(repo.root), "--format", "json", "--as-of", AS_OF).findings
    catalogue = names()
    assert out.stdout.splitlines() == [
        f"::warning file=governance/acme/bodies/grupp.yaml,line={g204['line']},col={g204['column']},title=G204 "
        + catalogue["G204"] + "::nothing regulates the body 'Grupp\\x0a::warning file=x::owned,%250A': no mandate or "
        "governing document names it%0Ahelp: Add `regulated_by:` with a mandate or document in force, or list it in one.",
        f"::error file=governance/beta/bodies/k%2Cs%3A%25.yaml,line=7,col={s003['column']},title=S003 unknown-field"
        "::unknown field 'bad\\x0a::error::x,y:z%25\\x0d'%0Ahelp: " + s003["hint"],
        "1 error, 1 warning, 0 info in 7 files (as of 2022-03-20)",
    ]
    # Every line is one command or the plain summary: no text from the data starts a line.
    assert all(line.startswith(("::error ", "::warning ", "1 error")) for line in out.stdout.split("\n") if line)
    assert "\r" not in out.stdout
    assert out.code == 3


def test_github_maps_each_severity_to_its_command(repo, cli):
    # info: a response requested and not yet due (R101); warning: a body without minutes (G205);
    # error: an action without an owner (R103).
    second = repo.REPORT.replace("r2022", "r2023").replace("rek-1", "rek-2")
    repo.write("recommendations/acme/2023-x/report.yaml", second + dedent("""
        response_request:
          requested_on: 2022-03-16
          requested_from: [ks]
          due: 2022-06-30
    """))
    repo.write(BOARD_PATH, BOARD + "minutes: {kept: false}\n")
    repo.write("recommendations/acme/2022-malstyrning/response.yaml", DIFF_RESPONSE)  # an action without an owner
    out = cli("check", str(repo.root), "--format", "github", "--as-of", AS_OF)
    findings = cli("check", str(repo.root), "--format", "json", "--as-of", AS_OF).findings
    assert [(f["code"], f["severity"]) for f in findings] == [("G205", "warning"), ("R103", "error"), ("R101", "info")]
    assert [line.split(" ", 1)[0] for line in out.stdout.splitlines()[:-1]] == ["::warning", "::error", "::notice"]
    assert out.code == 1


def test_auto_is_github_inside_github_actions_and_text_elsewhere(repo, cli):
    repo.write("governance/acme/bodies/fullmaktige.yaml", dedent("""
        kind: body
        id: kf
        organisation: acme
        name: Kommunfullmäktige
        type: council
        standing: true
        minutes: {kept: false}
    """))
    inside = cli("check", str(repo.root), "--as-of", AS_OF, env={"GITHUB_ACTIONS": "true"})
    outside = cli("check", str(repo.root), "--as-of", AS_OF)
    explicit = cli("check", str(repo.root), "--as-of", AS_OF, "--format", "github")
    (f,) = cli("check", str(repo.root), "--as-of", AS_OF, "--format", "json").findings
    assert inside.stdout == explicit.stdout
    assert inside.stdout.startswith(f"::warning file=governance/acme/bodies/fullmaktige.yaml,line=7,col={f['column']},title=G205 ")
    assert outside.stdout.startswith(f"governance/acme/bodies/fullmaktige.yaml:7:{f['column']}  G205  ")


def test_github_paths_are_relative_to_the_workspace_when_the_data_is_in_a_subfolder(repo, cli):
    repo.write(BOARD_PATH, BOARD + "minutes: {kept: false}\n")
    out = cli("check", "data", "--format", "github", "--as-of", AS_OF, cwd=repo.root.parent,
              env={"GITHUB_WORKSPACE": str(repo.root.parent)})
    assert out.stdout.splitlines()[0].startswith("::warning file=data/governance/acme/bodies/ks.yaml,line=7,col=")
    plain = cli("check", "data", "--format", "github", "--as-of", AS_OF, cwd=repo.root.parent,
                env={"GITHUB_WORKSPACE": str(repo.root)})  # the workspace is the data folder itself
    assert plain.stdout.splitlines()[0].startswith("::warning file=governance/acme/bodies/ks.yaml,line=7,col=")


# --------------------------------------------------------------------------- sarif


def test_sarif_on_the_seed_data_validates_and_carries_every_finding(seed_findings):
    out = seed("sarif")
    document = json.loads(out.stdout)
    assert_valid_sarif(document)
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "auditrack"
    rules = driver["rules"]
    catalogue = names()
    assert [r["id"] for r in rules] == list(catalogue)
    for r in rules:
        assert r["name"] == catalogue[r["id"]]
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    assert len(results) == len(seed_findings)
    for result, f in zip(results, seed_findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f["code"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]
        assert result["message"]["text"] == f["message"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": f["file"], "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {"startLine": f["line"], "startColumn": f["column"]}
        identity = json.dumps([f["code"], f["file"], f["subject"], f["message"]], ensure_ascii=False)
        assert result["partialFingerprints"] == {"auditrack/v1": hashlib.sha256(identity.encode()).hexdigest()}


def test_sarif_rule_metadata_comes_from_the_registry(repo, cli):
    out = cli("check", str(repo.root), "--format", "sarif", "--as-of", AS_OF)
    rules = {r["id"]: r for r in json.loads(out.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    r103 = rules["R103"]
    assert r103["name"] == "action-incomplete"
    assert r103["shortDescription"] == {"text": "An action has no owner or no due date."}
    assert r103["defaultConfiguration"] == {"level": "error"}
    assert r103["help"]["text"].startswith("Why: An action with no owner is nobody's job")
    assert rules["Y002"]["shortDescription"]["text"] == "A key appears twice in one mapping; YAML would silently keep the last value."
    assert rules["W001"]["defaultConfiguration"] == {"level": "warning"}
    assert rules["X003"]["defaultConfiguration"] == {"level": "note"}  # info, as its findings and `auditrack rules`
    assert rules["Y001"]["defaultConfiguration"] == {"level": "error"}
    assert json.loads(out.stdout)["runs"][0]["results"] == []


def test_sarif_with_hostile_text_validates_and_encodes_the_uri(repo, cli):
    hostile_repo(repo)
    out = cli("check", str(repo.root), "--format", "sarif", "--as-of", AS_OF)
    document = json.loads(out.stdout)
    assert_valid_sarif(document)
    results = document["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == [
        "governance/acme/bodies/grupp.yaml", "governance/beta/bodies/k%2Cs%3A%25.yaml"]
    assert results[1]["message"]["text"] == "unknown field 'bad\\x0a::error::x,y:z%\\x0d'"  # invisible characters shown escaped


def test_sarif_fingerprints_ignore_line_numbers(repo, cli):
    repo.write(BOARD_PATH, BOARD + "minutes: {kept: false}\n")
    before = json.loads(cli("check", str(repo.root), "--format", "sarif", "--as-of", AS_OF).stdout)["runs"][0]["results"]
    repo.write(BOARD_PATH, "# a comment\n# and another\n" + BOARD + "minutes: {kept: false}\n")
    after = json.loads(cli("check", str(repo.root), "--format", "sarif", "--as-of", AS_OF).stdout)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (before[0], after[0])] == [7, 9]
    assert before[0]["partialFingerprints"] == after[0]["partialFingerprints"]


# --------------------------------------------------------------------------- junit


def test_junit_on_the_seed_data_has_one_case_per_file_with_every_finding(seed_findings):
    out = seed("junit")
    root = ET.fromstring(out.stdout.encode("utf-8"))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    files = seed("json").json["files"]
    assert len(cases) == files == int(suite.get("tests")) == int(root.get("tests"))
    by_file: dict[str, list[dict]] = {}
    for f in seed_findings:
        by_file.setdefault(f["file"], []).append(f)
    failures = errors = 0
    for case in cases:
        findings = by_file.get(case.get("name"), [])
        failing = [f for f in findings if f["severity"] != "info"]
        element = case.find("failure") if case.find("failure") is not None else case.find("error")
        if not failing:
            assert element is None
            continue
        failures += element.tag == "failure"
        errors += element.tag == "error"
        assert element.get("type") == failing[0]["code"]
        lines = element.text.splitlines()
        for f in failing:
            assert f"{f['file']}:{f['line']}:{f['column']} {f['code']} {f['severity']}: {f['message']}" in lines
    assert (failures, errors) == (int(suite.get("failures")), int(suite.get("errors")))
    assert failures > 0


def test_junit_escapes_markup_and_control_characters(repo, cli):
    repo.write("governance/acme/bodies/x.yaml", dedent("""
        kind: body
        id: x
        organisation: acme
        name: X
        type: board
        standing: true
        "<b>&amp;\\x01\\x1b]]>": 1
    """))
    out = cli("check", str(repo.root), "--format", "junit", "--as-of", AS_OF)
    root = ET.fromstring(out.stdout.encode("utf-8"))
    case = next(c for c in root.iter("testcase") if c.get("name") == "governance/acme/bodies/x.yaml")
    error = case.find("error")
    assert error.get("type") == "S003"
    assert error.get("message") == "governance/acme/bodies/x.yaml:7:1 S003: unknown field '<b>&amp;\\x01\\x1b]]>'"
    assert error.text.splitlines()[0] == "governance/acme/bodies/x.yaml:7:1 S003 error: unknown field '<b>&amp;\\x01\\x1b]]>'"
    assert [c.find("error") is None and c.find("failure") is None for c in root.iter("testcase")] == [True, False, True, True]
    assert out.code == 3
