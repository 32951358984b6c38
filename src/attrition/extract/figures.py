"""Loss figures in one sentence: number, what it counts, qualifier and local cues.

A figure is a number (or range) that a loss noun phrase claims: ``35,000
troops``, ``2,916 of Russia's tanks``, ``the number of dead Russian troops at
more than 7,000``, ``544 … captured, 79 damaged and 65 abandoned``. Every
scan here looks at most a few tokens away from its number, so the cost of a
sentence is linear in its length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate
from typing import Final

from attrition.extract.complements import (
    CASUALTY_CATEGORIES,
    ComplementReader,
    is_cjk,
    is_date_token,
)
from attrition.extract.dates import find_dates
from attrition.extract.lists import ListReader
from attrition.extract.nouns import MAX_PREDICATE_GAP, model_numbers
from attrition.extract.numbers import NumberMention, find_numbers
from attrition.extract.records import PERSON_CATEGORIES, Figure, NounPhrase, SentenceFigures
from attrition.extract.rules import Lexicon, Noun
from attrition.extract.tokens import Token

__all__ = ["PERSON_CATEGORIES", "Figure", "FigureReader", "NounPhrase", "SentenceFigures"]


# "the daily average of Russian casualties": how far before a complement's noun "average"
# may stand (the article, "daily", "of" and a side word fit in four).
AVERAGE_REACH: Final = 4


# "Of those identified so far, …": the words a part's opener may add before its comma.
PART_OPENER_WORDS: Final = 3
# "在已確認身份的死者中，": an opening phrase that names the whole ends within sixteen tokens
# (ten Chinese characters there).
PART_OPENER_SPAN: Final = 16


# "More than 4,600 were officers": the qualifier words a part's count may open its sentence
# with before its copula ("some", "more than", "at least", "just over").
COPULA_OPENER_WORDS: Final = 3


# "Halyna Morenko, 67, a retired teacher": a number set off by commas after a name is an
# age up to this; the figures of item lists written in prose ("Sever, 2,350;") are larger.
MAX_AGE: Final = 110


# The lexicon row of the losing verbs ("lost", "suffered"), which count anything lost.
LOSING: Final = "loss.patient"


class FigureReader(ComplementReader, ListReader):
    """Finds loss figures in a sentence's tokens with one language's lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._loss_clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._loss_of: list[Token] | None = None
        self._after_losses = False
        self._item_line = False
        self._partition = False  # the sentence opens "Of those (identified), …"
        self._columns: tuple[NounPhrase | None, ...] = ()
        self._wholes: set[int] = set()
        # the last sentence counted things but no losses ("attacked with 112 drones")
        self.counted_no_loss = False

    # -- entry point -------------------------------------------------------------------

    def read(
        self,
        tokens: list[Token],
        topic: NounPhrase | None,
        *,
        after_losses: bool = False,
        item_line: bool = False,
        columns: tuple[NounPhrase | None, ...] = (),
    ) -> SentenceFigures:
        """Every loss figure of the sentence, in order.

        ``after_losses`` says the sentence before counted losses, so "the tally includes
        9,700 former prisoners" continues that count without a loss word of its own.
        ``item_line`` says the sentence is an item line of a loss list ("5,293 (+5) tanks");
        ``columns`` are the nouns its table's header row names over each cell.
        """
        self._after_losses = after_losses
        self._item_line = item_line
        self._columns = columns
        dates = find_dates(tokens, self.lex.date_words)
        skip = frozenset(
            k
            for d in dates
            if d.kind in ("day", "year") or d.year is not None  # "febrero de 2022"
            for k in range(d.first, d.last)
        ) | frozenset(model_numbers(tokens))
        mentions = find_numbers(tokens, self.lex.number_words, skip=skip)
        clause_of = self._clauses(tokens)
        result = SentenceFigures(tokens, [], dates, clause_of)
        self.counted_no_loss = False
        if not mentions:
            result.phrases = self._topic_phrases(tokens, clause_of)
            return result
        result.phrases = self._phrases(tokens, 0, len(tokens), clause_of)
        mention_starts = {m.first for m in mentions}
        pending: list[tuple[NumberMention, int]] = []
        self._wholes = set()
        counted = False
        for index, mention in enumerate(mentions):
            if self._is_not_a_count(tokens, mention) or mention.first in self._wholes:
                continue
            counted = True
            figure = self._figure(tokens, mention, clause_of, mention_starts, result, topic)
            if figure is None:
                pending.append((mention, index))
                continue
            result.figures.append(figure)
        self._chain(tokens, pending, result, clause_of)
        result.figures.sort(key=lambda f: f.mention.first)
        self._respectively(tokens, result)
        self._partition = (
            after_losses
            and topic is not None
            and (self._opens_with_a_part(tokens) or self._opens_with_a_copula(tokens, mentions))
        )
        if self._partition and topic is not None and topic.category in PERSON_CATEGORIES:
            for figure in result.figures:  # "Of those identified, 18,440 were former prisoners"
                if figure.person and not figure.explicit_category:
                    figure.category = topic.category
        self._refine_lost(result)
        self._parts_of_the_dead(result)
        self._parts_of_armour(result)
        self._distribute_qualifiers(tokens, result)
        self._share_predicates(tokens, result)
        result.figures = self._losses(tokens, result.figures, clause_of)
        self.counted_no_loss = counted and not result.figures
        self._increments(result)
        self._bracketed_totals(result)
        return result

    def header_phrases(self, tokens: list[Token]) -> list[NounPhrase]:
        """Every noun phrase of a table's header row ("Month | Personnel | Tanks")."""
        return self._phrases(tokens, 0, len(tokens), self._clauses(tokens))

    # -- structure ------------------------------------------------------------------------

    def _clauses(self, tokens: list[Token]) -> list[int]:
        """Clause number of each token; clauses break at ; … and contrastive conjunctions."""
        breaks = self.lex.clause_breaks
        starts = [token.norm in breaks for token in tokens]
        if starts:
            starts[0] = False
        return list(accumulate(starts))

    # -- a single figure --------------------------------------------------------------------

    def _is_not_a_count(self, tokens: list[Token], m: NumberMention) -> bool:
        """Money, percentages, measures, ordinals, fractions and years are not loss figures."""
        if m.decimal or (m.value is None and m.low is None):
            return True
        if m.first > 0 and tokens[m.first - 1].norm in self.lex.currency_before:
            return True
        nxt = tokens[m.last] if m.last < len(tokens) else None
        if nxt is not None:
            if nxt.norm in self.lex.units_after and not (
                nxt.norm in ("a", "per") or nxt.norm in self.lex.rate_per
            ):
                return True
            if nxt.norm in self.lex.fraction_words:
                return True
            after = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
            glued_digit = after is not None and after.start == nxt.end and after.kind == "num"
            if nxt.norm in (":", "/") and nxt.start == tokens[m.last - 1].end and glued_digit:
                return True  # 02:01, 02/08 (but "719,000: Russian troops" is a count)
            glued = nxt.kind == "word" and nxt.start == tokens[m.last - 1].end and not nxt.joined
            if glued and not is_cjk(nxt.text):
                return True  # 6th, 19FortyFive (but "592架" is a number and its classifier)
        prev = tokens[m.first - 1] if m.first > 0 else None
        if prev is not None and prev.norm in (":", "/") and prev.end == tokens[m.first].start:
            before = tokens[m.first - 2] if m.first > 1 else None
            if before is not None and before.kind == "num" and before.end == prev.start:
                return True  # the "01" of 02:01
        if m.bare_year and prev is not None and prev.norm.endswith("'s"):
            return True  # "Russia's 2024 tank losses": the year of the losses, not a count
        if prev is not None and prev.norm in self.lex.grammar["denominators"]:
            return True  # "deaths per 10,000 men": a rate's denominator
        if self._is_an_age(tokens, m) or self._is_one_of_the_most(tokens, m):
            return True
        return prev is not None and prev.norm in ("#", "№", "no")

    @staticmethod
    def _is_an_age(tokens: list[Token], m: NumberMention) -> bool:
        """ "Zelensky, 46, said": a small number set off by commas right after a name."""
        if m.value is None or m.value > MAX_AGE or m.first < 2 or m.spelled:
            return False
        if m.last >= len(tokens) or tokens[m.last].norm != "," or tokens[m.first - 1].norm != ",":
            return False
        name = tokens[m.first - 2]
        return name.kind == "word" and name.text[:1].isupper()

    @staticmethod
    def _is_one_of_the_most(tokens: list[Token], m: NumberMention) -> bool:
        """ "one of the highest daily tolls": a rank among others, not a count of one."""
        if m.value != 1 or not m.spelled or m.last + 2 >= len(tokens):
            return False
        of, the, rank = tokens[m.last : m.last + 3]
        superlative = rank.norm in ("most", "worst", "best") or (
            rank.norm.endswith("est") and len(rank.norm) > 4
        )
        return of.norm == "of" and the.norm == "the" and superlative

    def _figure(
        self,
        tokens: list[Token],
        m: NumberMention,
        clause_of: list[int],
        mention_starts: set[int],
        result: SentenceFigures,
        topic: NounPhrase | None,
    ) -> Figure | None:
        np_start = m.increment_span[1] if m.increment_span is not None else m.last
        whole = self._part_of_whole(tokens, np_start, mention_starts)
        if whole is not None:  # "2,200 of the 3,500 tanks": the noun after the whole
            np_start = whole
        phrase = self._noun_before_count(tokens, m, clause_of)
        how = "counted"
        if phrase is None:
            phrase = self._noun_after(tokens, np_start, clause_of, mention_starts, m.first)
            how = "whole" if whole is not None else "np"
        if (
            phrase is not None
            and how == "np"
            and phrase.noun.kind == "person"
            and phrase.category == "personnel"
        ):
            # "Among the dead are 10,200 volunteers": people a casualty noun's link reaches
            # are its casualties
            reached = self._complement(tokens, m, clause_of, result, topic)
            if reached is not None and self._names_the_dead(tokens, reached, m):
                phrase = replace(phrase, category=reached.category, rule_id=reached.rule_id)
        if phrase is None:
            phrase = self._label_after_colon(tokens, m, np_start, clause_of, mention_starts)
        if phrase is None and self._defers_to_chain(tokens, m, mention_starts):
            return None
        if phrase is None:
            phrase = self._reference_after(tokens, m, result, topic)
            how = "reference"
        if phrase is None:
            phrase = self._predicate_after(tokens, m, clause_of, result, topic)
            how = "predicate"
        if phrase is None:
            phrase = self._complement(tokens, m, clause_of, result, topic)
            how = "complement"
        if phrase is None and self._columns:
            phrase = self._column(tokens, m)  # "September | 38,130 | 178" under its header
            how = "column"
        if phrase is None:
            phrase = self._ellipsis(tokens, m, result, topic)
            how = "ellipsis"
        if phrase is None:
            return None
        if phrase.noun.kind == "loss" and how in ("np", "whole"):
            referent = self._antecedent(result, m.first, topic)  # "359 losses in June"
            if referent is not None and referent.category is not None:
                phrase = NounPhrase(
                    phrase.noun,
                    phrase.first,
                    phrase.last,
                    phrase.side,
                    referent.category,
                    referent.rule_id,
                )
        if phrase.noun.kind == "block" or phrase.category is None:
            return None
        if phrase.side == "THIRD" and phrase.category in PERSON_CATEGORIES:
            return None
        local = how in ("np", "whole") or any(phrase is p for p in result.phrases)
        local = local or (how == "predicate" and phrase.first == m.last)
        noun_first, noun_last = (phrase.first, phrase.last) if local else (m.first, m.last)
        figure = Figure(
            mention=m,
            value=m.value,
            low=m.low,
            high=m.high,
            category=phrase.category,
            rule_id=f"{phrase.rule_id or phrase.noun.rule_id}:{how}",
            first=m.first,
            last=max(m.last, phrase.last) if how in ("np", "whole") else m.last,
            clause=clause_of[m.first],
            side_hint=phrase.side if phrase.side != "THIRD" else None,
            person=phrase.category in PERSON_CATEGORIES,
            via_lose=phrase.via_lose,
            explicit_category=phrase.explicit,
            noun_first=noun_first,
            noun_last=noun_last,
        )
        if how in ("np", "whole"):
            after_side = self._side_after(tokens, phrase.last, clause_of)
            if figure.side_hint is None and after_side is not None:
                figure.side_hint = after_side
        self._qualify(tokens, figure)
        self._rate(tokens, figure, phrase.last if how in ("np", "whole") else m.last)
        if how == "complement" and figure.basis_hint is None:
            # "the daily average of Russian casualties rose above 1,500 in November"
            before = tokens[max(0, noun_first - AVERAGE_REACH) : noun_first]
            if any(t.norm == "average" for t in before):
                figure.basis_hint, figure.basis_rule = "rate", "basis.average"
        return figure

    def _part_of_whole(self, tokens: list[Token], k: int, mention_starts: set[int]) -> int | None:
        link = self.lex.whole_links.match(tokens, k) if k + 1 < len(tokens) else None
        if link is not None:
            j = link[1]  # "of the", "von", "dei", "sur": the whole's number after it
            if j in mention_starts:
                self._wholes.add(j)
                end = j + 1
                while (
                    end < len(tokens)
                    and tokens[end].kind == "word"
                    and tokens[end].norm in self.lex.number_words.multipliers
                ):
                    end += 1
                return end
        return None

    def _defers_to_chain(
        self, tokens: list[Token], m: NumberMention, mention_starts: set[int]
    ) -> bool:
        """ "1,500, 1,330 and 1,400 troops", "25 destroyed and 15 damaged": the noun comes later."""
        k = m.last
        if (
            k < len(tokens)
            and self.lex.loss_cues.match(tokens, k)
            and tokens[k].norm.endswith("ed")
        ):
            k += 1
        if k < len(tokens) and tokens[k].norm == ",":
            k += 1
        if k < len(tokens) and tokens[k].norm in ("and", "or"):
            k += 1
        return k > m.last and k in mention_starts

    def _reference_after(
        self,
        tokens: list[Token],
        m: NumberMention,
        result: SentenceFigures,
        topic: NounPhrase | None,
    ) -> NounPhrase | None:
        """ "624 of which", "12 others": the noun of the figure before."""
        hit = self.lex.reference_words.match(tokens, m.last)
        if hit is None or self._counts_something_else(tokens, m, result):
            return None
        referent = self._antecedent(result, m.first, topic)
        if referent is not None and referent.category in PERSON_CATEGORIES:
            # "50 to 100 men killed and wounded, and up to 20 of them are killed": the part's
            # own casualty verb
            verbs = self._predicates_after(tokens, hit[1], result.clause_of)
            if len(verbs) == 1 and verbs[0].value != referent.category:
                referent = replace(referent, category=verbs[0].value, explicit=True)
        return referent

    def _counts_something_else(
        self, tokens: list[Token], m: NumberMention, result: SentenceFigures
    ) -> bool:
        """ "NATO's 32 members …; 23 of them met the target": the last count before a part is
        no loss figure, so the part is of that count, not of the losses before."""
        last = next(
            (
                k
                for k in range(m.first - 1, -1, -1)
                if tokens[k].kind == "num" and not is_date_token(result.dates, k)
            ),
            None,
        )
        if last is None:
            return False
        return not any(f.mention.first <= last < f.mention.last for f in result.figures)

    def _predicate_after(
        self,
        tokens: list[Token],
        m: NumberMention,
        clause_of: list[int],
        result: SentenceFigures,
        topic: NounPhrase | None,
    ) -> NounPhrase | None:
        """A bare number with a loss verb: "3,825 wounded", "1,219 were reportedly destroyed"."""
        predicates = self._predicates_after(tokens, m.last, clause_of)
        antecedent = self._antecedent(result, m.first, topic, nearest=True)
        if predicates:
            categories = {tag.value for tag in predicates}
            category = next(iter(categories)) if len(categories) == 1 else "personnel"
            if antecedent is not None and antecedent.noun.kind == "block":
                return antecedent
            if (
                antecedent is not None
                and antecedent.noun.kind == "equipment"
                and (category == "captured" or self._lost_after(tokens, m.last, category))
            ):
                return antecedent  # "Of the 31 Abrams tanks it sent, 20 have been lost"
            noun = Noun(predicates[0].rule_id, "casualty", category)
            phrase = NounPhrase(noun, m.last, m.last, category=category, rule_id=noun.rule_id)
            phrase.explicit = category != "personnel"
            if antecedent is not None:
                phrase.side = antecedent.side
            return phrase
        # Equipment participles: "79 damaged and 65 abandoned", "428 destroyed".
        k = m.last
        n = len(tokens)
        while k < n and tokens[k].norm in self.lex.grammar["predicate_fillers"]:
            k += 1
        cue = self.lex.loss_cues.match(tokens, k) if k < n else None
        if cue is None or antecedent is None or antecedent.noun.kind == "block":
            return None
        if clause_of[k] != clause_of[m.first]:
            return None
        launcher = self.launcher(tokens, antecedent) if antecedent.side is None else None
        return antecedent if launcher is None else replace(antecedent, side=launcher)

    def _lost_after(self, tokens: list[Token], k: int, category: str) -> bool:
        """ "20 have been lost": a bare "lost" after a count (past "have been"), which counts
        whatever the figure before counted, where "killed or wounded" counts people."""
        if category != "personnel":
            return False
        n = len(tokens)
        while k < n and tokens[k].norm in self.lex.grammar["predicate_fillers"]:
            k += 1
        cue = self.lex.loss_cues.match(tokens, k) if k < n else None
        return cue is not None and cue[0].rule_id == LOSING

    def launcher(self, tokens: list[Token], phrase: NounPhrase) -> str | None:
        """ "Russia launched 172 drones; 94 were shot down": the side that launched the count
        an elided figure takes its noun from owns what was shot down."""
        j = phrase.first - 1  # the count before the noun
        if (
            j < 2
            or tokens[j].kind != "num"
            or tokens[j - 1].norm not in self.lex.grammar["start_verbs"]
        ):
            return None
        verb = j - 1
        while verb > 0 and tokens[verb - 1].norm in self.lex.grammar["auxiliaries"]:
            verb -= 1  # "Russia had launched 187 drones"
        return self._launcher_side(tokens, verb)

    def _label_after_colon(
        self,
        tokens: list[Token],
        m: NumberMention,
        k: int,
        clause_of: list[int],
        mention_starts: set[int],
    ) -> NounPhrase | None:
        """ "• 719,000: Russian troops killed or wounded": a line opening with its number, the
        label after a colon (a "by the numbers" box)."""
        if any(t.kind != "punct" for t in tokens[: m.first]):
            return None
        after = self.lex.qualifiers_after.match(tokens, k)  # "3,500+: Russian tanks"
        if after is not None:
            k = after[1]
        if k >= len(tokens) or tokens[k].norm != ":":
            return None
        return self._noun_after(tokens, k + 1, clause_of, mention_starts, m.first)

    def _noun_before_count(
        self, tokens: list[Token], m: NumberMention, clause_of: list[int]
    ) -> NounPhrase | None:
        """ "坦克7912辆": a noun right before a number its classifier closes (Chinese tallies);
        "aircraft (369)", "8 tanks (total: 9,412)": a noun right before a bracket that holds
        nothing but its count."""
        if m.last >= len(tokens):
            return None
        if tokens[m.last].norm == ")":
            k = self._bracket_before(tokens, m.first)
            if k < 0:
                return None
        elif self._classified(tokens, m.last):
            k = m.first
            qualifier = self.lex.qualifiers_before.match_ending(tokens, k)
            if qualifier is not None:
                k = qualifier[1]
        else:
            return None
        hit = self.lex.nouns.match_ending(tokens, k)
        if hit is None or hit[0].kind not in ("equipment", "person"):
            return None
        noun, start = hit
        phrase = NounPhrase(noun, start, k, side=self._side_before(tokens, start))
        self._refine(tokens, phrase, start, clause_of)
        return phrase

    def _classified(self, tokens: list[Token], k: int) -> bool:
        """Whether a classifier closes the number ending before ``k``, past an approximation
        after the number ("无人机7.5万余架": over 75,000 drones)."""
        after = self.lex.qualifiers_after.match(tokens, k)
        if after is not None and after[1] < len(tokens):
            k = after[1]
        return tokens[k].norm in self.lex.grammar["classifiers"]

    def _opens_with_a_part(self, tokens: list[Token]) -> bool:
        """ "Of those identified, …", "Of them, …": the sentence counts parts of the count
        before it."""
        hit = self.lex.reference_words.match(tokens, 0)
        if hit is None:
            return self._closes_opener_with_a_part(tokens)
        if hit[1] < 2:
            return False  # "Others were wounded" names no whole
        for k in range(hit[1], min(len(tokens), hit[1] + PART_OPENER_WORDS + 1)):
            if tokens[k].norm in (",", "，"):  # "Of them, …", "其中，…"
                return True
            if tokens[k].kind != "word":
                return False
        return False

    def _closes_opener_with_a_part(self, tokens: list[Token]) -> bool:
        """ "在已確認身份的死者中，…": an opening prepositional phrase whose last words, before
        its comma, name the whole the sentence counts parts of."""
        if not tokens or tokens[0].norm not in self.lex.grammar["prepositions"]:
            return False
        for k in range(1, min(len(tokens), PART_OPENER_SPAN)):
            if tokens[k].norm in (",", "，"):
                return self.lex.reference_words.match_ending(tokens, k) is not None
        return False

    def _names_the_dead(self, tokens: list[Token], reached: NounPhrase, m: NumberMention) -> bool:
        """ "The dead include 10,200 volunteers": a casualty noun right before the link to the
        people counted, after its article (not "killed and wounded … at 400,000 soldiers")."""
        if reached.noun.kind == "person" or reached.category not in CASUALTY_CATEGORIES:
            return False
        link = self.lex.linking_words.match_ending(tokens, m.first)
        if link is None or reached.last != link[1] or reached.first == 0:
            return False
        return tokens[reached.first - 1].norm in self.lex.grammar["determiners"]

    def _opens_with_a_copula(self, tokens: list[Token], mentions: Sequence[NumberMention]) -> bool:
        """ "More than 4,600 were officers.": a sentence that opens with a bare count and
        says who they were names a part of the people counted before it."""
        first = mentions[0]
        if first.first > COPULA_OPENER_WORDS or first.last >= len(tokens):
            return False
        if any(t.kind != "word" for t in tokens[: first.first]):
            return False  # "In 2023, 4,600 were …": the count does not open the sentence
        return tokens[first.last].norm in self.lex.grammar["auxiliaries"]

    # -- qualifiers and rates ---------------------------------------------------------------

    def _qualify(self, tokens: list[Token], figure: Figure) -> None:
        lex = self.lex
        k = figure.mention.first
        for _ in range(2):
            transparent = lex.qualifier_transparent.match_ending(tokens, k)
            if transparent is None:
                break
            k = transparent[1]
        hit = lex.qualifiers_before.match_ending(tokens, k)
        if hit is not None:
            tag, start = hit
            if tag.value and not (tokens[start].norm == "over" and start + 1 < k):
                figure.qualifier = tag.value
                figure.qualifier_explicit = True
                figure.first = start
                return
        after = lex.qualifiers_after.match(tokens, figure.mention.last)
        if after is not None and figure.mention.increment_span is None:  # not "6,140 +8"
            figure.qualifier = after[0].value
            figure.qualifier_explicit = True
        elif figure.mention.spelled and tokens[figure.mention.last - 1].norm in (
            lex.number_words.approximate
        ):
            figure.qualifier = "about"  # "une dizaine de chars": some ten tanks
            figure.qualifier_explicit = True

    def _rate(self, tokens: list[Token], figure: Figure, j: int) -> None:
        """A per-day average right after a figure: "100 soldiers per day", "824 a day"."""
        k = j
        n = len(tokens)
        for _ in range(MAX_PREDICATE_GAP):
            if k >= n or tokens[k].kind == "num" or tokens[k].norm in (".", ";", ","):
                return
            hit = self.lex.basis_figure.match(tokens, k)
            if hit is not None:
                if tokens[k - 1].norm in ("in", "of", "within", "the", "for", "during"):
                    return  # "in a day" is a day's losses, "within the space of a week" a span
                figure.basis_hint = hit[0].value
                figure.basis_rule = hit[0].rule_id
                return
            # "100 soldiers are killed a day": the casualty verb and its auxiliary sit between
            # ("killed or seriously wounded every day": a verb phrase is passed whole)
            predicate = self.lex.predicates.match(tokens, k)
            if predicate is not None:
                k = predicate[1]
                continue
            if (
                tokens[k].norm not in ("as", "in", "action", "and", "or")
                and tokens[k].norm not in self.lex.grammar["auxiliaries"]
            ):
                return
            k += 1
