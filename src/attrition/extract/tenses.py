"""The verb that governs a figure and its tense: "shot down 296 drones" in the simple past is
one attack's interceptions, "have destroyed" a running total, "said its air defences had
destroyed" the simple past told back. A mixin of ``context.ContextReader``."""

from __future__ import annotations

from typing import Final

from attrition.extract.records import Figure
from attrition.extract.rules import Lexicon, Tagged
from attrition.extract.tokens import Token

# How far before its figure a governing loss verb is looked for ("has lost about 1,500").
VERB_REACH: Final = 8
# The lexicon row of interception verbs ("shot down", "downed").
INTERCEPTION: Final = "loss.agent.interception"
# What air defences bring down: any destroying verb over them tells one attack's interceptions
# ("its air defences destroyed 53 drones", own-en-6), as "shot down" does.
INTERCEPTED: Final = frozenset({"uav", "cruise_missiles"})
# "126 drones were (reportedly) shot down": the words between a figure and its passive verb.
PASSIVE_REACH: Final = 4
# How far before a past perfect's auxiliary a report verb tells it back ("said its air
# defences had destroyed"): a reporting clause's subject is a few words long.
BACKSHIFT_REACH: Final = 6


class TenseReader:
    """Governing verbs and their tenses, for the per-figure decisions."""

    lex: Lexicon

    def _shot_down(self, tokens: list[Token], figure: Figure) -> bool:
        """ "shot down 296 drones" in the simple past: the interceptions of one attack,
        where "have shot down 5,000 drones" is a running total."""
        verb = self._governing_verb(tokens, figure) or self._passive_after(tokens, figure)
        if verb is None:
            return False
        tag, k = verb
        downs = tag.rule_id == INTERCEPTION or (
            tag.value == "agent" and figure.category in INTERCEPTED
        )
        return downs and not self._perfect_before(tokens, k, told_back=True, narrative=True)

    def _passive_after(self, tokens: list[Token], figure: Figure) -> tuple[Tagged, int] | None:
        """ "126 drones were shot down": an interception verb right after the figure's noun."""
        end = max(figure.last, figure.noun_last)
        stop = min(len(tokens), end + PASSIVE_REACH)
        joiners = self.lex.grammar["list_joiners"]
        units = self.lex.number_words.units
        k = end
        while k < stop:
            cue = self.lex.loss_cues.match(tokens, k)
            if cue is not None:
                return (cue[0], k) if cue[0].rule_id == INTERCEPTION else None
            counted = k + 1 < len(tokens) and (
                tokens[k + 1].kind == "num" or tokens[k + 1].norm in units
            )
            if tokens[k].norm in joiners and counted:
                # "142 Drohnen und fünf Marschflugkörper seien abgeschossen": the verb after
                # the next item of the list is this one's too
                stop = min(len(tokens), stop + PASSIVE_REACH)
            k += 1
        return None

    def _past_agent(self, tokens: list[Token], figure: Figure) -> bool:
        """ "its forces destroyed 12 tanks and killed up to 300 soldiers": a loss inflicted in
        the simple past (or told back with "had"), an engagement's count; the Russian MoD gives
        its running totals in the perfect or with "in total, since the start"."""
        verb = self._governing_verb(tokens, figure)
        if verb is None or verb[0].value != "agent":
            return False
        k = verb[1]
        if ":complement" in figure.rule_id and self.lex.nouns.match_ending(tokens, k) is not None:
            return False  # "put the number of soldiers killed at 5,937": a toll's noun, no battle
        grammar = self.lex.grammar
        before = tokens[k - 1].norm if k > 0 else ""
        if before in grammar["auxiliaries"] and before not in grammar["perfect_auxiliaries"]:
            return False  # "had been killed", "were destroyed": a passive tells no engagement
        if any(t.kind == "num" for t in tokens[max(0, k - 2) : figure.first]):
            return False  # "61,207 soldiers killed and 49,368 wounded": the figure before's
        return not self._perfect_before(tokens, k, told_back=True)

    def _perfect_tense(self, tokens: list[Token], figure: Figure) -> bool:
        """ "has (also) lost", "have destroyed": the perfect of the verb governing a figure."""
        verb = self._governing_verb(tokens, figure)
        return verb is not None and self._perfect_before(tokens, verb[1])

    def _governing_verb(self, tokens: list[Token], figure: Figure) -> tuple[Tagged, int] | None:
        """The loss cue closest before a figure, and where it starts."""
        for back in range(figure.first - 1, max(-1, figure.first - VERB_REACH), -1):
            cue = self.lex.loss_cues.match(tokens, back)
            if cue is not None and cue[1] <= figure.first:
                return cue[0], back
        return None

    def _perfect_before(
        self, tokens: list[Token], k: int, *, told_back: bool = False, narrative: bool = False
    ) -> bool:
        """A perfect auxiliary in the three words before the verb at ``k`` ("has lost", "have
        also destroyed"); with ``told_back``, a reported past perfect ("said its air defences
        had destroyed") is the simple past told back, not a perfect; with ``narrative``, a
        perfect that tells one event in its language ("la contraerea ha abbattuto") is none."""
        grammar = self.lex.grammar
        for j in range(max(0, k - 3), k):
            norm = tokens[j].norm
            if norm not in grammar["perfect_auxiliaries"]:
                continue
            if narrative and norm in grammar["narrative_perfect"]:
                continue
            if told_back and norm in grammar["backshift_auxiliaries"] and self._reported(tokens, j):
                continue
            return True
        return False

    def _reported(self, tokens: list[Token], j: int) -> bool:
        """A report verb shortly before token ``j``: the clause is reported speech."""
        lo = max(0, j - BACKSHIFT_REACH)
        return any(self.lex.report_verbs.match(tokens, i) is not None for i in range(lo, j))
