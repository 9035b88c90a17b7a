"""Finding the data files under the checked root, without following links out of it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from auditrack.findings import Category, Finding, Location, Severity

DATA_SUFFIXES = (".yaml", ".yml")


@dataclass
class Discovery:
    files: list[tuple[Path, str]] = field(default_factory=list)
    """(absolute path, path relative to the root, with '/' separators)."""
    findings: list[Finding] = field(default_factory=list)
    missing_folders: list[str] = field(default_factory=list)


def discover(root: Path, folders: list[str]) -> Discovery:
    """Every YAML file under `root/folder` for each folder, sorted, with problems as findings."""
    root = root.resolve()
    found = Discovery()
    for folder in folders:
        base = root / folder
        if not base.exists():
            found.missing_folders.append(folder)
            continue
        if base.is_file():
            _consider(base, root, found)
            continue
        _walk(base, root, found)
    found.files.sort(key=lambda item: item[1])
    return found


def _walk(base: Path, root: Path, found: Discovery) -> None:
    def on_error(exc: OSError) -> None:
        where = _relative(Path(exc.filename), root) if exc.filename else "."
        found.findings.append(_finding(
            "Y013", f"cannot read the folder: {exc.strerror or exc}", where,
            "Make the folder readable (check its permissions).",
        ))

    for folder, dirs, files in os.walk(base, onerror=on_error, followlinks=False):
        here = Path(folder)
        dirs.sort()
        for name in list(dirs):
            if name.startswith("."):
                dirs.remove(name)
                continue
            sub = here / name
            if sub.is_symlink():
                dirs.remove(name)
                _check_link(sub, root, found, folder=True)
        for name in sorted(files):
            if name.startswith(".") or not name.endswith(DATA_SUFFIXES):
                continue
            _consider(here / name, root, found)


def _consider(path: Path, root: Path, found: Discovery) -> None:
    if path.is_symlink():
        if not _check_link(path, root, found, folder=False):
            return
    found.files.append((path, _relative(path, root)))


def _check_link(path: Path, root: Path, found: Discovery, folder: bool) -> bool:
    """True when a link stays inside the root (files only; linked folders are never walked)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        found.findings.append(_finding(
            "Y012", "the symbolic link is broken or loops", _relative(path, root),
            "Remove the link or point it at a file in the repository.",
        ))
        return False
    inside = target == root or root in target.parents
    if not inside:
        found.findings.append(_finding(
            "Y012", f"the symbolic link points outside the repository ({target}); it is not followed",
            _relative(path, root), "Copy the data into the repository instead of linking to it.",
        ))
        return False
    if folder:
        found.findings.append(_finding(
            "Y012", "the symbolic link points to a folder; linked folders are not followed", _relative(path, root),
            "Move the files into the data folders instead of linking to them.",
        ))
        return False
    return True


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.path.relpath(path, root).replace(os.sep, "/")


def _finding(code: str, message: str, where: str, hint: str) -> Finding:
    return Finding(code, Severity.ERROR, message, Location(where), category=Category.DATA, hint=hint)
