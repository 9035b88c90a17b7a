"""The data repository's configuration, auditrack.yaml, found from PATH upwards."""

import os
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationError

from auditrack.escape import visible
from auditrack.findings import Finding
from auditrack.loader.links import REMOVE_THE_LINK, Leads, follow, link_finding
from auditrack.i18n import number
from auditrack.loader.yamlfile import Limits, load_bytes
from auditrack.models.base import Grade, Model, no_entries, no_items, Period
from auditrack.models.topics import ReportContent

CONFIG_NAMES = ("auditrack.yaml", "auditrack.yml", ".auditrack.yaml")
FailOn = Literal["error", "warning", "info", "never"]
Lang = Literal["sv", "en"]


MAX_HORIZON_YEARS = 100
"""A horizon of up to a hundred years keeps every date the rules compute from one (data dates are years
1900–2199) within what a date can hold; a larger one is a typing mistake."""


class Horizons(Model):
    mandate_expiry_days: int = Field(default=90, ge=0, le=MAX_HORIZON_YEARS * 365)
    """Warn this many days before a mandate without successor lapses."""
    follow_up_months: int = Field(default=24, ge=1, le=MAX_HORIZON_YEARS * 12)
    """A recommendation should have a follow-up assessment this many months after the report."""
    response_days: int = Field(default=90, ge=1, le=MAX_HORIZON_YEARS * 365)
    """When auditors request a response without a date, it is due this many days after the request."""
    action_due_days: int = Field(default=0, ge=0, le=MAX_HORIZON_YEARS * 365)
    """Grace period after an action's due date before it counts as overdue."""
    due_soon_days: int = Field(default=30, ge=0, le=MAX_HORIZON_YEARS * 365)
    """Warn this many days before an action, a response, a follow-up or a report to a board falls due (R112)."""


class Reporting(Model):
    required_content: list[ReportContent] = Field(default_factory=lambda: ["effects"])
    """What every report to a board must cover, besides what each requirement itself demands."""


MAX_FILE_BYTES_CEILING = 16 * 1_048_576
"""The largest file size auditrack.yaml may allow: parsing costs several times a file's size in memory, and no
governance or audit file comes near 16 MiB, so a larger limit only lets a pull request exhaust the runner."""

MAX_FINDINGS_CEILING = 100_000
"""The most findings auditrack.yaml may allow one check to report: at a few hundred bytes each, the output of one
run stays within tens of megabytes."""


class LimitsConfig(Model):
    max_file_bytes: int = Field(default=1_048_576, ge=1024, le=MAX_FILE_BYTES_CEILING)
    """The largest data file read, in bytes; larger files get Y006 and are not read."""
    max_depth: int = Field(default=64, ge=4, le=1000)
    max_findings: int = Field(default=10_000, ge=100, le=MAX_FINDINGS_CEILING)
    """The most findings one check reports; one more (X004) counts the rest."""


MAX_VERDICT_WORDS = 100
"""A repository's own verdict words are a handful ('i huvudsak', 'gul'); more is a mistake."""
VerdictWord = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class Config(Model):
    """auditrack.yaml. Every key is optional."""

    paths: list[str] = Field(default_factory=lambda: ["recommendations", "governance"])
    """Folders, relative to the checked PATH, that hold data files."""
    as_of: Period | None = None
    """The date time-based rules use; defaults to today."""
    fail_on: FailOn = "error"
    lang: Lang = "en"
    select: list[str] = Field(default_factory=no_items)
    """Rule codes or prefixes to run (e.g. ['G', 'R101']); empty means all."""
    ignore: list[str] = Field(default_factory=no_items)
    """Rule codes or prefixes not to run."""
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=no_entries)
    """Severity per rule code, overriding the rule's default."""
    # A section left out takes its defaults as written, as pydantic takes any default: unvalidated, and so
    # without building each section's own validator besides the one inside Config's.
    horizons: Horizons = Field(default_factory=Horizons.model_construct)
    reporting: Reporting = Field(default_factory=Reporting.model_construct)
    limits: LimitsConfig = Field(default_factory=LimitsConfig.model_construct)
    verdict_words: dict[VerdictWord, Grade] = Field(default_factory=no_entries, max_length=MAX_VERDICT_WORDS)
    """The repository's own verdict words and where they sit on the scale, e.g. `{"i huvudsak": yes}`: a question's
    `verdict_text:` (or an overall verdict's) without `verdict:` (`grade:`) takes its verdict from here. Case and
    spaces around the words do not matter."""


class ConfigError(Exception):
    """The configuration cannot be used; carries findings with their locations.

    Every text in them is made visible here (`\\x0a`, `\\x1b`), once for every way they are printed: they
    quote values from auditrack.yaml and go to stderr as they are, where a line could otherwise start a CI
    workflow command (`::error …`) or an ESC sequence reach the terminal."""

    def __init__(self, findings: list[Finding]) -> None:
        for f in findings:
            f.message, f.hint = visible(f.message), f.hint and visible(f.hint)
            f.location = f.location._replace(file=visible(f.location.file))
            f.translations = {lang: (visible(text), hint and visible(hint))
                              for lang, (text, hint) in f.translations.items()}
        super().__init__("; ".join(f"{f.location}: {f.message}" for f in findings))
        self.findings = findings


def find_config(start: Path) -> Path | None:
    """The nearest configuration file in `start` or its parents."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_symlink() or candidate.is_file():  # a link is found whatever it points to
                return candidate
    return None


def defaults() -> Config:
    """The configuration where there is no auditrack.yaml: `Config()`, without building the validator that only a
    file needs (a one-file check spends milliseconds on it)."""
    return Config.model_construct()


def load_config(path: Path | None, display: str | None = None) -> Config:
    """The configuration in `path` (found, or given with --config); `display` is how messages name it.

    A link is followed only to a file in the folder the link is in or below it (the repository, for an
    auditrack.yaml found in the checked folder), and never into .git."""
    if path is None:
        return defaults()
    name = display or path.name
    if path.is_symlink():
        followed = follow(path, Path(os.path.abspath(path)).parent.resolve())
        if followed.leads is not Leads.INSIDE:
            hint = REMOVE_THE_LINK if followed.leads is Leads.BROKEN else (
                "Copy the configuration into the repository instead of linking to it.",
                "Kopiera konfigurationen till repositoriet i stället för att länka till den.")
            raise ConfigError([link_finding(followed.leads, name, *hint)])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([_config_finding(name, f"cannot read the configuration: {exc.strerror}",
                                           f"kan inte läsa konfigurationen: {exc.strerror}")]) from None
    return parse_config(raw, name)


def parse_config(raw: bytes, name: str) -> Config:
    """The configuration from the bytes of auditrack.yaml (`name` is how findings name the file)."""
    from auditrack.validate import _findings_from  # the same plain-language messages as data files

    limits = Limits()
    loaded = load_bytes(raw, name, limits)
    problems = [f for f in loaded.findings if f.code != "Y009"]  # an empty configuration means the defaults
    for f in problems:
        if f.code == "Y006":  # the loader's hint would raise `limits:`, which cannot apply to the file holding it
            f.hint = _shorten_it("en", limits)
            f.translations["sv"] = (f.translations["sv"][0], _shorten_it("sv", limits))
    if problems:
        raise ConfigError(problems)
    data = loaded.data if loaded.data is not None else {}
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        findings = _findings_from(exc, loaded, Config)
        for f in findings:
            f.code = "C001"
        raise ConfigError(findings) from None
    unknown = _unknown_codes(config, loaded)
    if unknown:
        raise ConfigError(unknown)
    return config


_SHORTEN_IT = ("Shorten the configuration file: its own limits are fixed ({} bytes, {} keys, values and list items), "
               "whatever `limits:` says; a configuration needs only a few lines.")
_SHORTEN_IT_SV = ("Korta konfigurationsfilen: dess egna gränser är fasta ({} byte, {} nycklar, värden och listpunkter), "
                  "vad `limits:` än anger; en konfiguration behöver bara några rader.")


def _shorten_it(lang: str, limits: Limits) -> str:
    template = _SHORTEN_IT_SV if lang == "sv" else _SHORTEN_IT
    return template.format(number(lang, limits.max_bytes), number(lang, limits.max_nodes))


def _unknown_codes(config: Config, loaded) -> list[Finding]:
    """Rule codes in select, ignore and severity that match no rule: a typo there would silently do nothing."""
    import difflib

    from auditrack.codes import CODES
    from auditrack.findings import Category, Severity
    from auditrack.rules import load_rules

    known = sorted({*load_rules(), *CODES})
    found = []

    def report(code: str, path: tuple, key: bool, what: tuple[str, str]) -> None:
        close = difflib.get_close_matches(code, known, n=1, cutoff=0.5)
        hint, hint_sv = (f"did you mean '{close[0]}'? ", f"menade du '{close[0]}'? ") if close else ("", "")
        found.append(Finding(
            "C001", Severity.ERROR, f"'{code}' in {path[0]} {what[0]}", loaded.locate(path, key=key),
            category=Category.DATA, hint=f"{hint}`auditrack rules` lists every code.",
            translations={"sv": (f"'{code}' i {path[0]} {what[1]}", f"{hint_sv}`auditrack rules` visar alla koder.")},
        ))

    for name in ("select", "ignore"):
        for i, prefix in enumerate(getattr(config, name)):
            if not any(code.startswith(prefix) for code in known):
                report(prefix, (name, i), False, ("matches no rule code", "motsvarar ingen regelkod"))
    for code in config.severity:
        if code not in known:
            report(code, ("severity", code), True, ("is not a rule code", "är ingen regelkod"))
    return found


def _config_finding(name: str, message: str, message_sv: str) -> Finding:
    from auditrack.findings import Category, Location, Severity

    return Finding("C001", Severity.ERROR, message, Location(name), category=Category.DATA,
                   translations={"sv": (message_sv, None)})


def as_of_date(config: Config, override: date | None) -> date:
    if override is not None:
        return override
    if config.as_of is not None:
        return config.as_of.end
    return date.today()
