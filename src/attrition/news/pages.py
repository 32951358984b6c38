"""A fetched page reduced to its main text and metadata (trafilatura), or a clear rejection.

``decode_html`` picks the charset: a byte-order mark first, then the server's
declared charset, then the page's own ``<meta charset>``, then UTF-8, then
Windows-1252. A declared charset that contradicts the bytes is overruled when
the body is valid UTF-8 with non-ASCII characters (the commonest lie:
``ISO-8859-1`` declared, UTF-8 sent), because Latin-1 text almost never forms
valid multi-byte UTF-8 sequences by chance.

``parse_page`` returns a :class:`Page`; a page with no main text, a non-HTML
body, or too little text is rejected with ``SourceFormatError`` whose message
names the URL and the reason.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Final

import lxml.etree
import lxml.html
import trafilatura

from attrition.errors import InputError, SourceFormatError
from attrition.fetch import is_web_url
from attrition.news.canonical import choose_canonical_url, site_of
from attrition.textio import looks_like_html

# A page whose main text is shorter than this is rejected as empty. The
# shortest real news brief we keep ("Kyiv says Russia has lost 1,000 tanks
# since February, the General Staff reported.") is ~90 characters; cookie
# walls, paywall stubs and JavaScript shells leave 0-40 characters.
MIN_MAIN_TEXT_CHARS: Final = 60
SENTENCE_ENDS: Final = (".", "!", "?", '"')

# A local file or stdin is HTML when its name says so, or when its first bytes open a tag
# and name one of the elements every HTML page has (``<?xml`` alone may be a feed).
# Bytes sniffed to tell text from binary data. Text never holds NUL bytes; and
# when more than 5 % of the sniffed characters do not decode, the input is not
# text in any encoding attrition reads (a PDF or an image, renamed).
SNIFF_BYTES: Final = 8192
MAX_UNDECODABLE_SHARE: Final = 0.05

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", ""})
TEXT_TYPES: Final = frozenset({"text/plain"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# Look for <meta charset> only in the head: the HTML standard says the first 1024 bytes.
META_SNIFF_BYTES: Final = 1024
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Page:
    """A page's main text and metadata, as attrition stores it."""

    url: str  # where it was fetched from (after redirects)
    canonical_url: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    language: str | None = None
    declared_canonical: str | None = None  # the page's own rel=canonical, even cross-site


@functools.cache
def _is_single_byte(codec: str) -> bool:
    """True for ISO-8859-x, Windows-125x, KOI8 and the like: one byte, one character."""
    if codec.startswith(("utf", "utf_")):
        return False
    return len(bytes(range(256)).decode(codec, errors="replace")) == 256


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def decode_html(content: bytes, declared: str | None = None) -> str:
    """Decode a page's bytes, surviving wrong or missing charsets (rules in the module doc)."""
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return content.decode(codec, errors="replace")
    meta = _META_CHARSET.search(content[:META_SNIFF_BYTES])
    candidates = [_codec(declared), _codec(meta.group(1).decode("ascii") if meta else None)]
    if content.isascii():
        return content.decode("ascii")
    try:
        utf8 = content.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    for codec in filter(None, candidates):
        if utf8 is not None and _is_single_byte(codec):
            return utf8  # declared single-byte charset, but the bytes are valid UTF-8
        try:
            return content.decode(codec)
        except UnicodeDecodeError:
            continue
    return utf8 if utf8 is not None else content.decode("cp1252", errors="replace")


def _first(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        text = str(value).strip()
        if text:
            return text
    return None


def _parse_datetime(raw: str | None) -> dt.datetime | None:
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _language(tree: lxml.html.HtmlElement) -> str | None:
    raw = _first(
        tree,
        "/html/@lang | /html/@xml:lang | //meta[@http-equiv='content-language']/@content"
        " | //meta[@property='og:locale']/@content",
    )
    if not raw:
        return None
    primary = re.split(r"[-_,; ]", raw.strip().lower())[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _published(tree: lxml.html.HtmlElement, extracted: str | None) -> dt.datetime | None:
    """The page's stated publication time: article:published_time first, else trafilatura's."""
    stated = _first(
        tree,
        "//meta[@property='article:published_time']/@content"
        " | //meta[@itemprop='datePublished']/@content"
        " | //time[@itemprop='datePublished']/@datetime",
    )
    return _parse_datetime(stated) or _parse_datetime(extracted)


def _tidy_text(text: str) -> str:
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _reject_short(url: str, text: str) -> None:
    if len(text) < MIN_MAIN_TEXT_CHARS:
        raise SourceFormatError(
            f"rejected {url}: no main text (found {len(text)} characters, "
            f"need at least {MIN_MAIN_TEXT_CHARS}); the page may be empty, a cookie wall "
            "or rendered by JavaScript"
        )


def parse_html(html: str, *, url: str) -> Page:
    """Reduce an HTML page to main text and metadata.

    Raises:
        SourceFormatError: the page has no main text to speak of.
    """
    if not html.strip():
        raise SourceFormatError(f"rejected {url}: the page is empty (0 bytes of HTML)")
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise SourceFormatError(f"rejected {url}: not parseable as HTML ({exc})") from exc
    declared_canonical = _first(tree, "//link[@rel='canonical']/@href")
    language = _language(tree)
    stated_published = _published(tree, None)
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            "extensive_search": False,
            "original_date": True,
        },
    )
    text = _tidy_text(getattr(extracted, "text", None) or "")
    _reject_short(url, text)
    return Page(
        url=url,
        canonical_url=choose_canonical_url(url, declared_canonical),
        text=text,
        title=getattr(extracted, "title", None) or None,
        outlet=getattr(extracted, "sitename", None) or site_of(url) or None,
        author=getattr(extracted, "author", None) or None,
        published=stated_published or _parse_datetime(getattr(extracted, "date", None)),
        language=language,
        declared_canonical=declared_canonical,
    )


def parse_text(
    text: str, *, url: str, title: str | None = None, min_chars: int = MIN_MAIN_TEXT_CHARS
) -> Page:
    """A plain-text article as a page: the text is its own main text.

    Without a title, a short first line that does not end a sentence is taken as the
    headline, when more lines follow it. ``url`` need not be http(s) (``file:``, ``urn:``);
    such an address is its own canonical URL.
    """
    tidy = _tidy_text(text)
    if len(tidy) < min_chars:
        _reject_short(url, tidy)
    first, _, rest = tidy.partition("\n")
    if title is None and rest and len(first) <= 200 and not first.endswith(SENTENCE_ENDS):
        title = first
    web = is_web_url(url)
    return Page(
        url=url,
        canonical_url=choose_canonical_url(url, None) if web else url,
        text=tidy,
        title=title,
        outlet=(site_of(url) or None) if web else None,
    )


def refuse_binary(content: bytes, name: str) -> None:
    """Raise ``InputError`` when ``content`` is binary data (a PDF or image), not text."""
    head = content[:SNIFF_BYTES]
    undecodable = head.decode("utf-8", errors="replace").count("\ufffd")
    if b"\x00" in head or undecodable > MAX_UNDECODABLE_SHARE * max(len(head), 1):
        raise InputError(
            f"{name}: not text (binary data)",
            hint="give an article as a UTF-8 text or HTML file, a URL, or - for stdin",
        )


def page_from_bytes(
    content: bytes,
    *,
    name: str,
    url: str,
    max_bytes: int,
    title: str | None = None,
    min_chars: int = MIN_MAIN_TEXT_CHARS,
) -> Page:
    """A local article (a file or stdin) as a page: HTML reduced to its main text, else text.

    ``title`` is a text page's headline when known (an HTML page states its own).

    Raises:
        InputError: empty, oversized or binary input (``name`` says which).
        SourceFormatError: an HTML page without main text, or text under ``min_chars``.
    """
    if not content.strip():
        raise InputError(f"{name}: the input is empty", hint="give an article's text, file or URL")
    if len(content) > max_bytes:
        raise InputError(
            f"{name}: {len(content):,} bytes is over the {max_bytes:,}-byte limit",
            hint="give one article at a time",
        )
    refuse_binary(content, name)
    if looks_like_html(name, content):
        return parse_html(decode_html(content), url=url)
    return parse_text(decode_html(content), url=url, title=title, min_chars=min_chars)


def parse_page(
    content: bytes, *, url: str, content_type: str = "", charset: str | None = None
) -> Page:
    """Parse a fetched body by its media type: HTML, XHTML or plain text.

    Raises:
        SourceFormatError: a media type attrition cannot read, or no main text.
    """
    media = content_type.split(";")[0].strip().lower()
    if media in TEXT_TYPES:
        return parse_text(decode_html(content, charset), url=url)
    if media not in HTML_TYPES:
        raise SourceFormatError(
            f"rejected {url}: served as {media!r}, not an HTML or text page",
            hint="attrition reads HTML and plain-text articles; PDF and images are not supported",
        )
    return parse_html(decode_html(content, charset), url=url)
