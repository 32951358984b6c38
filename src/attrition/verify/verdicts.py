"""The verdict record: a claim, what the ledger says about it, and why.

A :class:`Verdict` repeats the claim's schema fields (so ``--json`` output is a
superset of a claim line of ``docs/claims.md``) and adds the verdict, the figure
the claimant's own series gives (``expected``), the report day it was held
against (``matched_date``), one sentence a reader can check, the figures it was
held against and the independent evidence beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from attrition.errors import InputError
from attrition.extract.claims import SCHEMA_FIELDS

MATCH: Final = "match"
ROUNDED: Final = "rounded"
STALE: Final = "stale"
CONTRADICTS: Final = "contradicts"
UNVERIFIABLE: Final = "unverifiable"

# In order from best to worst supported; reports and counts list them this way.
VERDICTS: Final = (MATCH, ROUNDED, STALE, CONTRADICTS, UNVERIFIABLE)

# The claim schema's fields, in the order of docs/claims.md: the extractor's own list.
CLAIM_FIELDS: Final = SCHEMA_FIELDS
# Where a claim stands in its text, and the rule that read it.
SPAN_FIELDS: Final = ("start", "end", "quote", "rule_id")


class ClaimLike(Protocol):
    """What the engine reads from a claim (``attrition.extract.Claim`` has all of it)."""

    @property
    def subject(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def value(self) -> int | None: ...
    @property
    def low(self) -> int | None: ...
    @property
    def high(self) -> int | None: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def basis(self) -> str: ...
    @property
    def claimant(self) -> str | None: ...
    @property
    def as_of(self) -> dt.date | str | None: ...


def claim_fields(claim: Any) -> dict[str, Any]:
    """A claim's schema fields (``CLAIM_FIELDS``) as a dict, in schema order."""
    return {name: getattr(claim, name) for name in CLAIM_FIELDS}


def span_fields(claim: Any) -> dict[str, Any]:
    """A claim's span and rule (``SPAN_FIELDS``) as a dict, None where it has none."""
    return {name: getattr(claim, name, None) for name in SPAN_FIELDS}


@dataclass(frozen=True, slots=True)
class ClaimFields:
    """The claim schema's fields with ``as_of`` a date: what a record of a claim starts with."""

    subject: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    basis: str
    claimant: str | None
    as_of: dt.date | None


@dataclass(frozen=True, slots=True)
class ClaimRecord(ClaimFields):
    """A claim as the engine reads it: ``as_of`` a date, span and rule when known."""

    start: int | None = None
    end: int | None = None
    quote: str | None = None
    rule_id: str | None = None

    @classmethod
    def of(cls, claim: ClaimLike) -> ClaimRecord:
        """Any claim-like object (the extractor's ``Claim``, a stored claim) as a record."""
        if isinstance(claim, ClaimRecord):
            return claim
        as_of = claim.as_of
        if isinstance(as_of, str):
            try:
                as_of = dt.date.fromisoformat(as_of)
            except ValueError:
                raise InputError(
                    f"claim as_of {as_of!r} is not a date", hint="use YYYY-MM-DD"
                ) from None
        return cls(**(claim_fields(claim) | {"as_of": as_of}), **span_fields(claim))


@dataclass(frozen=True, slots=True)
class HeldFigure:
    """One figure of a series a claim was held against."""

    claimant: str
    subject: str
    category: str
    basis: str
    as_of: dt.date
    value: int

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {
            "claimant": self.claimant,
            "subject": self.subject,
            "category": self.category,
            "basis": self.basis,
            "as_of": self.as_of,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """What stands beside the claim: confirmed losses and other claimants' figures.

    ``confirmed`` is Oryx's count of visually confirmed losses in the category on
    ``confirmed_date`` (the last page change on or before the claim's day);
    ``ratio`` is the claimed figure divided by it.
    """

    confirmed: int | None = None
    confirmed_date: dt.date | None = None
    ratio: float | None = None
    others: tuple[HeldFigure, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {
            "confirmed": self.confirmed,
            "confirmed_date": self.confirmed_date,
            "ratio": self.ratio,
            "others": [figure.as_dict() for figure in self.others],
        }


@dataclass(frozen=True, slots=True)
class Verdict(ClaimFields):
    """A claim with its verdict, the expected figure and a checkable explanation."""

    verdict: str
    explanation: str
    expected: int | None = None
    matched_date: dt.date | None = None
    reference_date: dt.date | None = None
    days_old: int | None = None
    error_model: str | None = None
    series_claimant: str | None = None
    held_against: tuple[HeldFigure, ...] = ()
    evidence: Evidence = field(default_factory=Evidence)
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    rule_id: str | None = None

    @property
    def figure(self) -> str:
        """The claimed figure as a reader would say it: ``35,000`` or ``60–100``."""
        return format_figure(self.value, self.low, self.high)

    def as_dict(self) -> dict[str, Any]:
        """The claim's schema fields, then the verdict and its support, for JSON."""
        out = claim_fields(self)
        out.update(
            verdict=self.verdict,
            expected=self.expected,
            matched_date=self.matched_date,
            explanation=self.explanation,
            reference_date=self.reference_date,
            days_old=self.days_old,
            error_model=self.error_model,
            series_claimant=self.series_claimant,
            held_against=[figure.as_dict() for figure in self.held_against],
            evidence=self.evidence.as_dict(),
            start=self.start,
            end=self.end,
            quote=self.quote,
            rule_id=self.rule_id,
        )
        return out


def format_figure(value: int | None, low: int | None = None, high: int | None = None) -> str:
    """``35000`` → ``35,000``; a range → ``60–100``; nothing → ``?``."""
    if value is not None:
        return f"{value:,}"
    if low is not None and high is not None:
        return f"{low:,}–{high:,}"
    if low is not None:
        return f"{low:,}+"
    if high is not None:
        return f"≤{high:,}"
    return "?"


def count_verdicts(verdicts: list[Verdict]) -> dict[str, int]:
    """How many verdicts of each kind, in the order of ``VERDICTS``."""
    counts = dict.fromkeys(VERDICTS, 0)
    for verdict in verdicts:
        counts[verdict.verdict] += 1
    return counts
