"""Rules for reporting back to the board and for regulating follow-up."""

from __future__ import annotations

from collections import Counter
from datetime import date

from auditrack.duedates import expected_in_year, unreported_due_dates
from auditrack.findings import Severity, named
from auditrack.i18n import at_most, listing, number, word
from auditrack.models.topics import FOLLOW_UP_FORM
from auditrack.rules.base import Context, rule


@rule("G301", "reporting-shortfall", Severity.ERROR, example="""
kind: reporting-requirement
times_per_year: 2
valid_from: 2018-06
reports:
  - {date: 2021-04, covered: [cooperation, effects]}
# 2021 had one report, two were required
""", fix_example="""
reports:
  - {date: 2021-04, covered: [cooperation, effects]}
  - {date: 2021-10-19, decision: KS 2021-10-19 § 170, covered: [effects, goal-attainment]}
""")
def reporting_shortfall(ctx: Context):
    """A reporting requirement was not met: fewer reports in a year than required, or a due date passed without one.

    Why:
    The board decides how often it wants to be informed; when reports do not
    come, it cannot steer. Ludvika's board required reports twice a year, but in
    2021 there was only one (Ludvika 2022, 3.3). Only years that have ended by
    the as-of date are judged; the first and last years count pro rata. All
    the years with too few reports are one finding, and all the due dates
    missed another, each listing the first ten and counting the rest. A
    board's promise in its response to report back by a date is such a
    requirement (`decided_in:` the response, `due_dates:` the date), and this
    rule owns its missed date: the action that names it (`reporting:`) is not
    also reported overdue (R104).


    Would the auditors call it right? Yes: Ludvika's board required two reports
    a year and 2021 had one (3.3). Later years are counted too, which is right
    only if the log of reports is complete: record every report given.
    Fix:
    Log the reports that were given under `reports:` (date and minutes
    reference); if they were not given, the board should be told why.
    """
    for req in ctx.index.records("reporting-requirement"):
        org = ctx.index.org_of(req)
        body = ctx.index.get(org, req.to, "body")
        to = named(body.name) if body is not None else req.to
        title = named(req.title)
        first = req.valid_from.start
        last = min(req.valid_until.end, ctx.as_of) if req.valid_until else ctx.as_of
        if req.times_per_year:
            short_years = list(_short_years(req, first, last, ctx.as_of))
            if short_years:
                yield _shortfall(ctx, req, title, to, short_years)
        missed = list(_missed_due_dates(req, first, ctx.as_of))
        if missed:
            yield _missed(ctx, req, to, missed)


def _short_years(req, first: date, last: date, as_of: date):
    """(year, reports given, reports expected) for each year that has ended and had too few reports."""
    given = Counter(r.date.start.year for r in req.reports)
    for year in range(first.year, last.year + 1):
        if date(year, 12, 31) >= as_of:
            break
        expected = expected_in_year(req.times_per_year, year, first, last)
        if given[year] < expected:
            yield year, given[year], expected


def _missed_due_dates(req, first: date, as_of: date):
    """(index in due_dates, due date) of each due date that has passed with no report since the one before."""
    for i, due in unreported_due_dates(req, first):
        if due.end >= as_of:
            break
        yield i, due


def _shortfall(ctx: Context, req, title: str, to: str, years: list[tuple[int, int, int]]):
    """One finding for every year with too few reports: a requirement over a century names no century of
    findings, only the first years and how many more."""
    n = req.times_per_year
    reports_sv = "rapport" if n == 1 else "rapporter"
    hint = "Log the reports given that year under reports, or explain to the board why they were not given."
    sv_hint = ("Registrera de rapporter som lämnades det året under `reports:`, eller redovisa för styrelsen eller "
               "nämnden varför de uteblev.")
    if len(years) == 1:
        year, given, expected = years[0]
        return ctx.hit(req, f"'{title}' requires {n} reports a year to {to}; {year} had {given} (expected {expected})",
                       "times_per_year", hint=hint,
                       sv=f"enligt '{title}' ska {to} få {n} {reports_sv} per år; {year} lämnades {given}, men "
                          f"{expected} krävdes", sv_hint=sv_hint)
    listed = [f"{year} had {given} (expected {expected})" for year, given, expected in years]
    listed_sv = [f"{year} ({given} av {expected})" for year, given, expected in years]
    return ctx.hit(req, f"'{title}' requires {n} reports a year to {to}; {len(years):,} years had fewer: "
                        f"{listing('en', at_most('en', listed))}", "times_per_year", hint=hint,
                   sv=f"enligt '{title}' ska {to} få {n} {reports_sv} per år; under {number('sv', len(years))} år lämnades "
                      f"färre: {listing('sv', at_most('sv', listed_sv))}", sv_hint=sv_hint)


def _missed(ctx: Context, req, to: str, missed: list):
    """One finding for every due date missed, at the first of them."""
    hint = "Log the report under reports, with its date and minutes reference."
    sv_hint = ("Registrera rapporten under `reports:`, med datum och hänvisning till protokollet "
               "(t.ex. KS 2021-10-19 § 170).")
    where = ("due_dates", missed[0][0])
    if len(missed) == 1:
        due = missed[0][1]
        return ctx.hit(req, f"no report to {to} was given by the due date {due}", where, hint=hint,
                       sv=f"ingen rapport lämnades till {to} senast {due}, som kravet anger", sv_hint=sv_hint)
    dues = [due for _, due in missed]
    return ctx.hit(req, f"no report to {to} was given by {len(dues):,} due dates: {listing('en', at_most('en', dues))}",
                   where, hint=hint,
                   sv=f"ingen rapport lämnades till {to} senast de {number('sv', len(dues))} datum som kravet anger: "
                      f"{listing('sv', at_most('sv', dues))}", sv_hint=sv_hint)


@rule("G302", "report-lacks-required-content", Severity.WARNING, example="""
reports:
  - {date: 2020-10, covered: [cooperation, steering]}
""", fix_example="""
reports:
  - {date: 2020-10, covered: [cooperation, steering, effects]}
""")
def report_lacks_required_content(ctx: Context):
    """A report to the board does not cover the required content, such as the work's effects.

    Why:
    Reports that only describe how the cooperation worked do not let the
    board judge whether the work achieves its purpose. In Ludvika only one
    report covered the effects of the work (Ludvika 2022, 3.3). The required
    content is the requirement's `required_content` plus
    `reporting.required_content` in auditrack.yaml (default: effects).
    Reports whose content is not recorded (`covered:` empty) are not judged.


    Would the auditors call it right? Yes: Ludvika's reports described
    how the cooperation worked, not its effects (3.3.1).
    Fix:
    Make the next report cover what is required, and record it under `covered:`.
    """
    for req in ctx.index.records("reporting-requirement"):
        required = list(dict.fromkeys([*req.required_content, *ctx.config.reporting.required_content]))
        title = named(req.title)
        for i, report in enumerate(req.reports):
            if not report.covered:
                continue
            covered = list(dict.fromkeys(report.covered))  # each at most once, however often it is written
            missing = [c for c in required if c not in covered]
            if missing:
                yield ctx.hit(
                    req,
                    f"the report of {report.date} under '{title}' does not cover {', '.join(missing)} "
                    f"(it covered: {', '.join(covered)})",
                    ("reports", i),
                    hint="Reports must cover the required content, e.g. the effects of the work, not only how the cooperation works.",
                    sv=f"rapporten från {report.date} enligt '{title}' tar inte upp "
                       f"{listing('sv', (word('sv', 'content', c) for c in missing))} "
                       f"(den tog upp {listing('sv', (word('sv', 'content', c) for c in covered))})",
                    sv_hint="Rapporterna ska ta upp det innehåll som krävs, till exempel arbetets effekter, "
                            "inte bara hur samverkan fungerar.",
                )


@rule("G303", "follow-up-form-unregulated", Severity.WARNING, example="""
kind: programme
id: samverkansmodellen
# no mandate or document in force has regulates: [follow-up-content, follow-up-method, follow-up-timing]
""", fix_example="""
kind: document
id: uppfoljningsplan
type: process-plan
programme: samverkansmodellen
adopted: 2023-01-15
regulates: [follow-up-content, follow-up-method, follow-up-timing]
""")
def follow_up_form_unregulated(ctx: Context):
    """No governing document regulates what follow-up of the work must contain, how and when it is done.

    Why:
    Regulating whether, how and when the work is followed up and reported in
    an overall governing document gives clearer steering (Ludvika 2022, 3.3.1).

    Would the auditors call it right? Only where the data shows it: when an
    observation of category follow-up concerns the programme (the audit found
    it), or when a document or mandate regulates or once regulated part of
    the follow-up but none in force regulates all of it. A programme with no such document recorded
    is silence, not a gap: Bräcke's auditors found governing documents and
    follow-up at both levels, and did not ask for this.

    Fix:
    Adopt a governing document or mandate for the programme that regulates the
    follow-up's content, method and timing, and record
    `regulates: [follow-up-content, follow-up-method, follow-up-timing]`.
    """
    regulated: dict[tuple[str, str | None], set[str]] = {}  # by organisation and programme (None: every one)
    ever: set[tuple[str, str | None]] = set()  # some follow-up was regulated once, in force or not
    for kind in ("mandate", "document"):
        for record in ctx.index.records(kind):
            if any(t in FOLLOW_UP_FORM for t in record.regulates):
                ever.add((ctx.index.org_of(record), record.programme))
            if ctx.relations.in_force(record, ctx.as_of):
                regulated.setdefault((ctx.index.org_of(record), record.programme), set()).update(record.regulates)
    observed = {(ctx.index.org_of(report), o.about) for report in ctx.index.records("audit-report")
                for o in report.observations if o.category == "follow-up"}
    for programme in ctx.index.records("programme"):
        org = ctx.index.org_of(programme)
        covered = regulated.get((org, None), set()) | regulated.get((org, programme.id), set())
        missing = [t for t in FOLLOW_UP_FORM if t not in covered]
        shown = {(org, None), (org, programme.id)} & (ever | observed)
        if missing and (len(missing) < len(FOLLOW_UP_FORM) or shown):
            words = {"follow-up-content": "what it must contain", "follow-up-method": "how it is done",
                     "follow-up-timing": "when it is done"}
            words_sv = {"follow-up-content": "vad den ska innehålla", "follow-up-method": "hur den görs",
                        "follow-up-timing": "när den görs"}
            name = named(programme.name)
            yield ctx.hit(
                programme,
                f"no governing document in force regulates the follow-up of '{name}': "
                + ", ".join(words[m] for m in missing),
                "name",
                hint="Adopt a document that regulates the follow-up's content, method and timing.",
                sv=f"inget gällande styrdokument reglerar uppföljningen av '{name}': "
                   + listing("sv", (words_sv[m] for m in missing)),
                sv_hint="Anta ett styrdokument som reglerar vad uppföljningen ska innehålla, hur den görs och när.",
            )
