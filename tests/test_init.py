"""`auditrack init`: a new data repository that passes `auditrack check` at once, and the issue's end-to-end case:
a pull request that adds an action without an owner."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from test_diff import commit, git
from test_formats import assert_valid_sarif
from test_schema import KINDS, SCHEMAS, data_files, load_yaml12, schema_problems

REPO = Path(__file__).resolve().parents[1]


def scaffold_files(org: str, year: int, follow_up_year: int) -> list[str]:
    case = f"recommendations/{org}/{year}-samverkansmodellen"
    return sorted([
        ".github/workflows/auditrack.yml", ".pre-commit-config.yaml", "README.md", "auditrack.yaml",
        f"governance/{org}/organisation.yaml",
        f"governance/{org}/bodies/kommunstyrelsen.yaml", f"governance/{org}/bodies/styrgrupp.yaml",
        f"governance/{org}/roles/processledare.yaml", f"governance/{org}/programmes/samverkansmodellen.yaml",
        f"governance/{org}/mandates/styrmodell.yaml", f"governance/{org}/documents/processplan.yaml",
        f"governance/{org}/goals/egen-forsorjning.yaml",
        f"governance/{org}/indicators/deltagare-till-arbete-eller-studier.yaml",
        f"governance/{org}/reporting/aterrapportering-kommunstyrelsen.yaml",
        f"governance/{org}/evaluations/utvardering-effekter.yaml", f"governance/{org}/interventions/arbetstraning.yaml",
        f"{case}/report.yaml", f"{case}/response.yaml", f"{case}/follow-up-{follow_up_year}.yaml",
        *(f"schemas/{p.name}" for p in SCHEMAS.glob("*.json")),
    ])


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts)


@pytest.fixture
def created(tmp_path) -> Path:
    root = tmp_path / "ludvika-data"
    out = run_cli("init", str(root), "--org", "ludvika", "--name", "Ludvika kommun")
    assert out.code == 0, out.stderr
    assert out.stdout == (f"created a data repository for Ludvika kommun (ludvika) in {root}: 34 files\n"
                          f"next: cd {root} && git init && auditrack check\n"
                          "the CI workflow and the pre-commit configuration install auditrack 0.1.0 from "
                          "https://github.com/auditrack/auditrack; give --source to use another copy\n")
    return root


def test_source_sets_where_ci_and_pre_commit_install_auditrack(tmp_path):
    root = tmp_path / "data"
    out = run_cli("init", str(root), "--name", "Exempels kommun", "--source", "https://git.example.se/it/auditrack")
    assert out.code == 0, out.stderr
    assert "  - repo: https://git.example.se/it/auditrack\n" in (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert 'pip install "auditrack @ git+https://git.example.se/it/auditrack@v0.1.0"' in (
        root / ".github/workflows/auditrack.yml").read_text(encoding="utf-8")


def test_init_then_check_passes_with_no_finding(created):
    out = run_cli("check", str(created), "--format", "json")
    assert out.code == 0, out.stdout + out.stderr
    assert out.json["findings"] == []
    assert out.json["files"] == 15
    (report,) = created.glob("recommendations/ludvika/*/report.yaml")
    (follow_up,) = created.glob("recommendations/ludvika/*/follow-up-*.yaml")
    year = int(report.parent.name[:4])
    assert listing(created) == scaffold_files("ludvika", year, int(follow_up.stem[-4:]))
    assert run_cli("check", str(created)).code == 0  # the default format, and auditrack.yaml as written


def test_every_kind_has_one_example_and_each_validates_against_the_written_schemas(created):
    files = data_files(created)
    kinds = sorted(load_yaml12(p.read_text(encoding="utf-8"))["kind"] for p in files)
    assert sorted(set(kinds)) == sorted(KINDS)
    assert kinds.count("body") == 2 and len(kinds) == 15
    problems = [p for path in files for p in schema_problems(path, created, created / "schemas")]
    assert problems == [], "\n".join(problems)
    for schema in (created / "schemas").iterdir():  # the schemas init writes are the ones `auditrack schema` writes
        assert schema.read_bytes() == (SCHEMAS / schema.name).read_bytes(), schema.name


def test_the_example_passes_the_rules_on_any_day_it_is_created():
    from auditrack.commands.init import files
    from auditrack.config import Config
    from auditrack.engine import check_sources

    found = []
    for today in (date(2024, 1, 1), date(2024, 2, 29), date(2025, 6, 14), date(2025, 6, 15), date(2026, 11, 16),
                  date(2026, 12, 31), date(2030, 7, 1)):
        content = files("exempel", "Exempel kommun", today)
        sources = [(p, t.encode()) for p, t in content.items() if p.startswith(("recommendations/", "governance/"))]
        found += [(today, f.code, f.message) for f in check_sources(sources, Config(), today).findings]
    assert found == []


def test_init_never_overwrites_without_force(created):
    config = created / "auditrack.yaml"
    config.write_text("fail_on: warning\n", encoding="utf-8")
    out = run_cli("init", str(created), "--org", "ludvika", "--name", "Ludvika kommun")
    assert out.code == 2
    lines = out.stderr.splitlines()
    assert lines[0] == (f"auditrack: 34 of the files to create already exist in {created}; "
                        "nothing was written (use --force to overwrite them):")
    assert [line.strip() for line in lines[1:]] == sorted(listing(created))
    assert config.read_text(encoding="utf-8") == "fail_on: warning\n"
    forced = run_cli("init", str(created), "--org", "ludvika", "--name", "Ludvika kommun", "--force")
    assert forced.code == 0
    assert config.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schemas/auditrack-config.json\n")


def test_init_refuses_only_for_the_files_it_would_write(tmp_path):
    root = tmp_path / "repo"
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "x.txt").write_text("mine\n")
    (root / "README.md").write_text("mine\n")
    out = run_cli("init", str(root))
    assert (out.code, out.stderr.splitlines()[1:]) == (2, ["  README.md"])
    assert run_cli("init", str(root), "--force").code == 0
    assert (root / "notes" / "x.txt").read_text() == "mine\n"


@pytest.mark.parametrize(("args", "org", "name"), [
    ((), "exempel", "Exempel kommun"),
    (("--name", "Region Jämtland Härjedalen"), "region-jamtland-harjedalen", "Region Jämtland Härjedalen"),
    (("--name", "Bräcke kommun"), "bracke", "Bräcke kommun"),
    (("--org", "solna"), "solna", "Solna kommun"),
    (("--org", "ab", "--name", 'Kommun: "A, B" # test'), "ab", 'Kommun: "A, B" # test'),
])
def test_org_and_name(tmp_path, args, org, name):
    root = tmp_path / "r"
    assert run_cli("init", str(root), *args).code == 0
    data = load_yaml12((root / "governance" / org / "organisation.yaml").read_text(encoding="utf-8"))
    assert (data["id"], data["name"]) == (org, name)
    assert run_cli("check", str(root), "--format", "json").json["findings"] == []


def test_an_invalid_org_is_a_usage_error(tmp_path):
    out = run_cli("init", str(tmp_path / "r"), "--org", "Ludvika Kommun")
    assert out.code == 2
    assert out.stderr == ("auditrack: 'Ludvika Kommun' is not a valid organisation id: use lower-case letters, digits, "
                          "'.', '_' and '-', starting with a letter or digit (e.g. --org ludvika)\n")
    assert not (tmp_path / "r").exists()


def test_the_configuration_explains_every_key_and_uncommented_is_valid(created):
    from auditrack.config import Config, load_config

    text = (created / "auditrack.yaml").read_text(encoding="utf-8")

    def keys(model, prefix=""):
        for name, info in model.model_fields.items():
            yield prefix + (info.alias or name)
            annotation = info.annotation
            if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
                yield from keys(annotation, prefix + (info.alias or name) + ".")

    for key in keys(Config):
        leaf = key.rsplit(".", 1)[-1]
        assert re.search(rf"^#?\s*{leaf}:", text, re.MULTILINE), f"auditrack.yaml does not mention {key}"
    uncommented = re.sub(r"^# (\s*[A-Za-z_][A-Za-z0-9_]*:)", r"\1", text, flags=re.MULTILINE)
    (created / "uncommented.yaml").write_text(uncommented, encoding="utf-8")
    config = load_config(created / "uncommented.yaml")
    defaults = Config().model_dump()
    assert {k: v for k, v in config.model_dump().items() if k not in ("as_of", "severity")} == {
        k: v for k, v in defaults.items() if k not in ("as_of", "severity")}
    assert str(config.as_of) == date.today().isoformat()
    assert config.severity == {"G205": "error"}


def test_the_ci_files_use_this_repository_s_hook_and_workflow(created):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"], h["pass_filenames"], h["require_serial"]) for h in hooks] == [
        ("auditrack", "auditrack check --fail-on never", "python", True, True)]
    # pre-commit matches `files` with Python's re.search; .YAML and .YML are data files too.
    assert [bool(re.search(hooks[0]["files"], name)) for name in ("a.yaml", "b.YML", "c.Yaml", "d.json", "yaml")] == [
        True, True, True, False, False]
    pre_commit = yaml.safe_load((created / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (entry,) = pre_commit["repos"]
    assert [h["id"] for h in entry["hooks"]] == ["auditrack"]
    assert entry["rev"] == "v" + run_cli("--version").stdout.split()[1]
    ours = yaml.safe_load((REPO / ".github" / "workflows" / "auditrack.yml").read_text(encoding="utf-8"))
    theirs = yaml.safe_load((created / ".github" / "workflows" / "auditrack.yml").read_text(encoding="utf-8"))
    # The same workflow, except for where auditrack is installed from.
    steps = {name: [s for s in wf["jobs"]["check"]["steps"] if not s.get("name", "").startswith("Install")]
             for name, wf in (("ours", ours), ("theirs", theirs))}
    assert steps["ours"] == steps["theirs"]
    assert {k: v for k, v in ours.items() if k != "jobs"} == {k: v for k, v in theirs.items() if k != "jobs"}
    names = [s.get("name") or s["uses"] for s in ours["jobs"]["check"]["steps"]]
    assert names == ["actions/checkout@v4", "actions/setup-python@v5", "Install auditrack from this repository",
                     "Check (annotations and job summary)", "Write SARIF", "Upload SARIF to code scanning",
                     "Gaps introduced by this pull request"]
    upload = ours["jobs"]["check"]["steps"][5]
    assert (upload["uses"], upload["if"], upload["with"]["sarif_file"]) == (
        "github/codeql-action/upload-sarif@v3", "always()", "auditrack.sarif")
    assert ours["jobs"]["check"]["steps"][2]["run"] == "pip install ."
    assert ours["jobs"]["check"]["steps"][6]["run"] == (
        'auditrack diff "origin/$BASE_REF" --format markdown | tee -a "$GITHUB_STEP_SUMMARY"')
    assert ours["jobs"]["check"]["steps"][6]["env"] == {"BASE_REF": "${{ github.base_ref }}"}


# --------------------------------------------------------------------------- the "done when"


def test_a_pull_request_adding_an_action_without_an_owner(created):
    """On a fresh git repository made with `auditrack init`, a pull request that adds an action without an owner
    yields an annotation on that line, a SARIF file that validates, and a diff saying one gap was newly recorded."""
    root = created
    git(root, "init", "-q", "-b", "main")
    commit(root, "auditrack init")
    git(root, "checkout", "-q", "-b", "ny-atgard")
    (response,) = root.glob("recommendations/ludvika/*/response.yaml")
    relative = response.relative_to(root).as_posix()
    recommendation = load_yaml12(response.read_text(encoding="utf-8"))["actions"][0]["recommendations"][0]
    before = response.read_text(encoding="utf-8")
    response.write_text(before + (
        "  - id: ny-atgard\n"
        "    recommendations:\n"
        f"      - {recommendation}\n"
        "    text: Ta fram en plan för att följa upp varje insats.\n"
        f"    due: {date.today().year + 1}-06-30\n"
    ), encoding="utf-8")
    line = before.count("\n") + 4  # the action's text
    commit(root, "Ny åtgärd")

    # The annotation, in GitHub Actions (format auto), and the gap report in the job summary.
    summary = root.parent / "step-summary.md"
    check = run_cli("check", ".", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}, cwd=root)
    assert check.code == 1
    assert f"{relative}:{line}" in summary.read_text(encoding="utf-8")
    (finding,) = run_cli("check", ".", "--format", "json", cwd=root).json["findings"]
    assert (finding["code"], finding["file"], finding["line"]) == ("R103", relative, line)
    assert check.stdout.splitlines() == [
        f"::error file={relative},line={line},col={finding['column']},title=R103 action-incomplete"
        "::the action 'ny-atgard' has no owner%0Ahelp: Add owner: (a role id).",
        f"1 error, 0 warnings, 0 info in 15 files (as of {date.today().isoformat()})",
    ]

    # The diff against the base branch: the gap is on an action the change adds, so it is newly recorded, and
    # fails the diff only with --fail-on-new-records.
    diff = run_cli("diff", "main", "--format", "json", cwd=root)
    assert diff.code == 0
    assert diff.json["summary"] == {"introduced": 0, "newly_recorded": 1, "resolved": 0, "unchanged": 0,
                                    "status_changes": 1,
                                    "introduced_by_severity": {"error": 0, "warning": 0, "info": 0},
                                    "newly_recorded_by_severity": {"error": 1, "warning": 0, "info": 0}}
    assert [(f["code"], f["file"], f["line"]) for f in diff.json["newly_recorded"]] == [("R103", relative, line)]
    text = run_cli("diff", "main", "HEAD", "--fail-on-new-records", cwd=root)
    assert text.code == 1
    assert text.stdout.splitlines()[1] == "0 gaps introduced, 1 newly recorded, 0 resolved, 0 unchanged; 1 status change"

    # The SARIF file.
    sarif = run_cli("check", ".", "--format", "sarif", cwd=root)
    assert sarif.code == 1
    (root / "auditrack.sarif").write_text(sarif.stdout, encoding="utf-8")
    document = json.loads((root / "auditrack.sarif").read_text(encoding="utf-8"))
    (result,) = document["runs"][0]["results"]
    assert result["ruleId"] == "R103"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": relative, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": line, "startColumn": finding["column"]},
    }
    assert_valid_sarif(document)  # skips, with the reason, when ../shared is absent
