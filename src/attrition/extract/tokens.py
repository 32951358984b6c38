"""Tokens with character offsets, and longest-match lookup of lexicon phrases.

Every later stage works on tokens so that lexicon phrases match the same way
whatever the spelling of their separators: ``air-defense``, ``air defense`` and
``Air Defense`` are the same three-token phrase ``air defense``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# One pass, no nested quantifiers: each alternative consumes a bounded class run.
# - model: weapon designations such as M777, D-30, T-72B3, 2A36, Su-25 (never figures);
# - num: digits with group or decimal separators (34,700 / 34.700 / 1,2 / 34 700);
# - word: letters with inner apostrophes (Russia's, Kyiv’s);
# - any other non-space character is a punctuation token.
_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"]{1,2000})"
    r"|(?P<model>\d{1,4}[A-Za-z]{1,3}\d[\dA-Za-z]{0,6}"
    r"|[A-Za-z]{1,4}-?\d{1,5}(?![\d,.]\d)[A-Za-z\d]{0,6}(?:-\d{1,3}[A-Za-z]{0,3})?(?![\w]))"
    r"|(?P<num>\d{1,3}(?:[\u00a0\u202f\u2009\u2007 ]\d{3}(?!\d))+"
    r"|\d{1,12}(?:[,.'’]\d{1,3}(?!\d)){0,6})"
    r"|(?P<word>[^\W\d_]{1,60}(?:['’][^\W\d_]{1,20})?)"
    r"|(?P<punct>\S)"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_HYPHENS = frozenset("-‐‑‒")


@dataclass(slots=True)
class Token:
    """One token: its text, lowercased normal form, offsets and kind."""

    text: str
    norm: str
    start: int
    end: int
    kind: str  # "num", "word", "model", "url" or "punct"
    joined: bool = False  # glued to the previous token by a hyphen ("four-month")

    @property
    def is_word(self) -> bool:
        """True for word tokens."""
        return self.kind == "word"

    @property
    def is_capitalised(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.kind == "word" and self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into tokens; hyphens inside words become a ``joined`` flag."""
    tokens: list[Token] = []
    stop = len(text) if end is None else end
    pending_hyphen = False
    for match in _TOKEN_RE.finditer(text, start, stop):
        kind = match.lastgroup or "punct"
        value = match.group()
        if kind == "punct" and value in _HYPHENS and tokens and tokens[-1].end == match.start():
            nxt = match.end()
            if nxt < stop and text[nxt].isalpha() and tokens[-1].kind in ("word", "num"):
                pending_hyphen = True
                continue
        norm = value.lower().translate(_APOSTROPHES) if kind == "word" else value
        if kind == "punct":
            norm = "-" if value in _HYPHENS else value.translate(_APOSTROPHES)
        tokens.append(Token(value, norm, match.start(), match.end(), kind, pending_hyphen))
        pending_hyphen = False
    return tokens


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """The token norms of a lexicon phrase, the key it is matched by."""
    return tuple(token.norm for token in tokenize(phrase))


class PhraseTable(Generic[T]):
    """Longest-match lookup of token sequences, keyed by the first token's norm."""

    def __init__(self, *, plural_last: bool = False) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self._plural_last = plural_last
        self.max_len = 0

    def add(self, phrase: str | Sequence[str], payload: T) -> None:
        """Register a phrase (a string, or its token norms) with its payload."""
        key = normalise_phrase(phrase) if isinstance(phrase, str) else tuple(phrase)
        if not key:
            return
        entries = self._by_first.setdefault(key[0], [])
        entries.append((key, payload))
        entries.sort(key=lambda entry: -len(entry[0]))
        self.max_len = max(self.max_len, len(key))

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        """Register several phrases with one payload."""
        for phrase in phrases:
            self.add(phrase, payload)

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def match(self, tokens: Sequence[Token], i: int) -> tuple[T, int] | None:
        """The payload of the longest phrase starting at ``tokens[i]`` and the index after it."""
        if i >= len(tokens):
            return None
        entries = self._by_first.get(tokens[i].norm)
        if entries is None and self._plural_last:
            entries = self._by_first.get(_singular(tokens[i].norm))
        if not entries:
            return None
        for key, payload in entries:
            end = i + len(key)
            if end > len(tokens):
                continue
            if all(
                _same(tokens[i + k].norm, key[k], last=(k == len(key) - 1) and self._plural_last)
                for k in range(len(key))
            ):
                return payload, end
        return None

    def match_ending(self, tokens: Sequence[Token], end: int) -> tuple[T, int] | None:
        """The payload of the longest phrase ending just before ``tokens[end]`` and its start."""
        best: tuple[T, int] | None = None
        for length in range(1, min(self.max_len, end) + 1):
            start = end - length
            found = self.span(tokens, start, end)
            if found is not None:
                best = (found, start)
        return best

    def span(self, tokens: Sequence[Token], start: int, end: int) -> T | None:
        """The payload of a phrase covering exactly ``tokens[start:end]``, if there is one."""
        if start < 0 or end > len(tokens) or start >= end:
            return None
        entries = self._by_first.get(tokens[start].norm)
        if entries is None and self._plural_last:
            entries = self._by_first.get(_singular(tokens[start].norm))
        length = end - start
        for key, payload in entries or ():
            if len(key) != length:
                continue
            if all(
                _same(tokens[start + k].norm, key[k], last=(k == length - 1) and self._plural_last)
                for k in range(length)
            ):
                return payload
        return None

    def find_all(self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None) -> list:
        """Every non-overlapping longest match in ``tokens[lo:hi]`` as (payload, start, end)."""
        out: list[tuple[T, int, int]] = []
        stop = len(tokens) if hi is None else hi
        i = lo
        while i < stop:
            found = self.match(tokens, i)
            if found is not None and found[1] <= stop:
                out.append((found[0], i, found[1]))
                i = found[1]
            else:
                i += 1
        return out


def _singular(word: str) -> str:
    if word.endswith("'s"):
        return word[:-2]
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word


def _same(token: str, key: str, *, last: bool) -> bool:
    if token == key:
        return True
    return last and (token == key + "s" or token == key + "es" or _singular(token) == key)
