"""`auditrack init`: a new data repository that passes `auditrack check` at once, and the issue's end-to-end case:
a pull request that adds an action without an owner."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from test_diff import GIT_ENV, commit, git
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


def make_source(root: Path, tag: str | None) -> Path:
    """A git repository standing in for auditrack's source: one commit, tagged `tag` when given."""
    root.mkdir(parents=True)
    (root / "README.md").write_text("auditrack\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, "first")
    if tag:
        git(root, "tag", tag)
    return root


@pytest.fixture(scope="module")
def tagged_source(tmp_path_factory) -> Path:
    return make_source(tmp_path_factory.mktemp("sources") / "auditrack", "v0.1.0")


def pinned_line(source: Path) -> str:
    return (f"the CI workflow and the pre-commit configuration install auditrack 0.1.0 from {source}, pinned to its "
            "tag v0.1.0\n")  # no advice to give --source: it was given


def init(root: Path, source: Path, *args: str):
    """`auditrack init ROOT --source SOURCE ARGS`: a source on this machine, so that what is pinned is known."""
    return run_cli("init", str(root), "--source", str(source), *args)


@pytest.fixture
def created(tmp_path, tagged_source) -> Path:
    root = tmp_path / "ludvika-data"
    out = init(root, tagged_source, "--org", "ludvika", "--name", "Ludvika kommun")
    assert out.code == 0, out.stderr
    assert out.stdout == (f"created a data repository for Ludvika kommun (ludvika) in {root}: 34 files\n"
                          "found in SCB's list: Ludvika, municipality code 2085\n"
                          + pinned_line(tagged_source) +
                          f"next: cd {root} && git init && auditrack check\n")
    assert out.stderr == ""
    return root


# --------------------------------------------------------------------------- what init pins, and where from


def read(root: Path, relative: str) -> str:
    return (root / relative).read_text(encoding="utf-8")


def installs(root: Path) -> tuple[str, str, str]:
    """pre-commit's repo and rev, and the workflow's install step."""
    (entry,) = yaml.safe_load(read(root, ".pre-commit-config.yaml"))["repos"]
    workflow = yaml.safe_load(read(root, ".github/workflows/auditrack.yml"))
    (step,) = [s for s in workflow["jobs"]["check"]["steps"] if s.get("name") == "Install auditrack"]
    return entry["repo"], entry["rev"], step["run"]


def test_a_source_with_this_version_s_tag_is_pinned_to_the_tag(created, tagged_source):
    assert installs(created) == (str(tagged_source), "v0.1.0",
                                 f'pip install "auditrack @ git+file://{tagged_source}@v0.1.0"')
    assert f'pip install "auditrack @ git+file://{tagged_source}@v0.1.0"' in read(created, "README.md")


def test_a_source_without_the_tag_is_pinned_to_its_head_commit(tmp_path):
    source = make_source(tmp_path / "auditrack", tag="v0.0.9")
    head = git(source, "rev-parse", "HEAD")
    root = tmp_path / "data"
    out = init(root, source)
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[2] == (
        f"the CI workflow and the pre-commit configuration install auditrack from {source}, pinned to its commit "
        f"{head} (it has no tag v0.1.0)")
    assert installs(root) == (str(source), head, f'pip install "auditrack @ git+file://{source}@{head}"')
    # A commit made only of digits would be a number to YAML: the rev is quoted.
    assert f'    rev: "{head}"\n' in read(root, ".pre-commit-config.yaml")


def test_a_relative_source_folder_is_written_as_an_absolute_path(tmp_path, tagged_source):
    root = tmp_path / "data"
    relative = os.path.relpath(tagged_source, tmp_path)
    out = run_cli("init", "data", "--source", relative, cwd=tmp_path)
    assert out.code == 0, out.stderr
    assert installs(root)[:2] == (str(tagged_source), "v0.1.0")


def test_a_source_folder_that_is_not_a_git_repository_is_a_usage_error(tmp_path):
    (tmp_path / "plain").mkdir()
    out = run_cli("init", str(tmp_path / "data"), "--source", str(tmp_path / "plain"))
    assert out.code == 2
    assert out.stderr.startswith(f"auditrack: --source {tmp_path / 'plain'} is not a git repository with a commit (")
    assert out.stderr.endswith("); give the URL or folder of a git repository of auditrack\n")
    assert not (tmp_path / "data").exists()


def test_a_remote_source_that_cannot_be_read_is_pinned_to_the_tag_with_a_warning(tmp_path):
    root = tmp_path / "data"
    url = "https://git.invalid/it/auditrack"  # .invalid never resolves (RFC 2606)
    out = run_cli("init", str(root), "--name", "Ludvika kommun", "--source", url)
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[2] == (
        f"the CI workflow and the pre-commit configuration install auditrack 0.1.0 from {url}, pinned to v0.1.0 "
        "unchecked (it could not be read)")
    assert out.stderr.startswith(f"auditrack: warning: cannot read {url} (")
    assert out.stderr.endswith("): pinned to v0.1.0 without knowing that it exists; if pre-commit cannot find it, "
                               "run init again with --source and a copy of auditrack that can be read, or change "
                               "rev: in .pre-commit-config.yaml\n")
    assert installs(root) == (url, "v0.1.0", f'pip install "auditrack @ git+{url}@v0.1.0"')


@pytest.mark.parametrize(("repository", "url"), [
    ("https://github.com/auditrack/auditrack", "git+https://github.com/auditrack/auditrack@REV"),
    ("https://git.example.se/it/auditrack.git", "git+https://git.example.se/it/auditrack.git@REV"),
    ("ssh://git@git.example.se/it/auditrack.git", "git+ssh://git@git.example.se/it/auditrack.git@REV"),
    ("git@github.com:auditrack/auditrack.git", "git+ssh://git@github.com/auditrack/auditrack.git@REV"),
    ("file:///srv/git/auditrack", "git+file:///srv/git/auditrack@REV"),
    ("/srv/git/auditrack", "git+file:///srv/git/auditrack@REV"),
    ("/srv/git/min kod", "git+file:///srv/git/min%20kod@REV"),
])
def test_pip_urls(repository, url):
    from auditrack.scaffold.pinning import pip_url, repository_for

    assert pip_url(repository_for(repository), "REV") == url


def test_pre_commit_runs_the_hook_from_a_local_source(tmp_path):
    """The real pre-commit, on a repository made by init from a clone of this repository: green on the example
    data, red on a broken file, which its output names. pre-commit installs auditrack from the clone."""
    pytest.importorskip("pre_commit")
    if subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True).returncode != 0:
        pytest.skip(f"{REPO} is not a git repository")
    source = tmp_path / "auditrack"
    git(tmp_path, "clone", "-q", str(REPO), str(source))
    root = tmp_path / "data"
    out = init(root, source, "--name", "Ludvika kommun")
    assert out.code == 0, out.stderr
    git(root, "init", "-q", "-b", "main")
    commit(root, "auditrack init")

    def pre_commit() -> subprocess.CompletedProcess:
        env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=root, env=env,
                              capture_output=True, text=True, timeout=600)

    green = pre_commit()
    assert green.returncode == 0, green.stdout + green.stderr
    assert re.search(r"^auditrack check\.+Passed$", green.stdout, re.MULTILINE), green.stdout
    broken = "governance/ludvika/goals/egen-forsorjning.yaml"
    (root / broken).write_text("kind: goal\nid: [egen-forsorjning\n", encoding="utf-8")
    git(root, "add", "-A")
    red = pre_commit()
    assert red.returncode == 1, red.stdout + red.stderr
    assert re.search(r"^auditrack check\.+Failed$", red.stdout, re.MULTILINE), red.stdout
    assert "- exit code: 3" in red.stdout
    assert f"{broken}:3:1  Y001  error  " in red.stdout


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
    # The schemas init writes are the ones `auditrack schema --repository` writes: auditrack's, with the example's
    # ids as completions of the reference fields.
    assert run_cli("schema", "--repository", "--check", "--path", str(created)).code == 0
    for schema in (created / "schemas").iterdir():
        assert _without_examples(json.loads(schema.read_text(encoding="utf-8"))) == json.loads(
            (SCHEMAS / schema.name).read_text(encoding="utf-8")), schema.name
    owner = json.loads((created / "schemas/response.json").read_text(encoding="utf-8"))["$defs"]["Action"]
    assert owner["properties"]["owner"]["anyOf"][0]["examples"] == ["processledare"]


def _without_examples(schema):
    """A schema with the ids `--repository` lists on reference fields taken out again."""
    if isinstance(schema, list):
        return [_without_examples(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    return {k: _without_examples(v) for k, v in schema.items() if not (k == "examples" and "x-auditrack-ref" in schema)}


def test_the_example_passes_the_rules_on_any_day_it_is_created():
    from auditrack.commands.init import files
    from auditrack.config import Config
    from auditrack.scaffold import Organisation
    from auditrack.engine import check_sources

    found = []
    for today in (date(2024, 1, 1), date(2024, 2, 29), date(2025, 6, 14), date(2025, 6, 15), date(2026, 11, 16),
                  date(2026, 12, 31), date(2030, 7, 1)):
        content = files(Organisation("exempel", "Exempel kommun"), today)
        sources = [(p, t.encode()) for p, t in content.items() if p.startswith(("recommendations/", "governance/"))]
        found += [(today, f.code, f.message) for f in check_sources(sources, Config(), today).findings]
    assert found == []


def test_init_never_overwrites_without_force(created, tagged_source):
    config = created / "auditrack.yaml"
    config.write_text("fail_on: warning\n", encoding="utf-8")
    out = init(created, tagged_source, "--org", "ludvika", "--name", "Ludvika kommun")
    assert out.code == 2
    lines = out.stderr.splitlines()
    assert lines[0] == (f"auditrack: 34 of the files to create already exist in {created}; "
                        "nothing was written (use --force to overwrite them):")
    assert [line.strip() for line in lines[1:]] == sorted(listing(created))
    assert config.read_text(encoding="utf-8") == "fail_on: warning\n"
    forced = init(created, tagged_source, "--org", "ludvika", "--name", "Ludvika kommun", "--force")
    assert forced.code == 0
    assert config.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schemas/auditrack-config.json\n")


def test_init_refuses_only_for_the_files_it_would_write(tmp_path, tagged_source):
    root = tmp_path / "repo"
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "x.txt").write_text("mine\n")
    (root / "README.md").write_text("mine\n")
    out = init(root, tagged_source)
    assert (out.code, out.stderr.splitlines()[1:]) == (2, ["  README.md"])
    assert init(root, tagged_source, "--force").code == 0
    assert (root / "notes" / "x.txt").read_text() == "mine\n"


def test_force_next_to_another_organisation_says_what_is_already_there(created, tagged_source):
    out = init(created, tagged_source, "--name", "Bräcke kommun", "--force")
    assert out.code == 0, out.stderr
    assert out.stdout == (
        f"created a data repository for Bräcke kommun (bracke) in {created}: 34 files, 19 of them replacing files "
        "that were there\n"
        "found in SCB's list: Bräcke, municipality code 2305\n"
        "already there: organisation ludvika (Ludvika kommun) in governance/ludvika/organisation.yaml; the repository "
        "holds it beside bracke\n"
        + pinned_line(tagged_source) +
        f"next: cd {created} && git init && auditrack check\n")
    assert (created / "governance/ludvika/organisation.yaml").exists()


def test_force_over_the_same_organisation_says_it_was_replaced(created, tagged_source):
    (created / "governance/ludvika/organisation.yaml").write_text(
        "kind: organisation\nid: ludvika\nname: Ludvika\n", encoding="utf-8")
    out = init(created, tagged_source, "--name", "Ludvika kommun", "--force")
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[2] == ("replaced: organisation ludvika (Ludvika) in "
                                          "governance/ludvika/organisation.yaml, now ludvika (Ludvika kommun)")


def test_next_says_git_init_only_outside_a_git_repository(tmp_path, tagged_source):
    outside = init(tmp_path / "outside", tagged_source)
    assert outside.stdout.splitlines()[-1] == f"next: cd {tmp_path / 'outside'} && git init && auditrack check"
    git(tmp_path, "init", "-q")
    inside = init(tmp_path / "inside", tagged_source)
    assert inside.stdout.splitlines()[-1] == f"next: cd {tmp_path / 'inside'} && auditrack check"


def test_next_says_no_cd_when_created_where_it_runs(tmp_path, tagged_source):
    """`init .` said 'next: cd . && git init && auditrack check'."""
    (tmp_path / "here").mkdir()
    out = run_cli("init", ".", "--source", str(tagged_source), cwd=tmp_path / "here")
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "next: git init && auditrack check"


def test_force_without_source_keeps_the_pin_of_the_existing_pre_commit_configuration(created, tagged_source):
    """init --force replaced a checked pin with the project's default, pinned unchecked."""
    workflow = read(created, ".github/workflows/auditrack.yml")
    out = run_cli("init", str(created), "--org", "ludvika", "--name", "Ludvika kommun", "--force")
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[3] == (
        f"the CI workflow and the pre-commit configuration install auditrack from {tagged_source}, pinned to v0.1.0 "
        "as .pre-commit-config.yaml was; give --source to use another copy")
    assert out.stderr == ""
    assert installs(created)[:2] == (str(tagged_source), "v0.1.0")
    assert read(created, ".github/workflows/auditrack.yml") == workflow


@pytest.mark.parametrize("org", ["ludvika", "x", "malung-salen-och-ett-mycket-langt-namn"])
def test_the_readme_s_layout_block_has_its_descriptions_in_one_column(tmp_path, tagged_source, org):
    root = tmp_path / "r"
    assert init(root, tagged_source, "--org", org).code == 0
    readme = read(root, "README.md")
    block = readme.split("```\n", 2)[1].splitlines()
    width = max(31, len(f"recommendations/{org}/...") + 2)
    assert block == [
        "auditrack.yaml".ljust(width) + "configuration (every key explained)",
        f"recommendations/{org}/...".ljust(width) + "audit reports, responses with actions, follow-ups",
        f"governance/{org}/...".ljust(width) + "organisation, programmes, goals, indicators, bodies, roles,",
        " " * width + "mandates, reporting requirements, evaluations, interventions, documents",
        "schemas/".ljust(width) + "JSON Schemas: editors complete and check the fields as you type",
    ]


NOT_IN_THE_LIST = ("not in SCB's list of municipalities and regions: the id is made from the name, and organisation.yaml "
                   "has no municipality_code")


@pytest.mark.parametrize(("args", "org", "name", "kind", "code", "matched"), [
    ((), "exempel", "Exempel kommun", "municipality", None, NOT_IN_THE_LIST),
    (("--name", "Smedjebackens kommun"), "smedjebacken", "Smedjebackens kommun", "municipality", "2061",
     "found in SCB's list: Smedjebacken, municipality code 2061"),
    (("--name", "Göteborgs Stad"), "goteborg", "Göteborgs Stad", "municipality", "1480",
     "found in SCB's list: Göteborg, municipality code 1480"),
    (("--name", "Stockholms stad"), "stockholm", "Stockholms stad", "municipality", "0180",
     "found in SCB's list: Stockholm, municipality code 0180"),
    (("--name", "Malung-Sälens kommun"), "malung-salen", "Malung-Sälens kommun", "municipality", "2023",
     "found in SCB's list: Malung-Sälen, municipality code 2023"),
    (("--name", "Ludvika"), "ludvika", "Ludvika", "municipality", "2085",
     "found in SCB's list: Ludvika, municipality code 2085"),
    (("--name", "Region Dalarna"), "region-dalarna", "Region Dalarna", "region", "20",
     "found in SCB's list: Region Dalarna, region code 20"),
    (("--name", "Region Jämtland Härjedalen"), "region-jamtland-harjedalen", "Region Jämtland Härjedalen", "region",
     "23", "found in SCB's list: Region Jämtland Härjedalen, region code 23"),
    (("--name", "Bräcke kommun"), "bracke", "Bräcke kommun", "municipality", "2305",
     "found in SCB's list: Bräcke, municipality code 2305"),
    (("--name", "Exempels kommun"), "exempels", "Exempels kommun", "municipality", None, NOT_IN_THE_LIST),
    (("--name", "Region Ängsö"), "angso", "Region Ängsö", "region", None, NOT_IN_THE_LIST),
    (("--org", "solna"), "solna", "Solna kommun", "municipality", "0184",
     "found in SCB's list: Solna, municipality code 0184"),
    (("--org", "ab", "--name", 'Kommun: "A, B" # test'), "ab", 'Kommun: "A, B" # test', "municipality", None,
     NOT_IN_THE_LIST),
])
def test_org_and_name(tmp_path, tagged_source, args, org, name, kind, code, matched):
    root = tmp_path / "r"
    out = init(root, tagged_source, *args)
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[:2] == [f"created a data repository for {name} ({org}) in {root}: 34 files", matched]
    data = load_yaml12((root / "governance" / org / "organisation.yaml").read_text(encoding="utf-8"))
    assert (data["id"], data["name"], data["type"], data.get("municipality_code")) == (org, name, kind, code)
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
        ("auditrack", "auditrack check --fail-on never", "python", True, True),
        ("auditrack-schemas", "auditrack schema --repository", "python", False, True)]
    # pre-commit matches `files` with Python's re.search; .YAML and .YML are data files too.
    assert [bool(re.search(hooks[0]["files"], name)) for name in ("a.yaml", "b.YML", "c.Yaml", "d.json", "yaml")] == [
        True, True, True, False, False]
    pre_commit = yaml.safe_load((created / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (entry,) = pre_commit["repos"]
    assert [h["id"] for h in entry["hooks"]] == ["auditrack", "auditrack-schemas"]
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
