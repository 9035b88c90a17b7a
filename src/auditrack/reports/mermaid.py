"""Mermaid diagrams built in Python, with every text from the data encoded for Mermaid.

Mermaid reads its own entity codes (``#35;`` for ``#``, ``#quot;`` for ``"``)
in every diagram type: it replaces them before parsing and turns them back into
characters in the drawing. :func:`text` encodes every character that could end a
label, a line or the fenced block (quotes, brackets, colons, semicolons, ``#``,
``%``, backticks, ``<`` and ``>``) as a numeric code, and turns line breaks into
spaces. Node and task ids are generated (``n1``, ``t1``), never taken from the data.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from auditrack.reports.markdown import Md, shorten

_PLAIN = frozenset(" .,-_/'!?§")


def text(value: object, width: int = 60) -> str:
    """A label for any Mermaid diagram: shortened, on one line, with risky characters as entity codes."""
    out = []
    for ch in shorten(value, width):
        if ch.isalnum() and unicodedata.category(ch)[0] in "LN" or ch in _PLAIN:
            out.append(ch)
        else:
            out.append(f"#{ord(ch)};")
    return "".join(out)


def block(lines: list[str]) -> Md:
    """A fenced Mermaid block."""
    return Md("```mermaid\n" + "\n".join(lines) + "\n```")


# --------------------------------------------------------------------------- pie


_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def init(config: dict) -> str:
    """A Mermaid init directive (the first line of a diagram) for configuration auditrack chose itself."""
    return "%%{init: " + json.dumps(config, sort_keys=True) + "}%%"


def pie(title: str, slices: list[tuple[str, int, str]]) -> Md | None:
    """A pie of the non-zero slices (label, count, colour '#rrggbb'), each in its own colour; None when all are zero.

    Mermaid colours slices from the theme variables pie1, pie2, … in the order it draws them, so a slice's colour
    would depend on which other slices are shown. Each pie therefore sets pieN to the colour of its N-th slice.
    The slices are listed largest first (ties in the given order): Mermaid before 11.13 sorts them so before it
    colours them, later versions keep the order written, and both then draw the same slice N.
    """
    shown = sorted(((label, count, colour) for label, count, colour in slices if count > 0), key=lambda s: -s[1])
    if not shown:
        return None
    if len(shown) > 12 or not all(_COLOUR.fullmatch(colour) for _, _, colour in shown):
        raise ValueError("a pie has at most 12 slices, each with a colour '#rrggbb'")
    colours = {f"pie{i}": colour for i, (_, _, colour) in enumerate(shown, 1)}
    lines = [init({"themeVariables": colours}), "pie showData", f"    title {text(title, 80)}"]
    lines += [f'    "{text(label, 40)}" : {count}' for label, count, _ in shown]
    return block(lines)


# --------------------------------------------------------------------------- gantt


@dataclass
class Bar:
    label: str
    start: date
    end: date
    """The last day, inclusive."""
    style: str = ""
    """'', 'crit', 'done', 'active' or 'milestone'."""


@dataclass
class Section:
    title: str
    bars: list[Bar] = field(default_factory=list)


def gantt(title: str, sections: list[Section]) -> Md | None:
    """A gantt chart with inclusive end dates; sections without bars are left out."""
    sections = [s for s in sections if s.bars]
    if not sections:
        return None
    lines = ["gantt", f"    title {text(title, 80)}", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m",
             "    inclusiveEndDates", "    todayMarker off"]
    n = 0
    for section in sections:
        lines.append(f"    section {text(section.title, 40)}")
        for bar in section.bars:
            n += 1
            tags = [bar.style] if bar.style else []
            if bar.style == "milestone":
                lines.append(f"    {text(bar.label, 50)} :milestone, t{n}, {bar.start.isoformat()}, 0d")
            else:
                end = max(bar.end, bar.start)
                lines.append(f"    {text(bar.label, 50)} :{', '.join(tags + [f't{n}'])}, {bar.start.isoformat()}, {end.isoformat()}")
    return block(lines)


# --------------------------------------------------------------------------- flowchart


@dataclass
class Node:
    label: str
    parent: int | None = None
    """Index of the parent node in the list, if any."""
    style: str = ""
    """A class name defined in the flowchart, e.g. 'missing'."""
    dotted: bool = False
    """Draw the edge to the parent dotted (e.g. membership rather than hierarchy)."""


def flowchart(nodes: list[Node], classes: dict[str, str] | None = None, direction: str = "TD",
              edges: list[tuple[int, int, bool]] = ()) -> Md | None:
    """A flowchart with an edge from each node's parent to it, plus `edges` (from, to, dotted) by node index."""
    if not nodes:
        return None
    lines = [f"flowchart {direction}"]
    for i, node in enumerate(nodes, 1):
        lines.append(f'    n{i}["{text(node.label, 70)}"]')
    links = [(node.parent, i, node.dotted) for i, node in enumerate(nodes) if node.parent is not None] + list(edges)
    for source, target, dotted in links:
        lines.append(f"    n{source + 1} {'-.-' if dotted else '-->'} n{target + 1}")
    for name, css in (classes or {}).items():
        members = [f"n{i}" for i, node in enumerate(nodes, 1) if node.style == name]
        if members:
            lines.append(f"    classDef {name} {css}")
            lines.append(f"    class {','.join(members)} {name}")
    return block(lines)
