"""Located data to models: schema validation with messages a municipal officer can act on."""

from __future__ import annotations

import difflib

from pydantic import BaseModel, ValidationError

from auditrack.findings import Category, Finding, Severity
from auditrack.loader.yamlfile import LoadedFile
from auditrack.models import FILE_KINDS
from auditrack.models.base import ID_PATTERN
from auditrack.models.introspect import field_names, model_at

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (one `- item` per line)",
    "dict_type": "a mapping of fields (`name: value` lines)",
    "model_type": "a mapping of fields (`name: value` lines)",
    "model_attributes_type": "a mapping of fields (`name: value` lines)",
}


def validate_file(loaded: LoadedFile) -> tuple[BaseModel | None, list[Finding]]:
    """Validate one parsed file against the schema its `kind:` names."""
    data = loaded.data
    if not isinstance(data, dict):
        return None, []
    kind = data.get("kind")
    if kind is None:
        return None, [_data_finding(
            loaded, ("kind",), "S001", "the file does not say what it holds: the `kind:` field is missing",
            f"Add `kind:` as the first field, with one of: {', '.join(FILE_KINDS)}.", key=True,
        )]
    model = FILE_KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        suggestion = _did_you_mean(str(kind), FILE_KINDS)
        return None, [_data_finding(
            loaded, ("kind",), "S001", f"unknown kind '{_short(str(kind))}'{suggestion}",
            f"Use one of: {', '.join(FILE_KINDS)}.",
        )]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, _findings_from(exc, loaded, model)


def _findings_from(exc: ValidationError, loaded: LoadedFile, model: type[BaseModel]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple] = set()
    errors = exc.errors(include_url=False)
    # A misspelt required field is one mistake: report the unknown field with its "did you mean",
    # not also the field it was meant to be as missing.
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc:
            parent = model_at(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), field_names(parent) if parent else [], n=1, cutoff=0.6)
            if close and loc[:-1] + (close[0],) in missing:
                seen.add(loc[:-1] + (close[0],))
    for error in errors:
        loc = tuple(error["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        findings.append(_describe(error, loc, loaded, model))
    return findings


def _describe(error: dict, loc: tuple, loaded: LoadedFile, model: type[BaseModel]) -> Finding:
    kind = error["type"]
    where = f" in '{_path_text(loc[:-1])}'" if len(loc) > 1 else ""
    name = _short(str(loc[-1])) if loc else "?"
    label = f"field '{_path_text(loc)}'" if loc else "the file"
    if kind == "missing":
        return _data_finding(
            loaded, loc[:-1], "S002", f"the required field '{name}' is missing{where}",
            f"Add `{name}:` with its value.",
        )
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = field_names(parent) if parent else []
        suggestion = _did_you_mean(str(name), allowed)
        hint = f"Allowed fields here: {', '.join(allowed)}." if allowed else "Remove the field."
        return _data_finding(
            loaded, loc, "S003", f"unknown field '{name}'{where}{suggestion}", hint, key=True,
        )
    value = error.get("input")
    shown = _show(value)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"{label}: {shown} is not one of the allowed values: {expected.replace(chr(39), '')}"
    elif kind.startswith("period_"):
        message = f"{label}: {error['msg']}"
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        if pattern == ID_PATTERN:
            message = (f"{label}: {shown} is not a valid id: use lower-case letters, digits, '.', '_' and '-', "
                       "starting with a letter or digit (e.g. 'ludvika-2022-r1')")
        else:
            message = f"{label}: {shown} does not have the expected form ({pattern})"
    elif kind in _EXPECTED:
        message = f"{label}: expected {_EXPECTED[kind]}, got {shown}"
    elif kind in {"string_too_short", "too_short"}:
        message = f"{label}: must not be empty"
    elif kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than", "string_too_long"}:
        message = f"{label}: {shown} is out of range ({error['msg'].lower()})"
    else:
        message = f"{label}: {error['msg']} (got {shown})"
    return _data_finding(loaded, loc, "S004", message, _hint_for(kind))


def _hint_for(kind: str) -> str | None:
    if kind.startswith("period_"):
        return "Write dates as YYYY-MM-DD, e.g. 2022-03-31."
    if kind == "literal_error":
        return "Use one of the values listed, spelt exactly as shown."
    if kind in {"list_type"}:
        return "Write each item on its own line starting with '- '."
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return "Write the fields indented under this key, one `name: value` per line."
    return None


def _path_text(loc: tuple) -> str:
    """A readable path into the file: `actions › item 2 › owner`; a very deep one keeps its last steps."""
    parts = [f"item {part + 1}" if isinstance(part, int) else _short(str(part)) for part in loc]
    if len(parts) > 6:
        parts = ["…", *parts[-5:]]
    return " › ".join(parts)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def _did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _data_finding(loaded: LoadedFile, loc: tuple, code: str, message: str, hint: str | None, key: bool = False) -> Finding:
    data = loaded.data if isinstance(loaded.data, dict) else {}
    subject = data.get("id") if isinstance(data.get("id"), str) else None
    org = data.get("organisation") if isinstance(data.get("organisation"), str) else None
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=loaded.locate(loc, key=key),
        subject=subject,
        organisation=org,
        category=Category.DATA,
        hint=hint,
    )
