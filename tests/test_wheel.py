"""The built wheel carries rules/, targets/ and reports/: an installed tthc-check works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), ROOT], check=True, capture_output=True
    )
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for data in (
        "engine/_data/rules/status.yaml",
        "engine/_data/targets/targets.yaml",
        "engine/_data/reports/check.md.j2",
    ):
        assert data in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", os.path.join(ROOT, "requirements.lock")], check=True, capture_output=True)
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True, capture_output=True)
    example = tmp_path / "ha-giang.yaml"
    with open(os.path.join(ROOT, "examples", "ha-giang-2024.yaml"), encoding="utf-8") as fh:
        example.write_text(fh.read(), encoding="utf-8")
    proc = subprocess.run(
        [str(venv / "bin" / "tthc-check"), "--lang", "en", "--format", "json", example.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert '"status": "met"' in proc.stdout and '"target": "cp2024-online-payment"' in proc.stdout
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import engine.resources as r; print(r.data_dir('rules'))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "_data" in where and not where.startswith(ROOT)
