"""Refusals of `auditrack new`: a required option not given, an id that is not valid, a reference to a record
that does not exist (with the ids that do), and the organisation to write in. Shared by `new KIND`, `new action`
and the pre-filling of new files."""

from __future__ import annotations

from auditrack.authoring.known import Known
from auditrack.models.base import ID_PATTERN

MESSAGES = {
    "missing": ("`auditrack new {kind}` needs {option} ({about})", "`auditrack new {kind}` behöver {option} ({about})"),
    "unknown-ref": ("unknown {what} '{value}'{where}; the existing ones are: {ids}",
                    "'{value}' finns inte som {what}{where}; de som finns är: {ids}"),
    "none-ref": ("unknown {what} '{value}'{where}: none is recorded yet",
                 "'{value}' finns inte som {what}{where}: ännu finns ingen post av den typen"),
    "in-org": (" in organisation '{org}'", " i organisationen '{org}'"),
    "which-org": ("give --org: the organisations are {ids}", "ange --org: organisationerna är {ids}"),
    "no-org": ("no organisation is recorded yet; create one with `auditrack new organisation --id ID --name NAME`",
               "ännu finns ingen organisation; skapa en med `auditrack new organisation --id ID --name NAMN`"),
    "bad-id": ("'{value}' is not a valid id for {option}: ids use a–z without å, ä and ö, digits, '.', '_' and '-', "
               "and start with a letter or digit",
               "'{value}' är inte ett giltigt id för {option}: id skrivs med a–z utan å, ä och ö, siffror, '.', '_' "
               "och '-', och börjar med en bokstav eller siffra"),
}


class Refused(Exception):
    """The file cannot be written; the message says why (exit code 2)."""


def say(lang: str, key: str, **values) -> str:
    from auditrack.authoring.messages import say as said

    return said(MESSAGES, lang, key, **values)


def language(given: str | None, config) -> str:
    """--lang, else the repository's `lang:` when auditrack.yaml sets it, else Swedish: the files are filled in by
    municipal officers."""
    if given is not None:
        return given
    return config.lang if "lang" in config.model_fields_set else "sv"


def missing(kind: str, option: str, about: str, refers_to: tuple[str, ...], known: Known, org: str,
            lang: str) -> Refused:
    """A required option not given; for a reference, with the ids to choose from."""
    from auditrack.authoring.new_file import choices

    text = say(lang, "missing", kind=kind, option=option, about=about)
    return Refused(text + (f". {choices(known, refers_to, org, lang)}" if refers_to else ""))


def new_id(value: str | None, option: str, kind: str, lang: str) -> str:
    import re

    if value is None:
        raise Refused(say(lang, "missing", kind=kind, option=option,
                          about="the new record's id" if lang == "en" else "den nya postens id"))
    if not re.match(ID_PATTERN, value) or len(value) > 80:
        raise Refused(say(lang, "bad-id", value=value, option=option))
    return value


def organisation_of(org: str | None, known: Known, lang: str) -> str:
    existing = known.organisations()
    if org is None:
        if len(existing) == 1:
            return next(iter(existing))
        if not existing:
            raise Refused(say(lang, "no-org"))
        raise Refused(say(lang, "which-org", ids=", ".join(existing)))
    require(known, ("organisation",), org, None, "--org", lang)
    return org


def require(known: Known, kinds: tuple[str, ...], value: str, org: str | None, option: str, lang: str):
    """The record `value` names, refused with the existing ids (closest first) when there is none."""
    from auditrack.i18n import listing, word
    from auditrack.suggest import closest

    found = [(id_, name) for kind in kinds for _, id_, name in known.named(kind, org)]
    for id_, _ in found:
        if id_ == value:
            return
    what = listing(lang, [word(lang, "kind", k) for k in kinds], "or")
    where = say(lang, "in-org", org=org) if org else ""
    if not found:
        raise Refused(say(lang, "none-ref", what=what, value=value, where=where))
    names = dict(found)
    near = closest(value, names)
    ordered = near + sorted(i for i in names if i not in near)
    listed = ", ".join(f"{i} ({names[i]})" if names[i] else i for i in ordered)
    raise Refused(say(lang, "unknown-ref", what=what, value=value, where=where, ids=listed))
