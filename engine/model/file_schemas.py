"""The JSON Schema of every file a user writes, so that an editor (VS Code with the YAML extension) completes and
checks it from the `# yaml-language-server: $schema=…` line at its top, with no set-up. The submission's is built
from the catalogue (metric ids, percentages up to 100, the periods the reader reads); the others from the models
that validate the files, so that the schema and the reader cannot drift apart. The committed copies are in
schema/; a test keeps them equal to these."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from engine.catalogue import Catalogue, load_catalogue
from engine.catalogue.local import LOCAL_SECTIONS
from engine.check.waivers import waivers_model
from engine.model.schema import schema_id, submission_schema
from engine.records.mapping import Mapping
from engine.report.letterhead import Letterhead
from engine.resources import data_dir

# the kind a user names (tthc-check schema KIND), the committed file, and what the file is
KINDS: dict[str, tuple[str, str]] = {
    "submission": ("submission.schema.json", "A province's or ministry's TTHC reform figures for one period."),
    "mapping": ("mapping.schema.json", "How a one-stop system's dossier export names its columns (compute)."),
    "waivers": ("waivers.schema.json", "Exemptions from targets granted by a competent authority (waivers.yaml)."),
    "letterhead": ("letterhead.schema.json", "Who issues a Word report: the letterhead and the signature block."),
    "local-targets": ("targets.local.schema.json", "A province's own targets (targets.local.yaml)."),
}


def _from_model(kind: str, model: type) -> dict[str, Any]:
    body = TypeAdapter(model).json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(kind),
        **body,
        "title": f"tthc-check {kind}",
        "description": KINDS[kind][1],
    }


def _local_targets() -> dict[str, Any]:
    """The local file's sections, each a list of entries of the catalogue's own model."""
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    for section, model in sorted(LOCAL_SECTIONS.items()):
        body = TypeAdapter(model).json_schema(by_alias=True, ref_template="#/$defs/{model}")
        defs.update(body.pop("$defs", {}))
        defs[model.__name__] = body
        properties[section] = {"type": "array", "items": {"$ref": f"#/$defs/{model.__name__}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id("local-targets"),
        "title": "tthc-check local-targets",
        "description": KINDS["local-targets"][1],
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": defs,
    }


def file_schema(kind: str, cat: Catalogue | None = None) -> dict[str, Any]:
    if kind == "submission":
        return submission_schema(cat or load_catalogue(data_dir("targets")))
    if kind == "local-targets":
        return _local_targets()
    models: dict[str, type] = {"mapping": Mapping, "waivers": waivers_model(), "letterhead": Letterhead}
    return _from_model(kind, models[kind])


def file_schema_text(kind: str, cat: Catalogue | None = None) -> str:
    return json.dumps(file_schema(kind, cat), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
