"""Exact figures: each metric's value as a Fraction, from reported counts or numerator/denominator, and the
consistency checks between them. Nothing here is a float: ratios are Fractions and compared exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from engine.catalogue import Catalogue
from engine.catalogue.models import Metric
from engine.check.counts import FLOW, Counts, resolve
from engine.errors import Problem, Quantity, Ratio
from engine.io.yamlio import Document
from engine.model.numbers import ReadFromText
from engine.model.submission import Submission
from engine.model.submission_in import FigureIn
from engine.text.fmt import round2
from engine.vocabulary import SCALE, MetricUnit, Severity, Source

TOLERANCE = Fraction(5, 100)  # written to two decimals or more, a value may differ from its counts by 0.05 points


@dataclass(frozen=True)
class Figure:
    """One metric's value for the province or a unit, in the metric's unit (percent: 0 to 100)."""

    metric: str
    value: Fraction
    numerator: int | None
    denominator: int | None
    source: Source
    rank: int | None = None
    rank_of: int | None = None
    written: Decimal | None = None  # a stated value as written: its decimals say how precise it claims to be

    @property
    def verifiable(self) -> bool:
        return self.denominator is not None


@dataclass
class Figures:
    """The figures of the province (or of one unit), by metric, with the counts they were computed from."""

    by_metric: dict[str, Figure]
    counts: dict[str, int]  # as given
    known: Counts = field(default_factory=Counts)  # as given, summed and implied
    unusable: dict[str, Problem] = field(default_factory=dict)  # a metric reported but not usable -> the error why


def compute(sub: Submission, cat: Catalogue, *, units: bool = True) -> tuple[Figures, list[Figures], list[Problem]]:
    """The province's figures, each unit's figures (in the order given), and the problems found on the way. With
    units=False, the body's figures only: a history series uses nothing else (issue 16: 16 % of a briefing)."""
    problems: list[Problem] = []
    doc = sub.doc
    derivable = {m for m, x in cat.metrics.items() if x.formula}  # once, not for each unit
    province = _figures(doc, (), sub.raw.indicators, sub.raw.counts, cat, derivable, problems)
    for (section, *rest), problem in sub.left_out.items():  # a figure left out for an error: why it is not judged
        if section == "indicators":
            province.unusable.setdefault(rest[0], problem)
        elif section == "counts":
            for mid, metric in cat.metrics.items():
                if rest[0] in _formula_counts(metric) and mid not in province.by_metric:
                    province.unusable.setdefault(mid, problem)
    if not units:
        return province, [], problems
    each = [
        _figures(doc, ("units", i), u.indicators, u.counts, cat, derivable, problems)
        for i, u in enumerate(sub.raw.units)
    ]
    if each:
        _units_add_up(doc, province, each, cat, problems)
    return province, each, problems


def _figures(
    doc: Document,
    base: tuple,
    indicators: dict[str, FigureIn],
    counts: dict[str, int],
    cat: Catalogue,
    derivable: set[str],
    problems: list[Problem],
) -> Figures:
    known = resolve(doc, base, counts, cat, problems)
    out: dict[str, Figure] = {}
    unusable: dict[str, Problem] = {}
    for mid in sorted(derivable.union(indicators)):
        metric = cat.metrics.get(mid)
        if metric is None:
            continue
        before = len(problems)
        given = indicators.get(mid)
        figure = _from_indicator(doc, base + ("indicators", mid), metric, given, problems) if given else None
        derived = _derived(doc, base, metric, known, figure, problems)
        chosen = figure if figure is not None and figure.verifiable else (derived or figure)
        if chosen is not None:
            out[mid] = chosen
            continue
        errors = [p for p in problems[before:] if p.severity == Severity.ERROR]
        blocked = [known.broken[c] for c in _formula_counts(metric) if c in known.broken]
        if errors or blocked:
            unusable[mid] = (errors or blocked)[0]
    return Figures(out, dict(counts), known, unusable)


def _derived(
    doc: Document, base: tuple[Any, ...], metric: Metric, known: Counts, figure: Figure | None, problems: list[Problem]
) -> Figure | None:
    """The figure from counts, checked against the one given, if any; None when it cannot be had."""
    derived = _from_counts(metric, known)
    if derived is None or derived.denominator == 0:
        return None
    if metric.unit == MetricUnit.PERCENT and derived.value > 100 and metric.formula:
        problems.append(
            doc.problem(
                "figure.counts_numerator_above",
                base + ("counts", metric.formula.numerator[0]),
                metric=metric.name,
                numerator=Quantity(derived.numerator or 0),
                denominator=Quantity(derived.denominator or 0),
            )
        )
        return None
    if figure is not None:
        _compare(doc, base + ("indicators", metric.id), figure, derived, problems)
    return derived


def _formula_counts(metric: Metric) -> list[str]:
    return metric.formula.numerator + metric.formula.denominator if metric.formula else []


def _from_counts(metric: Metric, known: Counts) -> Figure | None:
    """A rate from the counts its formula names, as given, summed from their parts, or implied from a total (a
    term implied by the flow alone is not used: it holds only if the flow does, which nothing then checks); none
    from counts that fail a relation."""
    formula = metric.formula
    if formula is None:
        return None
    names = formula.numerator + formula.denominator
    values = [known.known.get(c) for c in names]
    if any(v is None or v.source == FLOW for v in values):
        return None  # a rate needs every count of its formula (regression: a lone feedback_received crashed)
    if set(known.broken) & set(names):
        return None  # a count that fails a relation is not used (the error says which)
    num = sum(known.known[c].value for c in formula.numerator)
    den = sum(known.known[c].value for c in formula.denominator)
    value = Fraction(num * SCALE[metric.unit], den) if den else Fraction(0)
    return Figure(metric.id, value, num, den, Source.COUNTS)


def _from_indicator(
    doc: Document, path: tuple, metric: Metric, given: FigureIn, problems: list[Problem]
) -> Figure | None:
    scale = SCALE[metric.unit]
    num, den = given.numerator, given.denominator
    if (num is None) != (den is None):
        missing = "denominator" if den is None else "numerator"
        problems.append(doc.problem("figure.half", path, field=missing))
        return None
    stated = Fraction(given.value) if given.value is not None else None
    if isinstance(given.value, ReadFromText):
        problems.append(
            doc.problem(
                "value.read_as_cell" if doc.cells else "value.read_as",  # a workbook's cell, or YAML
                path + ("value",),
                severity=Severity.WARNING,
                text=given.value.text,
                value=Decimal(given.value) if doc.cells else str(Decimal(given.value)),
            )
        )  # in YAML as it must be written there (not localised); in a workbook as Excel shows it
    if num is None and stated is None:
        problems.append(doc.problem("figure.empty", path))
        return None
    if num is not None and den is not None:
        if den == 0:
            problems.append(doc.problem("figure.zero_denominator", path + ("denominator",)))
            return None
        if metric.unit == MetricUnit.PERCENT and num > den:
            problems.append(
                doc.problem(
                    "figure.numerator_above_denominator",
                    path + ("numerator",),
                    numerator=Quantity(num),
                    denominator=Quantity(den),
                )
            )
            return None
        value = Fraction(num * scale, den)
        if given.value is not None and disagrees(given.value, value):
            problems.append(
                doc.problem(
                    "figure.stated_disagrees",
                    path + ("value",),
                    severity=Severity.WARNING,
                    stated=given.value,
                    computed=_show(value),
                )
            )
        return Figure(metric.id, value, num, den, Source.REPORTED, given.rank, given.rank_of)
    assert stated is not None
    if metric.unit in (MetricUnit.PERCENT, MetricUnit.POINTS) and not 0 <= stated <= 100:
        problems.append(doc.problem("figure.out_of_range", path + ("value",), value=given.value, unit=metric.unit))
        return None
    rank, rank_of = given.rank, given.rank_of
    if rank is not None and rank_of is not None and rank > rank_of:
        problems.append(doc.problem("figure.rank_above_total", path + ("rank",), rank=rank, of=rank_of))
        rank = rank_of = None
    return Figure(metric.id, stated, None, None, Source.STATED, rank, rank_of, written=given.value)


def disagrees(written: Decimal, computed: Fraction) -> bool:
    """Whether a value stated beside its counts says something else: "34 %" for 6,030 of 17,584 (34.29 %) is that
    rate rounded to a whole percent, "34,5 %" is not. Written to no or one decimal, the stated value must be the
    computed one rounded (half up) or cut off at that many decimals; to two or more, within 0.05 points."""
    exponent = written.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places >= 2:
        return abs(Fraction(written) - computed) > TOLERANCE
    step, value = Fraction(1, 10**places), Fraction(written)
    rounded = value - step / 2 <= computed < value + step / 2
    cut_off = value <= computed < value + step
    return not (rounded or cut_off)


def _compare(doc: Document, path: tuple, given: Figure, derived: Figure, problems: list[Problem]) -> None:
    if given.verifiable:
        if (given.numerator, given.denominator) != (derived.numerator, derived.denominator):
            problems.append(
                doc.problem(
                    "figure.counts_disagree",
                    path,
                    severity=Severity.WARNING,
                    given=Ratio(given.numerator or 0, given.denominator or 0),
                    derived=Ratio(derived.numerator or 0, derived.denominator or 0),
                )
            )
    elif given.written is not None and disagrees(given.written, derived.value):
        problems.append(
            doc.problem(
                "figure.stated_disagrees",
                path,
                severity=Severity.WARNING,
                stated=_show(given.value),
                computed=_show(derived.value),
            )
        )


def _units_add_up(
    doc: Document, province: Figures, units: list[Figures], cat: Catalogue, problems: list[Problem]
) -> None:
    """The units' counts and figures against the province's: where both give them, the units' sum is the
    province's (a warning otherwise: the units may not cover the whole province, or count differently)."""
    for cid in sorted(province.counts):
        parts = [u.counts[cid] for u in units if cid in u.counts]
        if parts and sum(parts) != province.counts[cid]:
            problems.append(
                doc.problem(
                    "units.counts_do_not_add_up",
                    ("counts", cid),
                    severity=Severity.WARNING,
                    count=cat.counts[cid].name,
                    units=Quantity(sum(parts)),
                    province=Quantity(province.counts[cid]),
                )
            )
    for mid, fig in sorted(province.by_metric.items()):
        figures = [u.by_metric[mid] for u in units if mid in u.by_metric and u.by_metric[mid].verifiable]
        if not figures or not fig.verifiable:
            continue
        if fig.source == Source.COUNTS and all(f.source == Source.COUNTS for f in figures):
            continue  # counts given at both levels: compared count by count above
        num, den = sum(p.numerator or 0 for p in figures), sum(p.denominator or 0 for p in figures)
        if (num, den) != (fig.numerator, fig.denominator):
            metric = cat.metrics[mid]
            where = ("counts", _formula_counts(metric)[-1]) if fig.source == Source.COUNTS else ("indicators", mid)
            problems.append(
                doc.problem(
                    "units.figures_do_not_add_up",
                    where,
                    severity=Severity.WARNING,
                    metric=metric.name,
                    units=Ratio(num, den),
                    province=Ratio(fig.numerator or 0, fig.denominator or 0),
                )
            )


def _show(value: Any) -> Any:
    return round2(Fraction(value))
