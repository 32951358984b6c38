"""Tokens with character offsets, and longest-match lookup of lexicon phrases.

Every later stage works on tokens so that lexicon phrases match the same way
whatever the spelling of their separators: ``air-defense``, ``air defense`` and
``Air Defense`` are the same three-token phrase ``air defense``.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache, partial
from itertools import accumulate, compress, count, repeat
from operator import itemgetter
from typing import Any, Final, Generic, NamedTuple, Protocol, TypeVar

T = TypeVar("T")

# One pass, no nested quantifiers: each alternative consumes a bounded class run.
# - url: web addresses, whose digits are never figures;
# - cjk: one Chinese character, a token of its own (Chinese writes no spaces);
# - word: letters with inner apostrophes (Russia's, Kyiv’s);
# - num: digits with group or decimal separators (34,700 / 34.700 / 1,2 / 34 700);
# - any other non-space character is a punctuation token.
# Weapon designations (M777, D-30, T-72B3, 2A36, Su-25) are glued back together after.
_TOKEN_RE: Final = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"]{1,2000})"
    r"|(?P<cjk>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
    r"|(?P<word>[^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,60}"
    r"(?:['’][^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,20})?)"
    r"|(?P<num>\d{1,3}(?:[\u00a0\u202f\u2009\u2007 ]\d{3}(?!\d))+"
    r"|\d{1,12}(?:[,.'’]\d{1,3}(?!\d)){0,6})"
    r"|(?P<punct>--|\S)"
)
# Chinese text writes a list's "人员：约86.3万人（+1140）" with full-width marks; their norms
# are the ASCII marks every rule compares with (the text keeps its characters).
_FULL_WIDTH: Final = {"：": ":", "（": "(", "）": ")", "＋": "+"}
_APOSTROPHES: Final = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", **_FULL_WIDTH})
_HYPHENS: Final = frozenset("-‐‑‒")
_PLAIN_MARKS: Final = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", **_FULL_WIDTH}
)
# "U.S.", "U.K.": a dotted initialism has two or three letters, two tokens each.
MAX_INITIALISM_TOKENS: Final = 6
# A designation starts with at most four letters ("Su", "FH", "Kh", "T").
MODEL_PREFIX: Final = 4
_new = tuple.__new__
ALL_FLAGS: Final = -1  # a token nobody classified may start anything
# The token pattern as one capturing group, to split text into gaps and tokens in C; text
# with a web address takes the token-by-token path (_SLOW_HINT), so no url alternative.
_SPLIT_RE: Final = re.compile(
    "("
    + _TOKEN_RE.pattern[_TOKEN_RE.pattern.index("|(?P<cjk>") + 1 :]
    .replace("?P<word>", "?:")
    .replace("?P<cjk>", "?:")
    .replace("?P<num>", "?:")
    .replace("?P<punct>", "?:")
    + ")"
)
# Text that needs the token-by-token path: a web address, or a digit right after a letter
# or a letter and a hyphen ("Su-25", "M777", "2A36"), the only way a designation starts.
# Digits before letters ("6th") split the same on both paths. Anchored on the digit, so
# the scan skips letters in C instead of testing each one.
_SLOW_HINT: Final = re.compile(r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_][-‐‑‒]\d))")
# A web address ("://", "www.") is found by substring search in C: as alternatives of
# _SLOW_HINT, "h" and "w", common letters, made the regex try a match at each of them.
# The same token pattern for ASCII text, where [a-zA-Z] is exactly [^\W\d_] and the
# regex engine tests it about a third faster (most news sentences are ASCII).
_SPLIT_ASCII_RE: Final = re.compile(
    r"([a-zA-Z]{1,60}(?:'[a-zA-Z]{1,20})?"
    r"|\d{1,3}(?: \d{3}(?!\d))+|\d{1,12}(?:[,.']\d{1,3}(?!\d)){0,6}"
    r"|--|\S)"
)
# "--", a typewriter's dash ("Tanks -- 10,242", "Kyiv -- which denies it -- says"), is one
# token read as the dash it stands for.
DOUBLE_HYPHEN_NORM: Final = "—"
_ODD_CHARS: Final = re.compile("[’‘`´‐‑‒：（）＋]")


class FlagSource(Protocol):
    """A lexicon's token classifier: a memo of known norms and a way to classify others."""

    cache: dict[str, int]

    def __call__(self, norm: str) -> int: ...


class Token(NamedTuple):
    """One token: its text, lowercased normal form, offsets and kind."""

    text: str
    norm: str
    start: int
    end: int
    kind: str  # "num", "word", "model", "url" or "punct"
    joined: bool = False  # glued to the previous token by a hyphen ("four-month")
    flags: int = ALL_FLAGS  # which lexicon tables may match from here (Lexicon.flags)

    @property
    def is_word(self) -> bool:
        """True for word tokens."""
        return self.kind == "word"

    @property
    def is_capitalised(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.kind == "word" and self.text[:1].isupper()


def tokenize(
    text: str,
    start: int = 0,
    end: int | None = None,
    flags: FlagSource | None = None,
) -> list[Token]:
    """Split ``text[start:end]`` into tokens; hyphens inside words become a ``joined`` flag.

    ``flags`` (a lexicon's ``Lexicon.flags``) marks each token with the tables that may
    match from it, so later scans skip the rest with one bit test. The common case is
    done by C-level splitting and mapping; designations ("Su-25") and web addresses,
    rarer, take the token-by-token path.
    """
    stop = len(text) if end is None else end
    segment = text[start:stop]
    if "://" in segment or "www." in segment or _SLOW_HINT.search(segment):
        return _tokenize_slowly(text, start, stop, flags)
    ascii_only = segment.isascii()
    parts = (_SPLIT_ASCII_RE if ascii_only else _SPLIT_RE).split(segment)
    words = parts[1::2]
    if not words:
        return []
    count = len(words)
    offsets = list(accumulate(map(len, parts), initial=start))  # offsets[i]: where parts[i] starts
    starts = offsets[1::2][:count]
    ends = offsets[2::2][:count]
    norms = list(map(str.lower, words))
    kinds = list(map(_KIND_OF_FIRST.__getitem__, map(itemgetter(0), words)))
    joined = [False] * count
    # of the odd marks only the backtick is ASCII: most sentences skip the regex scan
    if "`" in segment or (not ascii_only and _ODD_CHARS.search(segment)):
        norms = _normalise_marks(norms, kinds)
    if "--" in segment:
        norms = [DOUBLE_HYPHEN_NORM if n == "--" else n for n in norms]
    if "-" in segment or "‐" in segment or "‑" in segment or "‒" in segment:
        _join_hyphens(text, stop, words, norms, starts, ends, kinds, joined)
    if flags is None:
        marks = [ALL_FLAGS] * len(words)
    else:
        marks = list(map(flags.cache.get, norms, repeat(-2, len(norms))))
        if -2 in marks:
            marks = [
                flags(norm) if mark == -2 else mark for norm, mark in zip(norms, marks, strict=True)
            ]
    return list(
        map(_make_token, zip(words, norms, starts, ends, kinds, joined, marks, strict=True))
    )


class _KindOfFirst(dict[str, str]):
    """A token's kind from its first character, memoised per character."""

    def __missing__(self, char: str) -> str:
        kind = "num" if char.isdecimal() else "word" if char.isalnum() and char != "_" else "punct"
        self[char] = kind
        return kind


_KIND_OF_FIRST: Final = _KindOfFirst()


def _normalise_marks(norms: list[str], kinds: list[str]) -> list[str]:
    """Curly apostrophes and odd hyphens take their plain forms (a number keeps its 1’000)."""
    return [
        n if kind == "num" else n.translate(_PLAIN_MARKS)
        for n, kind in zip(norms, kinds, strict=True)
    ]


def _join_hyphens(
    text: str,
    stop: int,
    words: list[str],
    norms: list[str],
    starts: list[int],
    ends: list[int],
    kinds: list[str],
    joined: list[bool],
) -> None:
    """Drop a hyphen between a word (or number) and a word, and mark the second as joined.

    Only hyphen tokens are visited; the token before a dropped hyphen is never a dropped
    hyphen itself (a word follows each), so the test looks at its plain neighbour.
    """
    hyphens = compress(count(), map(_HYPHENS.__contains__, words))  # selected in C
    dropped = [
        index
        for index in hyphens
        if index > 0
        and ends[index - 1] == starts[index]
        and kinds[index - 1] in ("word", "num")
        and ends[index] < stop
        and text[ends[index]].isalpha()
    ]
    for index in reversed(dropped):
        joined[index + 1] = True
        for column in (words, norms, starts, ends, kinds, joined):
            del column[index]


def _tokenize_slowly(text: str, start: int, stop: int, flags: FlagSource | None) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    pending_hyphen = False
    for match in _TOKEN_RE.finditer(text, start, stop):
        kind = "word" if match.lastgroup == "cjk" else match.lastgroup
        value = match.group()
        begin, finish = match.span()
        if kind == "word":
            norm = value.lower()
            if "’" in norm or "‘" in norm:
                norm = norm.translate(_APOSTROPHES)
            glued = bool(tokens) and tokens[-1].end == begin and tokens[-1].kind == "model"
            if glued and match.lastgroup != "cjk":
                # "T-72B3": the letters after the digits; "Kh-101巡航导弹" names its missile after
                _extend_model(tokens, value, finish)
                continue
        elif kind == "num":
            norm = value
            if tokens and tokens[-1].end == begin and _glue_model(tokens, text, value, finish):
                continue
        elif kind == "punct":
            inner = value in _HYPHENS and bool(tokens) and tokens[-1].end == begin
            glued = inner and finish < stop and text[finish].isalpha()
            if glued and tokens[-1].kind in ("word", "num"):
                pending_hyphen = True
                continue
            if value == "--":
                norm = DOUBLE_HYPHEN_NORM
            else:
                norm = "-" if value in _HYPHENS else value.translate(_APOSTROPHES)
        else:
            norm = value
        mark = flags(norm) if flags is not None else ALL_FLAGS
        append(_new(Token, (value, norm, begin, finish, kind, pending_hyphen, mark)))
        pending_hyphen = False
    if flags is not None:
        # a designation is classified once whole ("Kh-101s" may name a category)
        tokens = [t._replace(flags=flags(t.norm)) if t.kind == "model" else t for t in tokens]
    return tokens


_make_token = partial(_new, Token)


def _glue_model(tokens: list[Token], text: str, value: str, finish: int) -> bool:
    """Digits glued to a short word ("M777", "D-30", "2A36") make one designation token."""
    previous = tokens[-1]
    first = len(tokens) - 1
    if previous.kind == "model":
        _extend_model(tokens, value, finish)
        return True
    if previous.kind == "punct" and previous.norm == "-" and first > 0:
        word = tokens[first - 1]
        if word.kind == "word" and len(word.text) <= MODEL_PREFIX and word.end == previous.start:
            first -= 1
        else:
            return False
    elif previous.kind != "word" or len(previous.text) > MODEL_PREFIX:
        return False
    if not tokens[first].text[:1].isupper() and tokens[first].kind == "word":
        return False  # "in2022" is a typo, "Su-25" a designation
    if (
        first > 0
        and tokens[first - 1].kind == "num"
        and tokens[first - 1].end == tokens[first].start
    ):
        first -= 1  # "2A36"
    begin = tokens[first].start
    model = text[begin:finish]
    del tokens[first:]
    tokens.append(_new(Token, (model, model.lower(), begin, finish, "model", False, 0)))
    return True


def _extend_model(tokens: list[Token], value: str, finish: int) -> None:
    model = tokens[-1]
    text = model.text + value
    tokens[-1] = _new(Token, (text, text.lower(), model.start, finish, "model", model.joined, 0))


def span_key(tokens: list[Token], start: int, end: int) -> str:
    """The key a lexicon word set (``rules._words``) holds ``tokens[start:end]`` under."""
    return " ".join(t.norm for t in tokens[start:end])


def phrase_ends_at(tokens: list[Token], k: int, words: Container[str], longest: int) -> bool:
    """Whether a phrase of ``words`` (at most ``longest`` tokens) ends just before ``tokens[k]``."""
    return any(span_key(tokens, k - width, k) in words for width in range(1, min(k, longest) + 1))


def origin_suffix_at(tokens: list[Token], k: int, suffixes: Container[str]) -> int | None:
    """The index after an origin suffix glued to the name ending before ``tokens[k]``
    ("UK-made", "U.S.-made": a hyphen after a dot stays a token of its own), or None."""
    if k < len(tokens) and tokens[k].joined and tokens[k].norm in suffixes:
        return k + 1
    glued = (
        k > 0
        and k + 1 < len(tokens)
        and tokens[k].norm == "-"
        and tokens[k - 1].end == tokens[k].start
        and tokens[k].end == tokens[k + 1].start
    )
    return k + 2 if glued and tokens[k + 1].norm in suffixes else None


def dotted_initialism_end(tokens: list[Token], k: int) -> int:
    """The index after a dotted initialism starting at ``tokens[k]`` ("U.S.", "U.K."), or k."""
    j = k
    while (
        j + 1 < len(tokens)
        and j - k < MAX_INITIALISM_TOKENS
        and tokens[j].kind == "word"
        and len(tokens[j].text) == 1
        and tokens[j + 1].norm == "."
        and tokens[j].end == tokens[j + 1].start
    ):
        j += 2
    return j if j - k >= 4 else k


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """The token norms of a lexicon phrase, the key it is matched by."""
    return tuple(token.norm for token in tokenize(phrase))


_END: Final = ""  # a trie node's payload key; token norms are never empty
# A trie node's map of the plural and possessive forms of its phrase-ending children
# (_note_plural_end); no token norm holds a line break.
_PLURALS: Final = "\n"


class PhraseTable(Generic[T]):
    """Longest-match lookup of token sequences in a trie of token norms.

    With ``plural_last`` the last word of a phrase also matches its plural or
    possessive ("tank" matches "tanks", "General Staff" matches "General Staff's").
    """

    def __init__(self, *, plural_last: bool = False) -> None:
        self._root: dict[str, Any] = {}
        self._plural_last = plural_last
        self.max_len = 0
        self.bit = 0  # this table's bit in Token.flags, set by the lexicon

    def add(self, phrase: str | Sequence[str], payload: T) -> None:
        """Register a phrase (a string, or its token norms) with its payload; the first one wins."""
        key = normalise_phrase(phrase) if isinstance(phrase, str) else tuple(phrase)
        if not key:
            return
        node = parent = self._root
        for part in key:
            parent, node = node, node.setdefault(part, {})
        node.setdefault(_END, payload)
        if self._plural_last:
            _note_plural_end(parent, key[-1])
        self.max_len = max(self.max_len, len(key))

    def add_all(self, phrases: Iterable[str], payload: T) -> None:
        """Register several phrases with one payload."""
        for phrase in phrases:
            self.add(phrase, payload)

    def __contains__(self, word: str) -> bool:
        return word in self._root

    def first_words(self) -> set[str]:
        """The words a phrase may begin with (and their plurals, for plural tables)."""
        words = set(self._root) - {_PLURALS}
        if self._plural_last:
            words |= {w + s for w in self._root for s in ("s", "es", "'s")}
        return words

    def starts(self, norm: str) -> bool:
        """True when some phrase can begin with this token (a cheap test before ``match``)."""
        if norm in self._root:
            return True
        return self._plural_last and any(base in self._root for base in _bases(norm))

    def match(self, tokens: list[Token], i: int) -> tuple[T, int] | None:
        """The payload of the longest phrase starting at ``tokens[i]`` and the index after it."""
        n = len(tokens)
        if i >= n or not tokens[i].flags & self.bit:
            return None
        if self._plural_last:
            return self._match_plural(tokens, i, n)
        node = self._root
        best: tuple[T, int] | None = None
        for j in range(i, n):
            child = node.get(tokens[j].norm)
            if child is None:
                break
            if _END in child:
                best = (child[_END], j + 1)
            node = child
        return best

    def _match_plural(self, tokens: list[Token], i: int, n: int) -> tuple[T, int] | None:
        node = self._root
        best: tuple[T, int] | None = None
        for j in range(i, n):
            norm = tokens[j].norm
            plurals = node.get(_PLURALS)
            if plurals is not None and norm in plurals:
                best = (plurals[norm], j + 1)
            child = node.get(norm)
            if child is None:
                break
            if _END in child:
                best = (child[_END], j + 1)
            node = child
        return best

    def match_ending(self, tokens: list[Token], end: int) -> tuple[T, int] | None:
        """The payload of the longest phrase ending just before ``tokens[end]`` and its start."""
        best: tuple[T, int] | None = None
        for length in range(1, min(self.max_len, end) + 1):
            start = end - length
            found = self.span(tokens, start, end)
            if found is not None:
                best = (found, start)
        return best

    def span(self, tokens: list[Token], start: int, end: int) -> T | None:
        """The payload of a phrase covering exactly ``tokens[start:end]``, if there is one."""
        if start < 0 or end > len(tokens) or start >= end or not tokens[start].flags & self.bit:
            return None
        node: dict[str, Any] | None = self._root
        for j in range(start, end - 1):
            node = node.get(tokens[j].norm) if node is not None else None
            if node is None:
                return None
        if node is None:
            return None
        norm = tokens[end - 1].norm
        candidates = (norm, *_bases(norm)) if self._plural_last else (norm,)
        for candidate in candidates:
            last = node.get(candidate)
            if last is not None and _END in last:
                return last[_END]
        return None

    def find_all(
        self, tokens: list[Token], lo: int = 0, hi: int | None = None
    ) -> list[tuple[T, int, int]]:
        """Every non-overlapping longest match in ``tokens[lo:hi]`` as (payload, start, end)."""
        out: list[tuple[T, int, int]] = []
        stop = len(tokens) if hi is None else hi
        after = lo
        for i in flagged(tokens, self.bit, lo, stop):
            if i < after:
                continue
            found = self.match(tokens, i)
            if found is not None and found[1] <= stop:
                out.append((found[0], i, found[1]))
                after = found[1]
        return out


def _note_plural_end(parent: dict[str, Any], word: str) -> None:
    """Record the plural and possessive forms of a phrase's last word in its parent node.

    A form with two bases ("tankes": tanke, tank) takes the last one that ends a phrase,
    as a walk over ``_bases`` would; the memo spares the walk that work per token.
    """
    plurals: dict[str, Any] = parent.setdefault(_PLURALS, {})
    for form in (word + "s", word + "es", word + "'s"):
        found = [parent[b][_END] for b in _bases(form) if _END in parent.get(b, ())]
        if found:
            plurals[form] = found[-1]


def flagged(tokens: list[Token], bit: int, lo: int, hi: int) -> list[int]:
    """Indices in ``[lo, hi)`` of the tokens whose flags hold ``bit``.

    A plain loop: compiled, it reads each token's flags in place, twice as fast as the
    chain of ``compress`` and ``map`` that suited the interpreter (docs/benchmarks.md)."""
    return [k for k in range(lo, hi) if tokens[k].flags & bit]


@lru_cache(maxsize=65536)
def _bases(word: str) -> tuple[str, ...]:
    """The forms a plural or possessive word may come from: tanks → tank, staff's → staff."""
    if word.endswith("'s"):
        return (word[:-2],)
    if word.endswith("es") and len(word) > 4:
        return (word[:-1], word[:-2])
    if word.endswith("s") and len(word) > 3:
        return (word[:-1],)
    return ()
