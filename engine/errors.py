"""Problems the user can fix (exit 2) and the one error base class that carries them.

A Problem is data: a message code with parameters and a location (file, line, column, key path). It is
rendered in Vietnamese or English only at output time, so the engine never decides the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from engine.vocabulary import Severity


class Quantity(int):
    """A number of items in a message: shown with its digits grouped (1.008), unlike a line or a year."""


@dataclass(frozen=True)
class Ratio:
    """A numerator and denominator in a message: "12.516/56.039"."""

    numerator: int
    denominator: int


@dataclass(frozen=True)
class Location:
    """Where something is: file and line (and column) of a YAML file, sheet and cell of a workbook, key path."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None  # key path in the YAML document, e.g. "indicators.online_payment_rate.numerator"
    cell: str | None = None  # in a workbook: "Chỉ số!C7" (sheet and cell)


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth saying) about an input: a message code with its parameters, where, how grave."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    severity: Severity = Severity.ERROR

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (
            loc.file or "",
            loc.line or 0,
            loc.column or 0,
            loc.path or "",
            self.code,
            repr(sorted(self.params.items())),
        )


class TthcError(Exception):
    """Base of every error the user can fix: bad input, bad catalogue, bad rules. Exit code 2."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("; ".join(p.code for p in self.problems))


class DataFileError(TthcError):
    """A submission file cannot be read or is not valid."""


class CatalogueError(TthcError):
    """The catalogue (targets/) is not valid."""


class RuleError(TthcError):
    """The rules (rules/) are not valid, or produced something impossible."""


class UsageError(TthcError):
    """The command line itself is wrong."""
