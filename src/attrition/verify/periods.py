"""Rates and period totals: claims the ledger's running totals check only indirectly.

A period total ("in July, Russia lost 1,520 artillery systems") matches when it
equals a calendar month of the claimant's reports; a rate ("100 a day") has no
series to be held against, and is set beside the series' own pace.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from attrition.verify.building import (
    ONE_DAY,
    Reference,
    claim_figure,
    describe_context,
    gather_evidence,
    make_verdict,
)
from attrition.verify.context import Series, VerifyContext
from attrition.verify.verdicts import MATCH, UNVERIFIABLE, ClaimRecord, Verdict
from attrition.verify.wording import name_claimant, name_losses

# The window a per-day rate is set beside: the series' average over the month
# before the claim, the span officials' "per day" estimates usually describe.
RATE_CONTEXT_DAYS: Final = 30
# Calendar months before the claim's day searched for a period total: the
# dev set's monthly totals are all from the year before the article.
PERIOD_LOOKBACK_MONTHS: Final = 12


# How the explanation names a basis the ledger keeps no series of.
BASIS_NAMES: Final = {"rate": "per-day rate", "period": "total over a period"}


def month_totals(series: Series, before: dt.date, months: int) -> list[tuple[str, dt.date, int]]:
    """Calendar-month totals of a series, latest first: (``July 2024``, end report day, total).

    A month's losses are told by the reports of its first day and of the next
    month's first day (each report counts the day before), which is how the
    General Staff's own monthly summaries add up.
    """
    out = []
    end = before.replace(day=1)
    for _ in range(months):
        start = (end - ONE_DAY).replace(day=1)
        first, last = series.on(start), series.on(end)
        if first is not None and last is not None:
            out.append((start.strftime("%B %Y"), end, last - first))
        end = start
    return out


def judge_basis(claim: ClaimRecord, context: VerifyContext, reference: Reference) -> Verdict:
    """Rates and period totals: a month's total when one equals the figure, else context."""
    kind = BASIS_NAMES.get(claim.basis, claim.basis)
    losses = name_losses(claim.subject, claim.category)
    day = claim.as_of or reference.day
    series = context.find(claim.claimant, claim.subject, claim.category)
    if claim.basis == "period" and series is not None and day is not None and claim.value:
        for label, end, total in month_totals(series, day + ONE_DAY, PERIOD_LOOKBACK_MONTHS):
            if total == claim.value:
                held = context.held(
                    claim.claimant or "", claim.subject, claim.category, end, "cumulative"
                )
                return make_verdict(
                    claim,
                    MATCH,
                    f"{name_claimant(claim.claimant)}'s reports add up to {total:,} {losses} "
                    f"for {label} (its report of {end.isoformat()} minus that of the month's "
                    "first day).",
                    expected=total,
                    matched_date=end,
                    reference_date=reference.day,
                    series_claimant=claim.claimant,
                    held_against=(held,) if held else (),
                    evidence=gather_evidence(claim, context, end, None),
                )
    evidence = gather_evidence(claim, context, day, None)
    beside = describe_context(evidence, claim)
    if claim.basis == "rate" and day is not None:
        paces = []
        for claimant in context.claimants_for(claim.subject, claim.category):
            found = context.find(claimant, claim.subject, claim.category)
            pace = found.mean_daily(day, RATE_CONTEXT_DAYS) if found else None
            if pace is not None:
                paces.append(
                    f"{name_claimant(claimant)}'s figures grew by {pace:,.0f} a day on average "
                    f"in the {RATE_CONTEXT_DAYS} days to {day.isoformat()}"
                )
        if paces:
            beside = "; ".join(paces)
    return make_verdict(
        claim,
        UNVERIFIABLE,
        f"{claim_figure(claim)} is a {kind} of {losses} by {name_claimant(claim.claimant)}, "
        f"and the ledger has no {kind} to hold it against; {beside}.",
        reference_date=reference.day,
        evidence=evidence,
    )
