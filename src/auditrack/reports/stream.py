"""Reports in bounded memory: `report status`, `governance` and `follow-up` built and rendered one organisation
at a time (issue 19). The gaps report is not built here: it is made from the check's findings, and the check
already loads one organisation at a time.

One index of a national repository's every record takes about 36 KB a file (1.1 GB at 30,000 files), and a
report needs only one organisation's records at a time: ids, references and every builder's view are per
organisation. What spans organisations is small: the list of organisations (for the headings and the status
report's columns), and the status report's summary (counts, and the rows of the tables of late actions,
actions due soon, missing answers and report years).

Two passes, so that every template, the packaged ones and a data repository's own, gets the same context
as from one index of everything and renders the same text:

1. Build. `engine.load_by_organisation` loads and indexes one organisation at a time. Each organisation's
   part of the report (the builder's `organisation` function: the same dictionary `build` makes from one
   index) is pickled to a temporary file, the spool, and only a few small keys are kept in memory (`KEPT`:
   the id, the name, and for status the counts the summary needs), with the status report's brief of the
   organisation (`status.organisation`). The index is let go before the next one is built. After the last
   organisation, `status.summary` makes the summary from the briefs: its lists are sorted as a whole, so they
   come out as from one index. The data errors are all known then, so stderr reports them before any of the
   report is written, as before.
2. Render. The template gets `organisations` as a list of `OrganisationView`s: each is a mapping that
   answers the kept keys from memory and any other key from its part in the spool, read back when first
   asked for and let go when another organisation's part is read. A template that walks the organisations
   in order (as every packaged one does) reads each part once; one that goes back and forth still gets the
   right values, reading parts again. The text goes through `Tidy` and out as the template produces it:
   to standard output at each organisation, for `-o FILE` into memory (the report's bytes, a fraction of the
   data) and then to the file atomically, only when it changed (auditrack.io).

Memory then holds one organisation's files, index or part at a time, the organisation files, the kept keys
and the briefs, and a few strings per file (its path, its organisation): 72 MB for `report status` at
30,000 files, 1.2 GB when everything was indexed at once. (A file is read twice: once to know its
organisation, again when that organisation is loaded; see `engine.load_by_organisation`.) A template error
after some of the report went to standard output leaves that part there; the exit code (4) and stderr say
the report failed. Results equal to `reports.render` of one index of everything, and each index let go
before the next is built, are tested in tests/test_reports_streaming.py.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

KEPT = {
    "status": ("id", "name", "states", "actions", "ages"),
    "governance": ("id", "name"),
    "follow-up": ("id", "name"),
}
"""The keys of each organisation's part that stay in memory: what a template shows outside the organisation's
own section (its name in the status report's summary tables) or the summary needs. The rest is spooled."""


class Spool:
    """The organisations' parts of a report, pickled one after another to a temporary file and read back one at
    a time (the last one read is kept until another is asked for)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="auditrack-report-")
        self._offset: int | None = None
        self._part: dict | None = None
        self.reads = 0
        """How many parts were read back: the writer sends the text out when it changes (a new organisation)."""

    def put(self, part: dict) -> int:
        """Spool `part`; the offset to `get` it by."""
        offset = self._file.seek(0, 2)
        pickle.dump(part, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return offset

    def get(self, offset: int) -> dict:
        if offset != self._offset:
            self._offset, self._part = None, None  # the previous part goes before the next one is read
            self._file.seek(offset)
            self._part, self._offset = pickle.load(self._file), offset
            self.reads += 1
        return self._part

    def close(self) -> None:
        self._offset, self._part = None, None
        self._file.close()


class OrganisationView(Mapping):
    """One organisation's part of a report as a template sees it: the same keys and values as the builder's
    dictionary, the kept ones from memory and the others from the spool."""

    __slots__ = ("_kept", "_keys", "_spool", "_offset")  # no attribute a template could mistake for a key

    def __init__(self, kept: dict, keys: tuple, spool: Spool, offset: int) -> None:
        self._kept, self._keys, self._spool, self._offset = kept, keys, spool, offset

    def __getitem__(self, key):
        if key in self._kept:
            return self._kept[key]
        if key not in self._keys:
            raise KeyError(key)
        return self._spool.get(self._offset)[key]

    def __contains__(self, key) -> bool:
        return key in self._keys

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@dataclass
class Built:
    """A report's context after the first pass, with the spool its organisations' parts are read from."""

    context: dict
    spool: Spool
    rounds: list[str] = field(default_factory=list)
    """follow-up: the ids of the follow-ups (rounds) in the organisations loaded, for `--round`'s check."""


def build(kind: str, result, indexes: Iterator, org: str | None, lang: str, round_id: str | None = None) -> Built:
    """The first pass: build each organisation's part from its index (`indexes`, from
    `engine.load_by_organisation`) and spool it, then the context of the report. `result` is the loading's
    CheckResult, with `as_of` set (and, for follow-up, the check's gap findings, in the report's language)."""
    spool = Spool()
    try:
        return _build(kind, result, indexes, org, lang, round_id, spool)
    except BaseException:
        spool.close()
        raise


def _build(kind, result, indexes, org, lang, round_id, spool: Spool) -> Built:
    from auditrack.reports import follow_up, governance, status

    kept_keys = KEPT[kind]
    parts: list[tuple[str, dict, tuple, int]] = []
    briefs: dict[str, dict] = {}
    rounds: set[str] = set()
    for owner, index in indexes:
        names = index.named_organisations()
        here = {organisation for organisation, _kind in index.by_org_kind}
        if owner in names:
            here.add(owner)
        if kind == "follow-up":
            rounds.update(follow_up.round_ids(index, org))
        for org_id in sorted(here):
            if org is not None and org_id != org:
                continue
            if kind == "status":
                part, briefs[org_id] = status.organisation(index, org_id, names[org_id], result, lang)
            elif kind == "governance":
                part = governance.organisation(index, org_id, names[org_id], result, lang)
            else:
                part = follow_up.organisation(index, org_id, names[org_id], result, lang, round_id)
                if part is None:
                    continue
            keys = tuple(part)
            kept = {key: part.pop(key) for key in kept_keys}
            parts.append((org_id, kept, keys, spool.put(part)))
            del part
        del index  # before the next organisation's index is built
    parts.sort(key=lambda p: p[0])  # as one index lists them (reports.common.scope)
    kept = [p[1] for p in parts]
    if kind == "status":
        context = status.summary(kept, [briefs[p[0]] for p in parts], result)
    else:
        context = {"organisations": kept}
        if kind == "follow-up":
            context["round"] = round_id
    context["organisations"] = [
        # The builder's key order; keys the summary added (states_by_name) come last, as in `status.summary`.
        OrganisationView(view, _order(keys, view), spool, offset) for (_id, view, keys, offset) in parts
    ]
    return Built(context, spool, sorted(rounds))


def _order(keys: tuple, kept: dict) -> tuple:
    """The part's keys in the builder's order, and the keys the summary added since."""
    return keys + tuple(key for key in kept if key not in keys)


def render(kind: str, built: Built, result, write: Callable[[str], None], *, lang: str, org: str | None,
           data_root: Path | None) -> None:
    """The second pass: render the report's template on `built`, passing the tidied text to `write` at each
    organisation. Raises ReportError as `reports.render` does. Closes the spool."""
    from auditrack.reports import environment
    from auditrack.reports.tidy import Tidy

    context = dict(built.context, kind=kind, as_of=result.as_of.isoformat(), organisation=org, files=result.files,
                   summary=False)
    try:
        env = environment.environment(lang, data_root)
        writer = _Writer(Tidy(write), built.spool)
        environment.stream_template(env, f"{kind}.md.j2", context, writer.write)
        writer.close()
    finally:
        built.spool.close()


class _Writer:
    """Collects what the template renders and passes it on, tidied, whenever the template has moved on to
    another organisation (read its part from the spool), and at the end."""

    def __init__(self, tidy, spool: Spool) -> None:
        self._tidy, self._spool = tidy, spool
        self._chunks: list[str] = []
        self._reads = spool.reads

    def write(self, chunk: str) -> None:
        if self._spool.reads != self._reads:
            self._reads = self._spool.reads
            self._flush()
        self._chunks.append(chunk)

    def _flush(self) -> None:
        self._tidy.feed("".join(self._chunks))
        self._chunks.clear()

    def close(self) -> None:
        self._flush()
        self._tidy.close()
