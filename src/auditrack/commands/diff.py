"""`auditrack diff BASE [HEAD]`: what a change does to the gaps, and to the status of recommendations and actions.

Both sides are checked in full with the same configuration (HEAD's) and the
same date, then compared (auditrack.comparison) and printed
(auditrack.commands.diff_output).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from auditrack.commands.diff_output import FORMATS, RENDERERS, text, uncompared_names
from auditrack.comparison import Diff, Records, Side, Statuses, compare, records, statuses
from auditrack.config import Config, ConfigError, as_of_date, parse_config
from auditrack.engine import EXIT_USAGE, check_sources, read_sources
from auditrack.findings import Finding, localize
from auditrack.gitsource import Checkout, GitError, locate, read_config, read_tree, resolve
from auditrack.index import Index

WORKING_TREE = "working tree"


# ---------------------------------------------------------------------------------------------- reading


class UsageError(Exception):
    """The diff cannot be made; the message (possibly several lines, possibly empty when already printed) says why."""


def _config(path: Path, checkout: Checkout, head_commit: str | None, lang: str | None = None) -> Config:
    from auditrack.commands.check import load_settings

    if head_commit is None:
        config = load_settings(path, None, lang)
        if config is None:
            raise UsageError("")
        return config
    found = read_config(checkout, head_commit)
    if found is None:
        return Config()
    try:
        name, raw = found
        return parse_config(raw, name)
    except ConfigError as exc:
        lines = [f"{f.location}  {f.code}  {f.message}" for f in exc.findings]
        raise UsageError("\n".join(lines + ["auditrack: the configuration is invalid (exit code 2)"])) from None


def _side(label: str, commit: str | None, sources, extra: list[Finding], config: Config, as_of: date,
          root: Path) -> Side:
    found_statuses: Statuses = {}
    found_records: Records = set()

    def keep(index: Index) -> None:
        found_statuses.update(statuses(index))
        found_records.update(records(index))

    result = check_sources(sources, config, as_of, root, each_index=keep)
    result.lang = config.lang
    localize(result.findings, config.lang)
    if extra:
        result.findings.extend(extra)
        result.findings.sort(key=Finding.sort_key)
    return Side(label, commit, result, found_statuses, found_records)


def build(base: str, head: str | None, path: Path, as_of: date | None, lang: str | None = None) -> Diff:
    """Check both sides and compare them, the messages in `lang` (default: the configuration's).
    GitError or UsageError when they cannot be read."""
    checkout = locate(path)
    base_commit = resolve(checkout, base)
    head_commit = resolve(checkout, head) if head is not None else None
    config = _config(path, checkout, head_commit, lang)
    if lang is not None:
        config = config.model_copy(update={"lang": lang})
    day = as_of_date(config, as_of)
    limit = config.limits.max_file_bytes
    old = read_tree(checkout, base, base_commit, config.paths, limit)
    if head_commit is None:
        sources, found, missing = read_sources(path, config)
        head_side = _side(WORKING_TREE, None, sources, found, config, day, path)
    else:
        new = read_tree(checkout, head, head_commit, config.paths, limit)
        sources, found, missing = new.sources, new.findings, new.missing_folders
        head_side = _side(head, head_commit, sources, found, config, day, path)
    if len(missing) == len(config.paths) and len(old.missing_folders) == len(config.paths):
        folders = ", ".join(p + "/" for p in config.paths)
        raise UsageError(f"auditrack: no data folders ({folders}) in {path} at {base} or {head or 'the working tree'}")
    base_side = _side(base, base_commit, old.sources, old.findings, config, day, path)
    return compare(base_side, head_side)


def run(base: str, head: str | None, path: Path, output_format: str, fail_on: str | None, as_of: date | None,
        lang: str | None = None, fail_on_new_records: bool = False) -> int:
    if output_format not in RENDERERS:
        sys.stderr.write(f"auditrack: unknown format '{output_format}'; use one of: {', '.join(FORMATS)}\n")
        return EXIT_USAGE
    try:
        diff = build(base, head, path, as_of, lang)
    except GitError as exc:
        sys.stderr.write(f"auditrack: {exc}\n")
        return EXIT_USAGE
    except UsageError as exc:
        if str(exc):
            sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    chosen = diff.head.result.config.lang
    RENDERERS[output_format](diff, sys.stdout, chosen)
    if diff.uncompared:  # also when the output goes to a file: the log says why the job failed
        sys.stderr.write(text(chosen, "stderr.not-compared", orgs=uncompared_names(chosen, diff)) + "\n")
    return diff.exit_code(fail_on or diff.head.result.config.fail_on, fail_on_new_records)
