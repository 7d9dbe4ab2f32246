"""The plain submission reader (engine/model/plain.py, issue 16) against pydantic's: on every generated submission,
well formed or not, what the plain reader accepts pydantic accepts too, as the same objects of the same types; what
it declines, pydantic reads (or refuses). Well-formed submissions are never declined: the happy path stays plain.
And a plain check does not import what it does not need (pydantic, typer, the report and record libraries)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from engine.io.yamlio import parse_yaml
from engine.model.numbers import NumberText
from engine.model.plain import read_plain
from engine.model.submission_in import SubmissionIn
from engine.model.validation import validate

ROOT = Path(__file__).resolve().parents[1]

_ANY_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**13),
    st.decimals(allow_nan=True, allow_infinity=True, places=3),
    st.sampled_from(
        [
            "",
            "58,41",
            "58,41 %",
            "1.972",
            "abc",
            "23/9/2025",
            "30/2/2024",
            "2024-12-12",
            "2024-02-30",
            "2024-12-12T00:00:00",
            "2024",
            "2024-Q3",
            "Hà Giang",
            "02",
            " x\ny ",
        ]
    ),  # fmt: skip
    st.builds(NumberText, st.sampled_from(["010", "0x1F", "1_000"])),
    st.dates(),
    st.floats(allow_nan=False, allow_infinity=False),
)
_VALUES = st.recursive(_ANY_SCALAR, lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2), max_leaves=4)  # fmt: skip
_COUNT = st.integers(0, 10**6)
_FIGURE_OK = st.one_of(
    st.integers(0, 100),
    st.decimals(0, 100, places=2),
    st.fixed_dictionaries(
        {},
        optional={
            "numerator": _COUNT,
            "denominator": _COUNT,
            "value": st.decimals(0, 100, places=2),
            "rank": _COUNT,
            "rank_of": _COUNT,
        },
    ),  # fmt: skip
)
_IDS = st.sampled_from(["online_payment_rate", "digitization_rate", "dossiers_received", "x"])


def _maybe_broken(ok: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(ok, ok, ok, _VALUES)


_UNIT = st.fixed_dictionaries(
    {"name": _maybe_broken(st.sampled_from(["Sở Tư pháp", "Xã A", "  Xã\nB "])),
     "kind": _maybe_broken(st.sampled_from(["department", "commune", "district", "centre"]))},
    optional={"indicators": st.dictionaries(_IDS, _maybe_broken(_FIGURE_OK), max_size=2),
              "counts": st.dictionaries(_IDS, _maybe_broken(_COUNT), max_size=2),
              "extra": _VALUES},
)  # fmt: skip
_SUBMISSION = st.fixed_dictionaries(
    {"period": _maybe_broken(st.sampled_from(["2024", "2024-Q3", 2024]))},
    optional={"province": _maybe_broken(st.sampled_from(["Hà Giang", "02", 2])),
              "ministry": _maybe_broken(st.just("Bộ Tư pháp")),
              "as_of": _maybe_broken(st.one_of(st.dates(), st.just("23/9/2025"), st.just("2024-12-12"))),
              "indicators": _maybe_broken(st.dictionaries(_IDS, _maybe_broken(_FIGURE_OK), max_size=3)),
              "counts": _maybe_broken(st.dictionaries(_IDS, _maybe_broken(_COUNT), max_size=3)),
              "units": _maybe_broken(st.lists(_UNIT, max_size=3)),
              "unknown": _VALUES},
)  # fmt: skip


def _exact(value: object) -> object:
    """A value with its type, all the way down: a date read day first is not a plain date, 58,41 not 58.41."""
    if dataclasses.is_dataclass(value):
        return (type(value), tuple((f.name, _exact(getattr(value, f.name))) for f in dataclasses.fields(value)))
    if isinstance(value, dict):
        return (dict, tuple((k, _exact(v)) for k, v in value.items()))
    if isinstance(value, list):
        return (list, tuple(_exact(v) for v in value))
    return (type(value), value, getattr(value, "text", None))


@settings(max_examples=600, deadline=None)
@given(_SUBMISSION)
def test_the_plain_reader_agrees_with_pydantic(data):
    plain = read_plain(data)
    try:
        strict = validate(SubmissionIn, data)
    except ValidationError:
        assert plain is None, "the plain reader accepted what pydantic refuses"
        return
    if plain is not None:
        assert _exact(plain) == _exact(strict)


_WELL_FORMED = st.fixed_dictionaries(
    {"province": st.sampled_from(["Hà Giang", "02"]), "period": st.sampled_from(["2024", 2024])},
    optional={"as_of": st.one_of(st.dates(), st.just("2024-12-12")),
              "indicators": st.dictionaries(_IDS, _FIGURE_OK, max_size=3),
              "counts": st.dictionaries(_IDS, _COUNT, max_size=3),
              "units": st.lists(st.fixed_dictionaries({"name": st.just("Sở Tư pháp"), "kind": st.just("department")},
                                                      optional={"counts": st.dictionaries(_IDS, _COUNT, max_size=2)}),
                                max_size=2)},
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(_WELL_FORMED)
def test_a_well_formed_submission_is_read_plainly(data):
    assert read_plain(data) is not None


def test_the_examples_are_read_plainly():
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        data = parse_yaml(path.read_text(encoding="utf-8"), str(path), strict=False).data
        if isinstance(data, dict) and "period" in data:
            assert read_plain(data) is not None, path


def test_a_decimal_and_a_date_keep_their_reading():
    read = read_plain({"province": "02", "period": 2024, "as_of": "23/9/2025", "indicators": {"x": "58,41 %"}})
    assert read is not None
    assert read.as_of == date(2025, 9, 23) and read.as_of.text == "23/9/2025"  # type: ignore[attr-defined]
    assert read.indicators["x"].value == Decimal("58.41")


# the libraries of other commands and of input that is not well formed; Babel (its symbols are cached); what only
# writing a file, a run with waivers or local targets, or an internal error needs
_NOT_NEEDED = ["pydantic", "pydantic_core", "typer", "click", "jinja2", "openpyxl", "docx", "duckdb", "ibis",
               "pandas", "importlib.metadata", "babel", "tempfile", "shutil", "zipfile", "calendar",
               "engine.check.waivers", "engine.catalogue.local", "engine.rules.rulebook_in",
               "ryml", "engine.io.yaml_rapid"]  # fmt: skip


def test_a_plain_check_imports_only_what_it_needs(tmp_path):
    """Run twice: the first run reads the catalogue and rules afresh (pydantic), the second from the cache."""
    probe = (
        "import sys, io, contextlib\n"
        "from engine.cli.plain import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['examples/ha-giang-2024.yaml'])\n"
        f"print(code, sorted(m for m in {_NOT_NEEDED!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "TTHC_CACHE_DIR": str(tmp_path), "TTHC_CACHE": "on"}
    runs = [
        subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.split()[0] == "0"
    assert runs[1].stdout.strip() == "0 []", runs[1].stdout
