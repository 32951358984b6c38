"""The building blocks of verdicts: the reference day, the figures held, the evidence beside."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from attrition.compare import RATIO_DIGITS
from attrition.verify.context import CONFIRMED_CLAIMANT, Series, VerifyContext
from attrition.verify.dates import report_window
from attrition.verify.verdicts import (
    ClaimRecord,
    Evidence,
    HeldFigure,
    Verdict,
    claim_fields,
    format_figure,
    span_fields,
)
from attrition.verify.wording import name_claimant, name_losses

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Reference:
    """The day a claim is held against, where it comes from, and the article's report day."""

    day: dt.date | None
    source: str  # "published", "as_of" or "resolved"
    anchor: dt.date | None = None

    def window(self) -> list[dt.date]:
        """The report days within a day of the reference, the article's report day first."""
        if self.day is None:
            return []
        days = report_window(self.day)
        if self.anchor in days:
            days.remove(self.anchor)
            days.insert(0, self.anchor)
        return days


def make_verdict(claim: ClaimRecord, verdict: str, explanation: str, **extra: Any) -> Verdict:
    """A verdict carrying the claim's fields, span and rule."""
    return Verdict(
        **claim_fields(claim),
        verdict=verdict,
        explanation=explanation,
        **span_fields(claim),
        **extra,
    )


def figure_days(series: Series, days: Sequence[dt.date], basis: str) -> list[tuple[dt.date, int]]:
    """(day, figure) for each of ``days`` the series has a figure for."""
    found = []
    for day in days:
        value = series.figure(day, basis)
        if value is not None:
            found.append((day, value))
    return found


def held_figures(
    context: VerifyContext, claimant: str, claim: ClaimRecord, pairs: Sequence[tuple[dt.date, int]]
) -> tuple[HeldFigure, ...]:
    """The (day, figure) pairs of ``claimant``'s series as records, oldest first."""
    category = context.series_category(claimant, claim.category)
    return tuple(
        HeldFigure(claimant, claim.subject, category, claim.basis, day, value)
        for day, value in sorted(pairs)
    )


def gather_evidence(
    claim: ClaimRecord, context: VerifyContext, day: dt.date | None, exclude: str | None
) -> Evidence:
    """Oryx's confirmed count on ``day`` and every other claimant's figure beside the claim."""
    if day is None:
        return Evidence()
    confirmed = confirmed_day = ratio = None
    oryx = context.find(CONFIRMED_CLAIMANT, claim.subject, claim.category)
    if oryx is not None and exclude != CONFIRMED_CLAIMANT:
        confirmed_day = oryx.day_of(day)
        confirmed = oryx.on(day)
        figure = claim.value if claim.value is not None else claim.high
        if confirmed and figure is not None and claim.basis == "cumulative":
            ratio = round(figure / confirmed, RATIO_DIGITS)
    others = []
    for claimant in context.claimants_for(claim.subject, claim.category):
        if claimant in (exclude, CONFIRMED_CLAIMANT):
            continue
        held = context.held(claimant, claim.subject, claim.category, day, "cumulative")
        if held is not None:
            others.append(held)
    return Evidence(confirmed, confirmed_day, ratio, tuple(others))


def describe_context(evidence: Evidence, claim: ClaimRecord) -> str:
    """What the ledger holds beside a claim it cannot check, as one clause."""
    parts = [
        f"{name_claimant(other.claimant)} reported {other.value:,} "
        f"{name_losses(other.subject, other.category)} on {other.as_of.isoformat()}"
        for other in evidence.others
    ]
    if evidence.confirmed is not None and evidence.confirmed_date is not None:
        parts.append(
            f"Oryx had visually confirmed {evidence.confirmed:,} "
            f"{name_losses(claim.subject, claim.category)} by {evidence.confirmed_date.isoformat()}"
        )
    if not parts:
        return f"the ledger holds no other figure for {name_losses(claim.subject, claim.category)}"
    return "; ".join(parts)


def claim_figure(claim: ClaimRecord) -> str:
    """The stated figure with its qualifier, as a reader would say it: ``over 2,000``."""
    words = {"about": "about ", "over": "over ", "under": "up to "}
    return words.get(claim.qualifier, "") + format_figure(claim.value, claim.low, claim.high)
