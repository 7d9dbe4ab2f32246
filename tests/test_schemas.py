"""The JSON Schemas shipped for editors: one per file a user writes, equal to what `tthc-check schema KIND`
prints, named by every example's `# yaml-language-server` line, accepting every example and refusing what the
reader refuses (a percentage above 100, an impossible period)."""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re

import jsonschema
import pytest
import yaml

from engine.model.file_schemas import KINDS
from engine.model.period_pattern import period_pattern
from engine.model.periods import PeriodError, parse_period

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


def _committed(kind: str) -> str:
    with open(os.path.join(ROOT, "schema", KINDS[kind][0]), encoding="utf-8") as fh:
        return fh.read()


def _as_json(value):
    """YAML's dates as the strings an editor sees (the schema says format: date)."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_what_the_command_prints(cli, kind):
    out = cli(["schema", kind])
    assert out.code == 0
    assert out.stdout == _committed(kind)
    schema = json.loads(out.stdout)
    assert schema["$id"] == f"urn:tthc-check:schema:{kind}:1"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_unknown_schema_kind_is_refused_with_the_kinds(cli):
    out = cli(["schema", "mapp"])
    assert out.code == 2
    assert "mapping" in out.stderr and "local-targets" in out.stderr and "Traceback" not in out.stderr


EXAMPLES = sorted(
    os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "examples", "**", "*.yaml"), recursive=True)
)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_names_its_schema_and_is_valid(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as fh:
        text = fh.read()
    line = SCHEMA_LINE.match(text)
    assert line, f"{name} has no yaml-language-server line"
    schema_path = os.path.normpath(os.path.join(ROOT, os.path.dirname(name), line.group(1)))
    with open(schema_path, encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.validate(_as_json(yaml.safe_load(text)), schema, format_checker=jsonschema.FormatChecker())


def _submission_schema():
    return json.loads(_committed("submission"))


@pytest.mark.parametrize(
    "doc",
    [
        {"province": "Hà Giang", "period": "2024", "indicators": {"online_paymnt_rate": 1}},
        {"province": "Hà Giang", "period": "2024", "indicators": {"online_payment_rate": 959}},
        {"province": "Hà Giang", "period": "2024", "indicators": {"online_payment_rate": {"value": 100.5}}},
        {"province": "Hà Giang", "period": "2024-13"},
        {"province": "Hà Giang", "period": "Quý V/2024"},
        {"province": "Hà Giang", "period": 1889},
        {"province": "Hà Giang", "period": "2024", "indicators": {"index_766_score": 120}},
    ],
    ids=["unknown-metric", "percent-959", "percent-part-above-100", "month-13", "quarter-5", "year-1889", "score-120"],
)
def test_submission_schema_refuses_what_the_reader_refuses(doc):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, _submission_schema())


def test_submission_schema_accepts_a_percentage_of_100_and_parts_without_value():
    doc = {"province": "Hà Giang", "period": "Quý III/2024", "indicators": {"on_time_rate": 100}}
    doc["indicators"]["online_payment_rate"] = {"numerator": 800, "denominator": 2000}
    jsonschema.validate(doc, _submission_schema())


PERIODS = [
    "2024",
    "2024-Q3",
    "2024-q1",
    "2024-9",
    "2024-09",
    "2024-01/2024-09",
    "2022-12-15/2023-03-14",
    "Năm 2024",
    "nam 2024",
    "Quý III/2024",
    "quý 3 năm 2024",
    "QUÝ IV 2024",
    "Quý II / 2021",
    "tháng 9/2024",
    "Tháng 09 năm 2024",
    "9/2024",
    "6 tháng đầu năm 2024",
    "9 tháng 2022",
    "6 tháng cuối năm 2024",
    "từ tháng 1 đến tháng 9/2024",
    "tháng 10/2024 đến tháng 3/2025",
    "từ 15/12/2022 đến 14/3/2023",
    "từ 1/7 đến 23/9/2025",
    "ngày 1/7/2025 đến ngày 30/9/2025",
    " 2024 ",
    # written wrong: the schema refuses them as the reader does
    "2024-13",
    "2024-Q5",
    "2024-Q0",
    "2024-00",
    "2024-13/2025-01",
    "2022-12-15/2023-13-14",
    "2022-12-32/2023-01-14",
    "Quý V/2024",
    "Quý 5/2024",
    "tháng 13/2024",
    "13/2024",
    "13 tháng đầu năm 2024",
    "1989",
    "2101",
    "năm 1850",
    "THÁNG 9, 2024",
    "tháng chín 2024",
    "2024/09",
    "Q3/2024",
    "",
    "24",
]


@pytest.mark.parametrize("text", PERIODS)
def test_schema_period_pattern_agrees_with_the_reader(text):
    try:
        parse_period(text)
        reads = True
    except PeriodError:
        reads = False
    assert bool(re.search(period_pattern(), text)) == reads
