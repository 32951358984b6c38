"""Oryx's equipment-loss page → evidence items, with the page's own stated totals.

The page ("Attack On Europe: Documenting Russian Equipment Losses …") is one
long Blogger post: ``<h3>`` headings with stated totals ("Tanks (3903, of which
destroyed: 2822, …)"), then one ``<li>`` per model ("133 T-62M:") with one
``<a>`` per item or item group ("(6 and 7, destroyed)") linking to the proof.
:func:`parse_oryx_page` is pure; :func:`check_oryx_page` compares what was parsed
with what the page states, and reports every difference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from attrition.errors import InputError, SourceFormatError
from attrition.sources.oryx_links import LinkTextError, parse_date_hint, parse_link_text
from attrition.taxonomy import ORYX_STATUSES, map_oryx_category, oryx_category_key
from attrition.textio import gunzip_if_compressed

ORYX_PAGE_URL = "https://www.oryxspioenkop.com/2022/02/attack-on-europe-documenting-equipment.html"
ORYX_UKRAINE_PAGE_URL = (
    "https://www.oryxspioenkop.com/2022/02/attack-on-europe-documenting-ukrainian.html"
)

# A page whose links prove fewer items than this share of its own stated grand
# total is cut short or broken, and is refused. The three real snapshots parse to
# 99.3-100.4 % of their stated totals; a download cut half-way parses to ~50 %.
MIN_PARSED_SHARE = 0.9

_TITLE_SIDES = (
    (re.compile(r"documenting russian equipment losses", re.IGNORECASE), "RU"),
    (re.compile(r"documenting ukrainian equipment losses", re.IGNORECASE), "UA"),
)
_SIDE_NAMES = {"russia": "RU", "ukraine": "UA"}
_SIDE_TOTAL = re.compile(
    r"^(?P<side>Russia|Ukraine)\s*-\s*(?P<total>\d+)\s*,\s*of which:?(?P<rest>.*)$"
)
_HEADING = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<total>\d+)\s*,\s*of which:?(?P<rest>[^)]*)\)?$")
_BREAKDOWN = re.compile(r"(destroyed|damaged|abandoned|captured)\s*:\s*(\d+)", re.IGNORECASE)
_MODEL_HEAD = re.compile(r"^(?P<count>\d+)\s+(?P<model>.+?)\s*:?\s*$")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


class OryxItem(NamedTuple):
    """One visually confirmed loss as the page lists it.

    A named tuple rather than a dataclass: the 2025 page has 21,199 of them, and
    building tuples is three times faster than building frozen dataclasses.
    """

    item_key: str  # side|category|model|counted status|ordinal (docs/data-sources.md)
    side: str
    source_category: str  # the page's heading, e.g. "Infantry Fighting Vehicles"
    category: str | None  # ledger category (taxonomy.ORYX_CATEGORIES), None if unmapped
    model: str
    status: str  # "destroyed", "damaged and abandoned", …
    counted_as: str  # the status Oryx's totals count it under
    item_number: int  # the number printed in the link text
    proof_url: str | None
    date_hint: dt.date | None
    detail: str | None
    link_text: str
    # Text fields are cut to the ledger's column widths (heading 200, model and
    # detail 300, URL 1000 characters); no real page comes near them.

    def as_dict(self) -> dict[str, Any]:
        """The item as a plain dict (JSON-ready apart from the date)."""
        return self._asdict()


@dataclass(frozen=True, slots=True)
class StatedTotals:
    """A total the page states, with its breakdown by status."""

    total: int
    by_status: dict[str, int]


@dataclass(slots=True)
class OryxModel:
    """One ``<li>``: a model, the count the page states for it, and its items."""

    name: str
    stated: int | None
    items: list[OryxItem] = field(default_factory=list)


@dataclass(slots=True)
class OryxCategory:
    """One heading with its stated totals and its models."""

    heading: str
    category: str | None
    stated: StatedTotals
    models: list[OryxModel] = field(default_factory=list)

    @property
    def items(self) -> list[OryxItem]:
        """Every item under this heading."""
        return [item for model in self.models for item in model.items]


@dataclass(slots=True)
class OryxPage:
    """A parsed page: side, date, stated grand total, categories and unreadable links."""

    side: str
    title: str
    modified: dt.date | None
    stated_total: StatedTotals | None
    categories: list[OryxCategory]
    unparsed: list[dict[str, str]]  # links whose text does not follow the grammar

    @property
    def items(self) -> list[OryxItem]:
        """Every item on the page, in page order."""
        return [item for category in self.categories for item in category.items]


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A place where the parsed count differs from the count the page states."""

    scope: str  # "page", "category", "status" or "model"
    oryx_category: str | None
    model: str | None
    status: str | None
    stated: int
    parsed: int

    def as_dict(self) -> dict[str, Any]:
        """The mismatch as a plain dict, with the difference parsed - stated."""
        row = {name: getattr(self, name) for name in self.__slots__}
        row["difference"] = self.parsed - self.stated
        return row


def fetch_oryx_page(url: str = ORYX_PAGE_URL) -> tuple[str, bytes]:
    """Download the live page through the guarded client; returns (final URL, bytes)."""
    from attrition.fetch import fetch_url

    result = fetch_url(url)
    return result.final_url, result.content


def read_page_bytes(path: Path) -> bytes:
    """Read a saved page, transparently un-gzipping ``.gz`` files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return gunzip_if_compressed(data, str(path))


def parse_oryx_page(html: bytes, *, name: str = "page") -> OryxPage:
    """Parse an Oryx loss page into categories, models and items.

    Args:
        html: the page as downloaded.
        name: how to call the input in error messages (file name or URL).

    Raises:
        SourceFormatError: the page is not an Oryx loss list, or its layout is one
            this parser does not know, or it is cut short.
    """
    tree = LexborHTMLParser(html)
    title = _page_title(tree)
    side = _side_from_title(title, name)
    body = tree.css_first("div.post-body") or tree.css_first('[itemprop="articleBody"]')
    if body is None:
        raise SourceFormatError(
            f"{name}: no post body (div.post-body) — the Oryx page layout has changed",
            hint="save the page again from the browser, or report the new layout",
        )
    modified = _page_modified(tree)
    stated_total, categories, unparsed = _walk_body(body, side, modified)
    page = OryxPage(side, title, modified, stated_total, categories, unparsed)
    _refuse_incomplete(page, name)
    return page


def _page_title(tree: LexborHTMLParser) -> str:
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        node = tree.css_first(selector)
        if node is not None and node.attributes.get("content"):
            return " ".join(str(node.attributes["content"]).split())
    node = tree.css_first("title")
    return " ".join(node.text().split()) if node is not None else ""


def _side_from_title(title: str, name: str) -> str:
    for pattern, side in _TITLE_SIDES:
        if pattern.search(title):
            return side
    shown = title[:80] or "no title"
    raise SourceFormatError(
        f"{name}: not an Oryx Russia–Ukraine equipment-loss page (title: {shown!r})",
        hint=f"expected the page at {ORYX_PAGE_URL}",
    )


def _page_modified(tree: LexborHTMLParser) -> dt.date | None:
    node = tree.css_first('meta[itemprop="dateModified"]')
    raw = str(node.attributes.get("content") or "") if node is not None else ""
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _walk_body(
    body: LexborNode, side: str, modified: dt.date | None
) -> tuple[StatedTotals | None, list[OryxCategory], list[dict[str, str]]]:
    stated_total: StatedTotals | None = None
    categories: list[OryxCategory] = []
    unparsed: list[dict[str, str]] = []
    ordinals: Counter[tuple[str, str, str]] = Counter()
    latest = modified + dt.timedelta(days=1) if modified else None
    current: OryxCategory | None = None
    for node in body.css("h3, li"):
        if node.tag == "h3":
            text = _clean(node.text())
            side_total = _SIDE_TOTAL.match(text)
            heading = _HEADING.match(text)
            if side_total and _SIDE_NAMES[side_total["side"].casefold()] == side:
                stated_total = _stated(side_total["total"], side_total["rest"])
            elif heading:
                name = heading["name"].strip()[:200]
                current = OryxCategory(
                    name, map_oryx_category(name), _stated(heading["total"], heading["rest"])
                )
                categories.append(current)
            continue
        if current is not None:
            model = _parse_model(node, current, side, ordinals, unparsed, latest)
            if model is not None:
                current.models.append(model)
    return stated_total, categories, unparsed


def _stated(total: str, rest: str) -> StatedTotals:
    by_status = {status.casefold(): int(count) for status, count in _BREAKDOWN.findall(rest)}
    return StatedTotals(int(total), {s: by_status.get(s, 0) for s in ORYX_STATUSES})


def _parse_model(
    node: LexborNode,
    category: OryxCategory,
    side: str,
    ordinals: Counter[tuple[str, str, str]],
    unparsed: list[dict[str, str]],
    latest: dt.date | None,
) -> OryxModel | None:
    anchors = node.css("a")
    if not anchors:
        return None
    text = node.text()
    first = anchors[0].text()
    head = _clean(text[: text.find(first)] if first and first in text else text)
    match = _MODEL_HEAD.match(head)
    model = OryxModel((match["model"] if match else head.rstrip(": "))[:300], None)
    if match:
        model.stated = int(match["count"])
    ledger_category = map_oryx_category(category.heading, model.name)
    category_key = ledger_category or "oryx:" + oryx_category_key(category.heading)
    model_key = _model_key(model.name)
    for link_text, href in _link_groups(anchors):
        try:
            link = parse_link_text(link_text)
        except LinkTextError as exc:
            unparsed.append(
                {"oryx_category": category.heading, "model": model.name, "problem": str(exc)}
            )
            continue
        hint = parse_date_hint(href, latest=latest)
        for number in link.numbers:
            slot = (category_key, model_key, link.counted_as)
            ordinals[slot] += 1
            key = f"{side}|{category_key}|{model_key}|{link.counted_as}|{ordinals[slot]}"
            model.items.append(
                OryxItem(
                    key,
                    side,
                    category.heading,
                    ledger_category,
                    model.name,
                    link.status,
                    link.counted_as,
                    number,
                    href[:1000] if href else None,
                    hint,
                    link.detail[:300] if link.detail else None,
                    link_text,
                )
            )
    return model


def _link_groups(anchors: list[LexborNode]) -> Iterator[tuple[str, str | None]]:
    """(text, href) per item group; a group split over several links is joined.

    The page splits a few groups over consecutive links, e.g. "(16," "damaged by
    Bayraktar TB2" ")"; the joined group keeps the first link as its proof.
    """
    pending: list[str] = []
    pending_href: str | None = None
    for anchor in anchors:
        text = _clean_short(anchor.text())
        href = (anchor.attributes.get("href") or "").strip() or None
        if not text:
            continue
        if pending:
            pending.append(text)
            if ")" in text:
                yield " ".join(pending).replace(" )", ")"), pending_href
                pending = []
            continue
        if text.startswith("(") and ")" not in text:
            pending, pending_href = [text], href
            continue
        yield text, href
    if pending:
        yield " ".join(pending).replace(" )", ")"), pending_href


def _model_key(model: str) -> str:
    return " ".join(model.translate(_QUOTES).casefold().split())[:200]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _clean_short(text: str) -> str:
    # Most link texts are already clean; splitting all 20,000 costs 20 ms.
    return text if text.isascii() and "  " not in text and text == text.strip() else _clean(text)


def check_oryx_page(page: OryxPage) -> list[Mismatch]:
    """Every difference between parsed counts and the counts the page states.

    Compared: the grand total, each heading's total and its breakdown by status,
    and each model's count. Differences are Oryx's own inconsistencies as often
    as parser misses, so they are reported, never corrected.
    """
    mismatches: list[Mismatch] = []
    if page.stated_total is not None:
        parsed = len(page.items)
        if parsed != page.stated_total.total:
            mismatches.append(Mismatch("page", None, None, None, page.stated_total.total, parsed))
    for category in page.categories:
        items = category.items
        if len(items) != category.stated.total:
            mismatches.append(
                Mismatch(
                    "category", category.heading, None, None, category.stated.total, len(items)
                )
            )
        counted = Counter(item.counted_as for item in items)
        for status in ORYX_STATUSES:
            if counted[status] != category.stated.by_status[status]:
                mismatches.append(
                    Mismatch(
                        "status",
                        category.heading,
                        None,
                        status,
                        category.stated.by_status[status],
                        counted[status],
                    )
                )
        for model in category.models:
            if model.stated is not None and model.stated != len(model.items):
                mismatches.append(
                    Mismatch(
                        "model", category.heading, model.name, None, model.stated, len(model.items)
                    )
                )
    return mismatches


def summarise_categories(page: OryxPage) -> dict[str, dict[str, int]]:
    """``{heading: {"stated": n, "parsed": m}}`` for every heading on the page."""
    return {
        category.heading: {"stated": category.stated.total, "parsed": len(category.items)}
        for category in page.categories
    }


def _refuse_incomplete(page: OryxPage, name: str) -> None:
    if not page.categories:
        raise SourceFormatError(
            f"{name}: no category headings with stated totals (e.g. 'Tanks (3903, of which "
            "destroyed: …)') — the Oryx page layout has changed or the page is not the loss list",
        )
    items = len(page.items)
    if items == 0:
        raise SourceFormatError(
            f"{name}: {len(page.categories)} category headings but no item links under them — "
            "the Oryx page layout has changed",
        )
    stated = page.stated_total.total if page.stated_total else None
    if stated is None:
        stated = sum(category.stated.total for category in page.categories)
    if items < MIN_PARSED_SHARE * stated:
        raise SourceFormatError(
            f"{name}: the page states {stated:,} losses but only {items:,} item links were "
            f"found ({items / stated:.0%}) — the download is cut short or the layout changed",
            hint="download the page again; nothing was imported",
        )
