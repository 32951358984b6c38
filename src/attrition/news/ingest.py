"""The ingest pipeline: a URL, file or text becomes a stored, checked document.

    fetch ─► main text + metadata ─► canonical URL ─► same document? ─► near-duplicate story?
          ─► store document (+ version) ─► extract claims ─► verify and store claims
          ─► off-topic when no claim

Everything from "same document?" on runs in ONE transaction per document, so
an interrupt or an error never leaves a half-stored article: either the
document, its URLs, its version, its claims and verdicts are all there, or
none of them. A page that cannot be fetched or read is recorded in
``page_failures`` with its reason and the ledger is otherwise untouched.

Claims enter through a :class:`ClaimStage` — the seam to ``attrition.extract``
(claims from text) and ``attrition.verify`` (verdicts, stored with the claims).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa

from attrition.errors import AttritionError, InputError
from attrition.fetch import Fetcher
from attrition.ledger import Ledger
from attrition.ledger.documents import (
    DocumentRecord,
    clear_page_failure,
    create_story,
    find_document,
    find_documents_by_hash,
    find_story_by_origin,
    insert_document,
    read_document_text,
    read_page_failure,
    record_page_failure,
    refresh_story,
    set_off_topic,
    update_document,
)
from attrition.ledger.observations import utc_now
from attrition.news.canonical import canonicalize_url, same_site
from attrition.news.checking import ClaimStage, ExtractVerifyStage
from attrition.news.dedupe import (
    StoryIndex,
    compute_signature,
    extract_figures,
    signature_to_bytes,
)
from attrition.news.feeds import page_retry_at
from attrition.news.pages import Page, page_from_bytes, parse_page, parse_text
from attrition.settings import FETCH_MAX_BYTES

STAGES: Final = ("fetch", "main_text", "dedupe", "extract", "verify", "store")
PAGE_ACCEPT: Final = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1"


@dataclass
class IngestResult:
    """What happened to one URL, file or text."""

    url: str
    status: str  # new, updated, unchanged, failed
    document_id: int | None = None
    story_id: int | None = None
    title: str | None = None
    folded_into: int | None = None  # the document a new one was folded with (same story)
    similarity: float | None = None
    claims: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    off_topic: bool = False
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class PageHints:
    """What a feed entry or the user says about a page, used where the page is silent."""

    title: str | None = None
    published: dt.datetime | None = None
    outlet: str | None = None
    override: bool = False  # the user's values win over the page's own


class Ingestor:
    """Runs the pipeline for many documents with one HTTP client and one story index."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        fetcher: Fetcher | None = None,
        claim_stage: ClaimStage | None = None,
        clock: Any = utc_now,
    ) -> None:
        self.ledger = ledger
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None
        self.claim_stage = claim_stage or ExtractVerifyStage(ledger)
        self.clock = clock
        self.timings: dict[str, float] = defaultdict(float)
        self._index: StoryIndex | None = None

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client if this ingestor opened it."""
        if self._fetcher is not None and self._own_fetcher:
            self._fetcher.close()
            self._fetcher = None

    @property
    def fetcher(self) -> Fetcher:
        """The HTTP client, opened on first use."""
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher

    @property
    def index(self) -> StoryIndex:
        """The near-duplicate index of recent documents, loaded on first use."""
        if self._index is None:
            with self.timed("dedupe"), self.ledger.connect() as connection:
                self._index = StoryIndex.load(connection, now=self.clock())
        return self._index

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the time spent in the block to ``timings[stage]``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - start

    def ingest_url(
        self, url: str, *, hints: PageHints | None = None, feed_id: int | None = None
    ) -> IngestResult:
        """Fetch a page and ingest it.

        Raises:
            FetchRefused, FetchFailed, SourceFormatError: the page could not be
                fetched or read; the failure is recorded in ``page_failures`` first.
        """
        try:
            with self.timed("fetch"):
                result = self.fetcher.fetch(url, headers={"Accept": PAGE_ACCEPT})
            with self.timed("main_text"):
                page = parse_page(
                    result.content,
                    url=result.final_url,
                    content_type=result.headers.get("content-type", "text/html"),
                    charset=result.charset,
                )
        except AttritionError as exc:
            self.record_failure(url, exc, feed_id=feed_id)
            raise
        requested = _canonical_or_none(url)
        extra = (requested,) if requested else ()
        return self.ingest_page(page, hints=hints, extra_urls=extra)

    def record_failure(self, url: str, exc: AttritionError, *, feed_id: int | None) -> None:
        """Record why a page could not be stored (and when to try it again)."""
        key = _canonical_or_none(url) or url
        now = self.clock()
        with self.ledger.transaction() as connection:
            earlier = read_page_failure(connection, key)
            attempts = (earlier["attempts"] if earlier else 0) + 1
            record_page_failure(
                connection,
                key,
                reason=str(exc),
                kind=exc.kind,
                now=now,
                next_try_at=page_retry_at(attempts, now),
                feed_id=feed_id,
            )

    def ingest_page(
        self, page: Page, *, hints: PageHints | None = None, extra_urls: Sequence[str] = ()
    ) -> IngestResult:
        """Store a parsed page: same document, new version, or a new document in a story."""
        page = _apply_hints(page, hints)
        with self.timed("dedupe"):
            signature = compute_signature(page.text)
            figures = extract_figures(page.text)
        record = _document_record(page, extra_urls, signature_to_bytes(signature))
        for attempt in (1, 2):
            try:
                return self._store(page, record, signature, figures)
            except sa.exc.IntegrityError:
                # Another process stored the same URL between our read and write;
                # the second attempt finds its document and updates it instead.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _store(
        self, page: Page, record: DocumentRecord, signature: Any, figures: frozenset[int]
    ) -> IngestResult:
        now = self.clock()
        index = self.index
        inner = ("dedupe", "extract", "verify")
        before, start = sum(self.timings[s] for s in inner), time.perf_counter()
        with self.ledger.transaction() as connection:
            existing = find_document(connection, record.urls) or _same_site_twin(connection, record)
            result = IngestResult(url=record.canonical_url, status="new", title=record.title)
            if existing is not None:
                version_id, changed = update_document(connection, existing["id"], record, now=now)
                result.document_id, result.story_id = existing["id"], existing["story_id"]
                result.status = "updated" if changed else "unchanged"
                result.off_topic = bool(existing["off_topic"])
                if changed:
                    self._judge(connection, result, page, version_id)
            else:
                story_id = self._choose_story(connection, record, signature, figures, result, now)
                document_id, version_id = insert_document(
                    connection, record, story_id=story_id, now=now
                )
                result.document_id, result.story_id = document_id, story_id
                self._judge(connection, result, page, version_id)
            assert result.story_id is not None and result.document_id is not None
            refresh_story(connection, result.story_id)
            clear_page_failure(connection, record.urls)
        # The transaction's own time, without the stages that ran inside it.
        inside = sum(self.timings[s] for s in inner) - before
        self.timings["store"] += time.perf_counter() - start - inside
        if result.status != "unchanged":
            index.add(result.document_id, result.story_id, signature, figures)
        return result

    def _choose_story(
        self,
        connection: sa.Connection,
        record: DocumentRecord,
        signature: Any,
        figures: frozenset[int],
        result: IngestResult,
        now: dt.datetime,
    ) -> int:
        with self.timed("dedupe"):
            origin_story = find_story_by_origin(
                connection, [u for u in (record.origin_url, *record.urls) if u]
            )
            if origin_story is not None:
                return origin_story
            match = self.index.find_match(
                signature,
                figures,
                figures_of=lambda doc: extract_figures(read_document_text(connection, doc)),
            )
        if match is not None:
            result.folded_into, result.similarity = match.document_id, round(match.similarity, 3)
            return match.story_id
        return create_story(connection, title=record.title, now=now)

    def _judge(
        self, connection: sa.Connection, result: IngestResult, page: Page, version_id: int
    ) -> None:
        with self.timed("extract"):
            published = page.published.date() if page.published else None
            claims = self.claim_stage.extract(
                page.text, published=published, language=page.language
            )
        with self.timed("verify"):
            assert result.document_id is not None
            summary = self.claim_stage.store(
                connection,
                document_id=result.document_id,
                version_id=version_id,
                claims=claims,
                published=published,
            )
        result.claims, result.verdicts = summary.claims, dict(summary.verdicts)
        result.off_topic = summary.analysed and summary.claims == 0
        set_off_topic(connection, result.document_id, result.off_topic)


def _document_record(page: Page, extra_urls: Sequence[str], signature: bytes) -> DocumentRecord:
    """What to store for a page: every URL that reached it, and a cross-site origin if declared."""
    origin = None
    if page.declared_canonical:
        candidate = _canonical_or_none(page.declared_canonical, base=page.url)
        if candidate and not same_site(candidate, page.canonical_url):
            origin = candidate
    own = _canonical_or_none(page.url)
    urls = tuple(dict.fromkeys(u for u in (page.canonical_url, own, *extra_urls) if u))
    return DocumentRecord(
        canonical_url=page.canonical_url,
        text=page.text,
        urls=urls,
        title=page.title,
        outlet=page.outlet,
        author=page.author,
        language=page.language,
        published=page.published,
        origin_url=origin,
        signature=signature,
    )


def _canonical_or_none(url: str, *, base: str | None = None) -> str | None:
    try:
        return canonicalize_url(url, base=base)
    except InputError:
        return None


def _same_site_twin(connection: sa.Connection, record: DocumentRecord) -> dict[str, Any] | None:
    """A document of the same site with exactly this text: the article under another URL."""
    for twin in find_documents_by_hash(connection, record.content_hash):
        if same_site(twin["canonical_url"], record.canonical_url):
            return find_document(connection, [twin["canonical_url"]])
    return None


def _apply_hints(page: Page, hints: PageHints | None) -> Page:
    if hints is None:
        return page
    changes: dict[str, Any] = {}
    for name in ("title", "published", "outlet"):
        given = getattr(hints, name)
        if given is not None and (hints.override or getattr(page, name) is None):
            changes[name] = given
    return dataclasses.replace(page, **changes) if changes else page


def _as_datetime(value: dt.date | dt.datetime | str | None) -> dt.datetime | None:
    """A publication time from a date, a datetime or ISO text; dates are midnight UTC."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InputError(
                f"published {value!r} is not a date", hint="use YYYY-MM-DD or an ISO time"
            ) from None
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)


def read_local_page(path: Path, *, url: str | None = None, title: str | None = None) -> Page:
    """Read a local HTML or text file as a page (HTML by suffix or by its first bytes).

    Raises:
        InputError: the file cannot be read, is empty, binary or too large.
        SourceFormatError: the file has no main text.
    """
    try:
        size = path.stat().st_size
        if size > FETCH_MAX_BYTES:
            raise InputError(f"{path}: {size:,} bytes is over the {FETCH_MAX_BYTES:,}-byte limit")
        content = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    address = canonicalize_url(url) if url else path.resolve().as_uri()
    return page_from_bytes(
        content, name=str(path), url=address, max_bytes=FETCH_MAX_BYTES, title=title
    )


def ingest_file(
    ledger: Ledger,
    path: str | Path,
    *,
    url: str | None = None,
    published: dt.date | dt.datetime | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    claim_stage: ClaimStage | None = None,
) -> IngestResult:
    """Ingest a local HTML or text file; ``url`` (where it was published) becomes its identity.

    Given metadata (``published``, ``title``, ``outlet``) wins over what the file says.
    """
    page = read_local_page(Path(path), url=url, title=title)
    hints = PageHints(title, _as_datetime(published), outlet, override=True)
    with Ingestor(ledger, claim_stage=claim_stage) as ingestor:
        return ingestor.ingest_page(page, hints=hints)


def ingest_text(
    ledger: Ledger,
    text: str,
    *,
    url: str,
    published: dt.date | dt.datetime | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    claim_stage: ClaimStage | None = None,
) -> IngestResult:
    """Ingest an article's plain text as published at ``url``."""
    page = parse_text(text, url=canonicalize_url(url), title=title)
    hints = PageHints(title, _as_datetime(published), outlet, override=True)
    with Ingestor(ledger, claim_stage=claim_stage) as ingestor:
        return ingestor.ingest_page(page, hints=hints)


def ingest_url(
    ledger: Ledger,
    url: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    title: str | None = None,
    claim_stage: ClaimStage | None = None,
    fetcher: Fetcher | None = None,
) -> IngestResult:
    """Fetch one page and ingest it (``published``/``title`` fill in what the page lacks).

    Raises:
        FetchRefused, FetchFailed, SourceFormatError: recorded, then raised.
    """
    hints = PageHints(title, _as_datetime(published))
    with Ingestor(ledger, claim_stage=claim_stage, fetcher=fetcher) as ingestor:
        return ingestor.ingest_url(url.strip(), hints=hints)
