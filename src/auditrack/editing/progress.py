"""Recording progress on an action: the current fields and one dated entry in its `updates:`.

Shared by `auditrack progress` (one action from the command line) and `auditrack import plan` (the changed
rows of an edited action plan), so that both write the same lines in the same order.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from auditrack.editing.document import Document


@dataclass
class Change:
    """What to record on one action; None and empty mean unchanged."""

    status: str | None = None
    note: str | None = None
    evidence: list[str] = field(default_factory=list)
    owner: str | None = None
    due: date | None = None
    decision: str | None = None
    by: str | None = None


def record(document: Document, path: tuple, change: Change, day: date, root: Path) -> None:
    """The edits: the current fields first (status, done, owner, evidence, due), then the dated entry in
    `updates:`, whose `by` is git's user.name when the change names no one. A new due date records, as
    `moved_from`, the date it replaces, which the edit of `due:` takes out of the file."""
    moved_from = _moved_from(document, path, change.due)
    if change.status:
        document.set_value(path, "status", change.status, before="updates")
    if change.status == "done":
        document.set_value(path, "done", day, before="updates")
    if change.owner:
        document.set_value(path, "owner", change.owner, before="updates")
    for item in change.evidence:
        document.append_item(path, "evidence", item, before="updates")
    if change.due is not None:
        document.set_value(path, "due", change.due, before="updates")
    entry = {"date": day, "status": change.status, "note": change.note, "by": change.by or git_user(root),
             "due": change.due, "moved_from": moved_from, "decision": change.decision if change.due is not None else None}
    document.append_item(path, "updates", {k: v for k, v in entry.items() if v is not None})


def _moved_from(document: Document, path: tuple, due: date | None) -> str | None:
    """The action's due date as the file gives it, when `due` replaces it with another date."""
    if due is None:
        return None
    action = document.data
    for step in path:
        action = action[step]
    current = action.get("due")
    return current if isinstance(current, str) and current != due.isoformat() else None


def git_user(root: Path) -> str | None:
    """git's user.name for the repository, when git is there and knows it."""
    try:
        done = subprocess.run(["git", "config", "user.name"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    name = done.stdout.strip()
    return name if done.returncode == 0 and name else None
