"""What the repository already knows, for writing new files: the records of each kind with their names, where
each report's file is, and which recommendations are still open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditrack.config import Config
from auditrack.index import Index

NAME_FIELDS = ("name", "title", "text")
"""What a record is called, in the order looked for: a body's name, a report's title, a goal's text."""


@dataclass(frozen=True)
class Known:
    """The valid records of a repository, indexed (files with errors are left out, as the reports leave them)."""

    root: Path
    config: Config
    index: Index

    def organisations(self) -> dict[str, str]:
        return {org: entry.record.name for org, entry in sorted(self.index.organisations.items())}

    def named(self, kind: str, organisation: str | None) -> list[tuple[str, str, str]]:
        """(organisation, id, name) of every record of `kind`, sorted by organisation and id."""
        if kind == "organisation":
            found = [(org, org, name) for org, name in self.organisations().items() if organisation in (None, org)]
        elif kind == "recommendation":
            found = [(self.index.entry(r).organisation, rec.id, name_of(rec))
                     for r in self.index.records("audit-report", organisation) for rec in r.recommendations]
        else:
            found = [(self.index.entry(r).organisation, r.id, name_of(r)) for r in self.index.records(kind, organisation)]
        return sorted(found)

    def path_of(self, record) -> str:
        """The file a record is in, relative to the repository."""
        return self.index.entry(record).file.path

    def open_recommendations(self, report) -> list:
        """The report's recommendations that no follow-up has assessed as implemented."""
        organisation = self.index.entry(report).organisation
        done = {a.recommendation for f in self.index.records("follow-up", organisation)
                for a in f.assessments if a.status == "implemented"}
        return [r for r in report.recommendations if r.id not in done]


def name_of(record) -> str:
    for key in NAME_FIELDS:
        value = getattr(record, key, None)
        if isinstance(value, str):
            return " ".join(value.split())
    return ""


def load(root: Path, config: Config) -> Known:
    from auditrack.engine import load_repository

    return Known(root, config, load_repository(root, config).index)


def repository_root(path: Path) -> Path:
    """The data repository `path` is in: the folder of the nearest auditrack.yaml, else `path` itself. Relative
    to the current folder when `path` is, so the paths printed read as the officer typed them."""
    import os

    from auditrack.config import find_config

    found = find_config(path)
    if found is None:
        return path
    return found.parent if path.is_absolute() else Path(os.path.relpath(found.parent, Path.cwd()))


def open_repository(path: Path, lang: str) -> Known | None:
    """The repository `path` is in, read; None, after saying why on stderr, when it cannot be (exit code 2)."""
    import sys

    from auditrack.authoring.messages import say
    from auditrack.commands.check import load_settings

    if not path.is_dir():
        sys.stderr.write(f"auditrack: {say({}, lang, 'not-folder', path=path)}\n")
        return None
    config = load_settings(path, None, lang)
    if config is None:
        return None
    return load(repository_root(path), config)
