"""The atheris harnesses in ``fuzz/``: replay kept crash inputs, and a short coverage-guided run of each (issue 10).

Regression inputs live in ``tests/data/fuzz_regressions/<harness>/``: each file is one input
that once broke an invariant; replaying it needs no atheris. The short runs start from the
kept corpus (``fuzz/corpus/<harness>``) and write new inputs to a scratch folder.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, TEST_DATA

FUZZ_DIR = REPO / "fuzz"
HARNESSES = ("readers", "clean", "times", "claims")
REGRESSIONS = TEST_DATA / "fuzz_regressions"
RUNS = 300


def _harness(name: str):
    sys.path.insert(0, str(FUZZ_DIR))
    try:
        module = importlib.import_module(f"fuzz_{name}")
    finally:
        sys.path.remove(str(FUZZ_DIR))
    module.load()
    return module


def _regressions() -> list[tuple[str, Path]]:
    return [(name, path) for name in HARNESSES for path in sorted((REGRESSIONS / name).glob("*"))]


@pytest.mark.issue(10)
@pytest.mark.parametrize("name,path", _regressions(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_fuzz_atheris_regression_inputs(name, path):
    _harness(name).check(path.read_bytes())


@pytest.mark.parametrize("name", HARNESSES)
def test_fuzz_atheris_corpus_replays(name):
    harness = _harness(name)
    for path in sorted((FUZZ_DIR / "corpus" / name).glob("*")):
        harness.check(path.read_bytes())


@pytest.mark.slow
@pytest.mark.parametrize("name", HARNESSES)
def test_fuzz_atheris_short_run(tmp_path, name):
    pytest.importorskip("atheris")
    done = subprocess.run([sys.executable, str(FUZZ_DIR / f"fuzz_{name}.py"), str(tmp_path),
                           str(FUZZ_DIR / "corpus" / name), f"-runs={RUNS}", "-timeout=30", "-seed=1",
                           f"-artifact_prefix={tmp_path}/"],
                          capture_output=True, text=True, timeout=300, cwd=FUZZ_DIR)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"Done {RUNS} runs" in done.stderr
