"""Who speaks for the figures no sentence credits: a speaker named after them ("… 263 (+2). The
data are being updated, the General Staff reported"), a "Source: …" line, a closing line that
is only a name (the General Staff signing its post), and the body for a headline's figures. A
mixin of ``claims._Extraction``."""

from __future__ import annotations

import datetime as dt

from mypy_extensions import trait

from attrition.extract.claimants import AttributionReader
from attrition.extract.dates import DateMention
from attrition.extract.drafts import GENERAL_STAFF, Draft, count_deaths
from attrition.extract.rules import Lexicon
from attrition.extract.segment import Paragraph
from attrition.extract.speakers import GENERIC, Attribution, Entity, Memory, resolve_generic
from attrition.extract.tokens import Token, tokenize


@trait
class CreditReader:
    """Credits given to figures from speakers named after them and lines that name a source."""

    text: str
    lex: Lexicon
    drafts: list[Draft]
    attributions: AttributionReader
    memory: Memory
    gs_day: dt.date | None
    published: dt.date | None
    last_said: Attribution | None
    _paragraph_drafts: list[Draft]
    _paragraph_attribution: Attribution | None

    def _resolve(self, day: DateMention | None) -> dt.date | None:
        """The calendar day a date mention names (``ContextReader`` defines it)."""
        raise NotImplementedError

    def _carry_forward(self, index: int) -> None:
        """ "… 263 (+2). The data are being updated, the General Staff reported": the attribution
        after a paragraph's figures covers those before it that had none."""
        drafts = self._paragraph_drafts
        later = next((d.attribution for d in drafts if d.attribution is not None), None)
        if later is None:
            later = self._paragraph_attribution
        self._credit(drafts, later)

    def _refers_back(self, tokens: list[Token]) -> bool:
        """ "Das sagte ein Sprecher …": a sentence whose opening word points at the one before."""
        return bool(tokens) and tokens[0].norm in self.lex.grammar["back_references"]

    def _credit_back(self, drafts: list[Draft], speaker: Attribution) -> None:
        """The speaker named right after the figures replaces a generic "Kyiv"/"Moscow"."""
        if speaker.claimant is None or speaker.claimant in GENERIC:
            return
        for draft in drafts:
            own = draft.attribution
            if own is not None and own.claimant not in GENERIC:
                continue
            self._attribute(draft, speaker)
            spoke = self._resolve(speaker.date)
            if spoke is not None and draft.claimant != GENERAL_STAFF:
                draft.as_of = spoke

    def _credit(self, drafts: list[Draft], later: Attribution | None) -> None:
        if later is None or later.claimant is None:
            return
        for draft in drafts:
            if draft.attribution is None and not draft.headline:
                self._attribute(draft, later)
                self.last_said = later
                undated = draft.as_of is None and draft.basis in ("cumulative", "daily")
                if draft.claimant == GENERAL_STAFF and undated:
                    draft.as_of = self.gs_day or self.published

    def _attribute(self, draft: Draft, attribution: Attribution) -> None:
        """Credit a draft to a speaker found after it, a generic one resolved by its subject."""
        draft.attribution = attribution
        draft.claimant_raw = attribution.claimant
        draft.claimant = resolve_generic(
            attribution.claimant, draft.subject, self.memory.last_ministry
        )
        count_deaths(draft)  # "… 113 тысяч имен. Сводка «Медиазоны»": credited after the figure

    def _credit_source_line(self, paragraphs: list[Paragraph]) -> None:
        """A "Source: General Staff …" line, or a closing line that is nothing but a name
        (the General Staff signing its post), credits the figures nobody else claimed."""
        claimant = self._source_line_claimant(paragraphs) or self._signature_claimant(paragraphs)
        if claimant is None:
            return
        for draft in self.drafts:
            if draft.attribution is None and draft.claimant is None:
                draft.claimant = resolve_generic(claimant, draft.subject, None)
                count_deaths(draft)
                if draft.claimant == GENERAL_STAFF and draft.as_of is None:
                    draft.as_of = self.gs_day or self.published

    def _source_line_claimant(self, paragraphs: list[Paragraph]) -> str | None:
        for paragraph in paragraphs:
            line = self.text[paragraph.start : paragraph.end].lower()
            label = next((m for m in self.lex.source_labels if line.startswith(m)), None)
            if label is None:
                continue
            named = self._named_entities(paragraph.start + len(label), paragraph.end)
            if named:
                return named[0].claimant  # the first source line speaks for the text
        return None

    def _signature_claimant(self, paragraphs: list[Paragraph]) -> str | None:
        """The claimant of a last line that names one speaker and says nothing else."""
        last = next((p for p in reversed(paragraphs) if not p.boilerplate), None)
        if last is None or not self.drafts or last.start <= self.drafts[-1].start:
            return None
        tokens = tokenize(self.text, last.start, last.end, self.lex.flags)
        named = self._named_entities(last.start, last.end, tokens)
        words = [k for k, token in enumerate(tokens) if token.kind != "punct"]
        if len(named) != 1 or not words:
            return None
        whole = named[0].first <= words[0] and named[0].last >= words[-1] + 1
        return named[0].claimant if whole else None

    def _named_entities(
        self, start: int, end: int, tokens: list[Token] | None = None
    ) -> list[Entity]:
        """The entities in ``text[start:end]`` that name a claimant."""
        if tokens is None:
            tokens = tokenize(self.text, start, end, self.lex.flags)
        entities = self.attributions.entities(tokens, self.memory)
        return [e for e in entities if e.claimant not in (None, "RELAY")]

    def _inherit_headline_claimants(self, drafts: list[Draft]) -> None:
        """A headline's unattributed figure takes the claimant the body gives that side."""
        first_by_side: dict[str, Draft] = {}
        first_body: Draft | None = None
        for draft in drafts:
            if not draft.headline and draft.claimant is not None:
                first_by_side.setdefault(draft.subject, draft)
                first_body = first_body or draft
        for draft in drafts:
            if not draft.headline:
                continue
            if draft.claimant is not None:
                # "Kyiv says up to 13,000 …": the headline's speaker is the body's, who spoke
                # on the day the body names
                source = first_by_side.get(draft.subject)
                if source is not None and _names_generically(draft, source):
                    draft.claimant = source.claimant  # "Rusia afirma …": the ministry of the body
                if source is None or source.claimant != draft.claimant:
                    continue
                if draft.as_of is None and draft.claimant != GENERAL_STAFF:
                    draft.as_of = source.as_of
                continue
            source = first_by_side.get(draft.subject, first_body)
            if source is None:
                continue
            draft.claimant = source.claimant
            count_deaths(draft)  # "Потери России: 113 тысяч имен" over Mediazona's count
            if (
                draft.as_of is None
                and source.claimant == GENERAL_STAFF
                and draft.basis in ("cumulative", "daily")
            ):
                draft.as_of = self.gs_day or source.as_of or self.published
            elif draft.as_of is None and source.claimant != GENERAL_STAFF:
                draft.as_of = source.as_of  # the headline tells the body's statement


def _names_generically(headline: Draft, body: Draft) -> bool:
    """ "Rusia afirma que …" over a body quoting Russia's MoD: the headline's generic Russia is
    the ministry (a generic Ukraine already tells the General Staff from the government)."""
    return headline.claimant_raw == "RU_GENERIC" and body.claimant == "RU_MOD"
