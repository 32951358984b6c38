"""Checking a 5 KB article once the ledger is loaded: ``python benchmarks/bench_check.py``.

Builds a SQLite ledger from the bundled series (General Staff transcriptions,
Oryx daily totals), loads it once into memory (``verify.context_for``), then
times ``attrition.verify.check`` on a 5 KB article (the seed article cut at
5,000 bytes): the whole check, and its two halves, extraction and verdicts.
The reference beside the verdicts is the same verdict work done the obvious
way, one ledger query per claim for its report window (what an engine
without the in-memory context would do). Peak memory (tracemalloc) is beside
each time. The issue's budget: a 5 KB article in at most 50 ms after load.
"""

from __future__ import annotations

import datetime as dt
import importlib
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrition.extract import extract_claims
from attrition.ledger import Ledger, read_series
from attrition.settings import DATA_DIR
from attrition.sources.bundled import BUNDLED_IMPORTS
from attrition.sources.loaders import BUNDLED_MODULES
from attrition.verify import check, evaluate_claims, load_context
from attrition.verify.dates import report_window

ARTICLE = DATA_DIR / "articles" / "express-2022-06-putins-losses-exposed.txt"
PUBLISHED = dt.date(2022, 6, 26)
ARTICLE_BYTES = 5_000
SERIES_INPUTS = ("general-staff-json", "general-staff-csv", "oryx-daily-totals")
RUNS = 60
BUDGET_MS = 50.0


def five_kb_article() -> str:
    """The seed article cut at a line boundary before 5,000 bytes."""
    out, size = [], 0
    for line in ARTICLE.read_text(encoding="utf-8").splitlines(keepends=True):
        if size + len(line.encode()) > ARTICLE_BYTES:
            break
        out.append(line)
        size += len(line.encode())
    return "".join(out)


def traced_peak(run: Callable[[], Any]) -> float:
    """Peak memory (MB) traced during one run; traced apart because tracing slows it 3-10x."""
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak


def measure(run: Callable[[], Any], runs: int) -> tuple[float, float, float]:
    """Best and median seconds over ``runs`` (untraced) and one traced run's peak, MB.

    The best run is what the machine can do; the median shows how much other
    load on the machine slowed the rest.
    """
    run()  # warm caches (lexicons, compiled patterns)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), traced_peak(run)


def build_ledger(path: Path) -> tuple[Ledger, float]:
    for module in BUNDLED_MODULES:
        importlib.import_module(module)
    ledger = Ledger.open(f"sqlite:///{path}")
    started = time.perf_counter()
    for item in BUNDLED_IMPORTS:
        if item.name in SERIES_INPUTS:
            with ledger.transaction() as connection:
                item.run(connection)
    return ledger, time.perf_counter() - started


def main() -> int:
    """Print the side-by-side table; exit non-zero when the budget is missed."""
    text = five_kb_article()
    with tempfile.TemporaryDirectory() as tmp:
        ledger, import_s = build_ledger(Path(tmp) / "ledger.db")
        with ledger.connect() as connection:
            started = time.perf_counter()
            context = load_context(connection)
            load_s = time.perf_counter() - started
            load_peak = traced_peak(lambda: load_context(connection))
        claims = extract_claims(text, published=PUBLISHED)

        def per_claim_queries() -> None:
            with ledger.connect() as connection:
                for claim in claims:
                    if claim.claimant != "UA_GENERAL_STAFF":
                        continue
                    days = report_window(PUBLISHED)
                    read_series(
                        connection,
                        category=context.series_category(claim.claimant, claim.category),
                        source="gs-petroivaniuk",
                        date_from=min(days) - dt.timedelta(days=62),
                        date_to=max(days),
                    )

        whole = measure(lambda: check(text, published=PUBLISHED, ledger=context), RUNS)
        extract = measure(lambda: extract_claims(text, published=PUBLISHED), RUNS)
        verdicts = measure(lambda: evaluate_claims(claims, context, published=PUBLISHED), RUNS)
        queries = measure(per_claim_queries, RUNS)
        ledger.dispose()

    best = whole[0]
    print(f"article: {len(text.encode()):,} bytes, {len(claims)} claims; best and median of {RUNS}")
    print(f"{'step':40}{'best':>10}{'median':>10}{'ratio':>8}{'peak':>10}")
    print(f"{'import bundled series (setup, once)':40}{import_s:>9.2f}s")
    print(f"{'load ledger into memory (once)':40}{load_s:>9.2f}s{'':>18}{load_peak:>7.1f} MB")
    rows = [
        ("check(): extract + verdicts", whole),
        ("  extract_claims", extract),
        ("  evaluate_claims (in-memory context)", verdicts),
        ("reference: one ledger query per claim", queries),
    ]
    for name, (fastest, median, peak) in rows:
        print(
            f"{name:40}{fastest * 1000:>8.1f}ms{median * 1000:>8.1f}ms"
            f"{fastest / best:>7.2f}x{peak * 1000:>7.0f} KB"
        )
    verdict = "within" if best * 1000 <= BUDGET_MS else "OVER"
    print(
        f"verdicts from memory are {queries[0] / verdicts[0]:.0f}x faster than a query per claim; "
        f"check() best {best * 1000:.1f} ms: {verdict} the {BUDGET_MS:.0f} ms budget"
    )
    return 0 if best * 1000 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
