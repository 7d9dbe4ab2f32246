"""Shared fixtures: the repository's folders, the shipped catalogue and checker, a CLI runner, a file writer and a
thread harness. Tests take these as arguments; no test imports another test module or this one."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _cache_of_this_run(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests' cache is their own (empty at the start, shared by every test and subprocess of the run): the
    user's is never read or written."""
    os.environ["TTHC_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@dataclass
class CliRun:
    code: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def examples() -> Path:
    return ROOT / "examples"


@pytest.fixture(scope="session")
def cli() -> Callable[..., CliRun]:
    """Run tthc-check in this process, the way a user would, and capture everything it says. The working
    directory is the repository unless another is given."""
    from engine.cli.plain import main

    def run(args: list[str], cwd: str | os.PathLike[str] | None = ROOT) -> CliRun:
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

    return run


@pytest.fixture
def dom(tmp_path: Path) -> Callable[[str | os.PathLike[str]], tuple[str, str]]:
    """Open an HTML file in headless Chromium (skipped where it is not installed) and return the page's DOM after
    its scripts ran, and what the browser logged (console messages among them)."""
    import subprocess

    from engine.report.render import browser, headless

    exe = browser()
    if exe is None:
        pytest.skip("Chromium is not installed (make test installs the Debian package chromium)")

    def render(html_path: str | os.PathLike[str]) -> tuple[str, str]:
        proc = subprocess.run(
            headless(
                exe,
                str(tmp_path / "chromium-profile"),
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                f"file://{html_path}",
            ),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc.stdout, proc.stderr

    return render


@pytest.fixture(scope="session")
def catalogue() -> Any:
    from engine.catalogue import load_catalogue

    return load_catalogue()


@pytest.fixture(scope="session")
def checker() -> Any:
    from engine.check.checker import build_checker

    return build_checker()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], str]:
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


@pytest.fixture(scope="session")
def in_threads() -> Callable[[Callable[[], Any], int, int], list[Any]]:
    """Run work() `times` times in each of `threads` threads; return every result, or raise the first error."""

    def run(work: Callable[[], Any], threads: int = 4, times: int = 100) -> list[Any]:
        results: list[Any] = []
        errors: list[BaseException] = []

        def loop() -> None:
            try:
                for _ in range(times):
                    results.append(work())
            except BaseException as exc:  # collected and raised below: a thread's error must fail the test
                errors.append(exc)

        workers = [threading.Thread(target=loop) for _ in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        if errors:
            raise errors[0]
        return results

    return run
