"""The files `auditrack init` writes: a new municipality's data repository.

The templates in templates/ are Jinja with `[[ ]]` and `[% %]` as
delimiters, so GitHub's `${{ }}` passes through untouched. The example data
holds one valid file of each kind that refer to each other correctly and
describe good governance: `auditrack check` finds no gap in it. Its dates
are set relative to the day of `init`, so the example is current when it is
written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

from auditrack import __version__
from auditrack.scaffold.pinning import Pin, unchecked


@dataclass(frozen=True)
class Organisation:
    """What the new repository's organisation file says."""

    id: str
    name: str
    type: str = "municipality"
    municipality_code: str | None = None


# (path in the new repository, template); {org} and {report_year}, {follow_up_year} are filled in.
FILES: tuple[tuple[str, str], ...] = (
    ("auditrack.yaml", "auditrack.yaml.j2"),
    ("README.md", "README.md.j2"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml.j2"),
    (".github/workflows/auditrack.yml", "workflow.yml.j2"),
    ("governance/{org}/organisation.yaml", "organisation.yaml.j2"),
    ("governance/{org}/bodies/kommunstyrelsen.yaml", "body-board.yaml.j2"),
    ("governance/{org}/bodies/styrgrupp.yaml", "body.yaml.j2"),
    ("governance/{org}/roles/processledare.yaml", "role.yaml.j2"),
    ("governance/{org}/programmes/samverkansmodellen.yaml", "programme.yaml.j2"),
    ("governance/{org}/mandates/styrmodell.yaml", "mandate.yaml.j2"),
    ("governance/{org}/documents/processplan.yaml", "document.yaml.j2"),
    ("governance/{org}/goals/egen-forsorjning.yaml", "goal.yaml.j2"),
    ("governance/{org}/indicators/deltagare-till-arbete-eller-studier.yaml", "indicator.yaml.j2"),
    ("governance/{org}/reporting/aterrapportering-kommunstyrelsen.yaml", "reporting.yaml.j2"),
    ("governance/{org}/evaluations/utvardering-effekter.yaml", "evaluation.yaml.j2"),
    ("governance/{org}/interventions/arbetstraning.yaml", "intervention.yaml.j2"),
    ("recommendations/{org}/{report_year}-samverkansmodellen/report.yaml", "report.yaml.j2"),
    ("recommendations/{org}/{report_year}-samverkansmodellen/response.yaml", "response.yaml.j2"),
    ("recommendations/{org}/{report_year}-samverkansmodellen/follow-up-{follow_up_year}.yaml", "follow-up.yaml.j2"),
)


def timeline(today: date) -> dict:
    """The example's dates, relative to `today`: a programme two years old, an audit some 200 days ago."""
    year = today.year
    day = timedelta(days=1)
    reported = today - 200 * day
    requested = reported + 5 * day
    reports = [f"{y}-{md}" for y in (year - 2, year - 1, year) for md in ("06-14", "11-15")]
    analysed = min(date(year, 2, 10), today - 5 * day)
    evaluated = today - 60 * day
    followed_up = today - 10 * day
    return {
        "today": today.isoformat(),
        "this_year": year,
        "last_year": year - 1,
        "year_before": year - 2,
        "started": f"{year - 2}-01",
        "mandate_adopted": f"{year - 3}-12-14",
        "mandate_from": f"{year - 2}-01-01",
        "plan_adopted": f"{year - 2}-02-15",
        "review_by": f"{year + 1}-12",
        "reports": [r for r in reports if date.fromisoformat(r) < today],
        "measured_before": 41,
        "measured_last": 54,
        "measured_last_work": 37,
        "target_last": 50,
        "target_this": 60,
        "analysed": analysed.isoformat(),
        "evaluated": evaluated.isoformat(),
        "evaluated_month": evaluated.isoformat()[:7],
        "report_id": f"granskning-{reported.year}",
        "reported": reported.isoformat(),
        "audit_plan_year": reported.year,
        "requested": requested.isoformat(),
        "response_due": (requested + 70 * day).isoformat(),
        "responded": (reported + 50 * day).isoformat(),
        "action1_due": (reported + 120 * day).isoformat(),
        "action1_done": (reported + 110 * day).isoformat(),
        "action2_due": (today + 180 * day).isoformat(),
        "followed_up": followed_up.isoformat(),
        "followed_up_year": followed_up.year,
    }


def render(organisation: Organisation, today: date, pin: Pin | None = None) -> dict[str, str]:
    """Path in the new repository → content, for every file except the schemas; `pin` says where CI and
    pre-commit install auditrack from (default: this version's tag of the project's repository, unchecked)."""
    import jinja2

    env = jinja2.Environment(
        variable_start_string="[[", variable_end_string="]]",
        block_start_string="[%", block_end_string="%]",
        comment_start_string="[#", comment_end_string="#]",
        keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False,
    )
    # A YAML double-quoted scalar: JSON's string syntax is a subset of it.
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    pin = pin or unchecked()
    org = organisation.id
    layout = {"config": "auditrack.yaml", "recommendations": f"recommendations/{org}/...",
              "governance": f"governance/{org}/...", "schemas": "schemas/"}
    width = max(31, max(map(len, layout.values())) + 2)  # the README's layout block: descriptions in one column
    context = {"org": org, "name": organisation.name, "type": organisation.type,
               "municipality_code": organisation.municipality_code, "version": __version__,
               "repository": pin.repository, "rev": pin.rev, "install": pin.requirement, "install_calendar": pin.calendar_requirement,
               "layout": {key: path.ljust(width) for key, path in layout.items()}, "indent": " " * width,
               **timeline(today)}
    names = {"org": org, "report_year": context["audit_plan_year"], "follow_up_year": context["followed_up_year"]}
    templates = resources.files(__name__).joinpath("templates")
    return {
        path.format(**names): env.from_string(templates.joinpath(template).read_text(encoding="utf-8")).render(context)
        for path, template in FILES
    }
