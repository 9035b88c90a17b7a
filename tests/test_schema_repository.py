"""`auditrack schema --repository`: the data repository's schemas list its ids on the reference fields."""

from __future__ import annotations

import json

from conftest import run_cli

ROLE = "kind: role\nid: {id}\norganisation: acme\nname: {name}\n"


def owner_examples(root) -> list[str]:
    schema = json.loads((root / "schemas/response.json").read_text(encoding="utf-8"))
    return schema["$defs"]["Action"]["properties"]["owner"]["anyOf"][0]["examples"]


def test_the_roles_are_the_owners_an_editor_completes(repo):
    repo.write("auditrack.yaml", "lang: en\n")
    repo.write("governance/acme/roles/socialchef.yaml", ROLE.format(id="socialchef", name="Socialchef"))
    repo.write("governance/acme/roles/kommundirektor.yaml", ROLE.format(id="kommundirektor", name="Kommundirektör"))
    out = run_cli("schema", "--repository", "--path", str(repo.root / "governance"))  # from a folder inside it
    assert out.code == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "15 of 15 schema files written with the repository's ids, 0 unchanged"
    assert owner_examples(repo.root) == ["kommundirektor", "socialchef"]
    schema = json.loads((repo.root / "schemas/response.json").read_text(encoding="utf-8"))
    assert schema["properties"]["decided_by"]["examples"] == ["ks"]
    assert schema["properties"]["report"]["examples"] == ["r2022"]
    # Examples, not an enum: an id that has no file yet is still valid to the editor.
    assert "enum" not in schema["$defs"]["Action"]["properties"]["owner"]["anyOf"][0]

    repo.write("governance/acme/roles/ekonomichef.yaml", ROLE.format(id="ekonomichef", name="Ekonomichef"))
    stale = run_cli("schema", "--repository", "--check", "--path", str(repo.root))
    assert stale.code == 1
    # Every kind's waivers name a role or body as approver, so all 14 kinds' schemas change.
    assert stale.stdout.splitlines()[-1] == ("14 schema files out of date; run `auditrack schema --repository` to "
                                             "regenerate")
    assert f"{(repo.root / 'schemas/response.json').as_posix()}" in stale.stdout.splitlines()
    assert run_cli("schema", "--repository", "--path", str(repo.root)).code == 0
    assert owner_examples(repo.root) == ["ekonomichef", "kommundirektor", "socialchef"]
    assert run_cli("schema", "--repository", "--check", "--path", str(repo.root)).code == 0
