"""Links in a pull request stay inside the repository: auditrack.yaml, templates/ and the data.

A link out of the repository, or into .git (where git keeps its configuration, and a CI checkout its token),
is refused with the same message whether its target exists, is a folder or is missing, and no message names
the target or prints an absolute path. Every case runs the real CLI in a subprocess, bounded in time and
memory (test_hostile.run_cli).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from test_hostile import run_cli, run_check

SECRET = "TOPSECRET-abc123"
AS_OF = "2024-06-30"
OUTSIDE_MESSAGE = "the symbolic link points outside the repository; it is not followed"
GIT_MESSAGE = "the symbolic link points into .git, git's own folder; it is not followed"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a valid data repository, with a secret in .git/config as actions/checkout
    leaves a token there, and a folder outside it holding the same secret in every kind of file."""
    root = tmp_path / "repo"
    (root / "governance" / "acme").mkdir(parents=True)
    (root / "recommendations").mkdir()
    (root / "governance" / "acme" / "organisation.yaml").write_text("kind: organisation\nid: acme\nname: Acme kommun\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "config", "http.extraheader", f"AUTHORIZATION: basic {SECRET}"], check=True)
    outside = tmp_path / "outside"
    (outside / "templates").mkdir(parents=True)
    (outside / "auditrack.yaml").write_text(f"lang: {SECRET}\n")
    (outside / "secret.yaml").write_text(f"kind: {SECRET}\n")
    (outside / "templates" / "status.md.j2").write_text(f"{SECRET}\n")
    return root


def _unrevealing(run, tmp_path: Path) -> None:
    """Nothing of the secret, and no absolute path, in anything auditrack printed."""
    for text in (run.stdout, run.stderr):
        assert SECRET not in text
        assert str(tmp_path) not in text


# Each target as the link gives it, from the link's folder: an outside file, an outside folder, nothing
# outside (the same message for all three), and git's configuration.
AUDITRACK_YAML = {
    "outside-file": ("../outside/auditrack.yaml", OUTSIDE_MESSAGE),
    "outside-folder": ("../outside", OUTSIDE_MESSAGE),
    "outside-missing": ("../outside/missing.yaml", OUTSIDE_MESSAGE),
    "absolute": ("/etc/passwd", OUTSIDE_MESSAGE),
    "git-config": (".git/config", GIT_MESSAGE),
}


@pytest.mark.parametrize("case", AUDITRACK_YAML)
def test_a_linked_configuration_is_refused(repo, tmp_path, case):
    target, message = AUDITRACK_YAML[case]
    (repo / "auditrack.yaml").symlink_to(target)
    run = run_check(repo, "--as-of", AS_OF)
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr == (
        f"auditrack.yaml:1:1  Y012  {message}\n"
        "    help: Copy the configuration into the repository instead of linking to it.\n"
        "auditrack: the configuration is invalid (exit code 2)\n"
    )
    _unrevealing(run, tmp_path)


def test_a_configuration_linked_inside_the_repository_is_read(repo):
    (repo / "config").mkdir()
    (repo / "config" / "auditrack.yaml").write_text("fail_on: sometimes\n")
    (repo / "auditrack.yaml").symlink_to("config/auditrack.yaml")
    run = run_check(repo, "--as-of", AS_OF)
    assert run.code == 2
    assert run.stderr.splitlines()[0] == (
        "auditrack.yaml:1:10  C001  field 'fail_on': 'sometimes' is not one of the allowed values: "
        "error, warning, info or never"
    )


def test_a_broken_configuration_link_inside_is_refused_not_skipped(repo, tmp_path):
    (repo / "auditrack.yaml").symlink_to("missing.yaml")
    run = run_check(repo, "--as-of", AS_OF)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        "auditrack.yaml:1:1  Y012  the symbolic link is broken or loops\n"
        "    help: Remove the link or point it at a file in the repository.\n"
        "auditrack: the configuration is invalid (exit code 2)\n"
    )


TEMPLATES = {
    "outside-folder": ("templates", "../outside/templates", OUTSIDE_MESSAGE),
    "outside-missing-folder": ("templates", "../outside/missing", OUTSIDE_MESSAGE),
    "git-folder": ("templates", ".git", GIT_MESSAGE),
    "outside-file": ("templates/status.md.j2", "../../outside/templates/status.md.j2", OUTSIDE_MESSAGE),
    "outside-missing-file": ("templates/status.md.j2", "../../outside/templates/missing.j2", OUTSIDE_MESSAGE),
    "git-file": ("templates/status.md.j2", "../.git/config", GIT_MESSAGE),
}


@pytest.mark.parametrize("case", TEMPLATES)
def test_a_linked_template_is_refused_not_replaced(repo, tmp_path, case):
    link, target, message = TEMPLATES[case]
    (repo / "templates").mkdir(exist_ok=link != "templates")
    if link == "templates":
        (repo / "templates").rmdir()
    (repo / link).symlink_to(target)
    run = run_cli(tmp_path, "report", "status", str(repo), "--as-of", AS_OF)
    assert run.code == 4
    assert run.stdout == ""  # no report made from the packaged template instead
    assert run.stderr == f"auditrack: cannot render the status report: {link}: {message}\n"
    _unrevealing(run, tmp_path)


def test_a_template_included_through_a_link_out_is_refused_in_swedish(repo, tmp_path):
    (repo / "templates").mkdir()
    (repo / "templates" / "status.md.j2").write_text('# Status\n{% include "part.j2" %}\n')
    (repo / "templates" / "part.j2").symlink_to("../../outside/templates/status.md.j2")
    run = run_cli(tmp_path, "report", "status", str(repo), "--as-of", AS_OF, "--lang", "sv")
    assert (run.code, run.stdout) == (4, "")
    assert run.stderr == (
        "auditrack: cannot render the status report: "
        "templates/part.j2: den symboliska länken pekar utanför repositoriet och följs inte\n"
    )
    _unrevealing(run, tmp_path)


def test_the_job_summary_never_reads_a_linked_template(repo, tmp_path):
    """check's job summary is made from auditrack's own templates only, so a templates/ link out of the repository
    is not even looked at: the summary is the ordinary one and nothing from outside appears."""
    (repo / "templates").symlink_to("../outside/templates")
    summary = tmp_path / "summary.md"
    run = run_cli(tmp_path, "check", str(repo), "--as-of", AS_OF, "--format", "github",
                  env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 0, run.stderr
    assert summary.read_text().endswith("✅ No gaps or errors in 1 file.\n")
    assert summary.read_text().startswith("# Gaps and data errors\n")
    _unrevealing(run, tmp_path)
    assert SECRET not in summary.read_text()


def _refusal(repo: Path, tmp_path: Path) -> tuple:
    """The only finding of a check that exits 3, as (code, file, line, column, message); nothing revealed."""
    run = run_check(repo, "--as-of", AS_OF)
    assert run.code == 3
    _unrevealing(run, tmp_path)
    f = run.only_finding
    return f["code"], f["file"], f["line"], f["column"], f["message"]


# A link in a data folder: whatever its name, wherever outside it leads, one message.
@pytest.mark.parametrize(("link", "target", "message"), [
    pytest.param("governance/leak.yaml", "../../outside/secret.yaml", OUTSIDE_MESSAGE, id="outside-file"),
    pytest.param("governance/leak.yaml", "../../outside/missing.yaml", OUTSIDE_MESSAGE, id="outside-missing"),
    pytest.param("governance/notes", "../../outside", OUTSIDE_MESSAGE, id="outside-folder-any-name"),
    pytest.param("governance/notes", "../../outside/missing", OUTSIDE_MESSAGE, id="outside-missing-any-name"),
    pytest.param("governance/x.yaml", "../.git/config", GIT_MESSAGE, id="git-config"),
    pytest.param("governance/git", "../.git", GIT_MESSAGE, id="git-folder"),
])
def test_a_data_link_out_of_the_repository_or_into_git_is_refused(repo, tmp_path, link, target, message):
    (repo / link).symlink_to(target)
    assert _refusal(repo, tmp_path) == ("Y012", link, 1, 1, message)


def test_a_data_folder_linked_to_git_is_not_read(repo, tmp_path):
    (repo / "recommendations").rmdir()
    (repo / "recommendations").symlink_to(".git")
    (repo / ".git" / "leak.yaml").write_text(f"kind: {SECRET}\n")
    assert _refusal(repo, tmp_path) == ("Y012", "recommendations", 1, 1, (
        "the data folder 'recommendations' is a symbolic link that leads into .git, git's own folder; it is not read"))


def test_a_data_folder_configured_inside_git_is_not_read(repo, tmp_path):
    (repo / ".git" / "leak.yaml").write_text(f"kind: {SECRET}\n")
    (repo / "auditrack.yaml").write_text("paths: [governance, .git]\n")
    assert _refusal(repo, tmp_path) == (
        "C001", ".git", 1, 1, "the data folder '.git' leads into .git, git's own folder; it is not read")


@pytest.mark.parametrize("folder", ["../outside", "../missing"])
def test_a_data_folder_configured_outside_is_refused_whether_it_exists_or_not(repo, tmp_path, folder):
    (repo / "auditrack.yaml").write_text(f"paths: [governance, {folder}]\n")
    assert _refusal(repo, tmp_path) == (
        "C001", folder, 1, 1, f"the data folder '{folder}' is outside the repository; it is not read")


@pytest.mark.parametrize("target", ["../outside", "../outside/missing"])
def test_a_data_folder_linked_outside_is_refused_whether_its_target_exists_or_not(repo, tmp_path, target):
    (repo / "recommendations").rmdir()
    (repo / "recommendations").symlink_to(target)
    assert _refusal(repo, tmp_path) == ("Y012", "recommendations", 1, 1, (
        "the data folder 'recommendations' is a symbolic link that leads outside the repository; it is not read"))


def test_a_template_included_through_a_linked_folder_is_refused(repo, tmp_path):
    """Found by an attack review: only the last part of a template's path was checked, so `templates/sub` linked
    out of the repository (or into .git) let `{% include "sub/..." %}` print the file."""
    (repo / "templates").mkdir()
    (repo / "templates" / "status.md.j2").write_text('# Status\n{% include "sub/status.md.j2" %}\n')
    (repo / "templates" / "sub").symlink_to("../../outside/templates")
    run = run_cli(tmp_path, "report", "status", str(repo), "--as-of", AS_OF)
    assert (run.code, run.stdout) == (4, "")
    assert run.stderr == f"auditrack: cannot render the status report: templates/sub: {OUTSIDE_MESSAGE}\n"
    _unrevealing(run, tmp_path)
