"""Finding an action by its id among the responses of a data repository, for the commands that edit one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditrack.config import Config
from auditrack.engine import read_sources
from auditrack.editing import file_limits
from auditrack.loader.yamlfile import load_bytes


@dataclass(frozen=True)
class FoundAction:
    """An action in a response file: the file (relative to the root), its organisation and the action's place."""

    file: str
    organisation: str | None
    index: int

    @property
    def path(self) -> tuple:
        """The action's path in the file, as the loader and the editing layer write it."""
        return ("actions", self.index)


@dataclass
class Actions:
    """The actions of a repository by id, and the data files that could not be read (they may hold more)."""

    by_id: dict[str, list[FoundAction]]
    unread: list[str]


def actions(root: Path, config: Config) -> Actions:
    """Every action id in the response files under `root`, with where each is. Read as YAML only, so an action
    in a file with schema errors is still found (and its file refused with those errors)."""
    found = Actions({}, [])
    sources, _, _ = read_sources(root, config)
    limits = file_limits(config)
    for relative, raw in sources:
        loaded = None if isinstance(raw, OSError) else load_bytes(raw, relative, limits)
        if loaded is None or loaded.findings:
            found.unread.append(relative)
            continue
        data = loaded.data
        if data.get("kind") != "response" or not isinstance(data.get("actions"), list):
            continue
        organisation = data.get("organisation") if isinstance(data.get("organisation"), str) else None
        for i, action in enumerate(data["actions"]):
            if isinstance(action, dict) and isinstance(action.get("id"), str):
                found.by_id.setdefault(action["id"], []).append(FoundAction(relative, organisation, i))
    return found
