"""The CLI loads only the invoked command's module, so light commands start fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main

from attrition.cli import COMMAND_MODULES, app

ARTICLE = (
    Path(__file__).parent / "fixtures" / "articles" / "express-2022-06-putins-losses-exposed.txt"
)
HEAVY = ("sqlalchemy", "alembic", "pyarrow", "trafilatura", "httpx", "fastapi")
# Runs the console-script entry point as a user's shell would, then names the heavy
# libraries it loaded.
PROBE = """
import sys
sys.argv = ["attrition", *sys.argv[1:]]
from attrition.cli import main
try:
    main()
except SystemExit:
    pass
print(" ".join(k for k in {heavy!r} if k in sys.modules), file=sys.stderr)
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    probe = PROBE.format(heavy=HEAVY)
    return subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120
    )


def test_every_registered_command_is_mapped_to_the_modules_that_register_it() -> None:
    group = typer.main.get_command(app)
    registered: dict[str, set[str]] = {}
    for name, command in group.commands.items():
        leaves = getattr(command, "commands", None)
        callbacks = [c.callback for c in leaves.values()] if leaves else [command.callback]
        registered[name] = {f.__module__.rsplit(".", 1)[-1] for f in callbacks if f}
    mapped = {name: set(modules) for name, modules in COMMAND_MODULES.items()}
    assert set(mapped) == set(registered)
    assert all(registered[name] <= mapped[name] for name in registered)


def test_extracting_a_text_file_loads_no_database_export_or_web_library() -> None:
    done = _run("extract", str(ARTICLE), "--json")
    assert done.returncode == 0, done.stderr
    assert '"category": "tanks"' in done.stdout
    assert done.stderr.strip() == ""


def test_a_ledger_command_still_loads_the_database_layer(tmp_path: Path) -> None:
    done = _run("sources", "--db", f"sqlite:///{tmp_path / 'ledger.db'}", "--json")
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" in done.stderr.split()


def test_help_lists_every_command() -> None:
    done = _run("--help")
    assert all(f" {name} " in done.stdout for name in ("extract", "series", "serve", "import"))
