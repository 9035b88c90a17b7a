"""What `check PATHS...` is about: which data repository, and which of its data files.

A folder is a data repository or a folder inside one, found as git finds its repository: the nearest folder at or
above it that holds auditrack.yaml. A file is a data file whose repository is found the same way from its folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from auditrack.config import Config, find_config
from auditrack.loader.discover import relative_name


class TargetError(Exception):
    """The paths cannot be checked together; the message says why (exit code 2)."""


class Place(NamedTuple):
    given: Path
    """The path as the user wrote it."""
    folder: Path
    """The folder itself, or the file's folder."""
    is_file: bool


@dataclass
class Target:
    places: list[Place]
    """Where the repository is found from: the paths named, less files in hidden folders."""
    config_file: Path | None
    """The auditrack.yaml above every path (the same one for all of them), or None when there is none."""
    files_only: bool = False
    """Only files were named: only their organisations are checked."""

    def root(self, config: Config) -> Path:
        """The data repository of every path, given the configuration that tells its data folders."""
        roots = {}
        for place in self.places:
            root = _root(place, self.config_file, config)
            roots.setdefault(root.resolve(), root)
        if len(roots) > 1:
            raise TargetError(_different(sorted(str(r) for r in roots)))
        return next(iter(roots.values()))

    def named_files(self, root: Path) -> set[str] | None:
        """The named files as findings name them (relative to `root`); None when a folder was named, which
        means the whole repository."""
        if not self.files_only:
            return None
        base = root.resolve()
        return {relative_name(place.folder.resolve() / place.given.name, base) for place in self.places
                if place.is_file}


def locate(paths: list[Path]) -> Target:
    """The places named on the command line (the current folder when none is) and the auditrack.yaml above them."""
    named = [_place(path) for path in paths or [Path(".")]]
    # A file in a hidden folder is never data (nor are the folder's contents walked), and its folder is no place
    # to look for the repository from: .github/workflows/auditrack.yml would pass for the configuration.
    places = [place for place in named if not (place.is_file and _in_hidden_folder(place.given))]
    places = places or [Place(Path("."), Path("."), is_file=False)]
    configs = {find_config(place.folder): place for place in places}
    if len(configs) > 1:
        raise TargetError(_different(sorted(
            str(found.parent) if found else f"{place.given}, with no auditrack.yaml above it"
            for found, place in configs.items())))
    return Target(places, next(iter(configs)), files_only=all(place.is_file for place in named))


def _in_hidden_folder(path: Path) -> bool:
    """Whether a folder on the path as written (relative to the current folder) is hidden, as `.github` is."""
    if path.is_absolute():  # from the current folder on: a repository may well lie in ~/.local
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return False
    return any(part.startswith(".") and part not in (".", "..") for part in path.parent.parts)


def _place(path: Path) -> Place:
    if not os.path.lexists(path):
        raise TargetError(f"{path} does not exist")
    if path.is_dir():
        return Place(path, path, is_file=False)
    return Place(path, path.parent, is_file=True)


def _root(place: Place, config_file: Path | None, config: Config) -> Path:
    """The repository of one place. Without auditrack.yaml above it: the folder named, or for a file the current
    folder when the file is in it (what `auditrack check` alone checks, as the pre-commit hook did before it named
    files), else the file's folder (which then says it holds no data folders). With one: the
    folder that holds it, unless the place is a data repository of its own that shares it (its own data folders
    and not inside those of the folder above), as a folder checked with a configuration of its parent always was."""
    if config_file is None:
        here = Path(".")
        return here if place.is_file and _within(place.folder.resolve(), here.resolve()) else place.folder
    top = config_file.parent
    here = place.folder.resolve()
    inside_data = any(_within(here, (top / folder).resolve()) for folder in config.paths)
    if not inside_data and here != top and any(
            folder not in (".", "") and (here / folder).is_dir() for folder in config.paths):
        return place.folder
    return place.folder if here == top else top


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _different(where: list[str]) -> str:
    return (f"the paths belong to different data repositories ({'; '.join(where)}); "
            "check one repository at a time")
