"""How a legal basis is cited, once for every output: "76/NQ-CP (15/07/2021)", a date known only to the month
as "(07/2025)", and an instrument not yet identified said so in words."""

from __future__ import annotations

from engine.catalogue.models import Instrument
from engine.text import fmt
from engine.text.labels import label


def instrument(ins: Instrument, lang: str) -> str:
    if ins.number is None:
        return label("not_identified", lang)
    return ins.number + (f" ({fmt.dated(ins.date, ins.date_precision, lang)})" if ins.date else "")
