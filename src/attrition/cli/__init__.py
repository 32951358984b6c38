"""The ``attrition`` command line. Each ``*_cmd`` module registers its commands on ``app``.

A command's module is loaded only when that command runs, so that ``attrition extract``
starts without SQLAlchemy, Alembic, pyarrow or trafilatura, which other commands need.
``app`` itself (for tests and embedding) has every command registered.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from attrition.cli.application import app

__all__ = ["COMMAND_MODULES", "app", "main", "register_commands"]

# Which modules register each top-level command (a group lists every module adding to it).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "check": ("check_cmd",),
    "recheck": ("check_cmd",),
    "extract": ("extract_cmd",),
    "import": ("import_cmd", "general_staff_cmd", "evidence_cmd"),
    "sync": ("general_staff_cmd",),
    "evidence": ("evidence_cmd",),
    "compare": ("evidence_cmd",),
    "feeds": ("feeds_cmd",),
    "poll": ("feeds_cmd",),
    "watch": ("feeds_cmd",),
    "init": ("ledger_cmd",),
    "sources": ("ledger_cmd",),
    "news": ("news_cmd",),
    "related": ("news_cmd",),
    "document": ("news_cmd",),
    "add-url": ("news_cmd",),
    "add-file": ("news_cmd",),
    "series": ("series_cmd",),
    "history": ("series_cmd",),
    "reconcile": ("series_cmd",),
    "export": ("series_cmd",),
    "serve": ("web_cmd",),
    "demo": ("web_cmd",),
}
ALL_MODULES = tuple(dict.fromkeys(m for modules in COMMAND_MODULES.values() for m in modules))


def register_commands(modules: tuple[str, ...] = ALL_MODULES) -> None:
    """Import the command modules named (all by default), which registers their commands."""
    for module in modules:
        import_module(f"attrition.cli.{module}")


def __getattr__(name: str) -> Any:
    if name == "app":
        register_commands()
        from attrition.cli.application import app

        return app
    raise AttributeError(f"module 'attrition.cli' has no attribute {name!r}")


def main() -> None:
    """Console-script entry point: load the invoked command's module (every one for help)."""
    from attrition.cli.application import app

    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    register_commands(COMMAND_MODULES.get(command or "", ALL_MODULES))
    app()
