"""gitsource.list_tree on real git repositories: which files a revision holds, as the working tree's discovery
finds them (hidden files and folders skipped, the configuration left out, missing folders named)."""

from __future__ import annotations

from pathlib import Path

from auditrack.gitsource import list_tree, locate, resolve
from incrementalkit import board, commit, git, organisation


def _repository(root: Path, files: dict[str, str]) -> str:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return commit(root, "data")


def test_list_tree_skips_hidden_files_and_folders_and_names_the_missing_folder(tmp_path):
    head = _repository(tmp_path, {
        "auditrack.yaml": "lang: sv\n",
        "recommendations/acme/.utkast/report.yaml": "kind: audit-report\n",
        "recommendations/acme/.report.yaml": "kind: audit-report\n",
        "recommendations/acme/2023/notes.md": "not data\n",
        "recommendations/acme/2023/report.YML": "kind: audit-report\n",
        "recommendations-old/acme/report.yaml": "kind: audit-report\n",  # sorts between the folder and "recommendations/"
        ".github/acme.yaml": "name: ci\n",
    })
    tree = list_tree(locate(tmp_path), "HEAD", head, ["recommendations", "governance"])
    assert [relative for relative, _ in tree.blobs] == ["recommendations/acme/2023/report.YML"]
    assert tree.blobs[0][1] == git(tmp_path, "rev-parse", "HEAD:recommendations/acme/2023/report.YML")
    assert tree.missing_folders == ["governance"]
    assert tree.findings == []


def test_list_tree_of_a_data_folder_inside_the_repository_and_of_the_repository_itself(tmp_path):
    head = _repository(tmp_path, {
        "data/governance/acme/organisation.yaml": organisation("acme"),
        "data/governance/acme/bodies/ks.yaml": board("acme"),
        "data/governance.yaml": "kind: document\n",  # a file beside the folder, not in it
        "data/auditrack.yaml": "paths: [governance, recommendations]\n",
    })
    checkout = locate(tmp_path / "data")
    assert checkout.prefix == "data/"
    tree = list_tree(checkout, "HEAD", resolve(checkout, "HEAD"), ["governance", "recommendations"])
    assert [relative for relative, _ in tree.blobs] == ["governance/acme/bodies/ks.yaml",
                                                        "governance/acme/organisation.yaml"]
    assert tree.missing_folders == ["recommendations"]
    # The data folder itself as the only folder: its configuration is not data, everything else is.
    whole = list_tree(checkout, "HEAD", head, ["."])
    assert [relative for relative, _ in whole.blobs] == ["governance.yaml", "governance/acme/bodies/ks.yaml",
                                                         "governance/acme/organisation.yaml"]
    assert whole.missing_folders == []


def _same_tree(left, right) -> bool:
    return (left.blobs, left.findings, left.missing_folders, left.listing) == (
        right.blobs, right.findings, right.missing_folders, right.listing)


def test_a_tree_worked_out_from_another_commits_is_the_tree_git_lists(tmp_path):
    base = _repository(tmp_path, {
        "recommendations/acme/2023/report.yaml": "kind: audit-report\nid: r1\n",
        "recommendations/acme/2023/response.yaml": "kind: response\n",
        "recommendations/acme/old.yaml": "kind: goal\n",
        "governance/acme/organisation.yaml": organisation("acme"),
        "governance/acme/bodies/ks.yaml": board("acme"),
        "governance/acme/utkast": "a file where a folder will be\n",
        "outside/notes.yaml": "kind: goal\n",
    })
    root = tmp_path
    (root / "recommendations/acme/2023/report.yaml").write_text("kind: audit-report\nid: r2\n", encoding="utf-8")
    (root / "recommendations/acme/old.yaml").unlink()
    (root / "recommendations/acme/2024").mkdir()
    (root / "recommendations/acme/2024/report.yaml").write_text("kind: audit-report\nid: r3\n", encoding="utf-8")
    (root / "governance/acme/bodies/ks.yaml").unlink()
    (root / "governance/acme/bodies/ks.yaml").symlink_to("../organisation.yaml")  # a file turned link
    (root / "governance/acme/utkast").unlink()
    (root / "governance/acme/utkast").mkdir()  # the file turned folder
    (root / "governance/acme/utkast/goal.yaml").write_text("kind: goal\n", encoding="utf-8")
    (root / "outside/notes.yaml").write_text("kind: goal\nid: changed\n", encoding="utf-8")
    head = commit(root, "changes")
    checkout, folders = locate(root), ["recommendations", "governance"]
    before = list_tree(checkout, "", base, folders)
    worked_out = list_tree(checkout, "", head, folders, since=before)
    listed = list_tree(checkout, "", head, folders)
    assert _same_tree(worked_out, listed)
    assert [relative for relative, _ in listed.blobs] == [
        "governance/acme/bodies/ks.yaml", "governance/acme/organisation.yaml", "governance/acme/utkast/goal.yaml",
        "recommendations/acme/2023/report.yaml", "recommendations/acme/2023/response.yaml",
        "recommendations/acme/2024/report.yaml"]
    # the link is read as the file it points to
    assert dict(listed.blobs)["governance/acme/bodies/ks.yaml"] == dict(listed.blobs)["governance/acme/organisation.yaml"]
    # and backwards, and from a commit without one of the folders
    assert _same_tree(list_tree(checkout, "", base, folders, since=listed), before)
    git(root, "rm", "-r", "-q", "governance")
    without = commit(root, "no governance")
    gone = list_tree(checkout, "", without, folders, since=listed)
    assert _same_tree(gone, list_tree(checkout, "", without, folders))
    assert gone.missing_folders == ["governance"]
    assert _same_tree(list_tree(checkout, "", head, folders, since=gone), listed)
