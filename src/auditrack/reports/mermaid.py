"""Mermaid diagrams built in Python, with every text from the data encoded for Mermaid.

Mermaid reads its own entity codes (``#35;`` for ``#``, ``#quot;`` for ``"``)
in every diagram type: it replaces them before parsing and turns them back into
characters in the drawing. :func:`text` encodes every character that could end a
label, a line or the fenced block (quotes, brackets, colons, semicolons, ``#``,
``%``, backticks, ``<`` and ``>``) as a numeric code, and turns line breaks into
spaces. Node and task ids are generated (``n1``, ``t1``), never taken from the data.

A gantt task's label starts its line, and Mermaid's lexers read a keyword there
before any text (case-insensitively: ``Click för detaljer`` starts a click
statement and breaks the whole chart, ``Excludes weekends`` or ``Section X``
turns the task into a setting). So a label that starts with a keyword of any
diagram type auditrack draws (see KEYWORDS), or with a date, gets its first
character as a code too: Mermaid's lexer sees no keyword, the drawing shows the
same text. The flowchart lexer also reads ``direction TB`` anywhere on a line, so
the space after ``direction`` is a code as well. An empty label (a title of only
spaces or invisible characters) becomes a no-break space: a gantt task needs text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from auditrack.reports.markdown import Md, shorten

_PLAIN = frozenset(" .,-_/'!?§")

KEYWORDS = (
    # gantt (gantt.jison, case-insensitive); a label matching one of these at its start is read as a statement
    "accDescr", "accTitle", "axisFormat", "call", "click", "dateFormat", "displayMode", "excludes", "gantt", "href",
    "includes", "inclusiveEndDates", "section", "tickInterval", "title", "todayMarker", "topAxis", "weekday", "weekend",
    # pie (pie.langium)
    "pie", "showData",
    # flowchart (flow.jison); its labels are quoted, these are neutralised all the same
    "class", "default", "direction", "end", "flowchart", "graph", "interpolate", "linkStyle", "style", "subgraph",
)
"""Every word a Mermaid lexer of gantt, pie or flowchart reads as a keyword at the start of a statement (Mermaid 11).
Matched as a prefix, without regard to case ("Classic" too): coding one letter more than needed changes nothing
that is shown."""
_KEYWORD_START = re.compile("|".join(KEYWORDS) + r"|\d{4}-\d{2}-\d{2}", re.IGNORECASE)
_DIRECTION_SPACE = re.compile(r"(?<=direction) ", re.IGNORECASE)


def _code(ch: str) -> str:
    return f"#{ord(ch)};"


def text(value: object, width: int = 60) -> str:
    """A label for any Mermaid diagram: shortened, on one line, with risky characters as entity codes and no
    keyword at its start."""
    label = shorten(value, width) or "\u00a0"
    out = [ch if ch.isalnum() and unicodedata.category(ch)[0] in "LN" or ch in _PLAIN else _code(ch) for ch in label]
    if _KEYWORD_START.match(label):
        out[0] = _code(label[0])
    for space in _DIRECTION_SPACE.finditer(label):
        out[space.start()] = _code(" ")
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


SECTION_TITLE_WIDTH = 40
"""Characters of a section title shown, at most."""


def left_padding(titles) -> int:
    """Room left of the bars for the section titles (Mermaid's gantt.leftPadding, 75 px by default).

    Mermaid writes a section's title 10 px from the left edge, in 11 px type, over the bars: a title longer than
    the room runs under a bar that starts at the chart's first day. About 6 px a character (a little wider than the
    average letter of the sans-serif fonts Mermaid uses), plus 10 px on either side.
    """
    longest = max((len(shorten(t, SECTION_TITLE_WIDTH)) for t in titles), default=0)
    return max(75, 20 + 6 * longest)


def gantt(title: str, sections: list[Section]) -> Md | None:
    """A gantt chart with inclusive end dates; sections without bars are left out."""
    sections = [s for s in sections if s.bars]
    if not sections:
        return None
    lines = [init({"gantt": {"leftPadding": left_padding(s.title for s in sections)}}),
             "gantt", f"    title {text(title, 80)}", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m",
             "    inclusiveEndDates", "    todayMarker off"]
    n = 0
    for section in sections:
        lines.append(f"    section {text(section.title, SECTION_TITLE_WIDTH)}")
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


COLUMNS = 3
"""Boxes side by side in a row of a top-down flowchart, at most. With text wrapped at 150 px a box is at most about
200 px wide, so three and the space between them fit a page (about 800 px) without Mermaid shrinking the text."""
NARROW_BOXES = {"flowchart": {"wrappingWidth": 150, "nodeSpacing": 30}}


def flowchart(nodes: list[Node], classes: dict[str, str] | None = None, direction: str = "TD",
              edges: list[tuple[int, int, bool]] = ()) -> Md | None:
    """A flowchart with an edge from each node's parent to it, plus `edges` (from, to, dotted) by node index.

    In a top-down chart, rows wrap after COLUMNS siblings (see :func:`wrapping_links`)."""
    if not nodes:
        return None
    top_down = direction in ("TD", "TB")
    lines = ([init(NARROW_BOXES)] if top_down else []) + [f"flowchart {direction}"]
    for i, node in enumerate(nodes, 1):
        lines.append(f'    n{i}["{text(node.label, 70)}"]')
    links = [(node.parent, i, node.dotted) for i, node in enumerate(nodes) if node.parent is not None] + list(edges)
    for source, target, dotted in links:
        lines.append(f"    n{source + 1} {'-.-' if dotted else '-->'} n{target + 1}")
    if top_down:
        lines += [f"    n{above + 1} ~~~ n{below + 1}" for above, below in wrapping_links(len(nodes), links)]
    for name, css in (classes or {}).items():
        members = [f"n{i}" for i, node in enumerate(nodes, 1) if node.style == name]
        if members:
            lines.append(f"    classDef {name} {css}")
            lines.append(f"    class {','.join(members)} {name}")
    return block(lines)


def wrapping_links(count: int, links: list[tuple[int, int, bool]], columns: int = COLUMNS) -> list[tuple[int, int]]:
    """Invisible links (`~~~`, drawn as nothing) that let at most `columns` siblings stand side by side.

    Mermaid ranks a top-down flowchart: every node that no link enters stands in the top row, and all the children
    of a node in the row under it, so ten unrelated bodies make one row ten boxes wide. Siblings here are the
    nodes no link enters, or the nodes a link from one node enters first. They are cut into rows of `columns`,
    and each hangs by an invisible link from the lowest node under the sibling above it (in the same column), so
    the columns stay put and no link crosses a row. Children are wrapped before their parents, so "lowest" counts
    their rows too. Returns (above, below) node indexes.
    """
    under: dict[int, list[int]] = defaultdict(list)
    entered: set[int] = set()
    for source, target, _ in links:
        if target not in entered:
            entered.add(target)
            under[source].append(target)
    roots = [i for i in range(count) if i not in entered]
    hidden: list[tuple[int, int]] = []

    def lowest(top: int) -> int:
        found, deepest, seen, stack = top, 0, {top}, [(top, 0)]
        while stack:
            node, depth = stack.pop()
            if depth > deepest:
                found, deepest = node, depth
            for child in under[node]:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, depth + 1))
        return found

    def wrap(siblings: list[int]) -> None:
        for i in range(columns, len(siblings)):
            anchor = lowest(siblings[i - columns])
            hidden.append((anchor, siblings[i]))
            under[anchor].append(siblings[i])

    order, seen = [], set(roots)
    stack = list(reversed(roots))
    while stack:  # every node once, parents before their children
        node = stack.pop()
        order.append(node)
        for child in reversed(under[node]):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    for node in reversed(order):
        wrap(list(under[node]))
    wrap(roots)
    return hidden
