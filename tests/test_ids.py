"""`auditrack ids [KIND] [--org ID]`: the ids that exist with their names, so an officer finds the role to name."""

from __future__ import annotations

import json

from conftest import run_cli

ROLE = "kind: role\nid: {id}\norganisation: {org}\nname: {name}\n"


def ids(repo, *args: str):
    return run_cli("ids", *args, "--path", str(repo.root))


def test_every_kind_with_names(repo):
    repo.write("governance/acme/roles/socialchef.yaml", ROLE.format(id="socialchef", org="acme", name="Socialchef"))
    out = ids(repo)
    assert (out.code, out.stderr) == (0, "")
    assert out.stdout == (
        "organisation:\n  acme  Acme kommun\n\n"
        "audit-report:\n  r2022  Granskning av målstyrning\n\n"
        "recommendation:\n  rek-1  Bryt ned det övergripande målet i mätbara mål.\n\n"
        "body:\n  ks  Kommunstyrelsen\n\n"
        "role:\n  socialchef  Socialchef\n"
    )


def test_one_kind_of_one_organisation_in_text_and_json(repo):
    repo.org("norrby", "Norrby kommun")
    repo.write("governance/acme/roles/socialchef.yaml", ROLE.format(id="socialchef", org="acme", name="Socialchef"))
    repo.write("governance/acme/roles/kommundirektor.yaml",
               ROLE.format(id="kommundirektor", org="acme", name="Kommundirektör"))
    repo.write("governance/norrby/roles/ekonomichef.yaml", ROLE.format(id="ekonomichef", org="norrby", name="Ekonomichef"))
    out = ids(repo, "role", "--org", "acme")
    assert (out.code, out.stdout) == (0, "role:\n  kommundirektor  Kommundirektör\n  socialchef      Socialchef\n")
    out = ids(repo, "role")  # several organisations: each id with its organisation
    assert out.stdout == ("role:\n  acme/kommundirektor  Kommundirektör\n  acme/socialchef      Socialchef\n"
                          "  norrby/ekonomichef   Ekonomichef\n")
    out = ids(repo, "body", "--org", "norrby", "--format", "json")
    assert (out.code, json.loads(out.stdout)) == (0, {"body": [{"organisation": "norrby", "id": "ks",
                                                                 "name": "Kommunstyrelsen"}]})
    assert ids(repo, "mandate").stdout == "mandate:\n  (none)\n"


def test_refusals(repo):
    out = ids(repo, "roles")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == ("auditrack: unknown kind 'roles'; use one of: organisation, audit-report, recommendation, "
                          "response, follow-up, programme, goal, indicator, body, role, mandate, "
                          "reporting-requirement, evaluation, intervention, document\n")
    out = ids(repo, "role", "--org", "acne", "--lang", "sv")
    assert (out.code, out.stderr) == (2, "auditrack: organisationen 'acne' finns inte; organisationerna är: acme\n")
    out = ids(repo, "--format", "csv")
    assert (out.code, out.stderr) == (2, "auditrack: unknown format 'csv'; use text or json\n")
