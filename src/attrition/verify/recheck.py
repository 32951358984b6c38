"""Re-evaluating stored claims after the ledger changed, keeping every earlier verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from attrition.ledger import Ledger
from attrition.ledger.claims import list_checked_documents, store_checked_claims
from attrition.verify.context import VerifyContext, context_for
from attrition.verify.engine import evaluate_claims
from attrition.verify.verdicts import format_figure


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """A stored claim whose verdict a re-check changed."""

    claim_id: int
    document_id: int | None
    figure: str
    category: str
    before: str | None
    after: str
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass
class RecheckResult:
    """What a re-check did: documents and claims seen, verdicts changed."""

    documents: int = 0
    claims: int = 0
    unchanged: int = 0
    changes: list[VerdictChange] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Counts and changes for JSON."""
        return {
            "documents": self.documents,
            "claims": self.claims,
            "unchanged": self.unchanged,
            "changed": len(self.changes),
            "changes": [change.as_dict() for change in self.changes],
        }


def recheck_claims(
    ledger: Ledger,
    *,
    document_ids: Sequence[int] | None = None,
    context: VerifyContext | None = None,
) -> RecheckResult:
    """Hold every stored claim (or those of ``document_ids``) against the ledger again.

    A verdict that comes out different is stored as the claim's new current
    verdict and the old one kept as history; all of it in one transaction.
    """
    context = context or context_for(ledger)
    result = RecheckResult()
    with ledger.transaction() as connection:
        for document in list_checked_documents(connection, document_ids=document_ids):
            verdicts = evaluate_claims(document.claims, context, published=document.published)
            store_checked_claims(
                connection,
                document_id=document.document_id,
                version_id=document.version_id,
                verdicts=verdicts,
            )
            result.documents += 1
            for claim, verdict in zip(document.claims, verdicts, strict=True):
                result.claims += 1
                old = claim.verdict
                before = old.verdict if old else None
                was = (before, *((old.expected, old.matched_date, old.explanation) if old else ()))
                if was == (
                    verdict.verdict,
                    verdict.expected,
                    verdict.matched_date,
                    verdict.explanation,
                ):
                    result.unchanged += 1
                    continue
                result.changes.append(
                    VerdictChange(
                        claim.id,
                        claim.document_id,
                        format_figure(claim.value, claim.low, claim.high),
                        claim.category,
                        before,
                        verdict.verdict,
                        verdict.explanation,
                    )
                )
    return result
