"""`auditrack diff BASE [HEAD]`: what a change does to the gaps, and to the status of recommendations and actions.

Both sides are checked with the same configuration (HEAD's) and the same date,
each only as far as the organisations the change touches unless everything is
asked for or must be judged (auditrack.commands.diff_scope), then compared
(auditrack.comparison) and printed (auditrack.commands.diff_output).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from auditrack.commands.diff_output import FORMATS, RENDERERS, text, uncompared_names
from auditrack.commands.diff_scope import Revision, read_revisions
from auditrack.comparison import Diff, Records, Side, Statuses, compare, records, statuses
from auditrack.config import Config, ConfigError, as_of_date, parse_config
from auditrack.engine import EXIT_USAGE, check_sources
from auditrack.findings import Finding, localize
from auditrack.gitsource import Checkout, GitError, locate, read_config, resolve
from auditrack.index import Index
from auditrack.workers import PARALLEL_FROM_FILES, in_parallel, jobs_for

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


def _side(label: str, commit: str | None, revision: Revision, config: Config, as_of: date, root: Path) -> Side:
    found_statuses: Statuses = {}
    found_records: Records = set()

    def keep(index: Index) -> None:
        found_statuses.update(statuses(index))
        found_records.update(records(index))

    result = check_sources(revision.sources, config, as_of, root, each_index=keep, named=revision.named)
    result.lang = config.lang
    localize(result.findings, config.lang)
    if revision.findings:
        result.findings.extend(revision.findings)
        result.findings.sort(key=Finding.sort_key)
    return Side(label, commit, result, found_statuses, found_records)


def build(base: str, head: str | None, path: Path, as_of: date | None, lang: str | None = None,
          full: bool = False) -> Diff:
    """Check both sides and compare them, the messages in `lang` (default: the configuration's); with `full`,
    every organisation, else those the change touches (diff_scope). GitError or UsageError when they cannot
    be read."""
    checkout = locate(path)
    base_commit = resolve(checkout, base)
    head_commit = resolve(checkout, head) if head is not None else None
    config = _config(path, checkout, head_commit, lang)
    if lang is not None:
        config = config.model_copy(update={"lang": lang})
    day = as_of_date(config, as_of)
    reading = read_revisions(checkout, path, config, base_commit, head_commit, full)
    folders = len(config.paths)
    if len(reading.head.missing_folders) == folders and len(reading.base.missing_folders) == folders:
        names = ", ".join(p + "/" for p in config.paths)
        raise UsageError(f"auditrack: no data folders ({names}) in {path} at {base} or {head or 'the working tree'}")
    sides = {"head": (WORKING_TREE if head is None else head, head_commit, reading.head),
             "base": (base, base_commit, reading.base)}
    # The two sides share nothing: on two cores they are checked at once, the base in a fork of this process
    # (auditrack.workers), when there is enough to check to pay for it; the result is the same.
    files = len(reading.head.sources) + len(reading.base.sources)
    jobs = jobs_for(0, files * PARALLEL_FROM_FILES // SIDES_IN_PARALLEL_FROM)
    head_side, base_side = in_parallel(list(sides), lambda name: _side(*sides[name], config, day, path), jobs)
    return compare(base_side, head_side, reading.scope)


SIDES_IN_PARALLEL_FROM = 500
"""From this many files to check on both sides together, the sides are checked in two processes at once."""


def run(base: str, head: str | None, path: Path, output_format: str, fail_on: str | None, as_of: date | None,
        lang: str | None = None, fail_on_new_records: bool = False, full: bool = False) -> int:
    if output_format not in RENDERERS:
        sys.stderr.write(f"auditrack: unknown format '{output_format}'; use one of: {', '.join(FORMATS)}\n")
        return EXIT_USAGE
    try:
        diff = build(base, head, path, as_of, lang, full)
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
