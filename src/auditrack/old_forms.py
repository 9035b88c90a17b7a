"""Audit reports in the old single-body form, read in the new form with a finding that says how to write it.

Before several bodies could be named (issue 14) a report, a recommendation, a cover letter and a request each
named one: `addressee: ks`, `addressed_to: ks`, `requested_from: ks`. Such files are still read, so that old
repositories keep working, as `addressees: [ks]` and `[ks]`; each old key gets an S005 warning at its place.
"""

from __future__ import annotations

from auditrack.codes import CODES
from auditrack.findings import Category, Finding
from auditrack.loader.yamlfile import LoadedFile

# (the mapping's path in a report, the old key, the new key); a recommendation's path is ("recommendations", i).
_TOP = ((), "addressee", "addressees")
_IN_PARTS = ((("cover_letter",), "addressed_to", "addressed_to"),
             (("response_request",), "requested_from", "requested_from"))
_IN_RECOMMENDATION = ("addressee", "addressees")


def upgrade(loaded: LoadedFile, kind: str) -> list[Finding]:
    """Rewrite `loaded.data` of an audit report from the old single-body form into the new one, in place, with
    the positions of the new keys and values at the old ones; one warning per old key."""
    data = loaded.data
    if kind != "audit-report" or not isinstance(data, dict):
        return []
    places = [_TOP, *_IN_PARTS]
    recommendations = data.get("recommendations")
    if isinstance(recommendations, list):
        places += [(("recommendations", i), *_IN_RECOMMENDATION) for i in range(len(recommendations))]
    return [finding for path, old, new in places if (finding := _upgrade_one(loaded, path, old, new))]


def _upgrade_one(loaded: LoadedFile, path: tuple, old: str, new: str) -> Finding | None:
    mapping = _at(loaded.data, path)
    if not isinstance(mapping, dict) or old not in mapping or (old != new and new in mapping):
        return None
    value = mapping[old]
    if isinstance(value, str):
        ids = [value]
    elif old != new and isinstance(value, list) and all(isinstance(item, str) for item in value):
        ids = value
    else:
        return None  # already a list, or not ids at all: the schema says what is wrong
    _move_positions(loaded, path, old, new, scalar=isinstance(value, str))
    renamed = {(new if key == old else key): (ids if key == old else item) for key, item in mapping.items()}
    mapping.clear()
    mapping.update(renamed)
    return _finding(loaded, path + (old,), old, new, f"{new}: [{', '.join(ids)}]")


def _at(data, path: tuple):
    for step in path:
        if isinstance(data, dict) and step in data or isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _move_positions(loaded: LoadedFile, path: tuple, old: str, new: str, scalar: bool) -> None:
    """Errors in the new form (an unknown body) are located where the old form wrote the value."""
    before, after = path + (old,), path + (new,)
    if before in loaded.key_positions:
        loaded.key_positions[after] = loaded.key_positions[before]
    if scalar and before in loaded.positions:
        loaded.positions[after] = loaded.positions[after + (0,)] = loaded.positions[before]
        return
    for place in [p for p in loaded.positions if p[:len(before)] == before]:
        loaded.positions[after + place[len(before):]] = loaded.positions[place]


def _finding(loaded: LoadedFile, at: tuple, old: str, new: str, written: str) -> Finding:
    if old == new:
        message, message_sv = (f"`{old}:` is now a list: write `{written}`",
                               f"`{old}:` är nu en lista: skriv `{written}`")
    else:
        message, message_sv = (f"`{old}:` is now `{new}:`, a list: write `{written}`",
                               f"`{old}:` heter nu `{new}:` och är en lista: skriv `{written}`")
    data = loaded.data
    return Finding(
        "S005", CODES["S005"].severity, message, loaded.locate(at, key=True),
        data.get("id") if isinstance(data.get("id"), str) else None,
        data.get("organisation") if isinstance(data.get("organisation"), str) else None,
        Category.GAP,
        "The old single-body form is still read; the new form can name several bodies, each answering for itself.",
        translations={"sv": (message_sv, "Den gamla formen med ett enda organ läses fortfarande; i den nya formen "
                                         "kan flera organ anges, och vart och ett svarar för sig.")},
    )
