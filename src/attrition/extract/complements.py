"""The noun a bare figure reaches: a complement ("the total … to 315,620"), an elided noun
("followed by 1,517 in August"), an antecedent. A part of ``figures.FigureReader``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from attrition.extract.dates import DateMention
from attrition.extract.losses import APPROXIMATION_SIGNS
from attrition.extract.nouns import NounReader
from attrition.extract.numbers import NumberMention, cell_of, label_end
from attrition.extract.records import PERSON_CATEGORIES, NounPhrase, SentenceFigures
from attrition.extract.rules import Lexicon, Noun
from attrition.extract.tokens import Token

# "the total number of Russian casualties since February 24, 2022 to 315,620": the
# placeholder noun sits up to a dozen tokens before its figure.
MAX_COMPLEMENT_REACH: Final = 16
# "Ukrainian and Russian troops killed": how far before the people to look for a second side.
MIXED_SIDES_REACH: Final = 4
# Prepositions of a place after an elided count ("126 drones over Kursk, 38 over Bryansk").
PLACE_PREPOSITIONS: Final = frozenset({"in", "on", "near", "from", "over"})
# Quote marks that may open a quoted figure ('put them at "almost 1 million"'); the
# tokenizer writes curly single quotes as "'".
OPENING_QUOTES: Final = frozenset({'"', "“", "'", "«", "„"})
# The people categories narrower than "personnel" a complement may hand people it reaches.
CASUALTY_CATEGORIES: Final = PERSON_CATEGORIES - {"personnel"}
# "they lost more than 45,000" goes on counting the people said before; a small count in words
# is more often a ratio ("For every one of ours, they lose five", own-en-19).
TOPIC_LOSS_MIN: Final = 100


class ComplementReader(NounReader):
    """The noun a bare figure reaches: a complement ("the total … to 315,620"), an elided noun
    ("followed by 1,517 in August"), an antecedent. A part of ``figures.FigureReader``."""

    lex: Lexicon
    _item_line: bool
    _columns: tuple[NounPhrase | None, ...]

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
        if m.low is not None and k > 0 and tokens[k - 1].norm in lex.number_words.range_openers:
            k -= 1  # "the true toll is between 146,000 and 220,000": the link is before "between"
        qualifier = lex.qualifiers_before.match_ending(tokens, k)
        if qualifier is not None:
            k = qualifier[1]
        while k > 0 and tokens[k - 1].norm in OPENING_QUOTES:
            k -= 1  # 'put them at "almost 1 million"': the figure quoted as it was said
        if m.spelled and (m.value or 0) < 10:
            return None  # "the official tally is one thing"
        link = lex.linking_words.match_ending(tokens, k)
        if link is None and qualifier is not None and lex.linking_words.match(tokens, qualifier[1]):
            link = (qualifier[0].value, qualifier[1])  # "losses exceed 750,000"
        if link is None and qualifier is not None:
            link = lex.linking_words.match_ending(tokens, m.first)  # "rose above 1,500"
        if link is None and m.low is not None:
            # "Die Zahl der Toten dürfte … zwischen 200 000 und 250 000 liegen": a range's
            # opener that the language lists as a link (its verb comes last)
            link = lex.linking_words.match_ending(tokens, m.first)
        if (
            link is None
            and qualifier is not None
            and tokens[qualifier[1]].norm in APPROXIMATION_SIGNS
        ):
            link = (qualifier[0].value, qualifier[1])  # "tanks ≈ 11,174": the sign is the dash
        if link is None and qualifier is not None and k > 0 and is_cjk(tokens[k - 1].text):
            link = (qualifier[0].value, k)  # "伤亡人数约40万": the count right after its noun
        if link is None and self._item_line:
            return self._item_label(tokens, k, result)
        if link is None:
            return None
        clause = clause_of[m.first]
        lo = max(0, k - MAX_COMPLEMENT_REACH)
        bracketed = False  # inside a gloss read backwards: "casualty rate (killed and wounded)"
        for back in range(link[1] - 1, lo - 1, -1):
            if clause_of[back] != clause:
                break
            if bracketed or tokens[back].norm == ")":
                bracketed = tokens[back].norm != "("
                continue
            if tokens[back].kind == "num" and not is_date_token(result.dates, back):
                return None
            placeholder = lex.placeholder_nouns.match(tokens, back)
            noun_hit = lex.nouns.match(tokens, back)
            ending = lex.nouns.match_ending(tokens, back + 1)
            if ending is not None and ending[1] < back:
                continue  # "cruise missiles – 907": read the whole phrase from its first word
            closed = any(tokens[j].norm == "," for j in range(back + 1, link[1]))
            if (placeholder or noun_hit) and closed and self._in_relative_clause(tokens, back, lo):
                continue  # "losses, which include wounded, killed or missing, amount to …"
                # (but "…, which put Russia's losses at 1,000,340" holds its own link)
            if placeholder is not None or (noun_hit is not None and noun_hit[0].kind == "loss"):
                end = placeholder[1] if placeholder is not None else back + 1
                after = self._noun_after(tokens, end, clause_of, set())
                if after is not None and after.noun.kind not in ("loss", "block"):
                    return after
                # "artillery losses fell to 1,022": the equipment named before "losses"
                modifier = next(
                    (p for p in result.phrases if p.last == back and p.noun.kind == "equipment"),
                    None,
                )
                if modifier is not None:
                    return modifier
                referent = self._antecedent(result, back, topic)
                if referent is None:  # "losses" with nothing said before: people lost
                    referent = next((p for p in result.phrases if p.first == back), None)
                plain = noun_hit is not None and noun_hit[0].category is None  # "losses"
                if plain and referent is not None and referent.category in CASUALTY_CATEGORIES:
                    # "Ukrainian losses at 124,500 to 131,000" after "43,000 killed": the
                    # losses of people are all their losses, not more of the dead
                    referent = replace(referent, category="personnel", explicit=False)
                owner = self._side_before(tokens, back)  # "Russian losses near 870,000"
                if referent is not None and owner is not None and referent.side != owner:
                    referent = replace(referent, side=owner)
                named = None if placeholder is None else self.casualty_inside(tokens, back, end)
                if named is not None and named.value == "personnel":
                    named = None  # "losses", "伤亡人数": the count before says as much
                    if referent is not None and referent.category in CASUALTY_CATEGORIES:
                        # "乌军伤亡人数约为40万" after "阵亡人数在19万至25万之间": the
                        # casualties are all the losses of people, not more of the dead
                        referent = replace(referent, category="personnel", explicit=False)
                if (
                    named is not None
                    and referent is not None
                    and referent.category in PERSON_CATEGORIES
                ):
                    # "受伤人数约40万" after "死亡人数约为8万人": the wounded, not the dead again
                    referent = replace(
                        referent, category=named.value, rule_id=named.rule_id, explicit=True
                    )
                return referent
            if noun_hit is not None:
                if noun_hit[0].kind == "block":
                    return None
                for phrase in result.phrases:
                    if phrase.first == back:
                        return self._owned_by_people_before(tokens, phrase, result.phrases)
        return None

    def _in_relative_clause(self, tokens: list[Token], k: int, lo: int) -> bool:
        relatives = self.lex.grammar["relatives"]
        for back in range(k - 1, max(lo, k - 10) - 1, -1):
            if tokens[back].norm in relatives and back > 0 and tokens[back - 1].norm == ",":
                return True  # ", which include wounded, killed or missing,"
            if tokens[back].norm in (".", ";"):
                return False
        return False

    def _item_label(
        self, tokens: list[Token], k: int, result: SentenceFigures
    ) -> NounPhrase | None:
        """ "Tanks 6,140 +8": a table's item line, its label the whole text before the number
        ("Tanks | 6,140 | +8": the label's cell)."""
        k = label_end(tokens, k)
        opening = next((i for i, t in enumerate(tokens) if t.kind != "punct"), k)
        return next(
            (p for p in result.phrases if p.first == opening and p.last == k and p.first < k),
            None,
        )

    def _owned_by_people_before(
        self, tokens: list[Token], phrase: NounPhrase, phrases: list[NounPhrase]
    ) -> NounPhrase:
        """ "the number of Russian soldiers killed at 5,937": a casualty word right after the
        people it happened to takes their side (they were killed, they did not kill), unless
        they are both sides' ("Ukrainian and Russian troops killed")."""
        if phrase.noun.kind != "casualty" or phrase.side is not None:
            return phrase
        people = next(
            (p for p in phrases if p.last == phrase.first and p.noun.kind == "person"), None
        )
        if people is None or people.side is None:
            return phrase
        lo = max(0, people.first - MIXED_SIDES_REACH)
        named = {tag.value for tag, _, _ in self.lex.sides.find_all(tokens, lo, people.first)}
        if named - {people.side, "THIRD", "SPEAKER"}:
            return phrase
        return replace(phrase, side=people.side)

    def _column(self, tokens: list[Token], m: NumberMention) -> NounPhrase | None:
        """The header's noun over a row's cell, for a row its first cell labels by a day, a month
        or a place (a row labelled by a category has read its own label already)."""
        cell = cell_of(tokens, m.first)
        if cell == 0 and m.first > 1 and tokens[m.first - 1].norm == ":":
            cell = 1  # "Bashkortostan: 4,310": a label and its value, two cells of one row
        if cell == 0 or cell >= len(self._columns):
            return None
        return self._columns[cell]

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
        earlier = [f for f in result.figures if f.mention.first < m.first]
        lead = prev is not None and prev.norm in self.lex.grammar["ellipsis_leads"]
        # "up from 3,105", "fell to 1,022 from 1,310": a range's opener with no range after
        # it, past an earlier figure, names the figure it is compared with
        lead = lead or (
            bool(earlier)
            and prev is not None
            and m.low is None
            and prev.norm in self.lex.number_words.range_openers
        )
        span_after = nxt is not None and (
            nxt.norm in (".", ",", ";", "and")
            or nxt.norm in self.lex.respectively  # "…, 17,601 and 18,455 respectively"
            or self.lex.basis_clause.match(tokens, m.last) is not None
            # "з них 1 650 – за минулу добу": the span after a dash
            or (nxt.norm in ("–", "—") and self.lex.basis_clause.match(tokens, m.last + 1))
        )
        # "up to 340 … in the Kharkiv direction, along with 390 in the Donetsk direction"
        place_after = bool(earlier) and nxt is not None and self._place_at(tokens, m.last)
        # "destroying at least six warplanes and damaging eight more"; "… accounted for up to
        # 1,450 more" after a sentence about troops: the topic's count goes on
        more_after = (
            nxt is not None
            and nxt.norm in self.lex.ellipsis_heads
            and self.lex.nouns.match(tokens, m.last + 1) is None
            and (bool(earlier) or (topic is not None and _ends_a_count(tokens, m.last + 1)))
        )
        # "Russia has lost 3,600 tanks, while Ukraine has lost about 1,100": a new subject's loss
        lost_after = (
            bool(earlier) and (nxt is None or span_after) and self._loses_right_before(tokens, m)
        )
        # "In November alone they lost more than 45,000 —" after a sentence about people: the
        # losing verb's bare count goes on counting them
        lost_topic = (
            not earlier
            and m.value is not None
            and m.value >= TOPIC_LOSS_MIN
            and not m.spelled
            and topic is not None
            and topic.category in PERSON_CATEGORIES
            and self._loses_right_before(tokens, m)
            and _ends_a_count(tokens, m.last)
        )
        ended = lead and (nxt is None or span_after or place_after)
        if not (more_after or month_after or ended or lost_after or lost_topic):
            return None
        if earlier:
            previous = earlier[-1]  # "359 losses in June, 300 in July": the same count again
            noun = Noun(previous.rule_id.split(":")[0], "equipment", previous.category)
            phrase = NounPhrase(noun, previous.noun_first, previous.noun_last)
            phrase.category, phrase.rule_id = previous.category, noun.rule_id
            phrase.side = None if lost_after and not ended else previous.side_hint
            return phrase
        return self._antecedent(result, m.first, topic)

    def _place_at(self, tokens: list[Token], k: int) -> bool:
        """A place's preposition at ``k`` ("in", "dont 19 au-dessus de …", "di cui 19 sopra
        …"; grammar.place_prepositions), or after a dash ("22 — над Курской областью")."""
        places = self.lex.grammar["place_prepositions"]
        if k < len(tokens) and tokens[k].norm in ("–", "—") and places:
            k += 1
        if k >= len(tokens):
            return False
        return tokens[k].norm in PLACE_PREPOSITIONS or tokens[k].norm in places

    def _loses_right_before(self, tokens: list[Token], m: NumberMention) -> bool:
        """Whether a verb of losing stands right before the number (or its qualifier)."""
        k = m.first
        qualifier = self.lex.qualifiers_before.match_ending(tokens, k)
        if qualifier is not None:
            k = qualifier[1]
        cue = self.lex.loss_cues.match_ending(tokens, k)
        return cue is not None and cue[0].value == "patient"

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
            if self._does_the_downing(result.tokens, phrase, before):
                continue
            if nearest or phrase.noun.kind != "block":
                best = phrase
        if best is not None:
            return best
        if topic is not None:
            return topic
        loss = [p for p in result.phrases if p.first < before and p.noun.kind == "loss"]
        return loss[-1] if loss else None

    def _does_the_downing(self, tokens: list[Token], phrase: NounPhrase, before: int) -> bool:
        """ "Air defences downed 80 of them": a noun right before a loss verb, with the bare
        figure after it, is who did it, not what was lost."""
        cue = self.lex.loss_cues.match(tokens, phrase.last) if phrase.last < before else None
        return cue is not None and cue[1] <= before


def is_cjk(text: str) -> bool:
    """Whether a token's text opens with a Chinese character."""
    return "\u3400" <= text[:1] <= "\u9fff" or "\uf900" <= text[:1] <= "\ufaff"


def is_date_token(dates: Sequence[DateMention], k: int) -> bool:
    """Whether ``tokens[k]`` lies inside one of the sentence's dates."""
    return any(d.first <= k < d.last for d in dates)


def _ends_a_count(tokens: list[Token], k: int) -> bool:
    """Whether nothing that could be a noun follows ``tokens[k - 1]`` ("1,450 more near
    Kupiansk", "20 more." but not "20 more Patriot systems")."""
    return k >= len(tokens) or tokens[k].kind == "punct" or tokens[k].norm in PLACE_PREPOSITIONS
