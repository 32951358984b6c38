"""Who says a figure: attributions in a sentence, and what pronouns and "the ministry" refer to.

An attribution is a cue (``according to``, ``said``, ``citing``, ``figures
released by``, ``the General Staff's latest report``, a headline's ``: Kyiv``)
joined to an entity (a lexicon row, an unknown proper name, or an anaphor
such as "he", "the ministry", "the report"). The ``Memory`` (``speakers``) remembers
the entities mentioned so far, so an anaphor resolves to the last one of its kind.
"""

from __future__ import annotations

from typing import Final

from attrition.extract.dates import DateMention
from attrition.extract.rules import Lexicon
from attrition.extract.sources import SourceReader, opening_source
from attrition.extract.speakers import GENERIC, Attribution, Entity, Memory
from attrition.extract.statement_days import StatementDayReader
from attrition.extract.tokens import Token, origin_suffix_at, span_key

# "Mediazona, a Russian independent media outlet, together with BBC Russia, established":
# a subject may sit a dozen tokens before its verb, behind an apposition.
MAX_SUBJECT_REACH: Final = 14
# "Oryx, a Dutch open-source site that counts only losses documented with photos or video,
# lists …": a comma-bounded aside may hold a relative clause of its own (own-en-16's longest
# was 17 tokens).
MAX_ASIDE_REACH: Final = 24
# "Mediazona and the BBC Russian service, which …": the words of a co-subject before an aside.
COSUBJECT_WORDS: Final = 5
# "Oryx open-source project, which …": the head noun words after a name, before its aside.
NAME_HEAD_WORDS: Final = 3
# "…, which on June 12 put": the words of a day between a relative pronoun and its verb.
RELATIVE_GAP: Final = 4
# Adverbs between a subject's aside and its verb ("…, have so far confirmed", "has also said").
_ADVERBS: Final = frozenset({"so", "far", "also", "already", "now", "reportedly", "since"})
# "сообщили в субботу в Министерстве обороны России": a postposed subject sits at most
# four words (a day, a preposition, a title) after its verb in the Slavic sets' reports.
MAX_POSTPOSED_GAP: Final = 4
# A negation stands right beside the verb it denies: "nennt keine", "n'a pas publié",
# "no confirmó", "未公布" (two tokens either side).
NEGATION_REACH: Final = 2
# Nouns that make a name before them the owner of losses, not a speaker ("Russian military
# casualties", "Ukrainian army losses").
LOSS_NOUN_KINDS: Final = frozenset({"casualty", "loss"})
# A side named by its country ("Ukraine's", "Russia's"), whose possessive may name its losses.
_SIDE_NAMES: Final = frozenset({"UA_GENERIC", "RU_GENERIC"})
_ARMY_OF: Final = {"UA_GENERIC": "UA_GENERAL_STAFF", "RU_GENERIC": "RU_MOD", "RELAY": "OTHER"}
MINISTRIES: Final = frozenset({"RU_MOD", "UA_GENERAL_STAFF", "UK_MOD"})
_STOP_SUBJECT: Final = frozenset({".", ";", "that", "which", "who", "whom"})
_RELATIVES: Final = frozenset({"that", "which", "who"})
_CLAUSE_MARKS: Final = frozenset({",", ".", ";", ":"})
# Titles between an organisation and a person's name: "Navy spokesperson Dmytro Pletenchuk".
_TITLES: Final = frozenset(
    {
        "commander",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "chief",
        "head",
        "minister",
        "adviser",
        "advisor",
        "general",
        "colonel",
        "lieutenant",
        "major",
        "captain",
        "admiral",
        "secretary",
        "director",
        "deputy",
        "official",
        "representative",
    }
)
_SOURCE_GUESS: Final = {"UA": "UA_GENERIC", "RU": "RU_GENERIC"}
# "Mediazona hat zusammen mit dem russischen Dienst der BBC bis Ende Mai die Namen von 111 387
# gefallenen russischen Soldaten ermittelt": a German frame spans 19 tokens; 30 leaves room.
MAX_FRAME_REACH: Final = 30
# "inflicted losses of up to 3,320 troops on Ukrainian forces": the loss cue before the
# preposition that names its target stands within eight tokens.
TARGET_REACH: Final = 8


class AttributionReader(SourceReader, StatementDayReader):
    """Finds entities and attributions in a sentence's tokens."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._sentence_entities: list[Entity] = []
        self._date_starts: set[int] = set()

    def entities(self, tokens: list[Token], memory: Memory) -> list[Entity]:
        """Lexicon entities, anaphors and unknown proper names, in order."""
        lex = self.lex
        found: list[Entity] = []
        claimants, anaphors = lex.claimants, lex.anaphors
        mask = claimants.bit | anaphors.bit
        candidates = [
            k
            for k, token in enumerate(tokens)
            if token.flags & mask or (token.kind == "word" and token.text[0].isupper())
        ]
        after = 0
        claimant_bit, anaphor_bit = claimants.bit, anaphors.bit
        for k in candidates:
            if k < after:
                continue
            flags = tokens[k].flags
            hit = claimants.match(tokens, k) if flags & claimant_bit else None
            if (
                hit is not None
                and hit[1] == k + 1
                and tokens[k].norm in lex.initialisms
                and not tokens[k].text.isupper()
            ):
                hit = None  # "he told us", not "US"
            origin = None if hit is None else origin_suffix_at(tokens, hit[1], lex.origin_suffixes)
            if origin is not None:
                after = origin  # "UK-made howitzer": where it was made, not who speaks
                continue
            if hit is not None and self._modifies_losses(tokens, hit[1], hit[0].value):
                after = hit[1]  # "Russian military casualties": whose losses, not who speaks
                continue
            if hit is not None:
                tag, end = hit
                name = span_key(tokens, k, end)
                entity = Entity(tag.value, tag.extra, k, end, tag.rule_id, name)
                previous = found[-1] if found else None
                if previous is not None and _glosses(tokens, previous, k, end):
                    previous.last = after = end + 1  # "the Russian Ministry of Defense (MoD)"
                    continue
                if tag.value == "MINISTRY" and previous is not None and previous.last == k:
                    # "Norway's army", "Russia's military": the army of the country just named
                    previous.claimant = _ARMY_OF.get(previous.claimant or "", previous.claimant)
                    previous.last = end
                    after = end
                    continue
                found.append(entity)
                after = end
                continue
            anaphor = anaphors.match(tokens, k) if flags & anaphor_bit else None
            if anaphor is not None and any(
                (inner := lex.claimants.match(tokens, j)) is not None and inner[1] > anaphor[1]
                for j in range(k + 1, anaphor[1])
            ):
                anaphor = None  # "the general staff" names the General Staff, not "the general"
            if (
                anaphor is not None
                and tokens[k].norm in lex.grammar["possessives"]
                and lex.claimants.match(tokens, anaphor[1]) is not None
            ):
                continue  # "Its defence ministry says": whose ministry, not who speaks
            if anaphor is not None:
                tag, end = anaphor
                name = span_key(tokens, k, end)
                found.append(Entity(None, "ref:" + tag.value, k, end, tag.rule_id, name))
                after = end
                continue
            name_end = self._proper_name(tokens, k)
            if name_end > k:
                known = next(
                    (h for j in range(k + 1, name_end) if (h := lex.claimants.match(tokens, j))),
                    None,
                )
                if known is not None:  # "Vladimir Zelensky": a known surname after a first name
                    tag, end = known
                    found.append(
                        Entity(tag.value, tag.extra, k, end, tag.rule_id, tokens[end - 1].norm)
                    )
                    after = end
                    continue
                name = span_key(tokens, k, name_end)
                claimant = memory.names.get(name) or memory.names.get(tokens[name_end - 1].norm)
                found.append(Entity(claimant, "person", k, name_end, "who.name", name))
                after = name_end
                continue
        return found

    def _modifies_losses(self, tokens: list[Token], end: int, claimant: str) -> bool:
        """True when a loss noun follows a name directly ("Russian military casualties"), or a
        side's possessive is followed by a word for its losses ("Ukraine's toll was put at …",
        but not "Russia's tally of Ukrainian losses": whose count that is)."""
        if end >= len(tokens) or tokens[end].kind != "word":
            return False
        possessive = claimant in _SIDE_NAMES and tokens[end - 1].norm.endswith("'s")
        if possessive and self._names_own_losses(tokens, end):
            return True
        noun = self.lex.nouns.match(tokens, end)
        if noun is None or noun[0].kind not in LOSS_NOUN_KINDS:
            return False
        # "General Staff casualty figures" names a source, whose speaker it is
        return self.lex.source_nouns.match(tokens, noun[1]) is None

    def _proper_name(self, tokens: list[Token], k: int) -> int:
        """Two or three capitalised words that are no lexicon entry: "Jakub Janovsky"."""
        if k + 1 >= len(tokens) or not tokens[k + 1].is_capitalised:
            return k  # most capitalised words start a sentence or stand alone
        lex = self.lex
        if k == 0 and tokens[k].norm in lex.grammar["determiners"]:
            return k  # "Die Zahl der Verwundeten": German capitalises its nouns, not only names
        if k == 0 and tokens[k].norm in lex.grammar["prepositions"]:
            return k  # "На Купянском направлении": a place after an opening preposition
        end = k
        while end < len(tokens) and end - k < 3:
            token = tokens[end]
            if not token.is_capitalised or token.norm in lex.date_words.months:
                break
            if token.norm in lex.date_words.weekdays or lex.sides.match(tokens, end):
                break
            if lex.source_nouns.match(tokens, end) is not None:
                break  # "Weitere Angaben des Generalstabs": German capitalises its source nouns
            end += 1
        if end - k >= 2 and not (k == 0 and end - k < 2):
            return end
        return k

    def attributions(
        self,
        tokens: list[Token],
        entities: list[Entity],
        dates: list[DateMention],
        memory: Memory,
        *,
        headline: bool = False,
    ) -> list[Attribution]:
        """Every attribution cue of the sentence joined to its entity."""
        lex = self.lex
        found: list[Attribution] = []
        self._sentence_entities = entities
        self._date_starts = {d.first for d in dates}
        by_first = {e.first: e for e in entities}
        inside_entity = {j for e in entities for j in range(e.first + 1, e.last)}
        mask = lex.attribution_before.bit | lex.report_verbs.bit | lex.source_nouns.bit
        hedges = lex.hedges
        k = 0
        cues = [c for c, t in enumerate(tokens) if t.flags & mask or t.norm in hedges]
        for cue in cues:
            if cue < k:
                continue
            k = cue
            if k in inside_entity:
                continue  # "according to the report": a noun inside a name, not a verb
            before = lex.attribution_before.match(tokens, k)
            if before is not None:
                entity = self._entity_after(tokens, before[1], entities, by_first)
                if entity is None:  # "selon le ministère russe …": the name began inside the cue
                    entity = next(
                        (by_first[j] for j in range(k + 1, before[1]) if j in by_first), None
                    )
                if entity is not None:
                    found.append(self._make(entity, k, "attr.before", memory, tokens, dates))
                    k = before[1]
                    continue
            verb = lex.report_verbs.match(tokens, k)
            if verb is not None and _modifies_noun(tokens, k):
                verb = None  # "the report", "a claim": nouns; "Ukraine's confirmed losses"
            if verb is not None and tokens[k].norm.endswith("ing") and found:
                k = verb[1]  # ", stating that …": the participle shares the main clause's speaker
                continue
            if verb is not None and self._negated(tokens, k, verb[1]):
                k = verb[1]  # "Moskau nennt keine Verlustzahlen": a speaker who says nothing
                continue
            if verb is not None:
                entity = self._subject_of(tokens, k, entities, verb[1])
                if entity is not None:
                    found.append(self._make(entity, k, "attr.verb", memory, tokens, dates, verb[1]))
                elif lex.source_nouns.match(tokens, k) is not None:
                    owner = self._side_as_owner(tokens, k)  # "Russian claims of 300,000"
                    if owner is not None:
                        found.append(self._make(owner, k, "attr.source", memory, tokens, dates))
                k = verb[1]
                continue
            source = lex.source_nouns.match(tokens, k)
            if source is not None:
                entity = (
                    self._owner_of(tokens, k, entities)
                    or self._owner_after(tokens, source[1], by_first)
                    or self._author_of_source(tokens, k, by_first)
                )
                if entity is not None:
                    found.append(
                        self._make(entity, k, "attr.source", memory, tokens, dates, source[1])
                    )
                k = source[1]
                continue
            if tokens[k].norm in lex.hedges:
                entity = self._subject_of(tokens, k, entities, k + 1)
                if entity is not None:
                    found.append(self._make(entity, k, "attr.hedge", memory, tokens, dates))
            k += 1
        if headline:
            tail = self._headline_source(tokens, entities)
            if tail is not None:
                found.append(self._make(tail, tail.first, "attr.headline", memory, tokens, dates))
        else:
            label = opening_source(tokens, entities)
            # "- Ukraine's General Staff: about 868,000 …"; a name the lexicon does not know
            # may be a label of another kind ("Gepanzerte Kampffahrzeuge: 18.804")
            if label is not None and label.rule_id != "who.name":
                found.append(self._make(label, label.first, "attr.label", memory, tokens, dates))
        return [a for a in found if a.claimant != "RELAY"]

    # -- joining cues to entities --------------------------------------------------------------

    def _entity_after(
        self,
        tokens: list[Token],
        j: int,
        entities: list[Entity],
        by_first: dict[int, Entity],
    ) -> Entity | None:
        """The entity right after "according to": skipping articles and adjectives."""
        lex = self.lex
        for k in range(j, min(j + 5, len(tokens))):
            entity = by_first.get(k)
            if entity is not None:
                if entity.claimant == "RELAY":
                    continue
                if entity.kind == "ref:source":  # "selon le bilan publié lundi par l'état-major"
                    return self._author_of_source(tokens, j, by_first) or entity
                return entity
            token = tokens[k]
            if token.norm in (",", ".", ";", ":") or token.norm in lex.grammar["loss_nouns"]:
                break  # "дані про втрати Росії": a name past a loss noun is the loser
            side = lex.sides.match(tokens, k)
            if side is not None and side[0].value in _SOURCE_GUESS:
                nxt = lex.source_nouns.match(tokens, side[1])
                if nxt is not None:  # "according to Ukrainian figures"
                    return Entity(_SOURCE_GUESS[side[0].value], "org", k, nxt[1], "who.adjective")
        author = self._author_of_source(tokens, j, by_first)
        if author is not None:
            return author
        named = self._named_after_title(tokens, j, by_first)
        if named is not None:
            return named
        for k in range(j, min(j + 5, len(tokens))):
            if lex.source_nouns.match(tokens, k) is not None or tokens[k].norm in (
                "a",
                "an",
                "one",
            ):
                continue
            break
        return None

    def _subject_of(
        self, tokens: list[Token], k: int, entities: list[Entity], verb_end: int
    ) -> Entity | None:
        """The entity saying something: before its verb, or just after (", said the ministry")."""
        copula = {"is", "are", "was", "were", "been", "be", "being"}
        for before in reversed(tokens[max(0, k - 3) : k]):
            if before.norm == "," or before.kind == "num":
                break  # "The toll was 26,000, said the ISW": the copula is another clause's
            if before.norm in copula:
                return None  # "Russia is visually confirmed to have lost": a passive, not a speaker
        preceded_by_comma = k > 0 and tokens[k - 1].norm in (",", "”", '"', "’", "'")
        after = [
            e
            for e in entities
            if verb_end <= e.first <= verb_end + 2
            and (self._ends_clause(tokens, e.last) or self._particle_at(tokens, k, e.last))
        ]
        gap = self.lex.grammar["postposed_gap"]
        if gap and not after:
            # free word order ("повідомив у вівторок Генштаб ЗСУ у Facebook"): a subject
            # after its verb, past a day or a title, need not end the clause
            after = [
                e
                for e in entities
                if verb_end <= e.first <= verb_end + MAX_POSTPOSED_GAP
                and all(t.norm in gap for t in tokens[verb_end : e.first])
            ]
        # "Das sagte Schtupun", "Про це у вівторок повідомив Генштаб": a verb after the
        # words pointing back (and a day) also opens its clause
        back = self.lex.grammar["back_references"]
        opens = k == 0 or (
            tokens[0].norm in back and all(t.norm in back or t.norm in gap for t in tokens[:k])
        )
        if (preceded_by_comma or opens) and after:
            return after[0]
        if self._unnamed_subject(tokens, k, entities):
            return None
        best: Entity | None = None
        prepositions = self.lex.grammar["prepositions"]
        aside_end = -1  # the end of the best subject's aside: names inside it say nothing
        for entity in entities:
            if entity.first < aside_end:
                continue  # "Mediazona, which combs obituaries, social media and …, has …"
            governed = entity.first > 0 and tokens[entity.first - 1].norm in prepositions
            # "soldiers killed in Ukraine confirmed", "muertos en Ucrania y cifró": a place
            if governed and entity.claimant in GENERIC and self._ends_at(tokens, entity, k):
                continue
            if entity.claimant == "RELAY" and (
                governed or _after_pair(tokens, entity.first, prepositions)
            ):
                continue  # "speaking to Reuters, said", "接受美国媒体访问时说": who heard it
            if entity.last <= k and k - entity.last <= MAX_ASIDE_REACH:
                between = tokens[entity.last : k]
                core = len(between)
                auxiliaries = self.lex.grammar["auxiliaries"]
                while core > 0 and (
                    between[core - 1].norm in auxiliaries or between[core - 1].norm in _ADVERBS
                ):
                    core -= 1  # ", which counts …, has documented", "…, have so far confirmed"
                # its verbs ("which counts") are not the cue
                aside = _parenthetical(between[:core]) or self._head_then_aside(
                    tokens[entity.first : entity.last], between[:core]
                )
                if not aside and k - entity.last > MAX_SUBJECT_REACH:
                    continue
                restrictive = _restrictive_relative(between[:core])
                relative = _relative_subject(between[:core])
                if any(t.norm in _STOP_SUBJECT for t in between) and not (
                    aside or restrictive or relative
                ):
                    continue
                if not aside and self.lex.report_verbs.find_all(tokens, entity.last, k):
                    continue
                best = entity
                aside_end = entity.last + core if aside else -1
        return best or self._framed_subject(tokens, k, verb_end, entities)

    def _unnamed_subject(self, tokens: list[Token], k: int, entities: list[Entity]) -> bool:
        """ "…, officials said", "…, analysts say": a plural common noun of its own between a
        comma and the verb is the subject, so no name further back is."""
        if k < 2 or tokens[k - 2].norm != "," or tokens[k - 1].kind != "word":
            return False
        word = tokens[k - 1]
        if word.is_capitalised or not (word.norm.endswith("s") and len(word.norm) > 4):
            return False
        return not any(e.first <= k - 1 < e.last for e in entities)

    def _head_then_aside(self, name: list[Token], between: list[Token]) -> bool:
        """ "Oryx open-source project, which counts …, has": a name, a few lower-case words of
        its head noun, then its aside between commas. Not a source noun ("the count, by the
        site UALosses, has": the aside names who speaks), nor an owner ("Russia's probate
        registry, published by Mediazona, put": the registry is Russia's, the count is not)."""
        opening = next((i for i, t in enumerate(between) if t.norm == ","), len(between))
        head = between[:opening]
        return (
            name[0].is_capitalised
            and not name[-1].norm.endswith("'s")
            and 0 < opening <= NAME_HEAD_WORDS
            and _parenthetical(between[opening:])
            and all(t.kind == "word" and not t.is_capitalised for t in head)
            and not self.lex.report_verbs.find_all(head, 0, opening)
            and not self.lex.source_nouns.find_all(head, 0, opening)
        )

    def _framed_subject(
        self, tokens: list[Token], k: int, verb_end: int, entities: list[Entity]
    ) -> Entity | None:
        """ "Mediazona hat … bis Ende Mai die Namen von 111 387 Soldaten ermittelt.": a participle
        closing its clause takes the subject right before the auxiliary that opened it."""
        if verb_end < len(tokens) and tokens[verb_end].norm not in (".", ",", ";"):
            return None
        auxiliaries = self.lex.grammar["perfect_auxiliaries"]
        for entity in reversed(entities):
            if entity.last >= k:
                continue
            if k - entity.last > MAX_FRAME_REACH:
                return None
            if entity.last < len(tokens) and tokens[entity.last].norm in auxiliaries:
                closed = any(t.norm in (".", ";", ":") for t in tokens[entity.last : k])
                return None if closed else entity
        return None

    def _ends_at(self, tokens: list[Token], entity: Entity, k: int) -> bool:
        """The entity ends right before token ``k``, or before a conjunction right before it."""
        if entity.last == k:
            return True
        return entity.last == k - 1 and tokens[entity.last].norm in self.lex.grammar["list_joiners"]

    def _negated(self, tokens: list[Token], k: int, verb_end: int) -> bool:
        """A report verb with a negation beside it ("nennt keine", "no confirmó", "未公布")."""
        negations = self.lex.grammar["negations"]
        if not negations:
            return False
        before = tokens[max(0, k - NEGATION_REACH) : k]
        after = tokens[verb_end : verb_end + NEGATION_REACH]
        return any(t.norm in negations for t in (*before, *after))

    def _particle_at(self, tokens: list[Token], verb: int, k: int) -> bool:
        """ ", teilte der Generalstab mit": a separable verb's particle after its subject."""
        for end in range(k, min(len(tokens), k + 3)):  # "… am Montag mit"
            hit = self.lex.report_verbs.match([tokens[verb], tokens[end]], 0)
            if hit is not None and hit[1] == 2:
                return end + 1 >= len(tokens) or tokens[end + 1].kind == "punct"
        return False

    def _ends_clause(self, tokens: list[Token], k: int) -> bool:
        """ ", said the ministry." — a postposed speaker ends its clause (no verb follows)."""
        if k >= len(tokens) or tokens[k].norm in (".", ",", ";", "on", "in", "late", "early", "'"):
            return True
        if tokens[k].norm in self.lex.grammar["speaker_trailers"]:
            return True  # ", a affirmé le ministère russe de la Défense dans son bilan"
        if k in self._date_starts or k + 1 in self._date_starts:
            return True  # ", sagte Selenskyj am Montag in Kiew": the day of the statement follows
        return tokens[k].norm in ('"', "”", "’", "(", "today", "yesterday", "earlier")

    def _make(
        self,
        entity: Entity,
        cue: int,
        rule_id: str,
        memory: Memory,
        tokens: list[Token],
        dates: list[DateMention],
        cue_end: int | None = None,
    ) -> Attribution:
        kind = entity.kind
        claimant = entity.claimant
        speaker = entity
        if kind.startswith("ref:"):
            referent = self._earlier_in_sentence(tokens, entity, kind[4:]) or memory.resolve(
                kind[4:]
            )
            claimant = referent.claimant if referent is not None else None
            # "he said" after only an organisation was named is still a person speaking (for
            # "the commander said" later), on behalf of that organisation
            kind = referent.kind if referent is not None and kind != "ref:person" else kind[4:]
            if referent is not None and referent.entity is not None:
                speaker = referent.entity
        elif claimant is None and kind == "person":
            claimant = self._title_of(tokens, entity) or self._role_of(tokens, entity) or "OTHER"
            memory.names[entity.name] = claimant
            memory.names[tokens[entity.last - 1].norm] = claimant
        elif kind == "person" and entity.name:
            memory.names[entity.name] = claimant
            memory.names[tokens[entity.last - 1].norm] = claimant
        if claimant == "MINISTRY" and memory.last_ministry is not None:
            claimant = memory.last_ministry  # "the ministry said": the ministry named before
        date = self._statement_date(tokens, cue, cue_end or cue + 1, entity, dates)
        attribution = Attribution(claimant, cue, rule_id, speaker, date, kind)
        if entity.kind.startswith("ref:"):
            attribution.anaphor = entity.kind[4:]
        if claimant in MINISTRIES:
            memory.last_ministry = claimant
        return attribution

    def _earlier_in_sentence(
        self, tokens: list[Token], anaphor: Entity, kind: str
    ) -> Attribution | None:
        """A referent named earlier in the sentence: "Mediazona … confirmed …, the outlets said"."""
        for entity in reversed(self._sentence_entities):
            if entity.last > anaphor.first or entity.kind.startswith("ref:"):
                continue
            if entity.claimant in (None, "RELAY"):
                continue
            subject = entity.first == 0 and not entity.name.endswith(("'s", "’s"))
            # "it said" may be Moscow's; "the site", "the editors" never name a country
            subject = subject and not anaphor.name.startswith(("the ", "its ", "their "))
            if entity.claimant in GENERIC and not subject:
                continue  # but "Moscow last updated its toll …, when it said": the subject
            if self._loses(tokens, entity.last) or self._loss_inflicted_on(tokens, entity.first):
                continue  # "The Ukrainian army lost up to 520 troops, it said": the loser
            if kind == "source" or (kind == "person") == (entity.kind == "person"):
                return Attribution(
                    entity.claimant, entity.first, entity.rule_id, entity, None, entity.kind
                )
        return None

    def _loss_inflicted_on(self, tokens: list[Token], first: int) -> bool:
        """Whether the name at ``tokens[first]`` follows a preposition after a loss cue: "inflicted
        losses of up to 3,320 troops on Ukrainian forces" names whom they were inflicted on."""
        if first == 0 or tokens[first - 1].norm not in self.lex.grammar["prepositions"]:
            return False
        bit = self.lex.loss_cues.bit
        return any(t.flags & bit for t in tokens[max(0, first - TARGET_REACH) : first - 1])

    def _loses(self, tokens: list[Token], k: int) -> bool:
        """Whether a verb of losing ("lost", "has suffered") follows at ``tokens[k]``."""
        while k < len(tokens) and tokens[k].norm in self.lex.grammar["auxiliaries"]:
            k += 1
        cue = self.lex.loss_cues.match(tokens, k) if k < len(tokens) else None
        return cue is not None and cue[0].value == "patient"

    def _title_of(self, tokens: list[Token], entity: Entity) -> str | None:
        """ "Air Force commander Mykola Oleshchuk", "Estonia's military intelligence chief,
        Colonel Ants Kiviselg,": the body named just before a new name, also in apposition to
        the title."""
        for start in range(max(0, entity.first - 5), entity.first):
            hit = self.lex.claimants.match(tokens, start)
            if hit is None or hit[0].value == "RELAY":
                continue
            gap = tokens[hit[1] : entity.first]
            if len(gap) >= 2 and gap[-1].norm == "," and gap[-2].norm in _TITLES:
                gap = gap[:-1]  # the title, then the name in apposition
            if len(gap) <= 2 and all(
                (t.is_word and not t.is_capitalised) or t.norm in _TITLES for t in gap
            ):
                return hit[0].value
        return None

    def _role_of(self, tokens: list[Token], entity: Entity) -> str | None:
        """An unknown name's role from its apposition: "Jakub Janovsky, a military analyst"."""
        j = entity.last
        if j < len(tokens) and tokens[j].norm == ",":
            for k in range(j + 1, min(j + 8, len(tokens))):
                hit = self.lex.claimants.match(tokens, k)
                if hit is not None and hit[0].value not in ("RELAY",):
                    if _owns_a_named_unit(tokens, hit[1]):
                        continue  # "a spokesman for the army's Khortytsia group": the unit's
                    return hit[0].value
                if tokens[k].norm == ",":
                    break
        return None


def _owns_a_named_unit(tokens: list[Token], end: int) -> bool:
    """A body in the possessive before a named unit of it ("the army's Khortytsia group")."""
    return (
        0 < end < len(tokens)
        and tokens[end - 1].norm.endswith(("'s", "’s"))
        and tokens[end].is_capitalised
    )


def _after_pair(tokens: list[Token], k: int, words: frozenset[str]) -> bool:
    """The two tokens before ``k`` form one of ``words`` (a Chinese verb is two characters)."""
    return k > 1 and f"{tokens[k - 2].norm} {tokens[k - 1].norm}" in words


def _modifies_noun(tokens: list[Token], k: int) -> bool:
    """A report word after an article or a possessive is a noun or an adjective, not a verb:
    "the report", "Ukraine's visually confirmed losses"."""
    back = k - 1
    if back >= 0 and tokens[back].norm.endswith("ly") and tokens[back].kind == "word":
        back -= 1  # "visually confirmed", "officially recorded"
    if back < 0:
        return False
    norm = tokens[back].norm
    return norm in ("the", "a", "an", "its", "their") or norm.endswith(("'s", "’s"))


def _parenthetical(between: list[Token]) -> bool:
    """ ", who count only losses backed by photographs or video," between subject and verb,
    also after a co-subject ("Mediazona and the BBC Russian service, which comb …, have")."""
    if len(between) < 3 or between[-1].norm != ",":
        return False
    opening = next((i for i, t in enumerate(between) if t.norm == ","), len(between))
    return opening == 0 or (
        opening <= COSUBJECT_WORDS and between[0].norm in ("and", "with", "together")
    )


def _glosses(tokens: list[Token], previous: Entity, k: int, end: int) -> bool:
    """Whether the name at ``tokens[k:end]`` is a bracketed short form of the one just before."""
    return (
        previous.last == k - 1
        and tokens[k - 1].norm == "("
        and end < len(tokens)
        and tokens[end].norm == ")"
    )


def _relative_subject(between: list[Token]) -> bool:
    """ "the General Staff, which on June 12 put …": a relative pronoun right after the name's
    comma is the subject of the verb that follows it (after at most a few words of a day)."""
    return (
        len(between) >= 2
        and between[0].norm == ","
        and between[1].norm in ("which", "who")
        and len(between) - 2 <= RELATIVE_GAP
        and not any(t.norm in _CLAUSE_MARKS for t in between[2:])
    )


def _restrictive_relative(between: list[Token]) -> bool:
    """ "Leaked Pentagon documents that surfaced in April put …": a relative clause without
    commas right after the subject (or its head noun), holding no stop of its own."""
    return (
        len(between) >= 3
        and any(t.norm in _RELATIVES for t in between[:2])
        and not any(t.norm in _CLAUSE_MARKS for t in between)
    )
