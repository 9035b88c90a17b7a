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
"""

from __future__ import annotations

import os
from pathlib import Path

from auditrack import i18n
from auditrack.escape import visible
from auditrack.loader.links import Leads, follow, link_message
from auditrack.reports.markdown import Md, code, md, shorten

TEMPLATE_FOLDER = "templates"
_MARKER = "status.md.j2"


class ReportError(Exception):
    """A report cannot be rendered: a template is missing, invalid or uses something undefined."""


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
            path = folder.joinpath(*template.split("/"))
            if path.is_symlink():
                _refuse_link(path, data_root, f"{TEMPLATE_FOLDER}/{template}", lang)
            return super().get_source(environment, template)

    return ContainedLoader(str(folder))


def environment(lang: str, data_root: Path | None = None):
    from jinja2 import ChoiceLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from jinja2 import FileSystemLoader

    folders = template_folders(data_root, lang)
    own = folders[:-1]  # the data repository's, when it has one; the packaged templates are ours
    env = SandboxedEnvironment(
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
    return env


def _format(template: str, values: dict) -> str:
    """Fill `{name}` placeholders of a trusted label with already escaped values."""
    try:
        return template.format(**values)
    except (KeyError, IndexError) as exc:
        raise ReportError(f"the label '{template}' needs a value for {exc}") from None


def render_template(env, name: str, context: dict) -> str:
    """Render one template; every failure becomes a ReportError that names the template and line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError

    try:
        return env.get_template(name).render(**context)
    except TemplateRefused:
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
        else:
            message = f"{type(exc).__name__}: {exc}"
        raise ReportError(f"{where}: {message}") from None


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
