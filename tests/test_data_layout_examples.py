"""The mistakes shown in docs/data-layout.md are what auditrack really prints.

Each example names the mistaken line in the sentence before its output (the last code span); the test writes
the README's worked example with that one line changed, checks the repository's own data with it, and finds
every line of the example's output in the real output.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from test_readme_example import TARGET, _blocks

ROOT = Path(__file__).resolve().parents[1]


def _examples() -> list[tuple[str, str]]:
    """(the mistaken line, the output shown) for each example."""
    text = (ROOT / "docs" / "data-layout.md").read_text(encoding="utf-8")
    section = text[text.index("## When a file has a mistake"):]
    examples, mistake = [], None
    for prose, output in re.findall(r"((?:[^`]|`[^`\n]+`)*?)```\n(.*?)```", section, flags=re.S):
        spans = re.findall(r"`([^`\n]+)`", prose)
        mistake = spans[-1] if spans and spans[-1] != "--lang sv" else mistake
        examples.append((mistake, output))
    return examples


def _with_mistake(data: str, mistake: str) -> str:
    """`data` with the first line that sets the mistake's field written as the mistake, indentation kept."""
    field = mistake.split(":", 1)[0] + ":"
    lines = data.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.lstrip(" ").startswith(field):
            lines[i] = line[: len(line) - len(line.lstrip(" "))] + mistake + "\n"
            return "".join(lines)
    raise AssertionError(f"no line sets {field} in the worked example")


def _check(root: Path, lang: str) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "auditrack", "check", str(root), "--as-of", "2026-11-24",
                           "--lang", lang], capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stdout + done.stderr
    return done.stdout.splitlines()


def test_every_example_is_real_output(tmp_path):
    data = _blocks()[0].replace("ownr:", "owner:").replace("31-03-2024", "2024-03-31")
    for folder in ("recommendations", "governance"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    examples = _examples()
    assert [mistake for mistake, _ in examples] == [
        "owner: Anna Svensson, kommundirektör", "owner: Anna Svensson, kommundirektör", "decided_by: kommunstyrelse",
        "- id: åtgärd-1", "text: Åtgärd: ta fram en processplan med mätbara mål."]
    for mistake, output in examples:
        (tmp_path / TARGET).write_text(_with_mistake(data, mistake), encoding="utf-8")
        printed = _check(tmp_path, "en") + _check(tmp_path, "sv")
        for line in output.strip().splitlines():
            assert line in printed, (mistake, line)
