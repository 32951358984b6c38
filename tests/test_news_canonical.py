"""Canonical URLs: one spelling per article, so two links to it are one document."""

from __future__ import annotations

import pytest

from attrition.errors import InputError
from attrition.news.canonical import canonicalize_url, choose_canonical_url, same_site, site_of


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        (
            "https://www.example.com/world/story?utm_source=tw&utm_medium=social&id=7",
            "https://www.example.com/world/story?id=7",
        ),
        ("https://example.com/a?fbclid=IwAR0x&gclid=Cj0&mc_cid=1&_ga=2.1", "https://example.com/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("HTTPS://Example.COM:443/News/", "https://example.com/News"),
        ("http://example.com:80//world//story/", "http://example.com/world/story"),
        ("http://example.com:8080/", "http://example.com:8080/"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/%7Euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"),
        ("https://bücher.example/x", "https://xn--bcher-kva.example/x"),
        ("  https://example.com/a\n", "https://example.com/a"),
    ],
)
def test_canonical_url_drops_tracking_and_normalises_spelling(raw: str, canonical: str) -> None:
    assert canonicalize_url(raw) == canonical


def test_query_parameters_that_identify_the_article_are_kept() -> None:
    url = "https://example.com/article.php?story_id=123&page=2&ref_src=twsrc"
    assert canonicalize_url(url) == "https://example.com/article.php?page=2&story_id=123"


def test_relative_urls_resolve_against_the_page() -> None:
    assert canonicalize_url("../b/", base="https://example.com/x/a/") == "https://example.com/x/b"


@pytest.mark.parametrize("raw", ["ftp://example.com/a", "mailto:x@example.com", "/relative", ""])
def test_non_http_urls_are_rejected_with_the_value(raw: str) -> None:
    with pytest.raises(InputError, match="not an absolute http"):
        canonicalize_url(raw)


def test_sites_are_registrable_domains() -> None:
    assert site_of("https://news.bbc.co.uk/x") == "bbc.co.uk"
    assert site_of("https://amp.theguardian.com/x") == "theguardian.com"
    assert site_of("http://127.0.0.1:8000/x") == "127.0.0.1"
    assert same_site("https://m.example.com/a", "https://www.example.com/b")
    assert not same_site("https://example.com/a", "https://example.org/a")


def test_rel_canonical_is_honoured_within_the_site() -> None:
    page = "https://amp.example.com/world/story?utm_source=x"
    assert (
        choose_canonical_url(page, "https://www.example.com/world/story/")
        == "https://www.example.com/world/story"
    )
    assert choose_canonical_url(page, "/world/story") == "https://amp.example.com/world/story"


def test_cross_site_or_broken_canonical_keeps_the_page_url() -> None:
    page = "https://relay.example.net/post/1"
    assert choose_canonical_url(page, "https://express.example.co.uk/x") == page
    assert choose_canonical_url(page, "javascript:void(0)") == page
    assert choose_canonical_url(page, None) == page
