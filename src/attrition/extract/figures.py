"""Loss figures in one sentence: number, what it counts, qualifier and local cues.

A figure is a number (or range) that a loss noun phrase claims: ``35,000
troops``, ``2,916 of Russia's tanks``, ``the number of dead Russian troops at
more than 7,000``, ``544 … captured, 79 damaged and 65 abandoned``. Every
scan here looks at most a few tokens away from its number, so the cost of a
sentence is linear in its length.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from attrition.extract.dates import DateMention, find_dates
from attrition.extract.numbers import NumberMention, find_numbers
from attrition.extract.rules import Lexicon, Noun, Tagged
from attrition.extract.tokens import Token

# Words between a number and its noun: "2,916 of Russia's main battle tanks" needs
# five; six leaves one spare without reaching into the next clause.
MAX_NP_SKIP = 6
# A casualty verb follows its noun closely ("soldiers have reportedly been killed").
MAX_PREDICATE_GAP = 6
# "the total number of Russian casualties since February 24, 2022 to 315,620": the
# placeholder noun sits up to a dozen tokens before its figure.
MAX_COMPLEMENT_REACH = 16
# Non-claim cues count only this close to the figure ("the 16 HIMARS Ukraine has received").
NON_CLAIM_WINDOW = 5
PERSON_CATEGORIES = frozenset({"personnel", "killed", "wounded", "captured", "missing"})


@dataclass(slots=True)
class Figure:
    """One loss figure in a sentence, before side, claimant and dates are resolved."""

    mention: NumberMention
    value: int | None
    low: int | None
    high: int | None
    category: str
    rule_id: str
    first: int  # token span of the figure phrase (qualifier … noun)
    last: int
    clause: int
    qualifier: str = "exact"
    qualifier_explicit: bool = False
    side_hint: str | None = None
    person: bool = False
    via_lose: bool = False  # personnel only because of "lost"/"losing"
    explicit_category: bool = False  # killed/wounded said in so many words
    basis_hint: str | None = None
    basis_rule: str | None = None
    date_hint: DateMention | None = None
    noun_first: int = -1
    noun_last: int = -1
    chained: bool = False  # borrowed its noun from a later figure ("1,500, 1,330 and 1,400 troops")


@dataclass(slots=True)
class NounPhrase:
    """A category noun with what the words around it add."""

    noun: Noun
    first: int  # the noun's tokens
    last: int
    side: str | None = None
    category: str | None = None
    rule_id: str = ""
    explicit: bool = False
    via_lose: bool = False


@dataclass(slots=True)
class SentenceFigures:
    """The figures of one sentence and what later stages need to read around them."""

    tokens: list[Token]
    figures: list[Figure]
    dates: list[DateMention]
    clause_of: list[int]
    phrases: list[NounPhrase] = field(default_factory=list)


class FigureReader:
    """Finds loss figures in a sentence's tokens with one language's lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._bounds_of: list[int] | None = None
        self._bounds: dict[int, tuple[int, int]] = {}
        self._loss_clauses: dict[tuple[int, int], bool] = {}
        self._loss_of: Sequence[Token] | None = None
        self._after_losses = False
        self._wholes: set[int] = set()

    # -- entry point -------------------------------------------------------------------

    def read(
        self, tokens: list[Token], topic: NounPhrase | None, *, after_losses: bool = False
    ) -> SentenceFigures:
        """Every loss figure of the sentence, in order.

        ``after_losses`` says the sentence before counted losses, so "the tally includes
        9,700 former prisoners" continues that count without a loss word of its own.
        """
        self._after_losses = after_losses
        dates = find_dates(tokens, self.lex.date_words)
        skip = frozenset(
            k for d in dates if d.kind in ("day", "year") for k in range(d.first, d.last)
        )
        mentions = find_numbers(tokens, self.lex.number_words, skip=skip)
        clause_of = self._clauses(tokens)
        result = SentenceFigures(tokens, [], dates, clause_of)
        if not mentions:
            result.phrases = self._phrases(tokens, 0, len(tokens), clause_of)
            return result
        result.phrases = self._phrases(tokens, 0, len(tokens), clause_of)
        mention_starts = {m.first for m in mentions}
        pending: list[tuple[NumberMention, int]] = []
        self._wholes = set()
        for index, mention in enumerate(mentions):
            if self._is_not_a_count(tokens, mention) or mention.first in self._wholes:
                continue
            figure = self._figure(tokens, mention, clause_of, mention_starts, result, topic)
            if figure is None:
                pending.append((mention, index))
                continue
            result.figures.append(figure)
        self._chain(tokens, pending, result, clause_of)
        result.figures.sort(key=lambda f: f.mention.first)
        self._respectively(tokens, result)
        self._refine_lost(result)
        self._distribute_qualifiers(tokens, result)
        self._share_predicates(tokens, result)
        result.figures = [f for f in result.figures if self._is_loss(tokens, f, clause_of)]
        self._increments(result)
        return result

    # -- structure ------------------------------------------------------------------------

    def _clauses(self, tokens: Sequence[Token]) -> list[int]:
        """Clause number of each token; clauses break at ; … and contrastive conjunctions."""
        breaks = self.lex.clause_breaks
        starts = [token.norm in breaks for token in tokens]
        if starts:
            starts[0] = False
        return list(accumulate(starts))

    def _phrases(
        self, tokens: Sequence[Token], lo: int, hi: int, clause_of: list[int]
    ) -> list[NounPhrase]:
        """Every category noun of the sentence with its refined category (the topics)."""
        phrases: list[NounPhrase] = []
        nouns = self.lex.nouns
        bit = nouns.bit
        candidates = [k for k in range(lo, hi) if tokens[k].flags & bit]
        after = lo
        for k in candidates:
            if k < after:
                continue
            hit = nouns.match(tokens, k)
            if hit is None:
                continue
            noun, end = hit
            after = end
            if (
                noun.kind == "casualty"
                and k > 0
                and tokens[k - 1].norm in self.lex.grammar["auxiliaries"]
            ):
                continue  # "have been killed" is a verb here, not the noun "the killed"
            phrase = NounPhrase(noun, k, end, side=self._side_before(tokens, k))
            self._refine(tokens, phrase, k, clause_of)
            phrases.append(phrase)
        return phrases

    def _side_before(self, tokens: Sequence[Token], k: int) -> str | None:
        """ "dead Russian soldiers": a side word among a noun's modifiers."""
        for back in range(k - 1, max(-1, k - 4), -1):
            side = self.lex.sides.match(tokens, back)
            if side is not None and side[1] <= k and side[0].value != "THIRD":
                return side[0].value
            if tokens[back].norm not in self.lex.np_skip and not self.lex.predicates.match(
                tokens, back
            ):
                return None
        return None

    # -- a single figure --------------------------------------------------------------------

    def _is_not_a_count(self, tokens: Sequence[Token], m: NumberMention) -> bool:
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
            if nxt.norm in (":", "/") and nxt.start == tokens[m.last - 1].end:
                return True  # 02:01, 02/08
            glued = nxt.kind == "word" and nxt.start == tokens[m.last - 1].end and not nxt.joined
            if glued and not _is_cjk(nxt.text):
                return True  # 6th, 19FortyFive (but "592架" is a number and its classifier)
        prev = tokens[m.first - 1] if m.first > 0 else None
        return prev is not None and prev.norm in ("#", "№", "no")

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
        phrase = self._noun_after(tokens, np_start, clause_of, mention_starts, m.first)
        how = "whole" if whole is not None else "np"
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
        return figure

    def _part_of_whole(
        self, tokens: Sequence[Token], k: int, mention_starts: set[int]
    ) -> int | None:
        if k + 1 < len(tokens) and tokens[k].norm == "of":
            j = k + 1
            if tokens[j].norm in ("the", "its", "their"):
                j += 1
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
        self, tokens: Sequence[Token], m: NumberMention, mention_starts: set[int]
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

    def _noun_after(
        self,
        tokens: list[Token],
        j: int,
        clause_of: list[int],
        mention_starts: set[int],
        verb_from: int | None = None,
    ) -> NounPhrase | None:
        """The category noun right after a number, past its modifiers."""
        lex = self.lex
        n = len(tokens)
        k = j
        skipped = 0
        side: str | None = None
        adjective_predicate: Tagged | None = None
        while k < n and skipped <= MAX_NP_SKIP:
            if k in mention_starts:
                return None
            hit = lex.nouns.match(tokens, k)
            if hit is not None:
                noun, end = hit
                phrase = NounPhrase(noun, k, end, side=side)
                own_side = lex.sides.match(tokens, k)
                if own_side is not None and phrase.side is None and own_side[1] >= end:
                    phrase.side = own_side[0].value
                self._refine(tokens, phrase, k, clause_of, adjective_predicate, verb_from)
                return phrase
            measure = lex.measures.match(tokens, k)
            if measure is not None:
                k = measure[1]
                continue
            token = tokens[k]
            if token.norm in ('"', "“", "”", "‘", "'", "(", ")", "/", "«", "»"):
                k += 1
                continue
            if (
                token.kind == "word"
                and k + 1 < n
                and tokens[k + 1].joined
                and tokens[k + 1].norm in lex.origin_suffixes
            ):
                k += 2  # US-made, Soviet-era: where a weapon came from, not whose it is
                skipped += 1
                continue
            side_hit = lex.sides.match(tokens, k)
            if side_hit is not None:
                side = side or side_hit[0].value
                k = side_hit[1]
                skipped += 1
                continue
            predicate = lex.predicates.match(tokens, k)
            if predicate is not None and predicate[1] == k + 1:
                adjective_predicate = adjective_predicate or predicate[0]
                k += 1
                skipped += 1
                continue
            if token.norm in lex.np_skip or token.kind == "model":
                k += 1
                skipped += 1
                continue
            cue = lex.loss_cues.match(tokens, k)
            if cue is not None and cue[1] == k + 1 and token.norm.endswith("ed"):
                k += 1  # "15 destroyed … ships" is handled by chaining; "two destroyed tanks" here
                skipped += 1
                continue
            if token.kind == "word" and token.is_capitalised and k + 1 < n:
                k += 1  # a proper name: "Gvozdika self-propelled howitzer"
                skipped += 1
                continue
            if token.kind == "word" and k + 1 < n and lex.nouns.match(tokens, k + 1) is not None:
                k += 1  # one unknown adjective right before a noun: "usable tanks"
                skipped += 1
                continue
            return None
        return None

    def _refine(
        self,
        tokens: Sequence[Token],
        phrase: NounPhrase,
        k: int,
        clause_of: list[int],
        adjective: Tagged | None = None,
        verb_from: int | None = None,
    ) -> None:
        """Set a noun phrase's category: equipment as is, people by their casualty verb."""
        noun = phrase.noun
        phrase.rule_id = noun.rule_id
        if noun.kind == "equipment":
            phrase.category = noun.category
            return
        if noun.kind in ("block",):
            phrase.category = None
            return
        if noun.kind == "casualty":
            phrase.category = noun.category
            phrase.explicit = noun.category != "personnel"
            joined = self._predicates_after(tokens, phrase.last, clause_of, coordinated=True)
            if any(tag.value != noun.category for tag in joined):
                phrase.category, phrase.explicit = "personnel", False  # "100,000 dead or wounded"
                phrase.rule_id = "pred.mixed"
            return
        if noun.kind == "loss":
            phrase.category = "personnel"
            return
        # A person noun: the casualty verb after it, or an adjective before, decides.
        found = self._predicates_after(tokens, phrase.last, clause_of)
        adjective = adjective or self._adjective_before(tokens, k)
        if adjective is not None:
            found.insert(0, adjective)
        if found:
            categories = {tag.value for tag in found}
            if len(categories) == 1:
                phrase.category = next(iter(categories))
                phrase.rule_id = found[0].rule_id
                phrase.explicit = phrase.category != "personnel"
            else:
                phrase.category = "personnel"
                phrase.rule_id = "pred.mixed"
            return
        verb = self._verb_before(tokens, k if verb_from is None else verb_from, clause_of)
        if verb is not None and verb.value != "personnel":
            phrase.category = verb.value
            phrase.rule_id = verb.rule_id
            phrase.explicit = True
            return
        phrase.category = "personnel"
        phrase.via_lose = verb is not None and verb.rule_id == "pred.personnel"

    def _adjective_before(self, tokens: Sequence[Token], k: int) -> Tagged | None:
        """ "dead Russian troops", "fallen soldiers": a casualty adjective before a person noun."""
        back = k - 1
        while back >= 0 and k - back <= 3:
            side = self.lex.sides.match(tokens, back)
            if side is not None and side[1] <= k:
                back -= 1
                continue
            hit = self.lex.predicates.match(tokens, back)
            if hit is not None and hit[1] == back + 1 and tokens[back].norm.isalpha():
                previous = tokens[back - 1].norm if back > 0 else ""
                if previous not in self.lex.grammar["auxiliaries"]:
                    return hit[0]
            return None
        return None

    def _predicates_after(
        self, tokens: Sequence[Token], j: int, clause_of: list[int], *, coordinated: bool = False
    ) -> list[Tagged]:
        """Casualty verbs after a person noun: "were killed", "either dead, wounded or captured"."""
        found: list[Tagged] = []
        n = len(tokens)
        k = j
        gap = 0
        clause = clause_of[j - 1] if j > 0 else 0
        if coordinated:  # only "… or wounded", "… and injured" right after a casualty noun
            if k + 1 < n and tokens[k].norm in ("or", "and", ","):
                hit = self.lex.predicates.match(tokens, k + 1)
                return [hit[0]] if hit is not None else []
            return []
        while k < n and gap <= MAX_PREDICATE_GAP and clause_of[k] == clause:
            token = tokens[k]
            if token.kind == "num":
                break
            hit = self.lex.predicates.match(tokens, k)
            if hit is not None:
                found.append(hit[0])
                k = hit[1]
                gap = 0
                continue
            rate = self.lex.basis_figure.match(tokens, k)
            if rate is not None and not found:
                k = rate[1]  # "60 to 100 soldiers per day as killed in action"
                gap += 1
                continue
            if found and token.norm in (",", "or", "and", "/"):
                k += 1
                continue
            side = self.lex.sides.match(tokens, k)
            if side is not None and not found:
                k = side[1]  # "soldados rusos fallecidos": an adjective after its noun
                gap += 1
                continue
            if token.norm in self.lex.grammar["predicate_fillers"] or token.norm in (
                '"',
                "“",
                "”",
                "‘",
                "’",
                "'",
            ):
                k += 1
                gap += 1
                continue
            if token.norm == "of" and not found:
                k = self._skip_owner(tokens, k + 1)  # "one soldier of the armed forces of Ukraine"
                gap += 1
                continue
            break
        return found

    def _skip_owner(self, tokens: Sequence[Token], k: int) -> int:
        n = len(tokens)
        start = k
        while k < n and k - start < 6:
            token = tokens[k]
            side = self.lex.sides.match(tokens, k)
            if side is not None:
                k = side[1]
                continue
            if token.norm in self.lex.grammar["force_nouns"] or token.norm in (
                "the",
                "of",
                "its",
                "their",
            ):
                k += 1
                continue
            break
        return k

    def _verb_before(self, tokens: Sequence[Token], k: int, clause_of: list[int]) -> Tagged | None:
        """The casualty verb governing a figure from the left: "killed 90,000 Russian troops"."""
        clause = clause_of[k]
        back = k - 1
        while back >= 0 and tokens[back].norm in self.lex.grammar["verb_gap"] and k - back < 4:
            back -= 1
        if back < 0 or clause_of[back] != clause:
            return None
        for start in range(max(0, back - 2), back + 1):
            hit = self.lex.predicates.match(tokens, start)
            if hit is not None and hit[1] == back + 1:
                return hit[0]
            cue = self.lex.loss_cues.match(tokens, start)
            if cue is not None and cue[1] == back + 1 and cue[0].value == "patient":
                return Tagged("pred.personnel", "personnel")
        return None

    def _reference_after(
        self,
        tokens: list[Token],
        m: NumberMention,
        result: SentenceFigures,
        topic: NounPhrase | None,
    ) -> NounPhrase | None:
        """ "624 of which", "12 others": the noun of the figure before."""
        hit = self.lex.reference_words.match(tokens, m.last)
        if hit is None:
            return None
        return self._antecedent(result, m.first, topic)

    def _antecedent(
        self,
        result: SentenceFigures,
        before: int,
        topic: NounPhrase | None,
        *,
        nearest: bool = False,
    ) -> NounPhrase | None:
        """The category noun a bare figure refers back to, in this sentence or the text's topic.

        With ``nearest`` the closest noun wins even when it blocks a claim ("11,743
        civilians killed, and 24,614 injured"); otherwise blocking nouns are passed over.
        """
        earlier = [f for f in result.figures if f.mention.first < before and f.noun_first >= 0]
        if earlier:
            previous = earlier[-1]
            for phrase in result.phrases:
                if phrase.first == previous.noun_first and phrase.noun.kind != "loss":
                    return phrase
        best: NounPhrase | None = None
        for phrase in result.phrases:
            if phrase.first >= before or phrase.noun.kind == "loss":
                continue
            if nearest or phrase.noun.kind != "block":
                best = phrase
        if best is not None:
            return best
        if topic is not None:
            return topic
        loss = [p for p in result.phrases if p.first < before and p.noun.kind == "loss"]
        return loss[-1] if loss else None

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
                and category == "captured"
            ):
                return antecedent
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
        return antecedent if clause_of[k] == clause_of[m.first] else None

    def _complement(
        self,
        tokens: list[Token],
        m: NumberMention,
        clause_of: list[int],
        result: SentenceFigures,
        topic: NounPhrase | None,
    ) -> NounPhrase | None:
        """A figure a noun phrase reaches: "the total … to 315,620", "a figure of 1,351"."""
        lex = self.lex
        k = m.first
        qualifier = lex.qualifiers_before.match_ending(tokens, k)
        if qualifier is not None:
            k = qualifier[1]
        if m.spelled and (m.value or 0) < 10:
            return None  # "the official tally is one thing"
        link = lex.linking_words.match_ending(tokens, k)
        if link is None and qualifier is not None and lex.linking_words.match(tokens, qualifier[1]):
            link = (qualifier[0].value, qualifier[1])  # "losses exceed 750,000"
        if link is None:
            return None
        clause = clause_of[m.first]
        lo = max(0, k - MAX_COMPLEMENT_REACH)
        for back in range(link[1] - 1, lo - 1, -1):
            if clause_of[back] != clause:
                break
            if tokens[back].kind == "num" and not _is_date_token(result.dates, back):
                return None
            placeholder = lex.placeholder_nouns.match(tokens, back)
            noun_hit = lex.nouns.match(tokens, back)
            ending = lex.nouns.match_ending(tokens, back + 1)
            if ending is not None and ending[1] < back:
                continue  # "cruise missiles – 907": read the whole phrase from its first word
            if (placeholder or noun_hit) and self._in_relative_clause(tokens, back, lo):
                continue  # "losses, which include wounded, killed or missing, amount to …"
            if placeholder is not None or (noun_hit is not None and noun_hit[0].kind == "loss"):
                end = placeholder[1] if placeholder is not None else back + 1
                after = self._noun_after(tokens, end, clause_of, set())
                if after is not None and after.noun.kind not in ("loss", "block"):
                    return after
                referent = self._antecedent(result, back, topic)
                if referent is None:  # "losses" with nothing said before: people lost
                    referent = next((p for p in result.phrases if p.first == back), None)
                owner = self._side_before(tokens, back)  # "Russian losses near 870,000"
                if referent is not None and owner is not None and referent.side != owner:
                    referent = replace(referent, side=owner)
                return referent
            if noun_hit is not None:
                if noun_hit[0].kind == "block":
                    return None
                for phrase in result.phrases:
                    if phrase.first == back:
                        return phrase
        return None

    def _in_relative_clause(self, tokens: Sequence[Token], k: int, lo: int) -> bool:
        relatives = self.lex.grammar["relatives"]
        for back in range(k - 1, max(lo, k - 10) - 1, -1):
            if tokens[back].norm in relatives and back > 0 and tokens[back - 1].norm == ",":
                return True  # ", which include wounded, killed or missing,"
            if tokens[back].norm in (".", ";"):
                return False
        return False

    def _ellipsis(
        self,
        tokens: list[Token],
        m: NumberMention,
        result: SentenceFigures,
        topic: NounPhrase | None,
    ) -> NounPhrase | None:
        """ "followed by 1,517 in August", "with 521": a figure whose noun was said before."""
        n = len(tokens)
        nxt = tokens[m.last] if m.last < n else None
        prev = tokens[m.first - 1] if m.first > 0 else None
        month_after = any(
            d.first in (m.last, m.last + 1) and d.kind in ("month",) for d in result.dates
        )
        leads = ("with", "by", "and", ",", "another", "further", "including")
        lead = prev is not None and prev.norm in leads
        span_after = nxt is not None and (
            nxt.norm in (".", ",", ";", "and")
            or self.lex.basis_clause.match(tokens, m.last) is not None
        )
        if not (month_after or (lead and (nxt is None or span_after))):
            return None
        earlier = [f for f in result.figures if f.mention.first < m.first]
        if earlier:
            previous = earlier[-1]  # "359 losses in June, 300 in July": the same count again
            noun = Noun(previous.rule_id.split(":")[0], "equipment", previous.category)
            phrase = NounPhrase(noun, previous.noun_first, previous.noun_last)
            phrase.category, phrase.rule_id = previous.category, noun.rule_id
            phrase.side = previous.side_hint
            return phrase
        return self._antecedent(result, m.first, topic)

    def _side_after(self, tokens: Sequence[Token], j: int, clause_of: list[int]) -> str | None:
        """ "1,500 UAVs of Ukraine": the owner named after the noun."""
        if j < len(tokens) and tokens[j].norm == "(":
            close = next((k for k in range(j, min(j + 6, len(tokens))) if tokens[k].norm == ")"), j)
            j = close + 1
        if j + 1 < len(tokens) and tokens[j].norm == "of":
            hit = self.lex.sides.match(tokens, j + 1)
            if hit is None and j + 2 < len(tokens) and tokens[j + 1].norm == "the":
                hit = self.lex.sides.match(tokens, j + 2)
            if hit is not None and hit[0].value in ("RU", "UA"):
                return hit[0].value
        return None

    # -- qualifiers and rates ---------------------------------------------------------------

    def _qualify(self, tokens: Sequence[Token], figure: Figure) -> None:
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
        if after is not None:
            figure.qualifier = after[0].value
            figure.qualifier_explicit = True

    def _rate(self, tokens: Sequence[Token], figure: Figure, j: int) -> None:
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
            if self.lex.predicates.match(tokens, k) is None and tokens[k].norm not in (
                "as",
                "in",
                "action",
            ):
                return
            k += 1

    # -- sentence-level passes -----------------------------------------------------------------

    def _chain(
        self,
        tokens: list[Token],
        pending: list[tuple[NumberMention, int]],
        result: SentenceFigures,
        clause_of: list[int],
    ) -> None:
        """ "1,500, 1,330 and 1,400 troops", "15 destroyed and 12 damaged ships": a shared noun."""
        for mention, _ in reversed(pending):
            target = None
            k = mention.last
            steps = 0
            while k < len(tokens) and steps < 4:
                token = tokens[k]
                nxt = next((f for f in result.figures if f.mention.first == k), None)
                if nxt is not None:
                    target = nxt
                    break
                if token.norm in (",", "and", "or") or self.lex.loss_cues.match(tokens, k):
                    k += 1
                    steps += 1
                    continue
                break
            if target is None or clause_of[mention.first] != target.clause:
                continue
            figure = Figure(
                mention=mention,
                value=mention.value,
                low=mention.low,
                high=mention.high,
                category=target.category,
                rule_id=target.rule_id.split(":")[0] + ":chain",
                first=mention.first,
                last=mention.last,
                clause=target.clause,
                side_hint=target.side_hint,
                person=target.person,
                via_lose=target.via_lose,
                explicit_category=target.explicit_category,
                noun_first=target.noun_first,
                noun_last=target.noun_last,
                chained=True,
            )
            self._qualify(tokens, figure)
            figure.basis_hint = target.basis_hint
            result.figures.append(figure)

    def _respectively(self, tokens: list[Token], result: SentenceFigures) -> None:
        """ "… to 661,630, 19,156 and 8,933, respectively": nouns and dates paired in order."""
        figures = result.figures
        if len(figures) < 2 or not any(t.norm in self.lex.respectively for t in tokens):
            return
        group = [f for f in figures if f.clause == figures[-1].clause]
        first = group[0].mention.first
        nouns = [
            p
            for p in result.phrases
            if p.last <= first and p.noun.kind in ("equipment", "person", "casualty")
        ]
        if len(nouns) >= len(group) and all(f.noun_first < first for f in group):
            for figure, phrase in zip(group, nouns[-len(group) :], strict=True):
                figure.category = phrase.category or figure.category
                figure.rule_id = f"{phrase.rule_id}:respectively"
                figure.person = figure.category in PERSON_CATEGORIES
        last = group[-1].mention.last
        days = [d for d in result.dates if d.first >= last and d.kind in ("weekday", "day")]
        if len(days) == len(group):
            for figure, day in zip(group, days, strict=True):
                figure.date_hint = day

    def _refine_lost(self, result: SentenceFigures) -> None:
        """ "losing 100 a day, while 500 were wounded": lost beside wounded means killed."""
        explicit = {f.category for f in result.figures if f.explicit_category}
        if not explicit & {"killed", "wounded"}:
            return
        for figure in result.figures:
            if figure.via_lose and figure.category == "personnel":
                figure.category = "killed"
                figure.rule_id = "pred.lost_beside_casualty:" + figure.rule_id.split(":")[-1]

    def _distribute_qualifiers(self, tokens: Sequence[Token], result: SentenceFigures) -> None:
        """ "approximately: 20,300 personnel, 773 tanks …" — a list shares an approximation."""
        figures = result.figures
        for index, head in enumerate(figures):
            if not head.qualifier_explicit:
                continue
            colon = head.first < len(tokens) and any(
                tokens[k].norm == ":" for k in range(head.first, head.mention.first)
            )
            # "tanks – about 3,541" qualifies its own item only; so does a bound before a range.
            in_list = ":complement" not in head.rule_id
            distributive = (head.qualifier == "about" or colon) and in_list
            previous = head
            for follower in figures[index + 1 :]:
                if follower.clause != head.clause or follower.qualifier_explicit:
                    break
                if follower.low is not None or ":increment" in follower.rule_id:
                    break
                if not self._listed(tokens, previous, follower):
                    break  # "about 3,700 wounded, and that 572 …": a new statement, not the list
                previous = follower
                if distributive:
                    follower.qualifier = head.qualifier
                elif (
                    follower.person
                    and head.person
                    and follower.mention.first - head.last <= 2
                    and tokens[follower.mention.first - 1].norm == "and"
                ):
                    follower.qualifier = (
                        head.qualifier
                    )  # "up to 43,000 Russians and 17,500 Ukrainians"
                    break
                else:
                    break

    def _listed(self, tokens: Sequence[Token], earlier: Figure, later: Figure) -> bool:
        """True when only list punctuation and conjunctions separate two figures."""
        between = tokens[max(earlier.last, earlier.noun_last) : later.first]
        joiners = self.lex.grammar["list_joiners"]
        return all(t.norm in joiners or t.norm in ("as", "well", "plus", "also") for t in between)

    def list_pairs(self, tokens: Sequence[Token], figures: Sequence[Figure]) -> frozenset:
        """Pairs of figures (by first token) that belong to one list, in both orders."""
        pairs: set[tuple[int, int]] = set()
        for earlier, later in itertools.pairwise(figures):
            if self._listed(tokens, earlier, later):
                pairs.add((earlier.mention.first, later.mention.first))
                pairs.add((later.mention.first, earlier.mention.first))
        return frozenset(pairs)

    def _share_predicates(self, tokens: Sequence[Token], result: SentenceFigures) -> None:
        """ "43,000 Russians and 17,500 Ukrainians may have died": the verb covers both."""
        figures = result.figures
        for index in range(len(figures) - 1, 0, -1):
            later, earlier = figures[index], figures[index - 1]
            if not (later.person and earlier.person and later.explicit_category):
                continue
            if earlier.explicit_category or earlier.clause != later.clause:
                continue
            between = tokens[earlier.last : later.mention.first]
            if len(between) <= 2 and all(t.norm in ("and", ",", "or") for t in between):
                earlier.category = later.category
                earlier.explicit_category = True

    def _is_loss(self, tokens: Sequence[Token], figure: Figure, clause_of: list[int]) -> bool:
        """A figure counts only with a loss cue in its clause and no non-claim cue beside it."""
        lex = self.lex
        lo, hi = self._clause_bounds(clause_of, figure.clause)
        start = figure.first
        while start > lo and figure.first - start < NON_CLAIM_WINDOW:
            if tokens[start - 1].norm in (",", ";", ":"):
                break
            start -= 1
        stop = max(figure.last, figure.noun_last)
        while stop < hi and stop - max(figure.last, figure.noun_last) < NON_CLAIM_WINDOW:
            if tokens[stop].norm in (",", ";", "and", "or", "while", "but"):
                break  # "400,000 soldiers, and many more civilians": the next item is not this one
            stop += 1
        if figure.rule_id.endswith(":whole"):
            stop = max(
                figure.last, figure.noun_last
            )  # "2,200 of the 3,500 tanks it entered … with"
        for _, a, _end in lex.non_claims.find_all(tokens, start, stop):
            if not (figure.mention.first <= a < figure.mention.last):
                return False
        if figure.explicit_category or figure.rule_id.startswith(
            ("noun.casualties", "noun.deaths")
        ):
            return True
        if self._clause_has_loss(tokens, lo, hi):
            return True
        if not self._after_losses:
            return False
        label = (
            ":complement" in figure.rule_id
            and figure.first > 0
            and tokens[figure.first - 1].norm in (":", "–", "-", "—")
        )
        return label or bool(lex.placeholder_nouns.find_all(tokens))  # "- Tanks: 7,201 (+6)"

    def _clause_has_loss(self, tokens: Sequence[Token], lo: int, hi: int) -> bool:
        """Whether a clause holds a loss word (asked once per clause, not once per figure)."""
        if self._loss_of is not tokens:
            self._loss_of = tokens
            self._loss_clauses = {}
        found = self._loss_clauses.get((lo, hi))
        if found is None:
            found = bool(self.lex.loss_cues.find_all(tokens, lo, hi))
            self._loss_clauses[(lo, hi)] = found
        return found

    def _clause_bounds(self, clause_of: list[int], clause: int) -> tuple[int, int]:
        """First and last-plus-one token of a clause (computed once per sentence)."""
        if self._bounds_of is not clause_of:
            self._bounds_of = clause_of
            self._bounds = {}
            for k, number in enumerate(clause_of):
                lo, _ = self._bounds.get(number, (k, k))
                self._bounds[number] = (lo, k + 1)
        return self._bounds[clause]

    def _increments(self, result: SentenceFigures) -> None:
        """``1,511 (+4)``: the bracketed increment is the same category's daily figure."""
        extra: list[Figure] = []
        for figure in result.figures:
            mention = figure.mention
            if mention.increment is None or mention.increment_span is None:
                continue
            a, b = mention.increment_span
            increment = NumberMention(first=a + 2, last=a + 3, value=mention.increment)
            extra.append(
                Figure(
                    mention=increment,
                    value=mention.increment,
                    low=None,
                    high=None,
                    category=figure.category,
                    rule_id=figure.rule_id.split(":")[0] + ":increment",
                    first=a,
                    last=b,
                    clause=figure.clause,
                    side_hint=figure.side_hint,
                    person=figure.person,
                    basis_hint="daily",
                    basis_rule="basis.increment",
                    noun_first=figure.noun_first,
                    noun_last=figure.noun_last,
                )
            )
        if extra:
            result.figures.extend(extra)
            result.figures.sort(key=lambda f: f.mention.first)


def _is_cjk(text: str) -> bool:
    return "\u3400" <= text[:1] <= "\u9fff" or "\uf900" <= text[:1] <= "\ufaff"


def _is_date_token(dates: Sequence[DateMention], k: int) -> bool:
    return any(d.first <= k < d.last for d in dates)
