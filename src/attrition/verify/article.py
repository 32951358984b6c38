"""The article behind ``attrition check``: read from a file, stdin or a URL, checked, stored.

Reading refuses what is not an article before anything is stored: an empty
input, binary data, a URL that is refused or cannot be fetched, an HTML page
with no main text. HTML is reduced to its main text by the news pipeline's
reader (trafilatura); plain text is taken as it is. A checked article is stored
like an ingested one (document, version, claims, verdicts) in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa

from attrition.errors import InputError
from attrition.extract import EXTRACTOR_VERSION
from attrition.fetch import Fetcher, is_web_url
from attrition.ledger import Ledger
from attrition.ledger.claims import StoreStats, store_checked_claims
from attrition.news.pages import Page, page_from_bytes, parse_page, refuse_binary
from attrition.settings import CHECK_MAX_BYTES
from attrition.textio import read_input
from attrition.verify.context import VerifyContext, context_for
from attrition.verify.pipeline import check, check_text
from attrition.verify.verdicts import Verdict, count_verdicts

PAGE_ACCEPT: Final = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8"


@dataclass
class CheckedArticle:
    """An article, the verdict on each of its figures, and where it was stored."""

    page: Page
    verdicts: list[Verdict]
    published: dt.date | None
    document_id: int | None = None
    stored: StoreStats | None = None
    counts: dict[str, int] = field(default_factory=dict)


def content_address(content: bytes) -> str:
    """A stable address for a text with no URL (stdin): the hash of its bytes."""
    return f"urn:sha256:{hashlib.sha256(content).hexdigest()}"


def read_article(source: str, *, url: str | None = None, fetcher: Fetcher | None = None) -> Page:
    """Read an article from a file path, ``-`` (stdin) or an http(s) URL.

    Args:
        source: where to read the article.
        url: where a file or stdin text was published (its identity when stored).
        fetcher: the HTTP client for URLs (default: a new guarded client).

    Raises:
        InputError: empty, binary, unreadable or oversized input.
        FetchRefused, FetchFailed: the URL was refused or could not be fetched.
        SourceFormatError: the page is not HTML or text, or has no main text.
    """
    if is_web_url(source):
        own = fetcher is None
        client = fetcher or Fetcher(max_bytes=CHECK_MAX_BYTES)
        try:
            result = client.fetch(source, headers={"Accept": PAGE_ACCEPT})
        finally:
            if own:
                client.close()
        if not result.content.strip():
            raise InputError(f"{result.final_url}: the page is empty")
        refuse_binary(result.content, result.final_url)
        return parse_page(
            result.content,
            url=result.final_url,
            content_type=result.headers.get("content-type", "text/html"),
            charset=result.charset,
        )
    content, name = read_input(source, hint="give a file, a URL, or - for stdin")
    if source == "-":
        address = url or content_address(content)
    else:
        address = url or Path(source).resolve().as_uri()
    # A short text is still checked: one sentence can carry a figure worth checking.
    return page_from_bytes(content, name=name, url=address, max_bytes=CHECK_MAX_BYTES, min_chars=1)


def check_article(
    ledger: Ledger,
    page: Page,
    *,
    published: dt.date | None = None,
    lang: str | None = None,
    store: bool = True,
    context: VerifyContext | None = None,
) -> CheckedArticle:
    """Check a page's figures against the ledger and store the document, claims and verdicts.

    ``published`` wins over the page's own date. Nothing is stored when
    ``store`` is false or when checking fails.
    """
    day = published or (page.published.date() if page.published else None)
    context = context or context_for(ledger)
    verdicts = check(check_text(page.text), published=day, ledger=context, lang=lang or "en")
    article = CheckedArticle(page, verdicts, day, counts=count_verdicts(verdicts))
    if store:
        article.document_id, article.stored = _store(ledger, page, verdicts, day)
    return article


class _KnownVerdicts:
    """A news-pipeline claim stage that stores verdicts already reached (no second check)."""

    def __init__(self, verdicts: Sequence[Verdict]) -> None:
        self.verdicts = list(verdicts)
        self.stats: StoreStats | None = None

    def extract(self, text: str, *, published: dt.date | None, language: str | None) -> list[Any]:
        return list(self.verdicts)

    def store(
        self,
        connection: sa.Connection,
        *,
        document_id: int,
        version_id: int,
        claims: Sequence[Any],
        published: dt.date | None = None,
    ) -> Any:
        from attrition.news.checking import ClaimSummary

        self.stats = store_checked_claims(
            connection,
            document_id=document_id,
            version_id=version_id,
            verdicts=self.verdicts,
            extractor_version=EXTRACTOR_VERSION,
        )
        return ClaimSummary(len(self.verdicts), count_verdicts(self.verdicts))


def _store(
    ledger: Ledger, page: Page, verdicts: Sequence[Verdict], published: dt.date | None
) -> tuple[int | None, StoreStats | None]:
    """Store the page as a document (the news pipeline) with its claims and verdicts."""
    from attrition.ledger.documents import current_version_id
    from attrition.news.ingest import Ingestor, PageHints

    stage = _KnownVerdicts(verdicts)
    when = dt.datetime.combine(published, dt.time(), tzinfo=dt.UTC) if published else None
    with Ingestor(ledger, claim_stage=stage) as ingestor:
        result = ingestor.ingest_page(page, hints=PageHints(published=when, override=True))
    if stage.stats is None and result.document_id is not None:
        # The same text was stored before: the pipeline leaves it alone, the new check is kept.
        with ledger.transaction() as connection:
            stage.stats = store_checked_claims(
                connection,
                document_id=result.document_id,
                version_id=current_version_id(connection, result.document_id),
                verdicts=verdicts,
                extractor_version=EXTRACTOR_VERSION,
            )
    return result.document_id, stage.stats
