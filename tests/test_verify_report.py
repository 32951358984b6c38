"""The HTML report escapes every untrusted text; ClaimReview JSON-LD has the expected shape."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

from attrition.verify import Evidence, HeldFigure, Verdict
from attrition.verify.report import (
    AUTOMATED_NOTE,
    ArticleInfo,
    build_claimreviews,
    render_claimreview_json,
    render_highlighted_text,
    render_html_report,
)

TEXT = 'Kyiv says <script>alert("x")</script> 75 artillery systems & 3,645 APVs were lost.\n'
NOW = dt.datetime(2022, 6, 26, 12, 0, tzinfo=dt.UTC)


def verdict(start: int, end: int, value: int, outcome: str, explanation: str) -> Verdict:
    return Verdict(
        subject="RU",
        category="artillery",
        value=value,
        low=None,
        high=None,
        qualifier="exact",
        basis="cumulative",
        claimant="UA_GENERAL_STAFF",
        as_of=None,
        verdict=outcome,
        explanation=explanation,
        expected=764,
        matched_date=dt.date(2022, 6, 25),
        held_against=(
            HeldFigure(
                "UA_GENERAL_STAFF", "RU", "artillery", "cumulative", dt.date(2022, 6, 25), 764
            ),
        ),
        evidence=Evidence(confirmed=200, confirmed_date=dt.date(2022, 6, 24), ratio=0.38),
        start=start,
        end=end,
        quote=TEXT[start:end],
    )


VERDICTS = [
    verdict(TEXT.index("75"), TEXT.index("75") + 20, 75, "contradicts", 'truncated "</script><b>"'),
    verdict(TEXT.index("3,645"), TEXT.index("3,645") + 10, 3_645, "match", "in the report"),
]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_report_escapes_the_article_and_the_explanations() -> None:
    page = render_html_report(
        TEXT, VERDICTS, article=ArticleInfo(title="<i>Losses</i>"), checked_at=NOW
    )
    parsed = parse(page)
    assert parsed.tags.count("script") == 1  # only the JSON-LD block
    assert "i" not in parsed.tags and "b" not in parsed.tags
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;i&gt;Losses&lt;/i&gt;" in page
    assert "truncated &quot;&lt;/script&gt;&lt;b&gt;&quot;" in page


def test_report_is_self_contained() -> None:
    page = render_html_report(TEXT, VERDICTS, checked_at=NOW)
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page)
    assert "<link" not in page and "@import" not in page


def test_report_marks_each_quote_with_its_verdict_and_links_it_to_the_table() -> None:
    body = render_highlighted_text(TEXT, VERDICTS)
    assert '<mark class="v-contradicts" id="q1"' in body
    assert '75 artillery systems<sup><a href="#c1">1</a></sup></mark>' in body
    assert '<mark class="v-match" id="q2"' in body
    page = render_html_report(TEXT, VERDICTS, checked_at=NOW)
    assert '<tr id="c1">' in page and '<tr id="c2">' in page
    assert "2 figures:</strong> 1 match, 1 contradicts." in page
    assert "Oryx confirmed 200 by 2022-06-24, ratio 0.38" in page


def test_overlapping_or_out_of_range_spans_are_not_marked() -> None:
    odd = [
        verdict(0, 4, 1, "match", "a"),
        verdict(2, 6, 2, "match", "b"),
        verdict(5, 10_000, 3, "match", "c"),
    ]
    body = render_highlighted_text(TEXT, odd)
    assert body.count("<mark") == 1


def test_json_ld_in_the_report_cannot_close_its_script_element() -> None:
    page = render_html_report(TEXT, VERDICTS, checked_at=NOW)
    [script] = parse(page).scripts
    reviews = json.loads(script)
    assert reviews[0]["reviewBody"] == 'truncated "</script><b>"'
    assert "</script>" not in script


def test_claimreview_has_the_schema_org_shape_and_says_it_is_automated() -> None:
    article = ArticleInfo(
        url="https://example.org/a", title="Losses", published=dt.date(2022, 6, 26)
    )
    contradicts, match = build_claimreviews(VERDICTS, article=article, checked_at=NOW)
    assert contradicts["@context"] == "https://schema.org"
    assert contradicts["@type"] == "ClaimReview"
    assert contradicts["datePublished"] == "2022-06-26"
    assert contradicts["claimReviewed"] == "75 artillery systems"
    assert contradicts["itemReviewed"] == {
        "@type": "Claim",
        "appearance": {
            "@type": "NewsArticle",
            "url": "https://example.org/a",
            "headline": "Losses",
            "datePublished": "2022-06-26",
        },
        "author": {"@type": "Organization", "name": "Ukraine's General Staff"},
    }
    assert contradicts["author"]["name"] == "attrition (automated check)"
    assert contradicts["description"] == AUTOMATED_NOTE
    assert contradicts["reviewRating"]["ratingValue"] == 1
    assert match["reviewRating"]["ratingValue"] == 5
    assert match["reviewRating"]["bestRating"] == 5


def test_unverifiable_claims_carry_a_rating_name_but_no_value() -> None:
    [review] = build_claimreviews([verdict(0, 4, 1, "unverifiable", "no series")], checked_at=NOW)
    assert "ratingValue" not in review["reviewRating"]
    assert review["reviewRating"]["alternateName"].startswith("Cannot be checked")


def test_claimreview_text_round_trips_through_json() -> None:
    text = render_claimreview_json(VERDICTS, checked_at=NOW, indent=2)
    assert json.loads(text)[1]["claimReviewed"] == "3,645 APVs"
