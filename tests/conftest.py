"""Shared fixtures: a minimal valid data repository on disk, and the real CLI.

`repo` writes the repository into tmp_path; `cli` runs the CLI in-process (typer's CliRunner, fast),
`process` runs `python -m auditrack` in a subprocess, and `check(root)` is `auditrack check ROOT
--format json --as-of 2022-03-20`. Each returns a Run with the exit code, stdout and stderr.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# One organisation ("acme") with the municipal board and one audit report with one recommendation.
# Tests assert exact line numbers in these texts: change them only together with the tests.
ORGANISATION = """\
kind: organisation
id: acme
name: Acme kommun
"""

BOARD = """\
kind: body
id: ks
organisation: acme
name: Kommunstyrelsen
type: board
standing: true
"""

REPORT = """\
kind: audit-report
id: r2022
organisation: acme
title: Granskning av målstyrning
audit_firm: KPMG AB
date: 2022-03-15
audit_plan_year: 2022
addressees: [ks]
purpose: Att granska om styrningen är ändamålsenlig.
recommendations:
  - id: rek-1
    text: Bryt ned det övergripande målet i mätbara mål.
    section: "3.1"
"""

ORG_PATH = "governance/acme/organisation.yaml"
BOARD_PATH = "governance/acme/bodies/ks.yaml"
REPORT_PATH = "recommendations/acme/2022-malstyrning/report.yaml"

# A date close to the report, so that no time-based rule finds a gap in the minimal repository.
AS_OF = "2022-03-20"


class Repo:
    """A data repository in a temporary directory."""

    ORGANISATION = ORGANISATION
    BOARD = BOARD
    REPORT = REPORT
    ORG_PATH = ORG_PATH
    BOARD_PATH = BOARD_PATH
    REPORT_PATH = REPORT_PATH
    AS_OF = AS_OF

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relpath: str, text: str | bytes) -> Path:
        """Write a file exactly: bytes as given, text as UTF-8 without changing line endings."""
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    def org(self, org_id: str = "acme", name: str = "Acme kommun") -> None:
        """Add an organisation with its municipal board `ks`."""
        self.write(f"governance/{org_id}/organisation.yaml", f"kind: organisation\nid: {org_id}\nname: {name}\n")
        self.write(f"governance/{org_id}/bodies/ks.yaml", BOARD.replace("organisation: acme", f"organisation: {org_id}"))


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A minimal valid data repository: organisation acme, its board ks and report r2022."""
    r = Repo(tmp_path / "data")
    r.write(ORG_PATH, ORGANISATION)
    r.write(BOARD_PATH, BOARD)
    r.write(REPORT_PATH, REPORT)
    return r


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)

    @property
    def findings(self) -> list[dict]:
        return self.json["findings"]

    @property
    def codes(self) -> list[str]:
        return [f["code"] for f in self.findings]

    @property
    def data_findings(self) -> list[dict]:
        """Findings about the data itself (YAML, schema, references), leaving out governance gaps."""
        return [f for f in self.findings if f["code"][0] in "YSX"]

    @property
    def only_finding(self) -> dict:
        """The single finding, failing with all findings shown when there is not exactly one."""
        findings = self.findings
        assert len(findings) == 1, json.dumps(findings, indent=2, ensure_ascii=False)
        return findings[0]


# Environment variables that would change the output: colour, CI annotations, the job summary.
_CLEAN_ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "TERM": None, "GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None}


def _runner():
    """A CliRunner that keeps stderr apart from stdout: the default from click 8.2, an option before it."""
    import inspect

    from typer.testing import CliRunner

    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)
    return CliRunner()


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run the real CLI in this process (fast): typer's CliRunner; stdout is not a terminal.

    Exceptions are not caught, so an internal error fails the test with its traceback.
    """
    from auditrack.cli import app

    with contextlib.chdir(cwd or Path.cwd()):
        result = _runner().invoke(app, list(args), env={**_CLEAN_ENV, "COLUMNS": "200", **(env or {})}, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `python -m auditrack ARGS` as a separate process (stdout is a pipe, not a terminal)."""
    environment = {k: v for k, v in os.environ.items() if k not in _CLEAN_ENV}
    environment["COLUMNS"] = "200"
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "auditrack", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def check_json(root: Path, *args: str, **kwargs) -> Run:
    """`auditrack check ROOT --format json --as-of AS_OF [ARGS]`."""
    return run_cli("check", str(root), "--format", "json", "--as-of", AS_OF, *args, **kwargs)


@pytest.fixture
def cli():
    """Run the real CLI in-process: `cli("check", str(path), ...)` returns a Run (exit code, stdout, stderr)."""
    return run_cli


@pytest.fixture
def process():
    """Run `python -m auditrack` in a subprocess: `process("--version")` returns a Run."""
    return run_process


@pytest.fixture
def check():
    """`check(root, *args)` runs `auditrack check ROOT --format json --as-of AS_OF ARGS`."""
    return check_json


@dataclass
class Wheel:
    """auditrack's wheel, built from this repository and unpacked into `site`."""

    names: list[str]
    site: Path

    def python(self, code: str, cwd: Path) -> subprocess.CompletedProcess:
        """Run `code` with the unpacked wheel, not the source tree, on the import path."""
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["PYTHONPATH"] = str(self.site)
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd,
                              timeout=60)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Wheel:
    """Built once per session; skips where no wheel can be built (no hatchling)."""
    import zipfile

    pytest.importorskip("hatchling")
    folder = tmp_path_factory.mktemp("wheel")
    project = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder / "dist"),
         str(project)],
        capture_output=True, text=True, timeout=300,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {done.stderr[-300:]}")
    built = next((folder / "dist").glob("auditrack-*.whl"))
    with zipfile.ZipFile(built) as archive:
        names = archive.namelist()
        archive.extractall(folder / "site")
    return Wheel(names, folder / "site")
