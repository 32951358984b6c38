"""Which figures of a sentence count as losses: a loss word in the clause, no non-claim cue
beside the figure, no launch verb sending the count at the other side. A mixin of
``lists.ListReader``."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Final

from mypy_extensions import trait

from attrition.extract.numbers import label_end
from attrition.extract.records import Figure
from attrition.extract.rules import Lexicon
from attrition.extract.tokens import Token

# Non-claim cues count only this close to the figure ("the 16 HIMARS Ukraine has received").
NON_CLAIM_WINDOW: Final = 5
# The non-claim row of call-ups and stocks ("mobilised", "signed contracts").
DEPLOYMENT: Final = "nonclaim.deployment"
# The non-claim row of totals of both sides ("both sides", "combined", "together").
BOTH_SIDES: Final = "nonclaim.both_sides"
# The non-claim row of weapons supplied, delivered or pledged.
SUPPLY: Final = "nonclaim.supply"
# "a lancé", "atacó": a row of verbs that send drones and missiles at the other side
LAUNCH: Final = "nonclaim.launch"
# ... and what a part of the dead were is neither a call-up nor a product ("make up 10,250 of
# the deaths").
WHO_THEY_WERE: Final = frozenset({DEPLOYMENT, SUPPLY})
# The endings of a start verb's inflected forms: "launched 298 drones", "fires 40 drones".
_INFLECTED: Final = ("ed", "es")
# "the 143 drones Russia launched", "40 missiles fired by": how far after its noun a launch
# verb sends a count at the other side (a side's name, "itself", then the verb).
LAUNCH_VERB_REACH: Final = 3
# Signs that say "about" where a list line puts its dash: "tanks ≈ 11,174", "tanks ~ 11,174".
APPROXIMATION_SIGNS: Final = frozenset({"≈", "~"})
# The word that opens an aside naming a part of the figure before ("…, including 1,160 over
# the past day, …").
PART_OPENER: Final = "including"
# The row of civilians among the non-claims, and how many words into an aside after a figure
# it is looked for ("has risen to 26, including five children").
CIVILIANS: Final = "nonclaim.civilian"
CIVILIAN_PART_WORDS: Final = 4
# What separates a list item's label from its figure ("tanks – 10,303", "Tanks: 7,201"; the
# tokenizer writes the other hyphens and dashes as "-").
LABEL_DASHES: Final = frozenset({":", "–", "-", "—"})


@trait
class LossFilter:
    """The loss test of each figure, with what it remembers within a sentence."""

    lex: Lexicon
    _after_losses: bool
    _item_line: bool
    _partition: bool
    _loss_clauses: dict[tuple[int, int], list[tuple[int, int]]]
    _loss_of: list[Token] | None
    _launched_by: str | None  # the side that launched a count before, in this sentence

    def _forget_launcher(self) -> None:
        """A new run of figures: no count in it has been launched by a side yet."""
        self._launched_by = None

    def _is_loss(
        self,
        tokens: list[Token],
        figure: Figure,
        clause_of: list[int],
        *,
        continues: bool = False,
        ranked: bool = False,
    ) -> bool:
        """A figure counts only with a loss cue in its clause and no non-claim cue beside it.

        ``continues`` says it follows a loss figure of the same sentence after a semicolon;
        ``ranked`` that it is a ranking's next entry, whose label before it is its own
        ("followed by mobilized men with 12,400": who they were, not a call-up).
        """
        lex = self.lex
        if self._partition and figure.person:
            return True  # "Of those identified, 18,440 were former prisoners recruited …"
        if figure.rule_id.endswith(":column"):
            return True  # "September | 38,130 | 178" under "Month | Personnel | Tanks"
        lo, hi = self._clause_bounds(clause_of, figure.clause)
        start = figure.first
        joiners = lex.grammar["list_joiners"]
        while start > lo and figure.first - start < NON_CLAIM_WINDOW:
            if tokens[start - 1].norm in (",", ";", ":"):
                break
            if continues and tokens[start - 1].norm in joiners:
                break  # "9,000 mobilized men and 3,000 officers": the item before is its own
            start -= 1
        stop = max(figure.last, figure.noun_last)
        while stop < hi and stop - max(figure.last, figure.noun_last) < NON_CLAIM_WINDOW:
            if tokens[stop].norm in (",", ";", "and", "or", "while", "but"):
                break  # "400,000 soldiers, and many more civilians": the next item is not this one
            if tokens[stop].norm in lex.grammar["since_words"]:
                break  # "556,820 men since Putin ordered his tanks in": a time, not a purchase
            stop += 1
        if figure.rule_id.endswith(":whole"):
            stop = max(
                figure.last, figure.noun_last
            )  # "2,200 of the 3,500 tanks it entered … with"
        # "1,500 of the dead were mobilised men": who a part of the dead were, not a call-up
        partitive = (
            figure.person
            and figure.category != "personnel"
            and lex.whole_links.match(tokens, figure.mention.last) is not None
        )
        # a cue that starts inside the window counts whole ("troops in and around Ukraine")
        # in a list that goes on, a cue between the number and its noun is the item's own
        # adjective ("9,000 mobilized men" among the dead), not a statement about it
        own_end = max(figure.last, figure.noun_last) if continues else figure.mention.last
        own_start = start if ranked and start <= figure.noun_first else figure.mention.first
        for tag, a, _end in lex.non_claims.find_all(
            tokens, start, min(hi, stop + NON_CLAIM_WINDOW)
        ):
            if partitive and tag.rule_id in WHO_THEY_WERE:
                continue  # "Mobilized men account for 11,700 of the deaths": who they were
            if tokens[a].joined and tokens[a].norm in lex.origin_suffixes:
                continue  # "12 Western-supplied tanks": where they came from, not a delivery
            if self._origin_after_noun(tokens, figure, tag.rule_id, a, lo):
                continue
            if self._joins_categories(tokens, tag.rule_id, a):
                continue
            if a < figure.mention.first < _end:
                continue  # "close to 1 million": a ratio's "to 1" is the qualifier and the figure
            if a < stop and not (own_start <= a < own_end):
                return False
        if self._civilian_part_after(tokens, figure):
            return False
        verb = self._launch_verb(tokens, figure.first, lo)
        if verb < 0:
            verb = self._launch_verb_after(tokens, figure, lo)
        if verb >= 0:
            self._launched_by = self._launcher_side(tokens, verb)
            return False
        if 0 <= figure.noun_first < figure.first and ":complement" in figure.rule_id and not ranked:
            # "the number of Ukrainian and Russian troops killed … is nearing 500,000": the
            # noun phrase a complement reaches back to carries its own cues
            lo_noun = max(lo, figure.noun_first - NON_CLAIM_WINDOW)
            cues = lex.non_claims.find_all(tokens, lo_noun, figure.noun_last)
            if any(not self._joins_categories(tokens, tag.rule_id, a) for tag, a, _ in cues):
                return False
        if figure.explicit_category or figure.rule_id.startswith(
            ("noun.casualties", "noun.deaths")
        ):
            return True
        if self._clause_has_loss(tokens, lo, hi, figure) or continues:
            return True
        if figure.rule_id.endswith(":counted") and lex.placeholder_nouns.find_all(tokens):
            return True  # "The totals for aircraft (369) and helicopters (329) did not change"
        if not self._after_losses:
            return False
        after = figure.mention.last
        elided = figure.rule_id.endswith(":ellipsis")
        if elided and after < len(tokens) and tokens[after].norm in lex.ellipsis_heads:
            return True  # "… 3,200 soldiers. The West group accounted for 1,450 more": that count
        # "tanks ‒ 10,303 (+11)", "personnel ‒ about 887,620 (+1,300) persons": an item line
        # whose label precedes a dash, whichever noun the figure took
        dashed = figure.first > 0 and (
            tokens[figure.first - 1].norm in LABEL_DASHES
            or tokens[figure.first].norm in APPROXIMATION_SIGNS  # "tanks ≈ 11,174 (+2)"
        )
        label = dashed and (
            ":complement" in figure.rule_id
            # a word before the dash, or a label's bracketed gloss ("Sever (North): over 2,350")
            or (figure.first > 1 and tokens[figure.first - 2].kind == "word")
            or (figure.first > 1 and tokens[figure.first - 2].norm == ")")
        )
        # "306,860 (+890) personnel", "~5,293 tanks": an item line that opens with its figure
        opens = self._item_line and all(t.kind == "punct" for t in tokens[: figure.first])
        # "Tanks 6,140 +8": a table's item line, its label right before its figure
        tabled = self._item_line and ":complement" in figure.rule_id
        tabled = tabled and label_end(tokens, figure.first) == figure.noun_last
        # "8 tanks (9,412)": an item line's total in a bracket after its noun
        tabled = tabled or (self._item_line and figure.rule_id.endswith(":counted"))
        return (
            label or opens or tabled or bool(lex.placeholder_nouns.find_all(tokens))
        )  # "- Tanks: 7,201 (+6)"

    def _origin_after_noun(
        self, tokens: list[Token], figure: Figure, rule_id: str, a: int, lo: int
    ) -> bool:
        """ "destroyed 2,000 tanks supplied by Western countries": after a loss verb of its
        clause, a supply participle and its "by" right after the noun say where the weapons
        came from, as "Western-supplied" does ("equipped with 12 tanks delivered by" is none)."""
        return (
            rule_id == SUPPLY
            and a == figure.noun_last
            and a + 1 < len(tokens)
            and tokens[a + 1].norm in self.lex.grammar["agent_words"]
            and bool(self.lex.loss_cues.find_all(tokens, lo, figure.first))
        )

    def _civilian_part_after(self, tokens: list[Token], figure: Figure) -> bool:
        """ "The death toll … has risen to 26, including five children": a count whose part
        named in an aside is civilians counts civilians."""
        k = max(figure.last, figure.noun_last)
        if k + 1 >= len(tokens) or tokens[k].norm != "," or tokens[k + 1].norm != PART_OPENER:
            return False
        stop = min(len(tokens), k + 2 + CIVILIAN_PART_WORDS)
        cues = self.lex.non_claims.find_all(tokens, k + 2, stop)
        return any(tag.rule_id == CIVILIANS for tag, _a, _b in cues)

    def _joins_categories(self, tokens: list[Token], rule_id: str, at: int) -> bool:
        """Whether a both-sides cue ("together", "combined") follows two loss words joined by
        "and" or "or", so joins categories of one side ("counts killed and wounded together")
        rather than two sides ("Russian and Ukrainian losses together")."""
        if rule_id != BOTH_SIDES:
            return False
        cues = self.lex.loss_cues
        second = cues.match_ending(tokens, at)
        if second is None or second[1] < 2 or tokens[second[1] - 1].norm not in ("and", "or"):
            return False
        return cues.match_ending(tokens, second[1] - 1) is not None

    def _before_rate_words(self, tokens: list[Token], first: int) -> int:
        """Where the words of an average before a figure start ("fires an average of 150
        drones"), or ``first`` when there are none."""
        hit = self.lex.basis_clause.match_ending(tokens, first)
        return hit[1] if hit is not None and hit[0].value == "rate" else first

    def _launch_verb(self, tokens: list[Token], first: int, lo: int) -> int:
        """ "Russia launched 298 drones", "attacked Ukraine overnight with 298 drones": the
        verb that sent the count at the other side (no loss, whatever the sentence goes on to
        shoot down), or -1; a loss word or a clause break ends the look back past "with"."""
        start_verbs = self.lex.grammar["start_verbs"]
        k = self._before_rate_words(tokens, first)
        between = self.lex.qualifier_transparent.match_ending(tokens, k)
        k = (between[1] if between is not None else k) - 1  # "launched a record 188 drones"
        if k < lo:
            return -1
        if tokens[k].norm in start_verbs and tokens[k].norm.endswith(_INFLECTED):
            return k  # a verb form ("launched", "fires"), not "since the invasion 21,000 …"
        if tokens[k].norm not in self.lex.grammar["instrument_words"]:
            return -1
        bit = self.lex.loss_cues.bit
        for back in range(k - 1, max(lo, k - NON_CLAIM_WINDOW) - 1, -1):
            token = tokens[back]
            if token.norm in start_verbs:
                return back
            launch = self.lex.non_claims.match(tokens, back)
            if launch is not None and launch[0].rule_id == LAUNCH:
                return back  # "Rusia atacó Ucrania durante la noche con 104 drones"
            if token.norm in (",", ";", ":") or token.flags & bit:
                break
        return -1

    def _launch_verb_after(self, tokens: list[Token], figure: Figure, lo: int) -> int:
        """ "Of the 143 drones Russia launched overnight, 97 were shot down": a launch verb
        right after the noun, its subject between, with no loss word before the figure in its
        clause ("shot down 97 drones launched by Russia" counts the 97), or -1."""
        end = max(figure.last, figure.noun_last)
        start_verbs = self.lex.grammar["start_verbs"]
        verb = -1
        for k in range(end, min(len(tokens), end + LAUNCH_VERB_REACH)):
            norm = tokens[k].norm
            if norm in start_verbs and norm.endswith(_INFLECTED):
                verb = k
                break
            if tokens[k].kind != "word":
                break
        if verb < 0 or self._has_loss_word(tokens, lo, figure.first):
            return -1
        stop = verb + 1  # "60 drones fired at Kyiv were destroyed": the count's own loss
        while stop < len(tokens) and tokens[stop].norm not in (",", ";", ".", ":"):
            stop += 1
        return -1 if self._has_loss_word(tokens, verb + 1, stop) else verb

    def _has_loss_word(self, tokens: list[Token], lo: int, hi: int) -> bool:
        return bool(self.lex.loss_cues.find_all(tokens, lo, hi))

    def _launcher_side(self, tokens: list[Token], verb: int) -> str | None:
        """The side named just before a launch verb ("Russia itself launched"): what the
        sentence then shoots down is that side's."""
        for back in range(verb - 1, max(-1, verb - 4), -1):
            side = self.lex.sides.match(tokens, back)
            if side is not None and side[0].value in ("RU", "UA"):
                return str(side[0].value)
        return None

    def _clause_has_loss(self, tokens: list[Token], lo: int, hi: int, figure: Figure) -> bool:
        """Whether a clause holds a loss word outside the figure's own noun ("98 strike
        drones" names a kind of drone); the clause's words are looked up once, not per figure."""
        if self._loss_of is not tokens:
            self._loss_of = tokens
            self._loss_clauses = {}
        found = self._loss_clauses.get((lo, hi))
        if found is None:
            found = [(a, b) for _, a, b in self.lex.loss_cues.find_all(tokens, lo, hi)]
            self._loss_clauses[(lo, hi)] = found
        # a cue that opens the noun and stops short of its end names the kind of weapon; a
        # noun that is itself a loss word ("losses") still counts
        return any(a != figure.noun_first or b >= figure.noun_last for a, b in found)

    def _clause_bounds(self, clause_of: list[int], clause: int) -> tuple[int, int]:
        """First and last-plus-one token of a clause (clause numbers never decrease)."""
        return bisect_left(clause_of, clause), bisect_right(clause_of, clause)
