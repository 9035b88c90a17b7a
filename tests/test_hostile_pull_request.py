"""A hostile pull request as a whole: its data, its auditrack.yaml and its templates/ together, checked the way
the workflow `init` writes checks it under GitHub Actions.

Whatever the pull request holds, the check ends within the suite's time and memory bounds (tests/test_hostile.py's
run_cli: killed after 20 s, under 200 MB peak) with exit 3 (data errors) or 2 (its configuration is refused), and
writes nothing but the job summary.
"""

from __future__ import annotations

import os
from pathlib import Path

from test_hostile import HOSTILE, generated, make_repo, place, run_cli  # noqa: F401 (generated is a fixture)

AS_OF = "2026-11-30"
LOOPING_TEMPLATE = "# R\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n"
INJECTED = b'kind: organisation\nid: acme\nname: "Acme\\n::error file=README.md,line=1::INJECTED \\e[31m"\n'


RUN_FILES = {"repo/stdout.txt", "repo/stderr.txt", "repo/measured.txt"}
"""What run_cli itself writes in the folder it runs in."""


def _changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in (before.keys() | after.keys()) - RUN_FILES if before.get(k) != after.get(k))


def _everything(root: Path) -> dict[str, tuple]:
    """Every entry under `root` (not following links): what it is and its bytes or target."""
    found = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder) / name
            if path.is_symlink():
                found[str(path.relative_to(root))] = ("link", os.readlink(path))
            elif path.is_file():
                found[str(path.relative_to(root))] = ("file", path.read_bytes())
            else:
                found[str(path.relative_to(root))] = ("folder",)
    return found


def _hostile_pull_request(tmp_path: Path, generated: dict[str, Path], configuration: str) -> Path:
    repo = make_repo(tmp_path)
    place(repo, "organisation.yaml", INJECTED)
    for name in ("alias-bomb.yaml", "merge-key.yaml", "tag-python-object.yaml", "nul-byte.yaml"):
        place(repo, name, (HOSTILE / name).read_bytes())
    for name in ("nested-flow-50000.yaml", "too-large.yaml", "duplicate-keys.yaml", "invalid-items.yaml"):
        place(repo, name, generated[name].read_bytes())
    (tmp_path / "outside.yaml").write_text("secret: do-not-print\n", encoding="utf-8")
    (repo / "governance" / "linked-out.yaml").symlink_to(tmp_path / "outside.yaml")
    (repo / "templates").mkdir()
    for name in ("gaps.md.j2", "status.md.j2"):
        (repo / "templates" / name).write_text(LOOPING_TEMPLATE, encoding="utf-8")
    (repo / "reports").symlink_to(tmp_path)
    (repo / "auditrack.yaml").write_text(configuration, encoding="utf-8")
    (tmp_path / "summary.md").write_text("", encoding="utf-8")  # the runner's job summary file, empty at first
    return repo


def _check_in_actions(tmp_path: Path, repo: Path):
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_REPOSITORY": "x/y",
           "GITHUB_SHA": "0" * 40}
    return run_cli(repo, "check", "--as-of", AS_OF, env=env), summary


def test_hostile_data_configuration_and_templates_end_in_exit_3_writing_only_the_summary(tmp_path, generated):
    """The configuration raises every limit to its ceiling: the check is still bounded."""
    repo = _hostile_pull_request(
        tmp_path, generated, "limits: {max_file_bytes: 16777216, max_findings: 100000, max_depth: 1000}\n")
    before = _everything(tmp_path)
    run, summary = _check_in_actions(tmp_path, repo)
    assert run.code == 3, run.stderr
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# ") and "do-not-print" not in written + run.stdout + run.stderr
    assert "::error file=README.md,line=1::INJECTED" not in run.stdout.replace("%0A", "\n").splitlines()
    assert "\x1b" not in written + run.stdout + run.stderr
    assert _changed(before, _everything(tmp_path)) == ["summary.md"]


def test_a_refused_configuration_ends_in_exit_2_and_writes_nothing(tmp_path, generated):
    repo = _hostile_pull_request(tmp_path, generated, "limits: {max_file_bytes: 10000000000}\n"
                                                      'lang: "xx\\n::error file=README.md,line=1::INJECTED"\n')
    before = _everything(tmp_path)
    run, summary = _check_in_actions(tmp_path, repo)
    assert (run.code, run.stdout) == (2, "")
    assert "\n::error file=README.md" not in run.stderr
    assert summary.read_text(encoding="utf-8") == ""
    assert _changed(before, _everything(tmp_path)) == []
