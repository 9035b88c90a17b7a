"""`auditrack diff` judges only the organisations the change touches (issue 19), and all of them when it must.

Real git repositories of three organisations (alfa, beta, gamma), each with a report, its response (action
a1, planned, due 2023-12-31: overdue as of 2024-06-30) and its board and role: tests/incrementalkit.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from incrementalkit import AS_OF, Shape, commit, files_of, git, organisation, report, response, write

from conftest import run_cli

ALFA_RESPONSE = "recommendations/alfa/2022-granskning-1/response.yaml"
BETA_RESPONSE = "recommendations/beta/2022-granskning-1/response.yaml"


@pytest.fixture
def three(tmp_path: Path):
    """Three organisations in a git repository, committed and tagged `base`; `three.files` is what it holds."""
    root = tmp_path / "data"
    root.mkdir()
    files = files_of(Shape(((1,), (1,), (1,)), ("planned",) * 3))
    write(root, files)
    git(root, "init", "-q", "-b", "main")
    commit(root, "base")
    git(root, "tag", "base")

    class Three:
        pass

    three = Three()
    three.root, three.files = root, files
    return three


def change(three, path: str, text: str | None, message: str = "change") -> None:
    if text is None:
        del three.files[path]
    else:
        three.files[path] = text
    write(three.root, three.files)
    if message:
        commit(three.root, message)


def diff(three, *args: str):
    return run_cli("diff", *args, "--path", str(three.root), "--as-of", AS_OF)


def scope(three, *revisions: str) -> dict:
    run = diff(three, *revisions, "--format", "json")
    return run.json["scope"]


def organisations_of(findings: list[dict]) -> list[str]:
    return sorted({f["organisation"] for f in findings})


INCREMENTAL_ALFA = {"incremental": True, "organisations": ["alfa"], "total": 3, "full_because": None}


def test_a_change_in_one_organisation_judges_only_that_one(three):
    change(three, ALFA_RESPONSE, response("alfa", 1, "done"))
    incremental = diff(three, "base", "HEAD", "--format", "json")
    full = diff(three, "base", "HEAD", "--format", "json", "--full")
    assert incremental.json["scope"] == INCREMENTAL_ALFA
    assert full.json["scope"] == {"incremental": False, "organisations": None, "total": None, "full_because": "requested"}
    assert [(f["code"], f["organisation"]) for f in incremental.json["unchanged"]] == [("R106", "alfa"), ("R102", "alfa")]
    assert organisations_of(full.json["unchanged"]) == ["alfa", "beta", "gamma"]
    assert full.json["summary"]["unchanged"] == 8
    for key in ("introduced", "newly_recorded", "resolved", "status_changes"):
        assert incremental.json[key] == full.json[key]
    assert [f["code"] for f in incremental.json["introduced"]] == ["R105"]
    assert [f["code"] for f in incremental.json["resolved"]] == ["R104"]


def test_the_text_and_markdown_say_what_was_left_out_and_how_to_judge_everything(three):
    change(three, ALFA_RESPONSE, response("alfa", 1, "done"))
    lines = diff(three, "base", "HEAD").stdout.splitlines()
    assert lines[1:3] == [
        "1 gap introduced, 0 newly recorded, 1 resolved, 2 unchanged; 1 status change",
        "Only the organisation the change touches was judged, of 3: unchanged findings and data errors of the "
        "other 2 are not counted (--full judges all).",
    ]
    full = diff(three, "base", "HEAD", "--full").stdout.splitlines()
    assert full[1] == "1 gap introduced, 0 newly recorded, 1 resolved, 8 unchanged; 1 status change"
    assert full[2] == ""
    swedish = diff(three, "base", "HEAD", "--lang", "sv").stdout.splitlines()
    assert swedish[2] == ("Bara den organisation som ändringen berör har bedömts, av 3; oförändrade iakttagelser och "
                          "fel i data hos de övriga 2 räknas inte (--full bedömer alla).")
    markdown = diff(three, "base", "HEAD", "--format", "markdown").stdout.splitlines()
    assert markdown[3:5] == ["", lines[2]]


def test_a_file_moved_to_another_organisation_judges_both(three):
    change(three, ALFA_RESPONSE, response("alfa", 1).replace("organisation: alfa", "organisation: beta"))
    assert scope(three, "base", "HEAD")["organisations"] == ["alfa", "beta"]
    assert scope(three, "HEAD", "base")["organisations"] == ["alfa", "beta"]


def test_a_deleted_or_renamed_file_judges_its_organisation(three):
    change(three, BETA_RESPONSE, None)
    assert scope(three, "base", "HEAD")["organisations"] == ["beta"]
    text = three.files[ALFA_RESPONSE]
    del three.files[ALFA_RESPONSE]
    change(three, "recommendations/gamma/svar.yaml", text)  # a file of alfa's in gamma's folder
    assert scope(three, "HEAD~1", "HEAD")["organisations"] == ["alfa"]


def test_the_working_tree_counts_uncommitted_and_untracked_files(three):
    change(three, BETA_RESPONSE, response("beta", 1, "done"), message="")
    assert scope(three, "base")["organisations"] == ["beta"]
    change(three, "recommendations/gamma/2022-granskning-1/follow-up.yaml",
           "kind: follow-up\nid: u\norganisation: gamma\nreport: r1\ndate: 2023-01-01\nassessor: KPMG AB\n"
           "assessments: []\n", message="")
    assert git(three.root, "diff", "--name-only") == BETA_RESPONSE
    assert git(three.root, "ls-files", "--others") == "recommendations/gamma/2022-granskning-1/follow-up.yaml"
    assert scope(three, "base")["organisations"] == ["beta", "gamma"]


def test_a_file_ignored_by_git_is_data_all_the_same(three):
    (three.root / ".gitignore").write_text("ignored.yaml\n")
    change(three, "recommendations/gamma/ignored.yaml", three.files[BETA_RESPONSE], message="")
    assert scope(three, "base")["organisations"] == ["beta"]


def test_a_change_to_the_configuration_judges_everything(three):
    change(three, "auditrack.yaml", f"as_of: {AS_OF}\nignore: [R103]\n", message="")
    assert scope(three, "base")["full_because"] == "configuration"  # uncommitted
    commit(three.root, "configuration")
    expected = {"incremental": False, "organisations": None, "total": None, "full_because": "configuration"}
    assert scope(three, "base", "HEAD") == expected
    assert scope(three, "HEAD", "base") == expected


def test_a_configuration_file_above_the_data_folder_counts_too(tmp_path):
    top = tmp_path / "top"
    root = top / "data"
    root.mkdir(parents=True)
    files = files_of(Shape(((1,), (1,)), ("planned",) * 2))
    del files["auditrack.yaml"]
    write(root, files)
    (top / "auditrack.yaml").write_text(f"as_of: {AS_OF}\n")
    git(top, "init", "-q", "-b", "main")
    commit(top, "base")
    (top / "auditrack.yaml").write_text(f"as_of: {AS_OF}\nlang: en\n")
    run = run_cli("diff", "HEAD", "--path", str(root), "--format", "json")
    assert run.json["scope"]["full_because"] == "configuration"


def test_a_changed_organisation_file_judges_everything(three):
    change(three, "governance/gamma/organisation.yaml", organisation("gamma", "Gamma stad"))
    assert scope(three, "base", "HEAD")["full_because"] == "organisation-files"


def test_an_organisation_file_with_errors_judges_everything_while_it_has_them(three):
    # An invalid organisation file's findings name no organisation (or another one): they are listed with the
    # files without an organisation whatever else changed.
    change(three, "governance/gamma/organisation.yaml", organisation("gamma") + "municipality_code: nope\n")
    change(three, ALFA_RESPONSE, response("alfa", 1, "done"))
    run = diff(three, "HEAD~1", "HEAD", "--format", "json")
    assert run.json["scope"]["full_because"] == "organisation-files"
    assert run.json["not_compared_details"][0]["organisation"] is None
    assert run.code == 3


def test_a_change_outside_the_data_judges_nothing(three):
    (three.root / "README.md").write_text("Revisionens rekommendationer.\n")
    commit(three.root, "readme")
    run = diff(three, "base", "HEAD", "--format", "json")
    assert run.json["scope"] == {"incremental": True, "organisations": [], "total": 3, "full_because": None}
    assert run.json["unchanged"] == []
    assert diff(three, "base", "HEAD").stdout.splitlines()[2] == (
        "The change touches no organisation's files, so none of the 3 was judged (--full judges all).")


def test_data_errors_of_an_organisation_the_change_does_not_touch_do_not_fail_it(three):
    change(three, BETA_RESPONSE, three.files[BETA_RESPONSE] + "unknown_key: 1\n", message="broken beta")
    change(three, ALFA_RESPONSE, response("alfa", 1, "done"))
    incremental = diff(three, "HEAD~1", "HEAD", "--format", "json")
    full = diff(three, "HEAD~1", "HEAD", "--format", "json", "--full")
    assert (incremental.code, incremental.json["not_compared"]) == (0, [])
    assert (full.code, full.json["not_compared"]) == (3, ["beta"])
    # once the change touches beta, its errors are there again
    change(three, BETA_RESPONSE, three.files[BETA_RESPONSE] + "another_key: 1\n")
    assert diff(three, "HEAD~1", "HEAD", "--format", "json").json["not_compared"] == ["beta"]


def test_two_sides_checked_at_once_give_what_one_process_gives(tmp_path):
    # 3 organisations of 91 audits each (818 unchanged findings): a full diff checks over 500 files (diff.SIDES_IN_PARALLEL_FROM), so
    # its sides are checked in two processes; one organisation's alone stays in one. Both must agree.
    root = tmp_path / "data"
    root.mkdir()
    files = files_of(Shape(((1,), (1,), (1,)), ("planned",) * 3))
    for org in ("alfa", "beta", "gamma"):
        for k in range(10, 100):
            folder = f"recommendations/{org}/2022-granskning-{k}"
            files[f"{folder}/report.yaml"] = report(org, 1).replace("id: r1", f"id: r{k}").replace("r1-rek", f"r{k}-rek")
            files[f"{folder}/response.yaml"] = response(org, 1).replace("svar-1", f"svar-{k}").replace(
                "report: r1", f"report: r{k}").replace("[r1-rek-1]", f"[r{k}-rek-1]").replace("id: a1", f"id: a{k}")
    write(root, files)
    git(root, "init", "-q", "-b", "main")
    commit(root, "base")
    files[ALFA_RESPONSE] = response("alfa", 1, "done")
    write(root, files)
    commit(root, "change")
    three = type("Three", (), {"root": root, "files": files})()
    incremental = diff(three, "HEAD~1", "HEAD", "--format", "json").json
    full = diff(three, "HEAD~1", "HEAD", "--format", "json", "--full").json
    assert incremental["scope"] == INCREMENTAL_ALFA
    assert full["summary"]["unchanged"] == 818
    expected = {**full, "scope": incremental["scope"],
                "unchanged": [f for f in full["unchanged"] if f["organisation"] == "alfa"]}
    expected["summary"] = {**full["summary"], "unchanged": len(expected["unchanged"])}
    assert incremental == expected
