"""OPML, the feed readers' exchange format: read subscriptions in, write them out.

Every ``<outline>`` with an ``xmlUrl`` is a feed, at any depth (readers nest
them in folders). The parser resolves no entities and fetches nothing, so an
OPML file cannot read local files or reach the network (XXE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import lxml.etree

from attrition.errors import InputError, SourceFormatError
from attrition.news.canonical import canonicalize_url

_PARSER = lxml.etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


@dataclass(frozen=True)
class OpmlFeed:
    """One subscription read from OPML."""

    url: str
    title: str | None


def parse_opml(content: bytes, *, source: str) -> tuple[list[OpmlFeed], list[str]]:
    """The feeds an OPML document lists, and one message per outline that was skipped.

    Raises:
        SourceFormatError: not XML, or not OPML; the message names ``source`` and the line.
    """
    try:
        root = lxml.etree.fromstring(content, _PARSER)
    except lxml.etree.XMLSyntaxError as exc:
        raise SourceFormatError(
            f"{source}: not valid XML at line {exc.lineno}: {exc.msg}",
            hint="an OPML file is XML with <opml><body><outline xmlUrl=…/></body></opml>",
        ) from exc
    if root is None or lxml.etree.QName(root).localname.lower() != "opml":
        raise SourceFormatError(f"{source}: the root element is not <opml>")
    feeds, skipped, seen = [], [], set()
    for outline in root.iter("{*}outline", "outline"):
        raw = outline.get("xmlUrl") or outline.get("xmlurl")
        if raw is None:
            continue  # a folder
        try:
            key = canonicalize_url(raw)  # duplicates differ only by tracking parameters
        except InputError as exc:
            skipped.append(f"{source} line {outline.sourceline}: {exc}")
            continue
        if key in seen:
            continue
        seen.add(key)
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        feeds.append(OpmlFeed(raw.strip(), title))
    return feeds, skipped


def render_opml(
    feeds: Iterable[Mapping[str, Any]], *, title: str = "attrition feeds", now: dt.datetime
) -> str:
    """An OPML 2.0 document listing ``feeds`` (each with ``url`` and optional ``title``)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{escape(title)}</title>",
        f"    <dateCreated>{now.strftime('%a, %d %b %Y %H:%M:%S GMT')}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for feed in feeds:
        name = feed.get("title") or feed["url"]
        lines.append(
            f'    <outline type="rss" text={quoteattr(name)} title={quoteattr(name)}'
            f" xmlUrl={quoteattr(feed['url'])}/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
