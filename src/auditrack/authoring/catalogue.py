"""Every kind's fields as a person needs them: type, required or not, allowed values, meaning and an example.

Read from the models (the same source as the JSON Schemas), so the field reference, `auditrack explain` and
the comments in `auditrack new`'s files cannot drift from what `check` accepts. The examples are taken from
the example repository `auditrack init` writes, so each one is a value that checks.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from functools import cache

from pydantic import BaseModel

from auditrack.authoring.swedish import DESCRIPTIONS_SV
from auditrack.i18n import word
from auditrack.models import FILE_KINDS
from auditrack.models.base import Period, RefTo
from auditrack.models.docstrings import field_docstrings

# The i18n word group that names each Literal's values, where one does (e.g. an action's status).
_VALUE_WORDS = {
    ("Action", "status"): "action-status", ("Assessment", "status"): "grade", ("Position", "stance"): "stance",
    ("RevisionQuestion", "verdict"): "verdict", ("Verdict", "grade"): "verdict", ("Body", "type"): "body-type",
    ("Meetings", "cadence"): "cadence", ("Programme", "form"): "form", ("Mandate", "type"): "mandate-type",
    ("Mandate", "regulates"): "topic", ("GoverningDocument", "regulates"): "topic",
    ("ReportGiven", "covered"): "content", ("ReportingRequirement", "required_content"): "content",
    ("Evaluation", "subject"): "subject", ("Goal", "direction"): "direction", ("GoalFile", "direction"): "direction",
    ("Observation", "category"): "observation-category",
}
FIRST_KEYS = ("kind", "organisation", "id")
"""The keys every file starts with, in this order; `source` and `waivers` come last."""
LAST_KEYS = ("resolves", "source", "waivers")


@dataclass(frozen=True)
class Field:
    """One field of a model, as the reference describes it."""

    owner: type[BaseModel]
    key: str
    required: bool
    type_en: str
    type_sv: str
    values: tuple[str, ...]
    """The allowed values, for a field with a fixed set of them."""
    value_words: str | None
    """The i18n word group with the Swedish words for `values`."""
    refers_to: tuple[str, ...]
    """The kinds of record the field names by id."""
    model: type[BaseModel] | None
    """The model of the field's value (or of each item of a list), when it has fields of its own."""
    is_list: bool
    default: object
    description_en: str | None
    description_sv: str | None

    def description(self, lang: str) -> str | None:
        """The field's meaning; in Swedish only where it has been translated, else the English text."""
        return (self.description_sv or self.description_en) if lang == "sv" else self.description_en

    def value_word(self, value: str, lang: str) -> str | None:
        """The word for one allowed value in `lang`, when it differs from the value."""
        if self.value_words is None:
            return None
        found = word(lang, self.value_words, value)
        return found if found != value else None


def fields_of(model: type[BaseModel], top: bool = False) -> list[Field]:
    """The fields of `model`; for a file's model (`top`), `kind`, `organisation` and `id` first and `source`,
    `waivers` last, as the files are written."""
    found = [_field(model, name) for name in model.model_fields]
    if not top:
        return found
    rank = {key: i for i, key in enumerate(FIRST_KEYS)}
    first = sorted((f for f in found if f.key in rank), key=lambda f: rank[f.key])
    last = [f for key in LAST_KEYS for f in found if f.key == key]
    return first + [f for f in found if f.key not in rank and f.key not in LAST_KEYS] + last


def kind_fields(kind: str) -> list[Field]:
    return fields_of(FILE_KINDS[kind], top=True)


def find(kind: str, path: str) -> Field | None:
    """The field at `path` of a kind's files: 'owner' is searched for in nested models too when it is not a
    top-level field; 'actions.owner' names it exactly."""
    parts = path.split(".")
    fields = kind_fields(kind)
    for depth, part in enumerate(parts):
        match = next((f for f in fields if f.key == part), None)
        if match is None:
            return _search(kind_fields(kind), part) if len(parts) == 1 else None
        if depth == len(parts) - 1:
            return match
        if match.model is None:
            return None
        fields = fields_of(match.model)
    return None


def _search(fields: list[Field], key: str, seen: frozenset = frozenset()) -> Field | None:
    """The first field named `key` in the nested models, breadth first."""
    nested = [f.model for f in fields if f.model is not None and f.model not in seen]
    for model in nested:
        hit = next((f for f in fields_of(model) if f.key == key), None)
        if hit is not None:
            return hit
    for model in nested:
        hit = _search(fields_of(model), key, seen | set(nested))
        if hit is not None:
            return hit
    return None


def path_of(kind: str, target: Field) -> str:
    """'actions.owner': where `target` is in a kind's files (the first place, breadth first)."""
    queue: list[tuple[str, type[BaseModel]]] = [("", FILE_KINDS[kind])]
    seen: set[type[BaseModel]] = set()
    while queue:
        prefix, model = queue.pop(0)
        for f in fields_of(model, top=not prefix):
            if f.owner is target.owner and f.key == target.key:
                return prefix + f.key
            if f.model is not None and f.model not in seen:
                seen.add(f.model)
                queue.append((f"{prefix}{f.key}.", f.model))
    return target.key


def _field(model: type[BaseModel], name: str) -> Field:
    info = model.model_fields[name]
    annotation = info.annotation
    values = _literal_values(annotation)
    refers = _refers_to(annotation, info.metadata)
    nested = _nested_model(annotation)
    is_list = _is_list(annotation)
    type_en, type_sv = _type_words(annotation, refers, values, nested, is_list)
    doc = info.description or field_docstrings(model).get(name) or _nested_doc(nested)
    doc = " ".join(doc.split()) if doc else None
    key = info.alias or name
    group = _VALUE_WORDS.get((model.__name__, name)) or _word_group(values)
    return Field(model, key, info.is_required(), type_en, type_sv, values, group, refers, nested, is_list,
                 None if info.is_required() else _default(info), doc,
                 DESCRIPTIONS_SV.get(f"{model.__name__}.{name}"))


def _word_group(values: tuple[str, ...]) -> str | None:
    """The word group that names exactly these values (an update's statuses are an action's), when one does."""
    from auditrack.i18n import WORDS

    wanted = set(values)
    return next((name for name, words in WORDS["sv"].items() if wanted and set(words) == wanted), None)


def _default(info):
    """A field's default value. Our factories take no argument; pydantic 2.10's get_default(call_default_factory=True)
    insists on validated data, so the factory is called here."""
    return info.default_factory() if info.default_factory is not None else info.default


def _nested_doc(model: type[BaseModel] | None) -> str | None:
    """A field without a docstring of its own is described by its model's docstring."""
    if model is None or not model.__doc__:
        return None
    return " ".join(model.__doc__.split())


def _args(annotation) -> tuple:
    return typing.get_args(annotation)


def _strip_optional(annotation):
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in _args(annotation) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return annotation


def _is_list(annotation) -> bool:
    return typing.get_origin(_strip_optional(annotation)) is list


def _item(annotation):
    annotation = _strip_optional(annotation)
    return _args(annotation)[0] if typing.get_origin(annotation) is list else annotation


def _literal_values(annotation) -> tuple[str, ...]:
    item = _item(annotation)
    if typing.get_origin(item) is typing.Annotated:
        item = _args(item)[0]
    return tuple(str(v) for v in _args(item)) if typing.get_origin(item) is typing.Literal else ()


def _refers_to(annotation, metadata) -> tuple[str, ...]:
    for entry in metadata:
        if isinstance(entry, RefTo):
            return entry.kinds
    item = _item(annotation)
    for entry in getattr(item, "__metadata__", ()):
        if isinstance(entry, RefTo):
            return entry.kinds
    return ()


def _nested_model(annotation) -> type[BaseModel] | None:
    item = _item(annotation)
    return item if isinstance(item, type) and issubclass(item, BaseModel) else None


def _scalar_words(item, refers: tuple[str, ...], values: tuple[str, ...], nested) -> tuple[str, str]:
    if refers:
        kinds_en = " or ".join(word("en", "kind", k) for k in refers)
        return (f"id of {'an' if kinds_en[0] in 'aeiou' else 'a'} {kinds_en}",
                f"id för {' eller '.join(word('sv', 'kind', k) for k in refers)}")
    if values:
        return "one of the values below", "ett av värdena nedan"
    if nested is not None:
        return "fields (see below)", "fält (se nedan)"
    base = _args(item)[0] if typing.get_origin(item) is typing.Annotated else item
    if base is Period or base is date:
        return "date", "datum"
    if base is bool:
        return "true or false", "true eller false"
    if base is int:
        return "whole number", "heltal"
    if base is float:
        return "number", "tal"
    if typing.get_origin(base) is dict:
        return "name: number pairs", "par av namn: tal"
    return "text", "text"


def _type_words(annotation, refers, values, nested, is_list) -> tuple[str, str]:
    en, sv = _scalar_words(_item(annotation), refers, values, nested)
    if is_list:
        return f"list of: {en}", f"lista med: {sv}"
    return en, sv


@cache
def examples() -> dict[str, dict]:
    """Kind → the data of `auditrack init`'s example file of that kind (dated as if written on 2026-01-15)."""
    from auditrack.loader.yamlfile import load_bytes
    from auditrack.scaffold import Organisation, render

    out: dict[str, dict] = {}
    for path, text in render(Organisation("exempel", "Exempel kommun"), date(2026, 1, 15)).items():
        if path.startswith(("governance/", "recommendations/")):
            data = load_bytes(text.encode("utf-8"), path).data
            if isinstance(data, dict) and isinstance(data.get("kind"), str):
                out.setdefault(data["kind"], data)
    return out


def example(kind: str, path: str) -> object | None:
    """The example value at a dotted `path` of a kind's files (the first item of each list on the way)."""
    value: object = examples().get(kind)
    for part in path.split("."):
        while isinstance(value, list) and value:
            value = value[0] if isinstance(value[0], dict) else value
            if not isinstance(value, dict):
                break
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value
