"""Earlier submissions as a record: a folder of files (no database), read with the same checks, indexed by
province and period, and joined across the 1 July 2025 merger by summing the predecessors' counts.

Where a month cannot be joined (a predecessor reported only a percentage, or nothing), the series says why it
breaks instead of inventing a figure.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from fractions import Fraction

from engine.catalogue import Catalogue
from engine.catalogue.geography import Resolved
from engine.check.figures import SCALE, Figure, compute
from engine.errors import DataFileError, Problem
from engine.model.periods import Period
from engine.model.submission import load_submission
from engine.vocabulary import Severity, Source


@dataclass(frozen=True)
class Point:
    """One period of a series: a figure, or the reason there is none."""

    period: str
    figure: Figure | None
    reason: str | None = None  # no_submission | no_figure | merged_percent_only | merged_missing
    detail: str = ""  # the predecessors concerned


@dataclass
class History:
    figures: dict[tuple[str, str, str], dict[str, Figure]] = field(default_factory=dict)  # (era, code, period)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def load(cls, folder: str | None, cat: Catalogue) -> History:
        history = cls()
        if not folder:
            return history
        for root, _, names in sorted(os.walk(folder)):
            for name in sorted(n for n in names if n.endswith((".yaml", ".yml", ".xlsx")) and n != "waivers.yaml"):
                path = os.path.join(root, name)
                try:
                    sub = load_submission(path, cat)
                except DataFileError as exc:  # a bad history file is reported and left out, never guessed at
                    history.problems.extend(
                        Problem(p.code, p.params, p.location, Severity.WARNING) for p in exc.problems
                    )
                    continue
                figures, _, _ = compute(sub, cat)
                history.add(sub.province, sub.period, figures.by_metric)
        return history

    def add(self, resolved: Resolved, period: Period, figures: dict[str, Figure]) -> None:
        self.figures[(resolved.era, resolved.province.code, period.label)] = figures

    def point(self, resolved: Resolved, period: Period, metric: str, cat: Catalogue) -> Point:
        """The province's figure for a period, in the era of that period."""
        geo = cat.geography
        era = geo.era_at(period.end)
        if era == resolved.era:
            return self._direct(era, resolved.province.code, period, metric)
        if resolved.era == "34":  # a series of today's province reaching back before the merger
            old = [geo.former[c] for c in resolved.province.formed_from]
            if len(old) == 1:
                return self._direct("63", old[0].code, period, metric)
            return self._merged(old, period, metric, cat)
        successor = geo.successor.get(resolved.province.code)  # a former province after the merger: none
        return Point(period.label, None, "no_submission", successor.name if successor else "")

    def _direct(self, era: str, code: str, period: Period, metric: str) -> Point:
        figures = self.figures.get((era, code, period.label))
        if figures is None:
            return Point(period.label, None, "no_submission")
        fig = figures.get(metric)
        return Point(period.label, fig, None if fig else "no_figure")

    def _merged(self, old: list, period: Period, metric: str, cat: Catalogue) -> Point:
        parts, missing, percent_only = [], [], []
        for province in old:
            figures = self.figures.get(("63", province.code, period.label))
            fig = figures.get(metric) if figures else None
            if fig is None:
                missing.append(province.name)
            elif not fig.verifiable:
                percent_only.append(province.name)
            else:
                parts.append(fig)
        if len(missing) == len(old):
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
        return Point(
            period.label,
            Figure(metric, Fraction(num * scale, den), num, den, Source.COUNTS),
            None,
            " + ".join(p.name for p in old),
        )
