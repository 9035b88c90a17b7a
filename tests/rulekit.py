"""Helpers for rule tests: write a small data repository and run a real check on it."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from auditrack.config import Config
from auditrack.engine import run_check

ORG = """\
kind: organisation
id: exempel
name: Exempels kommun
"""
KS = """\
kind: body
organisation: exempel
id: ks
name: Kommunstyrelsen
type: board
standing: true
"""
"""The municipal board, a standing body most small test repositories need."""
ROLE = """\
kind: role
organisation: exempel
id: socialchef
name: Socialchef
standing: true
"""
"""A standing role, to own actions."""
REPORT = """\
kind: audit-report
organisation: exempel
id: granskning
title: Granskning
audit_firm: Revisionsbyrån AB
date: 2023-03-24
audit_plan_year: 2022
addressees: [ks]
purpose: Att granska.
recommendations:
  - {id: granskning-r1, text: Gör något.}
"""
"""An audit report addressed to the board, with one recommendation."""
RESPONSE_HEAD = """\
kind: response
organisation: exempel
id: svar
report: granskning
decided_by: ks
"""
"""The first lines of the board's response to REPORT: add its dates and actions."""


def write_repo(root: Path, files: dict[str, str], with_org: bool = True) -> Path:
    """Write `files` (path relative to root → YAML text) and an organisation file."""
    if with_org:
        files = {"governance/exempel/organisation.yaml": ORG, **files}
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "recommendations").mkdir(exist_ok=True)
    (root / "governance").mkdir(exist_ok=True)
    return root


def check(root: Path, as_of: date, config: Config | None = None):
    result = run_check(root, config or Config(), as_of)
    data_errors = [f for f in result.findings if f.code[0] in "YSX"]
    assert not data_errors, [f"{f.location} {f.code} {f.message}" for f in data_errors]
    return result.findings


def hits(root: Path, as_of: date, code: str, config: Config | None = None):
    return [f for f in check(root, as_of, config) if f.code == code]
