"""Everything a check reads from the ledger, loaded once into memory.

A :class:`VerifyContext` holds every claimant's reconciled series, keyed
``(claimant, subject, category)``, with the figures of any other transcription
where transcriptions disagree, and Oryx's confirmed totals. Checking an
article then costs dictionary look-ups, never a query (docs/benchmarks.md).
"""

from __future__ import annotations

import bisect
import datetime as dt
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

import sqlalchemy as sa

from attrition.ledger import Ledger
from attrition.ledger.marker import read_series_marker
from attrition.ledger.verification import read_summed_days
from attrition.reconcile import load_reconciled_ledger
from attrition.taxonomy import CLAIMANTS
from attrition.verify.verdicts import HeldFigure

SeriesKey = tuple[str, str, str]  # (claimant, subject, category)

CONFIRMED_CLAIMANT: Final = "ORYX"

# Claimants whose figures change only on some days; a day without a figure
# keeps the last one (Oryx's page is edited when new proof appears, and the
# daily-totals history has a row only for days it changed). As in
# ``compare.py``, nothing is carried past the series' last day.
STEP_CLAIMANTS: Final = frozenset({CONFIRMED_CLAIMANT})

# A claim's category → the series category that holds it, per claimant. The
# General Staff reports one personnel figure ("ліквідовано", eliminated) that
# texts relay as "killed"; the claim schema keeps the text's word.
SERIES_CATEGORY_ALIASES: Final[dict[tuple[str, str], str]] = {
    ("UA_GENERAL_STAFF", "killed"): "personnel",
}

ONE_DAY = dt.timedelta(days=1)


class Series:
    """One claimant's cumulative figures for one side and category, by report day."""

    __slots__ = ("_by_value", "_days", "step", "values")

    def __init__(self, values: Mapping[dt.date, int], *, step: bool = False) -> None:
        self.values = dict(values)
        self.step = step
        self._days = sorted(self.values)
        self._by_value: dict[int, list[dt.date]] | None = None

    def __len__(self) -> int:
        return len(self._days)

    @property
    def first(self) -> dt.date | None:
        """The first day with a figure."""
        return self._days[0] if self._days else None

    @property
    def last(self) -> dt.date | None:
        """The last day with a figure."""
        return self._days[-1] if self._days else None

    def day_of(self, day: dt.date) -> dt.date | None:
        """The day whose figure holds on ``day``: itself, or for a step series the last change."""
        if day in self.values:
            return day
        if not self.step or not self._days:
            return None
        if not self._days[0] <= day <= self._days[-1]:
            return None
        return self._days[bisect.bisect_right(self._days, day) - 1]

    def on(self, day: dt.date) -> int | None:
        """The cumulative figure on ``day``, or None."""
        found = self.day_of(day)
        return None if found is None else self.values[found]

    def daily(self, day: dt.date) -> int | None:
        """The increment reported on ``day`` (its figure minus the day before's), or None."""
        today, before = self.on(day), self.on(day - ONE_DAY)
        if today is None or before is None:
            return None
        return today - before

    def figure(self, day: dt.date, basis: str) -> int | None:
        """The figure on ``day`` for a claim of ``basis`` (cumulative or daily)."""
        if basis == "daily":
            return self.daily(day)
        if basis == "cumulative":
            return self.on(day)
        return None

    def days_with(self, value: int) -> list[dt.date]:
        """Every day whose cumulative figure is ``value``, oldest first."""
        if self._by_value is None:
            index: dict[int, list[dt.date]] = {}
            for day in self._days:
                index.setdefault(self.values[day], []).append(day)
            self._by_value = index
        return self._by_value.get(value, [])

    def mean_daily(self, end: dt.date, days: int) -> float | None:
        """The average daily increment over the ``days`` days up to ``end``, or None."""
        later, earlier = self.on(end), self.on(end - dt.timedelta(days=days))
        if later is None or earlier is None:
            return None
        return (later - earlier) / days


@dataclass
class VerifyContext:
    """Every series a check holds claims against, in memory.

    Args:
        series: reconciled cumulative figures by ``(claimant, subject, category)``.
        alternates: for days where transcriptions disagree, the figures the
            reconciled view did not take, by the same key.
        summed: days whose figure sums several of the source's own categories,
            with their names ("military auto + fuel tank"), by the same key.
        marker: the ledger's change marker when loaded (None when built by hand).
    """

    series: dict[SeriesKey, Series] = field(default_factory=dict)
    alternates: dict[SeriesKey, dict[dt.date, frozenset[int]]] = field(default_factory=dict)
    summed: dict[SeriesKey, dict[dt.date, str]] = field(default_factory=dict)
    marker: tuple[object, ...] | None = None

    @classmethod
    def from_tables(
        cls,
        tables: Mapping[SeriesKey, Mapping[dt.date, int]],
        *,
        alternates: Mapping[SeriesKey, Mapping[dt.date, Iterable[int]]] | None = None,
        summed: Mapping[SeriesKey, Mapping[dt.date, str]] | None = None,
        marker: tuple[object, ...] | None = None,
    ) -> VerifyContext:
        """Build a context from plain ``{(claimant, subject, category): {date: value}}``."""
        return cls(
            series={
                key: Series(values, step=key[0] in STEP_CLAIMANTS)
                for key, values in tables.items()
                if values
            },
            alternates={
                key: {day: frozenset(found) for day, found in by_day.items()}
                for key, by_day in (alternates or {}).items()
            },
            summed={key: dict(by_day) for key, by_day in (summed or {}).items()},
            marker=marker,
        )

    def series_category(self, claimant: str, category: str) -> str:
        """The category of ``claimant``'s series that holds claims of ``category``."""
        return SERIES_CATEGORY_ALIASES.get((claimant, category), category)

    def find(self, claimant: str | None, subject: str, category: str) -> Series | None:
        """``claimant``'s series for a claim about ``subject`` and ``category``, or None."""
        if claimant is None:
            return None
        return self.series.get((claimant, subject, self.series_category(claimant, category)))

    def claimants_for(self, subject: str, category: str) -> list[str]:
        """Claimants with a series for ``subject`` and ``category``, in taxonomy order."""
        found = {
            claimant
            for claimant, side, name in self.series
            if side == subject and name == self.series_category(claimant, category)
        }
        return sorted(found, key=lambda c: CLAIMANTS.index(c) if c in CLAIMANTS else len(CLAIMANTS))

    def categories_of(self, claimant: str, subject: str) -> list[str]:
        """Every category ``claimant`` has a series for about ``subject``."""
        return [name for who, side, name in self.series if who == claimant and side == subject]

    def alternate_figures(
        self, claimant: str, subject: str, category: str, day: dt.date
    ) -> frozenset[int]:
        """Figures another transcription gives for that day where transcriptions disagree."""
        key = (claimant, subject, self.series_category(claimant, category))
        return self.alternates.get(key, {}).get(day, frozenset())

    def summed_parts(self, claimant: str, subject: str, category: str, day: dt.date) -> str | None:
        """The source categories summed into that day's figure, or None for a single one."""
        key = (claimant, subject, self.series_category(claimant, category))
        return self.summed.get(key, {}).get(day)

    def held(
        self, claimant: str, subject: str, category: str, day: dt.date, basis: str
    ) -> HeldFigure | None:
        """The figure of ``claimant``'s series on ``day`` as a record, or None."""
        series = self.find(claimant, subject, category)
        if series is None:
            return None
        value = series.figure(day, basis)
        if value is None:
            return None
        return HeldFigure(
            claimant, subject, self.series_category(claimant, category), basis, day, value
        )


def load_context(connection: sa.Connection) -> VerifyContext:
    """Read every claimant's reconciled series (``reconcile.py``) into a :class:`VerifyContext`.

    Where transcriptions disagree, the reconciled figure is the expected one and
    the others are kept as alternates: a claim quoting either still matches.
    """
    tables: dict[SeriesKey, dict[dt.date, int]] = {}
    alternates: dict[SeriesKey, dict[dt.date, frozenset[int]]] = {}
    summed: dict[SeriesKey, dict[dt.date, str]] = {}
    for claimant in CLAIMANTS:
        reconciled = load_reconciled_ledger(connection, claimant=claimant, anomalies=False)
        for (subject, category), points in reconciled.series.items():
            key = (claimant, subject, category)
            tables[key] = {point.date: point.value for point in points}
            for point in points:
                if point.disagreement is not None:
                    others = set(point.disagreement.values.values()) - {point.value}
                    if others:
                        alternates.setdefault(key, {})[point.date] = frozenset(others)
        for (subject, category), parts in read_summed_days(connection, claimant).items():
            summed[(claimant, subject, category)] = parts
    return VerifyContext.from_tables(
        tables, alternates=alternates, summed=summed, marker=read_series_marker(connection)
    )


_CACHE: weakref.WeakKeyDictionary[Ledger, VerifyContext] = weakref.WeakKeyDictionary()


def context_for(ledger: Ledger) -> VerifyContext:
    """The ledger's context, loaded once and reloaded only after figures were imported."""
    with ledger.connect() as connection:
        marker = read_series_marker(connection)
        cached = _CACHE.get(ledger)
        if cached is not None and cached.marker == marker:
            return cached
        context = load_context(connection)
    _CACHE[ledger] = context
    return context
