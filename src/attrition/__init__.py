"""attrition: an evidence ledger for contested war-loss figures."""

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
