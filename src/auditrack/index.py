"""An index of every record in every file: ids per organisation, cross-references, and locations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from pydantic import BaseModel

from auditrack.findings import Category, Finding, Location, Severity
from auditrack.i18n import word
from auditrack.loader.yamlfile import LoadedFile
from auditrack.models.base import Record
from auditrack.models.introspect import reference_fields, walk
from auditrack.suggest import Known, kind_words, suggest_existing, unknown_reference


@dataclass(slots=True)
class Entry:
    """Where a record lives: its kind, organisation, file, path in the file, and its file's top record."""

    kind: str
    organisation: str
    record: Record
    file: LoadedFile
    path: tuple
    top: BaseModel


@dataclass(slots=True)
class InvalidFile:
    """A file that failed to load or validate: what it holds, as far as it was read (`data`: the parsed data,
    or for a file that could not be parsed its top-level values), and the `kind` and `organisation` read
    from it by `loader.owner.read_header`, the reading `check` also groups the files by."""

    file: LoadedFile
    kind: str | None
    organisation: str | None


@dataclass
class Index:
    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    by_object: dict[int, Entry] = field(default_factory=dict)
    by_kind: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_org_kind: dict[tuple[str, str], list] = field(default_factory=lambda: defaultdict(list))
    referrers: dict[tuple[str, str], list[tuple[BaseModel, str]]] = field(default_factory=lambda: defaultdict(list))
    organisations: dict[str, Entry] = field(default_factory=dict)
    paths: dict[int, tuple[LoadedFile, tuple]] = field(default_factory=dict)
    file_organisation: dict[str, str] = field(default_factory=dict)
    invalid: set[tuple[str, str]] = field(default_factory=set)
    """(organisation, id) of records in files that failed validation: already reported, so not unknown."""
    invalid_organisations: set[str] = field(default_factory=set)
    """Ids of organisations whose own file failed validation."""

    # ------------------------------------------------------------------ queries

    def records(self, kind: str, organisation: str | None = None) -> list:
        """Every record of `kind`, in file order; only one organisation's when `organisation` is given."""
        if organisation is None:
            return [e.record for e in self.by_kind.get(kind, ())]
        return list(self.by_org_kind.get((organisation, kind), ()))

    def get(self, organisation: str, id_: str | None, kind: str | None = None):
        if id_ is None:
            return None
        entry = self.entries.get((organisation, id_))
        if entry is None or (kind is not None and entry.kind != kind):
            return None
        return entry.record

    def entry(self, record: BaseModel) -> Entry:
        return self.by_object[id(record)]

    def org_of(self, model: BaseModel) -> str:
        """The organisation of any indexed model, nested or not."""
        return self.file_organisation[self.paths[id(model)][0].path]

    def referring(self, record: Record) -> list[tuple[BaseModel, str]]:
        """Every (model, field) that refers to `record`."""
        entry = self.entry(record)
        return self.referrers.get((entry.organisation, record.id), [])

    def locate(self, model: BaseModel, field_name: str | tuple | None = None) -> Location:
        """The location of a model in its file, or of one of its fields (a name, or a path such as ('targets', 2))."""
        loaded, path = self.paths[id(model)]
        if field_name is None:
            return loaded.locate(path)
        sub = path + (field_name if isinstance(field_name, tuple) else (field_name,))
        return loaded.locate(sub, key=True)

    def named_organisations(self) -> dict[str, str]:
        """Id → name of every organisation with an organisation file or with records here; a name is the id
        when the organisation's file is missing or invalid."""
        names = {org_id: entry.record.name for org_id, entry in self.organisations.items()}
        for organisation, _kind in self.by_org_kind:
            names.setdefault(organisation, organisation)
        return names

    # ------------------------------------------------------------------ building

    @classmethod
    def build(cls, documents: list[tuple[LoadedFile, BaseModel]], invalid: list[InvalidFile] = (),
              organisations: "Organisations | None" = None) -> tuple["Index", list[Finding]]:
        """Index `documents`. `organisations` are the repository's organisation files when `documents` are only
        part of it (one organisation's files); without it, they are taken from `documents` and `invalid`."""
        findings: list[Finding] = []
        if organisations is None:
            organisations, findings = Organisations.collect(documents, invalid)
        index = cls(organisations=organisations.valid, invalid_organisations=organisations.invalid)
        for failed in invalid:
            index._note_invalid(failed)
        walked = [(loaded, top, list(walk(top))) for loaded, top in documents]
        for loaded, top, models in walked:
            index._register(loaded, top, models, findings)
        for loaded, top, models in walked:
            findings.extend(index._resolve(loaded, top, models))
        return index, findings

    def _note_invalid(self, failed: InvalidFile) -> None:
        """Remember the ids in a file that failed, so references to them do not repeat its error."""
        if failed.kind == "organisation" or failed.organisation is None:
            return  # an organisation file's id is noted by Organisations.collect
        pending = [failed.file.data]
        while pending:
            item = pending.pop()
            if isinstance(item, dict):
                if isinstance(item.get("id"), str):
                    self.invalid.add((failed.organisation, item["id"]))
                pending.extend(item.values())
            elif isinstance(item, list):
                pending.extend(item)

    def _register(self, loaded: LoadedFile, top, models: list[tuple[BaseModel, tuple]], findings: list[Finding]) -> None:
        organisation = _owner(top)
        self.file_organisation[loaded.path] = organisation
        for model, path in models:
            self.paths[id(model)] = (loaded, path)
            if not isinstance(model, Record):
                continue
            entry = Entry(model.kind_name, organisation, model, loaded, path, top)
            self.by_object[id(model)] = entry
            if model.kind_name == "organisation":
                registered = self.organisations.get(model.id)
                if registered is not None and registered.record is model:  # not a second file with its id
                    self.by_kind["organisation"].append(registered)
                    self.by_org_kind[(model.id, "organisation")].append(model)
                continue
            key = (organisation, model.id)
            if key in self.entries:
                other = self.entries[key]
                findings.append(_data(
                    "X002",
                    f"the id '{model.id}' is already used by the {other.kind} in {other.file.path}; "
                    f"ids must be unique within organisation '{organisation}'",
                    loaded.locate(path + ("id",)), model.id, organisation,
                    f"{_first(other, 'en')} Give this record a different id, and update any references to it.",
                    sv=(f"id:t '{model.id}' används redan av en post av typen {word('sv', 'kind', other.kind)} i "
                        f"{other.file.path}; id:n måste vara unika inom organisationen '{organisation}'",
                        f"{_first(other, 'sv')} Ge posten ett annat id och uppdatera alla hänvisningar till den."),
                ))
                continue
            self.entries[key] = entry
            self.by_kind[entry.kind].append(entry)
            self.by_org_kind[(organisation, entry.kind)].append(model)

    def _resolve(self, loaded: LoadedFile, top, models: list[tuple[BaseModel, tuple]]) -> Iterator[Finding]:
        organisation = _owner(top)
        for model, path in models:
            for attr, key, ref in reference_fields(type(model)):
                value = getattr(model, attr)
                values = value if isinstance(value, list) else [value]
                for i, target in enumerate(values):
                    if target is None:
                        continue
                    at = path + ((key, i) if isinstance(value, list) else (key,))
                    problem = self._check_ref(organisation, target, ref.kinds)
                    if problem is None:
                        self.referrers[(organisation, target)].append((model, key))
                        continue
                    yield _data("X001", problem[0], loaded.locate(at), getattr(model, "id", None), organisation,
                                problem[1], sv=problem[2:])

    def _check_ref(self, organisation: str, target: str, kinds: tuple[str, ...]) -> tuple[str, str, str, str] | None:
        """None when the reference resolves; else the message and hint, in English and in Swedish."""
        wanted = " or ".join(kinds)
        if kinds == ("organisation",):
            if target in self.organisations or target in self.invalid_organisations:
                return None
            return self._unknown(target, kinds, organisation)
        if organisation not in self.organisations:
            return None  # reported once, on the `organisation:` field
        entry = self.entries.get((organisation, target))
        if entry is None and (organisation, target) in self.invalid:
            return None  # the record's own file is invalid and reported
        if entry is None:
            return self._unknown(target, kinds, organisation)
        if entry.kind not in kinds:
            return (f"'{target}' is a {entry.kind}, but a {wanted} is expected here",
                    f"Refer to a {wanted} here.",
                    f"'{target}' är en post av typen {word('sv', 'kind', entry.kind)}, men här krävs en post av typen "
                    f"{kind_words(kinds, 'sv')}",
                    f"Hänvisa här till en post av typen {kind_words(kinds, 'sv')}.")
        return None

    def _unknown(self, target: str, kinds: tuple[str, ...], organisation: str) -> tuple[str, str, str, str]:
        texts = unknown_reference(target, kinds, Known(self.ids(organisation, kinds), organisation))
        return texts.message, texts.hint, texts.message_sv, texts.hint_sv

    def ids(self, organisation: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """The ids of the records of `kinds` in `organisation` (of every organisation, for 'organisation')."""
        if kinds == ("organisation",):
            return tuple(self.organisations)
        return tuple(record.id for kind in kinds for record in self.by_org_kind.get((organisation, kind), ()))

    def suggest_ids(self, findings: list[Finding]) -> None:
        """Complete the findings of values that are not ids with the closest ids now indexed."""
        suggest_existing(findings, self.ids)


@dataclass
class Organisations:
    """The organisation files of a repository. Every part of a check needs them: a record's `organisation:`
    must name one, whichever organisation's files are being indexed."""

    valid: dict[str, Entry] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)
    """Ids of organisations whose own file failed validation (already reported, so not unknown)."""

    @classmethod
    def collect(cls, documents, invalid=()) -> tuple["Organisations", list[Finding]]:
        """The organisations among `documents` (the valid files) and `invalid` (the files that failed), in
        file order; a second file with an id already taken is an X002."""
        found, findings = cls(), []
        for failed in invalid:
            if failed.kind == "organisation" and failed.organisation is not None:
                found.invalid.add(failed.organisation)
        for loaded, top in documents:
            if getattr(top, "kind", None) != "organisation":
                continue
            if top.id in found.valid:
                other = found.valid[top.id]
                findings.append(_data(
                    "X002", f"the organisation id '{top.id}' is already used in {other.file.path}",
                    loaded.locate(("id",)), top.id, top.id, f"{_first(other, 'en')} Give each organisation its own id.",
                    sv=(f"organisationens id '{top.id}' används redan i {other.file.path}",
                        f"{_first(other, 'sv')} Ge varje organisation ett eget id."),
                ))
                continue
            found.valid[top.id] = Entry("organisation", top.id, top, loaded, (), top)
        return found, findings


def _first(entry: Entry, lang: str) -> str:
    """Where the record that first took an id has it. In the hint, not the message: a finding is known across
    revisions by its message (`diff`), which must not change when the other file gains a line."""
    where = entry.file.locate(entry.path + ("id",))
    if lang == "sv":
        return f"Det första finns på rad {where.line} i {where.file}."
    return f"The first is on line {where.line} of {where.file}."


def _owner(top) -> str:
    """The organisation a file's record belongs to: its own id for an organisation file."""
    return top.id if top.kind == "organisation" else top.organisation


def _data(code: str, message: str, location: Location, subject, organisation, hint: str | None,
          sv: tuple[str, str | None] | None = None) -> Finding:
    return Finding(code, Severity.ERROR, message, location, subject, organisation, Category.DATA, hint,
                   translations={"sv": sv} if sv else {})
