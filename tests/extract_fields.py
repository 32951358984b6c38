"""The claims of a text as tuples of chosen fields: one reader for the language tests."""

from __future__ import annotations

from typing import Any

from attrition.extract import extract_claims

FIELDS = ("subject", "category", "value", "qualifier", "basis", "claimant")


def found(
    text: str, lang: str, *fields: str, published: str | None = "2024-05-15"
) -> list[tuple[Any, ...]]:
    """Each claim of ``text`` in ``lang`` as a tuple of ``fields`` (default ``FIELDS``)."""
    fields = fields or FIELDS
    return [
        tuple(c.to_dict()[f] for f in fields)
        for c in extract_claims(text, published=published, lang=lang)
    ]
