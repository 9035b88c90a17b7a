"""Finding the data files under the checked root, without following links out of it.

The walk is iterative (a folder tree thousands of levels deep cannot exhaust
Python's recursion limit), never follows a linked folder, never reads outside
the root, and turns every problem into a finding instead of an exception.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from auditrack.escape import visible
from auditrack.findings import Category, Finding, Location, Severity
from auditrack.loader.links import GIT_FOLDER, REMOVE_THE_LINK, Leads, follow, inside, link_finding

DATA_SUFFIXES = (".yaml", ".yml")


def is_data_name(name: str) -> bool:
    """A file name that is a data file's: `.yaml` or `.yml` in any case (`.YAML` is what some systems save)."""
    return name.lower().endswith(DATA_SUFFIXES)


@dataclass
class Discovery:
    files: list[tuple[Path | str, str]] = field(default_factory=list)
    """(absolute path, path relative to the root, with '/' separators). The walk gives the absolute path as the
    string the system listed: a national repository has tens of thousands of files, and a Path for each
    costs more than reading it."""
    findings: list[Finding] = field(default_factory=list)
    missing_folders: list[str] = field(default_factory=list)


def discover(root: Path, folders: list[str]) -> Discovery:
    """Every YAML file under `root/folder` for each folder, sorted, with problems as findings."""
    root = root.resolve()
    found = Discovery()
    for folder in folders:
        base = root / folder
        lexical = Path(os.path.normpath(base))
        if not inside(lexical, root):
            found.findings.append(_finding(
                "C001", f"the data folder '{visible(folder)}' is outside the repository; it is not read",
                visible(folder), _KEEP_INSIDE, sv=f"datamappen '{visible(folder)}' ligger utanför repositoriet och läses inte",
                sv_hint=_KEEP_INSIDE_SV,
            ))
            continue
        # Placed before its existence is looked at: a folder out of the repository is refused whether it exists or not.
        followed = follow(base, root)
        if followed.leads in (Leads.OUTSIDE, Leads.GIT):
            found.findings.append(_refused_folder(folder, followed.leads, lexical, root))
            continue
        if not os.path.lexists(base):
            found.missing_folders.append(folder)
            continue
        if followed.leads is Leads.BROKEN:
            found.findings.append(_finding(
                "Y012", f"the data folder '{visible(folder)}' cannot be opened ({_reason(followed.error)}); it is not read",
                relative_name(base, root), "Point the configured path at a folder inside the repository.",
                sv=f"datamappen '{visible(folder)}' går inte att öppna ({_reason(followed.error, 'sv')}) och läses inte",
                sv_hint="Ange en sökväg till en mapp inom repositoriet.",
            ))
            continue
        target = followed.real
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
    pending: list[tuple[Path | str, str]] = [(base, "" if top == "." else top + "/")]
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
                _consider_link(Path(entry.path), root, found)
            elif _is_dir(entry):
                subfolders.append((entry.path, relative + _shown(name) + "/"))
            elif is_data_name(name):
                if _is_regular(entry):
                    found.files.append((entry.path, relative + _shown(name)))
                else:
                    _consider(Path(entry.path), root, found)  # says what it is instead
        pending.extend(reversed(subfolders))


def _shown(name: str) -> str:
    """A listed name as findings show it: most names are printable ASCII, which `visible` leaves as it is."""
    return name if name.isascii() and name.isprintable() else visible(name)


def _consider(path: Path, root: Path, found: Discovery) -> None:
    if path.is_symlink():
        followed = follow(path, root)
        if followed.leads is not Leads.INSIDE:
            found.findings.append(_refused_link(followed.leads, path, root))
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


def _consider_link(path: Path, root: Path, found: Discovery) -> None:
    """A link in a data folder. One that leaves the repository or enters .git is reported whatever its name,
    so nothing tells what it points to; one inside is read when it names a data file, and never walked."""
    followed = follow(path, root)
    if followed.leads is Leads.INSIDE and followed.real.is_dir():
        found.findings.append(_finding(
            "Y012", "the symbolic link points to a folder; linked folders are not followed", relative_name(path, root),
            "Move the files into the data folders instead of linking to them.",
            sv="den symboliska länken pekar på en mapp; länkade mappar följs inte",
            sv_hint="Flytta filerna till datamapparna i stället för att länka till dem.",
        ))
    elif followed.leads in (Leads.OUTSIDE, Leads.GIT) or is_data_name(path.name):
        _consider(path, root, found)


def _refused_link(leads: Leads, path: Path, root: Path) -> Finding:
    if leads is Leads.BROKEN:
        return link_finding(leads, relative_name(path, root), *REMOVE_THE_LINK)
    return link_finding(leads, relative_name(path, root), "Copy the data into the repository instead of linking to it.",
                        "Kopiera uppgifterna till repositoriet i stället för att länka till dem.")


def _refused_folder(folder: str, leads: Leads, lexical: Path, root: Path) -> Finding:
    """A configured data folder that leads out of the repository or into .git: C001 when `paths:` says so
    itself, Y012 when a link on the way does."""
    linked = leads is Leads.OUTSIDE or GIT_FOLDER not in lexical.relative_to(root).parts
    name = visible(folder)
    if leads is Leads.OUTSIDE:
        en, sv = "leads outside the repository", "leder utanför repositoriet"
    else:
        en, sv = f"leads into {GIT_FOLDER}, git's own folder", f"leder in i {GIT_FOLDER}, gits egen mapp,"
    return _finding(
        "Y012" if linked else "C001",
        f"the data folder '{name}' " + ("is a symbolic link that " if linked else "") + f"{en}; it is not read",
        relative_name(root / folder, root) if linked else name, _KEEP_INSIDE,
        sv=f"datamappen '{name}' " + ("är en symbolisk länk som " if linked else "") + f"{sv} och läses inte",
        sv_hint=_KEEP_INSIDE_SV,
    )


_KEEP_INSIDE = "Keep the data inside the repository and list its folders, relative to it, under `paths:`."
_KEEP_INSIDE_SV = ("Håll uppgifterna inom repositoriet och ange deras mappar, relativt till repositoriet, "
                   "under `paths:`.")


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


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
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
    return visible(text) or "."


def _finding(code: str, message: str, where: str, hint: str, *,
             sv: str | None = None, sv_hint: str | None = None) -> Finding:
    """A data finding about a path, with its message and hint in English and in Swedish (`sv`, `sv_hint`)."""
    return Finding(code, Severity.ERROR, message, Location(where), category=Category.DATA, hint=hint,
                   translations={"sv": (sv, sv_hint)} if sv else {})
