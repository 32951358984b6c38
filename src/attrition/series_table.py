"""A claimed series as rows with each day's change: what ``attrition series`` and the API show.

The CLI and the web read the same rows from here, so ``attrition series --json``
and ``/api/series`` can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from attrition.ledger import Observation
from attrition.reconcile import Disagreement, SeriesPoint

# The fields of `attrition series --json`; rows also carry "qualifier" and "note".
SERIES_FIELDS = ("date", "value", "change", "source")

Point = tuple[dt.date, int, str, str, str]  # (date, value, source, qualifier, note)


def reconciled_points(
    points: Sequence[SeriesPoint], note: Callable[[Disagreement | None], str]
) -> list[Point]:
    """Reconciled points as ``series_rows`` input; ``note`` words a day's disagreement."""
    return [
        (p.date, p.value, "+".join(p.sources), p.qualifier, note(p.disagreement)) for p in points
    ]


def stored_points(observations: Sequence[Observation], source: str) -> list[Point]:
    """One transcription's observations as stored, as ``series_rows`` input."""
    return [(o.as_of, o.value or 0, source, o.qualifier, "") for o in observations]


def series_rows(
    points: Sequence[Point],
    *,
    daily: bool,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> list[dict[str, Any]]:
    """(date, value, source, qualifier, note) points → output rows with their change.

    Change is against the previous report, including the day before ``date_from``;
    with ``daily`` the value is the day's increment and the change is the
    difference from the previous day's increment.
    """
    rows: list[dict[str, Any]] = []
    previous_value: int | None = None
    previous_shown: int | None = None
    for day, value, source, qualifier, note in points:
        shown: int | None = value
        if daily:
            shown = None if previous_value is None else value - previous_value
        change = None if shown is None or previous_shown is None else shown - previous_shown
        previous_value, previous_shown = value, shown
        if (date_from and day < date_from) or (date_to and day > date_to):
            continue
        rows.append(
            {
                "date": day,
                "value": shown,
                "change": change,
                "source": source,
                "qualifier": qualifier,
                "note": note,
            }
        )
    return rows
