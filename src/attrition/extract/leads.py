"""A list's lead line: what a figure-less line says about the `label – value` lines below it.

Agencies print the General Staff's tally as a lead ("The total combat losses of the
enemy from 24.02.2022 to 12.04.2023 were approximately as follows, the General Staff
reported") and then one line per category ("tanks – 3,651 (+7);"). Each item line is
a paragraph of its own, so the lead's speaker, approximation and report day reach it
only through this record; the list ends at the next line without figures.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from typing import Final

from attrition.extract.dates import DateMention
from attrition.extract.drafts import Draft
from attrition.extract.lists import find_dangling_qualifier
from attrition.extract.numbers import CELL_BORDER, cell_of
from attrition.extract.records import NounPhrase, SentenceFigures
from attrition.extract.rules import Lexicon
from attrition.extract.speakers import Attribution
from attrition.extract.timing import as_of_cue, span_basis
from attrition.extract.tokens import Token

# An item line is short ("vehicles and fuel tanks – 5,664 (+13);" is 40 characters); the
# longest General Staff item with its note ("UAV operational-tactical level – 2,309 (+11)")
# stays well under this, while a sentence with a dash before its figure runs longer.
LIST_LINE_MAX_CHARS: Final = 90
# "personnel – about 178,650": the label before an item's number is a few words.
LIST_LABEL_MAX_CHARS: Final = 45
# A hyphen inside a word ("operational-tactical") is none; "tanks ≈ 11,174" and
# "tanks ~ 11,174" put the approximation sign where others put a dash; Chinese writes a
# full-width colon ("坦克：10186辆"); a typed " -- " is one dash.
_LABEL_MARKS: Final = ("–", "—", "‒", " - ", " -- ", ":", "：", " ≈ ", " ~ ")
# What may follow a table item's number: its increment, bare or bracketed ("+10,790"), or a
# dash for no change, in cells apart by spaces, tabs or pipes ("Tanks | 9,786 | +48"), and a stop.
_TABLE_TAIL: Final = re.compile(
    r"[\d.,\u00a0 ]{1,16}(?:[ \t|]{0,5}(?:\(?\+[\d.,\u00a0]{1,9}\)?|[–—-]))?[ \t|;.]{0,5}"
)
# "published data", "veröffentlichte seine Bilanz", "published its latest figures": the
# source noun follows its report verb after at most a possessive and an adjective.
PUBLISHED_NOUN_GAP: Final = 3
# "- over 25,800 troops;", "• up to 130 servicemen": after a bullet, at most two lower-case
# words (a bound) before the number.
_BOUNDED_ITEM: Final = re.compile(r"(?:[a-z]+ ){1,2}\d")
# What may precede an item line's opening number: bullets and the approximation sign.
# A row's value alone after its label's colon: "1,430", "~1,430", "1,430;".
_BARE_VALUE: Final = re.compile(r"[~≈]?\d[\d,.\u00a0\u202f]*[;.]?")
_ITEM_OPENERS: Final = " \t~≈•·*–—-"


@dataclass(slots=True)
class ListLead:
    """What a lead line hands on to the item lines after it."""

    attribution: Attribution | None
    qualifier: str | None
    day: DateMention | None
    basis: str | None = None  # the window the lead names: "between June 15 and June 21"
    items: list[Draft] = field(default_factory=list)
    publishes: bool = False  # "… published its data on the enemy's losses": prose may follow
    # "Month | Personnel | Tanks": the noun a header row names over each cell, for rows
    # labelled by a day or a month ("September | 38,130 | 178")
    columns: tuple[NounPhrase | None, ...] = ()


def read_lead(
    tokens: list[Token],
    found: SentenceFigures,
    attributions: list[Attribution],
    lex: Lexicon,
    *,
    loss_cue: bool,
    topic: NounPhrase | None = None,
) -> ListLead | None:
    """A figure-less sentence about losses as a list's lead, if it says anything a list needs.

    ``loss_cue`` says the sentence has a loss word (the walk has looked already).
    """
    if found.figures:
        return None
    # "The General Staff published the updated figures on Tuesday morning:" opens a list too
    announces = bool(tokens) and tokens[-1].norm == ":" and bool(lex.source_nouns.find_all(tokens))
    if not (announces or loss_cue):
        return None
    attribution = next((a for a in attributions if a.claimant is not None), None)
    dangling = find_dangling_qualifier(tokens, lex)
    qualifier = dangling[0] if dangling is not None else None
    day = as_of_cue(tokens, found, lex)
    colon = bool(tokens) and tokens[-1].norm == ":"
    # "The enemy's losses in equipment, by category:" announces its list with nothing to hand on
    if attribution is None and qualifier is None and day is None and not (colon and loss_cue):
        return None
    lead = ListLead(attribution, qualifier, day, span_basis(tokens, found, lex))
    if colon and found.phrases:
        # "Daily personnel losses reported by the General Staff:" over "Feb 18 | 1,420": the
        # lead names what a table's rows labelled by days count
        lead.columns = (None, found.phrases[-1])
    elif announces and topic is not None and topic.category is not None:
        # "The daily figures reported by the General Staff were:" over "Monday, December 2:
        # 1,430": figures of what the text was counting
        lead.columns = (None, topic)
    # "… published data on the losses", "Сводка «Медиазоны»": the speaker's report follows
    lead.publishes = attribution is not None and (
        _publishes_data(tokens, lex) or lex.source_nouns.match(tokens, attribution.cue) is not None
    )
    return lead


def _publishes_data(tokens: list[Token], lex: Lexicon) -> bool:
    """A report verb with a source noun right after it: "оприлюднив дані про втрати"."""
    for _, start, _end in lex.source_nouns.find_all(tokens):
        for k in range(max(0, start - PUBLISHED_NOUN_GAP), start):
            if lex.report_verbs.match(tokens, k) is not None:
                return True
    return False


def is_header_row(line: str) -> bool:
    """ "Category | Total | Change": a table's header row, short cells apart by pipes or tabs
    (at least two borders) and no figure; it opens the table or goes on with it."""
    if len(line) > LIST_LINE_MAX_CHARS or any(ch.isdigit() for ch in line):
        return False
    borders = line.count(CELL_BORDER) + line.count("\t")
    return borders >= 2 and any(ch.isalpha() or ch == "-" for ch in line)


def is_table_row(line: str) -> bool:
    """ "September | 38,130 | 178": a short line of cells apart by pipes, with a figure."""
    return (
        len(line) <= LIST_LINE_MAX_CHARS
        and CELL_BORDER in line
        and any(ch.isdigit() for ch in line)
    )


def is_list_line(line: str, number_words: Container[str] = frozenset()) -> bool:
    """ "tanks – 3,651 (+7);": a short line whose number follows a label and a dash or colon,
    or "~306,860 (+890) personnel": one that opens with its number, its label after it;
    after a bullet the number may be a word (``number_words``: "• one submarine")."""
    if len(line) > LIST_LINE_MAX_CHARS:
        return False
    stripped = line.lstrip(_ITEM_OPENERS)
    if stripped[:1].isdigit():
        return True
    if stripped != line and _BOUNDED_ITEM.match(stripped):
        return True  # "- over 25,800 troops;": a bullet, its bound, its number
    if stripped != line and stripped.split(" ", 1)[0].lower() in number_words:
        return True
    digit = next((i for i, ch in enumerate(line) if ch.isdigit()), -1)
    if digit <= 0:
        return False
    colon = line.rfind(": ")
    if 0 < colon <= LIST_LABEL_MAX_CHARS and _BARE_VALUE.fullmatch(line[colon + 2 :].rstrip()):
        return True  # "Monday, December 2: 1,430": a label holding digits, then its value
    # "– carri armati: 11.281 (+5)": a bullet's dash is no mark between label and number
    label = line[len(line) - len(stripped) : digit] if stripped != line else line[:digit]
    marks = sum(label.count(m) for m in _LABEL_MARKS)
    if marks == 0:  # a table's "Tanks 6,140 +8": the number and its increment close the line
        return len(label) <= LIST_LABEL_MAX_CHARS and bool(_TABLE_TAIL.fullmatch(line[digit:]))
    # one mark between label and number; a sentence has asides ("On Tuesday – a day after –")
    return len(label) <= LIST_LABEL_MAX_CHARS and marks == 1


def read_columns(
    tokens: list[Token], phrases: Sequence[NounPhrase], lex: Lexicon
) -> tuple[NounPhrase | None, ...]:
    """The loss noun over each cell of a header row ("Month | Personnel | Tanks"); none over a
    cell whose words say it is no loss ("Tanks delivered") or that names no category."""
    cells = cell_of(tokens, len(tokens)) + 1
    columns: list[NounPhrase | None] = [None] * cells
    for phrase in phrases:
        cell = cell_of(tokens, phrase.first)
        if phrase.category is None or phrase.noun.kind == "block" or columns[cell] is not None:
            continue
        lo = next((k for k in range(phrase.first, -1, -1) if tokens[k].norm == CELL_BORDER), -1)
        hi = next(
            (k for k in range(phrase.last, len(tokens)) if tokens[k].norm == CELL_BORDER),
            len(tokens),
        )
        if not lex.non_claims.find_all(tokens, lo + 1, hi):
            columns[cell] = phrase
    return tuple(columns) if any(columns) else ()


def row_day(tokens: list[Token], found: SentenceFigures) -> DateMention | None:
    """The day that labels a table row in its first cell ("Feb 19 | 1,150")."""
    return next((d for d in found.dates if d.kind == "day" and cell_of(tokens, d.first) == 0), None)
