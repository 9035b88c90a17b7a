"""The text of a new data file: the values given, and every other field as a line to fill in with a comment
saying what it means, in Swedish or English.

Nothing is invented. A field left to fill in is empty (`date:`), an empty list (`criteria: []`), or, when it
has a default, commented out with that default (`# standing: false`); each of those checks as it stands. What
the repository suggests (one position per recommendation, say) is written as a commented-out block to take in,
since its required values (the stance) are for the officer to decide.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from auditrack.authoring.catalogue import Field, fields_of, kind_fields
from auditrack.authoring.known import Known
from auditrack.editing.render import block_item, flow

MAX_CHOICES = 10
"""Existing ids listed in one comment at most; `auditrack ids KIND` lists them all."""

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

TEXTS = {
    "sv": {
        "intro": "# Fyll i det som källan anger och lämna resten tomt; skriv aldrig in en gissning.\n"
                 "# `auditrack explain {kind} FÄLT` förklarar ett fält, `auditrack check` kontrollerar filen.\n",
        "values": "Värden: {values}.",
        "existing": "Befintliga: {ids}.",
        "more": "och {n} till (`auditrack ids {kind}`)",
        "none-yet": "Ännu finns ingen post av typen {kind}.",
        "items": "Varje punkt har fälten {fields}{starred} (`auditrack explain {kind} {key}`).",
        "fields": "Fälten är {fields}{starred} (`auditrack explain {kind} {key}`).",
        "starred": "; * är obligatoriskt",
        "default": "Standardvärdet står här; ta bort '# ' och ändra det vid behov.",
        "take-in": "# Förslag utifrån det som redan finns: ta bort '# ' framför raderna du vill ha med och fyll i dem.\n",
    },
    "en": {
        "intro": "# Fill in what the source gives and leave the rest empty; never write in a guess.\n"
                 "# `auditrack explain {kind} FIELD` explains a field, `auditrack check` checks the file.\n",
        "values": "Values: {values}.",
        "existing": "Existing: {ids}.",
        "more": "and {n} more (`auditrack ids {kind}`)",
        "none-yet": "No {kind} is recorded yet.",
        "items": "Each item has the fields {fields}{starred} (`auditrack explain {kind} {key}`).",
        "fields": "Its fields are {fields}{starred} (`auditrack explain {kind} {key}`).",
        "starred": "; * is required",
        "default": "The default is shown; remove '# ' and change it if needed.",
        "take-in": "# Suggested from what the repository holds: remove '# ' before the lines you want, and fill them in.\n",
    },
}


@dataclass
class Draft:
    """What a new file holds before it is written out."""

    kind: str
    organisation: str
    schema: str
    """The path of the kind's JSON Schema, relative to the file."""
    given: dict[str, object]
    """Field → value: text, or a list of texts."""
    blocks: dict[str, list[str]] = field(default_factory=dict)
    """Field → the lines of a suggested value, written commented out instead of the empty field."""


def render(draft: Draft, known: Known, lang: str) -> str:
    texts = TEXTS[lang]
    out = [f"# yaml-language-server: $schema={draft.schema}\n", texts["intro"].format(kind=draft.kind)]
    for f in kind_fields(draft.kind):
        if f.key in draft.given:
            value = draft.given[f.key]
            if isinstance(value, list) and value and isinstance(value[0], dict):
                out.append(f"{f.key}:\n" + "".join(block_item(item, 2, "\n") for item in value))
            elif isinstance(value, dict):
                out.append(f"{f.key}:\n" + "".join(f"  {key}: {flow(item)}\n" for key, item in value.items()))
            else:
                out.append(f"{f.key}: {_value(value)}\n")
            if f.key in draft.blocks:  # the suggestions not given, still to take in
                out.append(texts["take-in"])
                out.extend(f"# {line}\n" if line else "#\n" for line in draft.blocks[f.key])
            continue
        out.append(_comment(_about(f, draft, known, lang)))
        if f.key in draft.blocks:
            out.append(texts["take-in"])
            out.extend(f"# {line}\n" if line else "#\n" for line in draft.blocks[f.key])
        elif f.default not in (None, []):
            out.append(f"# {f.key}: {_value(_plain_default(f.default))}\n")
        else:
            out.append(f"{f.key}: []\n" if f.is_list else f"{f.key}:\n")
    return "".join(out)


def _about(f: Field, draft: Draft, known: Known, lang: str) -> str:
    """What the comment above a field to fill in says: its meaning, its values or the ids to choose from."""
    texts = TEXTS[lang]
    parts = [f.description(lang) or ""]
    if f.model is None and not f.values:  # a nested model's fields and a field's values are listed instead
        parts.append(f"({f.type_sv if lang == 'sv' else f.type_en})")
    if f.values:
        parts.append(texts["values"].format(values=", ".join(_valued(f, v, lang) for v in f.values)))
    if f.refers_to:
        parts.append(choices(known, f.refers_to, draft.organisation, lang))
    if f.model is not None:
        subfields = fields_of(f.model)
        keys = ", ".join(s.key + ("*" if s.required else "") for s in subfields)
        starred = texts["starred"] if any(s.required for s in subfields) else ""
        parts.append(texts["items" if f.is_list else "fields"].format(fields=keys, starred=starred, kind=draft.kind,
                                                                       key=f.key))
    if f.default not in (None, []):
        parts.append(texts["default"])
    return " ".join(p for p in parts if p)


def choices(known: Known, kinds: tuple[str, ...], organisation: str, lang: str) -> str:
    """'Existing: ks (Kommunstyrelsen), sn (Socialnämnden).' for a reference field."""
    from auditrack.i18n import listing, word

    texts = TEXTS[lang]
    found = [(id_, name) for kind in kinds for _, id_, name in known.named(kind, organisation)]
    if not found:
        return texts["none-yet"].format(kind=listing(lang, [word(lang, "kind", k) for k in kinds], "or"))
    shown = [f"{id_} ({name})" if name else id_ for id_, name in found[:MAX_CHOICES]]
    if len(found) > MAX_CHOICES:
        shown.append(texts["more"].format(n=len(found) - MAX_CHOICES, kind=kinds[0]))
    return texts["existing"].format(ids=", ".join(shown))


def _valued(f: Field, value: str, lang: str) -> str:
    said = f.value_word(value, lang) if lang == "sv" else None
    return f"{value} ({said})" if said else value


def _comment(text: str, width: int = 100) -> str:
    """`text` as comment lines of at most about `width` characters."""
    lines, line = [], "#"
    for token in text.split():
        if len(line) + 1 + len(token) > width and line != "#":
            lines.append(line)
            line = "#"
        line += " " + token
    lines.append(line)
    return "\n".join(lines) + "\n"


def _plain_default(value: object) -> object:
    return str(value).lower() if isinstance(value, bool) else value


def _value(value: object) -> str:
    """A YAML value: plain when it is an id, a date or a word, else in double quotes (JSON's string syntax is a
    subset of YAML's); a list in flow style."""
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    text = str(value)
    return text if _PLAIN.match(text) else json.dumps(text, ensure_ascii=False)
