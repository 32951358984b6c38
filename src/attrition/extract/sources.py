"""Who a source noun belongs to: the owner of a report, its author after "by", a headline's
source. A mixin of ``claimants.AttributionReader``."""

from __future__ import annotations

from typing import Final

from attrition.extract.rules import Lexicon
from attrition.extract.speakers import UNNAMED, Entity
from attrition.extract.tokens import Token

# "according to a year-end tally by …": the source noun stands within four tokens of the
# cue (an article and a hyphenated modifier, two tokens, before it).
SOURCE_NOUN_REACH: Final = 4
# "a report [published on Tuesday] by X": the words between a source noun and its "by".
AUTHOR_REACH: Final = 8
# "by the independent outlet Lyudi Baikala", "by the analysts behind the Oryx blog": the
# author's name comes at most five words after its "by" (an article and a description of it,
# with its preposition, before it).
AUTHOR_NAME_REACH: Final = 5
# "según el comandante en jefe de las Fuerzas Armadas de Ucrania, Oleksandr Syrskyi,": the
# words of a title a name may stand in apposition to.
APPOSITION_TITLE_TOKENS: Final = 12
# A side's own word before a source noun ("Russian claims") names that side's placeholder.
_SIDE_SPEAKERS: Final = {"RU": "RU_GENERIC", "UA": "UA_GENERIC"}


class SourceReader:
    """The owners and authors of sources, for the attribution reader."""

    lex: Lexicon

    def _author_of_source(
        self, tokens: list[Token], j: int, by_first: dict[int, Entity]
    ) -> Entity | None:
        """ "according to a report published on Tuesday by the CSIS": the source's author,
        named after "by" a few words past the source noun."""
        source = next(
            (
                hit
                for k in range(j, min(j + SOURCE_NOUN_REACH, len(tokens)))
                if (hit := self.lex.source_nouns.match(tokens, k))
            ),
            None,
        )
        if source is None:
            return None
        for k in range(source[1], min(source[1] + AUTHOR_REACH, len(tokens) - 1)):
            if tokens[k].norm in (",", ".", ";", ":"):
                return None
            if tokens[k].norm in self.lex.grammar["agent_words"]:  # by, par, por, da
                # "by the CSIS", "by the independent outlet Lyudi Baikala": past a description
                # (whose words may look like a relay's name), a name of words only; a name
                # past a description that points back ("by the analysts behind the Oryx blog")
                reach = range(k + 1, min(k + 1 + AUTHOR_NAME_REACH, len(tokens)))
                candidates = [
                    by_first[j] for j in reach if j in by_first and by_first[j].claimant != "RELAY"
                ]
                named = [e for e in candidates if e.claimant is not None]
                after = named[0] if named else next(iter(candidates), None)
                if after is None or any(t.kind != "word" for t in tokens[k + 1 : after.first]):
                    return None
                return after
        return None

    @staticmethod
    def _named_after_title(
        tokens: list[Token], j: int, by_first: dict[int, Entity]
    ) -> Entity | None:
        """ "secondo il comandante in capo delle forze armate ucraine, Oleksandr Syrskyi,": a
        person named in apposition to the title that follows "according to"."""
        for k in range(j, min(j + APPOSITION_TITLE_TOKENS, len(tokens) - 1)):
            if tokens[k].norm in (".", ";", ":") or tokens[k].kind == "num":
                return None
            if tokens[k].norm == ",":
                named = by_first.get(k + 1)
                closed = named is not None and (
                    named.last >= len(tokens) or tokens[named.last].norm == ","
                )
                if closed and named is not None and named.kind == "person":
                    return named if named.claimant not in (None, "RELAY") else None
                return None
        return None

    def _owner_of(self, tokens: list[Token], k: int, entities: list[Entity]) -> Entity | None:
        """ "the General Staff's latest report", "its update", "Ukraine's tally", and an
        organisation's name right before its source ("the Defence Intelligence update")."""
        for entity in reversed(entities):
            named = entity.kind == "org" and entity.claimant not in UNNAMED
            if named and entity.first <= k <= entity.last:
                return entity
            if entity.last <= k and k - entity.last <= 2:
                last = tokens[entity.last - 1]
                if (
                    last.norm.endswith("'s")
                    or entity.kind.startswith("ref:")
                    or last.norm
                    in (
                        "its",
                        "their",
                    )
                ):
                    return entity
            if entity.last <= k - 3:
                break
        return self._side_as_owner(tokens, k)

    def _owner_after(
        self, tokens: list[Token], end: int, by_first: dict[int, Entity]
    ) -> Entity | None:
        """ "Angaben des Generalstabs", "dati dello Stato maggiore", "datos del Estado Mayor":
        the owner named after its source noun, past the genitive's words (grammar.owner_links)."""
        links = self.lex.grammar["owner_links"]
        k = end
        while k < len(tokens) and tokens[k].norm in links:
            k += 1
        owner = by_first.get(k) if k > end else None
        if owner is None or owner.claimant in (None, "RELAY"):
            return None
        return owner

    def _names_own_losses(self, tokens: list[Token], k: int) -> bool:
        """Whether ``tokens[k]`` after a side's word names that side's losses ("Ukraine's toll
        was put at …"), not a count the side keeps ("Russia's tally of Ukrainian losses")."""
        if tokens[k].norm not in self.lex.grammar["loss_nouns"]:
            return False
        return k + 1 >= len(tokens) or tokens[k + 1].norm != "of"

    def _side_as_owner(self, tokens: list[Token], k: int) -> Entity | None:
        """ "Russian claims of 300,000", "Ukrainian figures": a side's word owns the source."""
        if k == 0:
            return None
        hit = self.lex.sides.match(tokens, k - 1)
        if hit is None or hit[1] != k or hit[0].value not in _SIDE_SPEAKERS:
            return None
        if self._names_own_losses(tokens, k):
            return None  # "Ukraine's toll was put at …": whose losses, not whose count
        return Entity(_SIDE_SPEAKERS[hit[0].value], "org", k - 1, k, "who.side_source")

    def _headline_source(self, tokens: list[Token], entities: list[Entity]) -> Entity | None:
        """A headline's source: "…: Kyiv", "… - MoD", "…, UK spy chief says", "Air Force: …"."""
        if not entities:
            return None
        first = opening_source(tokens, entities)
        if first is not None:
            return first
        last = entities[-1]
        if last.kind.startswith("ref:"):
            return None
        tail = tokens[last.last :]
        if tail and not all(
            t.norm in ("says", "say", "said", "claims", ".", "reports") for t in tail
        ):
            return None
        before = tokens[last.first - 1].norm if last.first > 0 else ""
        if before in self.lex.headline_separators or (tail and before in (",", "as")):
            return last
        return None


def opening_source(tokens: list[Token], entities: list[Entity]) -> Entity | None:
    """ "Air Force: …", "- Mediazona: at least 95,000 …": a line that opens with its source
    and a colon (past a bullet), as a headline or an item of a list of sources."""
    if not entities:
        return None
    first = entities[0]
    start = 1 if tokens and tokens[0].kind == "punct" else 0
    colon = first.last < len(tokens) and tokens[first.last].norm == ":"
    if first.first == start and colon and not first.kind.startswith("ref:"):
        return first
    return None
