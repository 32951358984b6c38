"""Which stored evidence item is which item of a new snapshot.

An item's ``item_key`` locates it in its source ("RU|tanks|t-72b3|destroyed|57":
the 57th destroyed T-72B3), and a source renumbers, renames and re-files items
between snapshots. So a snapshot is matched to the stored rows in passes, each
pass seeing only what earlier passes left:

1. same key and same proof URL — the item did not move;
2. same side, category, model, counted status and proof URL — renumbered;
3. same key, for an item still listed — its proof was replaced (Oryx
   re-uploaded many in 2022-23); an item already gone does not come back on
   the key alone, as its place is most likely held by another item by then;
4. same side, counted status and proof URL — its model or heading was renamed.

The proof URL alone never identifies an item: one photo can prove several
(the key or the model and status must agree too), and pairs sharing a photo
are matched in page order. Between the 2023 and 2025 Oryx pages, passes 2 and
4 follow 1,162 items that a key-only identity would report as gone and new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class Matchable(Protocol):
    """What matching reads from a stored row or a snapshot item."""

    @property
    def item_key(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def category(self) -> str | None: ...
    @property
    def source_category(self) -> str: ...
    @property
    def model(self) -> str: ...
    @property
    def counted_as(self) -> str | None: ...
    @property
    def proof_url(self) -> str | None: ...


def _position(thing: Matchable) -> tuple[str, str, str, str | None]:
    category = thing.category or thing.source_category
    return (thing.side, category, " ".join(thing.model.casefold().split()), thing.counted_as)


def _with_proof(signature: Callable[[Matchable], Hashable]) -> Callable[[Matchable], Hashable]:
    def sign(thing: Matchable) -> Hashable:
        return None if thing.proof_url is None else signature(thing)

    return sign


def _listed(row: Any) -> bool:
    return getattr(row, "disappeared_on", None) is None


def _any(row: Any) -> bool:
    return True


# (name, signature, which stored rows may take part)
MATCH_PASSES: tuple[tuple[str, Callable[[Matchable], Hashable], Callable[[Any], bool]], ...] = (
    ("key and proof", _with_proof(lambda t: (t.item_key, t.proof_url)), _any),
    ("position and proof", _with_proof(lambda t: (_position(t), t.proof_url)), _any),
    ("key", lambda t: t.item_key, _listed),
    ("status and proof", _with_proof(lambda t: (t.side, t.counted_as, t.proof_url)), _any),
)


@dataclass(slots=True)
class Matching:
    """Snapshot index → stored row index, and how many pairs each pass made."""

    pairs: dict[int, int]
    by_pass: dict[str, int]


def match_items(rows: Sequence[Any], items: Sequence[Any]) -> Matching:
    """Pair snapshot ``items`` with stored ``rows`` (both :class:`Matchable`)."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    by_pass: dict[str, int] = {}
    for name, signature, eligible in MATCH_PASSES:
        if len(pairs) == len(items) or len(taken) == len(rows):
            by_pass[name] = 0
            continue
        waiting: dict[Hashable, list[int]] = defaultdict(list)
        for index, row in enumerate(rows):
            if index not in taken and eligible(row):
                key = signature(row)
                if key is not None:
                    waiting[key].append(index)
        made = 0
        for index, item in enumerate(items):
            if index in pairs:
                continue
            candidates = waiting.get(signature(item))
            if candidates:
                row_index = candidates.pop(0)
                pairs[index] = row_index
                taken.add(row_index)
                made += 1
        by_pass[name] = made
    return Matching(pairs, by_pass)


def free_key(key: str, taken: set[str]) -> str:
    """``key`` with the first ``~n`` suffix (n ≥ 2) not in ``taken``."""
    number = 2
    while f"{key}~{number}" in taken:
        number += 1
    return f"{key}~{number}"
