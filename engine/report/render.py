"""Rendering a report view: HTML (one self-contained file), Markdown, or PDF printed from the same HTML by a
headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import Any

from engine.errors import Location, Problem, UsageError
from engine.io.files import readable
from engine.resources import jinja_env

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def render_text(view: Any, name: str, fmt: str) -> str:
    kind = "markdown" if fmt == "markdown" else "html"
    template = jinja_env(kind).get_template(f"{name}.{'md' if kind == 'markdown' else 'html'}.j2")
    return template.render(v=view) if name == "monthly" else template.render(b=view)


def browser() -> str | None:
    for name in _BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def html_to_pdf(html: str, output: str) -> None:
    """Print the HTML to PDF with headless Chromium, written atomically to output."""
    exe = browser()
    if exe is None:
        raise UsageError([Problem("report.no_browser", {}, Location(output))])
    folder = os.path.dirname(os.path.abspath(output))
    with tempfile.TemporaryDirectory(prefix="tthc-check-") as work:
        page = os.path.join(work, "report.html")
        with open(page, "w", encoding="utf-8") as fh:
            fh.write(html)
        fd, tmp = tempfile.mkstemp(prefix=".tthc-check-", suffix=".pdf", dir=folder)
        os.close(fd)
        try:
            proc = subprocess.run(
                [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={os.path.join(work, 'profile')}",
                 "--no-pdf-header-footer", f"--print-to-pdf={tmp}", f"file://{page}"],
                capture_output=True, text=True, timeout=120, check=False)
            if proc.returncode != 0 or os.path.getsize(tmp) == 0:
                raise RuntimeError(f"{exe} could not print the report: {proc.stderr.strip()[-500:]}")
            readable(tmp)
            os.replace(tmp, output)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

