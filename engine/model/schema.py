"""The JSON Schema of the submission format, built from the catalogue so that editors complete metric and count
ids. The committed copy is schema/submission.schema.json; a test keeps the two equal."""

from __future__ import annotations

import json
from typing import Any

from engine.catalogue import Catalogue, load_catalogue
from engine.resources import data_dir
from engine.vocabulary import UnitKind

SCHEMA_ID = "https://tthc-check.invalid/schema/submission-1.json"


_COUNT = {"type": "integer", "minimum": 0}
_FIGURE = {
    "oneOf": [
        {"type": "number", "description": "the value as reported, in the metric's unit (percent for rates)"},
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "numerator": _COUNT,
                "denominator": _COUNT,
                "value": {"type": "number"},
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
        "properties": {m: {**_FIGURE, "description": cat.metrics[m].name.vi} for m in metrics},
    }
    count_map = {
        "type": "object",
        "propertyNames": {"enum": counts},
        "properties": {c: {**_COUNT, "description": cat.counts[c].name.vi} for c in counts},
    }
    return indicators, count_map


# the canonical forms exactly; a phrase as reports write it (ending with a year) is read and checked by tthc-check
PERIOD_PATTERN = (
    r"^(\d{4}(-Q[1-4]|-(0?[1-9]|1[0-2])(/\d{4}-(0?[1-9]|1[0-2]))?|-\d{2}-\d{2}/\d{4}-\d{2}-\d{2})?|.*\D\d{4})$"
)


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
        "$id": SCHEMA_ID,
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
                "pattern": PERIOD_PATTERN,
                "description": "2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09 | 2022-12-15/2023-03-14, or as reports "
                "write it: năm 2024, Quý III/2024, tháng 9/2024, 6 tháng đầu năm 2024, từ 15/12/2022 đến 14/3/2023",
            },
            "as_of": {"type": "string", "format": "date", "description": "the date the figures were cut off"},
            "indicators": indicators,
            "counts": count_map,
            "units": {"type": "array", "items": unit},
        },
    }


def submission_schema_text(cat: Catalogue | None = None) -> str:
    cat = cat or load_catalogue(data_dir("targets"))
    return json.dumps(submission_schema(cat), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
