"""`auditrack schema`: the exported JSON Schemas match the models, and every data file validates against them
with an independent validator, read the way an editor's YAML 1.2 language server reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import run_cli

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = REPO / "schemas"
KINDS = ["organisation", "audit-report", "response", "follow-up", "programme", "goal", "indicator", "body", "role",
         "mandate", "reporting-requirement", "evaluation", "intervention", "document"]
FILES = [f"{kind}.json" for kind in KINDS] + ["auditrack-config.json"]
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


# --------------------------------------------------------------------------- YAML as an editor reads it


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as the YAML language server reads a file: dates stay strings,
    `yes`/`no`/`on`/`off` stay strings, only true/false are booleans; keys are text, as in JSON."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first) + ([""] if _tag == "null" else []))


def _int12(loader, node):
    text = loader.construct_scalar(node)
    return int(text[2:], 8) if text.startswith("0o") else int(text[2:], 16) if text.startswith("0x") else int(text)


def _mapping12(loader, node):
    loader.flatten_mapping(node)
    return {str(loader.construct_object(k, deep=True)): loader.construct_object(v, deep=True) for k, v in node.value}


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", _mapping12)


def load_yaml12(text: str):
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


def data_files(root: Path) -> list[Path]:
    return sorted(p for folder in ("recommendations", "governance") for p in (root / folder).rglob("*.y*ml"))


def schema_problems(path: Path, root: Path, schemas: Path) -> list[str]:
    """Why `path` does not validate against the schema its first line names (empty when it does)."""
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(root).as_posix()
    match = MODELINE.match(text.splitlines()[0])
    if not match:
        return [f"{where}: the first line is not `# yaml-language-server: $schema=...`"]
    data = load_yaml12(text)
    expected = schemas / f"{data.get('kind')}.json"
    named = (path.parent / match.group(1)).resolve()
    if named != expected.resolve():
        return [f"{where}: the first line names {match.group(1)}, which is not {expected.relative_to(root).as_posix()}"]
    schema = json.loads(expected.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{where}: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(data)]


# --------------------------------------------------------------------------- drift


def test_check_in_the_default_folder_names_it_once(tmp_path):
    assert run_cli("schema", cwd=tmp_path).code == 0
    assert run_cli("schema", "--check", cwd=tmp_path).stdout == "all 15 schema files in schemas/ are up to date\n"


def test_the_committed_schemas_match_the_models():
    out = run_cli("schema", "--check", "--output-dir", str(SCHEMAS))
    assert out.code == 0, f"run `auditrack schema` to regenerate:\n{out.stdout}"
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(FILES)


def test_check_lists_stale_and_missing_files_and_writing_rewrites_only_those(tmp_path):
    out_dir = tmp_path / "schemas"
    first = run_cli("schema", "--output-dir", str(out_dir))
    assert first.code == 0
    assert first.stdout.splitlines() == [f"wrote {(out_dir / f).as_posix()}" for f in FILES] + [
        "15 of 15 schema files written, 0 unchanged"]
    goal = out_dir / "goal.json"
    goal.write_text(goal.read_text(encoding="utf-8").replace("measurable", "measured"), encoding="utf-8")
    (out_dir / "role.json").unlink()
    untouched = {p.name: p.stat().st_mtime_ns for p in out_dir.iterdir() if p.name != "goal.json"}

    check = run_cli("schema", "--check", "--output-dir", str(out_dir))
    assert check.code == 1
    assert check.stdout.splitlines() == [
        f"{(out_dir / 'goal.json').as_posix()}: stale",
        f"{(out_dir / 'role.json').as_posix()}: missing",
        "2 schema files out of date; run `auditrack schema` to regenerate",
    ]
    again = run_cli("schema", "--output-dir", str(out_dir))
    assert again.stdout.splitlines() == [f"wrote {(out_dir / 'goal.json').as_posix()}", f"wrote {(out_dir / 'role.json').as_posix()}",
                                         "2 of 15 schema files written, 13 unchanged"]
    assert {n: (out_dir / n).stat().st_mtime_ns for n in untouched} == untouched
    current = run_cli("schema", "--check", "--output-dir", str(out_dir))
    assert (current.code, current.stdout) == (0, f"all 15 schema files in {out_dir.as_posix()}/ are up to date\n")
    assert [p.name for p in out_dir.iterdir() if p.name.endswith(".tmp")] == []


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("name", FILES)
def test_each_schema_is_draft_2020_12_with_an_id(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:auditrack:schema:{name.removesuffix('.json')}"
    jsonschema.Draft202012Validator.check_schema(schema)
    if name != "auditrack-config.json":
        assert schema["properties"]["kind"]["const"] == name.removesuffix(".json")
        assert schema["additionalProperties"] is False


def test_field_docstrings_are_descriptions_shown_on_hover():
    from auditrack.commands.schema import generate

    schemas = {name: json.loads(text) for name, text in generate().items()}
    response = schemas["response.json"]
    action = response["$defs"]["Action"]
    assert action["description"] == "An action (åtgärd) the board commits to in its response."
    # A field typed with the shared `Text` still gets its own docstring, not the generic "Free text.".
    assert action["properties"]["text"]["description"] == "What will be done."
    assert action["properties"]["owner"]["description"] == "The role responsible for the action (a role, not a person)."
    assert response["properties"]["decided_by"]["description"] == "The body that adopted the response."
    assert response["properties"]["decided_by"]["x-auditrack-ref"] == ["body"]
    # Inherited from Record; and a docstring wins over the description of its type (a Period here).
    assert response["properties"]["waivers"]["description"] == (
        "Rules this record is exempt from, each with a reason, an approver and an expiry date.")
    assert response["$defs"]["Waiver"]["properties"]["expires"]["description"] == (
        "The date after which the waiver no longer applies.")
    # A description given in the type (`Id`) wins over a docstring.
    assert response["properties"]["id"]["description"].startswith("A stable identifier")
    config = schemas["auditrack-config.json"]
    assert config["properties"]["paths"]["description"] == "Folders, relative to the checked PATH, that hold data files."
    assert config["$defs"]["Horizons"]["properties"]["follow_up_months"]["description"] == (
        "A recommendation should have a follow-up assessment this many months after the report.")
    holder = schemas["role.json"]["$defs"]["Holder"]["properties"]
    assert holder["name"]["description"] == "The person's name; leave out when the source does not give it."
    assert "from" in holder  # aliases, as written in the files


def test_the_schemas_reject_what_auditrack_rejects():
    schema = json.loads((SCHEMAS / "response.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = load_yaml12("kind: response\nid: s\norganisation: o\nreport: r\ndecided_by: ks\ndate: 2022-05-17\n")
    assert list(validator.iter_errors(good)) == []
    for bad in ("date: 31-05-2022", "date: 2022-Q5", "ownr: x", "kind: goal", "actions: [{id: a, text: ''}]",
                "actions: [{id: a, text: t, status: klar}]", "id: Stor"):
        key = bad.split(":")[0]
        data = {**good, **load_yaml12(bad)} if key != "ownr" else {**good, "ownr": "x"}
        assert list(validator.iter_errors(data)), bad


def test_an_editor_reads_dates_as_text_and_years_as_numbers():
    data = load_yaml12("a: 2022-03-15\nb: 2018\nc: 3.10\nd: yes\ne: ~\nf: true\n2021: x\n")
    assert data == {"a": "2022-03-15", "b": 2018, "c": 3.1, "d": "yes", "e": None, "f": True, "2021": "x"}
    period = json.loads((SCHEMAS / "programme.json").read_text(encoding="utf-8"))["properties"]["started"]
    validator = jsonschema.Draft202012Validator(period)
    assert [v for v in ("2022-03-15", 2018, "2020-Q1", "2021-H2", "2020-10") if not validator.is_valid(v)] == []
    assert [v for v in ("15/3 2022", 18, "2020-Q5") if validator.is_valid(v)] == []


# --------------------------------------------------------------------------- the repository's own data


def test_every_data_file_in_the_repository_validates_against_its_schema():
    files = data_files(REPO)
    if not files:
        pytest.skip("no data files under recommendations/ or governance/ yet")
    problems = [p for path in files for p in schema_problems(path, REPO, SCHEMAS)]
    assert problems == [], "\n".join(problems)
