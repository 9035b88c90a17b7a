"""A pull request's templates: `check` never runs them, and `report` runs them within a time and an output bound.

Every run is the real CLI in a subprocess (tests/test_hostile.py's run_cli): killed after 20 s, under 200 MB peak.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditrack.reports.environment import MAX_POWER_BITS, TEMPLATE_MAX_CHARS, TEMPLATE_MAX_MEMORY, TEMPLATE_SECONDS
from test_hostile import run_cli

AS_OF = "2022-03-20"
LIMIT_EN = "the limit for a report with the data repository's own templates (docs/robustness.md)"
LIMIT_SV = "gränsen för en rapport med datarepositoriets egna mallar (docs/robustness.md)"
PREFIX = "auditrack: cannot render the status report: templates/status.md.j2"
MEMORY_EN = f"the template needed more than 128 MiB of memory, {LIMIT_EN}"

# The loops a pull request could add: too long a range, nested loops with a huge output, nested loops with none.
TOO_LONG_RANGE = "{% for i in range(10**9) %}x{% endfor %}\n"
HUGE_OUTPUT = "# R\n{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}\n"
NO_OUTPUT = "# R\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"

HOSTILE = {
    "too-long-range": (TOO_LONG_RANGE, f"{PREFIX} line 1: OverflowError: Range too big."),
    "huge-output": (HUGE_OUTPUT, f"{PREFIX}: the report grew past 16,777,216 characters, {LIMIT_EN}\n"),
    "no-output": (NO_OUTPUT, f"{PREFIX} line 2: rendering took longer than 10 seconds, {LIMIT_EN}\n"),
    "repeat": ("{{ 'x' * 10**10 }}\n", f"{PREFIX} line 1: '*' would build a value of more than 16,777,216 "
                                         "characters or items, the limit in templates\n"),
    "power": ("{{ 10 ** 100000000 }}\n", f"{PREFIX} line 1: '**' would build a number larger than 65,536 bits, "
                                     "the limit in templates\n"),
    # One step in C, which neither the time nor the output limit can stop: each built a gigabyte before.
    "format-width": ("{{ '%999999999d' % 1 }}\n", f"{PREFIX} line 1: {MEMORY_EN}\n"),
    "center": ("{{ 'x'.center(10**9) }}\n", f"{PREFIX} line 1: {MEMORY_EN}\n"),
    # Doubling by `~` in a recursive macro: 2**40 characters, a few steps from a gigabyte within the time limit.
    "doubling": ("{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}"
                 "{{ d('x', 40) }}\n", f"{PREFIX} line 1: {MEMORY_EN}\n"),
}


def test_the_documented_limits():
    assert (TEMPLATE_SECONDS, TEMPLATE_MAX_CHARS, MAX_POWER_BITS, TEMPLATE_MAX_MEMORY) == (
        10, 16 * 1024 * 1024, 64 * 1024, 128 * 1024 * 1024)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_report_with_a_hostile_template_stops_with_exit_4_and_writes_nothing(tmp_path, repo, name):
    template, message = HOSTILE[name]
    if MEMORY_EN in message and not Path("/proc/self/statm").exists():
        pytest.skip("the memory ceiling needs Linux's RLIMIT_AS and /proc (docs/robustness.md)")
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "status.md.j2").write_text(template, encoding="utf-8")
    target = tmp_path / "status.md"
    target.write_text("the old report\n", encoding="utf-8")
    run = run_cli(tmp_path, "report", "status", str(repo.root), "--as-of", AS_OF, "--output", str(target))
    assert run.code == 4
    if name == "too-long-range":  # Jinja's own message follows; our part is the template, the line and the exit code
        assert run.stderr.startswith(message) and run.stderr.count("\n") == 1
    else:
        assert run.stderr == message
    assert run.stdout == ""
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.parametrize("template, message", [
    (HUGE_OUTPUT, f"{PREFIX}: rapporten blev längre än 16\u00a0777\u00a0216 tecken, {LIMIT_SV}\n"),
    (NO_OUTPUT, f"{PREFIX} line 2: renderingen tog längre tid än 10 sekunder, {LIMIT_SV}\n"),
    ("{{ 'x'.center(10**9) }}\n", f"{PREFIX} line 1: mallen behövde mer än 128 MiB minne, {LIMIT_SV}\n"),
])
def test_the_limits_are_explained_in_swedish(tmp_path, repo, template, message):
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "status.md.j2").write_text(template, encoding="utf-8")
    run = run_cli(tmp_path, "report", "status", str(repo.root), "--as-of", AS_OF, "--lang", "sv")
    assert (run.code, run.stderr, run.stdout) == (4, message, "")


def test_report_with_a_repository_template_within_the_limits_is_rendered(tmp_path, repo):
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "status.md.j2").write_text(
        "# Egen\n{% for i in range(3) %}{{ i }}{% endfor %} {{ 'ab' * 2 }} {{ 2 ** 10 }}\n", encoding="utf-8")
    run = run_cli(tmp_path, "report", "status", str(repo.root), "--as-of", AS_OF)
    assert (run.code, run.stdout, run.stderr) == (0, "# Egen\n012 abab 1,024\n", "")


@pytest.mark.parametrize("template", [TOO_LONG_RANGE, HUGE_OUTPUT, NO_OUTPUT])
def test_check_never_runs_the_repository_templates(tmp_path, repo, template):
    """Under GitHub Actions, the job summary is the built-in gap report, whatever templates/ holds."""
    env = {"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "", "GITHUB_SHA": ""}
    expected = tmp_path / "expected.md"
    clean = run_cli(tmp_path, "check", str(repo.root), "--as-of", AS_OF, env={**env, "GITHUB_STEP_SUMMARY": str(expected)})
    assert clean.code == 0, clean.stderr
    (repo.root / "templates").mkdir()
    for name in ("gaps.md.j2", "_scope.md.j2"):
        (repo.root / "templates" / name).write_text(template, encoding="utf-8")
    summary = tmp_path / "summary.md"
    run = run_cli(tmp_path, "check", str(repo.root), "--as-of", AS_OF, env={**env, "GITHUB_STEP_SUMMARY": str(summary)})
    assert (run.code, run.stdout, run.stderr) == (0, clean.stdout, "")
    assert summary.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8").startswith("# ")
