"""Date expressions in a sentence's tokens, resolved against a reference day.

Explicit dates (``March 25``, ``25 March 2022``, ``Sept. 4``, ``24.02``,
``2022-06-25``) and relative ones (``on Friday``, ``today``, ``yesterday``)
become calendar days once a reference day is known: the article's
``published`` date, or failing that a war-age anchor the text gives ("the
conflict hit its four-month mark this week"). Month names alone (``in July``)
and vague spans (``this week``) are kept as period markers, not days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from attrition.extract.tokens import Token, tokenize

# "date 2022-09-04 On September 3, …": a label some scrapers put before an article's text.
_DATELINE: Final = re.compile(r"\s{0,20}date\s{1,5}(\d{4})-(\d{2})-(\d{2})\b\s{0,5}")

# "WASHINGTON, June 3, 2025 —", "KYIV, Ukraine, March 11 (Reuters) -", "MOSCOW, March 15.
# /TASS/.": a wire dateline fits in this many characters, and opens one of the first
# paragraphs (after the headline and a byline or two).
WIRE_DATELINE_CHARS: Final = 90
WIRE_DATELINE_PARAGRAPHS: Final = 4
# A dateline's place is at most this many capitalised words ("NEW YORK", "KYIV, Ukraine").
WIRE_PLACE_WORDS: Final = 4
WIRE_PLACE_PARTS: Final = 2  # a city, and its country or state
# The marks around an agency's name and the name itself: "(Reuters)", ". /TASS/", "(AP)".
WIRE_AGENCY_TOKENS: Final = 4
_WIRE_DASHES: Final = frozenset({"—", "–", "-", "‒", "―"})
_WIRE_MARK: Final = re.compile(
    "[—–‒―/-]"
)  # a dash or an agency's slash: most paragraphs have neither

# "25th of March", "24 de febrero", "febrero de 2022": the word between a day, month and year.
_DAY_OF: Final = frozenset({"of", "de"})

# A month-day without a year lies at most this far after the reference day;
# anything later is last year's ("on December 30" read in a January article).
# News refers back far more often than forward; a week covers scheduled events.
FUTURE_TOLERANCE_DAYS: Final = 7


_STARTERS: Final[dict[int, frozenset[str]]] = {}


@dataclass(frozen=True, slots=True)
class DateWords:
    """A language's calendar vocabulary, from its lexicon."""

    months: Mapping[str, int]  # january → 1, sept → 9
    capitalised_months: bool  # month names are capitalised (English), so "may" is a verb
    ordinal_suffixes: frozenset[str]  # st, nd, rd, th
    weekdays: Mapping[str, int]  # monday → 0
    relative_days: Mapping[str, int]  # today → 0, yesterday → -1
    vague_spans: frozenset[str]  # week, month, year: "this week" is not a day
    month_context: frozenset[str]  # in, since, early, late …: "in May" is a month

    @property
    def starters(self) -> frozenset[str]:
        """Words that can begin a date expression (numbers aside)."""
        cached = _STARTERS.get(id(self))
        if cached is None:
            glued = {key[0] for key in self.relative_days if len(key) > 1 and _is_cjk(key[0])}
            cached = frozenset(
                {*self.months, *self.weekdays, *self.relative_days, *glued}
                | {"this", "last", "past", "same"}
            )
            _STARTERS[id(self)] = cached
        return cached


@dataclass(slots=True)
class DateMention:
    """A date expression: its tokens and what it fixes."""

    first: int
    last: int
    kind: str  # "day" (a calendar day), "weekday", "relative", "month", "year", "span", "same"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None  # relative days: 0 today, -1 yesterday

    def resolve(self, reference: dt.date | None) -> dt.date | None:
        """The calendar day this expression names, given the article's reference day."""
        try:
            return self._resolve(reference)
        except OverflowError:
            return None  # "yesterday" of 0001-01-01

    def _resolve(self, reference: dt.date | None) -> dt.date | None:
        if self.kind == "day" and self.month and self.day:
            if self.year is not None:
                return _safe_date(self.year, self.month, self.day)
            if reference is None:
                return None
            candidate = _safe_date(reference.year, self.month, self.day)
            if candidate is None:
                return None
            if (candidate - reference).days > FUTURE_TOLERANCE_DAYS:
                return _safe_date(reference.year - 1, self.month, self.day)
            return candidate
        if reference is None:
            return None
        if self.kind == "day" and self.day and not self.month:
            return _day_of_month_before(reference, self.day)
        if self.kind == "weekday" and self.weekday is not None:
            back = (reference.weekday() - self.weekday) % 7
            return reference - dt.timedelta(days=back)
        if self.kind == "relative" and self.offset is not None:
            return reference + dt.timedelta(days=self.offset)
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_of_month_before(reference: dt.date, day: int) -> dt.date | None:
    """The last day numbered ``day`` on or before the reference day (this month's or last's)."""
    if day <= reference.day:
        return _safe_date(reference.year, reference.month, day)
    first = reference.replace(day=1) - dt.timedelta(days=1)
    return _safe_date(first.year, first.month, day)


# Chinese writes a relative day in two or three characters, each a token (当天, 前一天).
CJK_RELATIVE_CHARS: Final = 3


def _is_cjk(text: str) -> bool:
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


def _glued_relative(tokens: list[Token], i: int, words: DateWords) -> DateMention | None:
    """A relative day written in characters glued together: 当天 (that day), 昨天."""
    text = tokens[i].norm
    for j in range(i + 1, min(len(tokens), i + CJK_RELATIVE_CHARS)):
        if tokens[j].start != tokens[j - 1].end:
            return None
        text += tokens[j].norm
        if text in words.relative_days:
            return DateMention(i, j + 1, "relative", offset=words.relative_days[text])
    return None


def _int(token: Token) -> int | None:
    return int(token.text) if token.kind == "num" and token.text.isdigit() else None


def find_dates(tokens: list[Token], words: DateWords) -> list[DateMention]:
    """Every date expression in a sentence's tokens, in order, never overlapping."""
    found: list[DateMention] = []
    i = 0
    starters = words.starters
    candidates = [k for k, t in enumerate(tokens) if t.kind == "num" or t.norm in starters]
    for k in candidates:
        if k < i:
            continue
        i = k
        mention = _date_at(tokens, i, words)
        if mention is None:
            i += 1
            continue
        found.append(mention)
        i = mention.last
    return found


def _month_at(tokens: list[Token], i: int, words: DateWords) -> tuple[int, int] | None:
    """The month a token names and the index after it (and after an abbreviation dot)."""
    token = tokens[i]
    month = words.months.get(token.norm)
    if month is None or token.kind != "word":
        return None
    if words.capitalised_months and not token.text[:1].isupper():
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].norm == "." and len(token.norm) <= 4:
        j += 1
    return month, j


def _looks_like_month(tokens: list[Token], i: int, j: int, words: DateWords) -> bool:
    """A bare month name is a month, not the verb "may": a day, year or month context is near."""
    if tokens[i].norm != "may":
        return True
    if j < len(tokens) and tokens[j].kind == "num":
        return True
    if i > 0 and tokens[i - 1].norm in words.month_context:
        return True
    return j < len(tokens) and tokens[j].norm in ("was", "saw", "is", "has", ",")


def _date_at(tokens: list[Token], i: int, words: DateWords) -> DateMention | None:
    n = len(tokens)
    token = tokens[i]
    iso = _iso_at(tokens, i) or _cjk_at(tokens, i)
    if iso is not None:
        return iso
    month_hit = _month_at(tokens, i, words)
    if month_hit is not None:
        month, j = month_hit
        day = _int(tokens[j]) if j < n else None
        if day is not None and 1 <= day <= 31 and len(tokens[j].text) <= 2:
            k = j + 1
            if (
                k < n
                and tokens[k].norm in words.ordinal_suffixes
                and tokens[k].start == tokens[j].end
            ):
                k += 1
            year, k = _year_after(tokens, k)
            return DateMention(i, k, "day", year=year, month=month, day=day)
        if not _looks_like_month(tokens, i, j, words):
            return None
        year, k = _year_after(tokens, j, comma=False)
        return DateMention(i, k, "month", year=year, month=month)
    day = _int(token)
    if day is not None and 1 <= day <= 31 and len(token.text) <= 2:
        j = i + 1
        if j < n and tokens[j].norm in words.ordinal_suffixes and tokens[j].start == token.end:
            j += 1
        if j < n and tokens[j].norm in _DAY_OF:
            j += 1
        month_hit = _month_at(tokens, j, words) if j < n else None
        if month_hit is not None:
            month, k = month_hit
            year, k = _year_after(tokens, k, comma=False)
            return DateMention(i, k, "day", year=year, month=month, day=day)
    dotted = _dotted_at(tokens, i)
    if dotted is not None:
        return dotted
    if token.kind == "num" and token.text.isdigit() and len(token.text) == 4:
        value = int(token.text)
        if 1990 <= value <= 2099 and i > 0 and tokens[i - 1].norm in words.month_context:
            return DateMention(i, i + 1, "year", year=value)
    if token.norm in words.weekdays and token.kind == "word":
        return DateMention(i, i + 1, "weekday", weekday=words.weekdays[token.norm])
    if token.norm in words.relative_days:
        return DateMention(i, i + 1, "relative", offset=words.relative_days[token.norm])
    if _is_cjk(token.norm):
        glued = _glued_relative(tokens, i, words)
        if glued is not None:
            return glued
    if (
        token.norm in ("this", "last", "past")
        and i + 1 < n
        and tokens[i + 1].norm in words.vague_spans
    ):
        return DateMention(i, i + 2, "span")
    if token.norm == "same" and i + 1 < n and tokens[i + 1].norm == "day":
        return DateMention(i, i + 2, "same")  # "on the same day": the day named before
    return None


def _year_after(tokens: list[Token], k: int, *, comma: bool = True) -> tuple[int | None, int]:
    n = len(tokens)
    j = k
    if comma and j < n and tokens[j].norm == ",":
        j += 1
    elif j + 1 < n and tokens[j].norm == "de" and tokens[j + 1].kind == "num":
        j += 1  # "febrero de 2022" (an English "of" before a number is a count's: "of 2,000")
    if j < n and tokens[j].kind == "num" and tokens[j].text.isdigit() and len(tokens[j].text) == 4:
        value = int(tokens[j].text)
        if 1990 <= value <= 2099:
            return value, j + 1
    return None, k


def _iso_at(tokens: list[Token], i: int) -> DateMention | None:
    """2022-06-25."""
    if i + 4 >= len(tokens):
        return None
    y, d1, m, d2, d = tokens[i : i + 5]
    if not (y.text.isdigit() and len(y.text) == 4 and d1.norm == "-" and d2.norm == "-"):
        return None
    if not (m.text.isdigit() and d.text.isdigit() and len(m.text) == 2 and len(d.text) == 2):
        return None
    if _safe_date(int(y.text), int(m.text), int(d.text)) is None:
        return None
    return DateMention(i, i + 5, "day", year=int(y.text), month=int(m.text), day=int(d.text))


# The CJK numeric date: 2024年4月24日, 4月24日 (year, month and day markers after numbers).
_CJK_YEAR, _CJK_MONTH, _CJK_DAY = "年", "月", "日"


def _cjk_at(tokens: list[Token], i: int) -> DateMention | None:
    """2024年4月24日 and 4月24日, the numeric date of Chinese (and Japanese) text."""
    n = len(tokens)
    year = None
    k = i
    if k + 1 < n and tokens[k + 1].norm == _CJK_YEAR and tokens[k].text.isdigit():
        if len(tokens[k].text) != 4:
            return None
        year, k = int(tokens[k].text), k + 2
    if year is None and _cjk_day_of_month(tokens, i):
        return DateMention(i, i + 2, "day", day=int(tokens[i].text))
    if k + 4 > n or tokens[k + 1].norm != _CJK_MONTH or tokens[k + 3].norm != _CJK_DAY:
        return None
    month, day = _int(tokens[k]), _int(tokens[k + 2])
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(i, k + 4, "day", year=year, month=month, day=day)


def _cjk_day_of_month(tokens: list[Token], i: int) -> bool:
    """ "24日发布": a day of the month alone, the way Chinese agencies date a statement."""
    token = tokens[i]
    return (
        i + 1 < len(tokens)
        and tokens[i + 1].norm == _CJK_DAY
        and token.text.isdigit()
        and len(token.text) <= 2
        and 1 <= int(token.text) <= 31
        and (i == 0 or tokens[i - 1].norm != _CJK_MONTH)
    )


def _dotted_at(tokens: list[Token], i: int) -> DateMention | None:
    """24.02, 24.02.2022 and 24.02.22, the day-first forms of Ukrainian and Russian bulletins."""
    token = tokens[i]
    if token.kind != "num" or token.text.count(".") not in (1, 2):
        return None
    day_text, month_text, *short_year = token.text.split(".")
    if not (len(day_text) <= 2 and len(month_text) == 2 and day_text.isdigit()):
        return None
    if short_year and not (len(short_year[0]) == 2 and short_year[0].isdigit()):
        return None
    day, month = int(day_text), int(month_text)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    glued = tokens[i + 1] if i + 1 < len(tokens) else None
    if glued is not None and glued.start == token.end and glued.kind == "word":
        return None  # "约1.06万人": a decimal with its unit glued on is a number
    # "з 24.02.22 по 20.02.24": the General Staff writes the year in two digits
    year = 2000 + int(short_year[0]) if short_year else None
    last = i + 1
    n = len(tokens)
    if (
        last + 1 < n
        and tokens[last].norm == "."
        and tokens[last + 1].text.isdigit()
        and len(tokens[last + 1].text) == 4
        and tokens[last].start == token.end
    ):
        year, last = int(tokens[last + 1].text), last + 2
    return DateMention(i, last, "day", year=year, month=month, day=day)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        found = _safe_date(year, month, candidate)
        if found is not None:
            return found
    raise ValueError(f"cannot move {day} by {months} months")


def read_dateline(text: str) -> tuple[int, dt.date | None]:
    """A leading ``date YYYY-MM-DD`` label: where the text proper starts, and the day it names.

    The label dates the article, not a statement or a loss, so it is no part of the text.
    """
    match = _DATELINE.match(text)
    if match is None:
        return 0, None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        day = None
    return match.end(), day


def read_wire_dateline(
    text: str, start: int, end: int, words: DateWords
) -> tuple[int, DateMention] | None:
    """A wire dateline opening ``text[start:end]``: where the story proper starts and its day.

    "WASHINGTON, June 3, 2025 — Russia has suffered …": the day is when the story was filed,
    neither a window nor the day of a loss, so the dateline is no part of the sentence.
    """
    head = text[start : min(end, start + WIRE_DATELINE_CHARS)]
    if not head[:1].isupper() or "," not in head or _WIRE_MARK.search(head) is None:
        return None
    tokens = tokenize(head)
    for k in _after_place(tokens):
        dates = find_dates(tokens[k:], words)
        if not dates or dates[0].first != 0 or dates[0].kind != "day":
            continue
        after = _wire_marks_end(tokens, k + dates[0].last)
        if after is None:
            return None
        body = start + tokens[after - 1].end
        while body < end and text[body].isspace():
            body += 1
        return body, dates[0]
    return None


def _after_place(tokens: list[Token]) -> list[int]:
    """Where a dateline's day may start: after each comma of a leading run of capitalised
    place words ("KYIV, Ukraine, March 11" gives the token after each comma)."""
    ends: list[int] = []
    words = 0
    for k, token in enumerate(tokens):
        if token.norm == "/" and words:
            continue  # "KYIV/MOSCOW, May 7": a story filed from two places
        if token.norm == "," and words:
            ends.append(k + 1)
            if len(ends) == WIRE_PLACE_PARTS:
                break
        elif token.kind == "word" and token.text[:1].isupper() and words < WIRE_PLACE_WORDS:
            words += 1
        else:
            break
    return ends


def _wire_marks_end(tokens: list[Token], k: int) -> int | None:
    """After the dateline's day: an agency in brackets or slashes, then a dash or a stop."""
    n = len(tokens)
    if k < n and tokens[k].norm == "(":
        close = _closing_mark(tokens, k + 1, k + 2, ")")
        if close is None:
            return None
        k = close + 1
    if k < n and tokens[k].norm == "." and k + 1 < n and tokens[k + 1].norm == "/":
        close = _closing_mark(tokens, k + 2, k + 2, "/")
        if close is None:
            return None
        k = close + 1
        return k + 1 if k < n and tokens[k].norm == "." else k  # "MOSCOW, March 15. /TASS/."
    if k < n and tokens[k].norm in _WIRE_DASHES:
        return k + 1
    return None


def _closing_mark(tokens: list[Token], first: int, base: int, mark: str) -> int | None:
    """The index of ``mark`` closing an agency's name, from ``first`` up to its reach."""
    stop = min(len(tokens), base + WIRE_AGENCY_TOKENS)
    return next((j for j in range(first, stop) if tokens[j].norm == mark), None)
