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
