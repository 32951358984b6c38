"""The seam from news to fact-checking: extract a version's claims, verify and store them.

A :class:`ClaimStage` is what the ingest pipeline calls for every new text.
``ExtractVerifyStage`` is the default: ``attrition.extract.extract_claims``
reads the claims, ``attrition.verify.evaluate_claims`` holds them against the
ledger's series (loaded once per process, reloaded when figures are
imported), and ``attrition.ledger.claims.store_checked_claims`` stores claims
and verdicts for the document version inside the pipeline's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import sqlalchemy as sa

from attrition.extract import EXTRACTOR_VERSION, extract_claims
from attrition.ledger import Ledger
from attrition.ledger.claims import store_checked_claims
from attrition.verify import context_for, count_verdicts, evaluate_claims


@dataclass(frozen=True)
class ClaimSummary:
    """What the claim stage found in one version of a document."""

    claims: int
    verdicts: dict[str, int] = field(default_factory=dict)
    analysed: bool = True  # False when nothing was extracted on purpose: off-topic unknown


class ClaimStage(Protocol):
    """Extracts claims from a text, then verifies and stores them for a document version."""

    def extract(
        self, text: str, *, published: dt.date | None, language: str | None
    ) -> Sequence[Any]: ...

    def store(
        self,
        connection: sa.Connection,
        *,
        document_id: int,
        version_id: int,
        claims: Sequence[Any],
        published: dt.date | None,
    ) -> ClaimSummary: ...


class ExtractVerifyStage:
    """Claims from ``attrition.extract``, verdicts from ``attrition.verify``."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def extract(
        self, text: str, *, published: dt.date | None, language: str | None
    ) -> Sequence[Any]:
        """The text's loss claims (relative dates resolved against ``published``)."""
        return extract_claims(text, published=published, lang=language or "en")

    def store(
        self,
        connection: sa.Connection,
        *,
        document_id: int,
        version_id: int,
        claims: Sequence[Any],
        published: dt.date | None,
    ) -> ClaimSummary:
        """Verify the claims and store them with their verdicts for this version."""
        verdicts = (
            evaluate_claims(claims, context_for(self.ledger), published=published) if claims else []
        )
        store_checked_claims(
            connection,
            document_id=document_id,
            version_id=version_id,
            verdicts=verdicts,
            extractor_version=EXTRACTOR_VERSION,
        )
        counts = {k: n for k, n in count_verdicts(verdicts).items() if n}
        return ClaimSummary(len(verdicts), counts)


class NoClaimStage:
    """Skip fact-checking (for speed or tests of storage): nothing extracted or judged."""

    def extract(
        self, text: str, *, published: dt.date | None, language: str | None
    ) -> Sequence[Any]:
        """No claims."""
        return ()

    def store(
        self,
        connection: sa.Connection,
        *,
        document_id: int,
        version_id: int,
        claims: Sequence[Any],
        published: dt.date | None,
    ) -> ClaimSummary:
        """Nothing stored; the document is not judged off-topic."""
        return ClaimSummary(0, {}, analysed=False)
