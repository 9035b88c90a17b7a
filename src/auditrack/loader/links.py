"""Where a path in a data repository leads: a link is followed only while it stays inside the repository and out
of git's own folder.

Data files and folders (loader.discover), the configuration (config) and a data repository's templates/
(reports.environment) all go through `follow`, so a pull request cannot make auditrack read a file of the CI
runner, or the credentials git keeps in .git/config, through any of them. A link out of the repository is
refused before anything about its target is looked at, so whether a file, a folder or nothing lies outside
changes no message; and no message names the target.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from auditrack.findings import Category, Finding, Location, Severity

GIT_FOLDER = ".git"


class Leads(Enum):
    INSIDE = "inside"
    OUTSIDE = "outside"
    GIT = "git"
    """Into .git: git's own data (its configuration may hold a token), never a data repository's."""
    BROKEN = "broken"
    """Inside, but to nothing, or around in a loop."""


class Followed(NamedTuple):
    leads: Leads
    real: Path | None = None
    """The path with every link resolved, when it leads inside."""
    error: BaseException | None = None
    """Why it cannot be resolved, when it is broken."""


def follow(path: Path, root: Path) -> Followed:
    """Where `path` leads, links followed; `root` is the repository's resolved folder."""
    # Without strict, realpath resolves as far as the links go and never raises, so the target is placed
    # (inside or not) before anything tells whether it exists.
    real = Path(os.path.realpath(path))
    if not inside(real, root):
        return Followed(Leads.OUTSIDE)
    if GIT_FOLDER in real.relative_to(root).parts:
        return Followed(Leads.GIT)
    try:
        return Followed(Leads.INSIDE, path.resolve(strict=True))
    except (OSError, RuntimeError) as exc:
        return Followed(Leads.BROKEN, error=exc)


def inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


_MESSAGES = {
    Leads.OUTSIDE: ("the symbolic link points outside the repository; it is not followed",
                    "den symboliska länken pekar utanför repositoriet och följs inte"),
    Leads.GIT: (f"the symbolic link points into {GIT_FOLDER}, git's own folder; it is not followed",
                f"den symboliska länken pekar in i {GIT_FOLDER}, gits egen mapp, och följs inte"),
    Leads.BROKEN: ("the symbolic link is broken or loops", "den symboliska länken är bruten eller går i en slinga"),
}


REMOVE_THE_LINK = ("Remove the link or point it at a file in the repository.",
                   "Ta bort länken eller låt den peka på en fil i repositoriet.")
"""The hint for a broken link, as (English, Swedish)."""


def link_message(leads: Leads, lang: str = "en") -> str:
    """Why a link that does not lead inside is not followed."""
    english, swedish = _MESSAGES[leads]
    return swedish if lang == "sv" else english


def link_finding(leads: Leads, where: str, hint: str, sv_hint: str) -> Finding:
    """Y012 on a link that does not lead inside; `where` is the link's path as given in the repository."""
    return Finding("Y012", Severity.ERROR, link_message(leads), Location(where), category=Category.DATA, hint=hint,
                   translations={"sv": (link_message(leads, "sv"), sv_hint)})
