"""Fetching URLs without being abused: the one HTTP client every importer uses.

Rules, each re-checked on every redirect:
- only ``http`` and ``https``;
- the host must resolve to public addresses only; private, loopback, link-local,
  multicast and reserved ranges are refused unless the host or an address range is
  listed in ``ATTRITION_ALLOW_HOSTS`` (comma-separated hosts or CIDR ranges);
- connect and read timeouts; at most ``FETCH_MAX_REDIRECTS`` redirects;
- the body is capped at ``max_bytes`` *after* decompression, so a small gzip
  bomb is refused like a large body.

The address check resolves the name before the request; a DNS answer that
changes between check and connect (rebinding) is not covered.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from attrition.errors import FetchFailed, FetchRefused
from attrition.settings import (
    FETCH_CONNECT_TIMEOUT_S,
    FETCH_MAX_BYTES,
    FETCH_MAX_REDIRECTS,
    FETCH_READ_TIMEOUT_S,
    USER_AGENT,
    Settings,
    load_settings,
)

ALLOWED_SCHEMES = ("http", "https")
WEB_PREFIXES = tuple(f"{scheme}://" for scheme in ALLOWED_SCHEMES)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class FetchResult:
    """A fetched response: the final URL after redirects, status, headers and body."""

    url: str
    final_url: str
    status_code: int
    headers: Mapping[str, str]
    content: bytes = b""
    redirects: tuple[str, ...] = field(default_factory=tuple)

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status_code == 304

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-cased (``text/html``)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset the server declared, if any."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    @property
    def text(self) -> str:
        """The body decoded with the declared charset, else UTF-8, never raising."""
        try:
            return self.content.decode(self.charset or "utf-8", errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


class AddressPolicy:
    """Decides whether a host may be fetched, from ``ATTRITION_ALLOW_HOSTS``."""

    def __init__(self, allow: tuple[str, ...] = ()) -> None:
        self.allowed_hosts = {entry.lower() for entry in allow if not _is_network(entry)}
        self.allowed_networks: list[IPNetwork] = [
            ipaddress.ip_network(entry, strict=False) for entry in allow if _is_network(entry)
        ]

    def check(self, url: str) -> None:
        """Raise ``FetchRefused`` unless ``url`` may be fetched."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise FetchRefused(
                f"refused {url!r}: only http and https URLs are fetched, not {parts.scheme!r}"
            )
        host = (parts.hostname or "").lower()
        if not host:
            raise FetchRefused(f"refused {url!r}: the URL has no host")
        if host in self.allowed_hosts:
            return
        for address in _resolve(host, parts.port, url):
            if any(address in network for network in self.allowed_networks):
                continue
            if not address.is_global or address.is_multicast:
                raise FetchRefused(
                    f"refused {url!r}: {host} resolves to the non-public address {address}",
                    hint="add the host or its range to ATTRITION_ALLOW_HOSTS to allow it",
                )


def is_web_url(text: str) -> bool:
    """True when ``text`` is an address attrition may fetch by its scheme (http or https)."""
    return text.lower().startswith(WEB_PREFIXES)


def _is_network(entry: str) -> bool:
    try:
        ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return False
    return True


def _resolve(host: str, port: int | None, url: str) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(f"cannot resolve the host of {url!r}: {exc}") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


class Fetcher:
    """A reusable, guarded HTTP client (keeps connections alive across fetches)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        max_bytes: int = FETCH_MAX_BYTES,
        connect_timeout: float = FETCH_CONNECT_TIMEOUT_S,
        read_timeout: float = FETCH_READ_TIMEOUT_S,
        max_redirects: int = FETCH_MAX_REDIRECTS,
    ) -> None:
        settings = settings or load_settings()
        self.policy = AddressPolicy(settings.allow_hosts)
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": USER_AGENT},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections."""
        self.client.close()

    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None) -> FetchResult:
        """GET ``url`` under the rules above; 2xx and 304 return, anything else raises.

        Raises:
            FetchRefused: scheme, address, redirect count or size rule broken.
            FetchFailed: timeout, connection error or an HTTP error status.
        """
        current, hops = url, list[str]()
        while True:
            self.policy.check(current)
            status, response_headers, body = self._get(current, headers)
            if status in REDIRECT_STATUSES and "location" in response_headers:
                if len(hops) >= self.max_redirects:
                    raise FetchRefused(f"refused {url!r}: more than {self.max_redirects} redirects")
                hops.append(current)
                current = urljoin(current, response_headers["location"])
                continue
            if status >= 400:
                raise FetchFailed(f"HTTP {status} from {current!r}")
            return FetchResult(
                url=url,
                final_url=current,
                status_code=status,
                headers=response_headers,
                content=body,
                redirects=tuple(hops),
            )

    def _get(self, url: str, headers: Mapping[str, str] | None) -> tuple[int, httpx.Headers, bytes]:
        """One GET without following redirects; the body is decompressed and capped."""
        try:
            with self.client.stream("GET", url, headers=dict(headers or {})) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchRefused(
                        f"refused {url!r}: the body is {int(declared):,} bytes, "
                        f"over the {self.max_bytes:,}-byte cap"
                    )
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchRefused(
                            f"refused {url!r}: the body exceeds the {self.max_bytes:,}-byte cap"
                        )
                return response.status_code, response.headers, bytes(body)
        except httpx.TimeoutException as exc:
            raise FetchFailed(f"timed out fetching {url!r} ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(f"cannot fetch {url!r}: {exc}") from exc


def fetch_url(
    url: str,
    *,
    settings: Settings | None = None,
    max_bytes: int = FETCH_MAX_BYTES,
    headers: Mapping[str, str] | None = None,
) -> FetchResult:
    """Fetch one URL with a throwaway :class:`Fetcher` (see its rules)."""
    with Fetcher(settings, max_bytes=max_bytes) as fetcher:
        return fetcher.fetch(url, headers=headers)
