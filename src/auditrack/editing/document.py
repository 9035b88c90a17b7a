"""A data file's bytes and the edits that change only what they must.

Each edit is placed with the positions of the parsed text (`tree.py`): a value's characters are replaced, or
new lines are inserted after the line where a mapping or list ends, indented like their neighbours and ended
like the file's other lines. Everything else (comments, key order, quoting, blank lines, line endings, a BOM)
is kept byte for byte. After each edit the text is read again and its data compared with what the edit
meant; any other difference refuses the edit, so a form this module does not know cannot be corrupted.
"""

from __future__ import annotations

import copy
import re
from datetime import date

from auditrack.editing.render import block_item, flow, scalar
from auditrack.editing.tree import Node, parse_tree
from auditrack.findings import Finding
from auditrack.loader.yamlfile import Limits, load_bytes

_BOM = "\ufeff".encode()
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


class Refused(Exception):
    """The file has data errors (before or after the edit), listed in `findings`; nothing was written."""

    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} data error(s)")
        self.findings = findings


class EditError(Exception):
    """An edit this module cannot make safely at `line`:`column` of `path`; the file is left as it was."""

    def __init__(self, path: str, line: int, column: int, message: str, sv: str):
        super().__init__(message)
        self.path, self.line, self.column, self.messages = path, line, column, {"en": message, "sv": sv}

    def message(self, lang: str = "en") -> str:
        """`path:line:col: why`, in English or Swedish."""
        return f"{self.path}:{self.line}:{self.column}: {self.messages.get(lang, self.messages['en'])}"


class Document:
    """One data file, edited in memory: `set_value` and `append_item`, then `raw` holds the new bytes.

    `path` is the file's name as messages show it (relative to the repository); `limits` are the loader's (see
    `save.file_limits`). A file that does not load (a YAML error) raises Refused with the loader's findings.
    """

    def __init__(self, path: str, raw: bytes, limits: Limits = Limits()):
        self.path, self.limits = path, limits
        self.bom = _BOM if raw.startswith(_BOM) else b""
        loaded = load_bytes(raw, path, limits)
        if loaded.findings:
            raise Refused(loaded.findings)
        self.text = raw[len(self.bom):].decode("utf-8")
        self.data = loaded.data
        self.tree: Node = parse_tree(self.text)
        found = _LINE_BREAK.search(self.text)
        self.newline = found.group() if found else "\n"

    @property
    def raw(self) -> bytes:
        """The file's bytes as edited so far."""
        return self.bom + self.text.encode("utf-8")

    def set_value(self, path: tuple, key: str, value: str | date, *, before: str | None = None) -> None:
        """Set `key` of the mapping at `path` (keys and list indexes, as the loader's paths) to the scalar `value`:
        its text is replaced, or the key is added when it is absent: after the mapping's last key, or on the line
        before the key `before` when the mapping (in block style) has it. Raises EditError for a form it cannot
        edit safely (the text is then as it was), KeyError when `path` leads to no value."""
        original, mapping = self.text, self._mapping(path)
        found = mapping.get(key)
        if found is None:
            self._add_key(mapping, key, value, before)
        else:
            key_node, node = found
            if node.kind != "scalar" or node.style in ("|", ">"):
                self._refuse(node, f"'{key}' is {_form(node, 'en')}, not a single value; auditrack does not "
                                   "rewrite it: edit it by hand",
                             f"'{key}' är {_form(node, 'sv')}, inte ett enskilt värde; auditrack skriver inte om "
                             "det: ändra det för hand")
            if node.start == node.end:  # `key:` with nothing after it
                self._replace(node.start, node.end, " " + scalar(value, flow=mapping.flow))
            else:
                self._replace(node.start, node.end, scalar(value, flow=mapping.flow))
        self._verify(path, lambda container: container.__setitem__(key, _plain(value)), original)

    def append_item(self, path: tuple, key: str, item, *, before: str | None = None) -> None:
        """Append `item` (a scalar, or a mapping of scalars) to the list `key` of the mapping at `path`; the key is
        added, with a list of this one item, when it is absent (placed as `set_value` places it) or empty."""
        original, mapping = self.text, self._mapping(path)
        found = mapping.get(key)
        if found is None:
            self._add_key(mapping, key, [item], before)
        else:
            key_node, node = found
            if node.kind == "scalar" and node.value is None and node.start == node.end and not mapping.flow:
                indent = key_node.column - 1 + self._list_offset()
                self._insert_lines(node.end, block_item(item, indent, self.newline))
            elif node.kind != "sequence":
                self._refuse(node, f"'{key}' is {_form(node, 'en')}, not a list; auditrack can only add to a list",
                             f"'{key}' är {_form(node, 'sv')}, inte en lista; auditrack kan bara lägga till i en lista")
            elif node.flow:
                if node.items:
                    self._replace(node.items[-1].end, node.items[-1].end, ", " + flow(item))
                else:
                    self._replace(node.start + 1, node.start + 1, flow(item))
            else:
                self._insert_lines(node.last_leaf_end(), block_item(item, node.column - 1, self.newline))

        def append(container: dict) -> None:
            if container.get(key) is None:
                container[key] = []
            container[key].append(_plain(item))

        self._verify(path, append, original)

    # -- placing text -------------------------------------------------------------------------------------

    def _mapping(self, path: tuple) -> Node:
        node = self.tree
        for step in path:
            if isinstance(step, int) and node.kind == "sequence" and 0 <= step < len(node.items):
                node = node.items[step]
            elif isinstance(step, str) and node.kind == "mapping" and node.get(step) is not None:
                node = node.get(step)[1]
            else:
                raise KeyError(path)
        if node.kind != "mapping":
            self._refuse(node, f"{_form(node, 'en')} is here where a mapping of fields is expected",
                         f"här finns {_form(node, 'sv')} där en uppsättning fält väntas")
        return node

    def _add_key(self, mapping: Node, key: str, value, before: str | None) -> None:
        if mapping.flow:
            text = f"{scalar(key, flow=True)}: {flow(value)}"
            if mapping.pairs:
                end = mapping.pairs[-1][1].end
                self._replace(end, end, ", " + text)
            else:
                self._replace(mapping.start + 1, mapping.start + 1, text)
            return
        indent = mapping.pairs[0][0].column - 1
        if isinstance(value, list):
            lines = (" " * indent + f"{scalar(key)}:" + self.newline
                     + "".join(block_item(item, indent + self._list_offset(), self.newline) for item in value))
        else:
            lines = " " * indent + f"{scalar(key)}: {scalar(value)}" + self.newline
        following = mapping.get(before) if before else None
        if following is not None and following[0] is not mapping.pairs[0][0]:  # a first key may follow `- `
            line_start = following[0].start - (following[0].column - 1)
            self._replace(line_start, line_start, lines)
        else:
            self._insert_lines(mapping.last_leaf_end(), lines)

    def _list_offset(self) -> int:
        """How far this file indents a list under its key (`key:` then `  - item`, or `- item` under the key):
        as the file's first block list under a key does, else two spaces."""
        pending = [self.tree]
        while pending:
            node = pending.pop(0)
            for key_node, value in node.pairs:
                if value.kind == "sequence" and not value.flow and value.line > key_node.line:
                    return value.column - key_node.column
            pending.extend(child for child in node.items + [v for _, v in node.pairs] if child.kind != "scalar")
        return 2

    def _insert_lines(self, position: int, lines: str) -> None:
        """Insert whole `lines` after the line that holds `position` (a position at the start of a line, as a
        block of text's end is, stands for the line before it)."""
        if position > 0 and self.text[position - 1] in "\r\n":
            self._replace(position, position, lines)
            return
        found = _LINE_BREAK.search(self.text, position)
        if found:
            self._replace(found.end(), found.end(), lines)
        else:  # the last line has no line break: give it one, and leave the new last line without
            self._replace(len(self.text), len(self.text), self.newline + lines[: -len(self.newline)])

    def _replace(self, start: int, end: int, text: str) -> None:
        self.text = self.text[:start] + text + self.text[end:]

    def _verify(self, path: tuple, change, original: str) -> None:
        """Read the edited text again: its data must be the old data with `change` made at `path`, nothing else.
        Otherwise the text goes back to `original` and EditError says so."""
        expected = copy.deepcopy(self.data)
        container = expected
        for step in path:
            container = container[step]
        change(container)
        loaded = load_bytes(self.raw, self.path, self.limits)
        if loaded.findings or loaded.data != expected:
            self.text = original
            raise EditError(self.path, *self._where(path),
                            "auditrack cannot make this change safely in the way the file is written; "
                            "the file is left as it was: edit it by hand",
                            "auditrack kan inte göra ändringen säkert så som filen är skriven; filen har inte "
                            "ändrats: ändra den för hand")
        self.data = loaded.data
        self.tree = parse_tree(self.text)

    def _where(self, path: tuple) -> tuple[int, int]:
        node = self.tree
        for step in path:
            children = node.items if isinstance(step, int) else [v for k, v in node.pairs if k.value == step]
            if isinstance(step, int) and step < len(children):
                node = children[step]
            elif isinstance(step, str) and children:
                node = children[0]
        return node.line, node.column

    def _refuse(self, node: Node, message: str, sv: str):
        raise EditError(self.path, node.line, node.column, message, sv)


def _plain(value):
    """`value` as the loader reads it back: dates as their text, mappings and lists of those."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _form(node: Node, lang: str) -> str:
    """What a node is, in words: for messages that say why it cannot be edited."""
    if node.kind == "scalar":
        if node.style in ("|", ">"):
            return "a block of text (| or >)" if lang == "en" else "ett textblock (| eller >)"
        return "a single value" if lang == "en" else "ett enskilt värde"
    if node.kind == "mapping":
        return "a mapping of fields" if lang == "en" else "en uppsättning fält"
    return "a list" if lang == "en" else "en lista"
