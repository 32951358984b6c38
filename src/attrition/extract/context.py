"""A claim's context: whose loss it is, its basis and its day, read from around the figure.

``_Extraction`` (``claims.py``) walks the text; these are its per-figure decisions,
kept apart so that each module holds one job. Conventions: docs/extraction.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from attrition.extract.dates import DateMention
from attrition.extract.drafts import GENERAL_STAFF, Draft, count_deaths
from attrition.extract.figures import FigureReader
from attrition.extract.losses import LABEL_DASHES, PART_OPENER
from attrition.extract.nouns import OWNER
from attrition.extract.numbers import bracketed_increment
from attrition.extract.records import Figure, SentenceFigures
from attrition.extract.rules import Lexicon
from attrition.extract.segment import Paragraph, inside
from attrition.extract.sides import OPPOSITE, SideReader
from attrition.extract.speakers import (
    CLAIMANT_SIDE,
    Attribution,
    Memory,
    resolve_generic,
    speaker_key,
)
from attrition.extract.tenses import TenseReader
from attrition.extract.timing import Cue, as_of_cue, choose_basis, loss_day
from attrition.extract.tokens import Token
from attrition.taxonomy import CONFLICT_START

# The basis cue that names the window said before ("over the same period").
SAME_WINDOW: Final = "basis.same_window"
# Cues that name no window of their own: the same window again, and the running total a
# day's figure brings ("bringing the total to 725,710" after "1,780 over the past day").
_NOT_A_WINDOW: Final = frozenset({SAME_WINDOW, "basis.bringing"})

# Sides read from beyond the figure's sentence (or guessed): too weak to make "people" soldiers.
WEAK_SIDE_ROLES: Final = frozenset({"paragraph", "topic", "claimant", "default"})


# Words that carry a list on rather than start a statement (see _earlier_figures_cue).
_LIST_WORDS: Final = frozenset({"and", "or", "with", "as", "including", "plus", "also", "another"})


class ContextReader(TenseReader):
    """Per-figure decisions of one extraction run (a part of ``_Extraction``)."""

    lex: Lexicon
    published: dt.date | None
    reference: dt.date | None
    figures: FigureReader
    sides: SideReader
    memory: Memory
    drafts: list[Draft]
    side_topic: str | None
    last_basis: dict[str | None, tuple[str, int, str | None]]
    windows: dict[str | None, str]  # each speaker's window for "the same period" (_same_window)
    window_counts: dict[str | None, Draft]  # each speaker's last count of an explicit window
    gs_day: dt.date | None
    last_day: dt.date | None
    _paragraph_index: int
    _sentence_drafts: list[Draft]
    _key_of: list[Token] | None
    _key: str
    _cue_of: SentenceFigures | None
    _pairs_of: SentenceFigures | None
    _pairs: frozenset
    _cue: DateMention | None
    _loss_day_of: Figure | None
    _lost_on: DateMention | None
    _side_role: str
    _list_day: DateMention | None  # the report day of the list an item line belongs to

    def _draft(
        self,
        index: int,
        paragraph: Paragraph,
        sentence: tuple[int, int],
        tokens: list[Token],
        found: SentenceFigures,
        figure: Figure,
        attribution: Attribution | None,
        cues: list,
    ) -> Draft:
        end_token = max(figure.last, figure.noun_last) - 1
        draft = Draft(
            figure=figure,
            paragraph=index,
            headline=paragraph.headline,
            sentence=sentence,
            start=tokens[figure.first].start,
            end=tokens[max(end_token, figure.first)].end,
        )
        draft.text_key = self._text_key(tokens)
        draft.attribution = attribution
        draft.claimant_raw = attribution.claimant if attribution is not None else None
        draft.subject = self._subject(
            tokens, found, figure, draft.claimant_raw, paragraph, attribution
        )
        memory_hint = self.memory.last_ministry
        draft.claimant = resolve_generic(draft.claimant_raw, draft.subject, memory_hint)
        # "At least four people were killed": people of no side named in their sentence are
        # the victims of a strike, not a side's losses (civilians are no claims, SCHEMA.md)
        noun = self.lex.nouns.match(tokens, figure.noun_first) if figure.noun_first >= 0 else None
        people = noun is not None and noun[0].rule_id == "noun.people"
        people = people and not self._labelled_personnel(tokens, figure)
        weak = self._side_role in WEAK_SIDE_ROLES
        if weak and people and self.sides.losses_owner(tokens, figure.first) is not None:
            weak = False  # the sentence counts a side's losses in people
        earlier = self._sentence_drafts[-1:] if self._sentence_drafts else []
        # "… and more than 40 wounded": the same unnamed people
        same_victims = figure.person and any(
            d.unsided_people and d.figure.clause == figure.clause for d in earlier
        )
        draft.unsided_people = (weak and people) or (
            same_victims and (weak or self._side_role == "list")
        )
        count_deaths(draft)
        self._basis(draft, tokens, found, cues)
        self._day(draft, tokens, found)
        self._after_claim(draft, figure, tokens)
        return draft

    def _subject(
        self,
        tokens: list[Token],
        found: SentenceFigures,
        figure: Figure,
        claimant: str | None,
        paragraph: Paragraph,
        attribution: Attribution | None,
    ) -> str:
        speaker_side = CLAIMANT_SIDE.get(claimant or "")
        if claimant == "MINISTRY" and self.memory.last_ministry:
            speaker_side = CLAIMANT_SIDE.get(self.memory.last_ministry)
        side = figure.side_hint
        role = "np"
        if side == OWNER:  # "his fighters": the speaker's own, if the speaker has a side
            side = "SPEAKER" if speaker_side else None
        if side is None:
            side, role = self._side_from_context(tokens, found, figure, paragraph, speaker_side)
        self._side_role = role
        if side == "ENEMY":
            side = OPPOSITE.get(speaker_side or "", "RU")
            if role == "agent":
                side = OPPOSITE[side]
        elif side == "SPEAKER":
            side = speaker_side or self.side_topic or "UA"
            if role == "agent":
                side = OPPOSITE[side]
        return side if side in ("RU", "UA") else "RU"

    def _side_from_context(
        self,
        tokens: list[Token],
        found: SentenceFigures,
        figure: Figure,
        paragraph: Paragraph,
        speaker_side: str | None,
    ) -> tuple[str, str]:
        """A side the noun phrase leaves open: from clause, list, text (nearest first)."""
        clause = self.sides.clause_side(tokens, figure, found.clause_of)
        earlier = self._sentence_drafts
        same_clause = [d for d in earlier if d.figure.clause == figure.clause]
        # A loss word before the previous figure of the clause governs the whole list
        # ("lost 610 soldiers …, and another 325"); one after it governs this figure alone.
        own_verb = clause.subject_at is not None and (
            not same_clause or clause.subject_at >= same_clause[-1].figure.last
        )
        if clause.side is not None and clause.role in ("patient", "agent", "passive") and own_verb:
            return clause.side, clause.role
        if same_clause:
            return same_clause[-1].subject, "list"
        topic = self.sides.opening_topic(tokens)
        if topic is not None and clause.side is None:  # "Côté ukrainien, … 46 000 soldats tués"
            return topic, "topic"
        if clause.side is not None and clause.role in ("patient", "agent", "passive"):
            return clause.side, clause.role
        if clause.side is not None:
            return clause.side, clause.role
        if earlier:
            return earlier[-1].subject, "sentence"
        quoted = inside(paragraph.quotes, tokens[figure.first].start) is not None
        if clause.role == "patient" and speaker_side and quoted:
            return speaker_side, "speaker"
        if clause.role in ("agent", "passive") and speaker_side:
            return OPPOSITE[speaker_side], "claimant"
        if self.drafts and self.drafts[-1].paragraph == self._paragraph_index:
            return self.drafts[-1].subject, "paragraph"
        if self.side_topic is not None:
            return self.side_topic, "topic"
        if speaker_side:
            return OPPOSITE[speaker_side], "claimant"
        return "RU", "default"

    def _basis(self, draft: Draft, tokens: list[Token], found: SentenceFigures, cues: list) -> None:
        figure = draft.figure
        if self._pairs_of is not found:  # once per sentence, not once per figure
            self._pairs_of = found
            self._pairs = self.figures.list_pairs(tokens, found.figures)
        listed = self._pairs
        cue = choose_basis(figure, cues, found.clause_of, found.figures, listed)
        if cue is not None and self._cue_of_a_later_part(tokens, figure, cue, found):
            cue = None  # "640,000 troops, 1,200 of them over the past day": the part's span
        if cue is not None and self._earlier_figures_cue(tokens, figure, cue):
            draft.basis = "cumulative"  # the sentence's span was the earlier figure's
            return
        earlier = self._sentence_drafts
        other_clause = cue is None or (
            found.clause_of[min(cue.first, len(found.clause_of) - 1)] != figure.clause
        )
        if earlier and earlier[-1].basis == "rate" and other_clause:
            draft.basis, draft.basis_explicit = "rate", True  # "100 a day, while 500 were wounded"
            return
        part = self._part_without_span(tokens, figure, cue, found)
        if earlier and (part or self._counted_of_them(tokens, figure, cue)):
            draft.basis = earlier[-1].basis  # "95 drones overnight, including 12 over Moscow"
            return
        elided = figure.rule_id.endswith(":ellipsis") and (cue is None or cue.basis == "period")
        if earlier and earlier[-1].basis == "rate" and elided:
            draft.basis, draft.basis_explicit = "rate", True  # "averaged 1,262 in June, up from
            return  # 1,158 in May": the month is the average's, as the first one's was
        if cue is not None:
            draft.basis = self._same_window(draft) if cue.rule_id == SAME_WINDOW else cue.basis
            draft.basis_explicit = True
            if cue.rule_id not in _NOT_A_WINDOW and self.windows.get(draft.claimant) != "daily":
                self.windows[draft.claimant] = cue.basis  # a day's window, once named, stays
            return
        if self._event_on_a_day(tokens, found, figure, draft):
            draft.basis, draft.basis_explicit = "daily", True  # "one tank was destroyed on Tuesday"
            return
        if self._shot_down(tokens, figure) and not self._stood_at_end(tokens, found):
            draft.basis = "daily"  # "air defences shot down 296 drones": one night's attack
            return
        if figure.rule_id.endswith(":ellipsis") and self._sentence_drafts:
            draft.basis = self._sentence_drafts[-1].basis  # "…, 38 over Bryansk and 25 over …"
            return
        last = self.last_basis.get(draft.claimant)
        said = draft.attribution
        continues = any(t.norm == "same" for t in tokens) or (
            said is not None and said.anaphor == "source" and said.rule_id == "attr.verb"
        )  # "The report … also claimed": the same report goes on
        # "Russia has lost 7,885 tanks" is a running total even after a day's figures, except
        # in the Russian MoD's per-front reports, whose "has lost" is the day's (SCHEMA.md).
        # A list's verb is its first figure's: "ha anche perso 3.616 carri armati, …, 18 barche".
        head = next(
            (d.figure for d in self._sentence_drafts if d.figure.clause == figure.clause), None
        )
        perfect = self._perfect_tense(tokens, figure) or (
            head is not None and self._perfect_tense(tokens, head)
        )
        below = self._below_the_day(draft, head or figure)
        # "had destroyed eight tanks, bringing the total to 8,112": what brings a total is not it
        brings = any(c.rule_id == "basis.bringing" and c.first >= figure.last for c in cues)
        total = perfect and draft.claimant != "RU_MOD" and not below and not brings
        if total and self._window_told_on(draft, tokens, head or figure, last):
            total = False
        also = (
            said is not None and said.anaphor is not None and any(t.norm == "also" for t in tokens)
        )
        if below and also:
            draft.basis = "daily"  # "… 540 troops over the past day … It also said 11 tanks …"
            return
        # the window of the speaker's last figure goes on: a day's report, or a week's
        # summary of the same side's losses
        carried = last is not None and (
            last[0] == "daily" or (last[0] == "period" and last[2] == draft.subject)
        )
        carried = carried and not self._above_the_window(draft, figure)
        if last is not None and carried and not total and not _tallied(tokens, figure):
            same_paragraph = last[1] == draft.paragraph
            if same_paragraph or continues or brings or draft.claimant == "RU_MOD":
                draft.basis = last[0]
                return
        if draft.claimant == "RU_MOD" and self._past_agent(tokens, figure):
            draft.basis = "daily"  # "its forces (had) destroyed 12 Ukrainian tanks": a battle's
            return
        draft.basis = "cumulative"

    def _window_told_on(
        self,
        draft: Draft,
        tokens: list[Token],
        first: Figure,
        last: tuple[str, int, str | None] | None,
    ) -> bool:
        """ "nel corso dell'anno sono stati distrutti 3.689 carri armati … Nella sola regione di
        Kursk, Mosca ha perso 38.000 uomini": where the perfect is the narrative past
        (grammar.narrative_perfect), a count told in it after the speaker's window in the same
        paragraph, about the same side, is more of that window, not a running total."""
        if last is None or last[0] != "period" or last[1] != draft.paragraph:
            return False
        if last[2] != draft.subject:
            return False
        verb = self._governing_verb(tokens, first)
        return verb is not None and not self._perfect_before(tokens, verb[1], narrative=True)

    def _below_the_day(self, draft: Draft, first: Figure) -> bool:
        """A count smaller than the day's figure just before it in the paragraph is that day's
        too, whatever its tense: "… 500 soldati … nelle ultime 24 ore. … hanno perso anche 3
        carri armati" (Italian, French and German tell their past in the perfect), while "ha
        anche perso 3.616 carri armati" after 630 of the day is the running total."""
        day = next(
            (d for d in reversed(self.drafts) if d.basis == "daily" and d.basis_explicit), None
        )
        size = first.value if first.value is not None else first.mention.high  # the list's head
        if day is None or day.paragraph != draft.paragraph or size is None:
            return False
        head = day.figure.value if day.figure.value is not None else day.figure.mention.high
        return head is not None and size < head

    def _above_the_window(self, draft: Draft, figure: Figure) -> bool:
        """ "the team verified 1,650 new names. Among the dead are 11,800 volunteers": people
        counted above the window's count of people just before them are a running total's part,
        not more of the window."""
        window = self.window_counts.get(draft.claimant)
        if window is None or window.paragraph != draft.paragraph:
            return False
        if not (figure.person and window.figure.person):
            return False
        size = figure.value if figure.value is not None else figure.mention.high
        head = (
            window.figure.value if window.figure.value is not None else window.figure.mention.high
        )
        return size is not None and head is not None and size > head

    def _event_on_a_day(
        self, tokens: list[Token], found: SentenceFigures, figure: Figure, draft: Draft
    ) -> bool:
        """A loss verb in the simple past with a day of its own: the losses of that day."""
        day = self._loss_day(tokens, figure, found)
        statement = draft.attribution.date if draft.attribution is not None else None
        if day is None or day is statement or self._as_of_cue(tokens, found) is not None:
            return False
        lo = figure.first
        hi = max(figure.last, figure.noun_last)
        clause = found.clause_of
        for k in range(max(0, lo - 6), min(len(tokens), hi + 20)):
            if clause[k] != figure.clause:
                continue
            cue = self.lex.loss_cues.match(tokens, k)
            if cue is None or (
                cue[0].value == "noun" and tokens[k].norm in self.lex.grammar["loss_nouns"]
            ):
                continue
            if cue[0].value in ("agent", "patient", "noun") and not self._perfect_before(
                tokens, k, told_back=True
            ):
                return True
        return False

    def _as_of_cue(self, tokens: list[Token], found: SentenceFigures) -> DateMention | None:
        """The sentence's report day ("As of Sunday"), looked for once per sentence."""
        if self._cue_of is not found:
            self._cue_of = found
            self._cue = as_of_cue(tokens, found, self.lex)
        return self._cue

    def _loss_day(
        self, tokens: list[Token], figure: Figure, found: SentenceFigures
    ) -> DateMention | None:
        if self._loss_day_of is not figure:
            self._loss_day_of = figure
            self._lost_on = loss_day(tokens, figure, found, self.lex)
        return self._lost_on

    def _labelled_personnel(self, tokens: list[Token], figure: Figure) -> bool:
        """ "personnel – about 880,950 (+1,160) people": a list item whose label before its
        dash names soldiers counts soldiers, whatever its unit noun after the figure."""
        dash = figure.first - 1
        if dash < 1 or tokens[dash].norm not in LABEL_DASHES:
            return False
        label = self.lex.nouns.match_ending(tokens, dash)
        return label is not None and label[0].kind == "person"

    def _cue_of_a_later_part(
        self, tokens: list[Token], figure: Figure, cue: Cue, found: SentenceFigures
    ) -> bool:
        """Whether a part counted of this figure ("…, 1,200 of them") stands between it and
        the span cue after it, which is then the part's."""
        return cue.first >= figure.last and any(
            figure.last <= other.first < cue.first and self._counted_of_them(tokens, other, None)
            for other in found.figures
        )

    def _counted_of_them(self, tokens: list[Token], figure: Figure, cue: Cue | None) -> bool:
        """ "1,420 troops over the previous day, 146 of them in the Kupiansk direction": a part
        counted of the figure before, with no span of its own after it."""
        last = figure.mention.last
        hit = self.lex.reference_words.match(tokens, last)
        return hit is not None and hit[1] - last >= 2 and (cue is None or cue.first < last)

    def _part_without_span(
        self, tokens: list[Token], figure: Figure, cue: Cue | None, found: SentenceFigures
    ) -> bool:
        """A part named in an aside ("including 12 over the Moscow region,") with no span of
        its own: it is counted over its whole's span, unless the span after the aside is
        shared by both ("100,000 casualties, including 20,000 killed, since December")."""
        if not self._opens_an_aside(tokens, figure):
            return False
        if cue is None:
            return True
        # the aside closes at a comma, or runs to the end of the sentence ("shot down 61
        # missiles, including 52 cruise missiles.")
        end = next(
            (k for k in range(figure.last, len(tokens)) if tokens[k].norm == ","), len(tokens)
        )
        if figure.last <= cue.first < end:
            return False  # its own: "including 1,140 over the past 24 hours,"
        # a trailing span after another figure is that figure's ("…, and 485 over the week")
        return cue.first < figure.first or any(
            end < other.first < cue.first for other in found.figures
        )

    def _opens_an_aside(self, tokens: list[Token], figure: Figure) -> bool:
        """Whether "including" or a phrase pointing back at a whole ("among them", "of which")
        stands right before the figure ("…, including 12 over Moscow,")."""
        if figure.first > 0 and tokens[figure.first - 1].norm == PART_OPENER:
            return True
        back = self.lex.reference_words.match_ending(tokens, figure.first)
        return back is not None and back[1] > 0 and tokens[back[1] - 1].norm == ","

    def _stood_at_end(self, tokens: list[Token], found: SentenceFigures) -> bool:
        """ "22,060 drones downed by the end of 2024": a count that stood at a month's or a
        year's end is a running total, however it was brought down."""
        cue = self._as_of_cue(tokens, found)
        return cue is not None and any(
            d.first == cue.first and d.kind in ("month", "year") for d in found.dates
        )

    def _earlier_figures_cue(self, tokens: list[Token], figure: Figure, cue: Cue) -> bool:
        """ "2,000 men in a single day as Russia's losses soar past 725,000": a span right
        after an earlier figure is that figure's, once a new loss verb or link comes between."""
        if cue.last > figure.first or cue.basis == "cumulative":
            return False
        touched = [
            d.figure
            for d in self._sentence_drafts
            if 0 <= cue.first - max(d.figure.last, d.figure.noun_last) <= 1
        ]
        if not touched:
            return False
        # "880,120 personnel, including 1,160 over the past day, 10,180 tanks": the span
        # closes the aside of a part, whose day it is
        part = touched[-1]
        closed = cue.last < len(tokens) and tokens[cue.last].norm == ","
        if closed and self._opens_an_aside(tokens, part):
            return True
        lex = self.lex
        # a verb, not a preposition: "soar past", "losses" start a new statement; "along
        # with 62 drones", "and 5 tanks" go on with the same list
        light = lex.grammar["prepositions"] | _LIST_WORDS
        return any(
            lex.loss_cues.match(tokens, k) is not None
            or lex.linking_words.match(tokens, k) is not None
            for k in range(cue.last, figure.first)
            if tokens[k].kind == "word" and tokens[k].norm not in light
        )

    @staticmethod
    def _other_clause(found: SentenceFigures, date: DateMention, figure: Figure) -> bool:
        """Whether a day named in the sentence stands in another clause than the figure's."""
        clause_of = found.clause_of
        return clause_of[min(date.first, len(clause_of) - 1)] != figure.clause

    def _day(self, draft: Draft, tokens: list[Token], found: SentenceFigures) -> None:
        figure = draft.figure
        gs = draft.claimant == GENERAL_STAFF
        statement = draft.attribution.date if draft.attribution is not None else None
        report = self._as_of_cue(tokens, found)
        if report is not None and self._other_clause(found, report, figure):
            report = None  # "… around 900,000 at the end of April, while Kyiv … 983,470 on Tuesday"
        report = report or self._list_day
        day: DateMention | None = None
        shift = 0
        if figure.date_hint is not None:
            day, shift = figure.date_hint, 1 if gs else 0
        elif report is not None:
            day = report
        elif statement is not None:
            day = statement
        else:
            lost_on = self._loss_day(tokens, figure, found)
            if lost_on is not None:
                # a day's losses are reported the next morning; a total that "reached N on
                # October 1" stood at N on that day's report
                reached = draft.basis == "cumulative" and ":complement" in figure.rule_id
                reached = reached and lost_on.first > figure.first  # "reached N on Saturday"
                day, shift = lost_on, 1 if gs and not reached else 0
        resolved = self._resolve(day)
        if day is None and draft.attribution is not None and not gs:
            resolved = self._spoke_on(draft.attribution, draft.claimant)  # the same statement
        if resolved is not None and resolved == CONFLICT_START:
            resolved = None  # "since the invasion on February 24, 2022" dates no report
        if resolved is not None and shift:
            try:
                resolved += dt.timedelta(days=shift)
            except OverflowError:
                resolved = None
        if gs and resolved is None and draft.basis in ("cumulative", "daily"):
            resolved = self.gs_day or self.published
        if gs and draft.basis == "period" and day is None:
            resolved = None
        draft.as_of = resolved
        if gs and resolved is not None and self.gs_day is None and day is not None:
            self.gs_day = resolved

    def _text_key(self, tokens: list[Token]) -> str:
        """The sentence's words, to tell a repeated sentence; computed once per sentence."""
        if self._key_of is not tokens:
            self._key_of = tokens
            self._key = " ".join(t.norm for t in tokens if t.kind != "punct")
        return self._key

    def _resolve(self, day: DateMention | None) -> dt.date | None:
        if day is None:
            return None
        if day.kind == "same":
            return self.last_day  # "on the same day"
        resolved = day.resolve(self.reference)
        if resolved is not None:
            self.last_day = resolved
        return resolved

    def _spoke_on(self, attribution: Attribution, claimant: str | None) -> dt.date | None:
        """The day this speaker's statement was dated, by name, else by organisation (also
        the one a generic "Moscow" was read as: "sempre secondo Mosca" after the ministry)."""
        spoke_on = self.memory.spoke_on
        key = speaker_key(attribution)
        if key in spoke_on:
            return spoke_on[key]
        return spoke_on.get(f"org:{attribution.claimant}") or spoke_on.get(f"org:{claimant}")

    def _same_window(self, draft: Draft) -> str:
        """ "over the same period" names a window the speaker named before: the day of a
        day's report ("1,950 in the last 24 hours … the total since February 2022 … 11 tanks
        over the same period"), else its last one ("since February 2022" for a tally); a
        speaker who named none shares the window named last ("43,000 killed since February
        2022 … By Kyiv's count, Russia lost 198,000 in the same period")."""
        if draft.claimant in self.windows:
            return self.windows[draft.claimant]
        return list(self.windows.values())[-1] if self.windows else "daily"

    def _after_claim(self, draft: Draft, figure: Figure, tokens: list[Token]) -> None:
        # a bracketed increment ("5,293 (+5)") dates only itself, not the next item's total,
        # and nor does a part in an aside ("897,420 troops …, including 1,180 over the last 24
        # hours"): the speaker's window stays its whole's
        aside = self._opens_an_aside(tokens, figure)
        if draft.basis_explicit and figure.basis_rule != "basis.increment" and not aside:
            self.last_basis[draft.claimant] = (draft.basis, draft.paragraph, draft.subject)
            if draft.basis == "period":
                self.window_counts[draft.claimant] = draft
        self.side_topic = draft.subject


def _tallied(tokens: list[Token], figure: Figure) -> bool:
    """ "9.308 carri armati (+11)": a figure with a day's increment of its own is the running
    total, whatever window the speaker's figure before it had."""
    if figure.mention.increment is not None:
        return True
    after = max(figure.noun_last, figure.mention.last)
    return any(bracketed_increment(tokens, k, figure.value) is not None for k in (after, after + 1))
