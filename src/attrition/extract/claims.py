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
from dataclasses import dataclass, replace
from typing import Any, Final

from attrition.extract.claimants import AttributionReader
from attrition.extract.context import ContextReader
from attrition.extract.credits import CreditReader
from attrition.extract.dates import (
    WIRE_DATELINE_PARAGRAPHS,
    DateMention,
    find_dates,
    read_dateline,
    read_wire_dateline,
)
from attrition.extract.drafts import (
    Draft,
    absorb,
    restated_sentences,
    same_figure,
)
from attrition.extract.figures import (
    Figure,
    FigureReader,
    NounPhrase,
    SentenceFigures,
)
from attrition.extract.leads import (
    ListLead,
    is_header_row,
    is_list_line,
    is_table_row,
    read_columns,
    read_lead,
    row_day,
)
from attrition.extract.nouns import TOPIC_KINDS
from attrition.extract.rules import Lexicon, load_lexicon
from attrition.extract.segment import (
    Paragraph,
    inside,
    mark_paragraph,
    split_paragraphs,
    split_sentences,
)
from attrition.extract.sides import SideReader
from attrition.extract.speakers import (
    GENERIC,
    UNNAMED,
    Attribution,
    Memory,
    dated,
    dated_by,
    speaker_key,
)
from attrition.extract.timing import (
    basis_cues,
    war_age_reference,
)
from attrition.extract.tokens import Token, tokenize

# Bumped whenever a change to rules or lexicons can change what is extracted; stored
# with each claim so a ledger can tell which extractor read an article.
EXTRACTOR_VERSION: Final = "1.7.0"
SCHEMA_FIELDS: Final = (
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
# A claim as JSON: the schema's fields, then where it stands in the text and which rule read it.
CLAIM_FIELDS: Final = (*SCHEMA_FIELDS, "start", "end", "quote", "rule_id")
QUOTE_CHARS: Final = 400
# A night report names its speaker in its lead, right under the headline ("the enemy attacked
# with 112 drones, the Air Force reports"); a speaker met later (an opinion piece quoting the
# UN on civilians, own-en-10) speaks for no figure below it.
REPORT_LEAD_PARAGRAPHS: Final = 1
# The dev set's longest sentence has 95 tokens; a "sentence" four times that long is a
# list, a table or junk, and is read in pieces so the work per piece stays bounded.
MAX_SENTENCE_TOKENS: Final = 400
# How far around a quotation its speaker is looked for ("…," the ministry said).
SPEAKER_REACH_CHARS: Final = 300
# An unowned source noun ("according to estimates") yields to a named speaker in its sentence.
WEAK_SOURCE: Final = "who.other.source"


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
        return {name: getattr(self, name) for name in CLAIM_FIELDS}


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


class _Extraction(ContextReader, CreditReader):
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
        self.drafts: list[Draft] = []
        self.topic: NounPhrase | None = None
        self.side_topic: str | None = None
        self.last_basis: dict[str | None, tuple[str, int, str | None]] = {}
        self.windows: dict[str | None, str] = {}
        self.window_counts: dict[str | None, Draft] = {}
        self.gs_day: dt.date | None = None
        self.last_said: Attribution | None = None
        self.had_figures = False
        self.last_day: dt.date | None = None
        self._key_of: list[Token] | None = None
        self._key = ""
        self._sentence_drafts: list[Draft] = []
        self._speakers: dict[tuple[int, int], Attribution | None] = {}
        self._cue_of: SentenceFigures | None = None
        self._pairs_of: SentenceFigures | None = None
        self._pairs: frozenset = frozenset()
        self._cue: DateMention | None = None
        self._loss_day_of: Figure | None = None
        self._lost_on: DateMention | None = None
        self._paragraph_drafts: list[Draft] = []
        self._paragraph_attribution: Attribution | None = None
        self._paragraph_index = 0
        self._lead: ListLead | None = None
        self._previous_drafts: list[Draft] = []
        self._unclaimed: list[Draft] = []  # figures a closing line without a speaker left
        self._points_back = False  # the paragraph opens with words pointing back (Про це)
        self._side_role = "np"
        self._list_day: DateMention | None = None
        self._wire_day: tuple[Paragraph, DateMention] | None = None  # a dateline's, and its day

    # -- the walk ------------------------------------------------------------------------------

    def run(self) -> list[Claim]:
        paragraphs = split_paragraphs(self.text)
        body_start, dateline = read_dateline(self.text)
        if body_start and paragraphs:
            paragraphs[0].start = max(paragraphs[0].start, body_start)
            if paragraphs[0].start >= paragraphs[0].end:
                paragraphs.pop(0)
            self.published = self.published or dateline  # the label is the article's date
            self.reference = self.reference or dateline
        for paragraph in paragraphs[:WIRE_DATELINE_PARAGRAPHS]:
            self._skip_wire_dateline(paragraph)
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
        self._date_days(drafts)
        return [self._claim(d) for d in drafts]

    def _skip_wire_dateline(self, paragraph: Paragraph) -> None:
        """ "KYIV, June 3, 2025 (Reuters) —": the paragraph starts after it, and its day, when
        it names the year, dates an article that came without one."""
        found = read_wire_dateline(self.text, paragraph.start, paragraph.end, self.lex.date_words)
        if found is None:
            return
        paragraph.start, date = found
        self._wire_day = (paragraph, date)  # the lead's statements were made that day
        day = date.resolve(None)
        if day is not None:
            self.published = self.published or day
            self.reference = self.reference or day

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
        # a figure-less paragraph's speaker introduces a table whose header row comes next
        intro = self._paragraph_attribution if not self._paragraph_drafts else None
        carried: Attribution | None = None
        self._paragraph_attribution = None
        last_speaker: Attribution | None = None
        opening_speaker = pending if paragraph.opens_with_quote else None
        self._paragraph_drafts = []
        self._points_back = False
        lead = self._lead
        line = self.text[paragraph.start : paragraph.end]
        header = is_header_row(line)
        if header and lead is None:
            lead = self._lead = ListLead(intro, None, None)  # the header announces its rows
        listed = lead is not None and (
            header
            or is_list_line(line, self.lex.number_words.units)
            or (bool(lead.columns) and is_table_row(line))
        )
        if listed:
            paragraph.headline = (
                False  # "tanks – 3,651 (+7)" without a stop is an item, not a title
            )
        # "The General Staff published its data on the enemy's losses." and then the day's
        # figures told in prose: the lead's speaker is theirs, as it is a list's
        prose_lead = (
            lead.attribution if lead is not None and lead.publishes and not listed else None
        )
        new_lead: ListLead | None = None
        spoken_of = False  # a loss word in an earlier sentence of the paragraph
        previous: list[Draft] = []
        for start, end, tokens in self._sentences(paragraph):
            self._sentence_drafts = []
            # an item line of a lead's list continues its count even after an unread item
            after_losses = self.had_figures or listed
            found = self.figures.read(
                tokens,
                self.topic,
                after_losses=after_losses,
                item_line=listed,
                columns=lead.columns if listed and lead is not None and not header else (),
            )
            if header and lead is not None:
                phrases = self.figures.header_phrases(tokens)
                lead.columns = read_columns(tokens, phrases, self.lex)
            loss_cue = not found.figures and bool(self.lex.loss_cues.find_all(tokens))
            self.had_figures = bool(found.figures) or loss_cue
            entities = self.attributions.entities(tokens, self.memory)
            attributions = self.attributions.attributions(
                tokens, entities, found.dates, self.memory, headline=paragraph.headline
            )
            if self._wire_day is not None and self._wire_day[0] is paragraph:
                attributions = [dated_by(a, self._wire_day[1]) for a in attributions]
            self._remember(entities, attributions)
            spoken_of = spoken_of or loss_cue  # "Потери России. Сводка «Медиазоны»": one lead
            lead_here = read_lead(
                tokens, found, attributions, self.lex, loss_cue=spoken_of, topic=self.topic
            )
            if new_lead is None:
                new_lead = lead_here
            elif lead_here is not None and lead_here.columns and not new_lead.columns:
                # "Mediazona published its breakdown. The regions with the most deaths are:":
                # the speaker's lead, and what its rows count from the line that opens them
                new_lead.columns = lead_here.columns
            cues = basis_cues(tokens, found, self.lex) if found.figures or attributions else []
            if not found.figures:
                self._note_report_span(attributions, cues, index)
            self._list_day = lead.day if listed and lead is not None else None
            labelled = listed and lead is not None and bool(lead.columns)
            day_label = row_day(tokens, found) if labelled else None
            if day_label is not None:
                self._list_day = day_label  # "Feb 19 | 1,150": the row's report
            for figure in found.figures:
                speaker = self._quote_speaker(paragraph, tokens, figure, opening_speaker)
                if speaker is not None:
                    last_speaker = speaker
                attribution = speaker or dated(self._nearest(attributions, figure), attributions)
                if listed and lead is not None:
                    attribution = attribution or lead.attribution
                    own = figure.qualifier_explicit or ":increment" in figure.rule_id
                    if lead.qualifier and not own:
                        figure.qualifier = lead.qualifier
                if attribution is None and not paragraph.headline:
                    attribution = (
                        carried or prose_lead or self.last_said
                    )  # a headline takes the body's, later
                draft = self._draft(
                    index, paragraph, (start, end), tokens, found, figure, attribution, cues
                )
                # the window the lead named, for every item; a lead's average makes each
                # row's month its rate ("Monthly average daily casualties:" "September: 1,271")
                averaged = lead is not None and lead.basis == "rate" and draft.basis == "period"
                if (
                    listed
                    and lead is not None
                    and lead.basis
                    and (not draft.basis_explicit or averaged)
                ):
                    draft.basis = lead.basis
                if day_label is not None and figure.rule_id.endswith(":column"):
                    draft.basis = "daily"  # a row of a table of days holds that day's figures
                if draft.unsided_people:
                    self._sentence_drafts.append(draft)  # so the next figure sees who it was
                    continue
                self.drafts.append(draft)
                self._sentence_drafts.append(draft)
                self._paragraph_drafts.append(draft)
                if attribution is not None:
                    carried = attribution
                    self.last_said = attribution
            if attributions and not found.figures and self._refers_back(tokens):
                self._credit_back(previous, attributions[0])
                self._points_back = True
            previous = self._sentence_drafts
            if (attributions and not found.figures) or (attributions and carried is None):
                carried = attributions[-1]
            if attributions and self._paragraph_attribution is None:
                self._paragraph_attribution = attributions[0]
            in_lead = self.figures.counted_no_loss and index <= REPORT_LEAD_PARAGRAPHS
            opening = paragraph.headline or in_lead
            if opening and attributions and not found.figures and not self.drafts:
                # "Latest Defence Intelligence update on …": a title naming its source speaks
                # for the figures below it that name none, as does the first speaker to count
                # what was no loss ("the enemy attacked with 112 drones, the Air Force reports")
                self.last_said = self.last_said or attributions[0]
            self._update_topics(found, tokens)
        self._carry_forward(index)
        self._follow_list(listed, new_lead, paragraph.ends_with_colon)
        if paragraph.ends_with_colon:
            return carried
        if paragraph.opens_with_quote and (last_speaker or opening_speaker):
            return last_speaker or opening_speaker
        return None

    def _follow_list(self, listed: bool, new_lead: ListLead | None, colon: bool) -> None:
        """Keep a lead over its item lines; a line without figures closes the list, and its
        attribution ("The data are being updated, the General Staff reported") covers the
        items, or the paragraph of figures right before it, that had none."""
        lead = self._lead
        if listed and lead is not None:
            lead.items.extend(self._paragraph_drafts)
            return
        unclaimed, self._unclaimed = self._unclaimed, []
        if not self._paragraph_drafts:
            waiting = lead.items if lead is not None and lead.items else self._previous_drafts
            if self._paragraph_attribution is None:
                self._unclaimed = waiting
            elif not waiting and self._points_back:
                # "Дані уточнюються." then "Про це повідомляє Генштаб": a line pointing
                # back names the speaker of the figures the line before it closed
                waiting = unclaimed
            self._credit(waiting, self._paragraph_attribution)
        self._previous_drafts = self._paragraph_drafts
        # a paragraph of figures may still end on its list's lead ("…930人。…损失如下：")
        self._lead = new_lead if not self._paragraph_drafts or colon else None

    def _note_report_span(self, attributions: list[Attribution], cues: list, index: int) -> None:
        """ "Russian troops took a village over the past day, the ministry reported": the
        report's span, stated before any figure, is the basis of its figures that follow."""
        if not any(cue.basis == "daily" for cue in cues):
            return
        for attribution in attributions:
            if attribution.claimant is not None:
                self.last_basis[attribution.claimant] = ("daily", index, None)

    def _remember(self, entities: list, attributions: list[Attribution]) -> None:
        for entity in entities:
            if entity.kind.startswith("ref:") or (
                entity.claimant is None or entity.claimant in UNNAMED
            ):
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
                day = self._resolve(attribution.date)
                if day is not None:  # "reported in February 2023" dates only that statement
                    self.memory.spoke_on[speaker_key(attribution)] = day

    def _update_topics(self, found: SentenceFigures, tokens: list[Token]) -> None:
        for phrase in found.phrases:
            if phrase.category is not None and phrase.noun.kind in TOPIC_KINDS:
                self.topic = phrase
        if found.figures:
            last = found.figures[-1]
            topic = self.topic
            if topic is not None and last.person and topic.category == "personnel":
                # "the deaths of 88,400 Russian soldiers": the people counted were the dead
                self.topic = replace(topic, category=last.category)
            elif topic is not None and last.person and topic.first > last.first:
                # "1.610 soldati russi uccisi o feriti": a casualty word after the figure says
                # what it counts, and the next "805mila perdite" counts the same
                self.topic = replace(topic, category=last.category)
            return
        # "Russia had launched 187 drones …. It said 112 of the drones were shot down": what
        # was launched, and so shot down, is the launcher's
        side = None
        for phrase in found.phrases:
            if phrase.side is None:
                side = self.figures.launcher(tokens, phrase)
                if side is not None:
                    break
        side = side or self.sides.topic_side(tokens)
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
        # "By Kyiv's count, Russia had lost 198,000 …, he said": a person of the side whose
        # count it is speaks for it (not "Ukraine's minister said that Russian claims of …")
        persons = {
            (a.claimant or "")[:3]
            for a in attributions
            if a.kind == "person" and a.rule_id == "attr.verb"
        }
        named = [
            a
            for a in attributions
            if (a.entity is None or a.entity.rule_id != WEAK_SOURCE)
            and not (
                a.rule_id == "attr.source"
                and a.claimant in GENERIC
                and (a.claimant or "")[:3] in persons
            )
        ]
        attributions = named or attributions  # "say that, according to estimates, …"
        before = [a for a in attributions if a.cue <= figure.first]
        if before:
            return before[-1]
        after = [a for a in attributions if a.cue > figure.first]
        return after[0] if after else None

    # -- after the walk ------------------------------------------------------------------------

    def _merge(self, drafts: list[Draft]) -> list[Draft]:
        """One claim per figure: a repeated figure (headline and body) merges into the first."""
        kept: list[Draft] = []
        restated = restated_sentences(drafts)
        by_number: dict[tuple[object, ...], list[Draft]] = {}
        for draft in drafts:
            figure = draft.figure
            number = (draft.subject, figure.value, figure.low, figure.high)
            candidates = by_number.setdefault(number, [])
            twin = next((k for k in candidates if same_figure(k, draft, restated)), None)
            if twin is None:
                kept.append(draft)
                candidates.append(draft)
                continue
            absorb(twin, draft)
        return kept

    def _date_days(self, drafts: list[Draft]) -> None:
        """A day's figure that names no day of its own ("shot down 40 drones overnight", "in the
        past 24 hours") counts back from the day the text was published (SCHEMA: relative days
        resolve against ``published``, as the dev set labels every speaker's daily figures)."""
        if self.published is None:
            return
        for draft in drafts:
            if draft.as_of is None and draft.basis == "daily":
                draft.as_of = self.published

    def _claim(self, draft: Draft) -> Claim:
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
