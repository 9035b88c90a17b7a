"""Located data to models: schema validation with messages a municipal officer can act on."""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel, ValidationError

from auditrack.findings import Category, Finding, Severity, short
from auditrack.i18n import listing, words_of
from auditrack.loader.yamlfile import LoadedFile
from auditrack.models import FILE_KINDS
from auditrack.models.base import ID_PATTERN
from auditrack.models.introspect import field_names, model_at, reference_fields
from auditrack.old_forms import upgrade
from auditrack.suggest import Known, invalid_id, not_a_reference, remember

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
_EXPECTED_SV = {
    "string_type": "text",
    "int_type": "ett heltal",
    "int_parsing": "ett heltal",
    "int_from_float": "ett heltal",
    "float_type": "ett tal",
    "float_parsing": "ett tal",
    "bool_type": "true eller false",
    "bool_parsing": "true eller false",
    "list_type": "en lista (en `- punkt` per rad)",
    "dict_type": "en uppsättning fält (rader med `namn: värde`)",
    "model_type": "en uppsättning fält (rader med `namn: värde`)",
    "model_attributes_type": "en uppsättning fält (rader med `namn: värde`)",
}
# What a value out of range should be, in Swedish: (too small or too large, the limit as a phrase).
_RANGE_SV = {
    "greater_than_equal": ("för litet", "minst {ge}"),
    "greater_than": ("för litet", "större än {gt}"),
    "less_than_equal": ("för stort", "högst {le}"),
    "less_than": ("för stort", "mindre än {lt}"),
    "string_too_long": ("för långt", "högst {max_length} tecken långt"),
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
            sv="filen anger inte vad den innehåller: fältet `kind:` saknas",
            sv_hint=f"Lägg till `kind:` som första fält, med något av värdena: {', '.join(FILE_KINDS)}.",
        )]
    model = FILE_KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        suggestion, suggestion_sv = _did_you_mean(str(kind), FILE_KINDS)
        return None, [_data_finding(
            loaded, ("kind",), "S001", f"unknown kind '{short(str(kind))}'{suggestion}",
            f"Use one of: {', '.join(FILE_KINDS)}.",
            sv=f"`kind:` har ett okänt värde, '{short(str(kind))}'{suggestion_sv}",
            sv_hint=f"Använd något av värdena: {', '.join(FILE_KINDS)}.",
        )]
    old_forms = upgrade(loaded, kind)
    try:
        return model.model_validate(loaded.data), old_forms
    except ValidationError as exc:
        return None, old_forms + _findings_from(exc, loaded, model)


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
    where_sv = f" i '{_path_text(loc[:-1], 'sv')}'" if len(loc) > 1 else ""
    name = short(str(loc[-1])) if loc else "?"
    label = f"field '{_path_text(loc)}'" if loc else "the file"
    label_sv = f"fältet '{_path_text(loc, 'sv')}'" if loc else "filen"
    if kind == "missing":
        return _data_finding(
            loaded, loc[:-1], "S002", f"the required field '{name}' is missing{where}",
            f"Add `{name}:` with its value.",
            sv=f"det obligatoriska fältet '{name}' saknas{where_sv}", sv_hint=f"Lägg till `{name}:` och fältets värde.",
        )
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = field_names(parent) if parent else []
        suggestion, suggestion_sv = _did_you_mean(str(name), allowed)
        hint = f"Allowed fields here: {', '.join(allowed)}." if allowed else "Remove the field."
        hint_sv = f"Tillåtna fält här: {', '.join(allowed)}." if allowed else "Ta bort fältet."
        return _data_finding(
            loaded, loc, "S003", f"unknown field '{name}'{where}{suggestion}", hint, key=True,
            sv=f"okänt fält '{name}'{where_sv}{suggestion_sv}", sv_hint=hint_sv,
        )
    value = error.get("input")
    shown, shown_sv = _show(value), _show(value, "sv")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "").replace(chr(39), "")
        message = f"{label}: {shown} is not one of the allowed values: {expected}"
        message_sv = f"{label_sv}: {shown_sv} är inte ett av de tillåtna värdena: {_values_sv(expected, value)}"
    elif kind.startswith("period_"):
        message = f"{label}: {error['msg']}"
        if kind == "period_format":
            message_sv = (f"{label_sv}: '{error.get('ctx', {}).get('value', '')}' är inte ett giltigt datum: skriv "
                          "ÅÅÅÅ-MM-DD (2022-03-31), eller bara ÅÅÅÅ-MM, ÅÅÅÅ-Qn, ÅÅÅÅ-Hn eller ÅÅÅÅ när källan "
                          "inte anger mer")
        elif kind == "period_type":
            message_sv = f"{label_sv}: ett datum ska skrivas som text, till exempel 2022-03-31"
        else:
            message_sv = f"{label_sv}: {error['msg']}"
    elif kind.startswith("municipality_code_"):
        message = f"{label}: {error['msg']}"
        message_sv = f"{label_sv}: " + _MUNICIPALITY_CODE_SV[kind].format(**error.get("ctx", {}))
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        if pattern == ID_PATTERN and isinstance(value, str) and loc:
            return _not_an_id(loaded, loc, model, value, (label, label_sv))
        message = f"{label}: {shown} does not have the expected form ({pattern})"
        message_sv = f"{label_sv}: {shown_sv} har inte den form som krävs ({pattern})"
    elif kind in _EXPECTED:
        message = f"{label}: expected {_EXPECTED[kind]}, got {shown}"
        message_sv = f"{label_sv}: värdet ska vara {_EXPECTED_SV[kind]}, inte {shown_sv}"
    elif kind in {"string_too_short", "too_short"}:
        message = f"{label}: must not be empty"
        message_sv = f"{label_sv}: får inte vara tomt"
    elif kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than", "string_too_long"}:
        message = f"{label}: {shown} is out of range ({error['msg'].lower()})"
        problem, limit = _RANGE_SV[kind]
        try:
            limit = limit.format(**error.get("ctx", {}))
        except (KeyError, IndexError):
            limit = None
        message_sv = f"{label_sv}: {shown_sv} är {problem}" + (f" (värdet ska vara {limit})" if limit else "")
    elif kind == "too_long":
        limit = error.get("ctx", {}).get("max_length")
        message = f"{label}: more than the {limit} entries allowed"
        message_sv = f"{label_sv}: fler än de {limit} poster som är tillåtna"
    else:
        # pydantic's own message, which we cannot translate reliably, stays in English
        message = f"{label}: {error['msg']} (got {shown})"
        message_sv = f"{label_sv}: {error['msg']} (värdet är {shown_sv})"
    return _data_finding(loaded, loc, "S004", message, _hint_for(kind), sv=message_sv, sv_hint=_hint_for(kind, "sv"))


def _values_sv(expected: str, value) -> str:
    """pydantic's 'a, b or c' in Swedish, each value with its Swedish word where the reports use one ('done
    (genomförd)'); a value written as its Swedish word is pointed to the value to write."""
    first, _, last = expected.rpartition(" or ")
    values = [v.strip() for v in first.split(",") if v.strip()] + [last.strip()]
    words = words_of("sv", values) or {}
    shown = [f"{v} ({words[v]})" if words.get(v, v) != v else v for v in values]
    listed = listing("sv", shown, "or")
    meant = next((v for v in values if isinstance(value, str) and words.get(v, "").lower() == value.strip().lower()),
                 None)
    return listed + (f"; för '{value.strip()}' skriver man '{meant}'" if meant and meant != value else "")


_MUNICIPALITY_CODE_SV = {
    "municipality_code_type": 'skriv koden som text, till exempel "2061"',
    "municipality_code_format": ("'{value}' är ingen kod: SCB:s koder har fyra siffror för en kommun (\"2085\" Ludvika) "
                                 "och två för en region (\"20\" Region Dalarna)"),
    "municipality_code_unknown": "'{value}' finns inte i SCB:s lista över Sveriges kommuner och regioner",
    "municipality_code_name": "'{value}' är {coded_sv}, men namnet '{name}' är {meant_sv}",
}


def _not_an_id(loaded: LoadedFile, loc: tuple, model: type[BaseModel], value: str, label: tuple[str, str]) -> Finding:
    """A value that is not an id: the id it was probably meant to be; for a reference, also what it refers to,
    where such records live and, once the organisation's records are indexed, the closest existing ids."""
    kinds = _reference_kinds(model, loc)
    if kinds is None:
        texts = invalid_id(label, loc[-1], value)
        return _data_finding(loaded, loc, "S004", texts.message, texts.hint, sv=texts.message_sv, sv_hint=texts.hint_sv)
    organisation = _organisation_of(loaded.data)
    texts = not_a_reference(label, loc[-1], value, kinds, Known(None, organisation))
    finding = _data_finding(loaded, loc, "S004", texts.message, texts.hint, sv=texts.message_sv, sv_hint=texts.hint_sv)
    remember(finding, label, loc[-1], value, kinds, organisation)
    return finding


def _reference_kinds(model: type[BaseModel], loc: tuple) -> tuple[str, ...] | None:
    """The kinds of record the field at `loc` refers to (a list of references included), or None."""
    items = isinstance(loc[-1], int)
    if items and len(loc) < 2:
        return None
    name, parent_loc = (loc[-2], loc[:-2]) if items else (loc[-1], loc[:-1])
    parent = model_at(model, parent_loc)
    if parent is None:
        return None
    return next((ref.kinds for _, key, ref in reference_fields(parent) if key == name), None)


def _organisation_of(data) -> str:
    """The organisation a file's records belong to, as a path can show it: '<org>' when it is not an id."""
    data = data if isinstance(data, dict) else {}
    found = data.get("id") if data.get("kind") == "organisation" else data.get("organisation")
    return found if isinstance(found, str) and re.match(ID_PATTERN, found) else "<org>"


_HINTS = {
    "period": ("Write dates as YYYY-MM-DD, e.g. 2022-03-31.", "Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2022-03-31."),
    "literal": ("Use one of the values listed, spelt exactly as shown.",
                "Använd ett av de uppräknade värdena, stavat exakt som det står."),
    "list": ("Write each item on its own line starting with '- '.",
             "Skriv varje punkt på en egen rad som börjar med '- '."),
    "municipality_code": ('Use the code of the organisation in SCB\'s list, in quotes: "2085" for Ludvika kommun, '
                          '"20" for Region Dalarna.',
                          'Ange organisationens kod i SCB:s lista, inom citattecken: "2085" för Ludvika kommun, '
                          '"20" för Region Dalarna.'),
    "mapping": ("Write the fields indented under this key, one `name: value` per line.",
                "Skriv fälten indragna under den här nyckeln, ett `namn: värde` per rad."),
}


def _hint_for(kind: str, lang: str = "en") -> str | None:
    if kind.startswith("period_"):
        key = "period"
    elif kind == "literal_error":
        key = "literal"
    elif kind.startswith("municipality_code_"):
        key = "municipality_code"
    elif kind in {"list_type"}:
        key = "list"
    elif kind in {"dict_type", "model_type", "model_attributes_type"}:
        key = "mapping"
    else:
        return None
    return _HINTS[key][1 if lang == "sv" else 0]


def _path_text(loc: tuple, lang: str = "en") -> str:
    """A readable path into the file: `actions › item 2 › owner` (sv: `actions › punkt 2 › owner`); a very deep
    one keeps its last steps."""
    item = "punkt" if lang == "sv" else "item"
    parts = [f"{item} {part + 1}" if isinstance(part, int) else short(str(part)) for part in loc]
    if len(parts) > 6:
        parts = ["…", *parts[-5:]]
    return " › ".join(parts)


def _show(value, lang: str = "en") -> str:
    if value is None:
        return "ett tomt värde" if lang == "sv" else "an empty value"
    if isinstance(value, dict):
        return "en uppsättning fält" if lang == "sv" else "a mapping"
    if isinstance(value, list):
        return "en lista" if lang == "sv" else "a list"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def _did_you_mean(word: str, options) -> tuple[str, str]:
    """'; did you mean ...?' in English and in Swedish, or nothing when no option is close."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return (f"; did you mean '{close[0]}'?", f"; menade du '{close[0]}'?") if close else ("", "")


def _data_finding(loaded: LoadedFile, loc: tuple, code: str, message: str, hint: str | None, key: bool = False, *,
                  sv: str | None = None, sv_hint: str | None = None) -> Finding:
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
        translations={"sv": (sv, sv_hint)} if sv else {},
    )
