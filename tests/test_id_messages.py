"""Messages about ids a municipal officer can act on: the id a value was meant to be, the closest existing ids,
where a new record would go, and where the first of two equal ids is. Exact text, in English and in Swedish."""

from __future__ import annotations

RESPONSE_PATH = "recommendations/acme/2022-malstyrning/response.yaml"
RESPONSE = """\
kind: response
organisation: acme
id: svar
report: r2022
decided_by: ks
date: 2022-05-17
actions:
  - id: a1
    recommendations: [rek-1]
    text: Ta fram mätbara mål.
    owner: socialchef
"""


def roles(repo, *ids: str) -> None:
    """A role for each id, in organisation acme."""
    for id_ in ids:
        repo.write(f"governance/acme/roles/{id_}.yaml",
                   f"kind: role\nid: {id_}\norganisation: acme\nname: {id_.capitalize()}\nstanding: true\n")


def texts(finding: dict) -> tuple:
    return finding["code"], finding["file"], finding["line"], finding["column"], finding["message"], finding["hint"]


def only_error(run) -> dict:
    """The one error about the data (an X003 that holds the gaps back may come with it)."""
    [finding] = [f for f in run.data_findings if f["code"] != "X003"]
    return finding


def only_in_both_languages(check, root) -> tuple[dict, dict]:
    return only_error(check(root)), only_error(check(root, "--lang", "sv"))


def test_an_organisation_written_as_its_name_suggests_its_id(repo, check):
    repo.write("governance/acme/roles/kommunchef.yaml",
               "kind: role\nid: kommunchef\norganisation: Acme\nname: Kommunchef\nstanding: true\n")
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english) == (
        "S004", "governance/acme/roles/kommunchef.yaml", 3, 15,
        "field 'organisation': 'Acme' is not an id: 'organisation' is the id of an organisation in "
        "governance/<id>/organisation.yaml; did you mean 'acme'?",
        "Write the id of an existing organisation, e.g. `organisation: acme`, or add a new one: "
        "governance/<id>/organisation.yaml (kind: organisation). Ids use a–z without å, ä and ö, digits, '.', '_' "
        "and '-', and start with a letter or digit.",
    )
    assert texts(swedish)[4:] == (
        "fältet 'organisation': 'Acme' är inte ett id: 'organisation' ska vara id för en post av typen organisation "
        "i governance/<id>/organisation.yaml; menade du 'acme'?",
        "Ange id för en befintlig post av typen organisation, till exempel `organisation: acme`, eller lägg till en "
        "ny: governance/<id>/organisation.yaml (kind: organisation). Id skrivs med a–z utan å, ä och ö, siffror, "
        "'.', '_' och '-', och börjar med en bokstav eller siffra.",
    )


def test_smedjebacken_written_as_its_name(repo, check):
    """The issue's own example: a municipality's name where its id belongs."""
    repo.write("governance/smedjebacken/organisation.yaml", "kind: organisation\nid: smedjebacken\nname: Smedjebackens kommun\n")
    repo.write("governance/smedjebacken/roles/kommunchef.yaml",
               "kind: role\nid: kommunchef\norganisation: Smedjebacken\nname: Kommunchef\nstanding: true\n")
    finding = only_error(check(repo.root))
    assert finding["message"].endswith("; did you mean 'smedjebacken'?")
    assert finding["hint"].startswith("Write the id of an existing organisation, e.g. `organisation: smedjebacken`, ")


def test_an_id_with_swedish_letters_suggests_the_transliterated_id(repo, check):
    repo.write("governance/acme/programmes/hemtjanst.yaml",
               "kind: programme\nid: hemtjänst\norganisation: acme\nname: Hemtjänst\n")
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english) == (
        "S004", "governance/acme/programmes/hemtjanst.yaml", 2, 5,
        "field 'id': 'hemtjänst' is not a valid id: ids use a–z without å, ä and ö, digits, '.', '_' and '-', and "
        "start with a letter or digit; did you mean 'hemtjanst'?",
        "Write `id: hemtjanst`, and use that id wherever the record is referred to.",
    )
    assert texts(swedish)[4:] == (
        "fältet 'id': 'hemtjänst' är inte ett giltigt id: id skrivs med a–z utan å, ä och ö, siffror, '.', '_' och "
        "'-', och börjar med en bokstav eller siffra; menade du 'hemtjanst'?",
        "Skriv `id: hemtjanst` och använd samma id överallt där det hänvisas till posten.",
    )


def test_an_id_with_nothing_to_suggest(repo, check):
    repo.write("governance/acme/programmes/x.yaml", "kind: programme\nid: '---'\norganisation: acme\nname: X\n")
    finding = only_error(check(repo.root))
    assert (finding["message"], finding["hint"]) == (
        "field 'id': '---' is not a valid id: ids use a–z without å, ä and ö, digits, '.', '_' and '-', and start "
        "with a letter or digit",
        "Write the id with a–z, digits, '.', '_' and '-' only, e.g. 'ludvika-2022-r1'.",
    )


def test_an_owner_written_as_a_person_and_title_lists_the_closest_roles(repo, check):
    roles(repo, "socialchef", "kommundirektor")
    repo.write(RESPONSE_PATH, RESPONSE.replace("owner: socialchef", "owner: Anna Svensson, socialchef"))
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english) == (
        "S004", RESPONSE_PATH, 11, 12,
        "field 'actions › item 1 › owner': 'Anna Svensson, socialchef' is not an id: 'owner' is the id of a role in "
        "governance/acme/roles/; did you mean 'socialchef'?",
        "Write the id of an existing role, e.g. `owner: socialchef`, or add a new one: "
        "governance/acme/roles/<id>.yaml (kind: role). Ids use a–z without å, ä and ö, digits, '.', '_' and '-', "
        "and start with a letter or digit.",
    )
    assert texts(swedish)[4:] == (
        "fältet 'actions › punkt 1 › owner': 'Anna Svensson, socialchef' är inte ett id: 'owner' ska vara id för en "
        "post av typen roll i governance/acme/roles/; menade du 'socialchef'?",
        "Ange id för en befintlig post av typen roll, till exempel `owner: socialchef`, eller lägg till en ny: "
        "governance/acme/roles/<id>.yaml (kind: role). Id skrivs med a–z utan å, ä och ö, siffror, '.', '_' och "
        "'-', och börjar med en bokstav eller siffra.",
    )


def test_an_owner_with_no_close_role_lists_the_few_there_are(repo, check):
    roles(repo, "kommundirektor", "ekonomichef")
    repo.write(RESPONSE_PATH, RESPONSE.replace("owner: socialchef", "owner: Anna Svensson"))
    finding = only_error(check(repo.root))
    assert finding["message"] == (
        "field 'actions › item 1 › owner': 'Anna Svensson' is not an id: 'owner' is the id of a role in "
        "governance/acme/roles/; the existing ids are 'ekonomichef' and 'kommundirektor'")
    assert finding["hint"].startswith("Write the id of an existing role, or add a new one: "
                                      "governance/acme/roles/<id>.yaml (kind: role). ")


def test_an_owner_in_an_organisation_with_no_roles(repo, check):
    repo.write(RESPONSE_PATH, RESPONSE.replace("owner: socialchef", "owner: Anna Svensson"))
    finding = only_error(check(repo.root, "--lang", "sv"))
    assert finding["message"] == (
        "fältet 'actions › punkt 1 › owner': 'Anna Svensson' är inte ett id: 'owner' ska vara id för en post av "
        "typen roll i governance/acme/roles/; ännu finns ingen post av typen roll")


def test_a_list_of_references_with_a_name_in_it(repo, check):
    roles(repo, "socialchef")
    repo.write(RESPONSE_PATH, RESPONSE.replace("[rek-1]", "[Rek 1]"))
    finding = only_error(check(repo.root))
    assert texts(finding)[:5] == (
        "S004", RESPONSE_PATH, 9, 23,
        "field 'actions › item 1 › recommendations › item 1': 'Rek 1' is not an id: each item here is the id of a "
        "recommendation in recommendations/acme/<year>-<slug>/report.yaml; did you mean 'rek-1'?")
    assert finding["hint"].startswith(
        "Write the id of an existing recommendation, e.g. 'rek-1', or add a new one: an item under "
        "`recommendations:` in recommendations/acme/<year>-<slug>/report.yaml. ")


def test_an_unknown_role_lists_the_closest_ids_and_where_a_new_one_goes(repo, check):
    roles(repo, "socialchef", "socialchef-ifo", "skolchef")
    repo.write(RESPONSE_PATH, RESPONSE.replace("owner: socialchef", "owner: socialchefen"))
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english) == (
        "X001", RESPONSE_PATH, 11, 12,
        "unknown role 'socialchefen' in organisation 'acme'; did you mean 'socialchef', 'socialchef-ifo' or "
        "'skolchef'?",
        "Use the id of an existing role, or add a new one: governance/acme/roles/socialchefen.yaml (kind: role).",
    )
    assert texts(swedish)[4:] == (
        "'socialchefen' finns inte som roll i organisationen 'acme'; menade du 'socialchef', 'socialchef-ifo' eller "
        "'skolchef'?",
        "Ange id för en befintlig post av typen roll, eller lägg till en ny: governance/acme/roles/socialchefen.yaml "
        "(kind: role).",
    )


def test_an_unknown_role_or_body_names_both_places(repo, check):
    roles(repo, "kommundirektor", "socialchef")
    repo.write(RESPONSE_PATH, RESPONSE.replace("decided_by: ks", "decided_by: kommunfullmaktige"))
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english)[:5] == (
        "X001", RESPONSE_PATH, 5, 13,
        "unknown body 'kommunfullmaktige' in organisation 'acme'; the only existing id is 'ks'")
    assert texts(swedish)[4] == (
        "'kommunfullmaktige' finns inte som organ i organisationen 'acme'; det enda befintliga id:t är 'ks'")
    repo.write(RESPONSE_PATH, RESPONSE.replace("owner: socialchef", "owner: kommundirektor") + (
        "waivers:\n  - {rule: G205, reason: Avvecklad., approved_by: komundirektor, expires: 2030-12-31}\n"))
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english) == (
        "X001", RESPONSE_PATH, 13, 51,
        "unknown role or body 'komundirektor' in organisation 'acme'; did you mean 'kommundirektor'?",
        "Use the id of an existing role or body, or add a new one: governance/acme/roles/komundirektor.yaml "
        "(kind: role) or governance/acme/bodies/komundirektor.yaml (kind: body).",
    )
    assert texts(swedish)[4:] == (
        "'komundirektor' finns inte som roll eller organ i organisationen 'acme'; menade du 'kommundirektor'?",
        "Ange id för en befintlig post av typen roll eller organ, eller lägg till en ny: "
        "governance/acme/roles/komundirektor.yaml (kind: role) eller governance/acme/bodies/komundirektor.yaml "
        "(kind: body).",
    )


def test_an_unknown_organisation_says_where_its_file_would_go(repo, check):
    repo.write("governance/acme/roles/kommunchef.yaml",
               "kind: role\nid: kommunchef\norganisation: acne\nname: Kommunchef\nstanding: true\n")
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english)[4:] == (
        "unknown organisation 'acne'; did you mean 'acme'?",
        "Correct the id, or add the organisation: governance/acne/organisation.yaml (kind: organisation).",
    )
    assert texts(swedish)[4:] == (
        "organisationen 'acne' finns inte; menade du 'acme'?",
        "Rätta id:t, eller lägg till organisationen: governance/acne/organisation.yaml (kind: organisation).",
    )


def test_a_duplicate_id_names_the_line_of_the_first(repo, check):
    first = "governance/acme/roles/a.yaml"
    second = "governance/acme/roles/b.yaml"  # after a.yaml in path order
    repo.write(first, "# Förvaltningens chef\n\nkind: role\norganisation: acme\nid: chef\nname: Chef\nstanding: true\n")
    repo.write(second, "kind: role\nid: chef\norganisation: acme\nname: Chef\nstanding: true\n")
    english, swedish = only_in_both_languages(check, repo.root)
    assert texts(english) == (
        "X002", second, 2, 5,
        f"the id 'chef' is already used by the role in {first}; ids must be unique within organisation 'acme'",
        f"The first is on line 5 of {first}. Give this record a different id, and update any references to it.",
    )
    assert texts(swedish)[4:] == (
        f"id:t 'chef' används redan av en post av typen roll i {first}; id:n måste vara unika inom organisationen "
        "'acme'",
        f"Det första finns på rad 5 i {first}. Ge posten ett annat id och uppdatera alla hänvisningar till den.",
    )


def test_a_duplicate_id_nested_in_a_report_names_its_line(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "  - id: rek-1\n    text: Följ upp målen.\n")
    finding = only_error(check(repo.root))
    assert (finding["line"], finding["hint"]) == (
        14, f"The first is on line 11 of {repo.REPORT_PATH}. Give this record a different id, and update any "
            "references to it.")


def test_a_duplicate_organisation_id_names_the_line_of_the_first(repo, check):
    copy = "governance/zeta/organisation.yaml"  # after acme/ in path order
    repo.write(copy, repo.ORGANISATION)
    finding = only_error(check(repo.root, "--lang", "sv"))
    assert finding["hint"] == f"Det första finns på rad 2 i {repo.ORG_PATH}. Ge varje organisation ett eget id."
