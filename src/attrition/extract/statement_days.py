"""The day a statement was made: a date beside its report verb or its speaker. A mixin of
``claimants.AttributionReader``."""

from __future__ import annotations

from typing import Final

from mypy_extensions import trait

from attrition.extract.dates import DateMention
from attrition.extract.rules import Lexicon
from attrition.extract.speakers import Entity
from attrition.extract.tokens import Token, phrase_ends_at

# "said in an update posted to social media on Wednesday": the day of a statement comes
# within ten tokens of its verb, with no comma between.
MAX_DATE_REACH: Final = 10
# "当地时间", "北京時間": a day's prefix is a few characters, each a token.
DAY_PREFIX_TOKENS: Final = 4
# A name in apposition: ", Olexander Schtupun," between a speaker and the day it spoke.
MAX_ASIDE_WORDS: Final = 4


@trait
class StatementDayReader:
    """The days of statements, for the attribution reader."""

    lex: Lexicon

    def _statement_date(
        self,
        tokens: list[Token],
        cue: int,
        cue_end: int,
        entity: Entity,
        dates: list[DateMention],
    ) -> DateMention | None:
        """The day a statement was made: "said on Tuesday", "On Tuesday, Kyiv said"."""
        anchor = _past_name_aside(tokens, max(cue_end, entity.last))
        first = min(cue, entity.first)
        for date in dates:
            if date.kind not in ("day", "weekday", "relative", "month", "same"):
                continue
            verb = self.lex.report_verbs.match(tokens, cue) is not None
            lo = cue_end if verb and cue_end <= date.first else 0  # "deaths he reported in May"
            if _after_since(tokens, date, self.lex.grammar["span_starts"], lo):
                continue
            if date.kind == "month":  # "reported in February 2023": dated, but not to a day
                if anchor <= date.first <= anchor + 3:
                    return date
                continue
            if anchor <= date.first <= anchor + MAX_DATE_REACH:
                between = tokens[anchor : date.first]
                stops = self.lex.grammar["span_starts"] | {",", ".", ";", "that"}
                # "said Russia lost 1,110 troops on Sunday": a day past a loss verb and its
                # figure is the loss's ("reported 2,030 casualties on November 20" is the report's)
                if not any(t.norm in stops for t in between) and not self._loss_verb_figure(
                    tokens, anchor, date.first
                ):
                    return date
            if entity.last <= date.first and date.last <= cue:
                return date  # "The Ukrainian general staff today said"
            if cue_end <= date.first and date.last <= entity.first:
                return date  # "according to a report published on Tuesday by the CSIS"
            if date.last <= first and (date.first <= 2 or self._prefixes_day(tokens, date)):
                between = tokens[date.last : first]
                if all(t.norm in (",", "，", "the", "late", "early") for t in between):
                    return date  # "On Tuesday, Kyiv said", not "… early on Tuesday, it said"
                fronted = date.first <= 1 and date.last < len(tokens)
                fronted = fronted and tokens[date.last].norm in (",", "，")
                if fronted and not any(t.kind == "num" for t in between):
                    return date  # "On September 3, the team of researchers … said"
        return None

    def _loss_verb_figure(self, tokens: list[Token], lo: int, hi: int) -> bool:
        """Whether a loss verb and then a figure stand in ``tokens[lo:hi]``."""
        for k in range(lo, hi):
            cue = self.lex.loss_cues.match(tokens, k)
            if cue is not None and cue[0].value in ("patient", "agent"):
                return any(t.kind == "num" for t in tokens[cue[1] : hi])
        return False

    def _prefixes_day(self, tokens: list[Token], date: DateMention) -> bool:
        """A prefix of the day stands right before it: "（央视）当地时间12月21日，…"."""
        return phrase_ends_at(
            tokens, date.first, self.lex.grammar["day_prefixes"], DAY_PREFIX_TOKENS
        )


def _after_since(
    tokens: list[Token], date: DateMention, starts: frozenset[str], lo: int = 0
) -> bool:
    """ "since the update on May 19": the start of a span, not the day of a statement; a
    span word before the statement's verb (``lo``) opens some other span."""
    for k in range(date.first - 1, max(lo - 1, date.first - 8), -1):
        if tokens[k].norm in (",", ";", "."):
            return False
        if tokens[k].norm in starts:
            return True
    return False


def _past_name_aside(tokens: list[Token], k: int) -> int:
    """The index after a comma-enclosed name right at ``k`` (", Olexander Schtupun,"), else k."""
    if k >= len(tokens) or tokens[k].norm != ",":
        return k
    for j in range(k + 1, min(len(tokens), k + 2 + MAX_ASIDE_WORDS)):
        if tokens[j].norm == ",":
            return j + 1 if j > k + 1 else k
        if not (tokens[j].kind == "word" and tokens[j].is_capitalised):
            return k
    return k
