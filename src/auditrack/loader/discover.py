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


def is_data_name(name: str) -> bool:
    """A file name that is a data file's: `.yaml` or `.yml` in any case (`.YAML` is what some systems save)."""
    return name.lower().endswith(DATA_SUFFIXES)


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
                relative_name(base, root), "Point the configured path at a folder inside the repository.",
                sv=f"datamappen '{_clean(folder)}' går inte att öppna ({_reason(exc, 'sv')}) och läses inte",
                sv_hint="Ange en sökväg till en mapp inom repositoriet.",
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
                relative_name(base, root) if linked else _clean(folder),
                "Keep the data inside the repository and list its folders, relative to it, under `paths:`.",
                sv=f"datamappen '{_clean(folder)}' "
                   + ("är en symbolisk länk som leder" if linked else "ligger")
                   + f" utanför repositoriet ({_clean(str(target))}) och läses inte",
                sv_hint="Håll uppgifterna inom repositoriet och ange deras mappar, relativt till repositoriet, "
                        "under `paths:`.",
            ))
            continue
        if target.is_dir():
            _walk(base, root, found)
        else:
            _consider(base, root, found)
    found.files.sort(key=lambda item: item[1])
    return found


def _walk(base: Path, root: Path, found: Discovery) -> None:
    # Each folder is carried with its path relative to the root, so a file's is its folder's plus its name;
    # and a regular file is known from the folder listing: a national repository has tens of thousands.
    top = relative_name(base, root)
    pending = [(base, "" if top == "." else top + "/")]
    while pending:
        folder, relative = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            found.findings.append(_finding(
                "Y013", f"cannot read the folder: {_reason(exc)}", relative.rstrip("/") or ".",
                "Make the folder readable (check its permissions).",
                sv=f"mappen går inte att läsa: {_reason(exc, 'sv')}",
                sv_hint="Gör mappen läsbar (kontrollera behörigheterna).",
            ))
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if _is_link(entry):
                if _is_dir(entry, follow=True):
                    _check_link(Path(entry.path), root, found, folder=True)
                elif is_data_name(name):
                    _consider(Path(entry.path), root, found)
            elif _is_dir(entry, follow=False):
                subfolders.append((Path(entry.path), relative + _clean(name) + "/"))
            elif is_data_name(name):
                if _is_regular(entry):
                    found.files.append((Path(entry.path), relative + _clean(name)))
                else:
                    _consider(Path(entry.path), root, found)  # says what it is instead
        pending.extend(reversed(subfolders))


def _consider(path: Path, root: Path, found: Discovery) -> None:
    if path.is_symlink():
        if not _check_link(path, root, found, folder=False):
            return
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        found.findings.append(_finding(
            "Y013", f"cannot read the file: {_reason(exc)}", relative_name(path, root),
            "Make the file readable (check its permissions).",
            sv=f"filen går inte att läsa: {_reason(exc, 'sv')}",
            sv_hint="Gör filen läsbar (kontrollera behörigheterna).",
        ))
        return
    if not stat.S_ISREG(mode):
        # A FIFO or a device would block or never end; git never stores one, so it is not data.
        found.findings.append(_finding(
            "Y013", "this is not a regular file (a pipe, socket or device); it is not read", relative_name(path, root),
            "Remove it from the data folders.",
            sv="det här är ingen vanlig fil (utan en pipe, en socket eller en enhet) och den läses inte",
            sv_hint="Ta bort den ur datamapparna.",
        ))
        return
    found.files.append((path, relative_name(path, root)))


def _check_link(path: Path, root: Path, found: Discovery, folder: bool) -> bool:
    """True when a link stays inside the root (files only; linked folders are never walked)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        found.findings.append(_finding(
            "Y012", "the symbolic link is broken or loops", relative_name(path, root),
            "Remove the link or point it at a file in the repository.",
            sv="den symboliska länken är bruten eller går i en slinga",
            sv_hint="Ta bort länken eller låt den peka på en fil i repositoriet.",
        ))
        return False
    if not _inside(target, root):
        found.findings.append(_finding(
            "Y012", f"the symbolic link points outside the repository ({_clean(str(target))}); it is not followed",
            relative_name(path, root), "Copy the data into the repository instead of linking to it.",
            sv=f"den symboliska länken pekar utanför repositoriet ({_clean(str(target))}) och följs inte",
            sv_hint="Kopiera uppgifterna till repositoriet i stället för att länka till dem.",
        ))
        return False
    if folder:
        found.findings.append(_finding(
            "Y012", "the symbolic link points to a folder; linked folders are not followed", relative_name(path, root),
            "Move the files into the data folders instead of linking to them.",
            sv="den symboliska länken pekar på en mapp; länkade mappar följs inte",
            sv_hint="Flytta filerna till datamapparna i stället för att länka till dem.",
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


def _is_regular(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _is_dir(entry: os.DirEntry, follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _reason(exc: BaseException, lang: str = "en") -> str:
    """Why a path cannot be read. The system's own text (strerror) stays as the system gives it."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, RuntimeError):
        return "de symboliska länkarna går i en slinga" if lang == "sv" else "the symbolic links loop"
    return str(exc) or type(exc).__name__


def relative_name(path: Path | str, root: Path) -> str:
    """`path` as findings name it: relative to the (resolved) `root`, with '/' and printable characters."""
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


def _finding(code: str, message: str, where: str, hint: str, *,
             sv: str | None = None, sv_hint: str | None = None) -> Finding:
    """A data finding about a path, with its message and hint in English and in Swedish (`sv`, `sv_hint`)."""
    return Finding(code, Severity.ERROR, message, Location(where), category=Category.DATA, hint=hint,
                   translations={"sv": (sv, sv_hint)} if sv else {})
