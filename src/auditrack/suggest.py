"""What to tell an officer who wrote an id wrong: the id it was probably meant to be, the closest existing ids,
and where a new record of the kind would go.

Schema validation (a value that is not an id at all, such as `owner: Anna Svensson, socialchef`) and the index
(an id that names no record) both use it, so the two read alike. Every text comes in English and in Swedish.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import NamedTuple

from auditrack.i18n import listing, word
from auditrack.models.base import ID_PATTERN

_VALID_ID = re.compile(ID_PATTERN)
_NOT_ID = re.compile(r"[^a-z0-9._-]+")
# Letters NFKD does not take apart into a plain letter and an accent.
_SPELT_OUT = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "ð": "d", "þ": "th", "ł": "l"})
MAX_SHOWN = 5
"""Ids listed at most: a handful to choose from, not the organisation's whole register."""

ID_RULE = ("ids use a–z without å, ä and ö, digits, '.', '_' and '-', and start with a letter or digit",
           "id skrivs med a–z utan å, ä och ö, siffror, '.', '_' och '-', och börjar med en bokstav eller siffra")


def _folded(text: str) -> str:
    """`text` in the letters an id may hold: small, without accents, other characters as '-'."""
    text = unicodedata.normalize("NFKD", text.strip().lower().translate(_SPELT_OUT))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"-{2,}", "-", _NOT_ID.sub("-", text)).strip("-._")


def as_id(text: str) -> str | None:
    """The valid id `text` was probably meant to be: 'Hemtjänst' → 'hemtjanst', 'Smedjebacken' → 'smedjebacken',
    'Anna Svensson' → 'anna-svensson'; None when nothing is left or `text` is an id already."""
    folded = _folded(text)[:80].strip("-._")
    return folded if folded and folded != text and _VALID_ID.match(folded) else None


def closest(value: str, options) -> list[str]:
    """The ids among `options` closest to `value`, best first, at most MAX_SHOWN. A value that is not an id is
    compared as an id and word by word, so `Anna Svensson, socialchef` finds `socialchef`."""
    variants = {value, _folded(value)}
    if _NOT_ID.search(value):
        variants.update(_folded(part) for part in re.split(r"[\s,;:/()]+", value))
    variants.discard("")
    scored = []
    for option in options:
        matcher = difflib.SequenceMatcher(b=option)
        best = 0.0
        for variant in variants:
            matcher.set_seq1(variant)
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
                best = max(best, matcher.ratio())
        if best >= 0.6 or _part_of(value, option):
            # An id's last parts, as lists and short forms show it ('a1' for 'svar-ks-a1'), come first.
            scored.append((-2.0 if _part_of(value, option) else -best, option))
    return [option for _, option in sorted(scored)[:MAX_SHOWN]]


def _part_of(value: str, option: str) -> bool:
    """Whether `value` is the last parts of the id `option`, after one of its '-': 'a1' or 'socialnamnden-a1' of
    'svar-socialnamnden-a1'."""
    return len(value) < len(option) and option.endswith("-" + value)


def _quoted(ids, lang: str, conjunction: str = "or") -> str:
    return listing(lang, [f"'{i}'" for i in ids], conjunction)


def kind_words(kinds: tuple[str, ...], lang: str) -> str:
    """'role or body' (en), 'roll eller organ' (sv: as the messages name them after 'av typen')."""
    return listing(lang, [word(lang, "kind", k) for k in kinds], "or")


def _articled(kinds: tuple[str, ...]) -> str:
    """'a role or body', 'an audit report'."""
    words = kind_words(kinds, "en")
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


_FOLDERS = {
    "programme": "programmes", "goal": "goals", "indicator": "indicators", "body": "bodies", "role": "roles",
    "mandate": "mandates", "reporting-requirement": "reporting", "evaluation": "evaluations",
    "intervention": "interventions", "document": "documents",
}
"""Where each kind of governance record lives, as docs/data-layout.md lays it out."""
_REPORT = {"en": "recommendations/{org}/<year>-<slug>/report.yaml", "sv": "recommendations/{org}/<år>-<namn>/report.yaml"}


def home(kind: str, organisation: str, lang: str) -> str | None:
    """Where records of `kind` are kept: 'governance/acme/roles/'."""
    if kind in _FOLDERS:
        return f"governance/{organisation}/{_FOLDERS[kind]}/"
    if kind == "organisation":
        return "governance/<id>/organisation.yaml"
    if kind in {"audit-report", "recommendation"}:
        return _REPORT[lang].format(org=organisation)
    return None


def new_record(kind: str, organisation: str, id_: str, lang: str) -> str | None:
    """Where a new record of `kind` with this id would go: 'governance/acme/roles/kss.yaml (kind: role)'."""
    if kind in _FOLDERS:
        return f"governance/{organisation}/{_FOLDERS[kind]}/{id_}.yaml (kind: {kind})"
    if kind == "organisation":
        return f"governance/{id_}/organisation.yaml (kind: organisation)"
    if kind == "audit-report":
        return f"{_REPORT[lang].format(org=organisation)} (kind: audit-report)"
    if kind == "recommendation":
        where = _REPORT[lang].format(org=organisation)
        return (f"en punkt under `recommendations:` i {where}" if lang == "sv"
                else f"an item under `recommendations:` in {where}")
    return None


def _new_records(kinds: tuple[str, ...], organisation: str, id_: str, lang: str) -> str | None:
    places = [p for p in (new_record(k, organisation, id_, lang) for k in kinds) if p]
    return listing(lang, places, "or") if places else None


class Known(NamedTuple):
    """The ids of the wanted kinds that exist in the organisation (None: not known where the text is made)."""

    ids: tuple[str, ...] | None
    organisation: str


def _choices(value: str, kinds: tuple[str, ...], known: Known) -> tuple[str, str, str | None]:
    """What to offer instead of `value`, as the end of a message in English and in Swedish, and the best
    single id to show in an example: the closest existing ids; with none close, the few that exist; without
    any known, the id `value` was probably meant to be."""
    if known.ids is None:
        meant = as_id(value)
        return ((f"; did you mean '{meant}'?", f"; menade du '{meant}'?", meant) if meant else ("", "", None))
    close = closest(value, known.ids)
    if close:
        return f"; did you mean {_quoted(close, 'en')}?", f"; menade du {_quoted(close, 'sv')}?", close[0]
    if not known.ids:
        return (f"; no {kind_words(kinds, 'en')} is recorded yet",
                f"; ännu finns ingen post av typen {kind_words(kinds, 'sv')}", None)
    if len(known.ids) == 1:
        return f"; the only existing id is '{known.ids[0]}'", f"; det enda befintliga id:t är '{known.ids[0]}'", None
    if len(known.ids) <= MAX_SHOWN:
        shown = sorted(known.ids)
        return (f"; the existing ids are {_quoted(shown, 'en', 'and')}",
                f"; de befintliga id:na är {_quoted(shown, 'sv', 'and')}", None)
    return "", "", None


class Texts(NamedTuple):
    """A message and its hint, in English and in Swedish."""

    message: str
    hint: str
    message_sv: str
    hint_sv: str


def unknown_reference(target: str, kinds: tuple[str, ...], known: Known) -> Texts:
    """An id that is well formed but names no record of `kinds` in the organisation (X001)."""
    org = known.organisation
    choices_en, choices_sv, _ = _choices(target, kinds, known)
    wanted = kind_words(kinds, "en")
    new_en, new_sv = _new_records(kinds, org, target, "en"), _new_records(kinds, org, target, "sv")
    if kinds == ("organisation",):
        return Texts(f"unknown organisation '{target}'{choices_en}",
                     f"Correct the id, or add the organisation: {new_en}.",
                     f"organisationen '{target}' finns inte{choices_sv}",
                     f"Rätta id:t, eller lägg till organisationen: {new_sv}.")
    return Texts(
        f"unknown {wanted} '{target}' in organisation '{org}'{choices_en}",
        f"Use the id of an existing {wanted}" + (f", or add a new one: {new_en}." if new_en else "."),
        f"'{target}' finns inte som {kind_words(kinds, 'sv')} i organisationen '{org}'{choices_sv}",
        f"Ange id för en befintlig post av typen {kind_words(kinds, 'sv')}" + (f", eller lägg till en ny: {new_sv}." if new_sv else "."),
    )


def invalid_id(label: tuple[str, str], key: str | int, value: str) -> Texts:
    """A value that is not an id where a record's own id is wanted (S004): `label` names the field (English,
    Swedish) and `key` is the field's name, or an item's index in a list."""
    shown, meant = _shown(value), as_id(value)
    if meant is None:
        return Texts(
            f"{label[0]}: '{shown}' is not a valid id: {ID_RULE[0]}",
            "Write the id with a–z, digits, '.', '_' and '-' only, e.g. 'ludvika-2022-r1'.",
            f"{label[1]}: '{shown}' är inte ett giltigt id: {ID_RULE[1]}",
            "Skriv id:t med bara a–z, siffror, '.', '_' och '-', till exempel 'ludvika-2022-r1'.",
        )
    example = f"`{key}: {meant}`" if isinstance(key, str) else f"'{meant}'"
    return Texts(
        f"{label[0]}: '{shown}' is not a valid id: {ID_RULE[0]}; did you mean '{meant}'?",
        f"Write {example}, and use that id wherever the record is referred to.",
        f"{label[1]}: '{shown}' är inte ett giltigt id: {ID_RULE[1]}; menade du '{meant}'?",
        f"Skriv {example} och använd samma id överallt där det hänvisas till posten.",
    )


def not_a_reference(label: tuple[str, str], key: str | int, value: str, kinds: tuple[str, ...], known: Known) -> Texts:
    """A value that is not an id where a reference to a record of `kinds` is wanted (S004), such as
    `owner: Anna Svensson, socialchef`: what the field holds, where such records live, and what to write."""
    org = known.organisation
    where_en = listing("en", [h for h in (home(k, org, "en") for k in kinds) if h], "or")
    where_sv = listing("sv", [h for h in (home(k, org, "sv") for k in kinds) if h], "or")
    choices_en, choices_sv, best = _choices(value, kinds, known)
    if isinstance(key, str):
        field_en, field_sv = f"'{key}' is the id of", f"'{key}' ska vara id för"
        example_en, example_sv = (f", e.g. `{key}: {best}`", f", till exempel `{key}: {best}`") if best else ("", "")
    else:
        field_en, field_sv = "each item here is the id of", "varje punkt här ska vara id för"
        example_en, example_sv = (f", e.g. '{best}'", f", till exempel '{best}'") if best else ("", "")
    new_en, new_sv = _new_records(kinds, org, "<id>", "en"), _new_records(kinds, org, "<id>", "sv")
    return Texts(
        f"{label[0]}: '{_shown(value)}' is not an id: {field_en} {_articled(kinds)} in {where_en}{choices_en}",
        f"Write the id of an existing {kind_words(kinds, 'en')}{example_en}"
        + (f", or add a new one: {new_en}" if new_en else "") + f". {_sentence(ID_RULE[0])}.",
        f"{label[1]}: '{_shown(value)}' är inte ett id: {field_sv} en post av typen {kind_words(kinds, 'sv')} i "
        f"{where_sv}{choices_sv}",
        f"Ange id för en befintlig post av typen {kind_words(kinds, 'sv')}{example_sv}"
        + (f", eller lägg till en ny: {new_sv}" if new_sv else "") + f". {_sentence(ID_RULE[1])}.",
    )


def _shown(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


# A value that is not an id is found while one file is validated, before the organisation's other files are
# read; the closest existing ids are only known once they are indexed. The finding keeps what it needs to be
# written again then.
_PENDING = "not-an-id"


class _Pending(NamedTuple):
    label: tuple[str, str]
    key: str | int
    value: str
    kinds: tuple[str, ...]
    organisation: str


def apply(finding, texts: Texts) -> None:
    """Put `texts` on `finding`: its English message and hint, and the Swedish translation."""
    finding.message, finding.hint = texts.message, texts.hint
    finding.translations["sv"] = (texts.message_sv, texts.hint_sv)


def remember(finding, label: tuple[str, str], key: str | int, value: str, kinds: tuple[str, ...],
             organisation: str) -> None:
    """Mark a not-an-id finding about a reference, to list the closest existing ids once they are known."""
    finding.extra[_PENDING] = _Pending(label, key, value, kinds, organisation)


def suggest_existing(findings, ids_of) -> None:
    """Rewrite the marked findings among `findings` with the closest existing ids: `ids_of(organisation,
    kinds)` gives the ids of those kinds in the organisation."""
    for finding in findings:
        pending = finding.extra.pop(_PENDING, None)
        if pending is not None:
            known = Known(tuple(ids_of(pending.organisation, pending.kinds)), pending.organisation)
            apply(finding, not_a_reference(pending.label, pending.key, pending.value, pending.kinds, known))
