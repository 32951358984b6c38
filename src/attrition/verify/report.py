"""Shareable outputs of a check: a self-contained HTML report and ClaimReview JSON-LD.

The HTML report has no external resource (styles inline, no script to run), so
a journalist can mail it or attach it. Everything taken from the article or
the ledger is escaped; the JSON-LD inside it is escaped so that no text can
close its ``<script>`` element.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from attrition import __version__
from attrition.verify.verdicts import VERDICTS, Verdict, count_verdicts
from attrition.verify.wording import name_claimant, name_losses

# schema.org ClaimReview ratings: 5 best, 1 worst; unverifiable has no rating,
# only its name, as fact-checkers publish "unproven" verdicts.
RATINGS: Final[dict[str, int | None]] = {
    "match": 5,
    "rounded": 4,
    "stale": 3,
    "contradicts": 1,
    "unverifiable": None,
}
RATING_NAMES: Final = {
    "match": "Matches the claimant's own figure",
    "rounded": "A fair rounding of the claimant's figure",
    "stale": "An out-of-date figure",
    "contradicts": "Contradicts the claimant's own figure",
    "unverifiable": "Cannot be checked against a published series",
}
AUTOMATED_NOTE: Final = (
    "Automated check by attrition: each figure is compared with the claimant's published "
    "series; no person reviewed this result."
)
COLOURS: Final = {
    "match": "#1a7f37",
    "rounded": "#4d7c0f",
    "stale": "#b45309",
    "contradicts": "#b91c1c",
    "unverifiable": "#57606a",
}


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What is known of the checked article besides its text."""

    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _spans(text: str, verdicts: Sequence[Verdict]) -> list[tuple[int, int, int]]:
    """(start, end, verdict index) of each quote inside ``text``, first come, no overlaps."""
    spans = []
    for index, verdict in enumerate(verdicts):
        start, end = verdict.start, verdict.end
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        spans.append((start, end, index))
    spans.sort()
    kept: list[tuple[int, int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def render_highlighted_text(text: str, verdicts: Sequence[Verdict]) -> str:
    """The article as escaped HTML paragraphs with every quoted figure marked by its verdict."""
    out: list[str] = []
    cursor = 0
    for start, end, index in _spans(text, verdicts):
        verdict = verdicts[index]
        out.append(_e(text[cursor:start]))
        out.append(
            f'<mark class="v-{_e(verdict.verdict)}" id="q{index + 1}" '
            f'title="{_e(verdict.verdict)}: {_e(verdict.explanation)}">'
            f'{_e(text[start:end])}<sup><a href="#c{index + 1}">{index + 1}</a></sup></mark>'
        )
        cursor = end
    out.append(_e(text[cursor:]))
    body = "".join(out)
    return "".join(f"<p>{part}</p>\n" for part in body.split("\n") if part.strip())


def _evidence_html(verdict: Verdict) -> str:
    parts = []
    if verdict.evidence.confirmed is not None:
        ratio = f", ratio {verdict.evidence.ratio:.2f}" if verdict.evidence.ratio else ""
        parts.append(
            f"Oryx confirmed {verdict.evidence.confirmed:,} by "
            f"{_e(verdict.evidence.confirmed_date)}{ratio}"
        )
    for other in verdict.evidence.others:
        parts.append(f"{_e(name_claimant(other.claimant))}: {other.value:,} on {_e(other.as_of)}")
    for held in verdict.held_against:
        sign = "+" if held.basis == "daily" else ""
        parts.append(f"held against {sign}{held.value:,} ({_e(held.claimant)}, {_e(held.as_of)})")
    return "<br>".join(parts)  # each part is built from escaped pieces


_STYLE: Final = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
body{color:#1f2328}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-top:1px solid #d0d7de;padding:.4rem;vertical-align:top;text-align:left}
.badge{color:#fff;border-radius:.3rem;padding:0 .4rem;white-space:nowrap}
mark{background:none;border-bottom:3px solid;padding:0 .1rem}
.note{color:#57606a;font-size:.85rem}.num{text-align:right;white-space:nowrap}
""" + "".join(
    f".v-{name}{{border-color:{colour}}}.b-{name}{{background:{colour}}}"
    for name, colour in COLOURS.items()
)


def render_html_report(
    text: str,
    verdicts: Sequence[Verdict],
    *,
    article: ArticleInfo | None = None,
    checked_at: dt.datetime | None = None,
) -> str:
    """A self-contained HTML page: the article with its figures marked, and every verdict."""
    article = article or ArticleInfo()
    checked_at = checked_at or dt.datetime.now(dt.UTC)
    counts = count_verdicts(list(verdicts))
    summary = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    rows = []
    for index, verdict in enumerate(verdicts, start=1):
        expected = f"{verdict.expected:,}" if verdict.expected is not None else "—"
        rows.append(
            f'<tr id="c{index}"><td><a href="#q{index}">{index}</a></td>'
            f"<td>{_e(verdict.quote or verdict.figure)}</td>"
            f"<td>{_e(name_losses(verdict.subject, verdict.category))}<br>"
            f'<span class="note">{_e(name_claimant(verdict.claimant))}, {_e(verdict.basis)}'
            f"</span></td>"
            f'<td><span class="badge b-{_e(verdict.verdict)}">{_e(verdict.verdict)}</span></td>'
            f'<td class="num">{_e(expected)}<br><span class="note">'
            f"{_e(verdict.matched_date or '')}</span></td>"
            f"<td>{_e(verdict.explanation)}<br>"
            f'<span class="note">{_evidence_html(verdict)}</span></td></tr>'
        )
    title = article.title or "Checked article"
    meta = " · ".join(
        _e(part) for part in (article.outlet, article.published, article.url) if part is not None
    )
    legend = " ".join(
        f'<span class="badge b-{name}">{name}</span> {_e(RATING_NAMES[name])}.' for name in VERDICTS
    )
    jsonld = render_claimreview_json(verdicts, article=article, checked_at=checked_at)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="attrition {_e(__version__)}">
<title>{_e(title)} — attrition check</title>
<style>{_STYLE}</style>
<script type="application/ld+json">{jsonld}</script>
</head><body>
<h1>{_e(title)}</h1>
<p class="note">{meta}</p>
<p><strong>{len(verdicts)} figures:</strong> {_e(summary or "none found")}.
Checked {_e(checked_at.strftime("%Y-%m-%d %H:%M UTC"))}.</p>
<p class="note">{_e(AUTOMATED_NOTE)}</p>
<h2>Figures</h2>
<table><thead><tr><th>#</th><th>quote</th><th>losses</th><th>verdict</th>
<th class="num">expected</th><th>why, and the evidence</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<p class="note">{legend}</p>
<h2>Article</h2>
<article>{render_highlighted_text(text, verdicts)}</article>
</body></html>
"""


def build_claimreviews(
    verdicts: Sequence[Verdict],
    *,
    article: ArticleInfo | None = None,
    checked_at: dt.datetime | None = None,
) -> list[dict[str, Any]]:
    """One schema.org ClaimReview per verdict, marked as an automated check."""
    article = article or ArticleInfo()
    checked_at = checked_at or dt.datetime.now(dt.UTC)
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if article.url:
        appearance["url"] = article.url
    if article.title:
        appearance["headline"] = article.title
    if article.published:
        appearance["datePublished"] = article.published.isoformat()
    reviews = []
    for verdict in verdicts:
        rating: dict[str, Any] = {
            "@type": "Rating",
            "alternateName": RATING_NAMES[verdict.verdict],
            "bestRating": 5,
            "worstRating": 1,
        }
        if RATINGS[verdict.verdict] is not None:
            rating["ratingValue"] = RATINGS[verdict.verdict]
        claimed = verdict.quote or (
            f"{verdict.figure} {name_losses(verdict.subject, verdict.category)}"
        )
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        if verdict.claimant:
            item["author"] = {"@type": "Organization", "name": name_claimant(verdict.claimant)}
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "datePublished": checked_at.date().isoformat(),
                "claimReviewed": claimed,
                "itemReviewed": item,
                "author": {
                    "@type": "Organization",
                    "name": "attrition (automated check)",
                    "description": AUTOMATED_NOTE,
                },
                "reviewRating": rating,
                "reviewBody": verdict.explanation,
                "description": AUTOMATED_NOTE,
            }
        )
    return reviews


def render_claimreview_json(
    verdicts: Sequence[Verdict],
    *,
    article: ArticleInfo | None = None,
    checked_at: dt.datetime | None = None,
    indent: int | None = None,
) -> str:
    """ClaimReview JSON-LD as text safe to embed in HTML (``<``, ``>``, ``&`` escaped)."""
    reviews = build_claimreviews(verdicts, article=article, checked_at=checked_at)
    text = json.dumps(reviews, ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
