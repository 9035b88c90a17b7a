"""Incremental checks find what full ones find (issue 19), on generated repositories with random changes.

- `auditrack diff` judges only the organisations the change touches; its JSON output equals `diff --full`'s,
  but for the findings that are the same at both revisions (`unchanged`) and the organisations not compared,
  which are those of the organisations judged (`scope`). Compared for commits in both directions and for the
  working tree (uncommitted and untracked files) against a commit.
- `auditrack check FILE...` (what the pre-commit hook runs) reports exactly the full check's findings about
  the files of the named files' organisations.

The repositories and changes are in tests/incrementalkit.py. Settings are deterministic (derandomize=True, no
example database) as in test_properties.py, and modest: each example is a real git repository.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from incrementalkit import AS_OF, OPERATIONS, apply, changes, commit, files_of, git, shapes, write

from auditrack.loader.owner import owner_of, read_header
from conftest import run_cli

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def diff_json(root: Path, *revisions: str, full: bool = False) -> tuple[int, dict]:
    run = run_cli("diff", *revisions, "--path", str(root), "--format", "json", "--as-of", AS_OF,
                  *(["--full"] if full else []))
    assert run.code in (0, 1, 3), run.stderr
    return run.code, run.json


def restricted(full: dict, scope: dict) -> dict:
    """The full diff's output as an incremental one with `scope` gives it: the unchanged findings and the
    organisations not compared are those of the organisations judged (and of files without one)."""
    expected = copy.deepcopy(full)
    expected["scope"] = scope
    if not scope["incremental"]:
        return expected
    judged = set(scope["organisations"])
    expected["unchanged"] = [f for f in full["unchanged"] if f["organisation"] is None or f["organisation"] in judged]
    expected["summary"]["unchanged"] = len(expected["unchanged"])
    expected["not_compared"] = [org for org in full["not_compared"] if org in judged]
    expected["not_compared_details"] = [d for d in full["not_compared_details"]
                                        if d["organisation"] is None or d["organisation"] in judged]
    return expected


def assert_same_diff(root: Path, *revisions: str) -> None:
    code, incremental = diff_json(root, *revisions)
    full_code, full = diff_json(root, *revisions, full=True)
    assert full["scope"] == {"incremental": False, "organisations": None, "total": None, "full_because": "requested"}
    scope = incremental["scope"]
    event(f"judged: {scope['full_because'] or 'incremental'}")
    for key in ("introduced", "newly_recorded", "resolved", "status_changes"):
        assert incremental[key] == full[key], key
    assert incremental == restricted(full, scope)
    if incremental["not_compared_details"] == full["not_compared_details"]:
        assert code == full_code


@SETTINGS
@given(shape=shapes(), before=st.lists(OPERATIONS, max_size=2), change=changes(), uncommitted=changes(2))
def test_an_incremental_diff_finds_what_a_full_one_finds(shape, before, change, uncommitted):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = files_of(shape)
        for operation in before:  # the base may already have errors, in data or organisation files
            apply(files, operation)
        write(root, files)
        git(root, "init", "-q", "-b", "main")
        commit(root, "base")
        git(root, "tag", "base")
        for operation in change:
            apply(files, operation)
        write(root, files)
        assert_same_diff(root, "base")  # the working tree: nothing of the change is committed yet
        commit(root, "change")
        assert_same_diff(root, "base", "HEAD")
        assert_same_diff(root, "HEAD", "base")
        # uncommitted edits and untracked files on top of a commit
        for operation in uncommitted:
            apply(files, operation)
        write(root, files)
        assert_same_diff(root, "base")
        assert_same_diff(root, "HEAD")


# --------------------------------------------------------------------------- check FILE...


def owner(path: Path) -> str | None:
    return owner_of(read_header(path.read_bytes()))


def about(root: Path, file: str, named: list[str], organisations: set[str | None]) -> bool:
    """Whether a finding about `file` concerns the named files: a data file of one of their organisations, or a
    folder that holds a named file (a missing folder, say)."""
    if (root / file).is_file():
        return owner(root / file) in organisations
    return file == "." or any(name.startswith(file.rstrip("/") + "/") for name in named)


def check_json(root: Path, *paths: str) -> list[dict]:
    run = run_cli("check", *paths, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", cwd=root)
    assert run.code in (0, 3), run.stderr
    return run.json["findings"]


@SETTINGS
@given(shape=shapes(), change=changes(4), picks=st.lists(st.integers(0, 99), min_size=1, max_size=2))
def test_checking_named_files_finds_what_a_full_check_finds_about_their_organisations(shape, change, picks):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = files_of(shape)
        for operation in change:
            apply(files, operation)
        write(root, files)
        data = sorted(p for p in files if p.endswith(".yaml") and p != "auditrack.yaml")
        named = sorted({data[i % len(data)] for i in picks})
        organisations = {owner(root / p) for p in named}
        everything = check_json(root, ".")
        expected = [f for f in everything if about(root, f["file"], named, organisations)]
        assert check_json(root, *named) == expected
