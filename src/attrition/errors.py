"""The exception tree of attrition.

Every error a user can cause or meet is an ``AttritionError``; the CLI turns it
into a one-line message and an exit code, the API into one JSON error shape.

    AttritionError                 (500) something attrition could not do
    ├── InputError                 (400) the user's input is wrong: bad file, field, value
    │   ├── SourceFormatError      (422) an input file's structure is not what its format promises
    │   └── TooLarge               (413) an input is over its size limit
    ├── NotFound                   (404) a requested record, category or file does not exist
    ├── FetchRefused               (403) a URL was refused before fetching (scheme, address, size)
    ├── FetchFailed                (502) a fetch was attempted and failed (timeout, HTTP error)
    ├── AccessDenied               (403) a write was refused: writes off, or a wrong token
    └── ConfigurationError         (500) settings are missing or inconsistent
"""

from __future__ import annotations


class AttritionError(Exception):
    """Base class: a failure with a message meant for people."""

    status_code = 500
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    @property
    def kind(self) -> str:
        """Stable machine-readable name of the error class."""
        return type(self).__name__


class InputError(AttritionError):
    """The user's input is wrong; the message names the file, line or field."""

    status_code = 400
    exit_code = 2


class SourceFormatError(InputError):
    """An input file does not have the structure its format promises."""

    status_code = 422


class TooLarge(InputError):
    """An input (a text to check, a request body) is over its size limit."""

    status_code = 413


class NotFound(AttritionError):
    """A requested record, category or file does not exist."""

    status_code = 404
    exit_code = 3


class FetchRefused(AttritionError):
    """A URL was refused before any request: scheme, address or size rules."""

    status_code = 403
    exit_code = 4


class FetchFailed(AttritionError):
    """A fetch was attempted and failed: timeout, connection or HTTP error."""

    status_code = 502
    exit_code = 4


class AccessDenied(AttritionError):
    """A write through the API was refused: writes are off, or the token is missing or wrong."""

    status_code = 403
    exit_code = 6


class ConfigurationError(AttritionError):
    """Settings are missing or inconsistent."""

    status_code = 500
    exit_code = 5
