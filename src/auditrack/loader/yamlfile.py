"""Bytes to located data: a safe, bounded YAML reader.

We drive libyaml's event parser ourselves instead of using a PyYAML loader:

* every scalar stays a string (or None for a plain null), so YAML 1.1
  surprises cannot happen here: ``3.10`` stays "3.10", ``NO`` stays "NO",
  ``012345`` stays "012345"; the schema decides what a value means;
* every value and every key gets its 1-based line and column;
* the tree is built without recursion, so nesting depth and the number of
  values are checked as it grows and a 50,000-level file cannot overflow
  the C stack;
* aliases and explicit tags are refused before anything expands them;
* before parsing, the bytes are checked: size, encoding, NUL bytes and other
  characters YAML cannot hold, emptiness.

docs/robustness.md lists every guard and its finding code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml

try:  # libyaml is much faster; the pure-Python parser is the fallback.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)

        def dispose(self) -> None:
            pass


from auditrack.findings import Category, Finding, Location, Severity
from auditrack.i18n import number

Path = tuple  # a path into the data: keys (str) and list indexes (int)

PLAIN_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Only the standard string tag is accepted, so `!!str 0123` still works.
ALLOWED_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})


class Limits(NamedTuple):
    max_bytes: int = 1_048_576
    max_depth: int = 64
    max_nodes: int = 50_000
    """Keys, values and list items together. Bounds the work (and the findings) one file can cause."""


@dataclass(slots=True)
class LoadedFile:
    """A parsed data file: its data and where each value and key came from."""

    path: str
    data: object = None
    positions: dict = field(default_factory=dict)
    key_positions: dict = field(default_factory=dict)
    findings: list = field(default_factory=list)

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """The location of the value at `path`, or of its nearest existing ancestor."""
        table = self.key_positions if key else self.positions
        path = tuple(path)
        while path:
            if path in table:
                line, col = table[path]
                return Location(self.path, line, col)
            if key and path in self.positions:
                line, col = self.positions[path]
                return Location(self.path, line, col)
            path = path[:-1]
        line, col = self.positions.get((), (1, 1))
        return Location(self.path, line, col)

    @property
    def ok(self) -> bool:
        return not self.findings


class _Stop(Exception):
    """Raised inside the builder when a guard refuses the file."""


def _finding(path: str, code: str, message: str, line: int, column: int, hint: str | None = None, *,
             sv: str | None = None, sv_hint: str | None = None) -> Finding:
    """A data finding about a file, with its message and hint in English and in Swedish (`sv`, `sv_hint`)."""
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=Location(path, line, column),
        category=Category.DATA,
        hint=hint,
        translations={"sv": (sv, sv_hint)} if sv else {},
    )


_SAVE_AS_UTF8_SV = ("Spara filen med teckenkodningen UTF-8 (de flesta redigeringsprogram har det under "
                    "'Spara med kodning').")
_EMPTY_SV = ("filen är tom: den innehåller inga uppgifter", "Lägg till postens fält, med `kind:` först, eller ta bort filen.")


def decode(raw: bytes, path: str) -> tuple[str | None, Finding | None]:
    """UTF-8 (with or without BOM) to text, or a finding that says where it is broken.

    Byte offsets in messages count from the start of the file, BOM included;
    lines and columns are what an editor shows (the BOM is not a column).
    """
    for bom, encoding in _OTHER_BOMS:
        if raw.startswith(bom):
            return None, _finding(
                path, "Y008",
                f"the file is encoded as {encoding} (it starts with the bytes {bom.hex(' ')}), not UTF-8",
                1, 1, "Save the file with UTF-8 encoding (most editors offer it under 'Save with encoding').",
                sv=f"filen är kodad som {encoding} (den börjar med bytena {bom.hex(' ')}), inte som UTF-8",
                sv_hint=_SAVE_AS_UTF8_SV,
            )
    skipped = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    body = raw[skipped:] if skipped else raw
    nul = body.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(body, nul)
        return None, _finding(
            path, "Y007",
            f"the file contains a NUL byte at byte {nul + skipped}: it looks like a binary file, not YAML text",
            line, col, "Save the file as plain UTF-8 text, or remove it from the data folders.",
            sv=f"filen innehåller en NUL-byte vid byte {nul + skipped}: den ser ut att vara en binärfil, inte YAML-text",
            sv_hint="Spara filen som vanlig text i UTF-8, eller ta bort den ur datamapparna.",
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(body, exc.start)
        return None, _finding(
            path, "Y008",
            f"the file is not valid UTF-8: byte {exc.start + skipped} (0x{body[exc.start]:02x}) cannot be decoded",
            line, col, "Save the file with UTF-8 encoding (most editors offer it under 'Save with encoding').",
            sv=f"filen är inte giltig UTF-8: byte {exc.start + skipped} (0x{body[exc.start]:02x}) går inte att avkoda",
            sv_hint=_SAVE_AS_UTF8_SV,
        )
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        index = bad.start()
        offset = len(text[:index].encode("utf-8")) + skipped
        line, col = _byte_position(body, offset - skipped)
        return None, _finding(
            path, "Y007",
            f"the file contains the control character U+{ord(bad.group()):04X} at byte {offset}: "
            "YAML text cannot hold it (it looks like binary content or an invisible character pasted in)",
            line, col, "Delete the character (it is invisible in most editors), or write it as an escape "
            "such as \"\\u0001\" inside double quotes if it is really meant.",
            sv=f"filen innehåller styrtecknet U+{ord(bad.group()):04X} vid byte {offset}: det kan inte finnas i "
               "YAML-text (det ser ut som binärt innehåll eller ett osynligt tecken som har klistrats in)",
            sv_hint="Ta bort tecknet (det syns inte i de flesta redigeringsprogram), eller skriv det som en "
                    "escape-sekvens, till exempel \"\\u0001\" inom dubbla citattecken, om det verkligen ska vara där.",
        )
    return text, None


_OTHER_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
# What YAML allows in a stream (YAML 1.1 "printable"); libyaml refuses anything else.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte `offset`; lines end at LF, CRLF or a lone CR."""
    before = raw[:offset]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column


def load_bytes(raw: bytes, path: str, limits: Limits = Limits()) -> LoadedFile:
    """Parse one data file. Never raises for bad input: problems become findings."""
    result = LoadedFile(path)
    if len(raw) > limits.max_bytes:
        result.findings.append(_finding(
            path, "Y006",
            # Only the first max_bytes + 1 bytes are read, so the real size is not known here.
            f"the file is larger than the limit of {limits.max_bytes:,} bytes; it is not read",
            1, 1, "Split the file, or raise `limits.max_file_bytes` in auditrack.yaml if it is really this large.",
            sv=f"filen är större än gränsen på {number('sv', limits.max_bytes)} byte och läses inte",
            sv_hint="Dela upp filen, eller höj `limits.max_file_bytes` i auditrack.yaml om den verkligen ska vara "
                    "så stor.",
        ))
        return result
    text, problem = decode(raw, path)
    if problem:
        result.findings.append(problem)
        return result
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        result.findings.append(_finding(
            path, "Y009", "the file is empty: it holds no data",
            1, 1, "Add the record's fields, starting with `kind:`, or delete the file.",
            sv=_EMPTY_SV[0], sv_hint=_EMPTY_SV[1],
        ))
        return result
    parser = _Parser(text)
    try:
        try:
            result.data = _build_plain(parser, result, limits)
        except _NotPlain:
            # Something the careful builder reports on (a tag, an alias, a duplicate key, a limit):
            # read the file again with it, from a fresh parser and empty position tables.
            parser.dispose()
            result.positions.clear()
            result.key_positions.clear()
            parser = _Parser(text)
            result.data = _build(parser, result, limits)
    except _Stop as stop:
        if isinstance(stop, _TagError):
            result.findings.append(stop.finding)
        result.data = None
    except yaml.MarkedYAMLError as exc:
        if exc.problem == "exceeded maximum nesting depth" and exc.problem_mark:
            result.positions.clear()
            result.key_positions.clear()
            result.findings.append(_depth_finding(text, exc.problem_mark, path, limits))
            result.data = None
            return result
        from auditrack.loader.yaml_words import plain_words  # the explanations: only a file that fails needs them

        plain = plain_words(exc, text)
        if plain is not None:
            result.findings.append(_finding(path, "Y001", plain.message, plain.line, plain.column, plain.hint,
                                            sv=plain.message_sv, sv_hint=plain.hint_sv))
        else:
            mark = exc.problem_mark or exc.context_mark
            problem_text = exc.problem or "invalid YAML"
            # libyaml's own problem text stays in English; only our framing is translated.
            problem_sv = exc.problem or "ogiltig YAML"
            context = f" {exc.context}" if exc.context else ""
            if exc.context == "while scanning a quoted scalar" and exc.context_mark:
                # The end of the file is no help: point at the quote that is never closed.
                mark, problem_text, context = exc.context_mark, "this quoted text has no closing quote", ""
                problem_sv = "texten inom citattecken har inget avslutande citattecken"
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            result.findings.append(_finding(
                path, "Y001", f"YAML syntax error: {problem_text}{context}",
                line, col, "Check indentation (spaces, not tabs) and that text containing ': ' or '#' is in quotes.",
                sv=f"syntaxfel i YAML: {problem_sv}{context}",
                sv_hint="Kontrollera indraget (mellanslag, inte tabbar) och att text som innehåller ': ' eller '#' står "
                        "inom citattecken.",
            ))
        result.data = None
    except yaml.YAMLError as exc:
        detail = _short(' '.join(str(exc).split()), 200)
        result.findings.append(_finding(path, "Y001", f"YAML syntax error: {detail}", 1, 1,
                                        sv=f"syntaxfel i YAML: {detail}"))
        result.data = None
    finally:
        parser.dispose()
    if result.data is None and not result.findings:  # e.g. only `---` or `~`: nothing to read
        result.findings.append(_finding(
            path, "Y009", "the file is empty: it holds no data",
            1, 1, "Add the record's fields, starting with `kind:`, or delete the file.",
            sv=_EMPTY_SV[0], sv_hint=_EMPTY_SV[1],
        ))
    if result.data is not None and not isinstance(result.data, dict):
        what = "a list" if isinstance(result.data, list) else "a single value"
        what_sv = "en lista" if isinstance(result.data, list) else "ett enda värde"
        line, col = result.positions.get((), (1, 1))
        result.findings.append(_finding(
            path, "Y010", f"the file holds {what}, but a data file must be a mapping of fields (`kind: ...` and so on)",
            line, col, "Start the file with `kind:` and the record's fields, each on its own line as `name: value`.",
            sv=f"filen innehåller {what_sv}, men en datafil ska bestå av fält (`kind: ...` och så vidare)",
            sv_hint="Börja filen med `kind:` och fortsätt med postens fält, vart och ett på en egen rad som `namn: värde`.",
        ))
        result.data = None
    return result


class _NotPlain(Exception):
    """Raised by the fast builder when a file needs the careful builder's checks and messages."""


_ScalarEvent, _MappingStart, _SequenceStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_CollectionEnds = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_StreamEnd, _DocumentStart = yaml.StreamEndEvent, yaml.DocumentStartEvent


def _build_plain(parser, result: LoadedFile, limits: Limits):
    """The same tree and positions as `_build`, for the common file that has no tag, anchor, alias, duplicate
    key, non-text key or second document and stays within the limits. It does the per-event work inline
    (a national check parses millions of events) and gives up with _NotPlain on anything else."""
    positions, key_positions = result.positions, result.key_positions
    max_depth, max_nodes = limits.max_depth, limits.max_nodes
    stack: list[list] = []  # frames: [container, path, path of the key waiting for its value, is a mapping]
    root = None
    nodes = documents = 0
    get_event = parser.get_event
    while True:
        event = get_event()
        kind = event.__class__
        if kind is _ScalarEvent or kind is _MappingStart or kind is _SequenceStart:
            nodes += 1
            if event.tag is not None or event.anchor is not None or nodes > max_nodes:
                raise _NotPlain
            mark = event.start_mark
            position = (mark.line + 1, mark.column + 1)
            if kind is _ScalarEvent:
                value = None if (event.style == "" and event.value in PLAIN_NULLS) else event.value
            else:
                if len(stack) >= max_depth:
                    raise _NotPlain
                value = {} if kind is _MappingStart else []
            if not stack:
                root = value
                positions[()] = position
                path = ()
            else:
                frame = stack[-1]
                container = frame[0]
                if frame[3]:
                    key_path = frame[2]
                    if key_path is None:  # this event is a key
                        if kind is not _ScalarEvent:
                            raise _NotPlain
                        key = "" if value is None else value
                        if key in container:
                            raise _NotPlain
                        container[key] = None  # holds the key's place, so a repeat is seen as a duplicate
                        key_path = frame[1] + (key,)
                        key_positions[key_path] = position
                        frame[2] = key_path
                        continue
                    frame[2] = None
                    container[key_path[-1]] = value
                    path = key_path
                else:
                    path = frame[1] + (len(container),)
                    container.append(value)
                positions[path] = position
            if kind is not _ScalarEvent:
                stack.append([value, path, None, kind is _MappingStart])
        elif kind in _CollectionEnds:
            stack.pop()
        elif kind is _DocumentStart:
            documents += 1
            if documents > 1:
                raise _NotPlain
        elif kind is _StreamEnd:
            return root
        elif kind is yaml.AliasEvent:
            raise _NotPlain


def _depth_finding(text: str, mark, path: str, limits: Limits) -> Finding:
    """Y005 where the file crosses our depth limit, for a file that libyaml itself refused as too deep.

    Newer libyaml builds stop at their own nesting limit (1,000 levels) while scanning ahead, before the
    builder has seen the level where ours is crossed. The text up to libyaml's stopping point is shallower
    than libyaml's limit, so reading it again reaches our limit first and reports it where it is crossed.
    """
    prefix = LoadedFile(path)
    parser = _Parser(text[: mark.index])
    try:
        _build(parser, prefix, limits)
    except (_Stop, yaml.YAMLError):
        pass
    finally:
        parser.dispose()
    for finding in prefix.findings:
        if finding.code == "Y005":
            return finding
    # Only if libyaml's limit were below ours: the place libyaml stopped is then the best we know.
    return _too_deep(path, limits, mark.line + 1, mark.column + 1)


def _too_deep(path: str, limits: Limits, line: int, col: int) -> Finding:
    return _finding(
        path, "Y005",
        f"the data is nested more than {limits.max_depth} levels deep",
        line, col, "Flatten the structure; no auditrack record needs this depth.",
        sv=f"uppgifterna är nästlade i fler än {limits.max_depth} nivåer",
        sv_hint="Gör strukturen plattare; ingen post i auditrack behöver så många nivåer.",
    )


def _build(parser, result: LoadedFile, limits: Limits):
    """Build plain dicts, lists and strings from parser events, iteratively."""
    path_name = result.path
    positions = result.positions
    key_positions = result.key_positions
    # Each frame: [container, path, pending_key, key_lines] where pending_key is
    # the key waiting for its value (mappings only) and key_lines maps keys to
    # the line they were first seen on (for duplicate messages).
    stack: list[list] = []
    root = None
    documents = 0
    nodes = 0
    duplicates = 0
    unlisted: tuple[int, int] | None = None  # where the first duplicate key that is not reported is
    anchors: dict[str, int] = {}  # anchor name -> line, only to say where an alias points

    def count(event, line: int, col: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > limits.max_nodes:
            result.findings.append(_finding(
                path_name, "Y006",
                f"the file holds more than {limits.max_nodes:,} keys, values and list items; "
                "auditrack stops reading it here",
                line, col, "Split the data into several files; no single auditrack record needs this many values.",
                sv=f"filen innehåller fler än {number('sv', limits.max_nodes)} nycklar, värden och listpunkter; "
                   "auditrack slutar läsa den här",
                sv_hint="Dela upp uppgifterna i flera filer; ingen enskild post i auditrack behöver så många värden.",
            ))
            raise _Stop
        if event.anchor is not None and len(anchors) < 1000:
            anchors.setdefault(event.anchor, line)

    def place(value, line: int, col: int):
        nonlocal root
        if not stack:
            root = value
            positions[()] = (line, col)
            return ()
        frame = stack[-1]
        container, cpath = frame[0], frame[1]
        if isinstance(container, list):
            vpath = cpath + (len(container),)
            container.append(value)
        else:
            key = frame[2]
            frame[2] = None
            vpath = cpath + (key,)
            if key is not _DUPLICATE:
                container[key] = value
        positions[vpath] = (line, col)
        return vpath

    def expecting_key() -> bool:
        return bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is None

    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            if kind is yaml.ScalarEvent:
                _check_tag(event, path_name, line, col)
                count(event, line, col)
                if event.style == "" and event.value in PLAIN_NULLS and event.tag is None:
                    value = None
                else:
                    value = event.value
                if expecting_key():
                    frame = stack[-1]
                    if value is None:
                        value = ""
                    if value in frame[0] or value in frame[3]:
                        first = frame[3].get(value, "?")
                        if frame[5] is not None:  # the keys of an item whose `- ` is missing: one finding says so
                            frame[2] = _DUPLICATE
                            continue
                        duplicates += 1
                        if duplicates > MAX_DUPLICATE_FINDINGS:
                            unlisted = unlisted or (line, col)
                            frame[2] = _DUPLICATE
                            continue
                        if _starts_a_list_item(stack, value):
                            frame[5] = line
                            result.findings.append(_missing_dash(path_name, value, first, line, col, positions[frame[1]]))
                        else:
                            result.findings.append(_finding(
                                path_name, "Y002",
                                f"the key '{_short(value)}' appears twice in the same mapping (first on line {first}); "
                                "YAML would silently keep only the last value",
                                line, col, "Keep one of the two entries and delete the other.",
                                sv=f"nyckeln '{_short(value)}' står två gånger på samma nivå (första gången på rad "
                                   f"{first}); YAML skulle utan varning behålla bara det sista värdet",
                                sv_hint="Behåll en av de två raderna och ta bort den andra.",
                            ))
                        frame[2] = _DUPLICATE
                    else:
                        frame[2] = value
                        frame[3][value] = line
                        key_positions[frame[1] + (value,)] = (line, col)
                    continue
                place(value, line, col)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                _check_tag(event, path_name, line, col)
                count(event, line, col)
                if expecting_key():
                    result.findings.append(_finding(
                        path_name, "Y010", "a key must be plain text, not a list or a mapping",
                        line, col, "Write keys as `name: value`.",
                        sv="en nyckel måste vara vanlig text, inte en lista eller en uppsättning fält",
                        sv_hint="Skriv nycklar som `namn: värde`.",
                    ))
                    raise _Stop
                if len(stack) >= limits.max_depth:
                    result.findings.append(_too_deep(path_name, limits, line, col))
                    raise _Stop
                container: dict | list = {} if kind is yaml.MappingStartEvent else []
                vpath = place(container, line, col)
                # [container, its path, the pending key, first line of each key, flow style, line of a missing `- `]
                stack.append([container, vpath, None, {}, bool(event.flow_style), None])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.AliasEvent:
                name = _short(event.anchor)
                where = f" (it repeats &{name} from line {anchors[event.anchor]})" if event.anchor in anchors else ""
                anchored_on = anchors.get(event.anchor)
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] == "<<":
                    message = f"the merge key `<<: *{name}` is not allowed{where}: write the fields out in this mapping"
                    hint = f"Replace `<<: *{name}` with the fields it stands for."
                    where_sv = f" (den upprepar &{name} från rad {anchored_on})" if anchored_on else ""
                    sv = f"sammanslagningsnyckeln `<<: *{name}` är inte tillåten{where_sv}: skriv ut fälten här i stället"
                    sv_hint = f"Ersätt `<<: *{name}` med de fält den står för."
                else:
                    message = f"the alias *{name} is not allowed{where}: write the value out where it is used"
                    hint = "Replace the alias with the value it stands for; aliases are refused so no file can expand into huge data."
                    where_sv = f" (det upprepar &{name} från rad {anchored_on})" if anchored_on else ""
                    sv = f"aliaset *{name} är inte tillåtet{where_sv}: skriv ut värdet där det används"
                    sv_hint = ("Ersätt aliaset med värdet det står för; alias tillåts inte, så att ingen fil kan växa "
                               "till enorma mängder data.")
                result.findings.append(_finding(path_name, "Y004", message, line, col, hint, sv=sv, sv_hint=sv_hint))
                raise _Stop
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    result.findings.append(_finding(
                        path_name, "Y011",
                        "the file holds more than one YAML document (a second `---`); auditrack reads one record per file",
                        line, col, "Move each document into a file of its own.",
                        sv="filen innehåller mer än ett YAML-dokument (ett andra `---`); auditrack läser en post per fil",
                        sv_hint="Flytta varje dokument till en egen fil.",
                    ))
                    raise _Stop
            elif kind is yaml.StreamEndEvent:
                return root
    finally:
        if unlisted:
            result.findings.append(_finding(
                path_name, "Y002",
                f"{duplicates - MAX_DUPLICATE_FINDINGS:,} more duplicate keys in this file are not listed",
                unlisted[0], unlisted[1], "Fix the duplicate keys listed, then check again.",
                sv=f"ytterligare {number('sv', duplicates - MAX_DUPLICATE_FINDINGS)} "
                   f"{'dubblerad nyckel' if duplicates - MAX_DUPLICATE_FINDINGS == 1 else 'dubblerade nycklar'} "
                   "i filen visas inte",
                sv_hint="Rätta de dubblerade nycklar som visas och kontrollera sedan igen.",
            ))


_DUPLICATE = object()
MAX_DUPLICATE_FINDINGS = 20


def _starts_a_list_item(stack: list, key: str) -> bool:
    """Whether a repeated `key` in the innermost mapping is most likely a new list item without its `- `: the
    mapping is a block item of a list, and `key` is the key it began with."""
    frame = stack[-1]
    return (len(stack) > 1 and isinstance(stack[-2][0], list) and not frame[4]
            and next(iter(frame[3]), None) == key)


def _missing_dash(path: str, key: str, first: int, line: int, col: int, item_start: tuple[int, int]) -> Finding:
    dash = max(item_start[1] - 2, 1)
    name = _short(key)
    return _finding(
        path, "Y002",
        f"the key '{name}' appears twice in the list item that starts on line {first}: the item starting here "
        "probably lacks its `- `, so YAML reads both as one item and keeps only the last values",
        line, col,
        f"If line {line} starts a new item of the list, write `- ` before `{name}:` (the dash at column {dash}, under "
        "the other items' dashes); delete nothing. The keys repeated after it are not listed separately.",
        sv=f"nyckeln '{name}' står två gånger i listposten som börjar på rad {first}: posten som börjar här saknar "
           "troligen sitt `- `, så YAML läser båda som en post och behåller bara de sista värdena",
        sv_hint=f"Om rad {line} börjar en ny post i listan, skriv `- ` före `{name}:` (strecket i kolumn {dash}, under "
                "de andra posternas streck); ta inte bort något. Nycklarna som upprepas efter den visas inte var för sig.",
    )


def _short(text: str, limit: int = 80) -> str:
    """Text from the file, cut short and on one line, for a message."""
    text = text.replace("\r", " ").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_tag(event, path: str, line: int, col: int) -> None:
    tag = event.tag
    if tag is None:
        return
    if isinstance(event, yaml.ScalarEvent):
        if tag in ALLOWED_TAGS:
            return
    elif tag in {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}:
        return
    raise _TagError(path, tag, line, col)


class _TagError(_Stop):
    def __init__(self, path: str, tag: str, line: int, col: int) -> None:
        super().__init__(tag)
        if tag.startswith("tag:yaml.org,2002:"):
            tag = "!!" + tag[len("tag:yaml.org,2002:"):]  # as written in the file
        tag = _short(tag)
        self.finding = _finding(
            path, "Y003",
            f"the tag '{tag}' is not allowed: auditrack reads plain YAML values only",
            line, col, "Remove the tag (the part starting with `!`); put the value in quotes if it must stay text.",
            sv=f"taggen '{tag}' är inte tillåten: auditrack läser bara vanliga YAML-värden",
            sv_hint="Ta bort taggen (det som börjar med `!`); sätt värdet inom citattecken om det ska förbli text.",
        )
