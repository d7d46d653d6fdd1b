"""The README's Python examples run, and its commands exist."""

from __future__ import annotations

import re

import pytest
import typer.main
from conftest import REPO

from parley.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)


@pytest.mark.parametrize("block", PYTHON_BLOCKS)
def test_readme_python_examples_run(block, capsys):
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip(), "the example should print something"


def test_readme_python_example_codes_the_meeting(capsys):
    exec(compile(PYTHON_BLOCKS[0], "README.md", "exec"), {})
    assert "CONSULT" in capsys.readouterr().out


def test_readme_names_only_real_commands():
    commands = {c.name for c in typer.main.get_command(app).commands.values()}
    shell = "\n".join(re.findall(r"```(?:sh|text)\n(.*?)```", README, flags=re.S))
    named = set(re.findall(r"^(?:\$ )?parley ([a-z]+)", shell, flags=re.M))
    assert named and named <= commands, named - commands
    assert {"demo", "test"} <= set(re.findall(r"^make ([a-z]+)", README, flags=re.M))
