"""Noun phrases: the category noun a figure counts and what the words around it add.

``2,916 of Russia's main battle tanks``, ``dead Russian troops``, ``soldiers were
killed or wounded``, ``killed 90,000 Russian troops``: the modifiers before a noun,
the casualty verb after it or before it, the side it belongs to.
"""

from __future__ import annotations

from typing import Final

from attrition.extract.records import NounPhrase
from attrition.extract.rules import Lexicon, Noun, Tagged
from attrition.extract.tokens import (
    Token,
    dotted_initialism_end,
    flagged,
    origin_suffix_at,
    span_key,
)

# Words between a number and its noun: "2,916 of Russia's main battle tanks" needs
# five; six leaves one spare without reaching into the next clause.
MAX_NP_SKIP: Final = 6
# A casualty verb follows its noun closely ("soldiers have reportedly been killed").
MAX_PREDICATE_GAP: Final = 6
# The noun kinds a sentence's topic is taken from (what "followed by 1,517 in August" counts).
TOPIC_KINDS: Final = ("person", "casualty", "equipment")


# Weapons whose model number is written apart from the name ("Leopard 2", "Challenger 2",
# "Shahed 136", "Geran 2", "Lancet 3", "Orlan 10"): that number counts nothing.
NUMBERED_MODELS: Final = frozenset({"leopard", "challenger", "shahed", "geran", "lancet", "orlan"})
MODEL_NUMBER_DIGITS: Final = 3
# "Kyiv says 43,000 of its soldiers": how far back a possessive looks for its owner; a
# headline or a clause names it within a dozen words, a sentence's far end is another topic.
OWNER_REACH: Final = 15
# An owner the text leaves unnamed ("his fighters"): the speaker's side, once it is known.
OWNER: Final = "OWNER"


# The governing word of a count of people that is the noun "losses", not the verb "lost".
LOSS_NOUN_RULE: Final = "pred.loss_noun"


class NounReader:
    """Reads the category nouns of a sentence (a part of ``FigureReader``)."""

    lex: Lexicon

    def _phrases(
        self, tokens: list[Token], lo: int, hi: int, clause_of: list[int]
    ) -> list[NounPhrase]:
        """Every category noun of the sentence with its refined category (the topics)."""
        phrases: list[NounPhrase] = []
        for noun, k, end in self._nouns(tokens, lo, hi):
            phrase = NounPhrase(noun, k, end, side=self._side_before(tokens, k))
            self._refine(tokens, phrase, k, clause_of)
            phrases.append(phrase)
        return phrases

    def _topic_phrases(self, tokens: list[Token], clause_of: list[int]) -> list[NounPhrase]:
        """The last noun phrase that can be a topic, for a sentence with no number.

        Such a sentence's phrases only choose the topic (the last person, casualty or
        equipment noun with a category), so only that one is refined.
        """
        nouns = self._nouns(tokens, 0, len(tokens))
        for noun, k, end in reversed(nouns):
            if noun.kind not in TOPIC_KINDS:
                continue
            phrase = NounPhrase(noun, k, end, side=self._side_before(tokens, k))
            self._refine(tokens, phrase, k, clause_of)
            if phrase.category is not None:
                return [phrase]
        return []

    def _nouns(self, tokens: list[Token], lo: int, hi: int) -> list[tuple[Noun, int, int]]:
        """The category nouns of ``tokens[lo:hi]``, longest match first, not overlapping."""
        found: list[tuple[Noun, int, int]] = []
        nouns = self.lex.nouns
        bit = nouns.bit
        after = lo
        for k in flagged(tokens, bit, lo, hi):
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
            found.append((noun, k, end))
        return found

    def _owner_side(self, tokens: list[Token], k: int) -> str:
        """Whose "its"/"their"/"his" is: the nearest side named before it as a whole
        (`Kyiv`, `Russian forces`, `Ukraine's`), not as an adjective (`the Russian invasion`)."""
        lex = self.lex
        forces = lex.grammar["force_nouns"]
        for back in range(k - 1, max(-1, k - 1 - OWNER_REACH), -1):
            if not tokens[back].flags & lex.sides.bit:
                continue
            hit = lex.sides.match(tokens, back)
            if hit is None or hit[1] > k or hit[0].value in ("THIRD", "SPEAKER"):
                continue
            after = tokens[hit[1]] if hit[1] < len(tokens) else None
            whole = (
                after is None
                or after.kind != "word"
                or after.norm in forces
                # a subject before its verb: "Putin had lost", "Kyiv says", "Russia lost"
                or after.norm in lex.grammar["auxiliaries"]
                or lex.report_verbs.match(tokens, hit[1]) is not None
                or lex.loss_cues.match(tokens, hit[1]) is not None
            )
            if whole or tokens[hit[1] - 1].norm.endswith("'s") or hit[1] - back > 1:
                return hit[0].value
            if span_key(tokens, back, hit[1]) in lex.grammar["country_words"]:
                return hit[0].value
        return OWNER

    def _side_of_head_after(self, tokens: list[Token], end: int) -> str | None:
        """ "70.000 gefallene ukrainische Soldaten": a casualty word used as an adjective, the
        side and the people it counts right after it."""
        side = self.lex.sides.match(tokens, end)
        if side is None or side[1] >= len(tokens) or side[0].value not in ("RU", "UA"):
            return None
        head = self.lex.nouns.match(tokens, side[1])
        return str(side[0].value) if head is not None and head[0].kind == "person" else None

    def _side_before(self, tokens: list[Token], k: int) -> str | None:
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
        owner_at: int | None = None
        adjective_predicate: Tagged | None = None
        while k < n and skipped <= MAX_NP_SKIP:
            if k in mention_starts:
                return None
            hit = lex.nouns.match(tokens, k)
            if hit is not None:
                noun, end = hit
                phrase = NounPhrase(noun, k, _past_model_number(tokens, noun, end, lex), side=side)
                own_side = lex.sides.match(tokens, k)
                if own_side is not None and phrase.side is None:
                    phrase.side = own_side[0].value  # "Russians", "Wagner fighters"
                if phrase.side is None and owner_at is not None:
                    phrase.side = self._owner_side(tokens, owner_at)
                if phrase.side is None and noun.kind == "casualty":
                    phrase.side = self._side_of_head_after(tokens, end)
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
            origin = (
                origin_suffix_at(tokens, _name_end(tokens, k), lex.origin_suffixes)
                if token.kind == "word"
                else None
            )
            if origin is not None:
                k = origin  # US-made, U.S.-built, Soviet-era: where a weapon came from, not whose
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
            compound = _hyphenated_end(tokens, k) if k + 1 < n and tokens[k + 1].joined else k
            if compound > k + 1 and (
                span_key(tokens, k, compound) in lex.np_skip
                or (compound < n and lex.nouns.match(tokens, compound) is not None)
            ):
                # "self-propelled", "long-range": a skipped word written with hyphens; any
                # such compound right before a noun is one adjective ("fixed-wing combat aircraft")
                k = compound
                skipped += 1
                continue
            if (
                skipped
                and token.norm in ("and", "or")
                and k + 1 < n
                and tokens[k + 1].norm in lex.np_skip
            ):
                k += 1  # "self-propelled and towed artillery": two modifiers of one noun
                continue
            if token.norm in lex.np_skip or token.kind == "model" or _is_model_number(tokens, k):
                if owner_at is None and token.norm in lex.grammar["possessives"]:
                    owner_at = k  # "of its soldiers", "their tanks"
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
        tokens: list[Token],
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
        if verb is None and verb_from is not None:
            verb = self._count_named_before(tokens, verb_from)
        if verb is not None and verb.value != "personnel":
            phrase.category = verb.value
            phrase.rule_id = verb.rule_id
            phrase.explicit = True
            return
        phrase.category = "personnel"
        phrase.via_lose = verb is not None and verb.rule_id == "pred.personnel"

    def _adjective_before(self, tokens: list[Token], k: int) -> Tagged | None:
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

    def _count_named_before(self, tokens: list[Token], k: int) -> Tagged | None:
        """ "死亡人数约为8万人": a count the placeholder before the number names by its casualty
        word (the number of the dead, of the wounded), whatever the noun after the number."""
        qualifier = self.lex.qualifiers_before.match_ending(tokens, k)
        if qualifier is not None:
            k = qualifier[1]
        link = self.lex.linking_words.match_ending(tokens, k)
        if link is not None:
            k = link[1]
        placeholder = self.lex.placeholder_nouns.match_ending(tokens, k)
        return None if placeholder is None else self.casualty_inside(tokens, placeholder[1], k)

    def casualty_inside(self, tokens: list[Token], a: int, b: int) -> Tagged | None:
        """The casualty word inside a placeholder (``死亡人数``: the dead), if it has one."""
        for start in range(a, b):
            hit = self.lex.predicates.match(tokens, start)
            if hit is not None and hit[1] <= b:
                return hit[0]
        return None

    def _predicates_after(
        self, tokens: list[Token], j: int, clause_of: list[int], *, coordinated: bool = False
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
        participles = self.lex.grammar["comma_participles"]
        prepositions = self.lex.grammar["prepositions"]
        if k + 1 < n and tokens[k].norm == "," and tokens[k + 1].norm in participles:
            hit = self.lex.predicates.match(tokens, k + 1)  # "военных, погибших в Украине"
            return [hit[0]] if hit is not None else []
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
            if (
                not found
                and token.norm in prepositions
                and k + 1 < n
                and tokens[k + 1].is_capitalised
            ):
                k += 2  # "1,280 men from Buryatia have been killed": where they came from
                gap += 1
                continue
            if token.norm == "of" and not found:
                k = self._skip_owner(tokens, k + 1)  # "one soldier of the armed forces of Ukraine"
                gap += 1
                continue
            break
        return found

    def _skip_owner(self, tokens: list[Token], k: int) -> int:
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

    def _verb_before(self, tokens: list[Token], k: int, clause_of: list[int]) -> Tagged | None:
        """The casualty verb governing a figure from the left: "killed 90,000 Russian troops"."""
        clause = clause_of[k]
        back = k - 1
        while back >= 0 and tokens[back].norm in self.lex.grammar["verb_gap"] and k - back < 4:
            back -= 1
        if back < 0 or clause_of[back] != clause:
            return None
        # "put Ukrainian losses at 390 servicemen": the noun counts losses, where the verb
        # "lost" beside "killed" means the dead (ListReader._refine_lost)
        noun = tokens[back].norm in self.lex.grammar["loss_nouns"]
        for start in range(max(0, back - 2), back + 1):
            hit = self.lex.predicates.match(tokens, start)
            if hit is not None and hit[1] == back + 1:
                if noun and hit[0].value == "personnel":
                    return Tagged(LOSS_NOUN_RULE, "personnel")
                return hit[0]
            cue = self.lex.loss_cues.match(tokens, start)
            if cue is not None and cue[1] == back + 1 and cue[0].value == "patient":
                return Tagged("pred.personnel", "personnel")
        return None

    def _side_after(self, tokens: list[Token], j: int, clause_of: list[int]) -> str | None:
        """ "1,500 UAVs of Ukraine", "46 000 soldats ukrainiens": the owner named after the noun."""
        if j < len(tokens) and tokens[j].norm in self.lex.grammar["side_adjectives_after"]:
            own = self.lex.sides.match(tokens, j)
            if own is not None and own[0].value in ("RU", "UA"):
                return own[0].value
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


def model_numbers(tokens: list[Token]) -> list[int]:
    """Indices of model numbers written after their weapon's name ("Leopard 2 tanks")."""
    return [
        k + 1
        for k, token in enumerate(tokens[:-1])
        if token.norm in NUMBERED_MODELS and _is_model_number(tokens, k + 1)
    ]


def _past_model_number(tokens: list[Token], noun: Noun, end: int, lex: Lexicon) -> int:
    """Where a weapon's noun phrase ends: past its model number and a head noun of the same
    category after it ("Leopard 2 tanks", "Shahed 136 drones")."""
    if end >= len(tokens) or not _is_model_number(tokens, end):
        return end
    head = lex.nouns.match(tokens, end + 1)
    return head[1] if head is not None and head[0].category == noun.category else end + 1


def _is_model_number(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    return (
        k > 0
        and token.kind == "num"
        and token.text.isdigit()
        and len(token.text) <= MODEL_NUMBER_DIGITS
        and tokens[k - 1].norm in NUMBERED_MODELS
    )


def _hyphenated_end(tokens: list[Token], k: int) -> int:
    """The index after the words glued to ``tokens[k]`` by hyphens ("self-propelled")."""
    end = k + 1
    while end < len(tokens) and tokens[end].joined:
        end += 1
    return end


def _name_end(tokens: list[Token], k: int) -> int:
    """The index after the word at ``tokens[k]``, or after the dotted initialism it opens."""
    end = dotted_initialism_end(tokens, k)
    return end if end > k else k + 1
