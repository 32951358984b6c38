"""Web latency and throughput: ``attrition serve`` beside datasette serving the same series.

With the full bundled ledger loaded, wrk (Debian's) drives 50 concurrent
connections for 20 s at each URL:

- the overview page (``/``),
- the whole tank series (``/api/series?category=tanks&limit=5000``),
- one day of it (``/api/series?category=tanks&from=D&to=D``),

the whole series again as a browser asks for it (``Accept-Encoding: gzip``;
datasette has no compression without a plugin and answers in full), and the
same series queries against datasette serving a SQLite table with
the same rows (installed into its own venv under /tmp, never a project
dependency). Prints p50/p99 latency, requests/second, the ratio to datasette
and each server's peak resident memory (VmHWM).

Usage: .venv/bin/python benchmarks/bench_web.py [--duration 20] [--connections 50]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

DATASETTE_VENV = Path("/tmp/attrition-bench-datasette-venv")
DATASETTE_VERSION = "0.65.5"
ONE_DAY = "2023-06-01"
# Targets of issue #7.
TARGET_RATIO = 10.0
TARGET_P99_MS = 50.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up in {timeout:.0f} s")


def build_ledger(path: Path) -> None:
    """The full bundled snapshot in a fresh SQLite ledger (the `make demo` database)."""
    from attrition.ledger import Ledger
    from attrition.sources.loaders import import_all_bundled

    ledger = Ledger.open(f"sqlite:///{path}")
    import_all_bundled(ledger, progress=False)
    ledger.dispose()


def export_series_table(ledger_path: Path, target: Path) -> int:
    """Copy the API's whole tank series into one plain table for datasette."""
    from attrition.ledger import Ledger
    from attrition.web.views import build_series

    ledger = Ledger.open(f"sqlite:///{ledger_path}", migrate=False)
    with ledger.connect() as connection:
        rows = build_series(connection, category="tanks")
    ledger.dispose()
    db = sqlite3.connect(target)
    # The same columns the API returns, so both servers send comparable JSON.
    db.execute(
        "CREATE TABLE series (category TEXT, date TEXT, value INTEGER, change INTEGER, "
        "source TEXT, qualifier TEXT, note TEXT)"
    )
    db.executemany(
        "INSERT INTO series VALUES ('tanks', ?, ?, ?, ?, ?, ?)",
        [
            (str(r["date"]), r["value"], r["change"], r["source"], r["qualifier"], r["note"])
            for r in rows
        ],
    )
    db.execute("CREATE INDEX ix_series ON series (category, date)")
    db.commit()
    db.close()
    return len(rows)


def ensure_datasette() -> Path:
    """datasette in its own venv under /tmp (created on first run)."""
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        print(f"installing datasette {DATASETTE_VERSION} into {DATASETTE_VENV} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
        subprocess.run(
            [
                str(DATASETTE_VENV / "bin" / "pip"),
                "install",
                "-q",
                f"datasette=={DATASETTE_VERSION}",
            ],
            check=True,
        )
    return binary


def run_wrk(url: str, *, duration: int, connections: int, gzip: bool = False) -> dict[str, float]:
    """Requests/second and p50/p99 latency (ms) from ``wrk --latency``."""
    command = [
        "wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s", url,
    ]  # fmt: skip
    if gzip:
        command[1:1] = ["-H", "Accept-Encoding: gzip"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    percentiles = {}
    for label in ("50%", "99%"):
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        assert match, output
        value, unit = float(match.group(1)), match.group(2)
        percentiles[label] = (
            value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
        )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": percentiles["50%"],
        "p99": percentiles["99%"],
        "non2xx": float(errors.group(1)) if errors else 0.0,
        "socket_errors": 1.0 if socket_errors else 0.0,
    }


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a process (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 1

    work = Path(tempfile.mkdtemp(prefix="attrition-bench-web-"))
    ledger_path, table_path = work / "ledger.db", work / "series.db"
    started = time.perf_counter()
    build_ledger(ledger_path)
    print(f"ledger built in {time.perf_counter() - started:.2f} s", flush=True)
    rows = export_series_table(ledger_path, table_path)
    datasette = ensure_datasette()

    ours_port, theirs_port = free_port(), free_port()
    attrition_bin = Path(sys.executable).with_name("attrition")
    env = {**os.environ, "ATTRITION_DATABASE_URL": f"sqlite:///{ledger_path}"}
    servers = [
        subprocess.Popen(
            [str(attrition_bin), "serve", "--port", str(ours_port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [
                str(datasette), "serve", str(table_path), "--port", str(theirs_port),
                "--setting", "max_returned_rows", "5000", "--setting", "default_page_size", "5000",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ),
    ]  # fmt: skip
    ours = f"http://127.0.0.1:{ours_port}"
    theirs = f"http://127.0.0.1:{theirs_port}/series/series.json"
    whole = "category=tanks&_size=max&_shape=objects"
    cases = [
        ("overview page", f"{ours}/", None),
        (
            f"whole tank series ({rows} rows)",
            f"{ours}/api/series?category=tanks&limit=5000",
            f"{theirs}?{whole}",
        ),
        (
            "whole series, gzip accepted",
            f"{ours}/api/series?category=tanks&limit=5000",
            f"{theirs}?{whole}",
        ),
        (
            f"one day ({ONE_DAY})",
            f"{ours}/api/series?category=tanks&from={ONE_DAY}&to={ONE_DAY}",
            f"{theirs}?category=tanks&date={ONE_DAY}&_shape=objects",
        ),
    ]
    try:
        wait_until_up(f"{ours}/api/sources")
        wait_until_up(f"{theirs}?_size=1")
        # attrition renders its most visited pages in the background at startup;
        # asking for them waits until that is done, so no timing shares the CPU
        # with it. Then both servers answer each timed URL once: attrition
        # caches the response, datasette warms SQLite's page cache.
        from attrition.web.warmup import warm_paths

        for path in warm_paths():
            wait_until_up(f"{ours}{path}")
        for _name, our_url, their_url in cases:
            for url in (our_url, their_url):
                if url:
                    wait_until_up(url)
        print(
            f"\n{args.connections} connections, {args.duration} s per URL, wrk -t2 "
            f"({os.cpu_count()} cores)\n"
        )
        header = (
            f"{'query':32} {'server':10} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'× datasette':>12}"
        )
        print(header)
        print("-" * len(header))
        verdicts = []
        for name, our_url, their_url in cases:
            zipped = "gzip" in name
            mine = run_wrk(
                our_url, duration=args.duration, connections=args.connections, gzip=zipped
            )
            other = (
                run_wrk(
                    their_url, duration=args.duration, connections=args.connections, gzip=zipped
                )
                if their_url
                else None
            )
            ratio = mine["rps"] / other["rps"] if other else None
            print(
                f"{name:32} {'attrition':10} {mine['rps']:9.0f} {mine['p50']:8.2f} "
                f"{mine['p99']:8.2f} {(f'{ratio:.1f}×' if ratio else ''):>12}"
            )
            if other:
                print(
                    f"{'':32} {'datasette':10} {other['rps']:9.0f} {other['p50']:8.2f} "
                    f"{other['p99']:8.2f}"
                )
            if mine["non2xx"] or mine["socket_errors"]:
                print(f"  !! attrition answered {mine['non2xx']:.0f} non-2xx / had socket errors")
            if ratio is not None:
                verdicts.append((f"{name}: ≥ {TARGET_RATIO:.0f}× datasette", ratio >= TARGET_RATIO))
            if name.startswith("whole tank"):
                verdicts.append(
                    (f"{name}: p99 ≤ {TARGET_P99_MS:.0f} ms", mine["p99"] <= TARGET_P99_MS)
                )
        print(
            f"\npeak memory: attrition serve {peak_rss_mb(servers[0].pid):.0f} MB, "
            f"datasette {peak_rss_mb(servers[1].pid):.0f} MB"
        )
        for label, ok in verdicts:
            print(f"target {label}: {'met' if ok else 'MISSED'}")
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
