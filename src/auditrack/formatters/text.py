"""Human output: `path:line:col  CODE  severity  message`, coloured on a terminal, plain otherwise or with NO_COLOR.

The severity is a word (as yamllint writes it), so output without colour tells errors from warnings."""

from __future__ import annotations

import os
from typing import TextIO

from auditrack.escape import visible
from auditrack.findings import auditors_first, count_by_severity
from auditrack.i18n import word

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def use_colour(stream: TextIO) -> bool:
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


_SV = {"error": ("fel", "fel"), "warning": ("varning", "varningar"), "info": ("upplysning", "upplysningar")}


def summary_line(result) -> str:
    counts = count_by_severity(result.findings)
    if getattr(result, "lang", "en") == "sv":
        parts = [f"{counts[s]} {_SV[s][counts[s] != 1]}" for s in ("error", "warning", "info")]
        files = f"{result.files} {'fil' if result.files == 1 else 'filer'}"
        return f"{', '.join(parts)} i {files} (per {result.as_of.isoformat()})"
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info")]
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    return f"{', '.join(parts)} in {files} (as of {result.as_of.isoformat()})"


def _severity(f, lang: str) -> str:
    """The severity as a word beside the code, so output without colour tells an error from a warning."""
    return word(lang, "severity", f.severity.value)


def render(result, stream: TextIO) -> None:
    if use_colour(stream):
        _render_rich(result, stream)
        return
    write_plain(auditors_first(result.findings), getattr(result, "lang", "en"), stream)
    stream.write(summary_line(result) + "\n")


def write_plain(findings, lang: str, stream: TextIO) -> None:
    """The findings as check prints them without colour, with no summary (for commands that refuse a file)."""
    for f in findings:
        stream.write(f"{visible(str(f.location))}  {f.code}  {_severity(f, lang)}  {visible(f.message)}\n")
        if f.hint:
            stream.write(f"    help: {visible(f.hint)}\n")


def _render_rich(result, stream: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, highlight=False, soft_wrap=True)
    lang = getattr(result, "lang", "en")
    for f in auditors_first(result.findings):
        style = _STYLE[f.severity.value]
        console.print(f"[bold]{escape(visible(str(f.location)))}[/]  [{style}]{f.code}  {_severity(f, lang)}[/]  "
                      f"{escape(visible(f.message))}")
        if f.hint:
            console.print(f"    [dim]help: {escape(visible(f.hint))}[/]")
    console.print(summary_line(result))
