"""Output formats for `auditrack check`: one small module per format, each with a `render` function."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, TextIO

if TYPE_CHECKING:
    from auditrack.engine import CheckResult

FORMATS: dict[str, str] = {
    "text": "auditrack.formatters.text",
    "json": "auditrack.formatters.json_format",
    "github": "auditrack.formatters.github",
    "sarif": "auditrack.formatters.sarif",
    "junit": "auditrack.formatters.junit",
}
"""Format name → module; imported only when used."""


def get_formatter(name: str) -> Callable[["CheckResult", TextIO], None]:
    return importlib.import_module(FORMATS[name]).render
