"""Pages become main text and metadata; wrong charsets survive; empty pages are rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from attrition.errors import SourceFormatError
from attrition.news.pages import decode_html, parse_page, parse_text

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
