"""The JSON Schema of the submission format, built from the catalogue so that editors complete metric and count
ids. The committed copy is schema/submission.schema.json; a test keeps the two equal."""

from __future__ import annotations

from typing import Any

from engine.catalogue import Catalogue
from engine.model.period_pattern import period_pattern
from engine.vocabulary import MetricUnit, UnitKind

_COUNT = {"type": "integer", "minimum": 0}


def schema_id(kind: str) -> str:
    """A stable identifier that no web address can move away from: the file kind and the format's version."""
    return f"urn:tthc-check:schema:{kind}:1"


def _figure(unit: MetricUnit) -> dict[str, Any]:
    """A figure as a number or as its parts; a percentage or a score lies between 0 and 100 (95.9, not 959), as
    the reader requires (engine/check/figures.py)."""
    value: dict[str, Any] = {"type": "number", "minimum": 0}
    if unit in (MetricUnit.PERCENT, MetricUnit.POINTS):
        value["maximum"] = 100
    return {
        "oneOf": [
            {**value, "description": "the value as reported, in the metric's unit (percent for rates)"},
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "numerator": _COUNT,
                    "denominator": _COUNT,
                    "value": value,
                    "rank": _COUNT,
                    "rank_of": _COUNT,
                },
            },
        ]
    }


def _figures(cat: Catalogue) -> tuple[dict[str, Any], dict[str, Any]]:
    """The indicators and counts mappings: ids the catalogue knows, each with its Vietnamese name for editors."""
    metrics, counts = sorted(cat.metrics), sorted(cat.counts)
    indicators = {
        "type": "object",
        "propertyNames": {"enum": metrics},
        "properties": {m: {**_figure(cat.metrics[m].unit), "description": cat.metrics[m].name.vi} for m in metrics},
    }
    count_map = {
        "type": "object",
        "propertyNames": {"enum": counts},
        "properties": {c: {**_COUNT, "description": cat.counts[c].name.vi} for c in counts},
    }
    return indicators, count_map


def submission_schema(cat: Catalogue) -> dict[str, Any]:
    indicators, count_map = _figures(cat)
    unit = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "kind"],
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "kind": {"enum": [k.value for k in UnitKind], "description": "district only before 1/7/2025"},
            "indicators": indicators,
            "counts": count_map,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id("submission"),
        "title": "tthc-check submission",
        "description": "A province's TTHC reform figures for one period (tthc-check submission format 1).",
        "type": "object",
        "additionalProperties": False,
        "required": ["period"],
        "oneOf": [{"required": ["province"]}, {"required": ["ministry"]}],
        "properties": {
            "province": {
                "type": ["string", "integer"],
                "description": "a common spelling of the name, or the official code (or give ministry)",
            },
            "ministry": {
                "type": "string",
                "description": "a ministry or ministerial-level agency, by name or short form (Bộ KH&ĐT, BTP)",
            },
            "period": {
                "type": ["string", "integer"],
                "pattern": period_pattern(),
                "minimum": 1990,
                "maximum": 2100,
                "description": "2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09 | 2022-12-15/2023-03-14, or as reports "
                "write it: năm 2024, Quý III/2024, tháng 9/2024, 6 tháng đầu năm 2024, từ 15/12/2022 đến 14/3/2023",
            },
            "as_of": {"type": "string", "format": "date", "description": "the date the figures were cut off"},
            "indicators": indicators,
            "counts": count_map,
            "units": {"type": "array", "items": unit},
        },
    }
