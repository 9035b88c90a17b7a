"""The Jinja2 environment for reports: where templates are found, how values are printed, what errors say.

Template lookup. A data repository may override any template by putting a file
of the same name in its own ``templates/`` folder (next to ``recommendations/``
and ``governance/``); everything else comes from the packaged templates. The
packaged templates are ``auditrack/templates`` inside an installed wheel (the
force-include in pyproject.toml puts them there), or, in an editable install
where the package folder has no templates, the repository's top-level
``templates/`` folder.

Printing. Every ``{{ expression }}`` goes through :func:`_finalize`: text is
escaped for Markdown (reports.markdown.md), numbers are written the language's
way, None becomes a dash, and only :class:`~auditrack.reports.markdown.Md`
fragments that auditrack built pass unchanged. Templates run in Jinja's sandbox,
so a template from a data repository cannot reach Python internals.

Errors. An undefined variable is an error (StrictUndefined). Every template
problem is raised as :class:`ReportError` with the template's name and line.

Bounds. The sandbox is Jinja's immutable one (a template cannot grow a list or
a dictionary), and `*` and `**` refuse to build a value past the output limit.
When the data repository has its own ``templates/`` folder, rendering a report
also stops, with a ReportError, after TEMPLATE_SECONDS or at the first
character past TEMPLATE_MAX_CHARS: a pull request's template must not make a
job run for hours or fill the runner's memory (docs/robustness.md). On Linux
it may also take at most TEMPLATE_MAX_MEMORY more address space, so that a value
built in one step in C (`'%999999999d' % 1`, `center(10**9)`) or by repeated
`~` fails at once with a ReportError.
"""

from __future__ import annotations

import io
import os
from functools import cache
from pathlib import Path

from auditrack import i18n
from auditrack.deadline import time_limit
from auditrack.escape import visible
from auditrack.loader.links import Leads, follow, link_message
from auditrack.reports.markdown import Md, code, md, shorten

TEMPLATE_FOLDER = "templates"
_MARKER = "status.md.j2"
TEMPLATE_SECONDS = 10
"""Wall-clock limit on rendering one report when the data repository has its own templates/."""
TEMPLATE_MAX_CHARS = 16 * 1024 * 1024
"""The most characters such a report may have (16 MiB); also the largest value `*` may build in any template."""
MAX_POWER_BITS = 64 * 1024
TEMPLATE_MAX_MEMORY = 128 * 1024 * 1024
"""Address space a repository's template may add while it compiles and renders: room for a report of
TEMPLATE_MAX_CHARS characters several times over, far below a CI runner's memory."""
"""The largest number, in bits, that `**` may build in a template."""


class ReportError(Exception):
    """A report cannot be rendered: a template is missing, invalid or uses something undefined."""


class _OverLimit(ReportError):
    """A report with the data repository's templates grew past TEMPLATE_MAX_CHARS; the message names the template."""


def _limit_message(lang: str, which: str) -> str:
    own = {"en": "the limit for a report with the data repository's own templates (docs/robustness.md)",
           "sv": "gränsen för en rapport med datarepositoriets egna mallar (docs/robustness.md)"}[lang]
    if which == "time":
        return {"en": f"rendering took longer than {TEMPLATE_SECONDS} seconds, {own}",
                "sv": f"renderingen tog längre tid än {TEMPLATE_SECONDS} sekunder, {own}"}[lang]
    if which == "size":
        return {"en": f"the report grew past {number(TEMPLATE_MAX_CHARS, 'en')} characters, {own}",
                "sv": f"rapporten blev längre än {number(TEMPLATE_MAX_CHARS, 'sv')} tecken, {own}"}[lang]
    if which == "memory":
        return {"en": f"the template needed more than {number(TEMPLATE_MAX_MEMORY // 1048576, 'en')} MiB of memory, {own}",
                "sv": f"mallen behövde mer än {number(TEMPLATE_MAX_MEMORY // 1048576, 'sv')} MiB minne, {own}"}[lang]
    if which == "repeat":
        return {"en": f"'*' would build a value of more than {number(TEMPLATE_MAX_CHARS, 'en')} characters or items, the limit in templates",
                "sv": f"'*' skulle bygga ett värde med fler än {number(TEMPLATE_MAX_CHARS, 'sv')} tecken eller element, gränsen i mallar"}[lang]
    return {"en": f"'**' would build a number larger than {number(MAX_POWER_BITS, 'en')} bits, the limit in templates",
            "sv": f"'**' skulle bygga ett tal större än {number(MAX_POWER_BITS, 'sv')} bitar, gränsen i mallar"}[lang]


def packaged_templates() -> Path:
    """The templates that ship with auditrack: in the installed package, else the source checkout's."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / TEMPLATE_FOLDER, package.parent.parent / TEMPLATE_FOLDER):
        if (candidate / _MARKER).is_file():
            return candidate
    raise ReportError(
        f"the report templates are missing from the installation (looked in {package / TEMPLATE_FOLDER}); "
        "reinstall auditrack"
    )


def template_folders(data_root: Path | None, lang: str = "en") -> list[Path]:
    """The folders templates are looked up in, first match wins: the data repository's, then the packaged ones.

    A data repository's templates/ that is a link out of the repository, into .git, or to nothing is refused
    (TemplateRefused), not passed over: the report is not silently made from other templates."""
    packaged = packaged_templates()
    folders = []
    if data_root is not None:
        own = data_root / TEMPLATE_FOLDER
        if own.is_symlink():
            _refuse_link(own, data_root, TEMPLATE_FOLDER, lang)
        if own.is_dir() and own.resolve() != packaged.resolve():
            folders.append(own)
    folders.append(packaged)
    return folders


class TemplateRefused(ReportError):
    """A data repository's template, or its templates/ folder, is a link that is not followed."""


def _refuse_link(path: Path, data_root: Path, where: str, lang: str) -> None:
    """Raise TemplateRefused unless the link `path` leads to something inside the data repository."""
    leads = follow(path, data_root.resolve()).leads
    if leads is not Leads.INSIDE:
        raise TemplateRefused(f"{visible(where)}: {link_message(leads, lang)}")


def number(value: float | int, lang: str) -> str:
    """12.5 → '12,5' in Swedish, '12.5' in English; thousands grouped; whole floats without decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def _finalize_for(lang: str):
    yes, no = i18n.label(lang, "yes"), i18n.label(lang, "no")

    def finalize(value):
        if isinstance(value, Md):
            return value
        if value is None:
            return "–"
        if isinstance(value, bool):
            return yes if value else no
        if isinstance(value, (int, float)):
            return number(value, lang)
        return md(value)

    return finalize


def _contained_loader(folder: Path, data_root: Path, lang: str):
    """A loader for a data repository's templates/ that follows a template's link only inside the repository:
    a symbolic link in a pull request must not pull a file from the CI runner into a published report."""
    from jinja2 import FileSystemLoader

    class ContainedLoader(FileSystemLoader):
        def get_source(self, environment, template):
            parts = template.split("/")
            for depth in range(1, len(parts) + 1):  # a linked folder on the way leads out as surely as a linked file
                path = folder.joinpath(*parts[:depth])
                if path.is_symlink():
                    _refuse_link(path, data_root, f"{TEMPLATE_FOLDER}/{'/'.join(parts[:depth])}", lang)
            return super().get_source(environment, template)

    return ContainedLoader(str(folder))


@cache
def _sandbox():
    """Jinja's immutable sandbox, with `*` and `**` bounded: one such operation runs in C, where neither the
    time limit nor the output limit can stop it (`{{ 'x' * 10**10 }}`, `{{ 9 ** 9 ** 9 }}`)."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context, operator, left, right):
            lang = self.globals["lang"]
            if operator == "*" and (_too_long(left, right) or _too_long(right, left)):
                raise ReportError(_limit_message(lang, "repeat"))
            if operator == "**" and _too_big(left, right):
                raise ReportError(_limit_message(lang, "power"))
            return super().call_binop(context, operator, left, right)

    return BoundedSandbox


def _too_long(sequence, times) -> bool:
    return (isinstance(sequence, (str, list, tuple)) and isinstance(times, int)
            and len(sequence) * times > TEMPLATE_MAX_CHARS)


def _too_big(base, exponent) -> bool:
    return (isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1
            and abs(base).bit_length() * exponent > MAX_POWER_BITS)


def environment(lang: str, data_root: Path | None = None):
    from jinja2 import ChoiceLoader, StrictUndefined

    from jinja2 import FileSystemLoader

    folders = template_folders(data_root, lang)
    own = folders[:-1]  # the data repository's, when it has one; the packaged templates are ours
    env = _sandbox()(
        loader=ChoiceLoader([_contained_loader(f, data_root, lang) for f in own] + [FileSystemLoader(str(folders[-1]))]),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize_for(lang),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )

    def t(key: str, n: int | None = None, **values) -> Md:
        """A label in the report's language; values are escaped (text) or formatted (numbers)."""
        text = i18n.label(lang, key, n)
        if n is not None:
            values.setdefault("n", n)
        formatted = {k: (number(v, lang) if isinstance(v, (int, float)) and not isinstance(v, bool) else md(v)) for k, v in values.items()}
        return Md(_format(text, formatted))

    def word(group: str, value) -> Md:
        """The word for an enumerated value, e.g. word('action-status', 'in-progress') → 'pågår'."""
        return md(i18n.word(lang, group, value))

    env.globals.update(t=t, word=word, lang=lang)
    env.filters.update(shorten=shorten, code=code, num=lambda v: Md(number(v, lang)))
    env.folders = folders  # for error messages
    env.bounded = len(folders) > 1  # the data repository's own templates are in use
    return env


def _format(template: str, values: dict) -> str:
    """Fill `{name}` placeholders of a trusted label with already escaped values."""
    try:
        return template.format(**values)
    except (KeyError, IndexError) as exc:
        raise ReportError(f"the label '{template}' needs a value for {exc}") from None


def render_template(env, name: str, context: dict) -> str:
    """Render one template; every failure becomes a ReportError that names the template and line."""
    out = io.StringIO()
    stream_template(env, name, context, out.write)
    return out.getvalue()


class WriteFailed(Exception):
    """Writing out what a template rendered failed (the exception is the cause): not the template's fault, so
    not a ReportError; `stream_template` raises the cause itself."""


def stream_template(env, name: str, context: dict, write) -> None:
    """Render one template, passing the text to `write` as the template produces it; every failure of the
    template becomes a ReportError that names the template and line, and a failure of `write` is raised as is."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError

    def emit(chunk: str) -> None:
        try:
            write(chunk)
        except Exception as exc:
            raise WriteFailed() from exc

    try:
        if env.bounded:
            _render_bounded(env, name, context, emit)
        else:
            for chunk in env.get_template(name).generate(**context):
                emit(chunk)
    except WriteFailed as failed:
        raise failed.__cause__ from None
    except (_OverLimit, TemplateRefused):
        raise
    except TemplateNotFound as exc:
        raise ReportError(f"template {exc.name} not found in {_folders(env)}") from None
    except TemplateSyntaxError as exc:
        where = _display(env, exc.filename) if exc.filename else (exc.name or name)
        raise ReportError(f"{where} line {exc.lineno}: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 - any failure inside a template is reported with its place
        where = _template_frame(env, exc.__traceback__) or name
        if isinstance(exc, (ReportError, UndefinedError)):
            message = str(exc)
        elif isinstance(exc, MemoryError):
            message = _limit_message(env.globals["lang"], "memory")
        else:
            message = f"{type(exc).__name__}: {exc}"
        raise ReportError(f"{where}: {message}") from None


def _render_bounded(env, name: str, context: dict, write) -> None:
    """Compile and render within TEMPLATE_SECONDS, TEMPLATE_MAX_CHARS (counting characters as the template
    streams them) and TEMPLATE_MAX_MEMORY."""
    from auditrack.memory import memory_ceiling

    lang = env.globals["lang"]
    written = 0
    with memory_ceiling(TEMPLATE_MAX_MEMORY), time_limit(TEMPLATE_SECONDS, ReportError(_limit_message(lang, "time"))):
        template = env.get_template(name)
        for chunk in template.generate(**context):
            written += len(chunk)
            if written > TEMPLATE_MAX_CHARS:
                raise _OverLimit(f"{_display(env, template.filename)}: {_limit_message(lang, 'size')}")
            write(chunk)


def _template_frame(env, tb) -> str | None:
    """'name line N' of the innermost template frame in a traceback (Jinja maps frames to template lines)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or any(_inside(filename, folder) for folder in env.folders):
            found = f"{_display(env, filename)} line {tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _inside(filename: str, folder: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def _display(env, filename: str) -> str:
    for i, folder in enumerate(env.folders):
        if _inside(filename, folder):
            relative = os.path.relpath(Path(filename).resolve(), folder.resolve()).replace(os.sep, "/")
            overriding = i == 0 and len(env.folders) > 1
            return f"{TEMPLATE_FOLDER}/{relative}" if overriding else f"template {relative}"
    return filename


def _folders(env) -> str:
    return ", ".join(str(f) for f in env.folders)
