"""Messages a hostile or mistaken configuration gets: escaped, applicable, and never blaming auditrack.

Each case runs the real CLI in a subprocess, bounded in time and memory (test_hostile.run_cli), on a
data repository made by `auditrack init`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from test_hostile import run_cli

AS_OF = "2026-12-31"
INVALID = "auditrack: the configuration is invalid (exit code 2)\n"


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory) -> Path:
    """`auditrack init`'s example repository, with a mandate that lapses and a response request without a
    due date, so every horizon is used by some rule."""
    root = tmp_path_factory.mktemp("scaffold") / "repo"
    assert run_cli(root.parent, "init", str(root), "--org", "acme", "--name", "Acme kommun").code == 0
    mandate = root / "governance/acme/mandates/styrmodell.yaml"
    mandate.write_text(mandate.read_text().replace("valid_from: 2024-01-01\n", "valid_from: 2024-01-01\nvalid_until: 2030-12-31\n"))
    report = root / "recommendations/acme/2026-samverkansmodellen/report.yaml"
    report.write_text(report.read_text().replace("  due: 2026-07-28\n", ""))
    return root


@pytest.fixture
def repo(scaffold: Path, tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    subprocess.run(["cp", "-a", str(scaffold), str(root)], check=True)
    return root


def check(repo: Path, config: str | bytes, *args: str):
    (repo / "auditrack.yaml").write_bytes(config.encode() if isinstance(config, str) else config)
    return run_cli(repo.parent, "check", str(repo), "--as-of", AS_OF, *args)


# --------------------------------------------------------------------------- escaped


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_a_configuration_error_cannot_start_a_workflow_command(repo, output_format):
    run = check(repo, 'lang: "xx\\n::error file=README.md,line=1::INJECTED"\n', "--format", output_format)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        "auditrack.yaml:1:7  C001  field 'lang': 'xx\\x0a::error file=README.md,line=1::INJECTED' "
        "is not one of the allowed values: sv or en\n"
        "    help: Use one of the values listed, spelt exactly as shown.\n" + INVALID
    )
    assert not any(line.startswith("::") for line in run.stderr.splitlines())


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_no_escape_character_from_the_configuration_reaches_the_terminal(repo, output_format):
    run = check(repo, b'lang: "xx\\e[31mRED"\n"k\\x9b\\e": 1\n', "--format", output_format)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        "auditrack.yaml:1:7  C001  field 'lang': 'xx\\x1b[31mRED' is not one of the allowed values: sv or en\n"
        "    help: Use one of the values listed, spelt exactly as shown.\n"
        "auditrack.yaml:2:1  C001  unknown field 'k\\x9b\\x1b'\n"
        "    help: Allowed fields here: paths, as_of, fail_on, lang, select, ignore, severity, horizons, reporting, "
        "limits, verdict_words.\n" + INVALID
    )
    assert "\x1b" not in run.stderr and "\x9b" not in run.stderr


# --------------------------------------------------------------------------- applicable


def test_a_configuration_over_the_size_limit_is_told_to_shorten_itself(repo):
    run = check(repo, "lang: en\n" + "#" * 1_048_576 + "\n")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        "auditrack.yaml:1:1  Y006  the file is larger than the limit of 1,048,576 bytes; it is not read\n"
        "    help: Shorten the configuration file: its own limits are fixed (1,048,576 bytes, 50,000 keys, values "
        "and list items), whatever `limits:` says; a configuration needs only a few lines.\n" + INVALID
    )


# --------------------------------------------------------------------------- no overflow


@pytest.mark.parametrize(("key", "value", "limit"), [
    ("follow_up_months", "99999999999999999999", 1200),  # was OverflowError in R106: I001, exit 4
    ("follow_up_months", "200000", 1200),  # was "year 18693 is out of range" in R106
    ("action_due_days", "99999999999", 36500),  # was OverflowError in R104
    ("action_due_days", "3650000", 36500),  # was "date value out of range" in R104
    ("mandate_expiry_days", "99999999999999999999", 36500),
    ("response_days", "99999999999", 36500),
    ("due_soon_days", "99999999999", 36500),
])
def test_a_horizon_too_far_is_a_located_configuration_error(repo, key, value, limit):
    before = f"horizons: {{{key}: "
    column = len(before) + 1
    run = check(repo, f"{before}{value}}}\n")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        f"auditrack.yaml:1:{column}  C001  field 'horizons › {key}': '{value}' is out of range "
        f"(input should be less than or equal to {limit})\n" + INVALID
    )


def test_the_longest_horizons_are_checked_without_error(repo):
    run = check(repo, "horizons: {follow_up_months: 1200, action_due_days: 36500, mandate_expiry_days: 36500, "
                      "response_days: 36500, due_soon_days: 36500}\n", "--format", "json")
    assert run.code in (0, 1), run.stderr
    assert "I001" not in run.stdout


# --------------------------------------------------------------------------- the shallow-clone hint


@pytest.fixture
def history(repo: Path) -> Path:
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True)
    return repo


@pytest.mark.parametrize(("revision", "hint"), [
    ("origin/main", " (in a shallow clone, fetch it first: git fetch origin main)"),
    ("origin/$(touch${IFS}pwned)", " (in a shallow clone, fetch it first: git fetch origin '$(touch${IFS}pwned)')"),
    ("x/`id`;rm", " (in a shallow clone, fetch it first: git fetch x '`id`;rm')"),
    ("origin/$(touch pwned)", ""),  # not a branch name git allows (a space): no command is offered
    ("origin/a\n::error::x", ""),
])
def test_the_shallow_clone_hint_offers_only_a_quoted_git_fetch(history, revision, hint):
    run = run_cli(history.parent, "diff", revision, "--path", str(history), "--as-of", AS_OF)
    assert (run.code, run.stdout) == (2, "")
    shown = revision.replace("\n", "\\x0a")
    assert run.stderr == f"auditrack: unknown revision '{shown}': no commit, branch or tag of that name{hint}\n"
    assert not (history / "pwned").exists()
