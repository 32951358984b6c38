"""Whose losses a figure counts: the subject side, read from the clause around it.

``Russian tanks`` names the side in the noun phrase; ``Kyiv has lost 400
soldiers`` names the loser as the subject of a loss verb; ``Russian forces
destroyed 1,500 drones`` names the *other* side as the agent; ``destroyed by
its armed forces`` the same in the passive. What a clause leaves open is
settled later from the list the figure belongs to, the text's latest side and
the claimant (docs/extraction.md, "Sides").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from attrition.extract.claimants import MAX_ASIDE_REACH
from attrition.extract.figures import Figure
from attrition.extract.rules import Lexicon
from attrition.extract.tokens import Token, span_key

# The loss verb governing a figure sits within a dozen tokens to its left
# ("the Russian forces have also lost 76 fuel tanks, 148 … UAVs, 27 units of special
# equipment and four …": the last item is 20 tokens away, but the list carries it).
MAX_VERB_REACH: Final = 12
# A verb's subject comes within ten tokens before it ("the Russian military lost").
MAX_SUBJECT_REACH: Final = 10
# Chinese tokens are characters, about two to a word: its subject reach is twice as long
# ("俄軍自全面入侵以來累計損失": the subject ends eleven characters before its verb).
CJK_SUBJECT_REACH: Final = 2 * MAX_SUBJECT_REACH
OPPOSITE: Final = {"RU": "UA", "UA": "RU"}
# "Russia's defence ministry also said": the rest of a speaker's name and an adverb.
SPEAKER_VERB_REACH: Final = 4
# The longest phrase a sentence opens its topic with ("en ce qui concerne", "что касается").
TOPIC_OPENER_TOKENS: Final = 4
# The opener's side comes within two tokens ("Côté ukrainien", "quant à l'Ukraine").
TOPIC_SIDE_REACH: Final = 3
# "236 aircraft, 206 helicopters, … and 1,147 artillery units have been destroyed by its
# armed forces": the agent of a list's passive verb comes after the whole list.
MAX_PASSIVE_REACH: Final = 40


@dataclass(slots=True)
class ClauseSide:
    """What the clause says about whose loss a figure is."""

    side: str | None  # RU, UA, ENEMY or SPEAKER
    role: str  # patient, agent, passive, noun or none
    rule_id: str
    verb_at: int | None = None  # token index of the loss word the side was read from
    subject_at: int | None = None  # token index of the side phrase it was read from


class SideReader:
    """Reads subject sides from a sentence's tokens."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.grammar = lexicon.grammar
        self._subject_reach = CJK_SUBJECT_REACH if lexicon.language == "zh" else MAX_SUBJECT_REACH

    def side_phrases(self, tokens: list[Token], lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Side noun phrases in ``tokens[lo:hi]`` (start, end, side): "Russian forces", "Kyiv"."""
        found: list[tuple[int, int, str]] = []
        sides_bit = self.lex.sides.bit
        possessives = self.grammar["possessives"]
        k = lo
        while k < hi:
            token = tokens[k]
            if not token.flags & sides_bit and token.norm not in possessives:
                k += 1
                continue
            # "our troops", "his own battalion": the speaker's side
            force = k + 2 if k + 2 < hi and tokens[k + 1].norm == "own" else k + 1
            if (
                token.norm in possessives
                and force < hi
                and tokens[force].norm in self.grammar["force_nouns"]
            ):
                found.append((k, force + 1, "SPEAKER"))
                k = force + 1
                continue
            hit = self.lex.sides.match(tokens, k)
            if hit is None:
                k += 1
                continue
            tag, end = hit
            after = tokens[end] if end < len(tokens) else None
            if after is not None and after.joined and after.norm in self.lex.origin_suffixes:
                k = end + 1
                continue
            nxt = after.norm if after is not None else ""
            # "the Black Sea Fleet", "Armed Forces of Ukraine", "Kyiv", "the occupiers"
            named = span_key(tokens, k, end) in self.grammar["country_words"]
            person = self.lex.nouns.match(tokens, k)
            standalone = end - k > 1 or named or (person is not None and person[1] == end)
            noun = self.lex.nouns.match(tokens, end) if after is not None else None
            # "les forces russes", "le truppe russe", "le perdite russe": a side adjective
            # after its force noun or the losses it owns
            after_force = (
                k > lo
                and token.norm in self.grammar["side_adjectives_after"]
                and (
                    tokens[k - 1].norm in self.grammar["force_nouns"]
                    or tokens[k - 1].norm in self.grammar["loss_nouns"]
                )
            )
            if tag.value in ("RU", "UA", "ENEMY") and (
                standalone
                or after_force
                or nxt in self.grammar["force_nouns"]
                or nxt in ("losses", "casualties", "military", "armed")
                or tag.value == "ENEMY"
                or (noun is not None and noun[0].kind != "block")
            ):
                found.append((k - 1 if after_force else k, end, tag.value))
            k = end
        return found

    def topic_side(self, tokens: list[Token]) -> str | None:
        """Whose losses a sentence without figures is about: "Ukrainian forces struck ships"."""
        side: str | None = None
        loss_bit = self.lex.loss_cues.bit
        if not any(token.flags & loss_bit for token in tokens):
            return None
        for first, end, found in self.side_phrases(tokens, 0, len(tokens)):
            if found not in OPPOSITE or self._after_preposition(tokens, first):
                continue
            if tokens[first].norm in self.grammar["loss_nouns"]:
                return found  # "le perdite russe": the owner named on the losses themselves
            for k in range(end, min(len(tokens), end + 5)):
                cue = self.lex.loss_cues.match(tokens, k)
                if cue is None:
                    continue
                role = cue[0].value
                noun = tokens[k].norm in self.grammar["loss_nouns"]
                # "Ukrainian soldiers killed in battle": a participle on the noun, its victims
                participle = k - end <= 1 and self.lex.predicates.match(tokens, k) is not None
                agent = role == "agent" and not noun and not participle
                side = OPPOSITE[found] if agent else found
                break
        return side

    def opening_topic(self, tokens: list[Token]) -> str | None:
        """ "Côté ukrainien, …", "En cuanto a Ucrania, …": the side a sentence opens on as its
        topic, named just after the opener and closed by a comma."""
        openers = self.grammar["topic_openers"]
        if not openers or not tokens:
            return None
        limit = min(len(tokens), TOPIC_OPENER_TOKENS)
        width = next((w for w in range(1, limit + 1) if span_key(tokens, 0, w) in openers), 0)
        if not width:
            return None
        for k in range(width, min(len(tokens), width + TOPIC_SIDE_REACH)):
            hit = self.lex.sides.match(tokens, k)
            if hit is not None and hit[0].value in OPPOSITE:
                closed = hit[1] < len(tokens) and tokens[hit[1]].norm == ","
                return str(hit[0].value) if closed else None
        return None

    def clause_side(self, tokens: list[Token], figure: Figure, clause_of: list[int]) -> ClauseSide:
        """The side a figure's clause implies through its loss verb and that verb's subject."""
        lex = self.lex
        clause = figure.clause
        start = figure.first
        lo = start
        while lo > 0 and clause_of[lo - 1] == clause and start - lo < MAX_VERB_REACH:
            lo -= 1
        passive = self._passive_agent(tokens, figure, clause_of)
        if passive is not None:
            return passive
        served = self._served_side(tokens, figure)
        if served is not None:
            return ClauseSide(served, "noun", "side.served", None)
        verb_at = None
        role = "none"
        glossed = False  # inside a bracket read backwards: "casualties (killed and wounded)"
        for back in range(start - 1, lo - 1, -1):
            if glossed or tokens[back].norm == ")":
                glossed = tokens[back].norm != "("
                continue
            hit = lex.loss_cues.match(tokens, back)
            if hit is not None and back > 0 and tokens[back - 1].kind == "num":
                continue  # "79 damaged": a participle of the figure before, not this one's verb
            if hit is not None and hit[1] <= start:
                verb_at, role = back, hit[0].value
                if tokens[back].norm in self.grammar["loss_nouns"]:
                    role = "noun"
                break
        if verb_at is None:
            relative = self._relative_after(tokens, figure, clause_of)
            if relative is not None:
                return relative
            verb_at, role = self._verb_after(tokens, figure, clause_of, lo)
        if role == "noun" and verb_at is not None:
            owner = self._owner_after(tokens, verb_at)  # "losses of the Russian forces"
            if owner is not None:
                return ClauseSide(owner, "noun", "side.losses_of", verb_at)
        anchor = verb_at if verb_at is not None and verb_at < start else start
        subject_lo = max(0, anchor - self._subject_reach)
        while subject_lo < anchor and clause_of[subject_lo] != clause:
            subject_lo += 1
        candidates = self.side_phrases(tokens, subject_lo, anchor)
        for first, end, side in reversed(candidates):
            if self._after_preposition(tokens, first):
                continue
            if verb_at is None and self._speaks(tokens, end, start):
                continue  # "Ukraine's military reported 3,645 vehicles destroyed": the speaker
            nxt = tokens[end].norm if end < len(tokens) else ""
            if nxt in self.grammar["loss_nouns"] or (
                end + 1 < len(tokens) and tokens[end + 1].norm in self.grammar["loss_nouns"]
            ):
                return ClauseSide(
                    side, "noun", "side.losses_owner", verb_at, first
                )  # "Russia's losses"
            if verb_at is not None and role == "agent":
                if side in OPPOSITE:
                    return ClauseSide(OPPOSITE[side], "agent", "side.agent", verb_at)
                return ClauseSide(side, "agent", "side.agent", verb_at)  # ENEMY/SPEAKER: later
            # a subject of the loss verb ("and Ukraine had suffered 400,000 casualties")
            subject_at = first if verb_at is not None and role == "patient" else None
            return ClauseSide(
                side, role if verb_at is not None else "none", f"side.{role}", verb_at, subject_at
            )
        colon = next(
            (j for j in range(anchor - 1, max(0, subject_lo - 1) - 1, -1) if tokens[j].norm == ":"),
            -1,
        )
        if colon > 0:
            owner = self._owner_before_colon(tokens, colon)
            if owner is not None:
                return ClauseSide(owner, "noun", "side.losses_owner", verb_at)
        return ClauseSide(None, role, "side.none", verb_at)

    def _served_side(self, tokens: list[Token], figure: Figure) -> str | None:
        """ "87 men who were killed while serving in Ukraine's armed forces": the side the
        counted people served with, named after them in their clause."""
        service = self.grammar.get("service_words", frozenset())
        if not service:
            return None
        end = max(figure.last, figure.noun_last)
        for k in range(end, min(len(tokens) - 2, end + MAX_VERB_REACH)):
            if tokens[k].norm in (".", ";") or tokens[k].kind == "num":
                return None  # "killed while serving": the clause may break at "while"
            if tokens[k].norm in service and tokens[k + 1].norm in ("in", "with", "for"):
                found = self.side_phrases(tokens, k + 2, min(len(tokens), k + 6))
                if found and found[0][2] in OPPOSITE:
                    return found[0][2]
                return None
        return None

    def _relative_asides(self, tokens: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
        """The ", which …," asides between ``lo`` and ``hi``: their opening comma and end."""
        relatives = self.grammar["relatives"]
        found: list[tuple[int, int]] = []
        for k in range(lo, hi):
            end = relative_aside_end(tokens, k, relatives)
            if end > k:
                found.append((k, end))
        return found

    def _owner_before_colon(self, tokens: list[Token], colon: int) -> str | None:
        """ "Ukraine's losses are far smaller but still severe: 60,000 killed …": the figures
        after a colon spell out the losses of the side named before it."""
        lo = max(0, colon - MAX_SUBJECT_REACH)
        reach = max(0, lo - MAX_ASIDE_REACH)
        for aside_lo, aside_hi in self._relative_asides(tokens, reach, colon):
            if aside_hi > lo:  # "Ukraine's losses, which Kyiv rarely discusses, are lower:"
                lo = max(0, lo - (aside_hi - aside_lo))
        loss_nouns = self.grammar["loss_nouns"]
        for _first, end, side in reversed(self.side_phrases(tokens, lo, colon)):
            if end < colon and tokens[end].norm in loss_nouns:
                return side
        return None

    def _verb_after(
        self, tokens: list[Token], figure: Figure, clause_of: list[int], lo: int
    ) -> tuple[int | None, str]:
        """The participle closing a perfect after its object: "Die ukrainische Armee hat 40
        Panzer zerstört" (the verb-final clauses of German, an auxiliary before the figure)."""
        auxiliaries = self.grammar["perfect_auxiliaries"]
        if not any(t.norm in auxiliaries for t in tokens[lo : figure.first]):
            return None, "none"
        end = max(figure.last, figure.noun_last)
        for k in range(end, min(len(tokens), end + MAX_VERB_REACH)):
            if clause_of[k] != figure.clause or tokens[k].norm in (",", ".", ";"):
                break
            hit = self.lex.loss_cues.match(tokens, k)
            if hit is not None and tokens[k].norm not in self.grammar["loss_nouns"]:
                return k, hit[0].value
        return None, "none"

    def _relative_after(
        self, tokens: list[Token], figure: Figure, clause_of: list[int]
    ) -> ClauseSide | None:
        """ "254.380 Soldaten, die Russland … eingebüßt haben soll": the subject and loss verb
        of a relative clause on the figure's noun."""
        k = max(figure.last, figure.noun_last)
        n = len(tokens)
        if (
            k + 2 >= n
            or tokens[k].norm != ","
            or tokens[k + 1].norm not in self.grammar["relatives"]
        ):
            return None
        side: str | None = None
        for j in range(k + 2, min(n, k + 2 + MAX_VERB_REACH)):
            if clause_of[j] != figure.clause or tokens[j].norm in (",", ".", ";"):
                return None
            if side is None:
                hit = self.lex.sides.match(tokens, j)
                if hit is not None and hit[0].value in OPPOSITE:
                    side = hit[0].value
                    continue
            cue = self.lex.loss_cues.match(tokens, j)
            if cue is not None and tokens[j].norm not in self.grammar["loss_nouns"]:
                if side is None or cue[0].value not in ("patient", "agent"):
                    return None
                loser = side if cue[0].value == "patient" else OPPOSITE[side]
                return ClauseSide(loser, cue[0].value, "side.relative", j)
        return None

    def _speaks(self, tokens: list[Token], end: int, figure_at: int) -> bool:
        """A side phrase that names the speaker of the figure, not the loser: a report verb
        follows it ("Russia's defence ministry also said") and leads straight to the figure
        ("said 40 drones were shot down"); an admission ("Russia admits 498 soldiers
        killed") reports the speaker's own losses."""
        k, stop = end, min(len(tokens), end + SPEAKER_VERB_REACH)
        while k < stop:
            verb = self.lex.report_verbs.match(tokens, k)
            if verb is not None:
                if tokens[k].norm in self.grammar["admission_verbs"]:
                    return False
                between = tokens[verb[1] : figure_at]
                return all(t.kind == "word" for t in between)
            aside_end = relative_aside_end(tokens, k, self.grammar["relatives"])
            if aside_end > k:  # "Ukraine's General Staff, which counts differently, lists"
                k, stop = aside_end, min(len(tokens), aside_end + SPEAKER_VERB_REACH)
                continue
            if tokens[k].kind != "word" or self.lex.loss_cues.match(tokens, k) is not None:
                return False
            k += 1
        return False

    def _after_preposition(self, tokens: list[Token], first: int) -> bool:
        """ "in battles with Russia's Battlegroup Yug", "attacks by the Ukrainian army"."""
        k = first - 1
        while k >= 0 and tokens[k].norm in self.grammar["determiners"]:
            k -= 1
        return k >= 0 and tokens[k].norm in self.grammar["prepositions"]

    def losses_owner(self, tokens: list[Token], end: int) -> str | None:
        """ "The total combat losses of the enemy from … to … are 880,950 people": the side
        whose losses a loss noun before ``end`` names, however far from the figure."""
        nouns = self.grammar["loss_nouns"]
        for k in range(min(end, len(tokens))):
            if tokens[k].norm in nouns:
                owner = self._owner_after(tokens, k)
                if owner is not None:
                    return owner
        return None

    def _owner_after(self, tokens: list[Token], k: int) -> str | None:
        j = k + 1
        if j < len(tokens) and tokens[j].norm in self.grammar["side_adjectives_after"]:
            own = self.lex.sides.match(tokens, j)  # "le perdite russe", "pérdidas rusas"
            # "втрати противника", "потери ВСУ": a side in the genitive after the loss noun
            if own is not None and (own[0].value in OPPOSITE or own[0].value == "ENEMY"):
                return own[0].value
        if j < len(tokens) and tokens[j].norm in ("among", "of"):
            found = self.side_phrases(tokens, j + 1, min(len(tokens), j + 5))
            # "losses of the enemy": the speaker's opponent, resolved with the claimant
            if found and (found[0][2] in OPPOSITE or found[0][2] == "ENEMY"):
                return found[0][2]
        return None

    def _passive_agent(
        self, tokens: list[Token], figure: Figure, clause_of: list[int]
    ) -> ClauseSide | None:
        """ "… have been destroyed by its armed forces", "captured by Ukrainian forces"."""
        n = len(tokens)
        end = max(figure.last, figure.noun_last)
        for k in range(end, min(n - 1, end + MAX_PASSIVE_REACH)):
            if clause_of[k] != figure.clause or tokens[k].norm in (".", ";"):
                return None
            if (
                tokens[k].norm == "by"
                and k > 0
                and tokens[k - 1].norm.endswith("ed")
                and self.lex.loss_cues.match(tokens, k - 1) is not None
            ):  # "destroyed by …", not "launched by Russia"
                found = self.side_phrases(tokens, k + 1, min(n, k + 5))
                if found:
                    side = found[0][2]
                    if side in OPPOSITE:
                        return ClauseSide(OPPOSITE[side], "passive", "side.passive_agent", k, k)
                    return ClauseSide(side, "agent", "side.passive_agent", k, k)
                return None
        return None


def relative_aside_end(tokens: list[Token], k: int, relatives: frozenset[str]) -> int:
    """After a name, ", which counts differently," or ", whose figures …,": the index after
    the aside's closing comma; ``k`` itself when no such aside opens there."""
    if k + 1 >= len(tokens) or tokens[k].norm != "," or tokens[k + 1].norm not in relatives:
        return k
    for j in range(k + 2, min(len(tokens), k + 2 + MAX_ASIDE_REACH)):
        if tokens[j].norm == ",":
            return j + 1
        if tokens[j].norm in (".", ";", ":") or tokens[j].kind == "num":
            return k
    return k
