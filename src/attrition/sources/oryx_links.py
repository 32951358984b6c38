"""The grammar of Oryx's proof links: item numbers, status, detail, and date hints.

A link's text names the items it proves and what happened to them:
``(6 and 7, destroyed)``, ``(1, with ZU-23 AA gun, captured)``,
``(2, damaged and abandoned)``, ``(1, B-802 'Askold', destroyed)``. The proof's
file name often carries the day the loss was recorded (``…-destr-11-02-24.jpg``).
Every rule here is documented in docs/data-sources.md (Oryx).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from attrition.taxonomy import ORYX_COUNTED_AS, ORYX_FINALITY, ORYX_STATUS_WORDS

# The first day of the full-scale invasion: no Oryx entry is older.
WAR_START = dt.date(2022, 2, 24)

# A range such as "(5-9, destroyed)" is expanded item by item; a span wider than
# this is a typo (the widest group on the three real pages is 24 items), and is
# reported instead of inventing hundreds of items.
MAX_RANGE_SPAN = 100

_NUMBER = r"\d+(?![\w.'’])"
_NUMBER_LIST = re.compile(
    rf"^\(?\s*(?P<numbers>{_NUMBER}(?:\s*(?:,\s*and\b|,|\band\b|&|-|–|\bto\b)?\s*{_NUMBER})*)"
)
_NUMBER_TOKEN = re.compile(r"\d+|-|–|\bto\b")
_PHRASES = sorted(ORYX_STATUS_WORDS, key=len, reverse=True)
_STATUS_PHRASE = re.compile(
    r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in _PHRASES) + r")\b", re.IGNORECASE
)
_STATUS_IN_DETAIL = re.compile(
    r"(?:\band\s+)?(?:\blater\s+)?\b(?:"
    + "|".join(p.replace(" ", r"\s+") for p in _PHRASES)
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LinkText:
    """What one link's text says: the items' numbers, their status and any detail."""

    numbers: tuple[int, ...]
    status: str  # "destroyed", "damaged and abandoned", "damaged, abandoned and destroyed"
    counted_as: str  # the total Oryx counts the item in: destroyed, captured, abandoned, damaged
    detail: str | None  # "with ZU-23 AA gun", "by Bayraktar TB2", "B-802 'Askold'"


class LinkTextError(ValueError):
    """A link text that does not follow the grammar; the message says which part."""


# Link texts repeat ("(1, destroyed)" under hundreds of models), so each distinct
# text is parsed once; this halves the parse time of the 2025 page.
@functools.lru_cache(maxsize=8192)
def parse_link_text(text: str) -> LinkText:
    """Parse ``(6 and 7, destroyed)`` into numbers (6, 7) and status ``destroyed``.

    Raises:
        LinkTextError: no item number, no status word, or an implausible range.
    """
    clean = " ".join(text.split())
    match = _NUMBER_LIST.match(clean)
    if match is None:
        raise LinkTextError(f"no item number in {clean!r}")
    raw_numbers = match.group("numbers")
    numbers = (int(raw_numbers),) if raw_numbers.isdigit() else _expand_numbers(raw_numbers, clean)
    rest = clean[match.end() :].strip().removesuffix(")").strip().lstrip(",").strip()
    parsed = _parse_status(rest)
    if parsed is None:
        raise LinkTextError(f"no status (destroyed, damaged, abandoned, captured) in {clean!r}")
    return LinkText(numbers, *parsed)


@functools.lru_cache(maxsize=4096)
def _parse_status(rest: str) -> tuple[str, str, str | None] | None:
    segments = [part.strip() for part in rest.split(",") if part.strip()]
    first_status = len(segments)
    while first_status > 0 and _status_words(segments[first_status - 1]):
        first_status -= 1
    words = [w for segment in segments[first_status:] for w in _status_words(segment)]
    if not words:
        return None
    counted_as = min((ORYX_COUNTED_AS[w] for w in words), key=ORYX_FINALITY.index)
    leftovers = [_STATUS_IN_DETAIL.sub("", segment) for segment in segments[first_status:]]
    detail_parts = segments[:first_status] + [_tidy(part) for part in leftovers]
    detail = ", ".join(part for part in detail_parts if part) or None
    return _join_statuses(words), counted_as, detail


def _status_words(segment: str) -> list[str]:
    words: list[str] = []
    for match in _STATUS_PHRASE.finditer(segment):
        status = ORYX_STATUS_WORDS[" ".join(match.group(0).casefold().split())]
        if not words or words[-1] != status:
            words.append(status)
    return words


def _join_statuses(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _tidy(text: str) -> str:
    return re.sub(r"^(?:and\b|[\s,])+|(?:\band|[\s,])+$", "", " ".join(text.split()))


def _expand_numbers(raw: str, context: str) -> tuple[int, ...]:
    tokens = _NUMBER_TOKEN.findall(raw)
    numbers: list[int] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.isdigit():
            numbers.append(int(token))
            index += 1
            continue
        # A range marker between two numbers: "5-9", "5 to 9".
        if not numbers or index + 1 >= len(tokens) or not tokens[index + 1].isdigit():
            raise LinkTextError(f"dangling range in {context!r}")
        low, high = numbers[-1], int(tokens[index + 1])
        if not 0 < high - low <= MAX_RANGE_SPAN:
            raise LinkTextError(f"implausible range {low}-{high} in {context!r}")
        numbers.extend(range(low + 1, high + 1))
        index += 2
    return tuple(numbers)


# Date hints in proof file names. Oryx's team names uploads like
# "1021-T-62-Obr-1967-destr-11-02-24.jpg": the trailing dd-mm-yy is the day the
# loss was recorded. Read as dd-mm-yy because on the 2023 and 2025 pages every
# hint read that way falls inside the war and before the snapshot, while the
# mm-dd-yy reading is impossible (month > 12) for most of them (see the docs).
_IMAGE = r"\.(?:jpe?g|png|gif|webp)$"
_TRAILING_DMY = re.compile(r"(?<![\d])(\d{1,2})[-_](\d{1,2})[-_](\d{4}|\d{2})" + _IMAGE, re.I)
_ISO_DATE = re.compile(r"(?<!\d)(20\d{2})-(\d{2})-(\d{2})(?!\d)[^/]*" + _IMAGE, re.I)
_TWEET = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/[^?#]*?/status(?:es)?/(\d{15,20})",
    re.IGNORECASE,
)
# Twitter's IDs carry their creation time: milliseconds since this epoch, << 22.
_SNOWFLAKE_EPOCH_MS = 1288834974657


def parse_date_hint(url: str | None, *, latest: dt.date | None = None) -> dt.date | None:
    """The loss date a proof URL carries, or None. Rules in order:

    1. an image file name ending in ``dd-mm-yy`` (or ``dd_mm_yy``, ``dd-mm-yyyy``);
    2. an image file name holding an ISO date ``yyyy-mm-dd``;
    3. a tweet URL: the day the tweet was posted (from its ID).

    A date before the war or after ``latest`` (the snapshot's date) is no hint.
    """
    if not url:
        return None
    if "?" in url or "#" in url:
        url = url.split("?", 1)[0].split("#", 1)[0]
    found: dt.date | None = None
    if "/status" in url:
        tweet = _TWEET.match(url)
        if tweet:
            millis = (int(tweet.group(1)) >> 22) + _SNOWFLAKE_EPOCH_MS
            found = dt.datetime.fromtimestamp(millis / 1000, tz=dt.UTC).date()
    else:
        name = url.rsplit("/", 1)[-1]
        # The longest trailing date ("-dd-mm-yyyy.jpeg") fits in the last 24
        # characters; searching only those keeps 20,000 URLs under 20 ms.
        if dmy := _TRAILING_DMY.search(name[-24:]):
            day, month, year = dmy.groups()
            found = _safe_date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))
        elif iso := _ISO_DATE.search(name):
            year, month, day = iso.groups()
            found = _safe_date(int(year), int(month), int(day))
    if found is None or found < WAR_START or (latest is not None and found > latest):
        return None
    return found


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
