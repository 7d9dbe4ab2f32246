"""Nothing the user had is lost, and ordinary faults are exit 2: -o onto a link, a folder, a device, a
write-protected file or any file the run read; inputs that are not files; a stream that cannot encode Vietnamese;
Ctrl-C inside a library. Each is a regression test of a failure found by the attack pass (issue 13)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "ha-giang-2024.yaml")
RECORDS = os.path.join(ROOT, "examples", "records", "ha-giang-2024.csv")
MAPPING = os.path.join(ROOT, "examples", "records", "mapping.yaml")


@pytest.fixture
def here(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "s.yaml")
    return tmp_path


def _refused(run, code: str) -> None:
    assert run.code == 2, run.stderr
    assert f"[{code}]" in run.stdout + run.stderr and "Traceback" not in run.stdout + run.stderr


def test_output_onto_a_link_is_refused_and_the_link_kept(cli, here):
    (here / "real.json").write_text("{}", encoding="utf-8")
    os.symlink("real.json", here / "link.json")
    _refused(cli(["s.yaml", "-o", "link.json"], cwd=str(here)), "usage.output_symlink")
    assert os.path.islink(here / "link.json") and (here / "real.json").read_text(encoding="utf-8") == "{}"


def test_output_onto_a_device_through_a_link_leaves_the_device(cli, here):
    os.symlink("/dev/null", here / "null.json")
    _refused(cli(["s.yaml", "-o", "null.json"], cwd=str(here)), "usage.output_symlink")
    assert os.path.islink(here / "null.json")


def test_output_onto_a_folder_or_a_protected_file_is_refused(cli, here):
    (here / "d.json").mkdir()
    _refused(cli(["s.yaml", "-o", "d.json"], cwd=str(here)), "usage.output_is_directory")
    (here / "keep.json").write_text("{}", encoding="utf-8")
    os.chmod(here / "keep.json", 0o444)
    _refused(cli(["s.yaml", "-o", "keep.json"], cwd=str(here)), "usage.output_protected")
    assert (here / "keep.json").read_text(encoding="utf-8") == "{}"


def test_several_outputs_fail_together(cli, here):
    (here / "d.md").mkdir()
    run = cli(["s.yaml", "-o", "a.json", "-o", "d.md"], cwd=str(here))
    _refused(run, "usage.output_is_directory")
    assert not (here / "a.json").exists()


def test_rows_left_out_never_replace_the_records(cli, tmp_path):
    records = tmp_path / "r.csv"
    shutil.copy(RECORDS, records)
    before = records.read_bytes()
    args = ["compute", "r.csv", "--mapping", MAPPING, "--province", "Hà Giang", "--period", "2024"]
    _refused(cli([*args, "--rejected", "r.csv"], cwd=str(tmp_path)), "usage.output_is_input")
    os.symlink("r.csv", tmp_path / "same.csv")
    assert cli([*args, "--rejected", "same.csv"], cwd=str(tmp_path)).code == 2
    assert records.read_bytes() == before


def test_an_output_is_verified_before_it_replaces_the_last(tmp_path):
    from engine.errors import UsageError
    from engine.io.files import binary, write_outputs

    good = tmp_path / "r.pdf"
    good.write_bytes(b"%PDF-1.7 whole %%EOF")
    with pytest.raises(UsageError):
        write_outputs([(str(good), binary(b"%PDF-1.7 cut short by a full disk"))])
    with pytest.raises(UsageError):
        write_outputs([(str(tmp_path / "w.docx"), binary(b"PK\x03\x04 not a whole zip"))])
    assert good.read_bytes() == b"%PDF-1.7 whole %%EOF"
    assert sorted(os.listdir(tmp_path)) == ["r.pdf"]


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_an_input_that_is_not_a_file_is_refused_by_its_type(cli, tmp_path, kind):
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe.yaml")
        path = "pipe.yaml"
    else:
        path = "/dev/zero"
    _refused(cli([path], cwd=str(tmp_path)), "file.not_regular")
    run = cli(["compute", path, "--mapping", MAPPING, "--province", "Hà Giang", "--period", "2024"], cwd=str(tmp_path))
    _refused(run, "file.not_regular")


def test_a_stream_that_cannot_encode_vietnamese_degrades_not_fails():
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    proc = subprocess.run(
        [sys.executable, "-m", "engine", EXAMPLE], capture_output=True, env=env, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert b"H\\u00e0 Giang" not in proc.stdout and b"\\u1ec9" in proc.stdout  # latin-1 has "à", not "ỉ"


def test_ctrl_c_inside_duckdb_is_130(monkeypatch):
    import duckdb

    from engine.cli.main import main
    from engine.records import build

    def interrupted(*args, **kwargs):
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")

    monkeypatch.setattr(build, "compute_submission", interrupted)
    args = ["compute", RECORDS, "--mapping", MAPPING, "--province", "Hà Giang", "--period", "2024"]
    assert main(args) == 130
