"""Rendering a report view: HTML (one self-contained file), Markdown, or PDF printed from the same HTML by a
headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from typing import Any

from markupsafe import Markup

from engine.errors import Location, Problem, UsageError
from engine.io.files import Writer
from engine.resources import jinja_env

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def render_text(view: Any, name: str, fmt: str) -> str:
    kind = "markdown" if fmt == "markdown" else "html"
    template = jinja_env(kind).get_template(f"{name}.{'md' if kind == 'markdown' else 'html'}.j2")
    return template.render(v=view) if name == "monthly" else template.render(b=view)


def css_string(text: str) -> Markup:
    """Text as a CSS string literal, for a printed page's margin box (@page { @top-center { content: … } }): every
    character but letters, digits and spaces written as a CSS escape, so nothing can end the string or the <style>
    element."""
    out = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text)
    return Markup(f'"{out}"')


def headless(exe: str, profile: str, *args: str) -> list[str]:
    """A headless Chromium's command line: no sandbox (containers), no network of its own, a profile of its own."""
    return [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]


def browser() -> str | None:
    for name in _BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def pdf_writer(html: str) -> Writer:
    """A writer that prints the HTML to PDF with headless Chromium. Without a browser, or when it fails, the
    user's machine lacks something: exit 2 with what to install, never an internal error."""

    def write(path: str) -> None:
        exe = browser()
        if exe is None:
            raise UsageError([Problem("report.no_browser", {}, Location(path))])
        with tempfile.TemporaryDirectory(prefix="tthc-check-") as work:
            page = os.path.join(work, "report.html")
            with open(page, "w", encoding="utf-8") as fh:
                fh.write(html)
            try:
                proc = subprocess.run(
                    headless(
                        exe,
                        os.path.join(work, "profile"),
                        "--no-pdf-header-footer",
                        f"--print-to-pdf={path}",
                        f"file://{page}",
                    ),
                    capture_output=True,
                    text=True,
                    timeout=120,
                    env={**os.environ, "TMPDIR": work},  # its own temporary folder: TMPDIR may name none
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise _browser_failed(exe, str(exc), path) from exc
            written = re.search(r"Failed to write file .*?: (.+?) \(\d+\)", proc.stderr)
            if written:  # a full disk or a folder gone: the user's fault to fix, said as for every other format
                raise OSError(0, written.group(1))
            if proc.returncode != 0 or not _is_pdf(path):
                raise _browser_failed(exe, proc.stderr.strip()[-300:] or f"exit {proc.returncode}", path)

    return write


def _is_pdf(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def _browser_failed(exe: str, reason: str, path: str) -> UsageError:
    return UsageError([Problem("report.browser_failed", {"browser": exe, "reason": reason}, Location(path))])
