"""Basis (cumulative, daily, rate, period) and the day a figure refers to.

Basis comes from the cue nearest the figure: a rate word beside it ("a
day"), a span in its clause ("in the past 24 hours", "in July", "since the
start of the year", "since the start of the war"), else cumulative. The day
(``as_of``) is the day its claimant spoke or its report was dated; for the
General Staff a day the text gives for the *losses* is the day before the
report that carries them (docs/extraction.md, "Dates").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from attrition.extract.claimants import MAX_ASIDE_REACH
from attrition.extract.dates import DateMention, add_months
from attrition.extract.figures import Figure, SentenceFigures
from attrition.extract.numbers import CELL_BORDER, INCREMENT_NOTE_TOKENS, bracketed_increment
from attrition.extract.rules import Lexicon
from attrition.extract.sides import relative_aside_end
from attrition.extract.tokens import Token, phrase_ends_at
from attrition.taxonomy import CONFLICT_START

# A cue in another clause of the sentence counts as this many tokens further away.
OTHER_CLAUSE_PENALTY: Final = 6
# Spans and daily cues name a window on purpose; "total"/"so far" are often incidental.
# Measured on the dev set: a head start of two tokens settles "In total, Ukraine has lost
# 37,355 … during offensive in Kursk area" (period) without disturbing other sentences.
SPECIFIC_CUE_BONUS: Final = 2
_PRIORITY: Final = {"rate": 0, "daily": 1, "period": 2, "cumulative": 3}
# Cumulative cues that name the war's start as a span does ("since February 24, 2022").
_WAR_SPANS: Final = frozenset({"basis.since_date", "basis.since_war"})
# "As of 09:00, air defence had shot down 76 UAVs": a running total's "as of" before a time
# of day dates one night's report, a day's window (the Air Force's night reports)
CLOCK_CUE: Final = "basis.clock"
# "since Ukraine's incursion into the Kursk region began": an event named before its verb;
# "since Moscow launched what it calls its "special operation"" names the war as far away.
SINCE_EVENT_REACH: Final = 12
# "an average of 931 casualties", "a daily average of 776": a rate cue ends at most one
# word ("of") before its figure.
RATE_REACH: Final = 1
# "bringing the total to 149,890", "so far 1,200": a cumulative cue this close before another
# figure introduces that figure, and is no cue for a figure before it.
INTRODUCED_REACH: Final = 1
# "bringing its total losses since the start of the invasion to about 592,000": the words
# between "bringing" and its total; a later figure further on is another statement.
BRINGING_REACH: Final = 12
# "In September, The Wall Street Journal, citing a Ukrainian estimate, reported": the
# subject (with an aside) between an opening month and its report verb.
REPORT_AFTER_DATE_REACH: Final = 14
# A report verb or noun this close before a month dates the report ("reported in February
# 2023"); further back, up to REPORTED_REACH, only across the name of who reported it
# ("reported by the Wall Street Journal in September 2024", own-en-12).
NEAR_REPORT: Final = 5
REPORTED_REACH: Final = 10


# "上月中旬接受美国媒体访问时说": a Chinese window may stand eleven characters before the
# report verb it dates (each character is a token); a clause stop or a figure ends the search.
SAID_AFTER_REACH: Final = 12
# Punctuation a statement's reach stops at (Chinese writes its own comma and stops).
_CLAUSE_STOPS: Final = frozenset({",", ";", ".", "，", "；", "。"})
# "Since the media's latest update on May 19": how far before its date a span opens.
SINCE_REACH: Final = 8
# "С прошлого подсчета, сделанного 30 мая": the words between an apposition's comma and the
# date that names when the span began.
APPOSITION_WORDS: Final = 2


@dataclass(slots=True)
class Cue:
    """A basis cue at a token span."""

    basis: str
    first: int
    last: int
    rule_id: str


def _in_relative_aside(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """Whether a cue stands in a comma-bounded relative aside that describes a speaker
    ("the General Staff, which publishes a daily tally, says …"), not the figure's span."""
    for back in range(a - 1, max(-1, a - 1 - MAX_ASIDE_REACH), -1):
        if tokens[back].norm == ",":
            return relative_aside_end(tokens, back, lex.grammar["relatives"]) > b
        if tokens[back].kind == "num":
            return False
    return False


def _supplied_before(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether a supply or deployment verb ends right before ``k`` or before its "in"."""
    if k > 0 and tokens[k - 1].norm == "in" and lex.non_claims.match_ending(tokens, k - 1):
        return True
    return k > 0 and lex.non_claims.match_ending(tokens, k) is not None


def _clock_at(tokens: list[Token], k: int) -> bool:
    """Whether a time of day ("09:00") starts at ``tokens[k]``."""
    if k + 2 >= len(tokens) or tokens[k + 1].norm != ":":
        return False
    hour, colon, minute = tokens[k], tokens[k + 1], tokens[k + 2]
    glued = hour.end == colon.start and colon.end == minute.start
    return glued and hour.kind == minute.kind == "num" and len(minute.text) == 2


def basis_cues(tokens: list[Token], found: SentenceFigures, lex: Lexicon) -> list[Cue]:
    """Every basis cue of a sentence: lexicon phrases, months and years, "since …", "in N weeks"."""
    # "23,640, up 97 from the previous day": an increment's note dates the increment alone
    notes = [f.mention.increment_span for f in found.figures if f.mention.increment_span]
    cues = [
        Cue("daily", a, b, CLOCK_CUE)
        if tag.value == "cumulative" and _clock_at(tokens, b)
        else Cue(tag.value, a, b, tag.rule_id)
        for tag, a, b in lex.basis_clause.find_all(tokens)
        if not (
            tag.value == "period"
            and (
                _said_when(tokens, a, lex)
                or (_says_after(tokens, b, lex) and not _opens_span(tokens, a, lex))
            )
        )
        and not _a_total_of(tokens, a, b)
        and not _in_increment_note(tokens, a)
        and not any(span[0] <= a < span[1] for span in notes if span is not None)
        and not _in_relative_aside(tokens, a, b, lex)
    ]
    for date in found.dates:
        prev = tokens[date.first - 1].norm if date.first > 0 else ""
        prev2 = tokens[date.first - 2].norm if date.first > 1 else ""
        # "seit Kriegsbeginn am Mittwoch": a weekday far after "since" is when it was said
        opened = date.kind not in ("weekday", "relative") and _since_before(tokens, date.first, lex)
        follows = tokens[date.last : date.last + 2]
        if [t.norm for t in follows] == [",", "when"]:
            continue  # "the highest since October 19, when it said …": a comparison, not a span
        if date.kind in ("month", "year") and _says_after(tokens, date.last, lex):
            continue  # "в сентябре оценивали потери в 80 тысяч": when they said it
        since = lex.grammar["since_words"]
        if prev in since or prev2 in since or opened:
            basis = "cumulative" if _opens_the_war(date) else "period"
            cues.append(Cue(basis, date.first - 1, date.last, "basis.since_date"))
            continue
        if date.kind not in ("month", "year"):
            continue
        if prev in lex.grammar["start_verbs"] or prev2 in lex.grammar["start_verbs"]:
            continue  # "since the conflict began in February 2022"
        if _supplied_before(tokens, date.first, lex):
            continue  # "12 of the 18 Leopards Germany sent in 2023": when they came, not a window
        if _reported_near(tokens, date.first, lex) or prev == "as":
            continue  # "reported in February 2023", "One report at the end of April"
        if _by_then(tokens, date.first) or _end_of_phrase(tokens, date, lex) is not None:
            continue  # "75,000 dead by the end of 2023": a point in time, not a window
        if phrase_ends_at(tokens, date.first, lex.grammar["point_phrases"], END_OF_PHRASE_TOKENS):
            continue  # "bis Mitte Februar": where a count stood, with no day to date it
        if _dates_a_report(tokens, date, lex):
            continue  # "In September, the newspaper reported that …": when it was said
        if (
            (
                prev in lex.date_words.month_context
                or prev2 in lex.date_words.month_context
                or prev in (",", CELL_BORDER)  # "| July | 34,210 |": a table row's month
            )
            or date.first == 0
            or (date.last < len(tokens) and tokens[date.last].norm in ("was", "saw"))
        ):
            cues.append(Cue("period", date.first, date.last, "basis.month"))
    cues.extend(_span_cues(tokens, lex))
    cues.extend(_since_war_cues(tokens, lex))
    return cues


def span_basis(tokens: list[Token], found: SentenceFigures, lex: Lexicon) -> str | None:
    """The window a figure-less lead names for its list: "between June 15 and June 21" or
    "over the past week" is a period, "from February 24, 2022 to …" the running total, an
    average ("Monthly average daily casualties:") a rate."""
    # a day's window is the increments', not the totals'; a bracket glosses the columns
    # ("(total, change since yesterday)")
    glossed: set[int] = set()
    depth = 0
    for i, token in enumerate(tokens):
        depth += (token.norm == "(") - (token.norm == ")")
        if depth > 0:
            glossed.add(i)
    cues = [c for c in basis_cues(tokens, found, lex) if c.first not in glossed]
    if any(c.basis == "rate" for c in cues):
        return "rate"  # "Monthly average daily casualties:" over "September 2024: 1,271"
    if any(c.basis == "period" for c in cues):
        return "period"
    for date in found.dates:
        opener = date.first > 0 and tokens[date.first - 1].norm in ("between", "from")
        if opener and date.kind in ("day", "weekday", "relative"):
            return "cumulative" if _opens_the_war(date) else "period"
    return None


def _opens_the_war(date: DateMention) -> bool:
    """The war's first day, or its month or year named with the year: "since February 24",
    "since February 2022", "since 2022" count from the start (a bare "since February" may be
    any year's)."""
    year = CONFLICT_START.year
    if date.kind == "day":
        return (
            date.month == CONFLICT_START.month
            and date.day in (CONFLICT_START.day, None)
            and date.year in (None, year)
        )
    if date.kind == "month":
        return date.month == CONFLICT_START.month and date.year == year
    return date.kind == "year" and date.year == year


def _said_on(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    for back in range(k - 1, max(-1, k - 4), -1):
        if tokens[back].norm in _CLAUSE_STOPS:
            return False
        if lex.report_verbs.match(tokens, back) is not None:
            return True
    return False


def _a_total_of(tokens: list[Token], a: int, b: int) -> bool:
    """ "a total of 1,184 names": a way of giving a number, not a running total."""
    return a > 0 and tokens[a - 1].norm == "a" and b < len(tokens) and tokens[b].norm == "of"


def _since_before(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "Since the media's latest update on May 19": a span opened a few words before its date,
    also across an apposition naming its start ("depuis son incursion, le 6 août")."""
    reach = SINCE_REACH
    for back in range(k - 1, max(-1, k - SINCE_REACH - APPOSITION_WORDS - 2), -1):
        if k - back >= reach:
            return False
        norm = tokens[back].norm
        if norm == "," and k - back - 1 <= APPOSITION_WORDS and reach == SINCE_REACH:
            reach += k - back  # the apposition's words do not count against the span's
            continue
        if norm in _CLAUSE_STOPS or tokens[back].kind == "num":
            return False
        if norm in lex.grammar["since_words"]:
            return True
    return False


def _reported_near(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A statement verb or report noun just before a date: the date is when it was said, also
    past the name of who said it ("reported by the Wall Street Journal in September 2024")."""
    named = lex.grammar["prepositions"] | lex.grammar["determiners"]
    opens_clause = lex.grammar["complementizers"]
    only_names = True  # every word between so far belongs to a name ("by the Wall Street …")
    for back in range(k - 1, max(-1, k - REPORTED_REACH), -1):
        if back < k - NEAR_REPORT and not only_names:
            return False
        if tokens[back].norm in opens_clause:
            return (
                False  # "sostiene che a maggio la Russia abbia perso": the month is what was said
            )
        if lex.report_verbs.match(tokens, back) or lex.source_nouns.match(tokens, back):
            return True
        token = tokens[back]
        only_names = only_names and (token.is_capitalised or token.norm in named)
    return False


# A year without a 29 February, for the last day of a month named without its year.
NON_LEAP_YEAR: Final = 2001
# "entro la fine del", "à la fin de": another language's "by the end of" is a few words.
END_OF_PHRASE_TOKENS: Final = 4
# The words that make "the end of" a month or year the day a count stood at.
_END_OF_LINKS: Final = frozenset({"by", "at", "as"})
# The words between "by" and the month or year it reaches ("by the end of 2023").
_BY_THEN_WORDS: Final = frozenset({"the", "end", "start", "beginning", "middle", "close", "of"})


def _by_then(tokens: list[Token], k: int) -> bool:
    """ "by 2024", "by the end of 2023": the date a count had reached, not a span of losses."""
    for back in range(k - 1, max(-1, k - 5), -1):
        norm = tokens[back].norm
        if norm in _END_OF_LINKS:
            return True
        if norm not in _BY_THEN_WORDS:
            return False
    return False


def _dates_a_report(tokens: list[Token], date: DateMention, lex: Lexicon) -> bool:
    """ "In September, The Wall Street Journal reported that …": a month opening the sentence
    and set off by a comma dates the statement that follows it, not the figures inside it."""
    if date.first > 1 or date.last >= len(tokens) or tokens[date.last].norm != ",":
        return False
    for k in range(date.last + 1, min(len(tokens), date.last + 1 + REPORT_AFTER_DATE_REACH)):
        if tokens[k].kind == "num" or tokens[k].norm in (";", "."):
            return False  # a figure before the verb is the month's: "In May, 1,200 died, …"
        if lex.report_verbs.match(tokens, k) is not None:
            return True
    return False


def _opens_span(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "Over the week the military reported destroying 71 tanks": a window opened by "over",
    "during", "in the past" is what the report counts, not when it was made ("last week")."""
    return tokens[k].norm in lex.grammar["span_openers"]


def _said_when(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """When a statement was made, not a span: "said this week", "reported … last summer"."""
    for back in range(k - 1, max(-1, k - 7), -1):
        if tokens[back].norm in _CLAUSE_STOPS or tokens[back].kind == "num":
            return False
        if tokens[back].norm in lex.grammar["complementizers"]:
            return False  # "ha affermato che le perdite … nell'ultima settimana": what was said
        if lex.report_verbs.match(tokens, back) is not None:
            return True
    return False


def _in_increment_note(tokens: list[Token], k: int) -> bool:
    """ "9.308 carri armati (+11 nelle ultime 24 ore)": the window names the increment's day,
    not the total's, so it is no cue of the sentence."""
    for back in range(k - 1, max(-1, k - INCREMENT_NOTE_TOKENS - 3), -1):
        if tokens[back].norm == ")":
            return False
        if tokens[back].norm == "(":
            return bracketed_increment(tokens, back, None) is not None
    return False


def _says_after(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A window the speaker's verb follows in the same clause, with no figure between, is when
    it spoke ("泽连斯基上月中旬接受采访时说", "英國國防部上週在簡報中指出")."""
    for j in range(k, min(len(tokens), k + SAID_AFTER_REACH)):
        if tokens[j].norm in _CLAUSE_STOPS or tokens[j].kind == "num":
            return False
        if lex.report_verbs.match(tokens, j) is not None:
            return True
    return False


def _span_cues(tokens: list[Token], lex: Lexicon) -> list[Cue]:
    """ "in the past two weeks" (period), "in just three weeks of fighting" (the whole war)."""
    cues: list[Cue] = []
    n = len(tokens)
    for k, token in enumerate(tokens):
        if token.norm not in lex.period_nouns or k == 0:
            continue
        j = k - 1
        if tokens[j].kind != "num" and tokens[j].norm not in lex.number_words.units:
            continue
        start = j
        while start > 0 and tokens[start - 1].norm in lex.grammar["span_marks"] and k - start < 5:
            start -= 1
        if start == 0 or tokens[start - 1].norm not in lex.grammar["span_openers"]:
            continue
        tail = k + 1
        if tail < n and tokens[tail].norm == "of":
            war = lex.war_nouns.match(tokens, tail + 1) or lex.war_nouns.match(tokens, tail + 2)
            places = lex.grammar["battle_prepositions"]
            battle = war is not None and war[1] < n and tokens[war[1]].norm in places
            if war is not None and not battle:  # not "four months of fighting for Avdiivka"
                cues.append(Cue("cumulative", start - 1, war[1], "basis.weeks_of_war"))
                continue
        if token.norm in ("hours",) or (token.norm in ("day",) and tokens[j].text in ("1", "one")):
            cues.append(Cue("daily", start - 1, k + 1, "basis.span_day"))
            continue
        cues.append(Cue("period", start - 1, k + 1, "basis.span"))
    return cues


def _since_war_cues(tokens: list[Token], lex: Lexicon) -> list[Cue]:
    """ "since Russia launched its full-scale invasion", "since Putin's war began" (the whole
    war); "since Ukraine's incursion into the Kursk region began" (a span since an event)."""
    cues: list[Cue] = []
    invasion = lex.grammar.get("invasion_words", frozenset())
    for k, token in enumerate(tokens):
        if token.norm not in lex.grammar["since_words"] or _inside_noun(tokens, k, lex):
            continue
        started: int | None = None
        for j in range(k + 1, min(k + SINCE_EVENT_REACH, len(tokens))):
            war = lex.war_nouns.match(tokens, j)
            invaded = tokens[j].norm in invasion
            if war is not None or invaded:  # not "since the counteroffensive began"
                cues.append(Cue("cumulative", k, j + 1, "basis.since_war"))
                started = None
                break
            if tokens[j].norm in (",", ".", ";") or tokens[j].kind == "num":
                break
            if tokens[j].norm in lex.number_words.units:
                break  # "… la Russia ha perso tre navi da guerra": a count, past the span
            if started is None and tokens[j].norm in lex.grammar["start_verbs"]:
                started = j
        if started is not None:
            cues.append(Cue("period", k, started + 1, "basis.since_event"))
    return cues


def _inside_noun(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "navi da guerra": a word inside a category noun is no "since"."""
    for j in range(max(0, k - 3), k):
        hit = lex.nouns.match(tokens, j)
        if hit is not None and hit[1] > k:
            return True
    return False


def choose_basis(
    figure: Figure,
    cues: list[Cue],
    clause_of: list[int],
    others: Sequence[Figure] = (),
    listed: frozenset[tuple[int, int]] = frozenset(),
) -> Cue | None:
    """The cue nearest to a figure, preferring its own clause and specific windows.

    A cue with another figure between it and this one belongs to that figure: in
    "868,000, including 1,140 over the past 24 hours" the day is 1,140's.
    """
    if figure.basis_hint is not None:
        return Cue(
            figure.basis_hint, figure.first, figure.last, figure.basis_rule or "basis.figure"
        )
    if figure.date_hint is not None:
        return Cue("daily", figure.first, figure.last, "basis.respectively_days")
    end = max(figure.last, figure.noun_last)
    for cue in cues:
        # "a daily average of 776 in October": an average is a rate whatever window follows
        touching = 0 <= figure.first - cue.last <= RATE_REACH
        if cue.basis == "rate" and touching and clause_of[cue.first] == figure.clause:
            return cue
        # "Russia's daily average in October was 1,354": nor does a window before it change that
        if cue.basis == "rate" and _average_over_window(cue, figure, cues, clause_of, others):
            return cue
    best: tuple[int, int, Cue] | None = None
    # "lost 1,110 troops on Sunday, bringing its total … since the invasion to 592,000": what
    # follows "bringing" is the total's
    brought = [
        c.first
        for c in cues
        if c.rule_id == "basis.bringing" and c.first >= end and _introduces(c, figure, others)
    ]
    for cue in cues:
        if cue.first >= figure.mention.first and cue.last <= figure.mention.last:
            continue
        if brought and cue.first >= brought[0]:
            continue
        if cue.first >= end and any(
            end <= other.mention.first < cue.first and not _listed(figure, other, listed)
            for other in others
        ):
            continue  # a trailing cue after another, unlisted figure is that figure's
        if cue.basis == "cumulative" and cue.first >= end and _introduces(cue, figure, others):
            continue  # "650 …, bringing the total to 149,890": the total is 149,890's
        if cue.last <= figure.first and _part_after(cue, figure, others):
            continue  # "420.000 … desde el inicio de la invasión, 1.050 de ellos": the whole's
        if cue.last <= figure.first:
            distance = figure.first - cue.last
        elif cue.first >= end:
            distance = cue.first - end
        else:
            distance = 0
        if clause_of[min(cue.first, len(clause_of) - 1)] != figure.clause:
            distance += OTHER_CLAUSE_PENALTY
        if cue.basis in ("daily", "period") or cue.rule_id in _WAR_SPANS:
            distance -= SPECIFIC_CUE_BONUS  # "since February 2022" names its span as well
        key = (distance, _PRIORITY[cue.basis], cue)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best is not None else None


def _average_over_window(
    cue: Cue, figure: Figure, cues: list[Cue], clause_of: list[int], others: Sequence[Figure]
) -> bool:
    """A rate cue before the figure in its clause, with only windows between them and no
    other figure ("daily average in October was 1,354")."""
    if cue.last > figure.first or clause_of[cue.first] != figure.clause:
        return False
    between = [c for c in cues if cue.last <= c.first < figure.first]
    return (
        bool(between)
        and all(c.basis == "period" for c in between)
        and not any(cue.last <= other.first < figure.first for other in others)
    )


def _introduces(cue: Cue, figure: Figure, others: Sequence[Figure]) -> bool:
    """True when another figure follows the cue at once or after one word ("total to N"), or
    a few words after "bringing" ("bringing its total losses to about 592,000")."""
    reach = BRINGING_REACH if cue.rule_id == "basis.bringing" else INTRODUCED_REACH
    return any(other is not figure and 0 <= other.first - cue.last <= reach for other in others)


def _part_after(cue: Cue, figure: Figure, others: Sequence[Figure]) -> bool:
    """True when the figure is a part ("1,050 of them") of a figure before the cue."""
    return figure.rule_id.endswith(":reference") and any(
        other is not figure and other.mention.last <= cue.first for other in others
    )


def _listed(figure: Figure, other: Figure, listed: frozenset[tuple[int, int]]) -> bool:
    return (figure.mention.first, other.mention.first) in listed


def war_age_reference(tokens: list[Token], lex: Lexicon) -> dt.date | None:
    """The day a text is written, from its war age: "hit the four-month mark this week"."""
    words = lex.war_age
    units = lex.number_words.units
    for k, token in enumerate(tokens):
        if token.kind == "num" and token.text.isdigit():
            amount = int(token.text)
        elif token.norm in units:
            amount = units[token.norm]
        else:
            continue
        j = k + 1
        month = words["month_words"].match(tokens, j)
        day = words["day_words"].match(tokens, j)
        if month is not None:
            after = month[1]
            if words["mark_words"].match(tokens, after) or _into_war(tokens, after, lex):
                return add_months(CONFLICT_START, amount)
        elif day is not None and _into_war(tokens, day[1], lex) and amount < 5000:
            return CONFLICT_START + dt.timedelta(days=amount - 1)
        if (
            k > 0
            and lex.war_age["day_words"].match(tokens, k - 1)
            and _into_war(tokens, k + 1, lex)
        ):
            return CONFLICT_START + dt.timedelta(days=amount - 1)  # "day 100 of the war"
    return None


def _into_war(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    hit = lex.war_age["into_words"].match(tokens, j)
    if hit is None:
        return False
    k = hit[1]
    if k < len(tokens) and tokens[k].norm in ("the", "its", "russia's", "putin's"):
        k += 1
    return lex.war_age["war_nouns"].match(tokens, k) is not None


def loss_day(
    tokens: list[Token], figure: Figure, found: SentenceFigures, lex: Lexicon
) -> DateMention | None:
    """A day the clause gives for the losses, not for a statement: "on Friday, losses …"."""
    for date in found.dates:
        if date.kind not in ("day", "weekday", "relative"):
            continue
        if found.clause_of[min(date.first, len(found.clause_of) - 1)] != figure.clause:
            continue
        if date.first > 0 and tokens[date.first - 1].norm in lex.grammar["span_starts"]:
            continue
        if _since_before(tokens, date.first, lex) or any(
            tokens[k].norm in ("between", "from") for k in range(max(0, date.first - 3), date.first)
        ):
            continue
        if _said_on(tokens, date.first, lex):
            continue  # "the outlets said on Friday": the day of the statement
        if _event_began_on(tokens, date.first, lex):
            continue
        return date
    return None


def _event_began_on(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "during the offensive that began on May 10": the day an event began, told in a
    relative clause, is the start of the window the losses fall in, not their day."""
    grammar = lex.grammar
    j = k - 1
    while j > 0 and tokens[j].norm in grammar["prepositions"]:
        j -= 1
    return (
        j > 0
        and tokens[j].norm in grammar["start_verbs"]
        and tokens[j - 1].norm in grammar["relatives"]
    )


def _end_of(tokens: list[Token], date: DateMention) -> DateMention | None:
    """ "by the end of 2024", "at the end of April": the last day of that month or year."""
    k = date.first
    if k < 3 or [t.norm for t in tokens[k - 2 : k]] != ["end", "of"]:
        return None
    before = k - 4 if tokens[k - 3].norm == "the" else k - 3
    if before < 0 or tokens[before].norm not in _END_OF_LINKS:
        return None
    return _last_day(date)


def _end_of_phrase(tokens: list[Token], date: DateMention, lex: Lexicon) -> DateMention | None:
    """ "к концу 2024 года", "a finales de 2024": a lexicon's "by the end of" before the date."""
    phrases = lex.grammar["end_of_phrases"]
    if phrase_ends_at(tokens, date.first, phrases, END_OF_PHRASE_TOKENS):
        return _last_day(date)
    return None


def _last_day(date: DateMention) -> DateMention:
    """The last day of the month or year a date names, at the date's tokens."""
    month = date.month or 12
    last = calendar.monthrange(date.year or NON_LEAP_YEAR, month)[1]
    return DateMention(date.first, date.last, "day", year=date.year, month=month, day=last)


def as_of_cue(tokens: list[Token], found: SentenceFigures, lex: Lexicon) -> DateMention | None:
    """A report's day: "As of Sunday", "between February 24 and April 17", "to 25.06"."""
    for date in found.dates:
        if date.kind in ("month", "year"):
            # "One report at the end of April": when it was said, not when a count stood
            end = (
                None
                if _reported_near(tokens, date.first, lex)
                else _end_of(tokens, date) or _end_of_phrase(tokens, date, lex)
            )
            if end is not None:
                return end
            continue
        if date.kind not in ("day", "weekday", "relative"):
            continue
        hit = lex.as_of_cues.match_ending(tokens, date.first)
        if hit is not None:
            return date
        if date.first > 0 and tokens[date.first - 1].norm in ("and", "to"):
            opener = [
                k
                for k in range(max(0, date.first - 8), date.first)
                if tokens[k].norm in ("between", "from")
            ]
            if opener:
                return date
    return None
