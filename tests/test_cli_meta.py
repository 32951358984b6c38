"""Every CLI command has help text ending in an example, and appears in the README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from attrition.cli import app

README = Path(__file__).parents[1] / "README.md"


def _commands() -> dict[str, Any]:
    """Every leaf command by its full name (``feeds add``), from Typer's click tree."""
    found: dict[str, Any] = {}

    def walk(prefix: str, cmd: Any) -> None:
        for name, sub in cmd.commands.items():
            full = f"{prefix} {name}".strip()
            if hasattr(sub, "commands"):
                walk(full, sub)
            else:
                found[full] = sub

    walk("", typer.main.get_command(app))
    return found


def test_every_command_has_help_with_an_example() -> None:
    missing = [name for name, cmd in _commands().items() if "Example:" not in (cmd.help or "")]
    assert missing == []


def test_every_command_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    undocumented = [name for name in _commands() if f"attrition {name}" not in readme]
    assert undocumented == []
