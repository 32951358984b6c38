"""Score the extractor on the labelled dev set with ``../shared/eval/score.py``.

Runs ``attrition extract --jsonl`` (the interface the held-back set is scored
through) over the dev set, the seed article's gold and the golden texts in
``tests/golden``, then prints score.py's figures for each: the whole dev set,
its English records, every other language, the seed, and the golden files.

    .venv/bin/python benchmarks/eval_devset.py [--verbose]

``--verbose`` passes through to score.py, which then lists every missed and
every spurious claim. Needs ``../shared`` (not shipped with the repository).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SCORE = SHARED / "score.py"


def predict(records: list[dict], workdir: Path, name: str) -> Path:
    """Write the records as extractor input and run the CLI over them."""
    source = workdir / f"{name}.in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "attrition", "extract", "--jsonl", str(source)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    out = workdir / f"{name}.pred.jsonl"
    out.write_text(result.stdout, "utf-8")
    return out


def score(records: list[dict], workdir: Path, name: str, verbose: bool) -> dict:
    gold = workdir / f"{name}.gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    pred = predict(records, workdir, name)
    if verbose:
        print(f"--- {name}")
        subprocess.run([sys.executable, str(SCORE), str(gold), str(pred), "--verbose"], check=True)
    result = subprocess.run(
        [sys.executable, str(SCORE), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def load(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main() -> int:
    if not SCORE.exists():
        print(f"{SCORE} not found: this evaluation needs the shared dev set", file=sys.stderr)
        return 1
    verbose = "--verbose" in sys.argv
    dev = load(SHARED / "devset.jsonl")
    sets: list[tuple[str, list[dict]]] = [
        ("dev (all)", dev),
        ("dev (en)", [r for r in dev if r.get("lang") == "en"]),
        ("dev (other)", [r for r in dev if r.get("lang") != "en"]),
        ("seed", load(SHARED / "seed-gold.jsonl")),
    ]
    for path in sorted((ROOT / "tests" / "golden").glob("*.jsonl")):
        sets.append((f"golden {path.stem}", load(path)))
    columns = ["gold_claims", "predicted", "precision", "recall", "f1"]
    columns += ["claimant_agreement", "basis_agreement", "as_of_agreement", "qualifier_agreement"]
    header = ["set", "gold", "pred", "P", "R", "F1", "claimant", "basis", "as_of", "qualifier"]
    print(" ".join(f"{h:>20}" if i == 0 else f"{h:>9}" for i, h in enumerate(header)))
    with tempfile.TemporaryDirectory() as tmp:
        for name, records in sets:
            if not records:
                continue
            result = score(
                records,
                Path(tmp),
                name.replace(" ", "_").replace("(", "").replace(")", ""),
                verbose,
            )
            cells = [
                f"{result[c]:9.3f}" if isinstance(result[c], float) else f"{result[c]:9}"
                for c in columns
            ]
            print(f"{name:>20} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
