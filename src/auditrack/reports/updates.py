"""What an action's `updates:` tell the reports: the latest move of its due date, and its latest note."""

from __future__ import annotations

from datetime import date

NOTE_WIDTH = 120


def moved(action, as_of: date) -> dict | None:
    """The move that set the action's current due date, as known on `as_of`: `from` (the entry's `moved_from`,
    else the due date of the entry before it) and `decision` (none when not recorded). None when the current
    date was not set by a recorded move: no entry moved it, or the file's `due:` differs from the last entry's."""
    known = [u for u in action.updates if u.date.start <= as_of and u.due is not None]
    if not known or action.due is None or known[-1].due != action.due:
        return None
    last = known[-1]
    replaced = last.moved_from if last.moved_from is not None else (known[-2].due if len(known) > 1 else None)
    if replaced is None or replaced == last.due:
        return None
    return {"from": replaced.text, "decision": last.decision}


def latest_note(action, as_of: date) -> dict | None:
    """The newest entry with a note known on `as_of` (entries are oldest first): its `date` and `note`, shortened."""
    from auditrack.reports.markdown import shorten

    for update in reversed(action.updates):
        if update.note and update.date.start <= as_of:
            return {"date": update.date.text, "note": shorten(update.note, NOTE_WIDTH)}
    return None
