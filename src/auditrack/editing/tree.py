"""The text of a YAML file as a tree of nodes that know where they are: the start and end (character offsets
into the text) of every scalar, mapping and sequence, and their style.

The loader keeps only where a value starts; an edit also needs where it ends and whether it is written in
block or flow style, so this reads the same libyaml events with both marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from auditrack.loader.yamlfile import PLAIN_NULLS, _Parser


@dataclass
class Node:
    """A scalar, mapping or sequence in the text: `start` and `end` are character offsets (end exclusive)."""

    kind: str  # "scalar", "mapping" or "sequence"
    start: int
    end: int
    line: int  # 1-based, as the loader and the findings count
    column: int
    flow: bool = False
    style: str | None = None  # a scalar's style: "" plain, "'" or '"' quoted, "|" or ">" block
    value: str | None = None  # a scalar's text (None for a plain null)
    items: list[Node] = field(default_factory=list)  # a sequence's items
    pairs: list[tuple[Node, Node]] = field(default_factory=list)  # a mapping's keys and values

    def get(self, key: str) -> tuple[Node, Node] | None:
        """The key and value nodes of `key` in this mapping, or None."""
        for key_node, value_node in self.pairs:
            if key_node.value == key:
                return key_node, value_node
        return None

    def last_leaf_end(self) -> int:
        """Where the last thing written inside this node ends: for a block collection, its last scalar or flow
        collection (a block collection's own end mark lies past any comments and blank lines that follow it)."""
        node = self
        while not node.flow and node.kind != "scalar":
            children = node.items or [value for _, value in node.pairs]
            if not children:
                break
            node = children[-1]
        return node.end


def parse_tree(text: str) -> Node | None:
    """The root node of `text` (one YAML document, already checked by the loader), or None when it is empty."""
    parser = _Parser(text)
    stack: list[Node] = []
    pending: list[Node | None] = []  # per open mapping: the key waiting for its value
    root = None
    try:
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return root
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                node = stack.pop()
                pending.pop()
                node.end = event.end_mark.index
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                continue
            mark = event.start_mark
            if isinstance(event, yaml.ScalarEvent):
                plain = not event.style  # "" from libyaml, None from the pure-Python parser
                value = None if plain and event.value in PLAIN_NULLS else event.value
                node = Node("scalar", mark.index, event.end_mark.index, mark.line + 1, mark.column + 1,
                            flow=True, style=event.style or "", value=value)
            else:
                kind = "mapping" if isinstance(event, yaml.MappingStartEvent) else "sequence"
                node = Node(kind, mark.index, mark.index, mark.line + 1, mark.column + 1, flow=bool(event.flow_style))
            if not stack:
                root = node
            elif stack[-1].kind == "sequence":
                stack[-1].items.append(node)
            elif pending[-1] is None:
                pending[-1] = node
            else:
                stack[-1].pairs.append((pending[-1], node))
                pending[-1] = None
            if node.kind != "scalar":
                stack.append(node)
                pending.append(None)
    finally:
        parser.dispose()
