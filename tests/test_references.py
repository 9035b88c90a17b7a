"""Cross-references across files (X001 with "did you mean"), duplicate ids (X002), and organisations kept apart."""

from __future__ import annotations



def located(finding: dict) -> tuple:
    return finding["code"], finding["file"], finding["line"], finding["column"]


def test_dangling_reference_suggests_the_close_id(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kss]"))
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("X001", repo.REPORT_PATH, 8, 14)
    assert "'kss'" in finding["message"]
    assert "did you mean 'ks'?" in finding["message"]
    assert finding["subject"] == "r2022"
    assert finding["severity"] == "error"
    assert run.code == 3


def test_dangling_reference_in_a_nested_record(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "    addressees: [socialnamnden]\n")
    repo.write(
        "governance/acme/bodies/socialnamnden.yaml",
        repo.BOARD.replace("id: ks", "id: socialnämnden").replace("type: board", "type: committee").replace("id: socialnämnden", "id: social-namnden"),
    )
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("X001", repo.REPORT_PATH, 14, 18)
    assert "'socialnamnden'" in finding["message"]
    assert "did you mean 'social-namnden'?" in finding["message"]
    assert run.code == 3


def test_reference_to_a_record_of_the_wrong_kind(repo, check):
    repo.write(
        "governance/acme/roles/kommundirektor.yaml",
        "kind: role\nid: kommundirektor\norganisation: acme\nname: Kommundirektör\nstanding: true\n",
    )
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kommundirektor]"))
    finding = check(repo.root).only_finding
    assert located(finding) == ("X001", repo.REPORT_PATH, 8, 14)
    assert "'kommundirektor' is a role" in finding["message"]
    assert "body" in finding["message"]


def test_unknown_organisation_suggests_the_close_one(repo, check):
    repo.write(repo.BOARD_PATH, repo.BOARD.replace("organisation: acme", "organisation: acne"))
    run = check(repo.root)
    unknown_org = [f for f in run.findings if f["file"] == repo.BOARD_PATH]
    assert [located(f) for f in unknown_org] == [("X001", repo.BOARD_PATH, 3, 15)]
    assert "did you mean 'acme'?" in unknown_org[0]["message"]
    assert run.code == 3


def test_every_dangling_reference_is_reported(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT.replace("addressees: [ks]", "addressees: [kss]") + "    addressees: [nobody]\n")
    repo.write(
        "governance/acme/bodies/styrgrupp.yaml",
        "kind: body\nid: styrgrupp\norganisation: acme\nname: Styrgrupp\ntype: steering-group\nstanding: true\nparent: ksx\n",
    )
    run = check(repo.root)
    assert [located(f) for f in run.findings] == [
        ("X001", "governance/acme/bodies/styrgrupp.yaml", 7, 9),
        ("X001", repo.REPORT_PATH, 8, 14),
        ("X001", repo.REPORT_PATH, 14, 18),
    ]
    assert run.code == 3


# --------------------------------------------------------------------------- organisations and ids


def bravo(repo) -> None:
    """A second organisation with the same ids as acme: ks and r2022."""
    repo.org("bravo", "Bravo kommun")
    repo.write("recommendations/bravo/2022-malstyrning/report.yaml", repo.REPORT.replace("organisation: acme", "organisation: bravo"))


def test_same_ids_in_two_organisations_do_not_clash(repo, check):
    bravo(repo)
    run = check(repo.root)
    assert run.findings == []
    assert run.json["files"] == 6
    assert run.code == 0


def test_references_stay_inside_their_organisation(repo, check):
    bravo(repo)
    repo.write(
        "governance/acme/bodies/styrgrupp.yaml",
        "kind: body\nid: styrgrupp\norganisation: acme\nname: Styrgrupp\ntype: steering-group\nstanding: true\n",
    )
    bravo_report = "recommendations/bravo/2022-malstyrning/report.yaml"
    repo.write(bravo_report, repo.REPORT.replace("organisation: acme", "organisation: bravo").replace("addressees: [ks]", "addressees: [styrgrupp]"))
    finding = check(repo.root).only_finding
    assert located(finding) == ("X001", bravo_report, 8, 14)
    assert "'styrgrupp'" in finding["message"]
    assert "bravo" in finding["message"]


def test_duplicate_id_within_one_organisation(repo, check):
    second = "governance/acme/bodies/styrelsen.yaml"  # after ks.yaml in path order
    repo.write(second, repo.BOARD)
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("X002", second, 2, 5)
    # No line number in the message: moving the other record must not make it a new finding in `diff`.
    assert finding["message"] == (
        f"the id 'ks' is already used by the body in {repo.BOARD_PATH}; ids must be unique within organisation 'acme'")
    assert finding["subject"] == "ks"
    assert run.code == 3


def test_duplicate_id_across_kinds_within_one_organisation(repo, check):
    role = "governance/acme/roles/ks.yaml"
    repo.write(role, "kind: role\nid: ks\norganisation: acme\nname: Kommunstyrelsens ordförande\nstanding: true\n")
    run = check(repo.root)
    finding = run.only_finding
    assert located(finding) == ("X002", role, 2, 5)
    assert finding["message"].startswith(f"the id 'ks' is already used by the body in {repo.BOARD_PATH};")
    assert run.code == 3


def test_duplicate_recommendation_id_within_one_report(repo, check):
    repo.write(repo.REPORT_PATH, repo.REPORT + "  - id: rek-1\n    text: Följ upp målen.\n")
    finding = check(repo.root).only_finding
    assert located(finding) == ("X002", repo.REPORT_PATH, 14, 9)
    assert "'rek-1'" in finding["message"]
    assert f"{repo.REPORT_PATH};" in finding["message"]


def test_duplicate_organisation_id(repo, check):
    copy = "governance/zeta/organisation.yaml"  # after acme/ in path order
    repo.write(copy, repo.ORGANISATION)
    finding = check(repo.root).only_finding
    assert located(finding) == ("X002", copy, 2, 5)
    assert repo.ORG_PATH in finding["message"]


def test_an_invalid_record_is_reported_once_not_again_by_references_to_it(repo, check):
    # The board file has a misspelt field; the report's `addressees: [ks]` must not add "unknown body 'ks'".
    repo.write(repo.BOARD_PATH, repo.BOARD.replace("name:", "nmae:"))
    finding = check(repo.root).only_finding
    assert located(finding) == ("S003", repo.BOARD_PATH, 4, 1)


def test_an_invalid_organisation_file_is_reported_once(repo, check):
    repo.write(repo.ORG_PATH, repo.ORGANISATION.replace("name:", "namn:"))
    finding = check(repo.root).only_finding
    assert located(finding) == ("S003", repo.ORG_PATH, 3, 1)
    assert "did you mean 'name'?" in finding["message"]


def test_an_unparsable_organisation_file_is_reported_once(repo, check):
    repo.write(repo.ORG_PATH, repo.ORGANISATION.replace("name: Acme kommun", "name: [Acme kommun"))
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["file"]) == ("Y001", repo.ORG_PATH)


def test_a_record_in_an_unparsable_file_is_not_also_an_unknown_reference(repo, check):
    # The report refers to the board `ks`; the board's file has a YAML error after its id.
    repo.write(repo.BOARD_PATH, repo.BOARD + "duties: [Leda\n")
    finding = check(repo.root).only_finding
    assert (finding["code"], finding["file"]) == ("Y001", repo.BOARD_PATH)
