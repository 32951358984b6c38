"""Claims from text: the ``Claim`` record and the extraction pipeline.

``extract_claims`` walks a text paragraph by paragraph and sentence by
sentence. ``figures`` finds each loss figure with its category and qualifier;
``claimants`` finds who says it (carried along a paragraph, from a quote's
speaker, and from the body to a headline); ``sides`` whose loss it is;
``timing`` its basis and day. A figure repeated in the text is one claim.
Pure text work: no database, no network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from attrition.extract.claimants import (
    CLAIMANT_SIDE,
    GENERIC,
    Attribution,
    AttributionReader,
    Memory,
    resolve_generic,
    speaker_key,
)
from attrition.extract.dates import DateMention, find_dates
from attrition.extract.figures import (
    PERSON_CATEGORIES,
    Figure,
    FigureReader,
    NounPhrase,
    SentenceFigures,
)
from attrition.extract.rules import Lexicon, load_lexicon
from attrition.extract.segment import (
    Paragraph,
    inside,
    mark_paragraph,
    split_paragraphs,
    split_sentences,
)
from attrition.extract.sides import OPPOSITE, SideReader
from attrition.extract.timing import (
    as_of_cue,
    basis_cues,
    choose_basis,
    loss_day,
    war_age_reference,
)
from attrition.extract.tokens import Token, tokenize
from attrition.taxonomy import CONFLICT_START

# Bumped whenever a change to rules or lexicons can change what is extracted; stored
# with each claim so a ledger can tell which extractor read an article.
EXTRACTOR_VERSION = "1.0.0"
SCHEMA_FIELDS = (
    "subject",
    "category",
    "value",
    "low",
    "high",
    "qualifier",
    "basis",
    "claimant",
    "as_of",
)
# A figure this large repeated in one text is the same figure; small ones ("two cars"
# in three front-line reports) are separate events unless their sentences match.
DISTINCT_VALUE = 100
# Person figures this large with the same value are one figure named two ways
# ("20,900 men" lost and "20,900 soldiers killed"); as for DISTINCT_VALUE.
SAME_PERSON_FIGURE = 100
QUOTE_CHARS = 400
# A figure repeated in more sentences than this is a common small number, not a restatement.
RESTATEMENT_FANOUT = 8
# The dev set's longest sentence has 95 tokens; a "sentence" four times that long is a
# list, a table or junk, and is read in pieces so the work per piece stays bounded.
MAX_SENTENCE_TOKENS = 400
# How far around a quotation its speaker is looked for ("…," the ministry said).
SPEAKER_REACH_CHARS = 300
# An unowned source noun ("according to estimates") yields to a named speaker in its sentence.
WEAK_SOURCE = "who.other.source"
# Claimants whose counts are of the dead only (Mediazona with BBC Russian list named
# deaths), so a figure they give for people "lost" is a death toll (SCHEMA.md).
COUNTS_DEATHS = frozenset({"MEDIAZONA"})
_GS = "UA_GENERAL_STAFF"


@dataclass(frozen=True, slots=True)
class Claim:
    """One loss figure a text states, in the fields of the claim schema, with its span."""

    subject: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    basis: str
    claimant: str | None
    as_of: str | None
    start: int
    end: int
    quote: str
    rule_id: str

    def to_dict(self) -> dict[str, Any]:
        """The schema's fields plus ``start``, ``end``, ``quote`` and ``rule_id``."""
        return {
            "subject": self.subject,
            "category": self.category,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "basis": self.basis,
            "claimant": self.claimant,
            "as_of": self.as_of,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "rule_id": self.rule_id,
        }


@dataclass
class _Draft:
    """A claim under construction, with what merging and inheritance need."""

    figure: Figure
    paragraph: int
    headline: bool
    sentence: tuple[int, int]
    start: int
    end: int
    subject: str = "RU"
    claimant_raw: str | None = None
    claimant: str | None = None
    attribution: Attribution | None = None
    basis: str = "cumulative"
    basis_explicit: bool = False
    as_of: dt.date | None = None
    loss_day: bool = False
    text_key: str = ""
    merged: list[_Draft] = field(default_factory=list)


def extract_claims(
    text: str, *, published: dt.date | str | None = None, lang: str = "en"
) -> list[Claim]:
    """Every loss claim in ``text``, in text order.

    Args:
        text: the article's main text (headline lines included).
        published: the article's date (``YYYY-MM-DD`` or a date); relative days
            ("on Friday") resolve against it.
        lang: ISO 639-1 code of the text's language; falls back to English rules.

    Returns:
        Immutable ``Claim`` records with the schema's fields and their span.
    """
    day = _as_date(published)
    return _Extraction(text, day, load_lexicon(lang)).run()


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class _Extraction:
    """One run of the pipeline over one text."""

    def __init__(self, text: str, published: dt.date | None, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.published = published
        self.reference = published
        self.figures = FigureReader(lex)
        self.attributions = AttributionReader(lex)
        self.sides = SideReader(lex)
        self.memory = Memory()
        self.drafts: list[_Draft] = []
        self.topic: NounPhrase | None = None
        self.side_topic: str | None = None
        self.last_basis: dict[str | None, str] = {}
        self.gs_day: dt.date | None = None
        self.last_said: Attribution | None = None
        self.had_figures = False
        self.last_day: dt.date | None = None
        self._key_of: list[Token] | None = None
        self._key = ""
        self._sentence_drafts: list[_Draft] = []
        self._speakers: dict[tuple[int, int], Attribution | None] = {}
        self._cue_of: SentenceFigures | None = None
        self._cue: DateMention | None = None
        self._loss_day_of: Figure | None = None
        self._lost_on: DateMention | None = None
        self._paragraph_drafts: list[_Draft] = []
        self._paragraph_attribution: Attribution | None = None
        self._paragraph_index = 0

    # -- the walk ------------------------------------------------------------------------------

    def run(self) -> list[Claim]:
        paragraphs = split_paragraphs(self.text)
        for paragraph in paragraphs:
            mark_paragraph(self.text, paragraph, self.lex.boilerplate_lines)
        if self.reference is None:
            self.reference = self._infer_reference(paragraphs)
        pending: Attribution | None = None
        for index, paragraph in enumerate(paragraphs):
            if paragraph.boilerplate:
                continue
            self._paragraph_index = index
            pending = self._paragraph(index, paragraph, pending)
        self._credit_source_line(paragraphs)
        drafts = self._merge(self.drafts)
        self._inherit_headline_claimants(drafts)
        return [self._claim(d) for d in drafts]

    def _sentences(self, paragraph: Paragraph) -> Iterator[tuple[int, int, list[Token]]]:
        """A paragraph's sentences with their tokens.

        A run-on "sentence" is cut into pieces of at most MAX_SENTENCE_TOKENS, so that no
        input makes the work grow faster than its length.
        """
        for start, end in split_sentences(self.text, paragraph.start, paragraph.end):
            if not self.lex.mentions_anything(self.text[start:end]):
                continue  # no digit and no word any rule starts with: nothing to read here
            tokens = tokenize(self.text, start, end, self.lex.flags)
            if len(tokens) <= MAX_SENTENCE_TOKENS:
                if tokens:
                    yield start, end, tokens
                continue
            for first in range(0, len(tokens), MAX_SENTENCE_TOKENS):
                piece = tokens[first : first + MAX_SENTENCE_TOKENS]
                yield piece[0].start, piece[-1].end, list(piece)

    def _infer_reference(self, paragraphs: list[Paragraph]) -> dt.date | None:
        marks = ("mark", "milestone", "into the", "day ")
        for paragraph in paragraphs:
            line = self.text[paragraph.start : paragraph.end]
            if paragraph.boilerplate or not any(m in line for m in marks):
                continue
            found = war_age_reference(
                tokenize(self.text, paragraph.start, paragraph.end, self.lex.flags), self.lex
            )
            if found is not None:
                return found
        return None

    def _paragraph(
        self, index: int, paragraph: Paragraph, pending: Attribution | None
    ) -> Attribution | None:
        """Process one paragraph; return the speaker its trailing quote or colon hands on."""
        carried: Attribution | None = None
        self._paragraph_attribution = None
        last_speaker: Attribution | None = None
        opening_speaker = pending if paragraph.opens_with_quote else None
        self._paragraph_drafts = []
        for start, end, tokens in self._sentences(paragraph):
            self._sentence_drafts = []
            found = self.figures.read(tokens, self.topic, after_losses=self.had_figures)
            self.had_figures = bool(found.figures or self.lex.loss_cues.find_all(tokens))
            entities = self.attributions.entities(tokens, self.memory)
            attributions = self.attributions.attributions(
                tokens, entities, found.dates, self.memory, headline=paragraph.headline
            )
            self._remember(entities, attributions)
            cues = basis_cues(tokens, found, self.lex) if found.figures else []
            for figure in found.figures:
                speaker = self._quote_speaker(paragraph, tokens, figure, opening_speaker)
                if speaker is not None:
                    last_speaker = speaker
                attribution = speaker or _dated(self._nearest(attributions, figure), attributions)
                if attribution is None and not paragraph.headline:
                    attribution = carried or self.last_said  # a headline takes the body's, later
                draft = self._draft(
                    index, paragraph, (start, end), tokens, found, figure, attribution, cues
                )
                self.drafts.append(draft)
                self._sentence_drafts.append(draft)
                self._paragraph_drafts.append(draft)
                if attribution is not None:
                    carried = attribution
                    self.last_said = attribution
            if (attributions and not found.figures) or (attributions and carried is None):
                carried = attributions[-1]
            if attributions and self._paragraph_attribution is None:
                self._paragraph_attribution = attributions[0]
            self._update_topics(found, tokens)
        self._carry_forward(index)
        if paragraph.ends_with_colon:
            return carried
        if paragraph.opens_with_quote and (last_speaker or opening_speaker):
            return last_speaker or opening_speaker
        return None

    def _credit_source_line(self, paragraphs: list[Paragraph]) -> None:
        """A "Source: General Staff …" line credits the figures nobody else claimed."""
        for paragraph in paragraphs:
            line = self.text[paragraph.start : paragraph.end].lower()
            label = next((m for m in self.lex.source_labels if line.startswith(m)), None)
            if label is None:
                continue
            tokens = tokenize(
                self.text, paragraph.start + len(label), paragraph.end, self.lex.flags
            )
            entities = self.attributions.entities(tokens, self.memory)
            named = [e for e in entities if e.claimant not in (None, "RELAY")]
            if not named:
                continue
            claimant = named[0].claimant
            for draft in self.drafts:
                if draft.attribution is None and draft.claimant is None:
                    draft.claimant = resolve_generic(claimant, draft.subject, None)
                    if draft.claimant == _GS and draft.as_of is None:
                        draft.as_of = self.gs_day or self.published
            return  # the first source line speaks for the text

    def _carry_forward(self, index: int) -> None:
        """ "… 263 (+2). The data are being updated, the General Staff reported": the attribution
        after a paragraph's figures covers those before it that had none."""
        drafts = self._paragraph_drafts
        later = next((d.attribution for d in drafts if d.attribution is not None), None)
        if later is None:
            later = self._paragraph_attribution
        if later is None or later.claimant is None:
            return
        for draft in drafts:
            if draft.attribution is None and not draft.headline:
                draft.attribution = later
                draft.claimant_raw = later.claimant
                draft.claimant = resolve_generic(
                    later.claimant, draft.subject, self.memory.last_ministry
                )
                self.last_said = later

    def _remember(self, entities: list, attributions: list[Attribution]) -> None:
        for entity in entities:
            if entity.kind.startswith("ref:") or entity.claimant in (None, "RELAY", *GENERIC):
                continue  # "the group" means Oryx named before, not "Ukraine" mentioned since
            mention = Attribution(
                entity.claimant, entity.first, entity.rule_id, entity, None, entity.kind
            )
            if entity.kind == "person":
                self.memory.last_person = mention
            else:
                self.memory.last_org = mention
        for attribution in attributions:
            if attribution.claimant is not None:
                self.memory.remember(attribution)
            if attribution.date is not None and attribution.claimant is not None:
                self.memory.spoke_on[speaker_key(attribution)] = self._resolve(attribution.date)

    def _update_topics(self, found: SentenceFigures, tokens: list[Token]) -> None:
        for phrase in found.phrases:
            if phrase.category is not None and phrase.noun.kind in (
                "person",
                "casualty",
                "equipment",
            ):
                self.topic = phrase
        if found.figures:
            return
        side = self.sides.topic_side(tokens)
        if side is not None:
            self.side_topic = side

    # -- one figure --------------------------------------------------------------------------

    def _quote_speaker(
        self,
        paragraph: Paragraph,
        tokens: list[Token],
        figure: Figure,
        opening: Attribution | None,
    ) -> Attribution | None:
        position = tokens[figure.mention.first].start
        span = inside(paragraph.quotes, position)
        if span is None:
            return None
        if span in self._speakers:
            return self._speakers[span]
        speaker = self._find_speaker(paragraph, span, opening)
        self._speakers[span] = speaker
        return speaker

    def _find_speaker(
        self, paragraph: Paragraph, span: tuple[int, int], opening: Attribution | None
    ) -> Attribution | None:
        """The attribution after a quotation ("…," the ministry said) or before it ("he said:")."""
        for lo, hi in (
            (span[1], self._sentence_end(span[1], paragraph.end)),
            (self._sentence_start(span[0], paragraph.start), span[0]),
        ):
            if hi - lo < 3:
                continue
            region = tokenize(self.text, lo, hi, self.lex.flags)
            entities = self.attributions.entities(region, self.memory)
            found = self.attributions.attributions(
                region, entities, find_dates(region, self.lex.date_words), self.memory
            )
            if found:
                return found[0]
        if span[0] <= paragraph.start + 2:
            return opening
        return None

    def _sentence_end(self, position: int, limit: int) -> int:
        limit = min(limit, position + SPEAKER_REACH_CHARS)
        stop = self.text.find(".", position, limit)
        return limit if stop < 0 else stop

    def _sentence_start(self, position: int, limit: int) -> int:
        limit = max(limit, position - SPEAKER_REACH_CHARS)
        stop = self.text.rfind(".", limit, position)
        return limit if stop < 0 else stop + 1

    @staticmethod
    def _nearest(attributions: list[Attribution], figure: Figure) -> Attribution | None:
        named = [a for a in attributions if a.entity is None or a.entity.rule_id != WEAK_SOURCE]
        attributions = named or attributions  # "say that, according to estimates, …"
        before = [a for a in attributions if a.cue <= figure.first]
        if before:
            return before[-1]
        after = [a for a in attributions if a.cue > figure.first]
        return after[0] if after else None

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
    ) -> _Draft:
        end_token = max(figure.last, figure.noun_last) - 1
        draft = _Draft(
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
        counts_deaths = draft.claimant in COUNTS_DEATHS and figure.category == "personnel"
        if counts_deaths and figure.rule_id.startswith(("noun.person", "pred.personnel")):
            figure.category = "killed"  # a count of named dead: their "lost" means dead
            figure.rule_id = "claimant.counts_deaths:" + figure.rule_id.split(":")[-1]
        self._basis(draft, tokens, found, cues)
        self._day(draft, tokens, found)
        self._after_claim(draft, figure)
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
        if side is None:
            side, role = self._side_from_context(tokens, found, figure, paragraph, speaker_side)
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

    def _basis(
        self, draft: _Draft, tokens: list[Token], found: SentenceFigures, cues: list
    ) -> None:
        figure = draft.figure
        listed = self.figures.list_pairs(tokens, found.figures)
        cue = choose_basis(figure, cues, found.clause_of, found.figures, listed)
        earlier = self._sentence_drafts
        other_clause = cue is None or (
            found.clause_of[min(cue.first, len(found.clause_of) - 1)] != figure.clause
        )
        if earlier and earlier[-1].basis == "rate" and other_clause:
            draft.basis, draft.basis_explicit = "rate", True  # "100 a day, while 500 were wounded"
            return
        if cue is not None:
            draft.basis = cue.basis
            draft.basis_explicit = True
            return
        if self._event_on_a_day(tokens, found, figure, draft):
            draft.basis, draft.basis_explicit = "daily", True  # "one tank was destroyed on Tuesday"
            return
        last = self.last_basis.get(draft.claimant)
        said = draft.attribution
        continues = any(t.norm == "same" for t in tokens) or (
            said is not None and said.anaphor == "source" and said.rule_id == "attr.verb"
        )  # "The report … also claimed": the same report goes on
        # "Russia has lost 7,885 tanks" is a running total even after a day's figures, except
        # in the Russian MoD's per-front reports, whose "has lost" is the day's (SCHEMA.md).
        total = self._perfect_tense(tokens, draft.figure) and draft.claimant != "RU_MOD"
        if last is not None and last[0] == "daily" and not total:
            same_paragraph = last[1] == draft.paragraph
            if same_paragraph or continues or draft.claimant == "RU_MOD":
                draft.basis = "daily"
                return
        draft.basis = "cumulative"

    def _event_on_a_day(
        self, tokens: list[Token], found: SentenceFigures, figure: Figure, draft: _Draft
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
            window = tokens[max(0, k - 3) : k]
            if cue[0].value in ("agent", "patient", "noun") and not any(
                t.norm in self.lex.grammar["perfect_auxiliaries"] for t in window
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

    def _perfect_tense(self, tokens: list[Token], figure: Figure) -> bool:
        """ "has (also) lost", "have destroyed": the perfect of the verb governing a figure."""
        auxiliaries = self.lex.grammar["perfect_auxiliaries"]
        for back in range(figure.first - 1, max(-1, figure.first - 8), -1):
            cue = self.lex.loss_cues.match(tokens, back)
            if cue is not None and cue[1] <= figure.first:
                window = tokens[max(0, back - 3) : back]
                return any(t.norm in auxiliaries for t in window)
        return False

    def _day(self, draft: _Draft, tokens: list[Token], found: SentenceFigures) -> None:
        figure = draft.figure
        gs = draft.claimant == _GS
        statement = draft.attribution.date if draft.attribution is not None else None
        report = self._as_of_cue(tokens, found)
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
                day, shift = lost_on, 1 if gs else 0
        resolved = self._resolve(day)
        if day is None and draft.attribution is not None and not gs:
            resolved = self._spoke_on(draft.attribution)  # the same speaker's statement
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

    def _spoke_on(self, attribution: Attribution) -> dt.date | None:
        """The day this speaker's statement was dated, by name, else by organisation."""
        spoke_on = self.memory.spoke_on
        key = speaker_key(attribution)
        if key in spoke_on:
            return spoke_on[key]
        return spoke_on.get(f"org:{attribution.claimant}")

    def _after_claim(self, draft: _Draft, figure: Figure) -> None:
        if draft.basis_explicit:
            self.last_basis[draft.claimant] = (draft.basis, draft.paragraph)  # type: ignore[assignment]
        self.side_topic = draft.subject

    # -- after the walk ------------------------------------------------------------------------

    def _merge(self, drafts: list[_Draft]) -> list[_Draft]:
        """One claim per figure: a repeated figure (headline and body) merges into the first."""
        kept: list[_Draft] = []
        restated = _restated_sentences(drafts)
        by_number: dict[tuple[object, ...], list[_Draft]] = {}
        for draft in drafts:
            figure = draft.figure
            number = (draft.subject, figure.value, figure.low, figure.high)
            candidates = by_number.setdefault(number, [])
            twin = next((k for k in candidates if _same_figure(k, draft, restated)), None)
            if twin is None:
                kept.append(draft)
                candidates.append(draft)
                continue
            _absorb(twin, draft)
        return kept

    def _inherit_headline_claimants(self, drafts: list[_Draft]) -> None:
        """A headline's unattributed figure takes the claimant the body gives that side."""
        first_by_side: dict[str, _Draft] = {}
        first_body: _Draft | None = None
        for draft in drafts:
            if not draft.headline and draft.claimant is not None:
                first_by_side.setdefault(draft.subject, draft)
                first_body = first_body or draft
        for draft in drafts:
            if not draft.headline or draft.claimant is not None:
                continue
            source = first_by_side.get(draft.subject, first_body)
            if source is None:
                continue
            draft.claimant = source.claimant
            if (
                draft.as_of is None
                and source.claimant == _GS
                and draft.basis in ("cumulative", "daily")
            ):
                draft.as_of = self.gs_day or source.as_of or self.published

    def _claim(self, draft: _Draft) -> Claim:
        figure = draft.figure
        lo, hi = draft.sentence
        quote = self.text[lo:hi].strip()
        if len(quote) > QUOTE_CHARS:
            centre = max(lo, draft.start - QUOTE_CHARS // 2)
            quote = self.text[centre : centre + QUOTE_CHARS].strip()
        return Claim(
            subject=draft.subject,
            category=figure.category,
            value=figure.value,
            low=figure.low,
            high=figure.high,
            qualifier=figure.qualifier,
            basis=draft.basis,
            claimant=draft.claimant,
            as_of=draft.as_of.isoformat() if draft.as_of is not None else None,
            start=draft.start,
            end=draft.end,
            quote=quote,
            rule_id=figure.rule_id,
        )


def _dated(chosen: Attribution | None, others: list[Attribution]) -> Attribution | None:
    """ "Mediazona has confirmed …, the outlets said on Friday": one speaker, one day."""
    if chosen is None or chosen.date is not None:
        return chosen
    for other in others:
        if other.date is not None and other.claimant == chosen.claimant:
            return replace(chosen, date=other.date)
    return chosen


def _key(draft: _Draft) -> tuple[object, ...]:
    figure = draft.figure
    return (draft.subject, figure.category, figure.value, figure.low, figure.high)


def _restated_sentences(drafts: list[_Draft]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of sentences that share two or more figures: the later one restates the earlier.

    "destroyed 15 warships and damaged 12 others" and, in a quote, "15 destroyed and 12
    damaged ships" are one statement told twice; two unrelated "two cars" are not.
    """
    sentences_of: dict[tuple[object, ...], list[tuple[int, int]]] = {}
    for draft in drafts:
        found = sentences_of.setdefault(_key(draft), [])
        if not found or found[-1] != draft.sentence:
            found.append(draft.sentence)
    shared: dict[tuple[tuple[int, int], tuple[int, int]], int] = {}
    for sentences in sentences_of.values():
        if len(sentences) > RESTATEMENT_FANOUT:
            continue  # a figure in dozens of sentences ("two vehicles") tells nothing
        for i, first in enumerate(sentences):
            for second in sentences[i + 1 :]:
                shared[(first, second)] = shared.get((first, second), 0) + 1
    pairs = set()
    for (first, second), count in shared.items():
        if count >= 2:
            pairs.add((first, second))
            pairs.add((second, first))
    return pairs


def _same_figure(
    a: _Draft, b: _Draft, restated: set[tuple[tuple[int, int], tuple[int, int]]]
) -> bool:
    fa, fb = a.figure, b.figure
    if a.subject != b.subject or (fa.value, fa.low, fa.high) != (fb.value, fb.low, fb.high):
        return False
    size = fa.value if fa.value is not None else fa.high or 0
    same_text = a.text_key == b.text_key or (a.sentence, b.sentence) in restated
    if fa.category == fb.category:
        return same_text or size >= DISTINCT_VALUE or a.headline or b.headline
    both_people = fa.category in PERSON_CATEGORIES and fb.category in PERSON_CATEGORIES
    one_general = "personnel" in (fa.category, fb.category)
    return both_people and one_general and size >= SAME_PERSON_FIGURE


def _absorb(kept: _Draft, other: _Draft) -> None:
    """Fold a repetition into the first mention, keeping the more specific details."""
    fk, fo = kept.figure, other.figure
    if fk.category == "personnel" and fo.category != "personnel":
        fk.category = fo.category
        fk.rule_id = fo.rule_id
    if kept.headline and not other.headline:
        fk.qualifier = fo.qualifier  # the body says it more carefully than the headline
        if other.claimant is not None:
            kept.claimant = other.claimant
    if kept.claimant is None and other.claimant is not None:
        kept.claimant = other.claimant
    if not kept.basis_explicit and other.basis_explicit:
        kept.basis, kept.basis_explicit = other.basis, True
    if kept.as_of is None and other.as_of is not None:
        kept.as_of = other.as_of
    kept.merged.append(other)
