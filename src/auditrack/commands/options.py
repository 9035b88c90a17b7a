"""What the commands that write data share: dates given as options, usage errors in both languages, and the
message that says a file was left unchanged."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Callable

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadOption(Exception):
    """A usage error: the message in English and in Swedish."""

    def __init__(self, en: str, sv: str):
        super().__init__(en)
        self.messages = {"en": en, "sv": sv}


REFUSED = {
    "before": {
        "en": "auditrack: {file} has data errors, so it is not changed; fix them (`auditrack check` lists them) and "
              "try again\n",
        "sv": "auditrack: {file} innehåller fel i uppgifterna och ändras därför inte; rätta dem (`auditrack check` "
              "visar dem) och försök igen\n",
    },
    "after": {
        "en": "auditrack: the change would give {file} the data errors above, so it is not changed\n",
        "sv": "auditrack: ändringen skulle ge {file} felen ovan i uppgifterna, så filen ändras inte\n",
    },
}


def iso_date(option: str, value: str | None, lang: str) -> date | None:
    """A date given as YYYY-MM-DD, or a usage error that says how to write it."""
    if value is None:
        return None
    try:
        if _ISO_DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise BadOption(f"{option} '{value}' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31",
                    f"{option} '{value}' är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-03-31")


def edit_file(root: Path, config, file: str, edit: Callable, lang: str):
    """Open the data file `file`, apply `edit(document)`, check and save it: the document, or the exit code after
    saying why nothing was written (3: data errors before or after the edit; 2: not a regular file)."""
    from auditrack.config import as_of_date
    from auditrack.editing import EditError, Refused, open_document, save
    from auditrack.engine import EXIT_DATA, EXIT_USAGE
    from auditrack.findings import localize
    from auditrack.formatters.text import write_plain
    from auditrack.io import NotARegularFile

    as_of, stage = as_of_date(config, None), "before"
    try:
        document = open_document(root, config, as_of, file)
        stage = "after"
        edit(document)
        save(root, config, as_of, document)
        return document
    except Refused as exc:
        write_plain(localize(exc.findings, lang), lang, sys.stderr)
        sys.stderr.write(REFUSED[stage][lang].format(file=file))
        return EXIT_DATA
    except EditError as exc:
        sys.stderr.write(f"auditrack: {exc.message(lang)}\n")
        return EXIT_DATA
    except NotARegularFile as exc:
        sys.stderr.write(f"auditrack: {exc.message(lang)}\n")
        return EXIT_USAGE
