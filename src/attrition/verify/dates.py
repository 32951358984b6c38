"""Which report an article's figures come from, when the article does not say.

The General Staff publishes one tally a morning, and an article relaying it
quotes several of its figures. The report day is the day on which most of a
claimant's figures in the article equal that claimant's series exactly; ties
go to the day nearest the article's date, then to the earliest (the report
that first published the figures). Used three ways: to date an undated article
(``attrition check`` without ``--published``), to pick the report a dated
article relays among the days its date allows, and to fill ``as_of`` for
``attrition extract --resolve-dates``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from attrition.verify.context import VerifyContext
from attrition.verify.verdicts import ClaimLike, ClaimRecord

# One report's figures may be relayed on the day it is published, the day after
# (the article's date), or dated by the text to the loss day before it.
REPORT_WINDOW_DAYS: Final = 1
# An undated article is dated by its figures only when at least this many of
# them agree on one report; a lone figure (or one of several) fits too many days.
MIN_RESOLVING_MATCHES: Final = 2

# Claimants whose every figure in an article dates to the report it relays (the claim
# schema's as_of rule for the General Staff), even a figure the series cannot place
# exactly: "nearly 6,900 tanks" rounded, or "1,504 vehicles" counted apart from fuel
# tanks as the early reports did. For everyone else only the text's own date counts.
REPORT_DATED_CLAIMANTS: Final = frozenset({"UA_GENERAL_STAFF"})
# The figures a report holds: its totals and the day's increments (not a period's sum).
REPORT_BASES: Final = frozenset({"cumulative", "daily"})

ClaimT = TypeVar("ClaimT", bound=ClaimLike)


@dataclass(frozen=True, slots=True)
class ReportDate:
    """The report day of one claimant that an article's figures match."""

    claimant: str
    day: dt.date
    matched: int  # how many of the claimant's figures equal the series that day
    figures: int  # how many of the claimant's figures could be held against a series


def report_window(reference: dt.date) -> list[dt.date]:
    """The days a figure of ``reference`` may come from: that day, the day before, after."""
    days = [reference]
    for offset in range(1, REPORT_WINDOW_DAYS + 1):
        days += [reference - dt.timedelta(days=offset), reference + dt.timedelta(days=offset)]
    return days


def _matching_days(claim: ClaimRecord, context: VerifyContext, claimant: str) -> set[dt.date]:
    series = context.find(claimant, claim.subject, claim.category)
    if series is None or claim.value is None:
        return set()
    if claim.basis == "cumulative":
        return set(series.days_with(claim.value))
    if claim.basis == "daily":
        return {day for day in series.values if series.daily(day) == claim.value}
    return set()


def best_report_day(
    claims: Iterable[ClaimLike],
    context: VerifyContext,
    claimant: str,
    *,
    allowed: Callable[[ClaimRecord], Collection[dt.date] | None] | None = None,
    near: dt.date | None = None,
) -> ReportDate | None:
    """The day most of ``claimant``'s figures match exactly, or None when none match.

    Args:
        allowed: for each claim, the days it may match (None: any day).
        near: the day ties are resolved towards (the article's date).
    """
    votes: Counter[dt.date] = Counter()
    figures = 0
    for claim in map(ClaimRecord.of, claims):
        if (
            claim.claimant != claimant
            or context.find(claimant, claim.subject, claim.category) is None
        ):
            continue
        figures += 1
        days = _matching_days(claim, context, claimant)
        limit = allowed(claim) if allowed else None
        votes.update(days if limit is None else days.intersection(limit))
    if not votes:
        return None

    def rank(day: dt.date) -> tuple[int, int, dt.date]:
        distance = abs((day - near).days) if near else 0
        return (-votes[day], distance, day)

    day = min(votes, key=rank)
    return ReportDate(claimant, day, votes[day], figures)


def resolve_report_dates(
    claims: Sequence[ClaimLike], context: VerifyContext
) -> dict[str, ReportDate]:
    """For an undated article: each claimant's report day its figures best match, by claimant.

    A claimant with two or more checkable figures needs at least
    ``MIN_RESOLVING_MATCHES`` of them to agree on a day; a claimant with a single
    figure is dated by it only when it is the article's only checkable figure.
    """
    claimants = {claim.claimant for claim in claims if claim.claimant}
    found: dict[str, ReportDate] = {}
    for claimant in sorted(claimants):
        best = best_report_day(claims, context, claimant)
        if best is None:
            continue
        if best.matched >= min(MIN_RESOLVING_MATCHES, best.figures):
            found[claimant] = best
    return found


def fill_as_of(
    claims: Sequence[ClaimT], context: VerifyContext, *, published: dt.date | None = None
) -> list[ClaimT]:
    """Claims with ``as_of`` set, where it is missing, to the report day their figure matches.

    Only claims held against a series are dated (the General Staff's tallies): a
    figure gets the article's report day when it equals the series within a day
    of it, or when no day of the series equals it (a rounded figure of the same
    report); a figure equal to another day's stays undated (an older report, or
    a common daily count); other claims are returned unchanged. The day is written the way the
    claim's class holds dates (the extractor's ``Claim`` keeps ISO text).
    """
    records = [ClaimRecord.of(claim) for claim in claims]
    anchors = report_days(records, context, published=published)
    out: list[ClaimT] = []
    for claim, record in zip(claims, records, strict=True):
        anchor = anchors.get(record.claimant or "")
        if record.as_of is not None or anchor is None:
            out.append(claim)
            continue
        matches = _matching_days(record, context, record.claimant or "")
        day = next((d for d in report_window(anchor) if d in matches), None)
        if day is None and not matches and _relays_report(record):
            day = anchor  # a figure of the same report that no day of the series equals
        if day is None:
            out.append(claim)
            continue
        out.append(dataclasses.replace(claim, as_of=_date_like(claim, day)))  # type: ignore[type-var]
    return out


def _relays_report(record: ClaimRecord) -> bool:
    """True for a total or a day's figure of a claimant dated by the report it relays."""
    return record.claimant in REPORT_DATED_CLAIMANTS and record.basis in REPORT_BASES


def _date_like(claim: object, day: dt.date) -> dt.date | str:
    """``day`` as a date, or as ISO text when the claim's class declares ``as_of`` as text."""
    for item in dataclasses.fields(claim):  # type: ignore[arg-type]
        if item.name == "as_of":
            return day if "date" in str(item.type) else day.isoformat()
    return day


def report_days(
    claims: Sequence[ClaimLike], context: VerifyContext, *, published: dt.date | None = None
) -> dict[str, dt.date]:
    """Each claimant's report day for this article: within a day of ``published`` when given.

    Without ``published``, claims dated by the text (``as_of``) are matched within
    a day of their own date, and the rest anywhere (``resolve_report_dates``).
    """
    claims = [ClaimRecord.of(claim) for claim in claims]
    if published is None:
        resolved = {
            claimant: found.day for claimant, found in resolve_report_dates(claims, context).items()
        }
        dated = {claim.claimant for claim in claims if claim.claimant and claim.as_of}
        for claimant in dated:
            best = best_report_day(
                claims,
                context,
                claimant,
                allowed=lambda c: report_window(c.as_of) if c.as_of else (),
            )
            if best is not None:
                resolved[claimant] = best.day
        return resolved
    window = set(report_window(published))
    anchors: dict[str, dt.date] = {}
    for claimant in sorted({claim.claimant for claim in claims if claim.claimant}):
        best = best_report_day(claims, context, claimant, allowed=lambda _c: window, near=published)
        if best is not None:
            anchors[claimant] = best.day
    return anchors
