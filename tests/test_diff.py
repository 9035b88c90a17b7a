"""`auditrack diff BASE [HEAD]` on real git repositories built in the tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import AS_OF, BOARD, BOARD_PATH, REPORT, REPORT_PATH, run_cli
from incrementalkit import GIT_ENV, git  # noqa: F401  (other tests take them from here)

RESPONSE_PATH = "recommendations/acme/2022-malstyrning/response.yaml"
FOLLOW_UP_PATH = "recommendations/acme/2022-malstyrning/follow-up-2023.yaml"
ROLE_PATH = "governance/acme/roles/socialchef.yaml"

RESPONSE = """\
kind: response
id: svar
organisation: acme
report: r2022
decided_by: ks
date: 2022-03-18
actions:
  - id: a1
    recommendations: [rek-1]
    text: Ta fram mätbara mål.
    due: 2022-12-31
"""
# line 10 is the action's text, where R103 points
OWNED = RESPONSE.replace("    due:", "    owner: socialchef\n    due:")

ROLE = """\
kind: role
id: socialchef
organisation: acme
name: Socialchef
standing: true
"""

FOLLOW_UP = """\
kind: follow-up
id: uppfoljning-2023
organisation: acme
report: r2022
date: 2023-03-01
assessor: KPMG AB
assessments:
  - recommendation: rek-1
    status: partly-implemented
"""

R103 = "the action 'a1' has no owner"


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def commit(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-gpg-sign", "-m", message)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def history(repo):
    """The minimal repository as a git repository with one commit on main, tagged `base`."""
    git(repo.root, "init", "-q", "-b", "main")
    commit(repo.root, "base")
    git(repo.root, "tag", "base")
    return repo


@pytest.fixture
def responded(history):
    """`history` with a second commit, tagged `responded`: the response, its action a1 owned by the role socialchef."""
    history.write(RESPONSE_PATH, OWNED)
    history.write(ROLE_PATH, ROLE)
    commit(history.root, "response")
    git(history.root, "tag", "responded")
    return history


def diff(repo, *args: str, cwd: Path | None = None):
    return run_cli("diff", *args, "--path", str(repo.root), "--as-of", AS_OF, cwd=cwd)


def finding(code: str, severity: str, message: str, file: str, line: int, column: int, subject: str, hint: str) -> dict:
    return {"code": code, "severity": severity, "message": message, "file": file, "line": line, "column": column,
            "subject": subject, "organisation": "acme", "hint": hint}


def without_fingerprints(findings: list[dict]) -> list[dict]:
    for f in findings:
        assert len(f.pop("fingerprint")) == 64
    return findings


R103_HINT = "Add owner: (a role id)."


# --------------------------------------------------------------------------- the three kinds of change


def test_a_change_that_adds_a_gap(responded):
    responded.write(RESPONSE_PATH, RESPONSE)
    head = commit(responded.root, "the action loses its owner")
    out = diff(responded, "responded", "HEAD", "--format", "json")
    assert out.code == 1, out.stderr
    document = out.json
    assert document["base"] == {"revision": "responded", "commit": git(responded.root, "rev-parse", "responded")}
    assert document["head"] == {"revision": "HEAD", "commit": head}
    assert document["summary"] == {"introduced": 1, "newly_recorded": 0, "resolved": 0, "unchanged": 0,
                                   "status_changes": 0,
                                   "introduced_by_severity": {"error": 1, "warning": 0, "info": 0},
                                   "newly_recorded_by_severity": {"error": 0, "warning": 0, "info": 0}}
    (introduced,) = without_fingerprints(document["introduced"])
    assert introduced == finding("R103", "error", R103, RESPONSE_PATH, 10, 5, "a1", R103_HINT)
    assert document["newly_recorded"] == document["resolved"] == document["unchanged"] == []
    assert document["status_changes"] == document["not_compared"] == document["not_compared_details"] == []

    text = diff(responded, "responded", "HEAD")
    assert text.code == 1
    base_commit = git(responded.root, "rev-parse", "responded")
    assert text.stdout.splitlines() == [
        f"auditrack diff responded ({base_commit[:12]}) → HEAD ({head[:12]}), as of {AS_OF}",
        "1 gap introduced, 0 newly recorded, 0 resolved, 0 unchanged; 0 status changes",
        "",
        "Introduced:",
        f"  {RESPONSE_PATH}:10:5  R103  error  {R103}",
    ]


def test_a_file_with_an_upper_case_suffix_is_data_in_a_revision_too(history):
    upper = RESPONSE_PATH.replace(".yaml", ".YML")
    history.write(upper, RESPONSE)
    commit(history.root, "respond in a .YML file")
    out = diff(history, "base", "HEAD", "--format", "json")
    # the response is a record the change adds, so its gap is newly recorded rather than introduced
    assert [(f["code"], f["file"], f["line"]) for f in out.json["newly_recorded"]] == [("R103", upper, 10)]
    assert out.json["introduced"] == []
    assert out.code == 0


def test_a_change_that_fixes_a_gap(history):
    history.write(RESPONSE_PATH, RESPONSE)
    commit(history.root, "respond without an owner")
    git(history.root, "tag", "gap")
    history.write(RESPONSE_PATH, OWNED)
    history.write(ROLE_PATH, ROLE)
    commit(history.root, "give the action an owner")
    out = diff(history, "gap", "HEAD", "--format", "json")
    assert out.code == 0, out.stderr
    document = out.json
    assert document["summary"]["introduced"] == 0 and document["summary"]["resolved"] == 1
    (resolved,) = without_fingerprints(document["resolved"])
    assert resolved == finding("R103", "error", R103, RESPONSE_PATH, 10, resolved["column"], "a1", R103_HINT)
    assert document["introduced"] == document["unchanged"] == document["status_changes"] == []
    assert diff(history, "gap", "HEAD").stdout.splitlines()[1] == (
        "0 gaps introduced, 0 newly recorded, 1 resolved, 0 unchanged; 0 status changes")


def test_a_change_that_changes_only_a_status(history):
    history.write(RESPONSE_PATH, OWNED)
    history.write(ROLE_PATH, ROLE)
    history.write(FOLLOW_UP_PATH, FOLLOW_UP)
    commit(history.root, "response and follow-up")
    git(history.root, "tag", "before")
    history.write(RESPONSE_PATH, OWNED.replace("    due: 2022-12-31\n", "    due: 2022-12-31\n    status: in-progress\n"))
    history.write(FOLLOW_UP_PATH, FOLLOW_UP.replace("partly-implemented", "implemented"))
    commit(history.root, "progress")
    out = diff(history, "before", "HEAD", "--format", "json")
    assert out.code == 0, out.stderr
    document = out.json
    assert document["introduced"] == document["resolved"] == []
    assert document["status_changes"] == [
        {"kind": "action", "organisation": "acme", "id": "a1", "before": "not-stated", "after": "in-progress",
         "file": RESPONSE_PATH, "line": 13},
        {"kind": "recommendation", "organisation": "acme", "id": "rek-1", "before": "partly-implemented",
         "after": "implemented", "file": REPORT_PATH, "line": 11},
    ]
    assert diff(history, "before", "HEAD").stdout.splitlines()[-3:] == [
        "Status changes:",
        f"  action acme/a1: status not stated → in-progress  ({RESPONSE_PATH}:13)",
        f"  recommendation acme/rek-1: partly-implemented → implemented  ({REPORT_PATH}:11)",
    ]


def test_the_latest_follow_up_gives_a_recommendation_its_status(history):
    history.write(RESPONSE_PATH, OWNED)
    history.write(ROLE_PATH, ROLE)
    commit(history.root, "response")
    git(history.root, "tag", "responded")
    history.write(FOLLOW_UP_PATH, FOLLOW_UP)
    later = FOLLOW_UP.replace("uppfoljning-2023", "uppfoljning-2024").replace("2023-03-01", "2024-03-01")
    history.write("recommendations/acme/2022-malstyrning/follow-up-2024.yaml", later.replace("partly-implemented", "implemented"))
    commit(history.root, "two follow-ups")
    changes = diff(history, "responded", "HEAD", "--format", "json").json["status_changes"]
    assert [(c["id"], c["before"], c["after"]) for c in changes] == [("rek-1", None, "implemented")]


# --------------------------------------------------------------------------- matching and sides


def test_moving_a_finding_to_another_line_is_not_a_change(history):
    history.write(RESPONSE_PATH, RESPONSE)
    commit(history.root, "gap")
    git(history.root, "tag", "gap")
    history.write(RESPONSE_PATH, "# Svar på granskningen\n# antaget av kommunstyrelsen\n" + RESPONSE)
    commit(history.root, "comments above")
    document = diff(history, "gap", "HEAD", "--format", "json").json
    assert document["summary"] == {"introduced": 0, "newly_recorded": 0, "resolved": 0, "unchanged": 1,
                                   "status_changes": 0,
                                   "introduced_by_severity": {"error": 0, "warning": 0, "info": 0},
                                   "newly_recorded_by_severity": {"error": 0, "warning": 0, "info": 0}}
    assert document["unchanged"][0]["line"] == 12


def test_head_left_out_is_the_working_tree(responded):
    responded.write(RESPONSE_PATH, RESPONSE)  # not committed
    out = diff(responded, "responded", "--format", "json")
    assert out.code == 1
    assert out.json["head"] == {"revision": None, "commit": None}
    assert [f["code"] for f in out.json["introduced"]] == ["R103"]
    assert diff(responded, "responded").stdout.startswith(
        f"auditrack diff responded ({git(responded.root, 'rev-parse', 'responded')[:12]}) → working tree, ")
    assert diff(responded, "HEAD").code == 1  # the last commit against the working tree


def test_fail_on_decides_which_introduced_gaps_fail(history):
    # An expired waiver is a warning (W001).
    history.write(BOARD_PATH, BOARD + "waivers: [{rule: G205, reason: Avvecklad, approved_by: ks, expires: 2021-12-31}]\n")
    commit(history.root, "expired waiver")
    assert diff(history, "base", "HEAD").code == 0
    assert diff(history, "base", "HEAD", "--fail-on", "warning").code == 1
    history.write("auditrack.yaml", "fail_on: warning\n")  # the default comes from HEAD's configuration
    commit(history.root, "fail on warnings")
    assert diff(history, "base", "HEAD").code == 1
    assert diff(history, "base", "HEAD", "--fail-on", "error").code == 0
    # An error-level gap on a record that exists at the base: the report's response is overdue (R101).
    history.write(REPORT_PATH, REPORT + "response_request: {requested_on: 2022-01-10, requested_from: [ks], due: 2022-03-01}\n")
    assert diff(history, "base", "--fail-on", "error").code == 1
    assert diff(history, "base", "--fail-on", "never").code == 0


def test_the_configuration_is_read_from_the_head_side(history):
    history.write(RESPONSE_PATH, RESPONSE)
    commit(history.root, "gap")
    git(history.root, "tag", "gap")
    history.write("auditrack.yaml", "ignore: [R103]\n")
    commit(history.root, "ignore R103")
    document = diff(history, "gap", "HEAD", "--format", "json").json
    # HEAD's configuration applies to both sides: the gap is neither resolved nor unchanged, it is not checked.
    assert document["summary"]["resolved"] == document["summary"]["unchanged"] == 0
    history.write("auditrack.yaml", "ignore: []\n")  # the working tree's configuration, when HEAD is left out
    assert diff(history, "gap", "--format", "json").json["summary"]["unchanged"] == 1


def test_with_the_repository_itself_as_a_data_folder_the_configuration_is_not_data(history):
    history.write("auditrack.yaml", "paths: ['.']\n")
    commit(history.root, "the whole repository holds data")
    run = diff(history, "base", "HEAD", "--format", "json")
    assert run.code == 0
    assert run.json["summary"]["introduced"] == run.json["summary"]["resolved"] == 0  # auditrack.yaml is no S001


def test_a_data_repository_in_a_sub_folder(tmp_path, repo):
    top = repo.root.parent  # the git repository holds data/ and other things
    (top / "other.txt").write_text("not data\n")
    git(top, "init", "-q", "-b", "main")
    commit(top, "base")
    repo.write(RESPONSE_PATH, RESPONSE)
    commit(top, "gap")
    out = run_cli("diff", "HEAD~1", "HEAD", "--path", str(repo.root), "--as-of", AS_OF, "--format", "json",
                  "--fail-on-new-records")
    assert out.code == 1, out.stderr
    assert [(f["code"], f["file"]) for f in out.json["newly_recorded"]] == [("R103", RESPONSE_PATH)]
    inside = run_cli("diff", "HEAD~1", "HEAD", "--as-of", AS_OF, "--format", "json", cwd=repo.root)
    assert inside.json["newly_recorded"] == out.json["newly_recorded"]


# --------------------------------------------------------------------------- markdown


def test_markdown_is_fit_for_a_pull_request_comment_and_escapes_the_data(history):
    history.write("governance/acme/bodies/grupp.yaml", dedent("""
        kind: body
        id: grupp
        organisation: acme
        name: "G|<img src=x>@team *x* [l](u)"
        type: work-group
    """))
    commit(history.root, "a group nothing regulates")
    out = diff(history, "base", "HEAD", "--format", "markdown")
    assert out.code == 0
    (g204,) = diff(history, "base", "HEAD", "--format", "json").json["newly_recorded"]
    base_commit = git(history.root, "rev-parse", "base")[:12]
    head_commit = git(history.root, "rev-parse", "HEAD")[:12]
    assert out.stdout.splitlines() == [
        "### auditrack: 0 gaps introduced, 1 newly recorded, 0 resolved",
        "",
        f"Compared base ({base_commit}) with HEAD ({head_commit}), as of {AS_OF}: "
        "0 gaps introduced, 1 newly recorded, 0 resolved, 0 unchanged; 0 status changes.",
        "",
        "#### Newly recorded, on records the change adds (1)",
        "",
        "| Severity | Code | Where | Finding |",
        "| --- | --- | --- | --- |",
        f"| warning | G204 | governance/acme/bodies/grupp.yaml:{g204['line']}:{g204['column']} | nothing regulates the body "
        "'G\\|&lt;img src=x&gt;@\u200dteam \\*x\\* \\[l\\](u)': no mandate or governing document names it |",
    ]


# --------------------------------------------------------------------------- usage errors


def test_outside_a_git_repository_is_a_usage_error(repo):
    out = diff(repo, "main")
    assert out.code == 2
    assert out.stderr == f"auditrack: {repo.root} is not inside a git repository; `auditrack diff` compares git revisions\n"
    assert out.stdout == ""


def test_an_unknown_revision_is_a_usage_error(history):
    out = diff(history, "no-such-branch")
    assert (out.code, out.stderr) == (2, "auditrack: unknown revision 'no-such-branch': no commit, branch or tag of that name\n")
    out = diff(history, "base", "origin/main")
    assert (out.code, out.stderr) == (2, "auditrack: unknown revision 'origin/main': no commit, branch or tag of that name "
                                         "(in a shallow clone, fetch it first: git fetch origin main)\n")
    out = diff(history, "--", "HEAD")
    assert out.code == 2


def test_an_unknown_format_is_a_usage_error(history):
    out = diff(history, "base", "--format", "sarif")
    assert (out.code, out.stderr) == (2, "auditrack: unknown format 'sarif'; use one of: text, json, markdown\n")


def test_no_data_on_either_side_is_a_usage_error(tmp_path):
    (tmp_path / "README.md").write_text("empty\n")
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "nothing")
    out = run_cli("diff", "HEAD", "--path", str(tmp_path))
    assert out.code == 2
    assert out.stderr == (f"auditrack: no data folders (recommendations/, governance/) in {tmp_path} "
                          "at HEAD or the working tree\n")


def test_symbolic_links_are_followed_as_in_the_working_tree(history):
    shared = history.root / "shared"
    shared.mkdir()
    (shared / "kf.yaml").write_text(dedent("""
        kind: body
        id: kf
        organisation: acme
        name: Kommunfullmäktige
        type: council
        standing: true
        minutes: {kept: false}
    """), encoding="utf-8")
    (history.root / "governance/acme/bodies/kf.yaml").symlink_to("../../../shared/kf.yaml")
    (history.root / "governance/acme/bodies/trasig.yaml").symlink_to("saknas.yaml")
    (history.root / "governance/acme/bodies/mapp.yaml").symlink_to("../../../shared")
    (history.root / "governance/acme/bodies/ute.yaml").symlink_to("/etc/passwd")
    (history.root / "governance/acme/bodies/git.yaml").symlink_to("../../../.git/config")
    commit(history.root, "links")
    working_tree = run_cli("check", str(history.root), "--format", "json", "--as-of", AS_OF).findings
    assert sorted((f["code"], f["file"]) for f in working_tree) == [
        ("G205", "governance/acme/bodies/kf.yaml"), ("Y012", "governance/acme/bodies/git.yaml"),
        ("Y012", "governance/acme/bodies/mapp.yaml"),
        ("Y012", "governance/acme/bodies/trasig.yaml"), ("Y012", "governance/acme/bodies/ute.yaml")]
    committed = diff(history, "base", "HEAD", "--format", "json").json
    # The links' errors are introduced; the linked body, a record the change adds, is newly recorded.
    assert sorted((f["code"], f["file"]) for f in committed["introduced"] + committed["newly_recorded"]) == sorted(
        (f["code"], f["file"]) for f in working_tree)
    assert [f["code"] for f in committed["newly_recorded"]] == ["G205"]
    # The committed tree and the working tree give the same findings, so nothing differs between them.
    same = diff(history, "HEAD", "--format", "json").json
    assert same["summary"]["introduced"] == same["summary"]["resolved"] == 0, same


def test_an_invalid_configuration_at_head_is_a_usage_error(history):
    history.write("auditrack.yaml", "fail_on: sometimes\n")
    commit(history.root, "bad configuration")
    for args in (("base", "HEAD"), ("base",)):
        out = diff(history, *args)
        assert out.code == 2
        lines = out.stderr.splitlines()
        assert lines[0].startswith("auditrack.yaml:1:10  C001  ")
        assert lines[-1] == "auditrack: the configuration is invalid (exit code 2)"
        assert out.stdout == ""
