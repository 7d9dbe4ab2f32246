"""Shared fixtures: the repository's folders, the shipped catalogue and checker, and a CLI runner."""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")


@dataclass
class CliRun:
    code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], cwd: str | None = None) -> CliRun:
    """Run tthc-check in this process, the way a user would, and capture everything it says."""
    from engine.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            code = main(args)
    finally:
        os.chdir(old)
    return CliRun(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def catalogue():
    from engine.catalogue import load_catalogue

    return load_catalogue(os.path.join(ROOT, "targets"))


@pytest.fixture(scope="session")
def checker():
    from engine.check.checker import build_checker

    return build_checker()


@pytest.fixture
def write(tmp_path):
    """Write a file under a temporary folder and return its path."""

    def _write(name: str, text: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


sys.path.insert(0, ROOT)
