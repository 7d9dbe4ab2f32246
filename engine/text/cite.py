"""How a legal basis is cited, once for every output: "76/NQ-CP (15/07/2021)", a date known only to the month
as "(07/2025)", an instrument not yet identified said so in words; a target's wording as its source gives it, a
translation marked as one; whom a target binds in words."""

from __future__ import annotations

from engine.catalogue.models import Instrument, Target
from engine.text import fmt
from engine.text.labels import label


def instrument(ins: Instrument, lang: str) -> str:
    if ins.number is None:
        return label("not_identified", lang)
    return ins.number + (f" ({fmt.dated(ins.date, ins.date_precision, lang)})" if ins.date else "")


def instrument_full(ins: Instrument, lang: str) -> str:
    """ "Chính phủ: Chương trình tổng thể … (76/NQ-CP ngày 15/07/2021; ký: Trương Hòa Bình; …)"."""
    day = fmt.dated(ins.date, ins.date_precision, lang) if ins.date else None
    if ins.number:
        parts = [ins.number + (" " + label("dated", lang, date=day) if day else "")]
    else:
        parts = [label("not_identified", lang)] + ([label("issued", lang, date=day)] if day else [])
    if ins.signer:
        parts.append(label("signed_by", lang, signer=ins.signer))
    if ins.identity:
        parts.append(label("identity_confidence", lang, conf=ins.identity))
    return f"{ins.issuer.get(lang)}: {ins.title.get(lang)} ({'; '.join(parts)})"


def wording(target: Target, lang: str) -> str:
    """The target in its source's words, quoted; in the other language a translation, said to be one."""
    if target.wording is None:
        return ""
    text = f"“{target.wording.get(lang)}”"
    if target.wording_read_in != lang:
        text += f" ({label(f'translated_from_{target.wording_read_in}', lang)})"
    return text


def scope(target: Target, lang: str) -> str:
    """Whom a target binds, in words: "tỉnh, thành phố; bộ, ngành"."""
    return "; ".join(label(f"scope_{s}", lang) for s in target.scope)
