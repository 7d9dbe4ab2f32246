"""The plain check's own reader (engine/cli/plain.py, issue 16) against typer's: generated command lines, run both
ways in this process, give the same exit code, the same output and the same files."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.cli.plain import main, parse

ROOT = Path(__file__).resolve().parents[1]
FILES = ["examples/ha-giang-2024.yaml", "examples/thanh-hoa-2022.yaml", "examples/tuyen-quang-2025-09-units.yaml",
         "examples/bo-ke-hoach-va-dau-tu-2024.yaml", "missing.yaml", "repot", "examples"]  # fmt: skip
OPTIONS = st.one_of(
    st.tuples(st.sampled_from(["--format", "-f"]), st.sampled_from(["table", "json", "markdown", "csv", "xml", ""])),
    st.tuples(st.just("--lang"), st.sampled_from(["vi", "en", "fr"])),
    st.tuples(st.just("--fail-on"), st.sampled_from(["missed", "at_risk", "never"])),
    st.tuples(st.sampled_from(["-o", "--output"]), st.sampled_from(["OUT/r.json", "OUT/r.md", "OUT/r.txt", "OUT/r.x"])),
    st.tuples(st.just("--waivers"), st.sampled_from(["examples/settings/waivers.yaml", "missing.yaml"])),
    st.tuples(st.sampled_from(["--bogus", "--lang=en", "-h", "--"]), st.just("")),
)


def _run(args: list[str], plain: bool, out: Path) -> tuple[int, str, str, dict[str, bytes]]:
    for f in out.glob("*"):
        f.unlink()
    args = [a.replace("OUT", str(out)) for a in args if a != ""]
    os.environ["TTHC_PLAIN"] = "on" if plain else "off"
    stdout, stderr = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            code = main(args)
    finally:
        os.chdir(cwd)
        os.environ.pop("TTHC_PLAIN", None)
    return code, stdout.getvalue(), stderr.getvalue(), {f.name: f.read_bytes() for f in sorted(out.glob("*"))}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    check=st.booleans(),
    files=st.lists(st.sampled_from(FILES), min_size=0, max_size=3),
    options=st.lists(OPTIONS, max_size=4),
    order=st.randoms(use_true_random=False),
)
def test_plain_and_typer_read_a_command_line_alike(tmp_path, check, files, options, order):
    words: list[list[str]] = [[f] for f in files] + [list(o) for o in options]
    order.shuffle(words)
    args = (["check"] if check else []) + [w for group in words for w in group]
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    plain = _run(args, True, out)
    typer = _run(args, False, out)
    assert plain == typer, args


def test_the_plain_reader_knows_every_command():
    from engine.cli.main import subcommands
    from engine.cli.plain import _subcommand_words

    assert _subcommand_words() == subcommands()


def test_what_the_plain_reader_takes_and_leaves():
    assert parse(["examples/ha-giang-2024.yaml"]) is not None
    assert parse(["check", "examples/ha-giang-2024.yaml", "-o", "a.json", "-o", "b.md", "--lang", "en"]) is not None
    for args in (["report", "x"], ["-h"], ["examples/ha-giang-2024.yaml", "--lang", "fr"], ["repot"],
                 ["examples/ha-giang-2024.yaml", "--lang", "en", "--lang", "vi"], ["examples/ha-giang-2024.yaml", "-o"],
                 ["--lang=en", "examples/ha-giang-2024.yaml"], []):  # fmt: skip
        assert parse(args) is None, args
