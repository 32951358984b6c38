"""Pages become main text and metadata; wrong charsets survive; empty pages are rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from attrition.errors import InputError, SourceFormatError
from attrition.news.pages import (
    decode_html,
    looks_like_html,
    page_from_bytes,
    parse_page,
    parse_text,
)

PAGES = Path(__file__).parent / "fixtures" / "news" / "pages"


def test_article_page_yields_main_text_and_metadata_without_furniture() -> None:
    content = (PAGES / "planet-tanks.html").read_bytes()
    page = parse_page(
        content,
        url="https://dailyplanet.example/world/2022/07/kyiv-tanks?utm_source=rss",
        content_type="text/html; charset=utf-8",
    )
    assert page.title == "Kyiv says Russia has lost 1,402 tanks"
    assert page.outlet == "The Daily Planet"
    assert page.author == "Lois Lane"
    assert page.language == "en"
    assert page.published == dt.datetime(2022, 7, 5, 5, 15, tzinfo=dt.UTC)
    assert page.canonical_url == "https://www.dailyplanet.example/world/2022/07/kyiv-tanks"
    assert "lost 1,402 tanks since the start" in page.text
    assert "a floor rather than an estimate" in page.text
    for furniture in ("cookies", "Most read", "Traffic delays", "All rights reserved", "Sport"):
        assert furniture not in page.text, page.text


def test_meta_charset_decodes_a_windows_1251_page_served_without_one() -> None:
    content = (PAGES / "kyiv-cp1251.html").read_bytes()
    page = parse_page(content, url="https://kyiv.example/news/1", content_type="text/html")
    assert "втратили 1402 танки" in page.text
    assert page.language == "uk"
    assert page.outlet == "kyiv.example"


def test_utf8_body_wins_over_a_wrongly_declared_latin1_charset() -> None:
    body = "<p>Zelensky’s office — in Kyiv — said 35,000 soldiers had been lost.</p>"
    html = f"<html><body><article>{body}</article></body></html>".encode()
    page = parse_page(html, url="https://x.example/a", content_type="text/html; charset=ISO-8859-1")
    assert "Zelensky’s office — in Kyiv —" in page.text


def test_windows_1252_body_declared_as_utf8_is_still_read() -> None:
    content = "Café owners said “35,000” was a guess.".encode("cp1252")
    assert decode_html(content, "utf-8") == "Café owners said “35,000” was a guess."


def test_unknown_charset_names_fall_back_without_error() -> None:
    assert decode_html("naïve".encode(), "x-no-such-charset") == "naïve"


def test_javascript_shell_is_rejected_with_the_reason() -> None:
    content = (PAGES / "empty-shell.html").read_bytes()
    with pytest.raises(SourceFormatError, match=r"rejected https://x\.example/app: no main text"):
        parse_page(content, url="https://x.example/app", content_type="text/html")


def test_empty_body_is_rejected() -> None:
    with pytest.raises(SourceFormatError, match="the page is empty"):
        parse_page(b"", url="https://x.example/blank", content_type="text/html")


def test_pdf_and_images_are_rejected_by_media_type() -> None:
    with pytest.raises(SourceFormatError, match="served as 'application/pdf'"):
        parse_page(b"%PDF-1.7", url="https://x.example/r.pdf", content_type="application/pdf")


def test_plain_text_pages_keep_their_lines_and_take_a_headline() -> None:
    text = "Russia lost 1,402 tanks, Kyiv says\n\nThe General Staff gave the figure on Tuesday.\n"
    page = parse_page(text.encode(), url="https://x.example/t.txt", content_type="text/plain")
    assert page.title == "Russia lost 1,402 tanks, Kyiv says"
    assert page.text.splitlines() == [
        "Russia lost 1,402 tanks, Kyiv says",
        "The General Staff gave the figure on Tuesday.",
    ]


def test_text_starting_with_a_sentence_has_no_invented_title() -> None:
    page = parse_text(
        "The General Staff gave the figure of 1,402 tanks on Tuesday morning.\nMore.",
        url="https://x.example/t",
    )
    assert page.title is None


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("report.HTML", b"Russia lost 1,402 tanks", True),
        ("report.txt", b"  \n<!DOCTYPE html><html><body>x", True),
        ("-", b"<article><p>Russia lost 1,402 tanks</p></article>", True),
        ("feed.xml", b'<?xml version="1.0"?><rss><channel>', False),
        ("note.txt", b"<Kyiv> says Russia lost 1,402 tanks", False),
    ],
)
def test_html_is_told_from_text_by_name_or_by_its_opening_tags(
    name: str, head: bytes, expected: bool
) -> None:
    assert looks_like_html(name, head) is expected


def test_a_local_text_page_is_read_with_the_callers_limits() -> None:
    line = b"Russia has lost 1,402 tanks, the General Staff said."
    page = page_from_bytes(line, name="-", url="urn:sha256:ab", max_bytes=1000, min_chars=1)
    assert (page.text, page.title, page.canonical_url) == (line.decode(), None, "urn:sha256:ab")
    with pytest.raises(SourceFormatError, match="need at least 60"):
        page_from_bytes(line[:30], name="-", url="urn:sha256:ab", max_bytes=1000)
    with pytest.raises(InputError, match="over the 40-byte limit"):
        page_from_bytes(line, name="a.txt", url="file:///a.txt", max_bytes=40)


@pytest.mark.parametrize(
    "content", [b"", b"  \n ", b"%PDF-1.7\x00\x01binary", bytes(range(256)) * 4]
)
def test_empty_or_binary_local_input_is_refused_naming_it(content: bytes) -> None:
    with pytest.raises(InputError, match=r"^scan\.txt: "):
        page_from_bytes(content, name="scan.txt", url="file:///scan.txt", max_bytes=10_000)
