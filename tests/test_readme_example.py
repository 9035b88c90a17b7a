"""The README's worked example is what auditrack really prints."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = "recommendations/ludvika/2022-ludvikamodellen/response.yaml"


def _blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## A worked example"):text.index("## Commands")]
    return re.findall(r"```[a-z]*\n(.*?)```", section, flags=re.S)


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditrack", "check", str(root), "--as-of", "2026-11-24"],
                          capture_output=True, text=True, timeout=60)


def test_worked_example(tmp_path):
    data, broken_output, fixed_output = _blocks()
    for folder in ("recommendations", "governance"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / TARGET).write_text(data, encoding="utf-8")

    broken = _check(tmp_path)
    assert broken.returncode == 3
    for line in broken_output.strip().splitlines():
        assert line in broken.stdout.splitlines()

    (tmp_path / TARGET).write_text(
        data.replace("ownr:", "owner:").replace("31-03-2024", "2024-03-31"), encoding="utf-8")
    fixed = _check(tmp_path)
    assert fixed.returncode == 1
    for line in fixed_output.strip().splitlines():
        assert line in fixed.stdout.splitlines()
