"""The compiled extractor (mypyc) and its fallback to the Python sources.

``make compile`` builds extension modules beside the sources; ``attrition.extract.compiled``
loads them only while every source still matches the digest recorded at build time.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import attrition
from attrition.extract.compiled import PURE_VARIABLE, inspect, record_build

GOLDEN = Path(__file__).parent / "golden"
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
SOURCE_ROOT = Path(attrition.__file__).resolve().parent.parent


def _child(code: str, *, root: Path = SOURCE_ROOT, **env: str) -> subprocess.CompletedProcess:
    """Runs ``code`` in a fresh interpreter that imports attrition from ``root``."""
    environment = {k: v for k, v in os.environ.items() if k != PURE_VARIABLE}
    environment.update(env, PYTHONPATH=str(root))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=False
    )


def _fake_build(folder: Path) -> None:
    """Two sources and an extension module's name beside one: what ``inspect`` looks at."""
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "alpha.py").write_text("X = 1\n", encoding="utf-8")
    (folder / "beta.py").write_text("Y = 2\n", encoding="utf-8")
    (folder / f"alpha{SUFFIX}").write_bytes(b"")


def test_a_folder_without_extension_modules_runs_its_sources(tmp_path: Path) -> None:
    (tmp_path / "alpha.py").write_text("X = 1\n", encoding="utf-8")
    build = inspect(tmp_path)
    assert (build.mode, build.shadowed) == ("pure", False)
    assert "make compile" in build.reason


def test_a_recorded_build_runs_compiled_until_a_source_changes(tmp_path: Path) -> None:
    _fake_build(tmp_path)
    record_build(tmp_path)
    assert inspect(tmp_path).mode == "compiled"
    (tmp_path / "beta.py").write_text("Y = 3\n", encoding="utf-8")
    build = inspect(tmp_path)
    assert (build.mode, build.shadowed) == ("pure", True)
    assert build.reason == "changed since it was compiled: beta.py"


def test_a_source_added_after_the_build_counts_as_a_change(tmp_path: Path) -> None:
    _fake_build(tmp_path)
    record_build(tmp_path)
    (tmp_path / "gamma.py").write_text("Z = 4\n", encoding="utf-8")
    assert inspect(tmp_path).reason == "changed since it was compiled: gamma.py"


@pytest.mark.parametrize("record", ["", "{not json", '{"sources": {}}', "[1, 2]"])
def test_an_unreadable_record_means_sources(tmp_path: Path, record: str) -> None:
    _fake_build(tmp_path)
    (tmp_path / "_compiled.json").write_text(record, encoding="utf-8")
    build = inspect(tmp_path)
    assert (build.mode, build.shadowed) == ("pure", True)
    assert "_compiled.json" in build.reason


def test_a_build_for_another_interpreter_means_sources(tmp_path: Path) -> None:
    _fake_build(tmp_path)
    path = record_build(tmp_path)
    record = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**record, "cache_tag": "cpython-399"}), encoding="utf-8")
    assert inspect(tmp_path).reason == f"built for cpython-399, not {sys.implementation.cache_tag}"


def test_the_variable_loads_every_module_from_its_source() -> None:
    done = _child(
        "import attrition.extract as e\n"
        "from attrition.extract import claims, tokens\n"
        "print(e.BUILD.mode, claims.__file__.endswith('.py'), tokens.__file__.endswith('.py'))",
        **{PURE_VARIABLE: "1"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["pure", "True", "True"]
    assert "Warning" not in done.stderr


def _golden_batch(folder: Path) -> Path:
    """Every golden record, as ``attrition extract --jsonl`` reads them."""
    batch = folder / "golden.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        for path in sorted(GOLDEN.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    out.write(json.dumps({**record, "id": f"{path.stem}/{record['id']}"}) + "\n")
    return batch


def test_compiled_and_source_extractors_give_the_same_claims(
    compiled_extractor: None, tmp_path: Path
) -> None:
    run = "import sys; from attrition.cli import main; sys.argv[1:] = {!r}; main()"
    batch = _golden_batch(tmp_path)
    arguments = ["extract", "--jsonl", str(batch)]
    compiled = _child(run.format(arguments))
    pure = _child(run.format(arguments), **{PURE_VARIABLE: "1"})
    assert compiled.returncode == pure.returncode == 0, compiled.stderr + pure.stderr
    claims = [json.loads(line)["claims"] for line in compiled.stdout.splitlines()]
    assert len(claims) > 300 and sum(map(len, claims)) > 1500
    assert compiled.stdout == pure.stdout


def test_a_source_edited_after_the_build_is_not_shadowed(
    compiled_extractor: None, tmp_path: Path
) -> None:
    shutil.copytree(SOURCE_ROOT / "attrition", tmp_path / "attrition")
    for library in SOURCE_ROOT.glob(f"attrition_extract__mypyc*{SUFFIX}"):
        shutil.copy(library, tmp_path)
    tokens = tmp_path / "attrition" / "extract" / "tokens.py"
    tokens.write_text(tokens.read_text(encoding="utf-8") + "\nEDITED = True\n", encoding="utf-8")
    done = _child(
        "import attrition.extract as e, attrition.extract.tokens as t;"
        "print(e.BUILD.mode, t.EDITED, e.extract_claims('Russia lost 1,511 tanks.')[0].value)",
        root=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["pure", "True", "1511"]
    assert "changed since it was compiled: tokens.py" in done.stderr
    assert "make compile" in done.stderr
