"""Checking an article on demand: a pasted text or a URL → its figures with verdicts.

Shared by ``POST /api/check`` and the check page; nothing is stored (adding a
URL to the ledger is ``POST /api/urls``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrition.errors import InputError, TooLarge
from attrition.fetch import fetch_url
from attrition.ledger import Ledger
from attrition.news.ingest import PAGE_ACCEPT
from attrition.news.pages import parse_page
from attrition.settings import CHECK_MAX_BYTES, Settings
from attrition.verify import check, count_verdicts
from attrition.web.highlight import split_highlights


def read_article_url(url: str, settings: Settings) -> dict[str, Any]:
    """Fetch ``url`` under the fetch rules (public addresses, size cap) and reduce it to text."""
    if not url.startswith(("http://", "https://")):
        raise InputError(f"not a web address: {url!r}", hint="give an http:// or https:// URL")
    result = fetch_url(url, settings=settings, headers={"Accept": PAGE_ACCEPT})
    page = parse_page(
        result.content, url=result.final_url, content_type=result.content_type,
        charset=result.charset,
    )  # fmt: skip
    return {
        "text": page.text,
        "url": page.url,
        "title": page.title,
        "outlet": page.outlet,
        "published": page.published.date() if page.published else None,
    }


def _require_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > CHECK_MAX_BYTES:
        raise TooLarge(
            f"the text to check is {size:,} bytes, over the {CHECK_MAX_BYTES:,}-byte limit",
            hint="check one article at a time",
        )


def check_article(
    ledger: Ledger,
    settings: Settings,
    *,
    text: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> dict[str, Any]:
    """Every figure of one article with its verdict, and the text cut into highlights.

    Exactly one of ``text`` and ``url`` is given. A URL's own publication date
    is used unless ``published`` is.

    Returns:
        ``text``, ``url``, ``title``, ``published``, ``claims`` (one verdict dict per
        figure, with ``id``, ``start`` and ``end`` into ``text``), ``summary``
        (count per verdict) and ``segments`` (for the page).
    """
    text = text if text and text.strip() else None
    url = url.strip() if url and url.strip() else None
    if (text is None) == (url is None):
        raise InputError(
            "give either the text of an article or its URL",
            hint="text in `text`, or an http(s) address in `url`",
        )
    article: dict[str, Any] = {"text": text, "url": None, "title": None, "published": None}
    if text is not None:
        _require_size(text)
    else:
        article = read_article_url(str(url), settings)
        _require_size(article["text"])
    when = published or article["published"]
    verdicts = check(article["text"], published=when, ledger=ledger)
    claims = [{"id": index, **v.as_dict()} for index, v in enumerate(verdicts, start=1)]
    spans = [c for c in claims if c["start"] is not None and c["end"] is not None]
    return {
        "text": article["text"],
        "url": article["url"],
        "title": article["title"],
        "published": when,
        "claims": claims,
        "summary": {k: n for k, n in count_verdicts(verdicts).items() if n},
        "segments": split_highlights(article["text"], spans),
    }
