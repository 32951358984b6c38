"""The snapshot of every input shipped inside the package, for offline use.

Each importer module adds its bundled inputs to ``BUNDLED_IMPORTS`` with
:func:`register_bundled`; ``attrition import --bundled`` runs them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from attrition.settings import DATA_DIR

BUNDLED_DIR = DATA_DIR


@dataclass(frozen=True)
class BundledImport:
    """One bundled input and the function that imports it into a ledger connection."""

    name: str
    run: Callable[[sa.Connection], dict[str, Any]]


BUNDLED_IMPORTS: list[BundledImport] = []


def register_bundled(name: str) -> Callable[[Callable[[sa.Connection], dict[str, Any]]], Any]:
    """Decorator: add an importer of bundled data, run by ``attrition import --bundled``."""

    def decorate(run: Callable[[sa.Connection], dict[str, Any]]) -> Any:
        BUNDLED_IMPORTS.append(BundledImport(name, run))
        return run

    return decorate
