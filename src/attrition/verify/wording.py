"""The words of verdict explanations: who, whose losses, which day."""

from __future__ import annotations

import datetime as dt

from attrition.taxonomy import CATEGORY_LABELS, CLAIMANT_LABELS, SIDE_ADJECTIVES

# Where the day a claim is held against comes from, as the explanation names it.
REFERENCE_NAMES = {
    "published": "the article's date",
    "as_of": "the date the text gives",
    "resolved": "the report the article's figures match",
}


def name_claimant(claimant: str | None) -> str:
    """``UA_GENERAL_STAFF`` → ``Ukraine's General Staff``."""
    if claimant is None:
        return "an unnamed source"
    return CLAIMANT_LABELS.get(claimant, claimant)


def name_losses(subject: str, category: str) -> str:
    """``RU``, ``afv`` → ``Russian armoured combat vehicles``."""
    noun = CATEGORY_LABELS.get(category, category.replace("_", " ")).lower()
    noun = noun.replace("(uav)", "").strip()
    return f"{SIDE_ADJECTIVES.get(subject, subject)} {noun}"


def name_figure(value: int, basis: str) -> str:
    """``96`` daily → ``+96``; cumulative → ``96``."""
    return f"+{value:,}" if basis == "daily" and value >= 0 else f"{value:,}"


def name_day(day: dt.date, reference: dt.date | None, source: str) -> str:
    """``2022-06-25, the day before the article's date`` (relative wording where it helps)."""
    if reference is None:
        return day.isoformat()
    offset = (reference - day).days
    where = REFERENCE_NAMES.get(source, "the reference date")
    if offset == 0:
        return f"{day.isoformat()}, {where}"
    if offset == 1:
        return f"{day.isoformat()}, the day before {where}"
    if offset == -1:
        return f"{day.isoformat()}, the day after {where}"
    if offset > 0:
        return f"{day.isoformat()}, {offset} days before {where}"
    return f"{day.isoformat()}, {-offset} days after {where}"
