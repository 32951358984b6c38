"""Documents, their URLs and versions, and the stories that group them.

A document is one article at one outlet: ``canonical_url`` is its identity,
``document_urls`` every URL that reached it. ``first_seen`` is when attrition
first stored it; ``last_updated`` moves only when the main text's content hash
changes, and every distinct text is kept in ``document_versions`` with the
time it was first seen, so the text (and claims) of any earlier day can be
read back. A story is a set of documents folded together as near-duplicates
(syndicated copies, light rewrites); its times span its documents'.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from attrition.errors import NotFound
from attrition.ledger.observations import as_utc
from attrition.ledger.schema import (
    document_urls,
    document_versions,
    documents,
    page_failures,
    stories,
)


@dataclass(frozen=True)
class DocumentRecord:
    """What the news pipeline stores for one fetched article."""

    canonical_url: str
    text: str
    urls: tuple[str, ...] = ()  # every URL that reached it, the canonical one included
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    published: dt.datetime | None = None
    origin_url: str | None = None  # a cross-site rel=canonical: the original it copies
    signature: bytes | None = None
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if self.published is not None:  # SQLite keeps naive text: store every time as UTC
            object.__setattr__(self, "published", as_utc(self.published))
        if not self.content_hash:
            object.__setattr__(self, "content_hash", hash_text(self.text))


def hash_text(text: str) -> str:
    """SHA-256 of a main text with whitespace collapsed: re-wrapping is not a change."""
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


def _aware(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    for key in keys:
        if row.get(key) is not None:
            row[key] = as_utc(row[key])
    return row


_DOC_TIMES = ("published", "first_seen", "last_updated", "last_checked")


def find_document(connection: sa.Connection, urls: Iterable[str]) -> dict[str, Any] | None:
    """The document that any of ``urls`` already reached (by canonical URL or a known URL)."""
    wanted = sorted(set(urls))
    if not wanted:
        return None
    by_url = sa.select(document_urls.c.document_id).where(document_urls.c.url.in_(wanted))
    query = (
        sa.select(documents)
        .where(sa.or_(documents.c.canonical_url.in_(wanted), documents.c.id.in_(by_url)))
        .order_by(documents.c.id)
    )
    row = connection.execute(query).first()
    return _aware(dict(row._mapping), *_DOC_TIMES) if row else None


def find_documents_by_hash(connection: sa.Connection, content_hash: str) -> list[dict[str, Any]]:
    """Documents whose current text has ``content_hash`` (exact copies)."""
    query = sa.select(documents.c.id, documents.c.canonical_url, documents.c.story_id).where(
        documents.c.content_hash == content_hash
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def find_story_by_origin(connection: sa.Connection, urls: Iterable[str]) -> int | None:
    """The story of a document that is, or names as its origin, one of ``urls``."""
    wanted = sorted(set(urls))
    if not wanted:
        return None
    by_url = sa.select(document_urls.c.document_id).where(document_urls.c.url.in_(wanted))
    query = (
        sa.select(documents.c.story_id)
        .where(
            sa.or_(
                documents.c.origin_url.in_(wanted),
                documents.c.canonical_url.in_(wanted),
                documents.c.id.in_(by_url),
            )
        )
        .order_by(documents.c.id)
    )
    return connection.execute(query).scalar()


def create_story(connection: sa.Connection, *, title: str | None, now: dt.datetime) -> int:
    """A new, empty story (its times are set by ``refresh_story``)."""
    result = connection.execute(
        sa.insert(stories)
        .values(title=title, first_seen=now, last_updated=now)
        .returning(stories.c.id)
    )
    return int(result.scalar_one())


def insert_document(
    connection: sa.Connection, record: DocumentRecord, *, story_id: int, now: dt.datetime
) -> tuple[int, int]:
    """Store a new document, its URLs and its first version; returns (document id, version id)."""
    result = connection.execute(
        sa.insert(documents)
        .values(
            story_id=story_id,
            url=record.urls[0] if record.urls else record.canonical_url,
            canonical_url=record.canonical_url,
            title=record.title,
            outlet=record.outlet,
            author=record.author,
            language=record.language,
            published=record.published,
            first_seen=now,
            last_updated=now,
            last_checked=now,
            content_hash=record.content_hash,
            signature=record.signature,
            off_topic=False,
            text=record.text,
            origin_url=record.origin_url,
        )
        .returning(documents.c.id)
    )
    document_id = int(result.scalar_one())
    add_document_urls(connection, document_id, (record.canonical_url, *record.urls), now=now)
    version_id = _insert_version(connection, document_id, record, now)
    return document_id, version_id


def _insert_version(
    connection: sa.Connection, document_id: int, record: DocumentRecord, now: dt.datetime
) -> int:
    result = connection.execute(
        sa.insert(document_versions)
        .values(
            document_id=document_id,
            content_hash=record.content_hash,
            seen_at=now,
            text=record.text,
        )
        .returning(document_versions.c.id)
    )
    return int(result.scalar_one())


def add_document_urls(
    connection: sa.Connection, document_id: int, urls: Iterable[str], *, now: dt.datetime
) -> list[str]:
    """Record URLs that reach a document; URLs already known (to any document) are left alone."""
    wanted = sorted(set(urls))
    known = set(
        connection.execute(
            sa.select(document_urls.c.url).where(document_urls.c.url.in_(wanted))
        ).scalars()
    )
    added = [url for url in wanted if url not in known]
    if added:
        connection.execute(
            sa.insert(document_urls),
            [{"document_id": document_id, "url": url, "first_seen": now} for url in added],
        )
    return added


def current_version_id(connection: sa.Connection, document_id: int) -> int:
    """The id of the version holding a document's current text."""
    query = sa.select(document_versions.c.id).where(
        document_versions.c.document_id == document_id,
        document_versions.c.content_hash
        == sa.select(documents.c.content_hash)
        .where(documents.c.id == document_id)
        .scalar_subquery(),
    )
    found = connection.execute(query).scalar()
    if found is None:
        raise NotFound(f"no document {document_id}")
    return int(found)


def update_document(
    connection: sa.Connection, document_id: int, record: DocumentRecord, *, now: dt.datetime
) -> tuple[int, bool]:
    """Store a re-fetched document; returns (current version id, whether the text changed).

    Unchanged text only moves ``last_checked`` (and refreshes metadata). A
    changed text becomes a new version and moves ``last_updated``; a text that
    returns to an earlier version reuses that version's row.
    """
    current = connection.execute(
        sa.select(documents.c.content_hash).where(documents.c.id == document_id)
    ).scalar_one()
    metadata = {
        key: getattr(record, key)
        for key in ("title", "outlet", "author", "language", "published")
        if getattr(record, key) is not None
    }
    add_document_urls(connection, document_id, (record.canonical_url, *record.urls), now=now)
    if current == record.content_hash:
        connection.execute(
            sa.update(documents)
            .where(documents.c.id == document_id)
            .values(last_checked=now, **metadata)
        )
        return current_version_id(connection, document_id), False
    previous = connection.execute(
        sa.select(document_versions.c.id).where(
            document_versions.c.document_id == document_id,
            document_versions.c.content_hash == record.content_hash,
        )
    ).scalar()
    version_id = (
        int(previous) if previous else _insert_version(connection, document_id, record, now)
    )
    connection.execute(
        sa.update(documents)
        .where(documents.c.id == document_id)
        .values(
            text=record.text,
            content_hash=record.content_hash,
            signature=record.signature,
            last_updated=now,
            last_checked=now,
            **metadata,
        )
    )
    return version_id, True


def read_document_text(connection: sa.Connection, document_id: int) -> str:
    """A document's current main text."""
    return str(
        connection.execute(
            sa.select(documents.c.text).where(documents.c.id == document_id)
        ).scalar_one()
    )


def set_off_topic(connection: sa.Connection, document_id: int, off_topic: bool) -> None:
    """Mark a document off-topic (no loss claim) or on-topic."""
    connection.execute(
        sa.update(documents).where(documents.c.id == document_id).values(off_topic=off_topic)
    )


def refresh_story(connection: sa.Connection, story_id: int) -> None:
    """Recompute a story's times and title from its documents (title of the earliest)."""
    d = documents.c
    span = connection.execute(
        sa.select(sa.func.min(d.first_seen), sa.func.max(d.last_updated)).where(
            d.story_id == story_id
        )
    ).one()
    if span[0] is None:
        connection.execute(sa.delete(stories).where(stories.c.id == story_id))
        return
    title = connection.execute(
        sa.select(d.title)
        .where(d.story_id == story_id, d.title.is_not(None))
        .order_by(d.first_seen, d.id)
        .limit(1)
    ).scalar()
    connection.execute(
        sa.update(stories)
        .where(stories.c.id == story_id)
        .values(first_seen=span[0], last_updated=span[1], title=title)
    )


def iter_signatures(
    connection: sa.Connection, *, since: dt.datetime | None = None
) -> Iterator[tuple[int, int, bytes]]:
    """(document id, story id, MinHash signature) of documents seen since ``since``."""
    d = documents.c
    query = sa.select(d.id, d.story_id, d.signature).where(d.signature.is_not(None))
    if since is not None:
        query = query.where(d.last_updated >= since)
    for row in connection.execute(query.order_by(d.id)):
        yield int(row.id), int(row.story_id), bytes(row.signature)


def resolve_document_id(connection: sa.Connection, key: str | int) -> int:
    """A document id from an id or any URL that reached it.

    Raises:
        NotFound: nothing matches.
    """
    text = str(key).strip()
    if text.isdigit():
        found = connection.execute(
            sa.select(documents.c.id).where(documents.c.id == int(text))
        ).scalar()
    else:
        document = find_document(connection, [text])
        found = document["id"] if document else None
    if found is None:
        raise NotFound(
            f"no document {text!r}", hint="give a document id or a URL from `attrition news`"
        )
    return int(found)


def read_document(
    connection: sa.Connection, document_id: int, *, as_of: dt.datetime | None = None
) -> dict[str, Any]:
    """A document with its URLs and versions; ``text`` is the version current at ``as_of``.

    Raises:
        NotFound: no such document, or it was first seen after ``as_of``.
    """
    row = connection.execute(sa.select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        raise NotFound(f"no document {document_id}")
    document = _aware(dict(row._mapping), *_DOC_TIMES)
    document.pop("signature", None)
    document["urls"] = list(
        connection.execute(
            sa.select(document_urls.c.url)
            .where(document_urls.c.document_id == document_id)
            .order_by(document_urls.c.first_seen, document_urls.c.id)
        ).scalars()
    )
    v = document_versions.c
    versions = [
        _aware(dict(r._mapping), "seen_at")
        for r in connection.execute(
            sa.select(v.id, v.content_hash, v.seen_at, v.text)
            .where(v.document_id == document_id)
            .order_by(v.seen_at, v.id)
        )
    ]
    document["versions"] = [{k: x[k] for k in ("id", "content_hash", "seen_at")} for x in versions]
    document["version_id"] = next(
        x["id"] for x in versions if x["content_hash"] == document["content_hash"]
    )
    if as_of is not None:
        held = [x for x in versions if x["seen_at"] <= as_of]
        if not held:
            raise NotFound(
                f"document {document_id} was first seen {document['first_seen']:%Y-%m-%d %H:%M}, "
                f"after {as_of:%Y-%m-%d %H:%M}"
            )
        document["text"], document["version_id"] = held[-1]["text"], held[-1]["id"]
        document["content_hash"] = held[-1]["content_hash"]
    return document


def record_page_failure(
    connection: sa.Connection,
    url: str,
    *,
    reason: str,
    kind: str,
    now: dt.datetime,
    next_try_at: dt.datetime | None,
    feed_id: int | None = None,
) -> int:
    """Record (or count again) a page that could not be stored; returns its attempt count."""
    f = page_failures.c
    found = connection.execute(sa.select(f.id, f.attempts).where(f.url == url)).first()
    if found is None:
        connection.execute(
            sa.insert(page_failures).values(
                url=url,
                feed_id=feed_id,
                reason=reason,
                kind=kind,
                attempts=1,
                first_failed=now,
                last_failed=now,
                next_try_at=next_try_at,
            )
        )
        return 1
    attempts = int(found.attempts) + 1
    connection.execute(
        sa.update(page_failures)
        .where(f.id == found.id)
        .values(
            reason=reason, kind=kind, attempts=attempts, last_failed=now, next_try_at=next_try_at
        )
    )
    return attempts


def clear_page_failure(connection: sa.Connection, urls: Iterable[str]) -> None:
    """Forget failures of pages that have now been stored."""
    connection.execute(sa.delete(page_failures).where(page_failures.c.url.in_(sorted(set(urls)))))


def read_page_failure(connection: sa.Connection, url: str) -> dict[str, Any] | None:
    """The failure recorded for ``url``, if any."""
    row = connection.execute(sa.select(page_failures).where(page_failures.c.url == url)).first()
    if row is None:
        return None
    return _aware(dict(row._mapping), "first_failed", "last_failed", "next_try_at")


def list_page_failures(connection: sa.Connection) -> list[dict[str, Any]]:
    """Every page that could not be stored, most recent failure first."""
    query = sa.select(page_failures).order_by(
        page_failures.c.last_failed.desc(), page_failures.c.id
    )
    return [
        _aware(dict(row._mapping), "first_failed", "last_failed", "next_try_at")
        for row in connection.execute(query)
    ]
