"""Earlier submissions as a record: a folder of files (no database), read with the same checks, indexed by
province and period, and joined across the 1 July 2025 merger by summing the predecessors' counts.

Where a month cannot be joined (a predecessor reported only a percentage, or nothing), the series says why it
breaks instead of inventing a figure.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from engine.catalogue import Catalogue
from engine.catalogue.bodies import Body
from engine.check.figures import Figure
from engine.errors import DataFileError, Location, Problem
from engine.history.read import BodyKey, read_files
from engine.model.periods import Period
from engine.vocabulary import SCALE, Scope, Severity, Source


@dataclass(frozen=True)
class Point:
    """One period of a series: a figure, or the reason there is none."""

    period: str
    figure: Figure | None
    reason: str | None = None  # no_submission | no_figure | merged_percent_only | merged_missing
    detail: str = ""  # the predecessors concerned


@dataclass
class History:
    figures: dict[tuple[str, str, str, str], dict[str, Figure]] = field(
        default_factory=dict
    )  # scope, era, code, period
    problems: list[Problem] = field(default_factory=list)
    files: dict[tuple[str, str, str, str], str] = field(default_factory=dict)  # the file each figure set came from

    @classmethod
    def load(cls, folder: str | None, cat: Catalogue, shas: dict[str, str] | None = None) -> History:
        history = cls()
        if not folder:
            return history
        if not os.path.isdir(folder):  # a history that is not there is not an empty one
            code = "history.not_folder" if os.path.exists(folder) else "history.not_found"
            raise DataFileError([Problem(code, {"path": folder}, Location(folder))])

        paths = history_files(folder, history.problems)
        for path, read in read_files(folder, paths, cat, shas).items():
            if isinstance(read, list):  # a bad history file is reported and left out, never guessed at
                history.problems.extend(Problem(p.code, p.params, p.location, Severity.WARNING) for p in read)
            else:
                history.add(*read, path=path)
        if twice := [p for p in history.problems if p.code == "history.twice"]:
            raise DataFileError(twice)
        return history

    def add(
        self, body: BodyKey, period: Period, figures: dict[str, Figure], path: str = "", replace: bool = False
    ) -> None:
        """One submission's figures; a second for the same body and period is an error naming both files (the
        last by name used to win silently), unless it replaces it: the submission a report is made of."""
        key = (*body, period.label)
        if key in self.files and not replace:
            where = Location(path)
            self.problems.append(Problem("history.twice", {"first": self.files[key], "period": period}, where))
            return
        self.figures[key] = figures
        self.files[key] = path

    def point(self, body: Body, period: Period, metric: str, cat: Catalogue) -> Point:
        """The body's figure for a period, in the era of that period: across a merger, the sum of the bodies it
        was formed from."""
        era = _era_at(cat, body, period)
        if era == body.era:
            return self._direct(body.scope, era, body.code, period, metric)
        if _started(cat, body.scope, era) > _started(cat, body.scope, body.era):
            return Point(period.label, None, "no_submission")  # a former body after the merger: none
        if len(body.formed_from) == 1:
            return self._direct(body.scope, era, body.formed_from[0], period, metric)
        return self._merged(body, era, period, metric, cat)

    def _direct(self, scope: str, era: str, code: str, period: Period, metric: str) -> Point:
        figures = self.figures.get((scope, era, code, period.label))
        if figures is None:
            return Point(period.label, None, "no_submission")
        fig = figures.get(metric)
        return Point(period.label, fig, None if fig else "no_figure")

    def _merged(self, body: Body, era: str, period: Period, metric: str, cat: Catalogue) -> Point:
        parts, missing, percent_only = [], [], []
        for code in body.formed_from:
            figures = self.figures.get((body.scope, era, code, period.label))
            fig = figures.get(metric) if figures else None
            name = _name(cat, body.scope, code)
            if fig is None:
                missing.append(name)
            elif not fig.verifiable:
                percent_only.append(name)
            else:
                parts.append(fig)
        if len(missing) == len(body.formed_from):
            return Point(period.label, None, "no_submission")
        if missing:
            return Point(period.label, None, "merged_missing", ", ".join(missing))
        if percent_only:  # percentages of different totals cannot be added: say so
            return Point(period.label, None, "merged_percent_only", ", ".join(percent_only))
        num = sum(f.numerator or 0 for f in parts)
        den = sum(f.denominator or 0 for f in parts)
        if den == 0:
            return Point(period.label, None, "no_figure")
        scale = SCALE[cat.metrics[metric].unit]
        names = " + ".join(_name(cat, body.scope, c) for c in body.formed_from)
        return Point(period.label, Figure(metric, Fraction(num * scale, den), num, den, Source.COUNTS), None, names)


def history_files(folder: str, problems: list[Problem] | None = None) -> list[str]:
    """The submissions in a history folder and its subfolders, by name; a subfolder that cannot be read is said
    (in problems, as a warning) and the rest read."""

    def unreadable(exc: OSError) -> None:
        if problems is not None:
            where = Location(exc.filename or folder)
            problems.append(Problem("history.unreadable", {"reason": exc.strerror}, where, Severity.WARNING))

    return [
        os.path.join(root, name)
        for root, _, names in sorted(os.walk(folder, onerror=unreadable))
        for name in sorted(n for n in names if n.endswith((".yaml", ".yml", ".xlsx")) and n != "waivers.yaml")
    ]


def _started(cat: Catalogue, scope: str, era: str) -> date:
    if scope == Scope.MINISTRY:
        starts = {str(k): v.start for k, v in cat.ministries.eras.items()}
    else:
        starts = {str(k): v.start for k, v in cat.geography.eras.items()}
    return starts[era] or date.min


def _era_at(cat: Catalogue, body: Body, period: Period) -> str:
    if body.scope == Scope.MINISTRY:
        return cat.ministries.era_at(period.end)
    return cat.geography.era_at(period.end)


def _name(cat: Catalogue, scope: str, code: str) -> str:
    if scope == Scope.MINISTRY:
        return cat.ministries.by_code[code].name
    return cat.geography.former[code].name
