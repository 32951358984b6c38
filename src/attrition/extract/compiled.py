"""Whether the extractor runs compiled (mypyc) or as its Python sources, and why.

``make compile`` (part of ``make install``) compiles this package's modules with mypyc into
extension modules beside their sources, and records each source's digest in
``_compiled.json``. Python prefers an extension module to a source of the same name, so a
source edited after the build would be shadowed by stale machine code. Before any other
module of the package is imported, :func:`choose` checks the record: when a source no longer
matches it (or ``ATTRITION_PURE_PYTHON=1`` asks for it), the package's modules are loaded
from their sources instead. This module itself is never compiled.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from dataclasses import dataclass
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Final

PACKAGE: Final = __name__.rpartition(".")[0]
FOLDER: Final = Path(__file__).resolve().parent
RECORD: Final = FOLDER / "_compiled.json"
# Modules that always run as Python: this one, and the package's __init__ that calls it.
NEVER_COMPILED: Final = frozenset({"__init__.py", "compiled.py"})
PURE_VARIABLE: Final = "ATTRITION_PURE_PYTHON"


@dataclass(frozen=True)
class Build:
    """How the extractor runs in this process: ``compiled`` or ``pure``, and why."""

    mode: str
    reason: str
    shadowed: bool = False  # compiled modules are there, but they must not be loaded


def compiled_sources(folder: Path = FOLDER) -> list[Path]:
    """The package's sources that ``make compile`` compiles, in name order."""
    return sorted(p for p in folder.glob("*.py") if p.name not in NEVER_COMPILED)


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_build(folder: Path = FOLDER) -> Path:
    """Writes ``_compiled.json``: the digest of each source as it was compiled."""
    record = {
        "cache_tag": sys.implementation.cache_tag,
        "sources": {p.name: digest(p) for p in compiled_sources(folder)},
    }
    path = folder / RECORD.name
    path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def inspect(folder: Path = FOLDER) -> Build:
    """Whether the compiled modules in ``folder`` are there and match their sources."""
    if not any(folder.glob("*" + importlib.machinery.EXTENSION_SUFFIXES[0])):
        return Build("pure", "not compiled (make compile builds it)")
    if os.environ.get(PURE_VARIABLE) == "1":
        return Build("pure", f"{PURE_VARIABLE}=1", shadowed=True)
    try:
        record = json.loads((folder / RECORD.name).read_text(encoding="utf-8"))
        built = dict(record["sources"])
        tag = record["cache_tag"]
    except (OSError, ValueError, KeyError, TypeError):
        return Build("pure", f"{RECORD.name} is missing or unreadable", shadowed=True)
    if tag != sys.implementation.cache_tag:
        return Build("pure", f"built for {tag}, not {sys.implementation.cache_tag}", shadowed=True)
    current = {p.name: digest(p) for p in compiled_sources(folder)}
    changed = sorted(n for n in current.keys() | built.keys() if current.get(n) != built.get(n))
    if changed:
        return Build("pure", f"changed since it was compiled: {', '.join(changed)}", shadowed=True)
    return Build("compiled", "mypyc")


class _SourcesFirst:
    """An import finder that loads this package's modules from their ``.py`` sources."""

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        source = FOLDER / f"{name}.py"
        if package != PACKAGE or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def choose() -> Build:
    """Decides, once per process, whether the package's modules load compiled or as sources."""
    global CHOSEN
    if CHOSEN is None:
        CHOSEN = inspect()
        if CHOSEN.shadowed:
            sys.meta_path.insert(0, _SourcesFirst())
            if os.environ.get(PURE_VARIABLE) != "1":
                warnings.warn(
                    f"attrition.extract runs from its Python sources: the compiled modules are "
                    f"stale ({CHOSEN.reason}); run `make compile` to rebuild them",
                    RuntimeWarning,
                    stacklevel=3,
                )
    return CHOSEN


CHOSEN: Build | None = None
