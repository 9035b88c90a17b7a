"""Atomic writes: unchanged files are left alone, and written files get ordinary permissions."""

from __future__ import annotations

import os
import stat

from auditrack.io import write_atomic


def test_an_unchanged_file_is_not_rewritten(tmp_path):
    target = tmp_path / "report.md"
    assert write_atomic(target, "# Rapport\n") is True
    before = target.stat().st_mtime_ns
    assert write_atomic(target, "# Rapport\n") is False
    assert target.stat().st_mtime_ns == before


def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "ny.md", "text\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "ny.md").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o664)
    write_atomic(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left behind
