"""Ingest 1,000 feed entries end to end: ``python benchmarks/bench_ingest.py``.

A local HTTP server on loopback serves 10 RSS feeds of 100 entries each and
the 1,000 pages they link (about 3.5 KB of HTML each, with navigation and a
footer around the article). The pages are written by this script from the
General Staff's real figures of 250 report days: 600 distinct reports, 200
syndicated copies (another byline, a "read more" line), 100 light rewrites,
and 100 off-topic notes with no loss figure. The ledger is a fresh SQLite
file holding the bundled General Staff series and Oryx daily totals, so every
figure is really verified (the import is not timed).

Timed in one run, so the ratios hold on a noisy machine:

- ``poll`` — ``attrition poll``'s pipeline: conditional feed fetch, page fetch,
  main text (trafilatura), canonical URL, near-duplicate folding, claim
  extraction, verification, and storage in one transaction per article; the
  share of each stage comes from the ingestor's own timers;
- the same without claims (``NoClaimStage``): what checking costs;
- the second poll: every feed answers 304 — the steady state;
- references: fetching the 1,000 pages alone with the same client, and
  trafilatura alone on the same pages.

Peak memory is measured apart, so that tracing does not slow the timed runs:
the tracemalloc peak of the same step over the first feed (100 entries) on a
fresh copy of the ledger. Every poll starts from a copy of one ledger file
built once (series imported, feeds subscribed).
"""

from __future__ import annotations

import importlib
import json
import random
import re
import shutil
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import trafilatura

from attrition.fetch import Fetcher
from attrition.ledger import Ledger
from attrition.ledger.feeds import add_feed
from attrition.ledger.observations import utc_now
from attrition.ledger.schema import documents, stories
from attrition.news.checking import NoClaimStage
from attrition.news.ingest import STAGES, Ingestor
from attrition.news.poll import poll_feeds
from attrition.settings import Settings
from attrition.sources.bundled import BUNDLED_IMPORTS
from attrition.sources.general_staff import BUNDLED_FILES
from attrition.sources.loaders import BUNDLED_MODULES

FEEDS = 10
PER_FEED = 100
ENTRIES = FEEDS * PER_FEED
SERIES_INPUTS = ("general-staff-json", "general-staff-csv", "oryx-daily-totals")
SEED = 20220626
OUTLETS = ("The Daily Planet", "Kyiv Monitor", "Front Line Bulletin", "Eastern Digest")
WORDS = (
    "officials",
    "analysts",
    "front",
    "line",
    "shelling",
    "villages",
    "region",
    "river",
    "defensive",
    "positions",
    "supply",
    "convoy",
    "artillery",
    "drones",
    "reserves",
    "commanders",
    "winter",
    "fuel",
    "railway",
    "bridge",
    "counteroffensive",
    "satellite",
    "images",
    "volunteers",
    "hospitals",
    "evacuation",
    "talks",
    "sanctions",
    "weapons",
    "deliveries",
    "partners",
    "ammunition",
    "trenches",
    "forest",
    "city",
    "district",
    "governor",
    "spokesman",
    "statement",
)


def _filler(rng: random.Random, sentences: int) -> list[str]:
    """Prose without figures, different for every report (so reports do not fold together)."""
    out = []
    for _ in range(sentences):
        words = rng.sample(WORDS, 9)
        out.append(f"The {words[0]} said {' '.join(words[1:7])} near the {words[7]} {words[8]}.")
    return out


def _report(day: dict[str, Any], personnel: int, rng: random.Random) -> tuple[str, list[str]]:
    title = f"Kyiv says Russia has lost {day['tank']:,} tanks as of {day['date']}"
    body = [
        f"Ukraine's General Staff said on {day['date']} that Russian forces had lost "
        f"{day['tank']:,} tanks, {day['APC']:,} armoured combat vehicles and "
        f"{day['field artillery']:,} artillery systems since the invasion began.",
        f"The same report put Russian personnel losses at about {personnel:,}.",
        *_filler(rng, 14),
        "The figures cannot be verified independently.",
    ]
    return title, body


def _rewrite(title: str, body: list[str], rng: random.Random) -> tuple[str, list[str]]:
    swaps = {"said": "stated", "losses": "casualties", "near": "around", "the": "this"}
    words = [
        re.sub(r"^(said|near)$", lambda m: swaps[m.group(0)], w) for w in " ".join(body).split()
    ]
    for i in rng.sample(range(len(words)), len(words) // 12):
        words[i] = swaps.get(words[i], words[i])
    return f"Russia's losses: {title}", [" ".join(words)]


def build_corpus() -> list[dict[str, Any]]:
    """The 1,000 articles: title, paragraphs, outlet, and what kind of entry each is."""
    rng = random.Random(SEED)
    equipment = json.loads(BUNDLED_FILES["equipment"].read_text())
    personnel = {
        r["date"]: r["personnel"] for r in json.loads(BUNDLED_FILES["personnel"].read_text())
    }
    days = [d for d in equipment if d["date"] in personnel][:250]
    kinds = ["report"] * 600 + ["copy"] * 200 + ["rewrite"] * 100 + ["off-topic"] * 100
    rng.shuffle(kinds)
    kinds.sort(key=lambda k: k != "report")  # copies come after their originals
    articles: list[dict[str, Any]] = []
    for i, kind in enumerate(kinds):
        outlet = OUTLETS[i % len(OUTLETS)]
        if kind == "report":
            day = days[i % len(days)]
            title, body = _report(day, personnel[day["date"]], rng)
        elif kind == "off-topic":
            title, body = "Weekend weather and traffic", _filler(rng, 12)
        else:
            original = articles[rng.randrange(600)]
            title, body = original["title"], list(original["body"])
            if kind == "copy":
                body = ["By our correspondent, with agencies", *body, "Read more: analysis"]
                outlet = OUTLETS[(OUTLETS.index(original["outlet"]) + 1) % len(OUTLETS)]
            else:
                title, body = _rewrite(title, body, rng)
        articles.append({"title": title, "body": body, "outlet": outlet, "kind": kind})
    return articles


def render_page(article: dict[str, Any]) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in article["body"])
    nav = "".join(f"<a href='/s/{w}'>{w.title()}</a> " for w in WORDS[:12])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{article['title']} | {article['outlet']}</title>"
        f"<meta property='og:site_name' content='{article['outlet']}'></head><body>"
        f"<header><nav>{nav}</nav></header><main><article><h1>{article['title']}</h1>"
        f"{paragraphs}</article><aside><h2>Most read</h2><ul><li>Local news</li></ul></aside>"
        "</main><footer>© All rights reserved · Privacy · Terms · Cookies</footer></body></html>"
    ).encode()


def render_feed(base: str, feed: int) -> bytes:
    items = "".join(
        f"<item><title>Entry {i}</title><link>{base}/a/{i}</link></item>"
        for i in range(feed * PER_FEED, (feed + 1) * PER_FEED)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"{items}</channel></rss>"
    ).encode()


def serve(pages: list[bytes]) -> tuple[ThreadingHTTPServer, str]:
    """A loopback server for the feeds (with ETags) and the pages."""
    feeds: dict[int, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            match = re.fullmatch(r"/(feed|a)/(\d+)", self.path)
            if not match:
                self.send_error(404)
                return
            number = int(match.group(2))
            if match.group(1) == "feed":
                etag = f'"feed-{number}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body, kind, extra = feeds[number], "application/rss+xml", {"ETag": etag}
            else:
                body, kind, extra = pages[number], "text/html; charset=utf-8", {}
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feeds.update({n: render_feed(base, n) for n in range(FEEDS)})
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def build_ledger(path: Path, base: str) -> None:
    """The ledger every variant starts from: the series imported and the feeds subscribed."""
    for module in BUNDLED_MODULES:
        importlib.import_module(module)
    ledger = Ledger.open(f"sqlite:///{path}")
    for item in BUNDLED_IMPORTS:
        if item.name in SERIES_INPUTS:
            with ledger.transaction() as connection:
                item.run(connection)
    with ledger.transaction() as connection:
        for n in range(FEEDS):
            add_feed(connection, f"{base}/feed/{n}", title=None, now=utc_now())
    ledger.dispose()


def copy_ledger(template: Path, name: str) -> Ledger:
    path = template.with_name(name)
    shutil.copy(template, path)
    return Ledger.open(f"sqlite:///{path}")


def seconds(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def traced_peak_mb(run: Callable[[], Any]) -> float:
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def main() -> int:
    """Print the side-by-side table and the stage shares."""
    articles = build_corpus()
    pages = [render_page(a) for a in articles]
    server, base = serve(pages)
    settings = Settings(allow_hosts=("127.0.0.1",))
    with tempfile.TemporaryDirectory() as tmp, Fetcher(settings) as fetcher:
        template = Path(tmp) / "template.db"
        build_ledger(template, base)

        def poll(name: str, *, claims: bool = True, feeds: tuple[int, ...] = ()) -> Any:
            ledger = copy_ledger(template, name)
            stage = None if claims else NoClaimStage()
            ingestor = Ingestor(ledger, fetcher=fetcher, claim_stage=stage)
            report = poll_feeds(ledger, ingestor=ingestor, feeds=feeds)
            return ledger, ingestor, report

        def fetch_pages(count: int) -> None:
            for i in range(count):
                fetcher.fetch(f"{base}/a/{i}")

        def extract_texts(count: int) -> None:
            for page in pages[:count]:
                trafilatura.extract(page.decode())

        poll_s, (ledger, ingestor, report) = seconds(lambda: poll("full.db"))
        again_s, again = seconds(lambda: poll_feeds(ledger, ingestor=ingestor, force=True))
        bare_s, _ = seconds(lambda: poll("bare.db", claims=False))
        fetch_s, _ = seconds(lambda: fetch_pages(ENTRIES))
        text_s, _ = seconds(lambda: extract_texts(ENTRIES))
        with ledger.connect() as connection:
            stored = connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar()
            folded = connection.execute(sa.select(sa.func.count()).select_from(stories)).scalar()
            off = connection.execute(
                sa.select(sa.func.count()).where(documents.c.off_topic.is_(True))
            ).scalar()
        peaks = [
            traced_peak_mb(lambda: poll("traced-full.db", feeds=(1,))),
            traced_peak_mb(lambda: poll("traced-bare.db", claims=False, feeds=(1,))),
            traced_peak_mb(lambda: poll_feeds(ledger, ingestor=ingestor, feeds=(1,), force=True)),
            traced_peak_mb(lambda: fetch_pages(PER_FEED)),
            traced_peak_mb(lambda: extract_texts(PER_FEED)),
        ]
    server.shutdown()
    rows = [
        ("poll: fetch, text, dedupe, extract, verify, store", poll_s),
        ("poll without claims (NoClaimStage)", bare_s),
        ("second poll: every feed answers 304", again_s),
        ("reference: fetch the 1,000 pages only", fetch_s),
        ("reference: trafilatura.extract on the 1,000 pages", text_s),
    ]
    print(f"{ENTRIES:,} entries in {FEEDS} feeds; outcomes {report.totals()}")
    print(f"stored {stored:,} documents in {folded:,} stories; {off:,} off-topic")
    print(
        f"second poll: {[f.status for f in again.feeds].count('not_modified')} feeds not modified\n"
    )
    print(f"{'step':52} {'time':>8} {'entries/s':>10} {'× fetch':>8} {'peak (100)':>11}")
    for (name, took), peak in zip(rows, peaks, strict=True):
        rate = ENTRIES / took if took else float("inf")
        print(f"{name:52} {took:7.2f}s {rate:10.1f} {took / fetch_s:7.1f}× {peak:8.1f} MiB")
    timings = ingestor.timings
    covered = sum(timings[s] for s in STAGES) / poll_s
    print(f"\nshare of the first poll's {poll_s:.2f} s by stage (timers cover {covered:.0%}):")
    for stage in STAGES:
        print(f"  {stage:10} {timings[stage]:7.2f} s  {timings[stage] / poll_s:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
