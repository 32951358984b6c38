"""Claimed versus confirmed: the General Staff's figure beside Oryx's, day by day.

The claimed figure is the General Staff's reconciled series (both
transcriptions, disagreements settled: ``reconcile.load_reconciled_series``);
the confirmed figure is Oryx's total for the same ledger category (every Oryx
heading mapped to it, summed: see docs/data-sources.md). Oryx's totals exist
only for days its page changed, so a day without one shows the latest earlier
total, marked ``carried_forward`` with the day it comes from. Nothing is
carried past the last day of Oryx's series, and no figure is interpolated.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from attrition.errors import InputError, NotFound
from attrition.ledger.observations import Observation, read_series
from attrition.reconcile import SeriesPoint, load_reconciled_series
from attrition.taxonomy import (
    CATEGORIES,
    EXTRA_CATEGORIES,
    GENERAL_STAFF_CSV_CATEGORIES,
    GENERAL_STAFF_JSON_CATEGORIES,
    ORYX_CATEGORIES,
)

CLAIMANT = "UA_GENERAL_STAFF"
CONFIRMED_SOURCE = "oryx"
SUBJECT = "RU"
# Digits kept in a ratio: 1511 / 789 = 1.915.
RATIO_DIGITS = 3


@dataclass(frozen=True, slots=True)
class ComparePoint:
    """One day: what was claimed, what was confirmed by then, and their ratio."""

    date: dt.date
    claimed: int | None
    confirmed: int | None
    confirmed_date: dt.date | None  # the day Oryx's figure is from
    carried_forward: bool  # the confirmed figure is from an earlier day
    ratio: float | None  # claimed / confirmed

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON and CSV."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass
class Comparison:
    """A category's claimed and confirmed series side by side, with where they come from."""

    category: str
    subject: str
    claimant: str
    confirmed_source: str
    confirmed_headings: list[str]
    points: list[ComparePoint] = field(default_factory=list)
    confirmed_until: dt.date | None = None

    def as_dict(self) -> dict[str, Any]:
        """The ``compare --json`` shape."""
        return {
            "category": self.category,
            "subject": self.subject,
            "claimant": self.claimant,
            "confirmed_source": self.confirmed_source,
            "confirmed_headings": self.confirmed_headings,
            "confirmed_until": self.confirmed_until,
            "points": [point.as_dict() for point in self.points],
        }


def comparable_categories() -> list[str]:
    """Categories both the General Staff and some Oryx heading count: what ``compare`` shows."""
    claimed = set(GENERAL_STAFF_JSON_CATEGORIES.values()) | set(
        GENERAL_STAFF_CSV_CATEGORIES.values()
    )
    confirmed = set(ORYX_CATEGORIES.values())
    return [c for c in (*CATEGORIES, *EXTRA_CATEGORIES) if c in claimed and c in confirmed]


def oryx_headings_for(category: str) -> list[str]:
    """The Oryx headings summed into ``category`` (renamed variants included)."""
    return [heading for heading, mapped in ORYX_CATEGORIES.items() if mapped == category]


def compare_series(
    claimed: Sequence[SeriesPoint],
    confirmed: Sequence[Observation],
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[ComparePoint]:
    """Pair the two series on every day either has, carrying confirmed totals forward.

    Args:
        claimed: the claimant's reconciled points, by date.
        confirmed: Oryx's observations of the same category, by date.
    """
    claimed_on = {point.date: point.value for point in claimed}
    confirmed_days = [o.as_of for o in confirmed if o.value is not None]
    confirmed_values = [o.value for o in confirmed if o.value is not None]
    days = sorted(set(claimed_on) | set(confirmed_days))
    points = []
    for day in days:
        if (date_from and day < date_from) or (date_to and day > date_to):
            continue
        value, source_day = _latest_on(day, confirmed_days, confirmed_values)
        claim = claimed_on.get(day)
        ratio = round(claim / value, RATIO_DIGITS) if claim is not None and value else None
        points.append(
            ComparePoint(day, claim, value, source_day, source_day not in (None, day), ratio)
        )
    return points


def _latest_on(
    day: dt.date, days: list[dt.date], values: list[int]
) -> tuple[int | None, dt.date | None]:
    if not days or day > days[-1]:
        return None, None  # never carried past the end of the confirmed series
    index = bisect.bisect_right(days, day) - 1
    if index < 0:
        return None, None
    return values[index], days[index]


def load_comparison(
    connection: sa.Connection,
    category: str,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Comparison:
    """Claimed (General Staff, reconciled) against confirmed (Oryx) for one category.

    Raises:
        InputError: ``category`` is unknown, or Oryx has no counterpart for it.
        NotFound: the ledger holds neither series (nothing imported yet).
    """
    _check_category(category)
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}")
    claimed = load_reconciled_series(
        connection, category=category, subject=SUBJECT, claimant=CLAIMANT
    )
    confirmed = read_series(connection, category=category, source=CONFIRMED_SOURCE, subject=SUBJECT)
    if not claimed and not confirmed:
        raise NotFound(
            f"the ledger holds no {category} series of the General Staff or Oryx",
            hint="run attrition import --bundled",
        )
    comparison = Comparison(
        category=category,
        subject=SUBJECT,
        claimant=CLAIMANT,
        confirmed_source=CONFIRMED_SOURCE,
        confirmed_headings=oryx_headings_for(category),
        confirmed_until=confirmed[-1].as_of if confirmed else None,
    )
    comparison.points = compare_series(claimed, confirmed, date_from=date_from, date_to=date_to)
    return comparison


def _check_category(category: str) -> None:
    comparable = comparable_categories()
    if category in comparable:
        return
    if category in ORYX_CATEGORIES.values():
        raise InputError(
            f"the General Staff reports no {category!r} figure: Oryx's are kept separately "
            f"(attrition evidence {category})",
            hint=f"comparable: {', '.join(comparable)}",
        )
    if category in CATEGORIES or category in EXTRA_CATEGORIES:
        raise InputError(
            f"Oryx has no counterpart for {category!r}: no Oryx heading maps to it "
            "(see the mapping in docs/data-sources.md)",
            hint=f"comparable: {', '.join(comparable)}",
        )
    raise InputError(f"unknown category {category!r}", hint=f"comparable: {', '.join(comparable)}")
