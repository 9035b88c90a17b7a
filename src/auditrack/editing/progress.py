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
    `updates:`, whose `by` is git's user.name when the change names no one."""
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
             "due": change.due, "decision": change.decision if change.due is not None else None}
    document.append_item(path, "updates", {k: v for k, v in entry.items() if v is not None})


def git_user(root: Path) -> str | None:
    """git's user.name for the repository, when git is there and knows it."""
    try:
        done = subprocess.run(["git", "config", "user.name"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    name = done.stdout.strip()
    return name if done.returncode == 0 and name else None
