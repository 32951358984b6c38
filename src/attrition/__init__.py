"""attrition: an evidence ledger for contested war-loss figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrition.errors import (
    AccessDenied,
    AttritionError,
    ConfigurationError,
    FetchFailed,
    FetchRefused,
    InputError,
    NotFound,
    SourceFormatError,
    TooLarge,
)

if TYPE_CHECKING:
    from attrition.ledger import Ledger

__version__ = "0.1.0"

__all__ = [
    "AccessDenied",
    "AttritionError",
    "ConfigurationError",
    "FetchFailed",
    "FetchRefused",
    "InputError",
    "Ledger",
    "NotFound",
    "SourceFormatError",
    "TooLarge",
    "__version__",
]


def __getattr__(name: str) -> Any:
    """``attrition.Ledger`` loads the database layer (SQLAlchemy, Alembic) on first use only,
    so that ``attrition.extract`` and the CLI's light commands start without it."""
    if name == "Ledger":
        from attrition.ledger import Ledger

        return Ledger
    raise AttributeError(f"module 'attrition' has no attribute {name!r}")
