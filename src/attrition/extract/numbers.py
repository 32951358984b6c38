"""Figures in text: digits with any separator convention, number words, ranges, increments.

``parse_digits`` reads one digit string (``34,700``, ``34 700``, ``34.700``,
``1,2``); ``find_numbers`` walks a sentence's tokens and returns every figure
with its token span: scaled (``1.2 million``, ``1,2 тис.``), spelled
(``three``, ``a dozen``, ``half a million``), ranged (``60 to 100``,
``60-100``, ``between 60 and 100``) and with a bracketed daily increment
(``1,511 (+4)``). Vague plurals (``hundreds``, ``thousands``) are not figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from attrition.extract.tokens import Token

# Token.flags bit for number words ("three", "a" before "dozen", "half"); set by the lexicon.
NUMBER_WORD: Final = 1 << 62

_SPACES: Final = ("\u00a0", "\u202f", "\u2009", "\u2007", " ")
# The border between a table's cells when it is written out as text ("Tanks | 9,786 | +48").
CELL_BORDER: Final = "|"
# A note in brackets after a table's label ("UAVs (operational-tactical)") is a few words.
LABEL_NOTE_TOKENS: Final = 6
# "(+11 nelle ultime 24 ore)": the window an increment's bracket may name after its number.
INCREMENT_NOTE_TOKENS: Final = 5
# What may close an item after an increment written in words ("Tanks — 10,012, plus 6;").
ITEM_ENDS: Final = frozenset({",", ";", ".", ")"})
# "up 97 from the previous day", "plus 6 since Tuesday": the words that open a note of what an
# increment in words is compared with.
INCREMENT_NOTE_OPENERS: Final = frozenset({"from", "since", "over", "compared", "on"})


@dataclass(slots=True)
class NumberMention:
    """One figure or range found in a token list."""

    first: int  # index of its first token (the qualifier is not included)
    last: int  # index after its last token
    value: int | None  # a single figure
    low: int | None = None  # a range's bounds
    high: int | None = None
    increment: int | None = None  # the "(+4)" after a cumulative figure
    increment_span: tuple[int, int] | None = None
    spelled: bool = False  # written in words ("three")
    decimal: bool = False  # a fraction that no scale word made whole (2.5)
    bare_year: bool = False  # four digits in 1900..2099 without separators
    raw: float | None = None  # the figure before its scale word (1.2 in "1.2 million")
    scale: int = 1  # the scale word's factor


@dataclass(frozen=True, slots=True)
class NumberWords:
    """A language's number vocabulary, from its lexicon."""

    units: Mapping[str, int]  # one..nineteen, twenty..ninety
    multipliers: Mapping[str, int]  # hundred, thousand, million, тис.
    dozen: Mapping[str, int]  # dozen → 12
    articles: frozenset[str]  # "a", "an": one, before a multiplier
    half: frozenset[str]  # "half" in "half a million"
    vague: frozenset[str]  # hundreds, thousands, dozens: never a figure
    range_joiners: frozenset[str]  # to, -, –
    range_openers: Mapping[str, str]  # between → and, from → to
    conjunctions: frozenset[str]  # "and" inside "one hundred and fifty"
    approximate: frozenset[str] = frozenset()  # "une dizaine", "un centinaio": about ten, a hundred
    increments: frozenset[str] = frozenset()  # "plus" in "Tanks — 10,012, plus 6"


def parse_digits(text: str, *, scaled: bool = False) -> float | None:
    """Read a digit string with group or decimal separators; None when it is not a number.

    A separator followed by exactly three digits groups thousands (``34,700``,
    ``34.700``, ``34 700``); one followed by one or two digits is a decimal
    mark (``1.2``, ``1,2``). With ``scaled`` (a scale word follows) a single
    separator is always a decimal mark: ``1.500 million`` is not 1.5 billion.
    """
    raw = text.strip()
    for space in _SPACES:
        raw = raw.replace(space, "")
    raw = raw.replace("'", "").replace("’", "")
    if not raw:
        return None
    if raw.isdigit():
        return float(int(raw))
    seps = [ch for ch in raw if not ch.isdigit()]
    if any(ch not in ",." for ch in seps):
        return None
    groups = raw.replace(",", ".").split(".")
    if any(not g.isdigit() for g in groups):
        return None
    distinct = set(seps)
    if len(distinct) == 2:
        # 1,234.5 or 1.234,5: the last separator is the decimal mark, used once, and
        # the other one groups thousands.
        decimal_mark = seps[-1]
        if seps.count(decimal_mark) != 1:
            return None
        whole, _, fraction = raw.rpartition(decimal_mark)
        grouping = "." if decimal_mark == "," else ","
        parts = whole.split(grouping)
        if not (1 <= len(parts[0]) <= 3 and all(len(g) == 3 for g in parts[1:])):
            return None
        return float(f"{int(''.join(parts))}.{fraction}")
    if len(seps) == 1 and (scaled or len(groups[1]) != 3):
        return float(f"{int(groups[0])}.{groups[1]}")
    if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        return float(int("".join(groups)))
    if len(seps) == 1:
        return float(f"{int(groups[0])}.{groups[1]}")
    return None


def find_numbers(
    tokens: list[Token], words: NumberWords, *, skip: frozenset[int] = frozenset()
) -> list[NumberMention]:
    """Every figure and range in a sentence's tokens, in order; ``skip`` holds date tokens."""
    found: list[NumberMention] = []
    i = 0
    candidates = [k for k, t in enumerate(tokens) if t.kind == "num" or t.flags & NUMBER_WORD]
    for k in candidates:
        if k < i or k in skip:
            continue
        i = k
        single = _read_single(tokens, i, words)
        if single is None:
            i += 1
            continue
        mention = _extend_range(tokens, single, words, found)
        _attach_increment(tokens, mention, words.increments)
        found.append(mention)
        i = mention.last if mention.increment_span is None else mention.increment_span[1]
    return found


# A lower bound written in full is at least this large: "between 900,000 and 1.3m" (a
# bound that shares the upper one's scale, "1.5 to 2 million", "100 to 120 thousand", is
# a few digits).
SCALED_BOUND_LIMIT: Final = 1_000
# The scales the press glues to digits without a space ("30k troops", "1.3m soldiers"); spaced,
# "m" and "k" are more often units ("5 m deep"), so only the glued forms count.
GLUED_SCALES: Final = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}


def _read_single(tokens: list[Token], i: int, words: NumberWords) -> NumberMention | None:
    token = tokens[i]
    if token.kind == "num":
        return _read_digits(tokens, i, words)
    if token.kind == "word":
        mention = _read_words(tokens, i, words)
        if mention is not None and mention.value is not None:
            mention.raw = float(mention.value)
        return mention
    return None


def _read_digits(tokens: list[Token], i: int, words: NumberWords) -> NumberMention | None:
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    scale = 1
    last = i + 1
    if nxt is not None and nxt.norm in words.multipliers and nxt.kind == "word":
        scale = words.multipliers[nxt.norm]
        last = i + 2
        # "тис." and "mln." carry an abbreviation dot that belongs to the word.
        dotted = last < len(tokens) and tokens[last].norm == "." and tokens[last].start == nxt.end
        if dotted and len(nxt.norm) <= 4:
            last += 1
    elif nxt is not None and nxt.start == token.end and nxt.norm in GLUED_SCALES:
        scale = GLUED_SCALES[nxt.norm]  # "30k", "1.3m", "2bn": a scale glued to its digits
        last = i + 2
    value = parse_digits(token.text, scaled=scale > 1)
    if value is None:
        return None
    total = value * scale
    if nxt is not None and nxt.norm in CJK_GROUPS:
        rest, last = _read_cjk_remainder(tokens, last, scale)
        total += rest
    elif scale == 1000 and value == int(value) and last < len(tokens) and last == i + 2:
        # "2 mil 30 soldados" (Mexican press): the hundreds written after the thousands word
        rest_token = tokens[last]
        if rest_token.kind == "num" and rest_token.text.isdigit() and len(rest_token.text) <= 3:
            total, last = total + int(rest_token.text), last + 1
    whole = total == int(total)
    return NumberMention(
        first=i,
        last=last,
        value=int(total) if whole else None,
        decimal=not whole,
        bare_year=scale == 1 and _is_bare_year(token.text),
        raw=value,
        scale=scale,
    )


def _read_words(tokens: list[Token], i: int, words: NumberWords) -> NumberMention | None:
    """Spelled numbers: "three", "twenty-five", "a hundred and fifty", "half a million"."""
    n = len(tokens)
    norm = tokens[i].norm
    if norm in words.half and i + 2 < n and tokens[i + 1].norm in words.articles:
        mult = words.multipliers.get(tokens[i + 2].norm) or words.dozen.get(tokens[i + 2].norm)
        if mult:
            return NumberMention(first=i, last=i + 3, value=mult // 2, spelled=True)
        return None
    if norm in words.articles:
        if i + 1 < n and (tokens[i + 1].norm in words.dozen):
            return NumberMention(
                first=i, last=i + 2, value=words.dozen[tokens[i + 1].norm], spelled=True
            )
        if i + 1 < n and tokens[i + 1].norm in words.multipliers:
            total, last = _read_word_run(tokens, i + 1, words, start_value=1)
            return NumberMention(first=i, last=last, value=total, spelled=True)
        return None
    if words.multipliers.get(norm) == 1000 and i + 1 < n:
        rest = tokens[i + 1]  # "hasta mil 100 bajas" (Mexican press): one thousand and its hundreds
        if rest.kind == "num" and rest.text.isdigit() and len(rest.text) <= 3:
            return NumberMention(first=i, last=i + 2, value=1000 + int(rest.text), spelled=True)
    if norm not in words.units and norm not in words.dozen:
        return None
    if norm in CJK_DIGITS or norm in CJK_UNITS:
        return _read_cjk(tokens, i)
    total, last = _read_word_run(tokens, i, words)
    if total is None:
        return None
    return NumberMention(first=i, last=last, value=total, spelled=True)


def _read_word_run(
    tokens: list[Token], i: int, words: NumberWords, *, start_value: int | None = None
) -> tuple[int | None, int]:
    total = 0
    current = 0 if start_value is None else start_value
    seen = start_value is not None
    j = i
    n = len(tokens)
    while j < n:
        norm = tokens[j].norm
        if norm in words.units:
            if current and current % 10 == 0 and words.units[norm] < 10 and current < 100:
                current += words.units[norm]  # twenty-five
            elif current and current >= 100 and current % 100 == 0:
                current += words.units[norm]  # one hundred (and) fifty
            elif current:
                break
            else:
                current = words.units[norm]
            seen = True
        elif norm in words.dozen and seen is False:
            current = words.dozen[norm]
            seen = True
        elif norm in words.dozen and current:
            current *= words.dozen[norm]  # two dozen
        elif norm in words.multipliers and (current or seen):
            mult = words.multipliers[norm]
            if mult == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * mult
                current = 0
        elif (
            norm in words.conjunctions
            and current >= 100
            and j + 1 < n
            and tokens[j + 1].norm in words.units
        ):
            pass
        else:
            break
        j += 1
    if not seen:
        return None, i
    return total + current, j


# Chinese numerals: digits, and the units that multiply what comes before them
# (二千九百一十 = 2,910; 十万 = 100,000).
CJK_DIGITS: Final = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CJK_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
CJK_GROUPS: Final = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def _read_cjk(tokens: list[Token], i: int) -> NumberMention | None:
    """A Chinese numeral written in characters: 二千九百一十, 五百, 十万."""
    if i > 0 and tokens[i - 1].norm == "第":
        return None  # 第一: an ordinal
    total = section = digit = 0
    j = i
    while j < len(tokens) and (j == i or tokens[j].start == tokens[j - 1].end):
        norm = tokens[j].norm
        if norm in CJK_DIGITS:
            digit = CJK_DIGITS[norm]
        elif norm in CJK_UNITS:
            section += (digit or 1) * CJK_UNITS[norm]
            digit = 0
        elif norm in CJK_GROUPS and j > i:
            total += (section + digit) * CJK_GROUPS[norm]
            section = digit = 0
        else:
            break
        j += 1
    value = total + section + digit
    if value == 0:
        return None
    return NumberMention(first=i, last=j, value=value, spelled=True)


def _read_cjk_remainder(tokens: list[Token], j: int, group: int) -> tuple[int, int]:
    """What follows a group glued to it: the 6000 of 4万6000, the 4千 of 47萬4千."""
    if j >= len(tokens) or tokens[j].start != tokens[j - 1].end:
        return 0, j
    token = tokens[j]
    if token.kind == "num" and token.text.isdigit():
        rest, last = int(token.text), j + 1
        unit = tokens[last] if last < len(tokens) else None
        if unit is not None and unit.start == token.end and unit.norm in CJK_UNITS:
            rest, last = rest * CJK_UNITS[unit.norm], last + 1
    elif token.norm in CJK_DIGITS:
        mention = _read_cjk(tokens, j)
        if mention is None or mention.value is None:
            return 0, j
        rest, last = mention.value, mention.last
    else:
        return 0, j
    return (rest, last) if 0 < rest < group else (0, j)


# Articles a Romance range puts before its bounds ("tra i 100 e i 200").
RANGE_ARTICLES: Final = frozenset({"i", "gli", "le", "les", "los", "las"})


def _extend_range(
    tokens: list[Token],
    first: NumberMention,
    words: NumberWords,
    found: list[NumberMention],
) -> NumberMention:
    """Turn "60 to 100", "60-100", "between 60 and 100" (and "between 10 and 12-13") into ranges."""
    n = len(tokens)
    j = first.last
    if j + 1 >= n or first.raw is None:
        return first
    before = first.first - 1
    if before > 0 and tokens[before].norm in RANGE_ARTICLES:
        before -= 1  # "tra i 100 e i 200", "entre los 500 y los 800"
    opener = tokens[before].norm if before >= 0 else ""
    closing = words.range_openers.get(opener)
    joiner = tokens[j].norm
    if closing is not None:
        if joiner != closing:
            return first
    elif joiner not in words.range_joiners:
        return first
    elif not joiner.isalpha() and (tokens[j].start != tokens[j - 1].end):
        return first  # a spaced dash separates ("… 100 - Express"), it does not join
    after = j + 2 if closing is not None and tokens[j + 1].norm in RANGE_ARTICLES else j + 1
    second = _read_single(tokens, after, words) if after < n else None
    if second is None or second.value is None:
        return first
    high = second.value
    last = second.last
    # "between 10,000 and 12,500-13,000": the upper bound is itself a range.
    if closing is not None and last + 1 < n and tokens[last].norm in words.range_joiners:
        third = _read_single(tokens, last + 1, words)
        if third is not None and third.value is not None and third.value > high:
            high, last = third.value, third.last
    scale = second.scale
    raw_low = first.raw
    # "1.5 to 2 million": the upper bound's scale word applies to the lower bound too (but
    # "between 900,000 and 1.3m" wrote its lower bound in full).
    shared = first.scale == 1 and scale > 1 and raw_low < SCALED_BOUND_LIMIT
    low_value = raw_low * scale if shared else raw_low * first.scale
    if low_value != int(low_value):
        return first
    low = int(low_value)
    dashed = closing is None and not joiner.isalpha()
    if dashed and scale == first.scale == 1 and 0 < low < high // 1000 and high % 1000 == 0:
        low *= 1000  # "100-120.000 feriti": the lower bound shares the upper one's thousands
    if low >= high:
        return first
    return NumberMention(
        first=first.first,
        last=last,
        value=None,
        low=low,
        high=high,
        spelled=first.spelled,
        raw=None,
    )


def _attach_increment(
    tokens: list[Token], mention: NumberMention, increments: frozenset[str]
) -> None:
    """Read a daily increment after a figure: ``1,511 (+4)``, ``6,140 +8`` in a table, or
    ``10,012, plus 6`` in words."""
    j = mention.last
    if j < len(tokens) and tokens[j].norm == CELL_BORDER:
        j += 1  # "9,786 | +48": the increment stands in the table's next cell
    window = tokens[j : j + 4]
    if len(window) >= 2 and window[0].norm == "+" and window[1].kind == "num":
        # the table layout's bare "+8": the sign is glued to its number, apart from the total
        glued = window[0].end == window[1].start and window[0].start > tokens[j - 1].end
        value = parse_digits(window[1].text) if glued else None
        if value is not None and value == int(value):
            mention.increment = int(value)
            mention.increment_span = (mention.last, j + 2)
        return
    bracketed = bracketed_increment(tokens, j, mention.value)
    if bracketed is None and increments:
        bracketed = _worded_increment(tokens, j, mention.value, increments)
    if bracketed is not None:
        mention.increment, end = bracketed
        mention.increment_span = (j, end)


def _worded_increment(
    tokens: list[Token], j: int, total: int | None, increments: frozenset[str]
) -> tuple[int, int] | None:
    """ "Tanks — 10,012, plus 6", "10,012 (up 6)", "23,640, up 97 from the previous day": an
    increment word and a whole number smaller than the total that end the item, past a note
    of what it is compared with (``1,500, plus 300 wounded`` adds a count, no increment)."""
    n = len(tokens)
    bracketed = j < n and tokens[j].norm == "("
    if j < n and tokens[j].norm in ("(", ","):
        j += 1
    k = j + 1
    if k >= n or tokens[j].norm not in increments or tokens[k].kind != "num":
        return None
    end = k + 1
    if end < n and tokens[end].norm in INCREMENT_NOTE_OPENERS:
        end += 1
        while end < n and end - k <= INCREMENT_NOTE_TOKENS and tokens[end].kind == "word":
            end += 1
    if bracketed and (end >= n or tokens[end].norm != ")"):
        return None
    if end < n and tokens[end].norm not in ITEM_ENDS:
        return None
    value = parse_digits(tokens[k].text)
    if value is None or value != int(value) or total is None or value >= total:
        return None
    return int(value), end + 1 if bracketed else end


def _is_bare_year(text: str) -> bool:
    """Four digits in 1900..2099 without separators: a year, not a count."""
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099


def bracketed_increment(tokens: list[Token], j: int, total: int | None) -> tuple[int, int] | None:
    """The whole number of a "(+4)" that starts at ``tokens[j]`` and the index after it.

    A bracket without the sign ("Tanks: 9,899 (6)", a layout that says in its lead what the
    brackets hold) is an increment only below the total it follows and never a year.
    """
    if j + 2 >= len(tokens) or tokens[j].norm != "(":
        return None
    signed = tokens[j + 1].norm == "+"
    k = j + 2 if signed else j + 1
    if k + 1 >= len(tokens) or tokens[k].kind != "num":
        return None
    end: int | None = k + 2
    if tokens[k + 1].norm != ")":
        end = _increment_note_end(tokens, k + 1) if signed else None
    if end is None:
        return None
    value = parse_digits(tokens[k].text)
    if value is None or value != int(value):
        return None
    if not signed and (total is None or value >= total or _is_bare_year(tokens[k].text)):
        return None
    return int(value), end


def _increment_note_end(tokens: list[Token], k: int) -> int | None:
    """ "(+11 nelle ultime 24 ore)": after the number, a note of the increment's window in
    words and numbers, then the closing bracket; the index after it."""
    for j in range(k, min(len(tokens), k + INCREMENT_NOTE_TOKENS + 1)):
        if tokens[j].norm == ")":
            return j + 1 if j > k else None
        if tokens[j].kind not in ("word", "num"):
            return None
    return None


def label_end(tokens: list[Token], k: int) -> int:
    """Where a table line's label ends before its number at ``k``: before the cell border
    and a bracketed note ("UAVs (operational-tactical) | 23,048" ends after "UAVs")."""
    if k > 0 and tokens[k - 1].norm == CELL_BORDER:
        k -= 1
    if k > 0 and tokens[k - 1].norm == ")":
        for back in range(k - 2, max(-1, k - 2 - LABEL_NOTE_TOKENS), -1):
            if tokens[back].norm == "(":
                return back
    return k


def cell_of(tokens: list[Token], k: int) -> int:
    """The cell of a table row that token ``k`` stands in, counting pipes before it (a
    leading pipe, markdown's ``| … |``, opens the first cell)."""
    borders = sum(1 for t in tokens[:k] if t.norm == CELL_BORDER)
    return borders - 1 if tokens and tokens[0].norm == CELL_BORDER else borders
