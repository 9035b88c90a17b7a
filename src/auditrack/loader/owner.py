"""Which organisation a data file belongs to, read before the file is loaded.

`check` works through a repository one organisation at a time, so that only
one organisation's records are in memory at once (a national view holds tens
of thousands of files). For that it must know each file's organisation before
it loads the file. This reads libyaml's events only as far as the top-level
`kind:`, `id:` and `organisation:` keys and builds nothing. For a file that
loads and validates, the answer is the organisation its record names: the same
scalars, read by the same parser. A file that libyaml cannot read that far,
or that names no organisation where YAML looks, gets the reading of its raw
lines (`salvage_header`). The loader takes a broken file's organisation from
here too, so a broken file's ids are known where the rest of its
organisation's records are.

Most files open with a comment and plain `kind:`, `id:` and `organisation:`
lines. For them the answer is read off those lines (`plain_header`), with the
same result as libyaml's and at a fraction of its cost: `check FILE...` must
know the organisation of every file of the repository to judge one.
"""

from __future__ import annotations

import re

import yaml

from auditrack.loader.salvage import salvage_header
from auditrack.loader.yamlfile import PLAIN_NULLS, Limits, _Parser

_WANTED = frozenset({"kind", "id", "organisation"})

_Scalar, _Mapping, _Sequence = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_Ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _TooFar(Exception):
    pass


def owner_of(header: dict) -> str | None:
    """The organisation a file with these top-level values belongs to: its own id for an organisation file."""
    found = header.get("id") if header.get("kind") == "organisation" else header.get("organisation")
    return found if isinstance(found, str) else None


def read_header(raw: bytes, limits: Limits = Limits()) -> dict:
    """A data file's top-level `kind`, `id` and `organisation`, as far as they are given as text."""
    if len(raw) > limits.max_bytes:
        return salvage_header(raw)  # the loader does not parse it either
    plain = plain_header(raw)
    return plain if plain is not None else _yaml_header(raw, limits)


def _yaml_header(raw: bytes, limits: Limits) -> dict:
    """The header as libyaml's events give it, or as the raw lines do when the events cannot."""
    parser = _Parser(raw)
    try:
        # Each value is one event, and each list or mapping one more at its end: a file within the
        # loader's limits is read to its end before this gives up. Nesting is bounded as the loader bounds
        # it, and must be: libyaml's time grows with the square of the depth of flow lists (`[[[[…`).
        found = _top_level(_bounded(parser, 2 * limits.max_nodes + 4), limits.max_depth - 1)
    except (yaml.YAMLError, _TooFar, UnicodeError):
        return salvage_header(raw)
    finally:
        parser.dispose()
    # A file that names no organisation where YAML looks (its first document is a list, say) may still
    # name one on a line of its own: such a file is broken, and reported with the organisation it names.
    return found if owner_of(found) is not None else salvage_header(raw)


_PLAIN_LINE = re.compile(rb"([A-Za-z_][A-Za-z0-9_-]*): +([A-Za-z0-9][A-Za-z0-9._-]*) *(?: #[^\r]*)?")
"""A top-level key with a plain value that is one word, and perhaps a comment after it."""
_KEY_NEXT = re.compile(rb"[A-Za-z_][A-Za-z0-9_-]*:(?: |$)")
_SKIPPED = re.compile(rb" *(?:#[^\r\t]*)?")
"""A blank line or a comment, which libyaml passes over between one key and the next."""


_WORD = rb"([A-Za-z0-9][A-Za-z0-9._-]*)"
_USUAL = re.compile(rb"(?:#[^\n\r\t]*\n)*kind: " + _WORD + rb"\nid: " + _WORD + rb"\norganisation: " + _WORD
                    + rb"\n(?=[A-Za-z_][A-Za-z0-9_-]*:[ \n])")
"""The opening `new` writes and most files have: comments, then `kind:`, `id:` and `organisation:` in that order,
and the next line a key; one match instead of a line at a time."""


def plain_header(raw: bytes) -> dict[str, str] | None:
    """The header when the file opens with nothing but comments, blank lines and `key: word` lines up to the
    last of `kind:`, `id:` and `organisation:`, and the next line that holds anything starts a key in column 0
    (or there is none); else None, and libyaml reads the file. That next line matters: libyaml knows a value
    has ended only once it meets the next token, and a line indented under the value would continue it."""
    usual = _USUAL.match(raw)
    if usual is not None:
        values = [value.decode() for value in usual.group(1, 2, 3)]
        if not PLAIN_NULLS.intersection(values):
            return dict(zip(("kind", "id", "organisation"), values))
    found: dict[str, str] = {}
    lines = iter(raw[:4096].split(b"\n"))  # the lines wanted are the first few; a longer head goes to libyaml
    for line in lines:
        if len(found) == len(_WANTED):
            for after in [line, *lines]:
                if _SKIPPED.fullmatch(after):
                    continue
                return found if _KEY_NEXT.match(after) else None
            return found if len(raw) <= 4096 else None  # the file ends, or the head does
        if _SKIPPED.fullmatch(line):
            continue
        matched = _PLAIN_LINE.fullmatch(line)
        if matched is None:
            return None
        name, value = matched.group(1).decode(), matched.group(2).decode()
        if name in _WANTED and name not in found:
            if value in PLAIN_NULLS:
                return None
            found[name] = value
    return None


def _top_level(events, room: int) -> dict[str, str | None]:
    """The scalar values of the top-level keys `kind`, `id` and `organisation`, read no further than they are;
    `room` is how many levels of lists and mappings may be nested in a top-level key or value."""
    found: dict[str, str | None] = {}
    next(events)  # the stream's start
    if not isinstance(next(events), yaml.DocumentStartEvent) or not isinstance(next(events), _Mapping):
        return found
    while True:
        key = next(events)
        if isinstance(key, yaml.MappingEndEvent):
            return found
        _skip(key, events, room)
        value = next(events)
        _skip(value, events, room)
        name = key.value if isinstance(key, _Scalar) else None
        if name in _WANTED and name not in found and isinstance(value, _Scalar):
            plain_null = value.style == "" and value.value in PLAIN_NULLS and value.tag is None  # as the loader
            found[name] = None if plain_null else value.value
        if len(found) == len(_WANTED):
            return found


def _skip(event, events, room: int) -> None:
    """Read past the rest of a collection that `event` starts (nothing to do for a scalar)."""
    if not isinstance(event, (_Mapping, _Sequence)):
        return
    depth = 1
    while depth:
        if depth > room:
            raise _TooFar
        event = next(events)
        if isinstance(event, (_Mapping, _Sequence)):
            depth += 1
        elif isinstance(event, _Ends):
            depth -= 1


def _bounded(parser, limit: int):
    for _ in range(limit):
        yield parser.get_event()
    raise _TooFar
