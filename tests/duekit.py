"""A data repository with one deadline of every kind, for the tests of `auditrack due` and its calendar.

As of AS_OF (2024-03-01) four are overdue and five fall due within 90 days; one action is done and one falls due
after the horizon."""

from __future__ import annotations

from pathlib import Path

from rulekit import KS, ROLE, write_repo

AS_OF = "2024-03-01"

FILES = {
    "governance/exempel/evaluation.yaml": """\
kind: evaluation
organisation: exempel
id: utvardering
title: Utvärdering av modellen
planned: 2024-03-31
by: Extern utvärderare
waivers:
  - rule: G401
    reason: Beslutat att vänta.
    approved_by: ks
    expires: 2024-01-31
""",
    "governance/exempel/ks.yaml": KS,
    "governance/exempel/mandate.yaml": """\
kind: mandate
organisation: exempel
id: uppdrag-2023
title: Uppdragsbeskrivning 2023
type: mandate-description
decided_by: ks
adopted: 2023-01-10
valid_until: 2024-04-30
regulates: [roles, responsibilities]
""",
    "governance/exempel/reporting.yaml": """\
kind: reporting-requirement
organisation: exempel
id: rapportering
title: Rapportering om arbetet
reporter: socialchef
to: ks
valid_from: 2023-01-01
due_dates: [2024-02-15, 2024-05-15, 2024-06-30]
""",
    "governance/exempel/sn.yaml": """\
kind: body
organisation: exempel
id: sn
name: Socialnämnden
type: committee
standing: true
""",
    "governance/exempel/socialchef.yaml": ROLE,
    "recommendations/exempel/granskning-2022.yaml": """\
kind: audit-report
organisation: exempel
id: granskning-2022
title: Granskning av styrningen
audit_firm: Revisionsbyrån AB
date: 2022-05-01
audit_plan_year: 2022
addressees: [ks]
purpose: Att granska.
recommendations:
  - {id: granskning-2022-r1, text: Gör något.}
""",
    "recommendations/exempel/granskning-2023.yaml": """\
kind: audit-report
organisation: exempel
id: granskning-2023
title: Granskning av försörjningsstöd
audit_firm: Revisionsbyrån AB
date: 2023-03-24
audit_plan_year: 2023
addressees: [ks, sn]
purpose: Att granska.
recommendations:
  - {id: granskning-2023-r1, text: Gör något.}
response_request:
  requested_on: 2023-04-20
  requested_from: [ks, sn]
  due: 2023-06-30
""",
    "recommendations/exempel/svar-ks.yaml": """\
kind: response
organisation: exempel
id: svar-ks
report: granskning-2023
decided_by: ks
date: 2023-06-13
actions:
  - id: a1
    recommendations: [granskning-2023-r1]
    text: Ta fram en processplan.
    owner: socialchef
    due: 2023-12-31
    status: in-progress
  - id: a2
    recommendations: [granskning-2023-r1]
    text: Inför mätbara mål.
    owner: socialchef
    due: 2024-04-15
    status: planned
  - id: a3
    recommendations: [granskning-2023-r1]
    text: Redan gjort.
    owner: socialchef
    due: 2023-09-30
    status: done
    done: 2023-09-01
    evidence: ["KS 2023-09-12 § 1"]
  - id: a4
    recommendations: [granskning-2023-r1]
    text: Senare.
    owner: socialchef
    due: 2024-09-30
    status: planned
""",
}


def due_repo(root: Path) -> Path:
    """The repository, with an auditrack.yaml, in `root`."""
    write_repo(root, FILES)
    (root / "auditrack.yaml").write_text("lang: en\n", encoding="utf-8")
    return root
