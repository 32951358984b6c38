"""Import and reconcile the General Staff series, beside pandas reading the same files.

Steps, each on a fresh SQLite ledger file (migrations are not timed):

- parse: attrition's four parsers (validation, category mapping, merged parts
  summed) beside ``pandas.read_json`` ×3 + ``pandas.read_csv`` of the same
  bytes (no validation or mapping at all) — the reference;
- full import: parse and store both transcriptions (~44,600 observations) in
  one transaction — target ≤ 0.5 s;
- unchanged re-import: the same files again (hash fast path) — target ≤ 0.3 s;
- changed re-import: the CSV with one figure edited (full parse, one revision);
- reconcile: read both transcriptions back and reconcile every series, with
  decreases and outliers (``attrition reconcile``), and without
  (``load_reconciled_table``, what claim checking loads once).

Times are the median of ``REPEATS`` runs (wall clock, with CPU time beside it,
since the machine is shared); peak memory is measured in a separate run under
tracemalloc so that tracing does not slow the timed runs.

Run: ``.venv/bin/python benchmarks/bench_import.py``
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from attrition.ledger import Ledger
from attrition.reconcile import load_reconciled_ledger, load_reconciled_table
from attrition.sources.general_staff import (
    BUNDLED_FILES,
    JSON_PARSERS,
    import_general_staff_csv,
    import_general_staff_json,
    parse_general_staff_csv,
)

REPEATS = 5
TARGETS = {"full import": 0.5, "unchanged re-import": 0.3}
DATA = {role: path.read_bytes() for role, path in BUNDLED_FILES.items()}
JSON_ROLES = ("equipment", "personnel", "corrections")


def pandas_read() -> None:
    for role in JSON_ROLES:
        pd.read_json(io.BytesIO(DATA[role]))
    pd.read_csv(io.BytesIO(DATA["csv"]))


def attrition_parse() -> None:
    for role in JSON_ROLES:
        JSON_PARSERS[role](DATA[role], name=role)
    parse_general_staff_csv(DATA["csv"], name="csv")


def import_all(ledger: Ledger, csv_bytes: bytes | None = None) -> None:
    with ledger.transaction() as connection:
        import_general_staff_json(
            connection, {role: (f"bench/{role}.json", DATA[role]) for role in JSON_ROLES}
        )
        import_general_staff_csv(connection, "bench/minfin.csv", csv_bytes or DATA["csv"])


def fresh_ledger(folder: Path, name: str) -> Ledger:
    return Ledger.open(f"sqlite:///{folder / name}")


def measure(run: Callable[[], Any], setup: Callable[[], Any] | None = None) -> dict[str, float]:
    """Median wall and CPU seconds of REPEATS runs, then peak MiB of one traced run."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        if setup:
            setup()
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    if setup:
        setup()
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "peak_mib": peak / 2**20,
    }


def main() -> int:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results["pandas read_json×3 + read_csv"] = measure(pandas_read)
        results["parse (attrition)"] = measure(attrition_parse)

        state: dict[str, Ledger] = {}
        counter = iter(range(10_000))

        def new_ledger() -> None:
            if "ledger" in state:
                state["ledger"].dispose()
            state["ledger"] = fresh_ledger(folder, f"full-{next(counter)}.db")

        results["full import"] = measure(lambda: import_all(state["ledger"]), new_ledger)

        base = fresh_ledger(folder, "base.db")
        import_all(base)
        results["unchanged re-import"] = measure(lambda: import_all(base))
        edited = DATA["csv"].replace(b"2022-06-25,122,34700,1511,", b"2022-06-25,122,34700,1510,")
        flip = iter(range(10_000))
        results["changed re-import (1 revision)"] = measure(
            lambda: import_all(base, edited if next(flip) % 2 == 0 else DATA["csv"])
        )

        def reconcile_report() -> None:
            with base.connect() as connection:
                load_reconciled_ledger(connection)

        def reconcile_table() -> None:
            with base.connect() as connection:
                load_reconciled_table(connection)

        results["reconcile (report)"] = measure(reconcile_report)
        results["reconciled table (no anomalies)"] = measure(reconcile_table)
        with base.connect() as connection:
            report = load_reconciled_ledger(connection)
        base.dispose()
        state["ledger"].dispose()

    reference = results["pandas read_json×3 + read_csv"]["wall"]
    print(f"{'step':<34} {'wall s':>8} {'cpu s':>8} {'× pandas':>9} {'peak MiB':>9}  target")
    for step, figures in results.items():
        target = TARGETS.get(step)
        verdict = ""
        if target is not None:
            verdict = f"≤ {target} s {'ok' if figures['wall'] <= target else 'MISSED'}"
        print(
            f"{step:<34} {figures['wall']:>8.3f} {figures['cpu']:>8.3f} "
            f"{figures['wall'] / reference:>9.1f} {figures['peak_mib']:>9.1f}  {verdict}"
        )
    print(
        f"\nreconcile: {report.compared:,} values compared, {len(report.disagreements)} "
        f"disagreements ({len(report.unresolved)} unresolved), {len(report.decreases)} "
        f"decreases, {len(report.outliers)} outlier days"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
