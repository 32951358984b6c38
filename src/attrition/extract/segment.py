"""Paragraphs, sentences, headlines and quotations, as character spans.

Everything is linear in the text: each scan is one regular expression with
bounded repetitions, so a 10 MB line costs no more than ten 1 MB lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Final

# A sentence ends at . ! ? (and closing quotes or brackets) followed by space and a
# capital (accented too: "État", "Über"), digit, quote, bullet or Spanish opening mark:
# "Mr. Smith" and "Sept. 4" are caught by ABBREVIATIONS. Chinese ends a sentence at
# 。！？ with no space after.
# One character class first, so the regex engine skips to the next stop in C instead of
# trying both alternatives at every character; the lookbehind then picks the alternative.
_SENTENCE_END: Final = re.compile(
    r"[.!?。！？](?:(?<=[.!?])[.!?]{0,2}[\"”’'»)\]]{0,2}\s{1,50}"
    r"(?=[\"“‘'«(\[•¿¡]{0,2}[A-Z0-9À-ÖØ-ÞА-ЯЁІЇЄҐ])"
    r"|(?<=[。！？])[”」』]{0,2}\s{0,50})"
)
_DAY_BEFORE: Final = re.compile(r"(?<!\d)\d{1,2}$")
_WORD_AFTER: Final = re.compile(r"[^\W\d_]{3,12}")
_GERMAN_MONTHS: Final = frozenset(
    {
        "januar", "jänner", "februar", "märz", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "dezember",
    }
)  # fmt: skip
_PARAGRAPH: Final = re.compile(r"[^\n\r\u2028\u2029]+")
# Any letters: "journée." and "dafür." end in an ASCII letter after an accented one, and
# that letter alone would read as an initial ("J. Smith") that ends no sentence.
_WORD_BEFORE: Final = re.compile(r"([^\W\d_](?:[^\W\d_]|\.){0,8})$")
ABBREVIATIONS: Final = frozenset(
    [
        # German and Romance scale and approximation abbreviations before a capitalised noun
        "mio",
        "mrd",
        "tsd",
        "bzw",
        "ca",
        "env",
        "mln",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cpt",
        "adm",
        "st",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "prof",
        "sen",
        "rep",
        "gov",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "est",
        "fig",
        "nos",
        "pp",
        "vol",
        "u.n",
        "a.m",
        "p.m",
    ]
)
# A line this short, without a sentence's closing punctuation, reads as a headline or
# a caption's title; real body paragraphs of the dev set are all longer or end in a stop.
HEADLINE_MAX_CHARS: Final = 220
_OPEN_QUOTES: Final = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT: Final = '"'


@dataclass(slots=True)
class Paragraph:
    """One line of the text."""

    start: int
    end: int
    headline: bool = False
    boilerplate: bool = False
    quotes: list[tuple[int, int]] = field(default_factory=list)
    ends_with_colon: bool = False
    opens_with_quote: bool = False


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line as a paragraph, trimmed of surrounding spaces."""
    paragraphs: list[Paragraph] = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            paragraphs.append(Paragraph(start, end))
    return paragraphs


def mark_paragraph(text: str, paragraph: Paragraph, boilerplate: tuple[str, ...]) -> None:
    """Set a paragraph's headline, boilerplate and quotation attributes."""
    line = text[paragraph.start : paragraph.end]
    lowered = line[:200].lower().lstrip("-•*·– ")
    paragraph.boilerplate = lowered.startswith(boilerplate) or ("last updated on:" in line.lower())
    last = line.rstrip("\"”’'» )」』")[-1:]
    paragraph.headline = len(line) <= HEADLINE_MAX_CHARS and last not in ".!?:;,。！？：；，"
    paragraph.ends_with_colon = line.endswith((":", "："))  # 如下：, a full-width colon
    paragraph.opens_with_quote = line[:1] in '"“«„' or line.lstrip("-•* ")[:1] in '"“«„'
    paragraph.quotes = find_quotes(text, paragraph.start, paragraph.end)


def _german_date_at(text: str, stop: int, after: int) -> bool:
    """ "am 24. Februar": a German day's ordinal stop before its month ends no sentence."""
    day = _DAY_BEFORE.search(text, max(0, stop - 3), stop)
    month = _WORD_AFTER.match(text, after)
    return day is not None and month is not None and month.group().lower() in _GERMAN_MONTHS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.start()
        before = _WORD_BEFORE.search(text, max(cursor, stop - 10), stop)
        if text[stop] == ".":
            word = before.group(1).lower() if before else ""
            if word.rstrip(".") in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if _german_date_at(text, stop, match.end()):
                continue
        cut = match.end()
        stripped_end = match.start() + len(match.group().rstrip())
        if cursor < stripped_end:
            spans.append((cursor, stripped_end))
        cursor = cut
    if cursor < end:
        spans.append((cursor, end))
    return spans


_QUOTE_MARK: Final = re.compile("[\"“«„‘']")


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quoted text (marks excluded); an unclosed quote runs to the paragraph's end."""
    quotes: list[tuple[int, int]] = []
    i = start
    while i < end:
        mark = _QUOTE_MARK.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch in _OPEN_QUOTES:
            close = text.find(_OPEN_QUOTES[ch], i + 1, end)
            stop = end if close < 0 else close
            quotes.append((i + 1, stop))
            i = stop + 1
            continue
        if ch == _STRAIGHT:
            close = text.find(_STRAIGHT, i + 1, end)
            stop = end if close < 0 else close
            quotes.append((i + 1, stop))
            i = stop + 1
            continue
        if ch in "‘'" and _opens_single(text, i, start, end):
            closing, scanned = _close_single(text, i + 1, end)
            if closing is not None:
                quotes.append((i + 1, closing))
                i = closing + 1
            else:
                i = scanned  # nothing closes before here, so nothing opened here closes either
            continue
        i += 1
    return quotes


def _opens_single(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isalnum() and (after.isalnum() or after in '“"')


def _close_single(text: str, i: int, end: int) -> tuple[int | None, int]:
    """The next closing single quote (a ' or ’ not followed by a letter) and how far it looked."""
    # A quotation longer than a paragraph's worth of text is an apostrophe, not a quote.
    limit = min(end, i + 2000)
    for mark in _SINGLE_CLOSE.finditer(text, i, max(i, limit)):
        j = mark.start()
        after = text[j + 1] if j + 1 < end else " "
        if not after.isalpha() and not text[j - 1].isspace():
            return j, j
    return None, max(limit, i)


_SINGLE_CLOSE: Final = re.compile("[’']")


def inside(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The span of a sorted, non-overlapping list that contains ``position``, if any."""
    index = bisect_right(spans, (position, len(spans) and spans[-1][1] + 1)) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return None
