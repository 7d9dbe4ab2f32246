"""Ministries and ministerial-level agencies in the two structures of the Government (18 + 4 until 28/2/2025,
14 + 3 from 1/3/2025), matched by name or by the short forms reports use ("Bộ KH&ĐT", "BTP", "TT&TT"), with or
without diacritics, "Bộ", spaces and punctuation."""

from __future__ import annotations

import re
from datetime import date, timedelta

from engine.catalogue.bodies import Body, BodyLookupError
from engine.catalogue.models import Ministry, MinistryEra
from engine.model.textnorm import fold, shown, suggest
from engine.vocabulary import Scope


def ministry_key(text: str) -> str:
    key = fold(text)
    if key.startswith("bo "):
        key = key[3:]
    return re.sub(r"[^0-9a-z]", "", key)


class Ministries:
    def __init__(self, eras: list[MinistryEra], ministries: list[Ministry]):
        self.eras = {e.id: e for e in eras}
        self.by_code = {m.code: m for m in ministries}
        self._names: dict[str, Ministry] = {}
        for m in ministries:
            for name in [m.name, m.en, *m.aliases]:
                self._names.setdefault(ministry_key(name), m)

    def era_at(self, day: date) -> str:
        cut = self.eras["17"].start if "17" in self.eras else None
        return "17" if cut is not None and day >= cut else "22"

    def body(self, m: Ministry, era: str) -> Body:
        if era == "17" and m.formed_from:
            formed = tuple(m.formed_from)
        elif era == "17" and m.absorbed:
            formed = (m.code, *m.absorbed)
        else:
            formed = (m.code,)
        return Body(Scope.MINISTRY, era, m.code, m.name, m.kind, formed, m.en)

    def resolve(self, value: object, day: date) -> Body:
        """The ministry meant by a name on a day, or an error that says what became of it."""
        if isinstance(value, bool) or not isinstance(value, str) or not value.strip():
            raise BodyLookupError("ministry.not_text", value=shown(value))
        m = self._names.get(ministry_key(value))
        if m is None:
            names = {x.name for x in self.by_code.values()}
            raise BodyLookupError(
                "ministry.unknown", value=value.strip(), suggestion=suggest(value, names, folded=True)
            )
        if m.exists_on(day):
            return self.body(m, self.era_at(day))
        if m.until is not None and day > m.until:
            successor = self.by_code.get(m.merged_into or "")
            since = m.until + timedelta(days=1)
            raise BodyLookupError(
                "ministry.merged", name=m.name, successor=successor.name if successor else "?", since=since, day=day
            )
        before = [self.by_code[c].name for c in m.formed_from if c in self.by_code]
        raise BodyLookupError("ministry.not_yet", name=m.name, predecessors=", ".join(before), since=m.start, day=day)
