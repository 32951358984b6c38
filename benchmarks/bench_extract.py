"""Claim extraction throughput: attrition beside quantulum3 and a bare ``re`` digit scan.

Builds a corpus of at least 5 MB of news-sized texts (the dev set's articles and
the golden texts, repeated), then times, on one core, in one run:

- attrition's ``extract_claims`` over the whole corpus, text by text;
- quantulum3's ``parser.parse`` (a general quantity extractor, with no category,
  side or claimant) over a subsample, extrapolated — it is about fifty times slower;
- ``re.findall(r"\\d+")``, the practical ceiling of any scan of the text.

Then the same two, attrition and the ``re`` scan, on each kind of text apart: a whole
news article (the seed article: prose with its figures scattered), the dev set's
excerpts (chosen for their figures) and our golden texts (written dense with figures
and traps), because the cost follows the figures and attributions a text holds, not
its bytes.

When ``make compile`` has built the extractor (mypyc), the same corpus is also run through
its Python sources, in a child process with ``ATTRITION_PURE_PYTHON=1``, so the two builds
stand side by side.

Throughput is MB of UTF-8 per second; ratios to the ``re`` scan hold on a busy
machine. Peak memory is measured with tracemalloc in a separate pass over a
subsample (tracing slows the code it measures, so it never overlaps a timing).

    .venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import gc
import json
import os
import re
import resource
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from attrition.extract import BUILD, extract_claims  # noqa: E402
from attrition.extract.compiled import PURE_VARIABLE  # noqa: E402

CORPUS_BYTES = 5_000_000
# The bare digit scan on this machine when it is not shared (the "~90 MB/s here");
# attrition's rate at that speed is its rate here scaled by the same factor.
REFERENCE_RE_MB_S = 90
QUANTULUM_SAMPLE_BYTES = 60_000
KIND_BYTES = 1_000_000
# The re scan of 1 MB lasts a few milliseconds; repeated, its timing holds still.
SCAN_REPEATS = 20
# One scan of the 5 MB corpus lasts 0.1-0.2 s, and single scans at 6106a2d ran at 29.6 and
# 50.1 MB/s in two runs (docs/benchmarks.md): the corpus is scanned this many times over.
CORPUS_SCAN_REPEATS = 5
MEMORY_SAMPLE_BYTES = 300_000
# `attrition extract FILE` is started this many times for each start-up figure.
STARTUP_RUNS = 5
SOURCES = [
    ROOT.parent / "shared" / "eval" / "devset.jsonl",
    ROOT / "tests" / "golden" / "own-en.jsonl",
    ROOT / "tests" / "golden" / "own-en-2.jsonl",
    ROOT / "tests" / "golden" / "seed-gold.jsonl",
]


def load_texts() -> list[str]:
    """The English articles of the dev set (when ../shared is there) and the golden texts."""
    texts = [t for path in SOURCES if path.exists() for t in read_records(path)]
    articles = ROOT / "tests" / "fixtures" / "articles"
    texts += [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    return texts


def read_records(path: Path) -> list[str]:
    """The English texts of a JSON-lines file of records."""
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if (record.get("lang") or "en") == "en":
                texts.append(record["text"])
    return texts


def load_kinds() -> dict[str, list[str]]:
    """The texts of each kind: whole articles, the dev set's excerpts, our golden texts."""
    articles = ROOT / "tests" / "fixtures" / "articles"
    kinds = {
        "whole news article": [
            p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))
        ]
    }
    devset = SOURCES[0]
    if devset.exists():
        kinds["dev-set excerpts"] = read_records(devset)
    golden = sorted((ROOT / "tests" / "golden").glob("*.jsonl"))
    kinds["golden texts (ours)"] = [
        t for path in golden if path.name != "seed-gold.jsonl" for t in read_records(path)
    ]
    return kinds


def build_corpus(texts: list[str], size: int) -> list[str]:
    corpus: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            corpus.append(text)
            total += len(text.encode("utf-8"))
            if total >= size:
                break
    return corpus


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def timed(function: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds (the machine may be shared)."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        function(text)
    return time.perf_counter() - start, time.process_time() - cpu


def peak_memory(function: Callable[[str], object], texts: list[str]) -> float:
    gc.collect()
    tracemalloc.start()
    for text in texts:
        function(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def time_sources(corpus_bytes: int) -> tuple[tuple[float, float], float]:
    """Wall and CPU seconds of the extractor's Python sources over the corpus, and their peak
    memory (MB) over the memory sample, measured in a child."""
    done = subprocess.run(
        [sys.executable, __file__, "--sources-only", str(corpus_bytes)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, PURE_VARIABLE: "1"},
    )
    wall, cpu, peak = json.loads(done.stdout)
    return (wall, cpu), peak


def sources_only(corpus_bytes: int) -> None:
    """The child of ``time_sources``: prints its seconds and peak memory as JSON."""
    assert BUILD.mode == "pure", BUILD
    texts = load_texts()
    extract_claims("warm up: Russia lost 1,511 tanks, Kyiv said.")
    wall, cpu = timed(extract_claims, build_corpus(texts, corpus_bytes))
    peak = peak_memory(extract_claims, build_corpus(texts, MEMORY_SAMPLE_BYTES))
    print(json.dumps([wall, cpu, peak]))


def main() -> None:
    texts = load_texts()
    corpus = build_corpus(texts, CORPUS_BYTES)
    sample_q = build_corpus(texts, QUANTULUM_SAMPLE_BYTES)
    sample_m = build_corpus(texts, MEMORY_SAMPLE_BYTES)
    size = megabytes(corpus)
    digits = re.compile(r"\d+")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        def quantulum(text: str) -> object:
            return parser.parse(text)

        quantulum("warm up: 1,511 tanks")
        extract_claims("warm up: Russia lost 1,511 tanks, Kyiv said.")
        claims = sum(len(extract_claims(t)) for t in texts)
        rows = [
            (
                "re.findall(r'\\d+')",
                size * CORPUS_SCAN_REPEATS,
                timed(digits.findall, corpus * CORPUS_SCAN_REPEATS),
                f"whole corpus, {CORPUS_SCAN_REPEATS} times",
            ),
            (
                "attrition extract_claims",
                size,
                timed(extract_claims, corpus),
                f"whole corpus, {BUILD.mode} ({BUILD.reason})",
            ),
            (
                "quantulum3 parser.parse",
                megabytes(sample_q),
                timed(quantulum, sample_q),
                f"{megabytes(sample_q):.2f} MB subsample, extrapolated",
            ),
        ]
        memory = {
            rows[0][0]: peak_memory(digits.findall, sample_m),
            rows[1][0]: peak_memory(extract_claims, sample_m),
            rows[2][0]: peak_memory(quantulum, sample_q[:20]),
        }
        if BUILD.mode == "compiled":
            name = "  the same, Python sources"
            seconds, memory[name] = time_sources(CORPUS_BYTES)
            rows.insert(2, (name, size, seconds, "whole corpus, in a child"))

    ceiling = rows[0][1] / rows[0][2][1]
    print(f"corpus: {len(corpus)} texts, {size:.2f} MB ({len(texts)} distinct, {claims} claims)")
    print(f"{'tool':28} {'MB/s wall':>10} {'MB/s CPU':>9} {'x re scan':>10} {'peak MB':>8}  note")
    for name, mb, (wall, cpu), note in rows:
        rate = mb / cpu
        print(
            f"{name:28} {mb / wall:10.3f} {rate:9.3f} {rate / ceiling:10.4f} "
            f"{memory[name]:8.1f}  {note}"
        )
    ours = rows[1][1] / rows[1][2][1]
    theirs = rows[-1][1] / rows[-1][2][1]
    print(f"attrition is {ours / theirs:.0f}x quantulum3 and {ceiling / ours:.0f}x slower than re")
    reference = REFERENCE_RE_MB_S * ours / ceiling
    print(f"at the re scan's {REFERENCE_RE_MB_S} MB/s of a quiet machine: {reference:.2f} MB/s")
    print_kinds(digits)
    print_startup()


# Run in each child: a module as ``python -m`` would (or nothing), then the child's own peak
# resident memory on stderr. The kernel's rusage maximum for a child counts the pages it
# shared with this process before exec, so the child reads its own high-water mark instead.
PEAK_PROBE = """
import atexit, runpy, sys
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("peak-kB " + line.split()[1] + "\\n")
atexit.register(report)
sys.argv = sys.argv[1:]
if sys.argv:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def run_children(module_args: list[str], runs: int) -> tuple[float, float]:
    """CPU seconds per run of ``python -m MODULE ARGS`` (or a bare start for ``[]``) in a child
    process, and the children's largest peak resident memory (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    peak_kb = 0
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PEAK_PROBE, *module_args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        peaks = [
            int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("peak-kB")
        ]
        peak_kb = max([peak_kb, *peaks])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return cpu / runs, peak_kb / 1024


def print_startup() -> None:
    """One article through the command line, beside a bare Python start, both in child processes.

    For a single article the start-up, not the extraction (milliseconds), is what a user waits for.
    """
    article = next(iter(sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))))
    rows = [
        ("python (bare start)", run_children([], STARTUP_RUNS)),
        (
            "attrition extract ARTICLE --json",
            run_children(["attrition", "extract", str(article), "--json"], STARTUP_RUNS),
        ),
    ]
    floor = rows[0][1][0]
    print(f"\ncommand-line start-up, one article ({article.name}), {STARTUP_RUNS} runs each:")
    print(f"{'command':34} {'CPU s/run':>9} {'x python':>9} {'peak RSS MB':>12}")
    for name, (cpu, rss) in rows:
        print(f"{name:34} {cpu:9.3f} {cpu / floor:9.1f} {rss:12.1f}")


def print_kinds(digits: re.Pattern[str]) -> None:
    """attrition beside the re scan on each kind of text, both timed in this run."""
    print(f"\nby kind of text ({KIND_BYTES / 1e6:.1f} MB of each, repeated):")
    print(
        f"{'kind':22} {'texts':>5} {'claims/KB':>9} {'MB/s CPU':>9} {'x re scan':>10} "
        f"{'at ' + str(REFERENCE_RE_MB_S) + ' MB/s':>10}"
    )
    for kind, texts in load_kinds().items():
        if not texts:
            continue
        corpus = build_corpus(texts, KIND_BYTES)
        size = megabytes(corpus)
        density = sum(len(extract_claims(t)) for t in texts) / (megabytes(texts) * 1000)
        ours = size / timed(extract_claims, corpus)[1]
        ceiling = SCAN_REPEATS * size / timed(digits.findall, corpus * SCAN_REPEATS)[1]
        print(
            f"{kind:22} {len(texts):5} {density:9.2f} {ours:9.3f} {ours / ceiling:10.4f} "
            f"{REFERENCE_RE_MB_S * ours / ceiling:10.2f}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--sources-only"]:
        sources_only(int(sys.argv[2]))
    else:
        main()
