"""`auditrack check [PATHS]...` where users stand: from a subfolder, and on the data files pre-commit names.

Two organisations share one data repository: acme (the minimal repository, and an indicator that serves no goal:
G105) and bravo (an overall goal not broken down: G101). The check is a real `python -m auditrack` where the user
would run it from a folder, and the in-process CLI otherwise.
"""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import AS_OF

INDICATOR_PATH = "governance/acme/indicators/deltagare.yaml"
INDICATOR = "kind: indicator\nid: deltagare\norganisation: acme\nname: Antal deltagare per insats\n"
GOAL_PATH = "governance/bravo/goals/mal.yaml"
GOAL = "kind: goal\nid: mal\norganisation: bravo\nlevel: overall\ntext: Fler ska få egen försörjning.\n"

G105 = ("G105", INDICATOR_PATH, 4, 1, "the indicator 'deltagare' is not linked to any goal")
G101 = ("G101", GOAL_PATH, 4, 1, "the overall goal 'mal' is not broken down into measurable sub-goals")


@pytest.fixture
def shared(repo):
    """acme and bravo in one repository, with auditrack.yaml at its top."""
    repo.write(INDICATOR_PATH, INDICATOR)
    repo.org("bravo")
    repo.write(GOAL_PATH, GOAL)
    repo.write("auditrack.yaml", f"as_of: {AS_OF}\n")
    return repo


def found(run) -> list[tuple]:
    return [(f["code"], f["file"], f["line"], f["column"], f["message"]) for f in run.findings]


# --------------------------------------------------------------------------- from a subfolder


def test_check_from_a_subfolder_checks_the_repository_above(shared, process):
    """Like git: the nearest folder above with auditrack.yaml is the repository; paths stay relative to it."""
    for folder in ("governance/acme/bodies", "governance", "recommendations/acme/2022-malstyrning"):
        run = process("check", "--format", "json", cwd=shared.root / folder)
        assert (run.code, run.stderr) == (1, ""), folder
        assert found(run) == [G105, G101]
        assert run.json["files"] == 7
    text = process("check", cwd=shared.root / "governance" / "bravo")
    assert text.stdout.splitlines()[-1] == f"1 error, 1 warning, 0 info in 7 files (as of {AS_OF})"
    assert text.stdout.splitlines()[0] == f"{INDICATOR_PATH}:4:1  G105  warning  {G105[4]}"


def test_a_subfolder_given_as_path_is_checked_as_its_repository(shared, cli):
    run = cli("check", "data/governance/bravo", "--format", "json", cwd=shared.root.parent)
    assert found(run) == [G105, G101]


def test_a_folder_outside_the_data_folders_finds_the_repository_too(shared, process):
    (shared.root / "docs").mkdir()
    run = process("check", "--format", "json", cwd=shared.root / "docs")
    assert found(run) == [G105, G101]


def test_a_repository_sharing_its_parent_s_configuration_stays_itself(shared, cli):
    """A folder with data folders of its own, below an auditrack.yaml, is checked with it as before."""
    shutil.move(shared.root / "auditrack.yaml", shared.root.parent / "auditrack.yaml")
    run = cli("check", str(shared.root), "--format", "json")
    assert found(run) == [G105, G101]
    assert run.json["as_of"] == AS_OF


def test_a_subfolder_with_no_configuration_above_is_checked_as_before(shared, process):
    os.remove(shared.root / "auditrack.yaml")
    run = process("check", "--as-of", AS_OF, cwd=shared.root / "governance")
    assert run.code == 2
    assert run.stderr == ("auditrack: no data folders in . (looked for recommendations/, governance/); run it in a "
                          "data repository, or create one with `auditrack init`\n")


# --------------------------------------------------------------------------- check FILE...


def test_a_named_file_reports_its_organisation_only(shared, cli):
    run = cli("check", shared.BOARD_PATH, "--format", "json", cwd=shared.root)
    # G105 is in another file of acme's: the named file's organisation is checked as a whole.
    assert found(run) == [G105]
    assert run.json["files"] == 4  # acme's organisation file, board, report and indicator
    assert run.code == 0  # a warning
    bravo = cli("check", "governance/bravo/organisation.yaml", "--format", "json", cwd=shared.root)
    assert found(bravo) == [G101]
    assert bravo.json["files"] == 3
    both = cli("check", GOAL_PATH, INDICATOR_PATH, "--format", "json", cwd=shared.root)
    assert found(both) == [G105, G101]


def test_a_named_file_is_checked_against_every_file_of_its_organisation(shared, cli):
    """A response names the report it answers: its reference resolves against the report in another file (no
    X001), and the findings in the organisation's other files are reported too."""
    response = "recommendations/acme/2022-malstyrning/response.yaml"
    shared.write(response, "kind: response\nid: svar\norganisation: acme\nreport: r2022\ndecided_by: ks\n"
                           "date: 2022-03-18\nactions: []\n")
    run = cli("check", response, "--format", "json", cwd=shared.root)
    assert found(run) == [
        G105,
        ("R102", response, 7, 1, "the response 'svar' commits to no actions"),
    ]


def test_another_organisation_s_data_error_is_not_reported(shared, cli):
    shared.write("governance/bravo/roles/trasig.yaml", "kind: role\nid: [trasig\n")
    shared.write("governance/bravo/roles/fel.yaml", "kind: role\nid: fel\norganisation: bravo\nnamn: Fel\n")
    run = cli("check", INDICATOR_PATH, "--format", "json", cwd=shared.root)
    assert (found(run), run.code) == ([G105], 0)
    whole = cli("check", "--format", "json", cwd=shared.root)
    assert [f["code"] for f in whole.findings] == ["G105", "S003", "X003", "Y001"]
    assert whole.code == 3


def test_a_named_file_with_an_error_holds_back_its_organisation_s_gaps(shared, cli):
    shared.write(shared.REPORT_PATH, shared.REPORT.replace("date: 2022-03-15", "date: 2022-13-01"))
    run = cli("check", INDICATOR_PATH, "--format", "json", cwd=shared.root)
    assert [(f["code"], f["severity"], f["file"], f["line"]) for f in run.findings] == [
        ("S004", "error", shared.REPORT_PATH, 6), ("X003", "info", shared.REPORT_PATH, 6)]
    assert run.code == 3


def test_named_files_that_are_not_data_are_ignored_without_noise(shared, cli):
    shared.write(".github/workflows/auditrack.yml", "on: push\n")
    shared.write("schemas/extra.yaml", "kind: role\nid: [\n")  # YAML outside the data folders
    shared.write("governance/.hidden.yaml", "kind: role\nid: [\n")
    shared.write("governance/README.md", "# Data\n")
    names = ["auditrack.yaml", ".github/workflows/auditrack.yml", "schemas/extra.yaml", "governance/.hidden.yaml",
             "governance/README.md"]
    run = cli("check", *names, "--format", "json", cwd=shared.root)
    assert (run.code, run.stderr, run.findings, run.json["files"]) == (0, "", [], 0)
    with_data = cli("check", *names, GOAL_PATH, "--format", "json", cwd=shared.root)
    assert found(with_data) == [G101]


def test_a_named_file_that_does_not_exist_is_a_usage_error(shared, cli):
    run = cli("check", GOAL_PATH, "governance/bravo/goals/saknas.yaml", cwd=shared.root)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "auditrack: governance/bravo/goals/saknas.yaml does not exist\n"


def test_files_of_two_repositories_are_a_usage_error(shared, tmp_path, cli):
    other = tmp_path / "annan"
    shutil.copytree(shared.root, other)
    run = cli("check", str(shared.root / GOAL_PATH), str(other / GOAL_PATH))
    assert (run.code, run.stdout) == (2, "")
    first, second = sorted([str(shared.root.resolve()), str(other.resolve())])
    assert run.stderr == (f"auditrack: the paths belong to different data repositories ({first}; {second}); "
                          "check one repository at a time\n")


def test_an_upper_case_suffix_is_a_named_data_file(shared, cli):
    os.rename(shared.root / GOAL_PATH, shared.root / "governance/bravo/goals/mal.YAML")
    run = cli("check", "governance/bravo/goals/mal.YAML", "--format", "json", cwd=shared.root)
    assert [(f["code"], f["file"]) for f in run.findings] == [("G101", "governance/bravo/goals/mal.YAML")]


def test_pre_commit_may_split_the_names_and_each_run_is_right(shared, process):
    """The hook's entry with the names pre-commit passes, from the repository's top, in two runs."""
    shared.write("governance/bravo/roles/trasig.yaml", "kind: role\nid: [trasig\n")
    entry = ["check", "--fail-on", "never", "--format", "json"]
    first = process(*entry, "auditrack.yaml", INDICATOR_PATH, cwd=shared.root)
    second = process(*entry, GOAL_PATH, "governance/bravo/roles/trasig.yaml", cwd=shared.root)
    assert (found(first), first.code) == ([G105], 0)  # the gaps do not block the commit ...
    # The broken file names no organisation, so it holds back no gap of bravo's.
    assert [f["code"] for f in second.findings] == ["G101", "Y001"]  # ... a file that cannot be read blocks it
    assert second.code == 3


def test_named_files_in_a_repository_without_configuration(shared, process):
    """auditrack.yaml is optional: the named files' repository is then the current folder, as `auditrack check`
    alone would check; a workflow named auditrack.yml is not taken for the configuration."""
    os.remove(shared.root / "auditrack.yaml")
    shared.write(".github/workflows/auditrack.yml", "on: push\njobs: {}\n")
    run = process("check", "--as-of", AS_OF, "--format", "json", ".github/workflows/auditrack.yml", INDICATOR_PATH,
                  cwd=shared.root)
    assert (found(run), run.stderr, run.json["files"]) == ([G105], "", 4)
    alone = process("check", "--as-of", AS_OF, ".github/workflows/auditrack.yml", cwd=shared.root)
    nothing = f"0 errors, 0 warnings, 0 info in 0 files (as of {AS_OF})\n"
    assert (alone.code, alone.stdout, alone.stderr) == (0, nothing, "")


def test_a_named_link_out_of_the_repository_is_reported_and_others_are_not(shared, cli):
    (shared.root / "governance/acme/roles").mkdir(parents=True)
    os.symlink("/etc/hostname", shared.root / "governance/acme/roles/ute.yaml")
    os.symlink("/etc/hostname", shared.root / "governance/bravo/ute.yaml")
    run = cli("check", "governance/acme/roles/ute.yaml", "--format", "json", cwd=shared.root)
    assert [(f["code"], f["file"]) for f in run.findings] == [("Y012", "governance/acme/roles/ute.yaml")]
    assert run.code == 3


# --------------------------------------------------------------------------- reading other organisations' files in part

LONG = "".join(f"  Mening nummer {n} i en lång beskrivning av målet.\n" for n in range(120))  # about 6 KB


def test_other_organisations_files_read_in_part_change_nothing(tmp_path):
    """`check FILE...` reads another organisation's file only as far as its opening shows whose it is; files
    longer than that opening, whose openings say nothing plain or say it past the opening, are read whole, and
    the findings are exactly the full check's about the named files' organisations."""
    from datetime import date

    from auditrack.config import Config
    from auditrack.engine import run_check
    from rulekit import write_repo

    as_of = date.fromisoformat(AS_OF)

    other_ok = "kind: goal\nid: lang\norganisation: annan\nlevel: overall\ntext: |\n" + LONG
    other_bad = "kind: goal\nid: fel\norganisation: annan\nlevel: overall\ntext: |\n" + LONG + "okand: 1\n"
    ours_quoted = '"kind": goal\nid: citerad\norganisation: exempel\nlevel: overall\ntext: |\n' + LONG
    ours_late = "# " + "x" * 5000 + "\nkind: goal\nid: sen\norganisation: exempel\nlevel: overall\ntext: Mål\n"
    root = write_repo(tmp_path, {
        "governance/annan/organisation.yaml": "kind: organisation\nid: annan\nname: Annans kommun\n",
        "governance/annan/goals/lang.yaml": other_ok,
        "governance/annan/goals/fel.yaml": other_bad,
        "governance/annan/goals/citerad.yaml": ours_quoted,  # filed under annan, but exempel's
        "governance/annan/goals/sen.yaml": ours_late,        # exempel's, named past the opening
        "governance/exempel/goals/kort.yaml": "kind: goal\nid: kort\norganisation: exempel\nlevel: overall\ntext: Mål\n",
    })

    def seen(result):
        return sorted((f.code, str(f.location), f.message) for f in result.findings)

    full = run_check(root, Config(), as_of)
    about_exempel = [f for f in full.findings if f.organisation == "exempel"]
    ours = run_check(root, Config(), as_of, named={"governance/exempel/goals/kort.yaml"})
    assert seen(ours) == sorted((f.code, str(f.location), f.message) for f in about_exempel)
    assert {str(f.location).split(":")[0] for f in ours.findings} == {
        "governance/annan/goals/citerad.yaml", "governance/annan/goals/sen.yaml", "governance/exempel/goals/kort.yaml"}
    assert ours.files == 4  # exempel's organisation file and its three goals

    theirs = run_check(root, Config(), as_of, named={"governance/annan/goals/lang.yaml"})
    assert ("S003", "governance/annan/goals/fel.yaml:126:1") in {(f.code, str(f.location)) for f in theirs.findings}
    assert seen(theirs) == sorted((f.code, str(f.location), f.message) for f in full.findings
                                  if f.organisation == "annan")
