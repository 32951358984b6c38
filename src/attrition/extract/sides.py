"""Whose losses a figure counts: the subject side, read from the clause around it.

``Russian tanks`` names the side in the noun phrase; ``Kyiv has lost 400
soldiers`` names the loser as the subject of a loss verb; ``Russian forces
destroyed 1,500 drones`` names the *other* side as the agent; ``destroyed by
its armed forces`` the same in the passive. What a clause leaves open is
settled later from the list the figure belongs to, the text's latest side and
the claimant (docs/extraction.md, "Sides").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from attrition.extract.figures import FORCE_NOUNS, Figure
from attrition.extract.rules import Lexicon
from attrition.extract.tokens import Token

# The loss verb governing a figure sits within a dozen tokens to its left
# ("the Russian forces have also lost 76 fuel tanks, 148 … UAVs, 27 units of special
# equipment and four …": the last item is 20 tokens away, but the list carries it).
MAX_VERB_REACH = 12
# A verb's subject comes within ten tokens before it ("the Russian military lost").
MAX_SUBJECT_REACH = 10
_PREPOSITIONS = frozenset(
    [
        "with",
        "against",
        "by",
        "from",
        "near",
        "toward",
        "towards",
        "into",
        "at",
        "on",
        "in",
        "for",
        "over",
        "under",
        "about",
    ]
)
_COUNTRY_WORDS = frozenset(
    [
        "russia",
        "ukraine",
        "moscow",
        "kyiv",
        "kiev",
        "kremlin",
        "russia's",
        "ukraine's",
        "moscow's",
        "kyiv's",
        "kiev's",
        "kremlin's",
        "enemy",
        "enemy's",
    ]
)
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "we", "we're", "we've", "us"})
OPPOSITE = {"RU": "UA", "UA": "RU"}


@dataclass(slots=True)
class ClauseSide:
    """What the clause says about whose loss a figure is."""

    side: str | None  # RU, UA, ENEMY or SPEAKER
    role: str  # patient, agent, passive, noun or none
    rule_id: str


class SideReader:
    """Reads subject sides from a sentence's tokens."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def side_phrases(self, tokens: Sequence[Token], lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Side noun phrases in ``tokens[lo:hi]`` (start, end, side): "Russian forces", "Kyiv"."""
        found: list[tuple[int, int, str]] = []
        k = lo
        while k < hi:
            token = tokens[k]
            if token.norm in _POSSESSIVES and k + 1 < hi and tokens[k + 1].norm in FORCE_NOUNS:
                found.append((k, k + 2, "SPEAKER"))
                k += 2
                continue
            hit = self.lex.sides.match(tokens, k)
            if hit is None:
                k += 1
                continue
            tag, end = hit
            if (
                end < len(tokens)
                and tokens[end].joined
                and tokens[end].norm in self.lex.origin_suffixes
            ):
                k = end + 1
                continue
            nxt = tokens[end].norm if end < len(tokens) else ""
            standalone = " ".join(t.norm for t in tokens[k:end]) in _COUNTRY_WORDS
            if tag.value in ("RU", "UA", "ENEMY") and (
                standalone
                or nxt in FORCE_NOUNS
                or nxt in ("losses", "casualties", "military", "armed")
                or tag.value == "ENEMY"
                or (end < len(tokens) and self.lex.nouns.match(tokens, end) is not None)
            ):
                found.append((k, end, tag.value))
            k = end
        return found

    def clause_side(
        self, tokens: Sequence[Token], figure: Figure, clause_of: list[int]
    ) -> ClauseSide:
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
        verb_at = None
        role = "none"
        for back in range(start - 1, lo - 1, -1):
            hit = lex.loss_cues.match(tokens, back)
            if hit is not None and hit[1] <= start:
                verb_at, role = back, hit[0].value
                if tokens[back].norm in ("destruction", "losses", "loss", "casualties", "toll"):
                    role = "noun"
                break
        anchor = verb_at if verb_at is not None else start
        subject_lo = max(0, anchor - MAX_SUBJECT_REACH)
        while subject_lo < anchor and clause_of[subject_lo] != clause:
            subject_lo += 1
        candidates = self.side_phrases(tokens, subject_lo, anchor)
        for first, _, side in reversed(candidates):
            if first > 0 and tokens[first - 1].norm in _PREPOSITIONS:
                continue
            if verb_at is not None and role == "agent":
                if side in OPPOSITE:
                    return ClauseSide(OPPOSITE[side], "agent", "side.agent")
                return ClauseSide(side, "agent", "side.agent")  # ENEMY/SPEAKER flipped later
            return ClauseSide(side, role if verb_at is not None else "none", f"side.{role}")
        return ClauseSide(None, role, "side.none")

    def _passive_agent(
        self, tokens: Sequence[Token], figure: Figure, clause_of: list[int]
    ) -> ClauseSide | None:
        """ "… have been destroyed by its armed forces", "captured by Ukrainian forces"."""
        n = len(tokens)
        end = max(figure.last, figure.noun_last)
        for k in range(end, min(n - 1, end + 8)):
            if clause_of[k] != figure.clause or tokens[k].kind == "num":
                return None
            if tokens[k].norm == "by" and k > 0 and tokens[k - 1].norm.endswith("ed"):
                found = self.side_phrases(tokens, k + 1, min(n, k + 5))
                if found:
                    side = found[0][2]
                    if side in OPPOSITE:
                        return ClauseSide(OPPOSITE[side], "passive", "side.passive_agent")
                    return ClauseSide(side, "agent", "side.passive_agent")
                return None
        return None
