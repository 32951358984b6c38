"""Compiles ``attrition.extract`` with mypyc, in place; ``make compile`` runs it.

The extension modules land beside their sources in ``src/attrition/extract`` (one shared
library, ``attrition_extract__mypyc``, lands in ``src``), and ``_compiled.json`` records the
digest of every source compiled, so that ``attrition.extract.compiled`` falls back to the
sources once one of them changes. The extractor runs the same either way, about twice as
fast compiled (docs/benchmarks.md). Needs a C compiler and Python's headers.

    .venv/bin/python tools/compile_extract.py [--opt-level 0-3]
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
BUILD = ROOT / "build" / "mypyc"
GROUP = "attrition_extract"


def load_compiled_module():
    """``attrition/extract/compiled.py`` on its own: importing the package would load the
    extension modules this build is about to replace."""
    path = SRC / "attrition" / "extract" / "compiled.py"
    spec = importlib.util.spec_from_file_location("_attrition_compiled", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def remove_build(folder: Path) -> None:
    """Removes earlier extension modules and their record, so a failed build leaves sources."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for path in [*folder.iterdir(), *SRC.glob(f"{GROUP}__mypyc*")]:
        if path.name.endswith(suffixes) or path.name == "_compiled.json":
            path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opt-level", default="3", choices=["0", "1", "2", "3"])
    args = parser.parse_args()
    compiled = load_compiled_module()
    folder = compiled.FOLDER
    remove_build(folder)
    sources = [str(p.relative_to(SRC)) for p in compiled.compiled_sources(folder)]
    started = time.perf_counter()
    os.chdir(SRC)  # mypyc names modules by their paths from here
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as exc:
        print(f"compile_extract: {exc}; install the dev extra (mypy, setuptools)", file=sys.stderr)
        return 1
    extensions = mypycify(
        sources,
        opt_level=args.opt_level,
        multi_file=True,
        target_dir=str(BUILD),
        group_name=GROUP,
    )
    setup(
        name="attrition-extract-compiled",
        ext_modules=extensions,
        script_args=[
            "--quiet",
            "build_ext",
            "--inplace",
            "--build-temp",
            str(BUILD / "temp"),
            "--build-lib",
            str(BUILD / "lib"),
            "--parallel",
            str(os.cpu_count() or 1),
        ],
    )
    record = compiled.record_build(folder)
    seconds = time.perf_counter() - started
    print(f"compiled {len(sources)} modules of attrition.extract in {seconds:.0f} s", record.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
