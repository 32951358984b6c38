"""When a stated figure is a rounding of the series figure, given its qualifier.

A figure's *unit* is the power of ten of its trailing zeros: 35,000 → 1,000,
1,500 → 100, 217 → 1. A figure with unit 1 is not a rounding of anything; it
must equal the series figure. Otherwise, with ``A`` the series figure and
``X`` the stated one (docs/verification.md has examples):

- ``exact`` or ``about``: ``X`` is ``A`` rounded to the nearest unit,
  ``|A - X| <= unit / 2`` (35,000 for 34,700; 1,500 for 1,511);
- ``over`` (more than, at least): ``X`` is ``A`` rounded down,
  ``0 <= A - X < unit`` (more than 34,000 for 34,700; over 30,000 too);
- ``under`` (up to, almost, nearly): ``X`` is ``A`` rounded up,
  ``0 <= X - A < unit`` (almost 35,000 for 34,700);
- a range ``low``–``high`` holds ``A`` when ``low <= A <= high``.
"""

from __future__ import annotations


def rounding_unit(figure: int) -> int:
    """The power of ten of ``figure``'s trailing zeros: 35,000 → 1,000; 217 → 1; 0 → 1."""
    if figure == 0:
        return 1
    unit = 1
    while figure % (unit * 10) == 0:
        unit *= 10
    return unit


def describe_rounding(
    value: int | None, low: int | None, high: int | None, qualifier: str, actual: int
) -> str | None:
    """How the stated figure rounds ``actual`` ("rounded to the nearest 1,000"), or None.

    None means the stated figure is not a rounding of ``actual`` consistent with
    its qualifier. Equal figures are a match, not a rounding, and also give None.
    """
    if value is None:
        if low is not None and high is not None and low <= actual <= high:
            return f"within the stated range {low:,}–{high:,}"
        return None
    if value == actual:
        return None
    unit = rounding_unit(value)
    if unit == 1:
        return None
    if qualifier == "over":
        if 0 <= actual - value < unit:
            return f"rounded down to the {unit:,}, as 'more than' says"
        return None
    if qualifier == "under":
        if 0 <= value - actual < unit:
            return f"rounded up to the {unit:,}, as 'almost' or 'up to' says"
        return None
    if 2 * abs(actual - value) <= unit:
        return f"rounded to the nearest {unit:,}"
    return None
