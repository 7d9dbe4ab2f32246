"""The command line around the check: output files, exit codes 3 and 130, subcommands, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EXAMPLE = "examples/ha-giang-2024.yaml"


def test_output_file_is_written_whole(cli, tmp_path):
    out = tmp_path / "ket-qua.json"
    result = cli(["--format", "json", "-o", str(out), EXAMPLE], cwd=ROOT)
    assert (result.code, result.stdout, result.stderr) == (0, "", "")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "tthc-check/result/1"
    assert [f["status"] for f in data["results"][0]["findings"]] == ["no_data", "no_data", "no_data", "met", "met"]
    assert [p.name for p in tmp_path.iterdir()] == ["ket-qua.json"]  # no temporary file left behind


def test_output_never_overwrites_an_input(cli, tmp_path):
    sub = tmp_path / "s.yaml"
    original = "province: Hà Giang\nperiod: 2024\n"
    sub.write_text(original, encoding="utf-8")
    result = cli([str(sub), "-o", str(sub)])
    assert result.code == 2 and "usage.output_is_input" in result.stderr
    assert sub.read_text(encoding="utf-8") == original


def test_internal_error_is_exit_3_with_a_log(cli, monkeypatch, tmp_path):
    import engine.check.checker as checker_module

    def explode(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(checker_module, "evaluate", explode)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = cli([EXAMPLE], cwd=ROOT)
    assert result.code == 3
    assert "ZeroDivisionError: boom" in result.stderr and "Traceback" not in result.stderr
    log = result.stderr.strip().split(": ")[-1]
    with open(log, encoding="utf-8") as fh:
        assert log.startswith(str(tmp_path)) and "ZeroDivisionError" in fh.read()


def test_interrupt_is_exit_130(cli, monkeypatch):
    import engine.check.checker as checker_module

    def interrupt(self, paths, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(checker_module.Checker, "run", interrupt)
    assert cli([EXAMPLE], cwd=ROOT).code == 130


def test_version_and_help(cli):
    from engine import __version__

    assert cli(["--version"]).stdout == f"tthc-check {__version__}\n"
    help_text = cli(["--help"]).stdout
    assert "targets" in help_text and "schema" in help_text


def test_same_output_whatever_the_hash_seed():
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "engine",
                "--format",
                "json",
                "examples/tuyen-quang-2025-09-units.yaml",
                "examples/ha-giang-2024.yaml",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=False,
        )
        assert proc.returncode == 1, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_targets_json_lists_every_target_with_its_basis(cli, catalogue):
    data = json.loads(cli(["targets", "--format", "json", "--lang", "en"]).stdout)
    assert data["schema"] == "tthc-check/targets/1"
    assert sorted(t["id"] for t in data["targets"]) == sorted(catalogue.targets)
    payment = {t["id"]: t for t in data["targets"]}["cp2024-online-payment"]
    assert (payment["threshold"], payment["op"], payment["confidence"], payment["verified"]) == ("45", ">=", "M", False)
    assert payment["instrument"]["number"] is None and "Hà Giang" in payment["instrument"]["source"]
    assert payment["wording_read_in"] == "vi" and "45%" in payment["wording"] and "CGTĐT" in payment["source"]
    assert cli(["targets", "--format", "markdown"]).stdout.startswith("| Mã | Chỉ số |")


def test_rules_subcommand_lists_every_rule_with_its_place(cli, checker):
    out = cli(["rules", "--lang", "en"], cwd=ROOT).stdout
    assert "rules/status.yaml:4: status-met (set_status)" in out
    assert "rules/responsibility.yaml:13: units-behind (name_units_behind)" in out
    listed = [line.split(": ")[1].split(" (")[0] for line in out.splitlines() if not line.startswith("  ")]
    assert sorted(listed) == sorted(checker.engine.book.rules)


def test_several_outputs_from_one_run(cli, tmp_path):
    outs = [tmp_path / "ket-qua.json", tmp_path / "ket-qua.md", tmp_path / "ket-qua.txt"]
    args = ["examples/tuyen-quang-2025-09-units.yaml"]
    result = cli([*args, *sum((["-o", str(p)] for p in outs), [])], cwd=ROOT)
    assert (result.code, result.stdout) == (1, "")
    for path, fmt in zip(outs, ("json", "markdown", "table"), strict=True):
        assert path.read_text(encoding="utf-8") == cli(["-f", fmt, *args], cwd=ROOT).stdout
    bad = cli([*args, "-o", str(tmp_path / "a.json"), "-o", str(tmp_path / "a.xyz")], cwd=ROOT)
    assert bad.code == 2 and "usage.output_extension" in bad.stderr
    assert not (tmp_path / "a.json").exists()  # nothing is written when one output cannot be


def test_several_report_outputs(cli, tmp_path):
    result = cli(
        [
            "report",
            "monthly",
            "examples/history/2024/ha-giang-2024-11.yaml",
            "--history",
            "examples/history",
            "-o",
            str(tmp_path / "r.html"),
            "-o",
            str(tmp_path / "r.md"),
            "-o",
            str(tmp_path / "ket-qua.json"),
            "-o",
            str(tmp_path / "r.docx"),
        ],
        cwd=ROOT,
    )
    assert result.code == 0
    assert json.loads((tmp_path / "ket-qua.json").read_text(encoding="utf-8"))["results"][0]["period"] == "2024-11"
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Báo cáo tình hình")


def test_results_as_a_workbook_an_analyst_can_pivot(cli, tmp_path):
    import openpyxl

    sub = tmp_path / "s.yaml"
    sub.write_text(
        "province: Hà Giang\nperiod: 2024\nindicators:\n  online_payment_rate: {numerator: 1156, denominator: 1979}\n"
        'units:\n  - name: \'=HYPERLINK("http://x","bấm")\'\n    kind: department\n'
        "    indicators:\n      online_payment_rate: {numerator: 40, denominator: 210}\n",
        encoding="utf-8",
    )
    for name in ("a.xlsx", "b.xlsx"):
        assert cli([str(sub), "-o", str(tmp_path / name)]).code in (0, 1)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()  # the same bytes
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert book.sheetnames == ["Chỉ tiêu", "Số liệu", "Số liệu đơn vị", "Số đếm", "Vấn đề"]
    findings = book["Chỉ tiêu"]
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref.startswith("A1:")
    header = [c.value for c in findings[1]]
    row = {
        h: c
        for h, c in zip(
            header,
            next(r for r in findings.iter_rows(min_row=2) if r[3].value == "cp2024-online-payment"),
            strict=False,
        )
    }
    assert row["Giá trị"].value == pytest.approx(0.5841) and row["Giá trị"].number_format == "0.00%"
    assert row["Trạng thái"].value == "đạt" and row["Ngưỡng"].value == pytest.approx(0.45)
    unit = book["Số liệu đơn vị"]
    name = unit.cell(2, 4)
    assert name.value == '=HYPERLINK("http://x","bấm")' and name.data_type == "s"  # text, never a formula
    assert unit.cell(2, 8).value == pytest.approx(0.1905) and unit.cell(2, 9).value == 40


def test_results_as_csv_open_right_in_excel(cli, tmp_path):
    out = tmp_path / "k.csv"
    assert cli([EXAMPLE, "-o", str(out)], cwd=ROOT).code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Tệp;Đơn vị báo cáo;Kỳ báo cáo;Mã chỉ tiêu")  # as Excel with Vietnamese settings
    payment = next(line for line in lines if "cp2024-online-payment" in line).split(";")
    assert payment[6:9] == ["58,41", "45", "đạt"]
    en = tmp_path / "k-en.csv"
    assert cli([EXAMPLE, "-o", str(en), "--lang", "en"], cwd=ROOT).code == 0
    assert '"58.41",' in en.read_text(encoding="utf-8-sig").replace(",58.41,", ',"58.41",')


def test_an_output_extension_no_format_claims_is_refused(cli, tmp_path):
    for args in (["-o", "k.xls"], ["-o", "k"], ["-f", "xlsx"], ["-f", "json", "-o", "k.xlsx"]):
        result = cli(
            [EXAMPLE, *[a if a.startswith("-") or "." not in a else str(tmp_path / a) for a in args]], cwd=ROOT
        )
        assert result.code == 2 and "Traceback" not in result.stderr, args
    assert list(tmp_path.iterdir()) == []
    assert cli(["report", "briefing", EXAMPLE, "-o", str(tmp_path / "b.csv")], cwd=ROOT).code == 2


def test_standard_input_is_a_submission_named_dash():
    with open(EXAMPLE, encoding="utf-8") as fh:
        text = fh.read()
    proc = subprocess.run(
        [sys.executable, "-m", "engine", "-", "-f", "json"], input=text.encode(), capture_output=True, cwd=ROOT
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert json.loads(proc.stdout)["results"][0]["file"] == "-"
    bad = subprocess.run(
        [sys.executable, "-m", "engine", "-"], input=b"province: X\nperiod: 2024\n", capture_output=True
    )
    assert bad.returncode == 2 and b"-:1:11:" in bad.stdout + bad.stderr


def test_a_report_is_not_dumped_on_a_terminal():
    from engine.jobs.report import ReportRequest, run_report

    out = run_report(ReportRequest(kind="monthly", submissions=[EXAMPLE], to_terminal=True))
    assert out.exit_code == 2 and "report.needs_output" in "".join(out.stderr) and out.stdout == ""
    markdown = run_report(ReportRequest(kind="monthly", submissions=[EXAMPLE], to_terminal=True, format="markdown"))
    assert markdown.exit_code in (0, 1) and markdown.stdout.startswith("# ")


# the help's language follows the environment's (LANG=en_… is English): the tests of Vietnamese run without it
_VI = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}


def test_help_is_in_vietnamese_and_in_english_when_asked():
    vi = subprocess.run(
        [sys.executable, "-m", "engine", "compute", "-h"], capture_output=True, text=True, cwd=ROOT, env=_VI
    )
    assert (
        vi.returncode == 0 and "tỉnh (viết thế nào cũng được, hoặc mã)" in vi.stdout and "--province TỈNH" in vi.stdout
    )
    en = subprocess.run(
        [sys.executable, "-m", "engine", "compute", "--lang", "en", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_VI,
    )
    assert en.returncode == 0 and "the province (any spelling, or its code)" in en.stdout
    check = subprocess.run(
        [sys.executable, "-m", "engine", "check", "-h"], capture_output=True, text=True, cwd=ROOT, env=_VI
    )
    assert "Tùy chọn:" in check.stdout and "Hiện hướng dẫn này." in check.stdout and "Show this" not in check.stdout
    assert "<list[str]>" not in check.stdout and "FILE...  các tệp số liệu" in check.stdout
    group = subprocess.run(
        [sys.executable, "-m", "engine", "report"], capture_output=True, text=True, cwd=ROOT, env=_VI
    )
    assert group.returncode == 2 and "Cách dùng: tthc-check report [TÙY CHỌN] LỆNH [ĐỐI SỐ]..." in group.stderr


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["--bogus", "x.yaml"], "Lỗi: không có tùy chọn --bogus", "Error: No such option: --bogus"),
        (["report", "monthly"], "Lỗi: thiếu đối số 'SUBMISSION'.", "Error: Missing argument 'SUBMISSION'."),
        (
            ["--format", "xml", "x.yaml"],
            "'xml' không phải một trong: 'table', 'json', 'markdown', 'csv', 'xlsx'.",
            "'xml' is not one of 'table'",
        ),
        (["report", "monthly", "x.yaml", "--history"], "tùy chọn --history cần một giá trị", "requires an argument"),
    ],
)
def test_usage_errors_are_said_in_the_users_language(args, vi, en):
    """Click's own words (typer vendors Click without gettext): taken apart and said in Vietnamese, exit 2, no
    traceback; English with --lang en."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    said = subprocess.run([sys.executable, "-m", "engine", *args], capture_output=True, text=True, cwd=ROOT, env=env)
    assert said.returncode == 2 and vi in said.stderr and "Traceback" not in said.stderr, said.stderr
    assert "Cách dùng: tthc-check" in said.stderr or "--history" in args
    english = subprocess.run(
        [sys.executable, "-m", "engine", "--lang", "en", *args], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert english.returncode == 2 and en in english.stderr and "Traceback" not in english.stderr, english.stderr


def test_a_plain_check_imports_nothing_it_does_not_need():
    """Issue 16: the optional packages stay off a plain check's start-up path (each costs tens of milliseconds)."""
    probe = (
        "import sys, contextlib, io\n"
        "from engine.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['examples/ha-giang-2024.yaml'])\n"
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))\n"
    )
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT).stdout.split())
    assert "engine" in loaded
    unneeded = {"openpyxl", "docx", "jinja2", "duckdb", "ibis", "resvg_py", "python_calamine", "pandas", "pyarrow"}
    assert loaded & unneeded == set()
