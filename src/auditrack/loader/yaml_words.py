"""libyaml's words for a syntax error, put as a municipal officer would understand them.

libyaml says what its parser met ("mapping values are not allowed in this context"), not what the writer did.
For the common mistakes the line itself shows what happened: a colon inside a value that is not in quotes, a
key indented one step too far, a list item without its `- `, a line without its `:`. Each explanation below
looks at the line before it claims anything; where the same parser words could come from another mistake,
the message keeps libyaml's words in parentheses. Anything not recognised here keeps libyaml's words as they
are (`plain_words` returns None).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml

from auditrack.i18n import listing


class Plain(NamedTuple):
    """An explanation of a syntax error in English and Swedish, and the 1-based line and column it is about."""

    message: str
    hint: str
    message_sv: str
    hint_sv: str
    line: int
    column: int


class _Error(NamedTuple):
    problem: str
    context: str
    line: int  # 0-based, as libyaml's marks
    column: int
    context_line: int | None
    context_column: int | None
    lines: list[str]

    def text(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def previous(self, line: int) -> int | None:
        """The nearest line above `line` that holds data (not blank, not only a comment)."""
        for n in range(min(line, len(self.lines)) - 1, -1, -1):
            stripped = self.lines[n].strip()
            if stripped and not stripped.startswith("#"):
                return n
        return None

    def plain(self, message: str, hint: str, message_sv: str, hint_sv: str, *, line: int | None = None,
              column: int | None = None, unsure: bool = False) -> Plain:
        """The explanation; `unsure` adds libyaml's words, for where the same words could mean another mistake."""
        if unsure:
            message += f" (the YAML reader says: {self.problem})"
            message_sv += f" (YAML-läsaren säger: {self.problem})"
        return Plain(f"YAML syntax error: {message}", hint, f"syntaxfel i YAML: {message_sv}", hint_sv,
                     (self.line if line is None else line) + 1, (self.column if column is None else column) + 1)


_PREFIX = re.compile(r"^[ ]*(?:-[ ]+)*")
"""Indentation and list-item dashes: what comes before a line's own content."""
_KEY = re.compile(r"^[ ]*(?:-[ ]+)*(?P<key>[^\s#'\"{\[\-][^:#]*):(?:[ ]+|$)")
"""`  - name: ` at the start of a line: a plain key (with any spaces before its colon) and its colon. Greedy, so
a hostile line of spaces takes linear time."""
_LONGEST = 200
"""Text from the file longer than this is not repeated in a message or an example in full."""


def _name(key: re.Match) -> str:
    return _short(key.group("key").rstrip(" "), 40)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _content_column(line: str) -> int:
    return _PREFIX.match(line).end()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quoted(value: str) -> str:
    """`value` in quotes, as YAML reads it back unchanged."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _value_of(line: str, start: int) -> str:
    """The value written on `line` from `start`, without a trailing comment."""
    value = line[start:]
    comment = re.search(r"\s#", value)
    return (value[: comment.start()] if comment else value).strip()


def _tab(e: _Error) -> Plain | None:
    if "tab character" not in e.problem and e.text(e.line)[e.column:e.column + 1] != "\t":
        return None
    return e.plain(
        "a tab is used for indentation; YAML allows only spaces",
        "Replace the tab with spaces (most editors can be set to indent with spaces).",
        "ett tabbtecken används för indrag; YAML tillåter bara mellanslag",
        "Ersätt tabbtecknet med mellanslag (de flesta redigeringsprogram kan ställas in på att göra indrag med "
        "mellanslag).",
    )


def _mapping_value(e: _Error) -> Plain | None:
    """"mapping values are not allowed": a colon where YAML cannot start a field. A colon after a field's value
    on the same line is a colon inside the value; a colon after a word alone on its line is a field indented
    further than the field above, which YAML reads as the rest of that field's value."""
    if not e.problem.startswith("mapping values are not allowed"):
        return None
    line = e.text(e.line)
    key = _KEY.match(line)
    if key and key.end() <= e.column:
        value = _value_of(line, key.end())
        name = _name(key)
        if value.endswith(":") or not value or len(value) > _LONGEST:
            hint, hint_sv = "Put the whole value in quotes (\"...\").", "Sätt hela värdet inom citattecken (\"...\")."
        else:
            example = f"{name}: {_quoted(value)}"
            hint, hint_sv = f"Put the whole value in quotes: {example}", f"Sätt hela värdet inom citattecken: {example}"
        return e.plain(
            f"the value of '{name}' has a colon in it but is not in quotes, and YAML reads ': ' as the start of "
            "a new field", hint,
            f"värdet i '{name}' innehåller ett kolon men står inte inom citattecken, och YAML läser ': ' som början "
            "på ett nytt fält", hint_sv,
        )
    above = e.previous(e.line)
    if above is None:
        return None
    field = _KEY.match(e.text(above))
    word = _short(line[:e.column].strip(), 40)
    if field is None and ":" not in e.text(above) and not e.text(above).lstrip().startswith(("-", "'", '"', "#")):
        return _no_colon_above(e, above)
    if field is None or not word or _indent(line) <= field.start("key"):
        return None
    column, name = field.start("key") + 1, _name(field)
    return e.plain(
        f"'{word}' is indented further than '{name}' on line {above + 1}, so YAML reads it as part of the value "
        f"of '{name}'",
        f"Start '{word}:' in column {column}, like '{name}:' on line {above + 1}. If the line continues the text "
        f"on line {above + 1}, put that text in quotes.",
        f"'{word}' är indraget längre än '{name}' på rad {above + 1}, så YAML läser det som en del av värdet i "
        f"'{name}'",
        f"Börja '{word}:' i kolumn {column}, som '{name}:' på rad {above + 1}. Om raden fortsätter texten på rad "
        f"{above + 1}, sätt den texten inom citattecken.",
        unsure=True,
    )


_GLUED = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:][^:]*)$")
"""`owner:socialchef`: a field whose colon has no space after it, which YAML reads as one word."""


def _glued(e: _Error, line: int) -> Plain | None:
    """The line is a field written without the space after its colon."""
    found = _GLUED.match(e.text(line).rstrip())
    if found is None:
        return None
    name, value = found.group("key"), found.group("value").strip()
    fixed = f"{name}: {_short(value, 40)}"
    return e.plain(
        f"'{name}:' has no space after its colon, so YAML reads '{_short(name + ':' + value, 60)}' as one word, "
        "not as a field",
        f"Put a space after the colon: {fixed}",
        f"'{name}:' saknar mellanslag efter kolonet, så YAML läser '{_short(name + ':' + value, 60)}' som ett ord, "
        "inte som ett fält",
        f"Sätt ett mellanslag efter kolonet: {fixed}",
        line=line, column=found.end("key") + 1,
    )


def _no_colon_above(e: _Error, above: int) -> Plain:
    glued = _glued(e, above)
    if glued is not None:
        return glued
    return e.plain(
        f"line {above + 1} has no ':' after a field's name, so YAML reads it together with this line",
        f"Write line {above + 1} as `name: value`, with a colon and a space after the name, or delete it if it "
        "does not belong in the file.",
        f"rad {above + 1} har inget ':' efter ett fältnamn, så YAML läser den tillsammans med den här raden",
        f"Skriv rad {above + 1} som `namn: värde`, med kolon och mellanslag efter namnet, eller ta bort den om den "
        "inte hör hemma i filen.",
        unsure=True,
    )


def _list_item(e: _Error) -> Plain | None:
    """"did not find expected '-' indicator": a line inside a list that is neither an item nor in line with the
    fields of the item above."""
    if e.problem != "did not find expected '-' indicator" or e.context_line is None:
        return None
    start, dash = e.context_line + 1, e.context_column + 1
    fields = _content_column(e.text(e.context_line)) + 1
    if e.column + 1 == dash:
        return e.plain(
            f"this line is inside the list that starts on line {start}, but it does not start with '- '",
            f"Start each item of the list with '- ' in column {dash}. If the line is not an item of the list, "
            "line it up with the fields it belongs with.",
            f"raden står i listan som börjar på rad {start}, men den börjar inte med '- '",
            f"Börja varje punkt i listan med '- ' i kolumn {dash}. Om raden inte är en punkt i listan, placera den i "
            "samma kolumn som de fält den hör till.",
            unsure=True,
        )
    if e.column + 1 == fields:
        return None
    return e.plain(
        f"this line starts in column {e.column + 1}, in line neither with the '- ' of the list on line {start} "
        f"(column {dash}) nor with the fields of its items (column {fields})",
        f"Start the line in column {fields} if it belongs to the item above, or in column {dash} with '- ' if it "
        "is a new item.",
        f"raden börjar i kolumn {e.column + 1} och står varken i linje med '- ' i listan på rad {start} "
        f"(kolumn {dash}) eller med fälten i listans punkter (kolumn {fields})",
        f"Börja raden i kolumn {fields} om den hör till punkten ovanför, eller i kolumn {dash} med '- ' om den är "
        "en ny punkt.",
        unsure=True,
    )


def _no_colon(e: _Error) -> Plain | None:
    """"could not find expected ':'": libyaml read a line as the start of a field and met the next line before
    its colon. The line to fix is the one it started on (the context), not the one it gave up on."""
    if e.problem != "could not find expected ':'" or e.context_line is None:
        return None
    at = {"line": e.context_line, "column": e.context_column}
    above = e.previous(e.context_line)
    item = e.text(above) if above is not None else ""
    if item.lstrip(" ").startswith("- ") and _indent(item) == e.context_column:
        return e.plain(
            "this line is in the list that the line above belongs to, but it does not start with '- '",
            f"Start each item of the list with '- ' in column {e.context_column + 1}.",
            "raden står i samma lista som raden ovanför, men den börjar inte med '- '",
            f"Börja varje punkt i listan med '- ' i kolumn {e.context_column + 1}.",
            unsure=True, **at,
        )
    glued = _glued(e, e.context_line)
    if glued is not None:
        return glued
    return e.plain(
        "this line has no ':' after a field's name",
        "Write fields as `name: value`, with a colon and a space after the name. If the line continues the text "
        "above it, indent it further than that field's name, or put the whole text in quotes.",
        "raden har inget ':' efter ett fältnamn",
        "Skriv fält som `namn: värde`, med kolon och mellanslag efter namnet. Om raden fortsätter texten ovanför, "
        "dra in den längre än det fältets namn, eller sätt hela texten inom citattecken.",
        unsure=True, **at,
    )


def _expected_key(e: _Error) -> Plain | None:
    """"did not find expected key" (the pure-Python parser: "expected <block end>, but found ..."): something
    that is not a field where a mapping's next field was expected."""
    if e.context != "while parsing a block mapping" or not (
            e.problem == "did not find expected key" or e.problem.startswith("expected <block end>")):
        return None
    line = e.text(e.line)
    before = line[:e.column].rstrip()
    key = _KEY.match(line)
    if key and before.endswith(("'", '"')) and key.end() < e.column and len(line) - key.end() <= _LONGEST:
        name, value = _name(key), _value_of(line, key.end())
        example = f"{name}: {_quoted(value)}"
        return e.plain(
            f"the value of '{name}' goes on after its closing quote; only the part in quotes can be the value",
            f"Put the whole value in quotes: {example}",
            f"värdet i '{name}' fortsätter efter det avslutande citattecknet; bara det som står inom citattecken "
            "kan vara värdet",
            f"Sätt hela värdet inom citattecken: {example}",
        )
    if before.strip():
        return None
    start = _unmarked_item(e, line)
    if start is not None:
        return e.plain(
            f"a list item ('- ') among fields: the list seems to start on line {start} without its '- '",
            f"Start every item of the list with '- ', the one on line {start} too; or, if this line is a field, "
            "remove its '- '.",
            f"en punkt i en lista ('- ') bland fält: listan verkar börja på rad {start} utan sitt '- '",
            f"Börja varje punkt i listan med '- ', även den på rad {start}; eller, om raden är ett fält, ta bort "
            "dess '- '.",
            unsure=True,
        )
    above = e.text(e.previous(e.line) or 0)
    columns = sorted({e.context_column + 1, _indent(above) + 1, _content_column(above) + 1})
    listed_en, listed_sv = listing("en", columns, "or"), listing("sv", columns, "or")
    return e.plain(
        f"this line starts in column {e.column + 1}, in line with none of the fields above it (column {listed_en})",
        "Start the line in the same column as the fields it belongs with.",
        f"raden börjar i kolumn {e.column + 1} och står inte i linje med något av fälten ovanför (kolumn {listed_sv})",
        "Börja raden i samma kolumn som de fält den hör till.",
        unsure=True,
    )


def _unmarked_item(e: _Error, line: str) -> int | None:
    """The line (1-based) where a list item without its '- ' starts, when the error's line is the next item:
    the unmarked item's fields stand where this item's '- ' stands (the pure-Python parser's context), or where
    its fields stand after the '- ' (libyaml's)."""
    if line[e.column:e.column + 1] != "-":
        return None
    if e.column == e.context_column:
        return e.context_line + 1
    fields = _content_column(line)
    above = e.previous(e.line)
    if above is None or _indent(e.text(above)) != fields or e.text(above).lstrip().startswith("-"):
        return None
    first = above
    while (earlier := e.previous(first)) is not None and _indent(e.text(earlier)) >= fields:
        first = earlier
    return first + 1


def _list_on_key_line(e: _Error) -> Plain | None:
    if e.problem != "block sequence entries are not allowed in this context":
        return None
    key = _KEY.match(e.text(e.line))
    if key is None:
        return None
    name = _name(key)
    return e.plain(
        f"a list cannot start on the same line as '{name}:'",
        f"Put each item on a line of its own under '{name}:', indented and starting with '- '. If the value is "
        "text that starts with '-', put it in quotes.",
        f"en lista kan inte börja på samma rad som '{name}:'",
        f"Skriv varje punkt på en egen rad under '{name}:', indragen och med '- ' först. Om värdet är text som "
        "börjar med '-', sätt den inom citattecken.",
    )


def _reserved_start(e: _Error) -> Plain | None:
    if e.problem != "found character that cannot start any token":
        return None
    char = e.text(e.line)[e.column:e.column + 1]
    if char not in {"@", "`", "%"}:
        return None
    return e.plain(
        f"a value cannot start with '{char}' unless it is in quotes",
        "Put the whole value in quotes (\"...\").",
        f"ett värde kan inte börja med '{char}' om det inte står inom citattecken",
        "Sätt hela värdet inom citattecken (\"...\").",
    )


_EXPLAINERS = (_tab, _mapping_value, _list_item, _no_colon, _expected_key, _list_on_key_line, _reserved_start)


def plain_words(exc: yaml.MarkedYAMLError, text: str) -> Plain | None:
    """What the writer most likely did, for the common syntax errors; None for the rest."""
    mark, context_mark = exc.problem_mark, exc.context_mark
    if mark is None or not exc.problem:
        return None
    error = _Error(exc.problem, exc.context or "", mark.line, mark.column,
                   context_mark.line if context_mark else None, context_mark.column if context_mark else None,
                   text.splitlines())
    for explain in _EXPLAINERS:
        plain = explain(error)
        if plain is not None:
            return plain
    return None
