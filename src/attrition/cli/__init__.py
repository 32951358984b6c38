"""The ``attrition`` command line. Each module registers its commands on ``app``."""

from __future__ import annotations

from attrition.cli import (  # noqa: F401  (registers commands)
    check_cmd,
    evidence_cmd,
    extract_cmd,
    feeds_cmd,
    general_staff_cmd,
    import_cmd,
    ledger_cmd,
    news_cmd,
    series_cmd,
    web_cmd,
)
from attrition.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
