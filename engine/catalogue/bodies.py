"""Who reports: a province or centrally-run city, or a ministry or ministerial-level agency, as it was on the day
asked about. Both are resolved from a name as people write it (any case, with or without diacritics, NFC or NFD,
with or without "tỉnh", "thành phố", "Bộ"; official codes for provinces, common short forms for ministries), and a
body that no longer existed on that day, or did not exist yet, is an error that names its successor or
predecessors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.vocabulary import Scope


@dataclass(frozen=True)
class Body:
    """A province or ministry as it was in one era of the country's structure."""

    scope: Scope  # province | ministry
    era: str  # provinces: "63" or "34"; ministries: "22" or "17"
    code: str  # the official province code; for a ministry, our own short id
    name: str  # as the catalogue writes it: "Hà Giang", "Bộ Tư pháp"
    kind: str  # province | city | ministry | agency
    formed_from: tuple[str, ...] = ()  # codes in the previous era whose figures add up to this body's
    name_en: str = ""  # a ministry's English name; provinces keep their Vietnamese names in English too

    @property
    def display(self) -> str:
        """The name as documents write it: "Tỉnh Hà Giang", "Thành phố Hà Nội", "Bộ Tư pháp"."""
        if self.scope == Scope.MINISTRY:
            return self.name
        return f"{'Thành phố' if self.kind == 'city' else 'Tỉnh'} {self.name}"

    @property
    def unit_word(self) -> tuple[str, str]:
        """What a province is called inside a role's name, (vi, en): ("tỉnh", "provincial"), ("thành phố", "city")."""
        return ("thành phố", "city") if self.kind == "city" else ("tỉnh", "provincial")


class BodyLookupError(ValueError):
    """A name or code that is no body on that day; the message code says why."""

    def __init__(self, code: str, **params: Any):
        self.code, self.params = code, params
        super().__init__(code)
