"""Stories related to a document's story: the same figures, or the same event window.

Two stories are related when they state the same figure (same side,
category and numbers, whoever claims it), or when they appeared within
``EVENT_WINDOW`` of each other and speak of the same side's losses in the
same category. Shared figures rank first, then closeness in time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final

import sqlalchemy as sa

from attrition.errors import InputError, NotFound
from attrition.ledger.documents import resolve_document_id
from attrition.ledger.schema import documents
from attrition.ledger.stories import read_stories, read_story_claims
from attrition.news.canonical import canonicalize_url

# The General Staff publishes once a day and news relays each report the same
# day or the next; two days either side also covers time zones and weekend
# round-ups that repeat Friday's figures on Sunday.
EVENT_WINDOW: Final = dt.timedelta(days=2)
RELATED_LIMIT: Final = 20

FigureKey = tuple[str, str, int | None, int | None, int | None]


@dataclass(frozen=True)
class Related:
    """A related story and why."""

    story: dict[str, Any]
    shared_figures: list[FigureKey]
    shared_topics: list[tuple[str, str]]
    days_apart: float

    @property
    def reason(self) -> str:
        """``same figures`` or ``same event window``."""
        return "same figures" if self.shared_figures else "same event window"

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {
            **self.story,
            "reason": self.reason,
            "shared_figures": [
                dict(zip(("subject", "category", "value", "low", "high"), key, strict=True))
                for key in self.shared_figures
            ],
            "shared_topics": [
                {"subject": subject, "category": category}
                for subject, category in self.shared_topics
            ],
            "days_apart": round(self.days_apart, 2),
        }


def _figure(claim: dict[str, Any]) -> FigureKey:
    return (claim["subject"], claim["category"], claim["value"], claim["low"], claim["high"])


def _moment(story: dict[str, Any]) -> dt.datetime:
    return story["published"] or story["first_seen"]


def resolve_document(connection: sa.Connection, key: str) -> int:
    """A document id from an id, a URL that reached it, or that URL with tracking parameters."""
    try:
        return resolve_document_id(connection, key)
    except NotFound:
        try:
            canonical = canonicalize_url(key)
        except InputError:
            raise NotFound(
                f"no document {key!r}", hint="give a document id or a URL from `attrition news`"
            ) from None
        return resolve_document_id(connection, canonical)


def find_related(
    connection: sa.Connection, document_id: int, *, limit: int = RELATED_LIMIT
) -> tuple[dict[str, Any], list[Related]]:
    """The document's story and the stories related to it, best first."""
    story_id = connection.execute(
        sa.select(documents.c.story_id).where(documents.c.id == document_id)
    ).scalar()
    if story_id is None:
        raise NotFound(f"no document {document_id}")
    [story] = read_stories(connection, [story_id])
    own = read_story_claims(connection, story_ids=[story_id])
    figures = {_figure(c) for c in own}
    topics = {(c["subject"], c["category"]) for c in own}
    if not topics:
        return story, []
    others: dict[int, list[dict[str, Any]]] = {}
    for claim in read_story_claims(connection, categories={c for _, c in topics}):
        if claim["story_id"] != story_id:
            others.setdefault(claim["story_id"], []).append(claim)
    candidates = read_stories(connection, sorted(others))
    moment = _moment(story)
    related = []
    for other in candidates:
        claims = others[other["id"]]
        shared = sorted(figures & {_figure(c) for c in claims}, key=str)
        common = sorted(topics & {(c["subject"], c["category"]) for c in claims})
        apart = abs((_moment(other) - moment).total_seconds()) / 86400
        if shared or (common and apart <= EVENT_WINDOW.total_seconds() / 86400):
            related.append(Related(other, shared, common, apart))
    related.sort(key=lambda r: (-len(r.shared_figures), r.days_apart, -r.story["id"]))
    return story, related[:limit]
