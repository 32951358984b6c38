"""Near-duplicate folding: syndicated copies and light rewrites become one story.

Each main text gets a MinHash signature of its word 3-shingles. A
:class:`StoryIndex` (MinHash LSH) finds earlier documents whose estimated
Jaccard similarity reaches ``FOLD_THRESHOLD``; the new document joins the
story of the most similar one. LSH looks for candidates at the lower
``CANDIDATE_THRESHOLD`` so that pairs just above the fold threshold are not
missed by banding; the fold decision itself is the signature comparison.

Similar words are not enough: the daily loss reports are templates whose
prose repeats every day while every figure changes (two consecutive days'
reports score ~0.6). So a candidate folds only when the figures also agree
(``figures_agree``): copies and rewrites repeat the figures, next day's report
does not.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

import numpy as np
import sqlalchemy as sa
from datasketch import MinHash, MinHashLSH

from attrition.ledger.documents import iter_signatures

NUM_PERM: Final = 128  # estimate error ±0.04 around J=0.5 (sqrt(J(1-J)/128))
MINHASH_SEED: Final = 1
MINHASH_SCHEME: Final = "affine32"
SHINGLE_WORDS: Final = 3

# Estimated Jaccard similarity (word 3-shingles) at or above which two texts are
# one story. Measured on tests/fixtures/news/dedupe/ (docs/news.md has the table):
# a syndicated copy with its own byline and "read more" lines scores 0.84, a
# light rewrite (new headline, most sentences reworded a little) 0.42, a
# different article about the same figures on the same day 0.00, and an
# unrelated report 0.01-0.07. 0.30 sits between the rewrite and the unrelated
# texts with about three standard errors of the estimate (±0.04) on each side.
FOLD_THRESHOLD: Final = 0.30
# LSH candidate threshold: below the fold threshold so banding (b=37, r=3 at
# 0.2) finds pairs at 0.30 with probability > 0.99.
CANDIDATE_THRESHOLD: Final = 0.2
# Share of the smaller set of figures (numbers of two or more digits) that the
# other text must also state. Copies and rewrites of one report share all of
# them; consecutive daily reports share 1 of 9 (aircraft unchanged overnight).
FIGURE_AGREEMENT_MIN: Final = 0.5
# Copies and rewrites appear within days of the original; comparing with older
# documents only costs memory. Documents updated within this window are indexed.
DEDUPE_WINDOW: Final = dt.timedelta(days=30)

_WORD = re.compile(r"\w+", re.UNICODE)
# 1402, 1,402, 1 402, 1.402 (thousands separators of en, uk/ru and de texts).
_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d])|(?<![\d.,])\d{2,}")


def extract_figures(text: str) -> frozenset[int]:
    """The numbers of two or more digits a text states, thousands separators removed."""
    return frozenset(int(re.sub(r"\D", "", match)) for match in _FIGURE.findall(text))


def figures_agree(first: frozenset[int], second: frozenset[int]) -> bool:
    """True when two texts state mostly the same figures (or either states none)."""
    if not first or not second:
        return True
    shared = len(first & second)
    return shared / min(len(first), len(second)) >= FIGURE_AGREEMENT_MIN


def shingle_text(text: str) -> set[bytes]:
    """The text's word 3-shingles, lower-cased, with punctuation and case ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


@functools.cache
def _template() -> MinHash:
    # Building the permutations costs ~0.4 ms; every signature shares one set.
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)


def _empty_minhash() -> MinHash:
    template = _template()
    return MinHash(
        num_perm=NUM_PERM,
        seed=MINHASH_SEED,
        permutations=template.permutations,
        scheme=MINHASH_SCHEME,
    )


def compute_signature(text: str) -> MinHash:
    """The MinHash signature of a main text."""
    signature = _empty_minhash()
    shingles = shingle_text(text)
    if shingles:
        signature.update_batch(list(shingles))
    return signature


def signature_to_bytes(signature: MinHash) -> bytes:
    """Serialise a signature for ``documents.signature`` (little-endian uint32 values)."""
    return np.asarray(signature.hashvalues, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> MinHash | None:
    """Read back a stored signature; None for one made with other parameters."""
    if len(data) != NUM_PERM * 4:
        return None
    values = np.frombuffer(data, dtype="<u4").astype(np.uint64)
    return MinHash(
        num_perm=NUM_PERM,
        seed=MINHASH_SEED,
        hashvalues=values,
        scheme=MINHASH_SCHEME,
    )


def estimate_similarity(first: str, second: str) -> float:
    """Estimated Jaccard similarity of two texts' 3-shingles (what folding compares)."""
    return float(compute_signature(first).jaccard(compute_signature(second)))


@dataclass(frozen=True)
class Match:
    """The story a new text folds into, via its most similar document."""

    story_id: int
    document_id: int
    similarity: float


class StoryIndex:
    """An in-memory LSH index of recent documents' signatures, by document id."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._entries: dict[int, tuple[int, MinHash]] = {}
        self._figures: dict[int, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def load(cls, connection: sa.Connection, *, now: dt.datetime | None = None) -> StoryIndex:
        """Index the documents updated within ``DEDUPE_WINDOW`` of ``now`` (all when None)."""
        index = cls()
        since = now - DEDUPE_WINDOW if now is not None else None
        for document_id, story_id, data in iter_signatures(connection, since=since):
            signature = signature_from_bytes(data)
            if signature is not None:
                index.add(document_id, story_id, signature)
        return index

    def add(
        self,
        document_id: int,
        story_id: int,
        signature: MinHash,
        figures: frozenset[int] | None = None,
    ) -> None:
        """Index (or re-index) a document's signature under its story."""
        self.remove(document_id)
        self._entries[document_id] = (story_id, signature)
        if figures is not None:
            self._figures[document_id] = figures
        self._lsh.insert(document_id, signature)

    def remove(self, document_id: int) -> None:
        """Drop a document from the index (no-op when absent)."""
        self._figures.pop(document_id, None)
        if self._entries.pop(document_id, None) is not None:
            self._lsh.remove(document_id)

    def find_match(
        self,
        signature: MinHash,
        figures: frozenset[int],
        *,
        figures_of: Callable[[int], frozenset[int]],
        exclude: Iterable[int] = (),
    ) -> Match | None:
        """The most similar indexed document that passes both fold tests, if any.

        ``figures_of`` reads an indexed document's figures when the index does
        not hold them yet (documents loaded from the ledger keep only signatures).
        """
        skip = set(exclude)
        scored = []
        for document_id in self._lsh.query(signature):
            if document_id in skip:
                continue
            story_id, other = self._entries[document_id]
            similarity = float(signature.jaccard(other))
            if similarity >= FOLD_THRESHOLD:
                scored.append(Match(story_id, document_id, similarity))
        for match in sorted(scored, key=lambda m: (-m.similarity, m.document_id)):
            if match.document_id not in self._figures:
                self._figures[match.document_id] = figures_of(match.document_id)
            if figures_agree(figures, self._figures[match.document_id]):
                return match
        return None
