"""A read-only file system and a full disk give clear errors, not tracebacks (issue 10).

Both need a small tmpfs, which needs root; without it the tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "parley" / "data" / "sample"


@pytest.fixture
def tmpfs(tmp_path):
    mounted = []

    def mount(name: str, size: str) -> Path:
        target = tmp_path / name
        target.mkdir()
        if os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("needs root to mount a tmpfs")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
                              capture_output=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in mounted:
        subprocess.run(["umount", "-l", str(target)], check=False)


def test_store_errors_read_only_file_system(tmpfs, cli, seeds_dir):
    folder = tmpfs("ro", "20m")
    db = folder / "talks.duckdb"
    assert cli("ingest", seeds_dir, "--db", db, "--clean-only").exit_code == 0
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    result = cli("ingest", SAMPLE, "--db", db, "--clean-only")
    assert result.exit_code == 1
    assert "cannot open the database for writing" in result.output and "Read-only file system" in result.output
    assert "Traceback" not in result.output
    listed = cli("docs", "--json", "--db", db)  # readers still work
    assert listed.exit_code == 0 and len(__import__("json").loads(listed.stdout)) == 5


def test_store_errors_full_disk(tmpfs, cli):
    db = tmpfs("full", "300k") / "talks.duckdb"
    result = cli("ingest", SAMPLE, "--db", db, "--clean-only")
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "nothing of it was kept" in result.output
    assert "Traceback" not in result.output
