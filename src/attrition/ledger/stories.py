"""Reading stories: their documents, URLs, outlets and the verdicts of their current claims.

A story's *claims* are the distinct figures (subject, category, numbers,
qualifier, basis, claimant, as-of) stated by the current version of any of
its documents, each counted once however many copies repeat it; its verdict
summary counts their current verdicts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from attrition.ledger.observations import as_utc
from attrition.ledger.schema import (
    claims,
    document_urls,
    document_versions,
    documents,
    stories,
    verdicts,
)
from attrition.taxonomy import CATEGORIES
from attrition.verify.verdicts import VERDICTS

CLAIM_KEY = ("subject", "category", "value", "low", "high", "qualifier", "basis", "claimant")


def _current_claims() -> sa.Select[Any]:
    """Claims of documents' current versions with their current verdict."""
    c, d, v = claims.c, documents.c, verdicts.c
    return (
        sa.select(d.story_id, c.document_id, *(c[k] for k in CLAIM_KEY), c.as_of, v.verdict)
        .join(documents, d.id == c.document_id)
        .join(
            document_versions,
            sa.and_(
                document_versions.c.id == c.version_id,
                document_versions.c.content_hash == d.content_hash,
            ),
        )
        .join(verdicts, sa.and_(v.claim_id == c.id, v.current.is_(True)))
    )


def _story_filter(
    *,
    since: dt.datetime | None,
    topic: str | None,
    verdict: str | None,
    include_off_topic: bool,
) -> list[sa.ColumnElement[bool]]:
    s, d = stories.c, documents.c
    current = _current_claims().subquery()
    conditions: list[sa.ColumnElement[bool]] = []
    if since is not None:
        conditions.append(s.last_updated >= since)
    if not include_off_topic:
        conditions.append(sa.exists().where(d.story_id == s.id, d.off_topic.is_(False)))
    if topic:
        if topic in CATEGORIES:
            conditions.append(
                sa.exists().where(current.c.story_id == s.id, current.c.category == topic)
            )
        else:
            pattern = f"%{topic.lower()}%"
            conditions.append(
                sa.exists().where(
                    d.story_id == s.id,
                    sa.or_(
                        sa.func.lower(d.title).like(pattern), sa.func.lower(d.text).like(pattern)
                    ),
                )
            )
    if verdict:
        conditions.append(
            sa.exists().where(current.c.story_id == s.id, current.c.verdict == verdict)
        )
    return conditions


def list_stories(
    connection: sa.Connection,
    *,
    since: dt.datetime | None = None,
    topic: str | None = None,
    verdict: str | None = None,
    include_off_topic: bool = False,
    limit: int | None = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories newest first (by when attrition first saw them), with their verdict summary.

    Args:
        since: only stories updated at or after this time.
        topic: a claim category (``tanks``) or, otherwise, a word in a title or text.
        verdict: only stories with a figure of this current verdict.
        include_off_topic: include stories whose documents carry no loss claim.
    """
    s = stories.c
    query = (
        sa.select(s.id)
        .where(
            *_story_filter(
                since=since, topic=topic, verdict=verdict, include_off_topic=include_off_topic
            )
        )
        .order_by(s.first_seen.desc(), s.id.desc())
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    ids = list(connection.execute(query).scalars())
    return read_stories(connection, ids)


def count_stories(
    connection: sa.Connection,
    *,
    since: dt.datetime | None = None,
    topic: str | None = None,
    verdict: str | None = None,
    include_off_topic: bool = False,
) -> int:
    """How many stories ``list_stories`` would list with the same filters (without a limit)."""
    conditions = _story_filter(
        since=since, topic=topic, verdict=verdict, include_off_topic=include_off_topic
    )
    query = sa.select(sa.func.count()).select_from(stories).where(*conditions)
    return int(connection.execute(query).scalar_one())


def read_story_claims(
    connection: sa.Connection,
    *,
    story_ids: Iterable[int] | None = None,
    categories: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Current claims with their verdict and story, optionally for some stories or categories."""
    current = _current_claims().subquery()
    query = sa.select(current)
    if story_ids is not None:
        query = query.where(current.c.story_id.in_(sorted(set(story_ids))))
    if categories is not None:
        query = query.where(current.c.category.in_(sorted(set(categories))))
    return [dict(row._mapping) for row in connection.execute(query)]


def claim_key(claim: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two stated figures the same claim (copies repeat it; it counts once)."""
    return (*(claim[k] for k in CLAIM_KEY), claim.get("as_of"))


def read_stories(connection: sa.Connection, story_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Stories with their documents, URLs, outlets, claim count and verdict summary, in order."""
    if not story_ids:
        return []
    wanted = sorted(set(story_ids))
    d = documents.c
    docs = connection.execute(
        sa.select(
            d.id,
            d.story_id,
            d.canonical_url,
            d.title,
            d.outlet,
            d.author,
            d.language,
            d.published,
            d.first_seen,
            d.last_updated,
            d.off_topic,
        )
        .where(d.story_id.in_(wanted))
        .order_by(d.first_seen, d.id)
    ).all()
    urls: dict[int, list[str]] = {}
    for row in connection.execute(
        sa.select(document_urls.c.document_id, document_urls.c.url)
        .where(document_urls.c.document_id.in_([doc.id for doc in docs]))
        .order_by(document_urls.c.first_seen, document_urls.c.id)
    ):
        urls.setdefault(row.document_id, []).append(row.url)
    summaries = _summaries(read_story_claims(connection, story_ids=wanted))
    story_query = sa.select(stories).where(stories.c.id.in_(wanted))
    rows: dict[int, Any] = {r.id: r for r in connection.execute(story_query)}
    by_story: dict[int, list[Any]] = {}
    for doc in docs:
        by_story.setdefault(doc.story_id, []).append(doc)
    out = []
    for story_id in story_ids:
        story_row = rows.get(story_id)
        if story_row is None:
            continue
        members = by_story.get(story_id, [])
        claim_count, verdict_counts, per_document = summaries.get(story_id, (0, {}, {}))
        out.append(
            {
                "id": story_id,
                "title": story_row.title,
                "urls": list(
                    dict.fromkeys(
                        u for doc in members for u in (doc.canonical_url, *urls.get(doc.id, []))
                    )
                ),
                "outlets": list(dict.fromkeys(doc.outlet for doc in members if doc.outlet)),
                "first_seen": as_utc(story_row.first_seen),
                "last_updated": as_utc(story_row.last_updated),
                "published": min(
                    (as_utc(doc.published) for doc in members if doc.published), default=None
                ),
                "claims": claim_count,
                "verdicts": verdict_counts,
                "off_topic": all(doc.off_topic for doc in members),
                "documents": [
                    {
                        "id": doc.id,
                        "url": doc.canonical_url,
                        "title": doc.title,
                        "outlet": doc.outlet,
                        "author": doc.author,
                        "language": doc.language,
                        "published": as_utc(doc.published) if doc.published else None,
                        "first_seen": as_utc(doc.first_seen),
                        "last_updated": as_utc(doc.last_updated),
                        "off_topic": bool(doc.off_topic),
                        "claims": per_document.get(doc.id, 0),
                    }
                    for doc in members
                ],
            }
        )
    return out


def _summaries(
    rows: Iterable[dict[str, Any]],
) -> dict[int, tuple[int, dict[str, int], dict[int, int]]]:
    """Per story: distinct claims, their verdict counts, and each document's claim count."""
    seen: dict[int, dict[tuple[Any, ...], str]] = {}
    per_document: dict[int, Counter[int]] = {}
    for row in rows:
        seen.setdefault(row["story_id"], {}).setdefault(claim_key(row), row["verdict"])
        per_document.setdefault(row["story_id"], Counter())[row["document_id"]] += 1
    out = {}
    for story_id, keys in seen.items():
        counts = Counter(keys.values())
        ordered = {v: counts[v] for v in (*VERDICTS, *sorted(counts)) if counts.get(v)}
        out[story_id] = (len(keys), ordered, dict(per_document[story_id]))
    return out
