"""Cut a text into plain runs and highlighted claim spans, for the check and story pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def split_highlights(text: str, claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Segments ``{"text", "claim"}`` covering ``text`` in order; ``claim`` is None between spans.

    Each claim needs ``start`` and ``end`` character offsets into ``text``. A span
    that overlaps an earlier one, or falls outside the text, is not highlighted
    (it stays listed beside the text), so the segments always join back to ``text``.
    """
    segments: list[dict[str, Any]] = []
    position = 0
    for claim in sorted(claims, key=lambda c: (int(c["start"]), -int(c["end"]))):
        start, end = int(claim["start"]), int(claim["end"])
        if start < position or end > len(text) or start >= end:
            continue
        if start > position:
            segments.append({"text": text[position:start], "claim": None})
        segments.append({"text": text[start:end], "claim": claim})
        position = end
    if position < len(text):
        segments.append({"text": text[position:], "claim": None})
    return segments
