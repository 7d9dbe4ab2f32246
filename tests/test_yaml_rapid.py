"""The rapidyaml reader (engine/io/yaml_rapid.py, issue 16) against the PyYAML one (engine/io/yamlio.py): on every
generated document, and on every mutation of one (characters inserted, deleted, copied; lines indented, dedented,
repeated, swapped), what the rapid reader reads is what PyYAML reads, value for value and type for type; where they
could differ it answers None and PyYAML reads the text. Submissions as people and the benchmark write them are read
rapidly. A check in a batch (rapid) and one alone (PyYAML) give the same result, positions included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.check.checker import build_checker
from engine.check.result import RunResult
from engine.errors import DataFileError
from engine.io import yaml_rapid
from engine.io.yamlio import RAPID_FROM_CHARS, _parse_yaml, parse_yaml
from engine.output.json_result import report_json

ROOT = Path(__file__).resolve().parents[1]

# YAML 1.1's traps: words and numbers it reads otherwise than as text, numbers rapidyaml rewrites, Vietnamese text
# decomposed, indicators inside text
_WORDS = [
    "yes", "no", "On", "off", "~", "null", "true", "False", "0", "010", "0x1F", "1_000", "1.5", "-0", "12:30",
    "2024-01-01", "1e5", "1.0e+5", ".5", "5.", "-.5", "+5", "<<", "=", "Đơn vị 001", "Tỉnh Hòa Bình", "a\u0301",
    "x: y", "a #b", "'q'", '"dq"', "- x", "a,b", "", "  sp  ", "numerator", "Sở A & B", "45 %", "v.v.", "1.",
    "Điều 1. Phạm vi", "line\nbreak", ".inf", "0o17", "0b101", "12345678901234567890", "-12.50", "ß", "x\u00a0y",
]  # fmt: skip
_SCALARS = st.one_of(
    st.sampled_from(_WORDS), st.integers(-(10**20), 10**20), st.booleans(), st.none(), st.text(max_size=6)
)
_KEYS = st.one_of(st.sampled_from(_WORDS), st.from_regex(r"[a-z_]{1,10}", fullmatch=True))
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=12
)
_DOCS = st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=5)
_STYLE = st.fixed_dictionaries(
    {
        "allow_unicode": st.booleans(),
        "width": st.sampled_from([12, 80, 4096]),
        "indent": st.sampled_from([2, 4]),
        "default_flow_style": st.sampled_from([False, None]),  # None: the innermost collections in flow style
    }
)
_EDITS = list(" :-\n\"'#.,0123456789aé&*!|>%@`?~_\\\t") + ["\u0301", "  ", ": ", "- ", "\n  ", "\r\n", "[", "{"]


def _pyyaml(text: str) -> str:
    try:
        return repr(_parse_yaml(text, "x.yaml", True).data)
    except DataFileError:
        return "refused"


def _same(text: str) -> None:
    got = yaml_rapid.read(text)
    if got is not None:
        assert repr(got) == _pyyaml(text), text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS, _STYLE)
def test_generated_documents_read_alike(doc: dict, style: dict) -> None:
    _same(yaml.safe_dump(doc, sort_keys=False, **style))


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = yaml.safe_dump(draw(_DOCS), sort_keys=False, **draw(_STYLE))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "copy", "indent", "dedent", "repeat", "swap"]))
        lines = text.split("\n")
        line = min(draw(st.integers(0, len(lines) - 1)), len(lines) - 1)
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(_EDITS)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + 1 :]
        elif edit == "copy":
            start = draw(st.integers(0, len(text)))
            text = text[:at] + text[start : start + draw(st.integers(1, 8))] + text[at:]
        else:
            if edit == "indent":
                lines[line] = " " * draw(st.integers(1, 3)) + lines[line]
            elif edit == "dedent":
                lines[line] = lines[line][1:] if lines[line].startswith(" ") else lines[line]
            elif edit == "repeat":
                lines.insert(line, lines[draw(st.integers(0, len(lines) - 1))])
            else:
                lines[line], lines[-1] = lines[-1], lines[line]
            text = "\n".join(lines)
    return text


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_mutated_documents_read_alike_or_are_left_to_pyyaml(text: str) -> None:
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "k0: }\n",  # rapidyaml reads a flow indicator as text where YAML refuses it
        "k0:\n  ',0x1F\n  ': 1\n",  # a quoted key over two lines: rapidyaml takes it, YAML refuses it
        "a: 5.\n",  # rapidyaml writes 5.0 (PyYAML: Decimal("5."))
        "a: -.5\n",  # rapidyaml writes -0.5; to YAML 1.1 it is text
        "a: 1e5\n",  # a JSON number; to YAML 1.1 text
        "a: yes\n",  # True to YAML 1.1; JSON cannot say whether it was quoted
        "a: 1\na: 2\n",  # a duplicate key: PyYAML names both lines
        "a: &x 1\nb: *x\n",  # an alias: refused, never expanded
        "a: !!str 1\n",  # a tag
        "- 1\n- 2\n",  # not a mapping
        "",  # empty
        "a: |\n  text\n",  # a block scalar
        "k:\n  - [1, 2, true]  k0: x\n",  # text after a flow collection: rapidyaml reads on, YAML refuses it
        "k: {a:, b c}\n",  # a flow collection but the simplest
        "k1:\n  k4:\n  - {}\n   k5: 1\n",  # after a flow item, rapidyaml reads a key " k5"; YAML refuses it
        "{k0: tue\n\n}\n",  # a blank line in a flow collection: rapidyaml keeps its line break
        "k: x\ry: 1\n",  # a lone carriage return: a line break to YAML
        "a: x\u0085b\n",  # NEL: a line break to YAML 1.1
    ],
)
def test_what_may_differ_is_left_to_pyyaml(text: str) -> None:
    assert yaml_rapid.read(text) is None


def test_a_syntax_error_writes_nothing_and_is_left_to_pyyaml(capfd: pytest.CaptureFixture[str]) -> None:
    assert yaml_rapid.read("a: b: c\n") is None
    assert capfd.readouterr().err == ""  # rapidyaml's C++ handler writes to standard error before raising


def test_submissions_are_read_rapidly_and_alike() -> None:
    from bench.national import batch

    texts = [text for _, text in batch(["Hà Nội"], units=20)[:3]]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.yaml"))]
    for text in texts:  # the shipped examples: comments, figures in flow style over several lines, Vietnamese
        assert yaml_rapid.read(text) is not None, text[:200]
        _same(text)


def test_rapidly_read_document_locates_as_pyyaml_does() -> None:
    text = "province: Hà Nội\nperiod: 2025-07\nunits:\n  - name: Xã A\n    kind: commune\n    counts:\n      x: 1\n"
    big = text + "# " + "x" * (70 * 1024) + "\n"  # large enough for parse_yaml to read it rapidly
    rapid, plain = parse_yaml(big, "a.yaml"), _parse_yaml(big, "a.yaml", True)
    assert rapid.unlocated is not None and rapid.data == plain.data
    for path in [("units", 0, "counts", "x"), ("period",), ("units", 0, "nowhere")]:
        assert rapid.locate(path) == plain.locate(path)
        assert rapid.locate(path, key=True) == plain.locate(path, key=True)


def _case_files() -> list[tuple[str, str]]:
    """The shipped examples and every YAML file the test cases write (submissions, well formed or not)."""
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    for case in sorted((ROOT / "tests" / "cases").rglob("*.yaml")):
        files = yaml.safe_load(case.read_text(encoding="utf-8")).get("files") or {}
        out += [(f"{case.stem}/{n}", t) for n, t in files.items() if n.endswith(".yaml") and isinstance(t, str)]
    return out


def test_a_check_in_a_batch_is_that_of_a_check_alone() -> None:
    """The result in a batch (the rapid reader) and alone (PyYAML), as JSON, positions and all."""
    checker = build_checker()
    texts = _case_files()
    alone = [checker.check_text(t, name) for name, t in texts]
    with checker.batch():
        batched = [checker.check_text(t, name) for name, t in texts]
    for (name, _), a, b in zip(texts, alone, batched, strict=True):
        assert report_json(RunResult([a]), checker.catalogue, "vi") == report_json(
            RunResult([b]), checker.catalogue, "vi"
        ), name
    # the two readers were the ones compared: alone, PyYAML (positions read); in a batch, rapidyaml for most texts
    small = [t for _, t in texts if len(t) < RAPID_FROM_CHARS]
    assert not any(_read_rapidly(t) for t in small)
    with checker.batch():
        assert sum(_read_rapidly(t) for t in small) > len(small) // 2


def _read_rapidly(text: str) -> bool:
    try:
        return parse_yaml(text, "x.yaml", strict=False).unlocated is not None
    except DataFileError:  # a file no reader reads
        return False


def test_with_standard_error_closed_a_batch_still_checks(tmp_path: Path) -> None:
    """Regression: the rapid reader silences standard error by its descriptor; closed (2>&-), the text goes to PyYAML
    and the run goes on."""
    import subprocess
    import sys

    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("province: Hà Giang\nperiod: 2024\nindicators:\n  portal_service_rate: 80\n")
    probe = (
        "import os, sys\nos.close(2)\nfrom engine.check.checker import build_checker\n"
        f"run = build_checker().run([{str(tmp_path / 'a.yaml')!r}, {str(tmp_path / 'b.yaml')!r}])\n"
        "print(len(run.files), sum(r.has_errors for r in run.files))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "0"]
