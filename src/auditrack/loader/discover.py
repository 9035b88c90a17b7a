"""Finding the data files under the checked root, without following links out of it.

The walk is iterative (a folder tree thousands of levels deep cannot exhaust
Python's recursion limit), never follows a linked folder, never reads outside
the root, and turns every problem into a finding instead of an exception.
"""

from __future__ import annotations

import os
import re
import stat
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
        if not os.path.lexists(base):
            found.missing_folders.append(folder)
            continue
        try:
            target = base.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            found.findings.append(_finding(
                "Y012", f"the data folder '{_clean(folder)}' cannot be opened ({_reason(exc)}); it is not read",
                _relative(base, root), "Point the configured path at a folder inside the repository.",
            ))
            continue
        if not _inside(target, root):
            lexical = Path(os.path.normpath(base))
            linked = _inside(lexical, root)
            found.findings.append(_finding(
                "Y012" if linked else "C001",
                f"the data folder '{_clean(folder)}' "
                + ("is a symbolic link that leads" if linked else "is")
                + f" outside the repository ({_clean(str(target))}); it is not read",
                _relative(base, root) if linked else _clean(folder),
                "Keep the data inside the repository and list its folders, relative to it, under `paths:`.",
            ))
            continue
        if target.is_dir():
            _walk(base, root, found)
        else:
            _consider(base, root, found)
    found.files.sort(key=lambda item: item[1])
    return found


def _walk(base: Path, root: Path, found: Discovery) -> None:
    pending = [base]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            found.findings.append(_finding(
                "Y013", f"cannot read the folder: {_reason(exc)}", _relative(folder, root),
                "Make the folder readable (check its permissions).",
            ))
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = Path(entry.path)
            if _is_link(entry):
                if _is_dir(entry, follow=True):
                    _check_link(path, root, found, folder=True)
                elif name.endswith(DATA_SUFFIXES):
                    _consider(path, root, found)
            elif _is_dir(entry, follow=False):
                subfolders.append(path)
            elif name.endswith(DATA_SUFFIXES):
                _consider(path, root, found)
        pending.extend(reversed(subfolders))


def _consider(path: Path, root: Path, found: Discovery) -> None:
    if path.is_symlink():
        if not _check_link(path, root, found, folder=False):
            return
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        found.findings.append(_finding(
            "Y013", f"cannot read the file: {_reason(exc)}", _relative(path, root),
            "Make the file readable (check its permissions).",
        ))
        return
    if not stat.S_ISREG(mode):
        # A FIFO or a device would block or never end; git never stores one, so it is not data.
        found.findings.append(_finding(
            "Y013", "this is not a regular file (a pipe, socket or device); it is not read", _relative(path, root),
            "Remove it from the data folders.",
        ))
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
    if not _inside(target, root):
        found.findings.append(_finding(
            "Y012", f"the symbolic link points outside the repository ({_clean(str(target))}); it is not followed",
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


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _is_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _is_dir(entry: os.DirEntry, follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, RuntimeError):
        return "the symbolic links loop"
    return str(exc) or type(exc).__name__


def _relative(path: Path | str, root: Path) -> str:
    path = Path(path)
    try:
        text = path.relative_to(root).as_posix()
    except ValueError:
        text = os.path.relpath(path, root).replace(os.sep, "/")
    return _clean(text) or "."


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    """A file name as it can be printed: undecodable bytes and control characters become escapes."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _finding(code: str, message: str, where: str, hint: str) -> Finding:
    return Finding(code, Severity.ERROR, message, Location(where), category=Category.DATA, hint=hint)
