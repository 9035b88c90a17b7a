"""What `new`, `ids` and `explain` say, in English and Swedish, and the short names of kinds they accept."""

from __future__ import annotations

KIND_ALIASES = {"report": "audit-report", "reporting": "reporting-requirement"}
"""`auditrack new report` means an audit report, as the folder and file names say it."""

Messages = dict[str, tuple[str, str]]

COMMON: Messages = {
    "unknown-kind": ("unknown kind '{kind}'; use one of: {kinds}", "okänd typ '{kind}'; använd någon av: {kinds}"),
    "not-folder": ("{path} is not a folder", "{path} är inte en mapp"),
}


def say(table: Messages, lang: str, key: str, **values) -> str:
    """The message `key` of `table` (or of the common ones) in `lang`, filled in."""
    en, sv = table[key] if key in table else COMMON[key]
    return (sv if lang == "sv" else en).format(**values)


def kind_named(name: str) -> str:
    return KIND_ALIASES.get(name, name)
