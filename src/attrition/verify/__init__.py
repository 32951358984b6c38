"""Fact-checking: every loss figure of an article held against the ledger.

``check`` extracts an article's figures and judges them; ``evaluate_claims``
judges given claims against a :class:`VerifyContext` (the ledger's series in
memory); ``context_for`` loads one from a ledger once and reloads it only
after new figures were imported. See docs/verification.md.
"""

from attrition.verify.context import Series, VerifyContext, context_for, load_context
from attrition.verify.dates import fill_as_of, resolve_report_dates
from attrition.verify.engine import evaluate_claim, evaluate_claims
from attrition.verify.pipeline import check, resolve_claim_dates
from attrition.verify.verdicts import (
    VERDICTS,
    Evidence,
    HeldFigure,
    Verdict,
    count_verdicts,
)

__all__ = [
    "VERDICTS",
    "Evidence",
    "HeldFigure",
    "Series",
    "Verdict",
    "VerifyContext",
    "check",
    "context_for",
    "count_verdicts",
    "evaluate_claim",
    "evaluate_claims",
    "fill_as_of",
    "load_context",
    "resolve_claim_dates",
    "resolve_report_dates",
]
