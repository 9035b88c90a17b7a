"""Where a finding's file is, as the CI system that shows it sees it (annotations, SARIF, JUnit)."""

from __future__ import annotations

import os
from pathlib import Path


def report_path(root: Path, file: str) -> str:
    """A finding's file as the CI system sees it: relative to the workspace when the checked root lies inside it.

    Findings are relative to the checked root. GitHub resolves annotation paths (and code scanning
    resolves SARIF paths) against the repository checkout, so a check of a sub-folder gets that
    folder as prefix. A root outside the workspace keeps the paths as they are.
    """
    base = Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd()).resolve()
    try:
        prefix = root.resolve().relative_to(base).as_posix()
    except (ValueError, OSError):
        return file
    return file if prefix in ("", ".") else f"{prefix}/{file}"
