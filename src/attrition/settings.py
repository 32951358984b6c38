"""Settings and defaults, in one place.

Every setting reads an ``ATTRITION_*`` environment variable once, when
``load_settings()`` is called, so tests can change the environment freely.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///attrition.db"

# Network limits for everything that fetches a URL (feeds, pages, sync).
FETCH_CONNECT_TIMEOUT_S = 5.0
FETCH_READ_TIMEOUT_S = 15.0
# News pages are rarely above 2 MB; the largest input we fetch on purpose is the
# Oryx page (2.2 MB in 2025) and the series JSON (0.7 MB), so 10 MB leaves room
# without letting a hostile server fill memory.
FETCH_MAX_BYTES = 10 * 1024 * 1024
FETCH_MAX_REDIRECTS = 5
USER_AGENT = "attrition/0.1 (+https://github.com/attrition/attrition)"

# Largest text accepted by `check` and POST /api/check (a long article is ~50 KB).
CHECK_MAX_BYTES = 1024 * 1024

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Settings:
    """Runtime settings resolved from the environment."""

    database_url: str = DEFAULT_DATABASE_URL
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)
    api_token: str | None = None


def _split_list(raw: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (raw or "").split(",") if part.strip())


def load_settings() -> Settings:
    """Read settings from ``ATTRITION_*`` environment variables."""
    return Settings(
        database_url=os.environ.get("ATTRITION_DATABASE_URL") or DEFAULT_DATABASE_URL,
        allow_hosts=_split_list(os.environ.get("ATTRITION_ALLOW_HOSTS")),
        api_token=os.environ.get("ATTRITION_API_TOKEN") or None,
    )
