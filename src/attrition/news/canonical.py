"""Canonical URLs: one spelling per article, so two links to it are one document.

``canonicalize_url`` lower-cases the scheme and host, drops default ports,
fragments and tracking parameters (``utm_*``, ``fbclid``, ``gclid`` …), sorts
the remaining query parameters and drops a trailing slash. A page's
``<link rel="canonical">`` is honoured by ``choose_canonical_url`` when it
points into the same site; a canonical link to another site (a syndicated
copy naming its original) is kept as a hint for story folding instead, so the
relaying outlet is not erased.
"""

from __future__ import annotations

import contextlib
import re
from typing import Final
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

import tld
import tld.exceptions

from attrition.errors import InputError

# Query parameters that identify a campaign, a click or a share, never the article.
TRACKING_PARAMS: Final = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "igsh",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "ocid",
        "cmpid",
        "ito",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "at_medium",
        "at_campaign",
        "xtor",
        "ref_src",
        "ref_url",
        "smid",
        "sh",
        "share",
        "amp",
        "output",
    }
)
# Prefixes of whole families of tracking parameters (utm_source, utm_medium, …).
TRACKING_PREFIXES: Final = ("utm_", "pk_", "mtm_", "itm_", "hsa_", "sc_")

# The hosts' prefixes a site uses for the same article on another front end.
SITE_HOST_PREFIXES: Final = ("www.", "m.", "amp.", "mobile.")

_UNRESERVED_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
# Characters kept unescaped in a path and in query values (RFC 3986 sub-delims and ':@/').
_PATH_SAFE: Final = "/:@!$&'()*+,;=-._~%"


def is_tracking_param(name: str) -> bool:
    """True for a query parameter that only tracks a click (``utm_source``, ``fbclid``)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _normalise_escapes(part: str) -> str:
    """Re-escape a path so ``%7E`` and ``~`` (or ``%c3%a9`` and ``é``) are one spelling."""
    return quote(unquote(part), safe=_PATH_SAFE.replace("%", ""))


def canonicalize_url(url: str, *, base: str | None = None) -> str:
    """The canonical spelling of ``url`` (resolved against ``base`` when relative).

    ``file:`` URLs (local files) keep only their path.

    Raises:
        InputError: the URL is not an absolute http(s) URL with a host, nor a file URL.
    """
    raw = url.strip()
    if base:
        raw = urljoin(base, raw)
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme == "file" and parts.path:  # a local file ingested with `attrition add-file`
        return urlunsplit(("file", "", _normalise_escapes(parts.path), "", ""))
    if scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"not an absolute http(s) URL: {url!r}")
    host = parts.hostname.lower().rstrip(".")
    with contextlib.suppress(UnicodeError):  # not encodable: keep the host as given
        host = host.encode("idna").decode("ascii")
    try:
        port = parts.port
    except ValueError as exc:
        raise InputError(f"not a valid port in URL {url!r}") from exc
    netloc = f"[{host}]" if ":" in host else host  # IPv6 literals keep their brackets
    if port not in (None, 80 if scheme == "http" else 443):
        netloc = f"{netloc}:{port}"
    path = _normalise_escapes(parts.path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(key)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query), doseq=True), ""))


def site_of(url: str) -> str:
    """The site a URL belongs to: its registrable domain (``bbc.co.uk`` for ``news.bbc.co.uk``).

    Hosts without a public suffix (``localhost``, IP addresses, test hosts) are
    their own site, minus a ``www.``-like prefix.
    """
    host = (urlsplit(url).hostname or "").lower()
    try:
        return str(tld.get_fld(host, fix_protocol=True, fail_silently=False))
    except (tld.exceptions.TldBadUrl, tld.exceptions.TldDomainNotFound, ValueError):
        for prefix in SITE_HOST_PREFIXES:
            if host.startswith(prefix):
                return host.removeprefix(prefix)
        return host


def same_site(first: str, second: str) -> bool:
    """True when two URLs belong to the same site (``www.``, ``m.``, ``amp.`` hosts alike)."""
    return site_of(first) == site_of(second)


def choose_canonical_url(page_url: str, declared: str | None) -> str:
    """The document's canonical URL: the page's declared canonical when same-site, else its own.

    A declared canonical that is malformed, not http(s), or on another site is
    ignored here (a cross-site canonical still helps story folding, see ``dedupe``).
    """
    own = canonicalize_url(page_url)
    if not declared:
        return own
    try:
        candidate = canonicalize_url(declared, base=page_url)
    except InputError:
        return own
    return candidate if same_site(own, candidate) else own
