"""The guarded HTTP client refuses what it must and fetches the rest, against a local server."""

from __future__ import annotations

import gzip
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from attrition.errors import FetchFailed, FetchRefused
from attrition.fetch import AddressPolicy, Fetcher, fetch_url
from attrition.settings import Settings

LOOPBACK = Settings(allow_hosts=("127.0.0.1",))


def test_loopback_is_refused_unless_allowed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data("hello")
    with pytest.raises(FetchRefused, match=r"non-public address 127\.0\.0\.1"):
        fetch_url(httpserver.url_for("/page"), settings=Settings())
    assert fetch_url(httpserver.url_for("/page"), settings=LOOPBACK).text == "hello"


def test_allow_list_accepts_cidr_ranges(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("ok")
    result = fetch_url(httpserver.url_for("/"), settings=Settings(allow_hosts=("127.0.0.0/8",)))
    assert result.status_code == 200


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "javascript:alert(1)"],
)
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch_url(url, settings=Settings())


@pytest.mark.parametrize(
    "url",
    ["http://10.0.0.1/", "http://169.254.169.254/latest", "http://[::1]:8080/", "http://0.0.0.0/"],
)
def test_private_and_link_local_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused, match="non-public address"):
        AddressPolicy(()).check(url)


def test_redirects_are_followed_and_recorded(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("landed")
    result = fetch_url(httpserver.url_for("/a"), settings=LOOPBACK)
    assert (result.text, result.final_url.endswith("/b"), len(result.redirects)) == (
        "landed",
        True,
        1,
    )


def test_more_than_five_redirects_are_refused(httpserver: HTTPServer) -> None:
    for n in range(7):
        httpserver.expect_request(f"/r{n}").respond_with_data(
            "", status=301, headers={"Location": f"/r{n + 1}"}
        )
    with pytest.raises(FetchRefused, match="more than 5 redirects"):
        fetch_url(httpserver.url_for("/r0"), settings=LOOPBACK)


def test_a_redirect_to_a_private_address_is_rechecked_and_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "http://10.1.2.3/internal"}
    )
    with pytest.raises(FetchRefused, match=r"10\.1\.2\.3"):
        fetch_url(httpserver.url_for("/go"), settings=LOOPBACK)


def test_bodies_over_the_cap_are_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data("x" * 5000)
    with pytest.raises(FetchRefused, match="1,000-byte cap"):
        fetch_url(httpserver.url_for("/big"), settings=LOOPBACK, max_bytes=1000)


def test_a_compressed_body_is_capped_after_decompression(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"0" * 200_000)
    assert len(bomb) < 1000
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchRefused, match="exceeds the 10,000-byte cap"):
        fetch_url(httpserver.url_for("/bomb"), settings=LOOPBACK, max_bytes=10_000)


def test_a_compressed_body_under_the_cap_is_decoded_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress("Привіт".encode()),
        headers={"Content-Encoding": "gzip", "Content-Type": "text/plain; charset=utf-8"},
    )
    assert fetch_url(httpserver.url_for("/gz"), settings=LOOPBACK).text == "Привіт"


def test_http_errors_raise_fetch_failed_with_the_status(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    with pytest.raises(FetchFailed, match="HTTP 404"):
        fetch_url(httpserver.url_for("/missing"), settings=LOOPBACK)


def test_a_slow_server_times_out(httpserver: HTTPServer) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(1.5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with (
        Fetcher(LOOPBACK, read_timeout=0.3) as fetcher,
        pytest.raises(FetchFailed, match="timed out"),
    ):
        fetcher.fetch(httpserver.url_for("/slow"))


def test_conditional_requests_return_not_modified(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304
    )
    result = fetch_url(
        httpserver.url_for("/feed"), settings=LOOPBACK, headers={"If-None-Match": '"v1"'}
    )
    assert result.not_modified


def test_a_wrong_charset_never_raises(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/odd").respond_with_data(
        b"caf\xe9", headers={"Content-Type": "text/html; charset=no-such-charset"}
    )
    assert fetch_url(httpserver.url_for("/odd"), settings=LOOPBACK).text == "caf\ufffd"
