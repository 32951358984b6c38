"""Claims of checked documents and their verdicts, with the history of every verdict.

A claim belongs to one document version (the text it was read from). Storing
the same version's claims again reuses the stored rows, matched on the span
and every schema field, so re-checking never duplicates a claim. Each claim
has at most one *current* verdict; a re-check that reaches a different
verdict, expected figure, report day or explanation retires the current row
(``current`` false) and adds a new one with its ``checked_at``, so the
ledger can say what attrition said about a figure on any day. A claim the
extractor no longer finds in a re-stored version keeps its history but loses
its current verdict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from attrition.ledger.observations import as_utc, utc_now
from attrition.ledger.schema import claims, documents
from attrition.ledger.schema import verdicts as verdict_rows
from attrition.ledger.verification import find_observation_id
from attrition.verify.verdicts import CLAIM_FIELDS, Verdict, claim_fields

# What identifies a claim within one document version.
_CLAIM_KEY = ("start", "end", *CLAIM_FIELDS)
# What makes a re-check's verdict "the same" as the current one.
_VERDICT_KEY = ("verdict", "expected", "matched_date", "explanation")


@dataclass(frozen=True, slots=True)
class StoredVerdict:
    """One verdict row: what attrition said about a claim at ``checked_at``."""

    id: int
    claim_id: int
    verdict: str
    expected: int | None
    matched_date: dt.date | None
    explanation: str
    evidence: dict[str, Any]
    observation_id: int | None
    checked_at: dt.datetime
    current: bool

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A stored claim with its current verdict (and, when asked, every earlier one)."""

    id: int
    document_id: int | None
    version_id: int | None
    start: int
    end: int
    quote: str
    subject: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    basis: str
    claimant: str | None
    as_of: dt.date | None
    rule_id: str
    extractor_version: str
    created_at: dt.datetime
    verdict: StoredVerdict | None = None
    history: tuple[StoredVerdict, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON: the claim's fields, its current verdict and its history."""
        out = {name: getattr(self, name) for name in self.__slots__}
        out["verdict"] = self.verdict.as_dict() if self.verdict else None
        out["history"] = [v.as_dict() for v in self.history]
        return out


@dataclass
class StoreStats:
    """What storing a document's verdicts did."""

    claims_added: int = 0
    claims_kept: int = 0
    claims_retired: int = 0
    verdicts_added: int = 0
    verdicts_changed: int = 0
    verdicts_unchanged: int = 0
    claim_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Counts for JSON output."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """A document version with stored claims: what ``recheck`` re-evaluates."""

    document_id: int | None
    version_id: int | None
    published: dt.date | None
    claims: tuple[StoredClaim, ...]


def _claim_key(row: Any) -> tuple[Any, ...]:
    return tuple(getattr(row, name) for name in _CLAIM_KEY)


def _version_filter(document_id: int | None, version_id: int | None) -> sa.ColumnElement[bool]:
    c = claims.c
    return sa.and_(
        c.document_id.is_(None) if document_id is None else c.document_id == document_id,
        c.version_id.is_(None) if version_id is None else c.version_id == version_id,
    )


def _current_verdicts(connection: sa.Connection, claim_ids: Iterable[int]) -> dict[int, Any]:
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    query = sa.select(verdict_rows).where(
        verdict_rows.c.claim_id.in_(ids), verdict_rows.c.current.is_(True)
    )
    return {row.claim_id: row for row in connection.execute(query)}


def _held_observation(connection: sa.Connection, verdict: Verdict) -> int | None:
    for figure in verdict.held_against:
        if verdict.matched_date is None or figure.as_of == verdict.matched_date:
            found = find_observation_id(
                connection,
                claimant=figure.claimant,
                subject=figure.subject,
                category=figure.category,
                as_of=figure.as_of,
                value=figure.value if figure.basis == "cumulative" else None,
            )
            if found is not None:
                return found
    return None


def _evidence_json(verdict: Verdict) -> dict[str, Any]:
    """The verdict's support as JSON-safe values (dates as ISO strings)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    full = verdict.as_dict()
    keep = (
        "reference_date",
        "days_old",
        "error_model",
        "series_claimant",
        "held_against",
        "evidence",
    )
    return {key: plain(full[key]) for key in keep}


def store_checked_claims(
    connection: sa.Connection,
    *,
    document_id: int | None,
    version_id: int | None,
    verdicts: Sequence[Verdict],
    extractor_version: str = "",
    checked_at: dt.datetime | None = None,
) -> StoreStats:
    """Store a checked document version's claims and verdicts, keeping every earlier verdict.

    Args:
        connection: a connection inside the caller's transaction (the news
            pipeline stores the document, its claims and verdicts in one).
        document_id, version_id: the document version the claims were read from
            (None for a text checked without storing a document).
        verdicts: the verdicts of ``attrition.verify.check`` for that text.
        extractor_version: the extractor that read the claims.
        checked_at: when the check ran (default: now).

    Returns:
        Counts of claims added, kept and retired and of verdicts added,
        changed and unchanged, and the claim ids in the order of ``verdicts``.
    """
    now = as_utc(checked_at) if checked_at else utc_now()
    stats = StoreStats()
    scope = _version_filter(document_id, version_id)
    existing = {
        _claim_key(row): row.id for row in connection.execute(sa.select(claims).where(scope))
    }
    seen: set[int] = set()
    for verdict in verdicts:
        key = _claim_key(verdict)
        claim_id = existing.get(key)
        if claim_id is None:
            row = claim_fields(verdict)
            row.update(
                document_id=document_id,
                version_id=version_id,
                start=verdict.start if verdict.start is not None else 0,
                end=verdict.end if verdict.end is not None else 0,
                quote=verdict.quote or "",
                rule_id=verdict.rule_id or "",
                extractor_version=extractor_version,
                created_at=now,
            )
            claim_id = int(
                connection.execute(
                    sa.insert(claims).values(**row).returning(claims.c.id)
                ).scalar_one()
            )
            existing[key] = claim_id
            stats.claims_added += 1
        elif claim_id not in seen:
            stats.claims_kept += 1
        seen.add(claim_id)
        stats.claim_ids.append(claim_id)
    current = _current_verdicts(connection, existing.values())
    for verdict, claim_id in zip(verdicts, stats.claim_ids, strict=True):
        old = current.get(claim_id)
        if old is not None and tuple(getattr(old, k) for k in _VERDICT_KEY) == tuple(
            getattr(verdict, k) for k in _VERDICT_KEY
        ):
            stats.verdicts_unchanged += 1
            continue
        if old is not None:
            _retire(connection, [old.id])
            stats.verdicts_changed += 1
        else:
            stats.verdicts_added += 1
        row = {
            "claim_id": claim_id,
            "verdict": verdict.verdict,
            "observation_id": _held_observation(connection, verdict),
            "expected": verdict.expected,
            "matched_date": verdict.matched_date,
            "explanation": verdict.explanation,
            "evidence": _evidence_json(verdict),
            "checked_at": now,
            "current": True,
        }
        inserted = connection.execute(
            sa.insert(verdict_rows).values(**row).returning(verdict_rows.c.id)
        )
        current[claim_id] = _Row(id=int(inserted.scalar_one()), **row)
    gone = [current[cid].id for cid in existing.values() if cid not in seen and cid in current]
    if gone:
        _retire(connection, gone)
        stats.claims_retired = len(gone)
    return stats


@dataclass
class _Row:
    """A verdict row just inserted, shaped like a fetched one."""

    id: int
    claim_id: int
    verdict: str
    observation_id: int | None
    expected: int | None
    matched_date: dt.date | None
    explanation: str
    evidence: dict[str, Any]
    checked_at: dt.datetime
    current: bool


def _retire(connection: sa.Connection, verdict_ids: list[int]) -> None:
    connection.execute(
        sa.update(verdict_rows).where(verdict_rows.c.id.in_(verdict_ids)).values(current=False)
    )


def _to_verdict(row: Any) -> StoredVerdict:
    return StoredVerdict(
        id=row.id,
        claim_id=row.claim_id,
        verdict=row.verdict,
        expected=row.expected,
        matched_date=row.matched_date,
        explanation=row.explanation,
        evidence=dict(row.evidence or {}),
        observation_id=row.observation_id,
        checked_at=as_utc(row.checked_at),
        current=bool(row.current),
    )


def read_claims(
    connection: sa.Connection,
    *,
    document_id: int | None = None,
    version_id: int | None = None,
    claim_ids: Sequence[int] | None = None,
    history: bool = False,
    retired: bool = False,
) -> list[StoredClaim]:
    """Stored claims in text order with their current verdict (and all verdicts with ``history``).

    Args:
        document_id, version_id: restrict to one document (and version).
        claim_ids: restrict to these claims.
        history: attach every verdict each claim has had, oldest first.
        retired: include claims without a current verdict (no longer extracted).
    """
    c = claims.c
    query = sa.select(claims)
    if document_id is not None:
        query = query.where(c.document_id == document_id)
    if version_id is not None:
        query = query.where(c.version_id == version_id)
    if claim_ids is not None:
        query = query.where(c.id.in_(list(claim_ids)))
    rows = list(connection.execute(query.order_by(c.document_id, c.version_id, c.start, c.id)))
    ids = [row.id for row in rows]
    by_claim: dict[int, list[StoredVerdict]] = {}
    if ids:
        v = verdict_rows.c
        verdict_query = sa.select(verdict_rows).where(v.claim_id.in_(ids))
        if not history:
            verdict_query = verdict_query.where(v.current.is_(True))
        for row in connection.execute(verdict_query.order_by(v.checked_at, v.id)):
            by_claim.setdefault(row.claim_id, []).append(_to_verdict(row))
    out = []
    for row in rows:
        found = by_claim.get(row.id, [])
        now = next((v for v in found if v.current), None)
        if now is None and not retired:
            continue
        values = row._asdict()
        values["created_at"] = as_utc(values["created_at"])
        out.append(StoredClaim(**values, verdict=now, history=tuple(found) if history else ()))
    return out


def read_verdict_history(connection: sa.Connection, claim_id: int) -> list[StoredVerdict]:
    """Every verdict a claim has had, oldest first."""
    v = verdict_rows.c
    query = sa.select(verdict_rows).where(v.claim_id == claim_id).order_by(v.checked_at, v.id)
    return [_to_verdict(row) for row in connection.execute(query)]


def list_checked_documents(
    connection: sa.Connection, *, document_ids: Sequence[int] | None = None
) -> list[CheckedDocument]:
    """Each document version with current claims, with its published date, for ``recheck``."""
    stored = read_claims(connection)
    if document_ids is not None:
        wanted = set(document_ids)
        stored = [claim for claim in stored if claim.document_id in wanted]
    published: dict[int, dt.date | None] = {}
    doc_ids = sorted({claim.document_id for claim in stored if claim.document_id is not None})
    if doc_ids:
        query = sa.select(documents.c.id, documents.c.published).where(documents.c.id.in_(doc_ids))
        for row in connection.execute(query):
            published[row.id] = as_utc(row.published).date() if row.published else None
    groups: dict[tuple[int | None, int | None], list[StoredClaim]] = {}
    for claim in stored:
        groups.setdefault((claim.document_id, claim.version_id), []).append(claim)
    return [
        CheckedDocument(
            document_id,
            version_id,
            published.get(document_id) if document_id is not None else None,
            tuple(group),
        )
        for (document_id, version_id), group in groups.items()
    ]
