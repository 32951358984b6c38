"""Instructions per pass of claim extraction: this tree beside an earlier revision, in one run.

Seconds move with the machine's load; instruction counts do not. valgrind's callgrind counts
the instructions of ``extract_claims`` over the English texts (the dev set's excerpts when
``../shared`` is there, and the golden texts), once with one pass and once with three; the
difference, halved, is one warm pass, free of start-up and lexicon loading. Hash seeds are
fixed, so the same tree gives the same count twice. REV's tree runs from its sources; this
tree runs from its sources and, when ``make compile`` has built it, compiled.

    .venv/bin/python benchmarks/bench_instructions.py [REV]   # REV defaults to HEAD~1

Needs valgrind (Debian's package) and git; about a minute per tree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_extract import load_texts  # noqa: E402

from attrition.extract import BUILD  # noqa: E402
from attrition.extract.compiled import PURE_VARIABLE  # noqa: E402

# One pass and three: their difference is two warm passes.
SHORT_RUN, LONG_RUN = 1, 3
_COLLECTED = re.compile(r"Collected : (\d+)")
PASSES_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from attrition.extract import extract_claims
texts = json.load(open(sys.argv[2], encoding="utf-8"))
for _ in range(int(sys.argv[3])):
    for text in texts:
        extract_claims(text)
"""


def instructions(src: Path, texts_file: Path, passes: int, *, sources: bool) -> int:
    """The instructions callgrind counts for ``passes`` passes of the tree at ``src``, run
    from its Python sources or, where it is built, compiled."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            PASSES_SCRIPT,
            str(src),
            str(texts_file),
            str(passes),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0", PURE_VARIABLE: "1" if sources else "0"},
        check=True,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count for {src}:\n{done.stderr[-500:]}")
    return int(found.group(1))


def per_pass(src: Path, texts_file: Path, *, sources: bool = True) -> float:
    """Millions of instructions in one warm pass over the texts."""
    short = instructions(src, texts_file, SHORT_RUN, sources=sources)
    long = instructions(src, texts_file, LONG_RUN, sources=sources)
    return (long - short) / (LONG_RUN - SHORT_RUN) / 1e6


def export_tree(rev: str, into: Path) -> Path:
    """The ``src`` folder of revision ``rev``, written under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def main() -> None:
    rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD~1"
    if shutil.which("valgrind") is None:
        print("bench_instructions: skipped, valgrind is not installed (apt install valgrind)")
        return
    texts = load_texts()
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        try:
            old_src = export_tree(rev, Path(tmp))
        except subprocess.CalledProcessError:
            print(f"bench_instructions: skipped, revision {rev!r} is not in this clone")
            return
        rows = [
            (f"{rev} (sources)", per_pass(old_src, texts_file)),
            ("this tree (sources)", per_pass(ROOT / "src", texts_file)),
        ]
        if BUILD.mode == "compiled":
            rows.append(("this tree (compiled)", per_pass(ROOT / "src", texts_file, sources=False)))
    print(f"instructions per pass over {len(texts)} texts ({size:.2f} MB), PYTHONHASHSEED=0:")
    print(f"{'tree':30} {'M instructions':>15} {'M per MB':>10} {'x ' + rev:>10}")
    for name, count in rows:
        print(f"{name:30} {count:15.1f} {count / size:10.1f} {count / rows[0][1]:10.3f}")


if __name__ == "__main__":
    main()
