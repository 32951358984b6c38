"""How well, and how fast, reconcile settles disagreements between two transcriptions.

Quality: the reconciled bundled General Staff series serve as the truth; a copy
gets ``ERRORS`` transcription errors injected (one digit changed, two adjacent
digits swapped, a digit dropped or doubled, the previous or next day's value
copied, ±1..3, ±10), on days at least two apart, for each of ``SEEDS``. For
each setting of the plausibility thresholds the script prints the share of
injected errors resolved, and how many were resolved the wrong way. The
settings in ``attrition.reconcile`` (PLAUSIBLE_Z, IMPLAUSIBLE_Z) were chosen
from this table.

Speed: reconciling the whole bundled ledger (pure, no database) beside pandas
merging the two transcriptions and counting the unequal values — the reference.

Run: ``.venv/bin/python benchmarks/bench_reconcile.py``
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable

import pandas as pd

import attrition.reconcile as reconcile
from attrition.ledger import ClaimantFigure
from attrition.sources.general_staff import BUNDLED_FILES, JSON_PARSERS, parse_general_staff_csv

ERRORS = 500
SEEDS = (0, 1, 2, 3)
KINDS = ("digit", "swap", "drop", "double", "stale", "ahead", "small", "ten")
SETTINGS = {
    "neighbours only": (-1.0, 99.0),
    "2.0 / 3.0 (chosen)": (2.0, 3.0),
    "3.5 / 3.5": (3.5, 3.5),
    "1.5 / 2.0": (1.5, 2.0),
    "1.0 / 1.0": (1.0, 1.0),
}


def bundled_figures() -> list[ClaimantFigure]:
    figures: list[ClaimantFigure] = []
    for role in ("equipment", "personnel"):
        for r in JSON_PARSERS[role](BUNDLED_FILES[role].read_bytes()).records:
            figures.append(
                ClaimantFigure(
                    "gs-petroivaniuk", r.subject, r.category, r.as_of, r.value, r.qualifier
                )
            )
    for r in parse_general_staff_csv(BUNDLED_FILES["csv"].read_bytes()).records:
        figures.append(
            ClaimantFigure("gs-minfin", r.subject, r.category, r.as_of, r.value, r.qualifier)
        )
    return figures


def corrupt(kind: str, value: int, before: int, after: int, rng: random.Random) -> int | None:
    text = str(value)
    if kind == "digit":
        i = rng.randrange(len(text))
        digits = [d for d in "0123456789" if d != text[i] and not (i == 0 and d == "0")]
        return int(text[:i] + rng.choice(digits) + text[i + 1 :]) if digits else None
    if kind == "swap":
        spots = [
            i
            for i in range(len(text) - 1)
            if text[i] != text[i + 1] and not (i == 0 and text[1] == "0")
        ]
        if not spots:
            return None
        i = rng.choice(spots)
        return int(text[:i] + text[i + 1] + text[i] + text[i + 2 :])
    if kind == "drop":
        i = rng.randrange(len(text))
        rest = text[:i] + text[i + 1 :]
        return int(rest) if rest and rest[0] != "0" else None
    if kind == "double":
        i = rng.randrange(len(text))
        return int(text[:i] + text[i] + text[i:])
    if kind == "stale":
        return before
    if kind == "ahead":
        return after
    if kind == "small":
        return value + rng.choice([-3, -2, -1, 1, 2, 3])
    return value + rng.choice([-10, 10])


def injected_run(
    truth: dict[tuple[str, str], list[reconcile.SeriesPoint]], seed: int
) -> dict[str, Counter[str]]:
    rng = random.Random(seed)
    keys = sorted(truth)
    errors: dict[tuple[tuple[str, str], object], tuple[str, int]] = {}
    while len(errors) < ERRORS:
        key = rng.choice(keys)
        points = truth[key]
        i = rng.randrange(1, len(points) - 1)
        if any(
            (key, points[j].date) in errors for j in range(i - 2, i + 3) if 0 <= j < len(points)
        ):
            continue
        kind = rng.choice(KINDS)
        wrong = corrupt(kind, points[i].value, points[i - 1].value, points[i + 1].value, rng)
        if wrong is not None and wrong >= 0 and wrong != points[i].value:
            errors[(key, points[i].date)] = (kind, wrong)
    rows = []
    for (subject, category), points in truth.items():
        for p in points:
            rows.append(ClaimantFigure("a", subject, category, p.date, p.value, "exact"))
            wrong = errors.get(((subject, category), p.date), ("", p.value))[1]
            rows.append(ClaimantFigure("b", subject, category, p.date, wrong, "exact"))
    result = reconcile.reconcile_figures(rows, anomalies=False)
    outcome = {
        ((d.subject, d.category), d.date): "unresolved"
        if d.resolved is None
        else ("right" if d.likely_errors == ["b"] else "wrong")
        for d in result.disagreements
    }
    by_kind: dict[str, Counter[str]] = {}
    for where, (kind, _) in errors.items():
        by_kind.setdefault(kind, Counter())[outcome[where]] += 1
    return by_kind


def timed(run: Callable[[], object], repeats: int = 3) -> tuple[float, float]:
    walls = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        walls.append(time.perf_counter() - start)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(walls), peak


def main() -> int:
    figures = bundled_figures()
    truth = {
        key: points
        for key, points in reconcile.reconcile_figures(figures, anomalies=False).series.items()
        if len(points) > 100
    }
    print(f"quality: {ERRORS} injected errors × {len(SEEDS)} seeds over {len(truth)} series")
    print(f"{'PLAUSIBLE_Z / IMPLAUSIBLE_Z':<28} {'resolved':>9} {'wrong':>6} {'unresolved':>11}")
    chosen_by_kind: dict[str, Counter[str]] = {}
    saved = reconcile.PLAUSIBLE_Z, reconcile.IMPLAUSIBLE_Z
    for label, (plausible, implausible) in SETTINGS.items():
        reconcile.PLAUSIBLE_Z, reconcile.IMPLAUSIBLE_Z = plausible, implausible
        total: Counter[str] = Counter()
        kinds: dict[str, Counter[str]] = {}
        for seed in SEEDS:
            for kind, counts in injected_run(truth, seed).items():
                total.update(counts)
                kinds.setdefault(kind, Counter()).update(counts)
        n = sum(total.values())
        resolved = total["right"] + total["wrong"]
        print(
            f"{label:<28} {resolved / n:>9.1%} {total['wrong']:>6} {total['unresolved'] / n:>11.1%}"
        )
        if "chosen" in label:
            chosen_by_kind = kinds
    reconcile.PLAUSIBLE_Z, reconcile.IMPLAUSIBLE_Z = saved
    print("\nby kind of error, chosen setting:")
    for kind in KINDS:
        counts = chosen_by_kind.get(kind, Counter())
        n = sum(counts.values()) or 1
        print(f"  {kind:<8} resolved {counts['right'] / n:>6.1%}  wrong {counts['wrong']}  (n={n})")

    frame = pd.DataFrame(figures)
    minfin = frame[frame.source == "gs-minfin"][["subject", "category", "as_of", "value"]]
    petro = frame[frame.source == "gs-petroivaniuk"][["subject", "category", "as_of", "value"]]

    def pandas_compare() -> int:
        merged = minfin.merge(petro, on=["subject", "category", "as_of"])
        return int((merged.value_x != merged.value_y).sum())

    steps = {
        "pandas merge + count unequal": timed(pandas_compare),
        "reconcile (with anomalies)": timed(lambda: reconcile.reconcile_figures(figures)),
        "reconcile (values only)": timed(
            lambda: reconcile.reconcile_figures(figures, anomalies=False)
        ),
    }
    reference = steps["pandas merge + count unequal"][0]
    print(f"\n{'step':<30} {'wall s':>8} {'× pandas':>9} {'peak MiB':>9}")
    for step, (wall, peak) in steps.items():
        print(f"{step:<30} {wall:>8.3f} {wall / reference:>9.1f} {peak:>9.1f}")
    print(f"(pandas finds {pandas_compare()} unequal values; reconcile explains each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
