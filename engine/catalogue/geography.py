"""Provinces in the two eras (63 until 30/6/2025, 34 from 1/7/2025), matched by name or code.

A name matches in any case, with or without diacritics, NFC or NFD, with or without "tỉnh", "thành phố",
"TP."; a code matches in the era of the date asked about, since codes were reused (15: Yên Bái, then Lào Cai).
"""

from __future__ import annotations

from datetime import date

from engine.catalogue.bodies import Body, BodyLookupError
from engine.catalogue.models import Era, Province
from engine.model.textnorm import fold, shown, suggest
from engine.vocabulary import Scope

_PREFIXES = ("thanh pho ", "tinh ", "tp ")


def name_key(text: str) -> str:
    key = fold(text)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix):
                key, changed = key[len(prefix) :].strip(), True
    return key.replace(" ", "")


class Geography:
    def __init__(self, eras: list[Era], former: list[Province], current: list[Province]):
        self.eras = {e.id: e for e in eras}
        self.former = {p.code: p for p in former}
        self.current = {p.code: p for p in current}
        self.successor = {old: p for p in current for old in p.formed_from}
        self._names = {"63": self._index(former), "34": self._index(current)}

    @staticmethod
    def _index(provinces: list[Province]) -> dict[str, Province]:
        index: dict[str, Province] = {}
        for p in provinces:
            for name in [p.name, *p.aliases]:
                index.setdefault(name_key(name), p)
        return index

    def era_at(self, day: date) -> str:
        cut = self.eras["34"].start if "34" in self.eras else None
        return "34" if cut is not None and day >= cut else "63"

    def units(self, era: str) -> dict[str, Province]:
        return self.current if era == "34" else self.former

    def body(self, p: Province, era: str) -> Body:
        return Body(Scope.PROVINCE, era, p.code, p.name, p.kind, tuple(p.formed_from) or (p.code,))

    def knows(self, value: object) -> bool:
        """Whether a name or code is a province's, in either era."""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return False
        text = str(value).strip()
        if text.isdigit():
            return text.zfill(2) in self.former or text.zfill(2) in self.current
        return any(name_key(text) in names for names in self._names.values())

    def resolve(self, value: object, day: date) -> Body:
        """The province meant by a name or code at a date, or an error that says what became of it."""
        era = self.era_at(day)
        other = "63" if era == "34" else "34"
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise BodyLookupError("province.not_text", value=shown(value))
        text = str(value).strip()
        if text.isdigit():
            code = text.zfill(2)
            if code in self.units(era):
                return self.body(self.units(era)[code], era)
            if code in self.units(other):
                return self._wrong_era(self.units(other)[code], era, day)
            raise BodyLookupError("province.unknown_code", value=text)
        key = name_key(text)
        if key in self._names[era]:
            return self.body(self._names[era][key], era)
        if key in self._names[other]:
            return self._wrong_era(self._names[other][key], era, day)
        every = {p.name for p in [*self.former.values(), *self.current.values()]}
        raise BodyLookupError("province.unknown", value=text, suggestion=suggest(text, every, folded=True))

    def _wrong_era(self, p: Province, era: str, day: date) -> Body:
        if era == "34":  # a former province after the merger
            successor = self.successor.get(p.code)
            raise BodyLookupError(
                "province.merged",
                name=p.name,
                successor=successor.name if successor else "?",
                since=self.eras["34"].start,
                day=day,
            )
        before = [self.former[c].name for c in p.formed_from if c in self.former]
        raise BodyLookupError(
            "province.not_yet", name=p.name, predecessors=", ".join(before), since=self.eras["34"].start, day=day
        )
