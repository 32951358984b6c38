"""How a figure that fits no report could have come about: a short list of error models.

Each model relates the stated figure to one figure the ledger holds near the
claim's day. They are tried in the order of ``ERROR_MODELS``: exact relations
(a truncated figure, the daily increment quoted as a total, another category's,
side's or claimant's figure) before single-digit slips, and a changed digit
last, because one digit off is the relation most often met by chance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from attrition.verify.verdicts import HeldFigure

# A truncation or a dropped digit leaves at least this many digits: "7" from
# "759" would explain too many figures by chance.
MIN_DIGITS_LEFT = 2
# A changed digit is only offered for figures of at least this many digits: for
# two-digit figures one changed digit reaches 17 of the 90 two-digit numbers.
MIN_DIGITS_CHANGED = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    """A figure the ledger holds that a misquote could come from, and how it relates."""

    relation: (
        str  # "same" (the claim's own series), "daily", "total", "category", "side", "claimant"
    )
    figure: HeldFigure


@dataclass(frozen=True, slots=True)
class Explanation:
    """The error model that relates a stated figure to a ledger figure."""

    model: str
    source: HeldFigure
    phrase: str  # completes "75 ..." : "looks like 759 with its last digit cut off"


def _digits(figure: int) -> str:
    return str(abs(figure))


def _deletions(digits: str) -> set[str]:
    return {digits[:i] + digits[i + 1 :] for i in range(len(digits))}


def is_truncation(stated: int, actual: int) -> bool:
    """True when ``stated`` is ``actual`` with trailing digits cut off (75 from 759)."""
    s, a = _digits(stated), _digits(actual)
    return MIN_DIGITS_LEFT <= len(s) < len(a) and a.startswith(s)


def is_dropped_digit(stated: int, actual: int) -> bool:
    """True when ``stated`` is ``actual`` missing one digit (3645 → 365)."""
    s, a = _digits(stated), _digits(actual)
    return len(s) >= MIN_DIGITS_LEFT and len(s) == len(a) - 1 and s in _deletions(a)


def is_added_digit(stated: int, actual: int) -> bool:
    """True when ``stated`` is ``actual`` with one digit too many (241 → 2411)."""
    return is_dropped_digit(actual, stated)


def is_swapped_digits(stated: int, actual: int) -> bool:
    """True when two neighbouring digits of ``actual`` are swapped in ``stated`` (764 → 746)."""
    s, a = _digits(stated), _digits(actual)
    if len(s) != len(a) or len(s) < 2 or s == a:
        return False
    diff = [i for i in range(len(s)) if s[i] != a[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and s[diff[0]] == a[diff[1]]
        and (s[diff[1]] == a[diff[0]])
    )


def is_changed_digit(stated: int, actual: int) -> bool:
    """True when exactly one digit of ``actual`` differs in ``stated`` (148 → 145)."""
    s, a = _digits(stated), _digits(actual)
    if len(s) != len(a) or len(s) < MIN_DIGITS_CHANGED:
        return False
    return sum(x != y for x, y in zip(s, a, strict=True)) == 1


def _when(figure: HeldFigure) -> str:
    return figure.as_of.isoformat()


# Exact relations: the stated figure *is* another figure of the ledger.
_RELATION_MODELS: Final[dict[str, tuple[str, Callable[[HeldFigure], str]]]] = {
    "daily": (
        "daily_as_total",
        lambda f: f"is the daily increment of {_when(f)} (+{f.value:,}) quoted as a total",
    ),
    "total": (
        "total_as_daily",
        lambda f: f"is the running total of {_when(f)} quoted as a daily figure",
    ),
    "category": (
        "other_category",
        lambda f: f"is the figure for {f.category.replace('_', ' ')} on {_when(f)}",
    ),
    "side": (
        "other_side",
        lambda f: f"is the other side's figure ({f.subject}, {_when(f)})",
    ),
    "claimant": (
        "other_claimant",
        lambda f: f"is {f.claimant}'s figure of {_when(f)}",
    ),
}

# Digit slips against the claim's own series, in order of likelihood.
_DIGIT_MODELS: Final[tuple[tuple[str, Callable[[int, int], bool], str], ...]] = (
    ("truncated", is_truncation, "looks like {a:,} ({d}) with its last digits cut off"),
    ("dropped_digit", is_dropped_digit, "looks like {a:,} ({d}) with a digit dropped"),
    ("added_digit", is_added_digit, "looks like {a:,} ({d}) with a digit added"),
    ("swapped_digits", is_swapped_digits, "looks like {a:,} ({d}) with two digits swapped"),
    ("changed_digit", is_changed_digit, "differs from {a:,} ({d}) in one digit"),
)

ERROR_MODELS: Final = (
    "truncated",
    *(model for model, _ in _RELATION_MODELS.values()),
    *(model for model, _, _ in _DIGIT_MODELS[1:]),
)


def explain_figure(stated: int, candidates: Iterable[Candidate]) -> list[Explanation]:
    """Every explanation of ``stated`` by the candidates, likeliest first (see ERROR_MODELS)."""
    pool = list(candidates)
    found: list[Explanation] = []
    own = [c.figure for c in pool if c.relation == "same"]

    def digit_model(index: int) -> None:
        model, test, phrase = _DIGIT_MODELS[index]
        for figure in own:
            if test(stated, figure.value):
                found.append(
                    Explanation(model, figure, phrase.format(a=figure.value, d=_when(figure)))
                )
                return

    digit_model(0)  # a truncation is an exact relation too: "75" is literally in "759"
    for relation, (model, phrase) in _RELATION_MODELS.items():
        for candidate in pool:
            if candidate.relation == relation and candidate.figure.value == stated:
                found.append(Explanation(model, candidate.figure, phrase(candidate.figure)))
                break
    for index in range(1, len(_DIGIT_MODELS)):
        digit_model(index)
    return found
