"""Oryx page: attrition's parse + store beside BeautifulSoup's parse alone.

Runs each variant in its own Python process (so peak memory is that variant's
own: the RSS high-water mark minus the same process's before loading the page),
times it REPEAT times and keeps the fastest run, then prints them side by side
with the ratio to BeautifulSoup's ``html.parser``, the parser public Oryx
scrapers use. The 2025 page (2.2 MB, 21,199 items) is read from
``../shared/data/oryx`` when present, else from the copy bundled in the package.

    .venv/bin/python benchmarks/bench_oryx.py
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "oryx" / "oryx-russia-2025-04-15.html"
BUNDLED = ROOT / "src" / "attrition" / "data" / "oryx" / "oryx-russia-2025-04-15.html.gz"
REPEAT = 5
# The budget for parse + store of this page into a fresh SQLite ledger.
BUDGET_S = 0.25

VARIANTS = {
    "attrition parse + store (selectolax, SQLite)": "store",
    "attrition parse only (selectolax/lexbor)": "parse",
    "BeautifulSoup html.parser, parse only": "bs4",
    "BeautifulSoup lxml, parse only": "bs4-lxml",
}


def _page() -> bytes:
    from attrition.sources.oryx_page import read_page_bytes

    return read_page_bytes(SHARED if SHARED.exists() else BUNDLED)


def _runner(variant: str, page: bytes, workdir: Path) -> Callable[[], object]:
    if variant == "parse":
        from attrition.sources.oryx_page import parse_oryx_page

        return lambda: parse_oryx_page(page)
    if variant == "store":
        return _store_runner(page, workdir)
    from bs4 import BeautifulSoup

    features = "lxml" if variant == "bs4-lxml" else "html.parser"
    return lambda: BeautifulSoup(page, features)


def _store_runner(page: bytes, workdir: Path) -> Callable[[], object]:
    from attrition.ledger import Ledger
    from attrition.sources.oryx_import import import_oryx_page_content

    template = workdir / "template.db"
    Ledger.open(f"sqlite:///{template}").dispose()  # migrations run once, untimed
    runs = iter(range(REPEAT + 1))

    def run() -> object:
        path = workdir / f"ledger-{next(runs)}.db"
        shutil.copy(template, path)
        ledger = Ledger.open(f"sqlite:///{path}", migrate=False)
        start = time.perf_counter()
        with ledger.transaction() as connection:
            result = import_oryx_page_content(connection, page, input_name="bench")
        run.elapsed = time.perf_counter() - start  # type: ignore[attr-defined]
        ledger.dispose()
        return result

    return run


def measure(variant: str) -> dict[str, float]:
    """Fastest of REPEAT runs and the peak RSS growth, in this process."""
    page = _page()
    with tempfile.TemporaryDirectory() as tmp:
        run = _runner(variant, page, Path(tmp))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        times = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            run()
            times.append(getattr(run, "elapsed", time.perf_counter() - start))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return {"seconds": min(times), "peak_mb": peak / 1024}


def main() -> int:
    """Run every variant in a child process and print the table."""
    if len(sys.argv) == 3 and sys.argv[1] == "--variant":
        print(json.dumps(measure(sys.argv[2])))
        return 0
    results = {}
    for label, variant in VARIANTS.items():
        child = subprocess.run(
            [sys.executable, __file__, "--variant", variant],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        results[label] = json.loads(child.stdout)
    reference = results["BeautifulSoup html.parser, parse only"]["seconds"]
    source = SHARED if SHARED.exists() else BUNDLED
    print(f"Oryx 2025 page ({source.name}), fastest of {REPEAT} runs each")
    print(f"{'variant':48} {'time':>9} {'vs bs4':>8} {'peak RSS':>10}")
    for label, figures in results.items():
        ratio = figures["seconds"] / reference
        print(f"{label:48} {figures['seconds']:8.3f}s {ratio:7.2f}x {figures['peak_mb']:8.1f}MB")
    store = results["attrition parse + store (selectolax, SQLite)"]["seconds"]
    verdict = "within" if store <= BUDGET_S else "over"
    print(f"parse + store: {store:.3f}s, {verdict} the {BUDGET_S}s budget on this machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
