"""Passes over all the figures of a sentence: lists, chains, qualifiers shared.

``1,500, 1,330 and 1,400 troops`` share a noun; ``approximately: 20,300 personnel,
773 tanks`` share an approximation; ``… to 661,630, 19,156 and 8,933, respectively``
pair with nouns in order; ``1,511 (+4)`` holds a daily figure. Which figures count as
losses is ``losses.LossFilter``'s test.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

from mypy_extensions import trait

from attrition.extract.losses import PART_OPENER, LossFilter
from attrition.extract.numbers import NumberMention, bracketed_increment
from attrition.extract.records import PERSON_CATEGORIES, Figure, SentenceFigures
from attrition.extract.rules import Lexicon
from attrition.extract.tokens import Token, flagged, phrase_ends_at, span_key

# The words of its own an item of a list of people may have ("9,000 mobilized men").
ITEM_WORDS: Final = 3
# How far apart two entries of a ranking may stand: ", followed by prisoners recruited from
# penal colonies, at" is ten tokens; a longer gap is a new statement.
RANKING_ENTRY_TOKENS: Final = 12
# The categories whose members are vehicles of their own kind (see _parts_of_armour).
ARMOUR: Final = frozenset({"tanks", "afv"})
# "de los cuales", "parmi lesquels": the longest part opener (grammar.part_openers)
PART_OPENER_TOKENS: Final = 3


_QUALIFIER_ENDS: Final = frozenset({":", ",", ".", ";"})


def find_dangling_qualifier(tokens: list[Token], lex: Lexicon) -> tuple[str, int] | None:
    """An approximation that qualifies no number ("approximately:", "approximately as
    follows,"), with the index after it: it reaches the list that follows."""
    for k in flagged(tokens, lex.qualifiers_before.bit, 0, len(tokens)):
        hit = lex.qualifiers_before.match(tokens, k)
        if hit is None or hit[0].value != "about":
            continue
        end = hit[1]
        while end < len(tokens) and tokens[end].norm in ("as", "follows"):
            end += 1  # "approximately as follows"
        closed = tokens[end - 1].norm == ":"  # the lexicon's "approximately:" holds its colon
        if closed or end >= len(tokens) or tokens[end].norm in _QUALIFIER_ENDS:
            return str(hit[0].value), end
    return None


@trait
class ListReader(LossFilter):
    """Sentence-level passes over figures (a part of ``FigureReader``)."""

    lex: Lexicon

    def _qualify(self, tokens: list[Token], figure: Figure) -> None:
        """Sets a figure's qualifier from the words around it (``FigureReader`` defines it)."""
        raise NotImplementedError

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
        if len(figures) < 2 or not self._pairs_in_order(tokens):
            return
        group = [f for f in figures if f.clause == figures[-1].clause]
        # "destroyed 14 tanks and 29 armoured vehicles, taking the totals to 9,811 and 20,344":
        # the bare numbers at the end pair with the nouns before them, not the whole clause
        while len(group) > 1 and not _noun_said_before(group[0]):
            group.pop(0)
        first = group[0].mention.first
        nouns = [
            p
            for p in result.phrases
            if p.last <= first and p.noun.kind in ("equipment", "person", "casualty")
        ]
        if len(nouns) >= len(group) and all(_noun_said_before(f) for f in group):
            for figure, phrase in zip(group, nouns[-len(group) :], strict=True):
                figure.category = phrase.category or figure.category
                figure.rule_id = f"{phrase.rule_id}:respectively"
                figure.person = figure.category in PERSON_CATEGORIES
        last = group[-1].mention.last
        days = [d for d in result.dates if d.first >= last and d.kind in ("weekday", "day")]
        if len(days) == len(group):
            for figure, day in zip(group, days, strict=True):
                figure.date_hint = day

    def _pairs_in_order(self, tokens: list[Token]) -> bool:
        """Whether the sentence says its numbers go with the nouns before them in order
        ("respectively", or a two-word cue: "taking the totals to …")."""
        words = self.lex.respectively
        return any(t.norm in words for t in tokens) or any(
            f"{a.norm} {b.norm}" in words for a, b in itertools.pairwise(tokens)
        )

    def _refine_lost(self, result: SentenceFigures) -> None:
        """ "losing 100 a day, while 500 were wounded": lost beside wounded means killed (but
        "lost 38,000 soldiers, including 15,000 killed" names a part of all it lost)."""
        tokens = result.tokens
        explicit = {
            f.category
            for f in result.figures
            if f.explicit_category and not self._is_a_part(tokens, f.first)
        }
        if not explicit & {"killed", "wounded"}:
            return
        for figure in result.figures:
            if figure.via_lose and figure.category == "personnel":
                figure.category = "killed"
                figure.rule_id = "pred.lost_beside_casualty:" + figure.rule_id.split(":")[-1]

    def _is_a_part(self, tokens: list[Token], first: int) -> bool:
        """ "including 15,000 killed", "including up to 43,000 killed": a part of a count."""
        bound = self.lex.qualifiers_before.match_ending(tokens, first)
        start = bound[1] if bound is not None else first
        if start > 0 and tokens[start - 1].norm == PART_OPENER:
            return True
        # "tra cui circa 7.000 uccisi", "darunter 900 Offiziere": another language's "including"
        openers = self.lex.grammar["part_openers"]
        return bool(openers) and phrase_ends_at(tokens, start, openers, PART_OPENER_TOKENS)

    def _parts_of_the_dead(self, result: SentenceFigures) -> None:
        """ "the deaths of 4,200 officers, including 580 colonels": people named as a part of a
        count of the dead (or wounded, captured, missing) are more of the same, unless they say
        otherwise ("…, including 15,000 killed")."""
        tokens = result.tokens
        for whole, part in itertools.pairwise(result.figures):
            opened = self._is_a_part(tokens, part.first)
            if not (opened and part.person and whole.person) or part.explicit_category:
                continue
            if whole.category in PERSON_CATEGORIES and whole.category != "personnel":
                part.category = whole.category

    def _parts_of_armour(self, result: SentenceFigures) -> None:
        """ "1,150 tanks lost, including 180 Western-supplied vehicles": a part named by the word
        for vehicles in general is more of its whole's tanks or armoured vehicles, not trucks."""
        tokens = result.tokens
        general = self.lex.grammar["vehicle_hypernyms"]
        for whole, part in itertools.pairwise(result.figures):
            if whole.category not in ARMOUR or part.category != "vehicles":
                continue
            named = part.noun_last - part.noun_first == 1 and part.noun_first >= 0
            if (
                named
                and tokens[part.noun_first].norm in general
                and self._is_a_part(tokens, part.first)
            ):
                part.category = whole.category

    def _distribute_qualifiers(self, tokens: list[Token], result: SentenceFigures) -> None:
        """ "approximately: 20,300 personnel, 773 tanks …" — a list shares an approximation."""
        figures = result.figures
        dangling = find_dangling_qualifier(tokens, self.lex) if figures else None
        if dangling is not None:  # "are approximately: personnel – about 317,190, tanks – 5,379"
            for figure in figures:
                own = figure.qualifier_explicit or ":increment" in figure.rule_id
                if figure.mention.first >= dangling[1] and not own:
                    figure.qualifier = dangling[0]
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
                if ":increment" in follower.rule_id or self._aside_part(tokens, follower):
                    continue  # "10,180 tanks (+4), …", "…, including 1,160 over the past day, …"
                if follower.low is not None:
                    break
                elided = distributive and self._elided_count(tokens, previous, follower)
                if not elided and not self._listed(tokens, previous, follower):
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

    def _elided_count(self, tokens: list[Token], earlier: Figure, later: Figure) -> bool:
        """ "environ 80 000 soldats auraient été tués et 400 000 blessés": a second count whose
        verb is left out, after the first count's verb and a conjunction."""
        between = tokens[max(earlier.last, earlier.noun_last) : later.first]
        if len(between) < 2 or between[-1].norm not in self.lex.grammar["list_joiners"]:
            return False
        verb = self.lex.predicates.match_ending(between, len(between) - 1)
        if verb is None:
            return False
        grammar = self.lex.grammar
        # "soldats russes auraient été": the side after the noun, then the verb's auxiliaries
        fillers = grammar["auxiliaries"] | grammar["predicate_fillers"]
        fillers = fillers | grammar["side_adjectives_after"]
        return all(t.norm in fillers for t in between[: verb[1]])

    def _aside_part(self, tokens: list[Token], figure: Figure) -> bool:
        """ "…, including 1,160 over the past day, …": a part named in an aside of the list."""
        return figure.first > 1 and [t.norm for t in tokens[figure.first - 2 : figure.first]] == [
            ",",
            PART_OPENER,
        ]

    def _next_item(self, tokens: list[Token], earlier: Figure, later: Figure) -> bool:
        """ "11,800 volunteers, 9,000 mobilized men and …": the next item of a list whose items
        each name their people in a few words of their own."""
        between = tokens[max(earlier.last, earlier.noun_last) : later.first]
        joiners = self.lex.grammar["list_joiners"]
        k = 0
        while k < min(len(between), ITEM_WORDS) and between[k].kind == "word":
            if between[k].norm in joiners:
                break
            k += 1
        return k < len(between) and all(t.norm in joiners for t in between[k:])

    def _ranked_after(
        self, tokens: list[Token], earlier: Figure, later: Figure, ranking: bool
    ) -> bool:
        """Whether a figure is the next entry of a ranking begun by the one before: "…, followed
        by convicts, at 17,900" (or, once a ranking is under way, "… and mobilized men, at
        12,400"), a short label and a lead word ("at", "with") between the two figures."""
        # from the earlier number: a later entry's label may have been read as its noun
        between = tokens[earlier.mention.last : later.first]
        if not between or len(between) > RANKING_ENTRY_TOKENS:
            return False
        grammar = self.lex.grammar
        last = between[-1].norm
        if last not in grammar["ellipsis_leads"] and last != "at":
            return False
        if any(token.kind == "num" for token in between):
            return False
        if ranking and any(t.norm in grammar["list_joiners"] for t in between[:2]):
            return True  # "…, at 17,900, and …", "… with 17,900 and …"
        words = f" {span_key(between, 0, len(between))} "
        return any(f" {lead} " in words for lead in grammar["ranking_leads"])

    def _item_after(self, tokens: list[Token], earlier: Figure, later: Figure) -> bool:
        """True when only list joiners, and items without a figure ("a tank", "an artillery
        gun"), separate a figure from the one before it."""
        start = max(earlier.last, earlier.noun_last)
        joiners = self.lex.grammar["list_joiners"]
        articles = self.lex.number_words.articles
        words = -1  # the words of an item without a figure, -1 outside one
        for k in range(start, later.first):
            norm = tokens[k].norm
            if norm in joiners:
                words = -1
            elif words < 0 and norm in articles:
                words = 0
            elif 0 <= words < ITEM_WORDS and tokens[k].kind == "word":
                words += 1
            else:
                return False
        return words < 0

    def _listed(self, tokens: list[Token], earlier: Figure, later: Figure) -> bool:
        """True when only list punctuation and conjunctions separate two figures, past the
        earlier one's increment ("10,180 tanks (+4), 21,200 …") and an aside naming a part
        of it ("880,120 personnel, including 1,160 over the past day, 10,180 tanks")."""
        start = max(earlier.last, earlier.noun_last)
        bracketed = bracketed_increment(tokens, start, earlier.value)
        if bracketed is not None:
            start = bracketed[1]
        between = list(tokens[start : later.first])
        if len(between) > 2 and between[1].norm == PART_OPENER:
            # the aside, from "including" to its closing comma ("…, as well as 10,205 tanks")
            close = next((i for i in range(len(between) - 1, 1, -1) if between[i].norm == ","), 0)
            between = between[:1] + between[close + 1 :] if close else between
        joiners = self.lex.grammar["list_joiners"]
        return all(t.norm in joiners or t.norm in ("as", "well", "plus", "also") for t in between)

    def list_pairs(self, tokens: list[Token], figures: Sequence[Figure]) -> frozenset:
        """Pairs of figures (by first token) that belong to one list, in both orders."""
        pairs: set[tuple[int, int]] = set()
        run: list[Figure] = list(figures[:1])
        for earlier, later in itertools.pairwise(figures):
            if not (
                self._listed(tokens, earlier, later) or self._coordinated(tokens, earlier, later)
            ):
                run = [later]
                continue
            for member in run:  # "A, B and C over the past two days": the whole run
                pairs.add((member.mention.first, later.mention.first))
                pairs.add((later.mention.first, member.mention.first))
            run.append(later)
        return frozenset(pairs)

    def _coordinated(self, tokens: list[Token], earlier: Figure, later: Figure) -> bool:
        """ "killing 1,500 soldiers and destroying 30 tanks, including eight Leopards, over …":
        figures of coordinated loss verbs, and a part named in an aside, share one span (but
        "868,000, including 1,140 over the past 24 hours" gives the day to the part alone)."""
        between = tokens[max(earlier.last, earlier.noun_last) : later.first]
        joiners = self.lex.grammar["list_joiners"]
        end = max(later.last, later.noun_last)
        aside = end < len(tokens) and tokens[end].norm == ","
        k = 0
        while k < len(between):
            if between[k].norm in joiners or (between[k].norm == PART_OPENER and aside):
                k += 1
                continue
            cue = self.lex.loss_cues.match(between, k) or self.lex.predicates.match(between, k)
            if cue is None:
                return False
            k = cue[1]
        return True

    def _share_predicates(self, tokens: list[Token], result: SentenceFigures) -> None:
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

    def _losses(
        self, tokens: list[Token], figures: list[Figure], clause_of: list[int]
    ) -> list[Figure]:
        """The figures that count as losses, in order (see ``_is_loss``)."""
        kept: list[Figure] = []
        head: Figure | None = None  # the complement a list of people goes on from
        ranking = False  # the figure before was an entry of a ranking ("followed by …")
        self._forget_launcher()
        for figure in figures:
            if self._launched_by is not None and figure.side_hint is None:
                figure.side_hint = self._launched_by  # "…, of which 79 drones were shot down"
            # "tanks: 5,293 (+5); artillery: 7,410 (+21)": an item after a semicolon goes on
            # the list of the loss figure before it
            continues = bool(kept) and any(
                tokens[k].norm == ";" for k in range(kept[-1].last, figure.first)
            )
            # "up to 130 servicemen, a tank, four motor vehicles": an item listed after a
            # loss figure is one more of its list
            continues = continues or (bool(kept) and self._item_after(tokens, kept[-1], figure))
            # "Among the dead are 11,800 volunteers, 9,000 mobilized men and 3,000 officers":
            # the people listed after a complement are more of the same count
            listed = head is not None and self._next_item(tokens, kept[-1], figure)
            people = figure.rule_id.startswith("noun.person:")  # not "400,000 casualties"
            if listed and head is not None and people and not figure.explicit_category:
                figure.category = head.category
            # "… with 23,500 deaths, followed by convicts, at 17,900, and mobilized men, at
            # 12,400": the next entries of a ranking of people count the same losses
            ranked = (
                bool(kept)
                and figure.person
                and kept[-1].person
                and self._ranked_after(tokens, kept[-1], figure, ranking)
            )
            if ranked and not figure.explicit_category:
                figure.category = kept[-1].category
            ranking = ranked
            if self._is_loss(
                tokens, figure, clause_of, continues=continues or listed or ranked, ranked=ranked
            ):
                kept.append(figure)
                if figure.person:
                    head = figure
                elif not listed:
                    head = None
        return kept

    def _increment_after_noun(
        self, tokens: list[Token], figure: Figure
    ) -> tuple[int, int, int] | None:
        """ "10,205 tanks (+3)": a day's increment written after the figure's noun, or after
        the classifier that closes the number ("坦克：10186辆（+7）")."""
        after = figure.noun_last
        if after <= figure.mention.last:
            after = figure.mention.last
            if after >= len(tokens) or tokens[after].norm not in self.lex.grammar["classifiers"]:
                return None
            after += 1
        bracketed = bracketed_increment(tokens, after, figure.value)
        return None if bracketed is None else (after, bracketed[1], bracketed[0])

    def _bracket_before(self, tokens: list[Token], first: int) -> int:
        """The opening bracket of "(369)" or "(total: 9,412)" before a number, or -1."""
        k = first - 1
        if k > 1 and tokens[k].norm == ":":
            label = self.lex.placeholder_nouns.match_ending(tokens, k)
            k = label[1] - 1 if label is not None else -1
        return k if k > 0 and tokens[k].norm == "(" else -1

    def _bracketed_totals(self, result: SentenceFigures) -> None:
        """ "8 tanks (total: 9,412)": a larger count of the same noun in a bracket after a
        figure's noun is the running total, so the figure before it is the day's change."""
        previous: Figure | None = None
        for figure in result.figures:
            if (
                previous is not None
                and figure.rule_id.endswith(":counted")
                and previous.category == figure.category
                and previous.value is not None
                and figure.value is not None
                and previous.value < figure.value
                and previous.noun_last == self._bracket_before(result.tokens, figure.mention.first)
            ):
                previous.basis_hint, previous.basis_rule = "daily", "basis.bracketed_total"
                figure.basis_hint, figure.basis_rule = "cumulative", "basis.bracketed_total"
            previous = figure

    def _increments(self, result: SentenceFigures) -> None:
        """``1,511 (+4)``: the bracketed increment is the same category's daily figure."""
        extra: list[Figure] = []
        for figure in result.figures:
            mention = figure.mention
            if mention.increment is None or mention.increment_span is None:
                after_noun = self._increment_after_noun(result.tokens, figure)
                if after_noun is None:
                    continue
                a, b, value = after_noun
            else:
                (a, b), value = mention.increment_span, mention.increment
            # "(+4)", "(6)", "(+11 nelle ultime 24 ore)" or a table's bare "+4"
            if result.tokens[a].norm == "(":
                at = a + 2 if result.tokens[a + 1].norm == "+" else a + 1
            else:
                at = b - 1
            increment = NumberMention(first=at, last=at + 1, value=value)
            extra.append(
                Figure(
                    mention=increment,
                    value=value,
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


def _noun_said_before(figure: Figure) -> bool:
    """Whether a figure's noun stands before its number or is borrowed from another figure."""
    return figure.noun_first < figure.mention.first or figure.rule_id.endswith(
        (":chain", ":ellipsis")
    )
