"""The records a sentence is read into: figures, noun phrases, and a sentence's findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from attrition.extract.dates import DateMention
from attrition.extract.numbers import NumberMention
from attrition.extract.rules import Noun
from attrition.extract.tokens import Token

PERSON_CATEGORIES: Final = frozenset({"personnel", "killed", "wounded", "captured", "missing"})


@dataclass(slots=True)
class Figure:
    """One loss figure in a sentence, before side, claimant and dates are resolved."""

    mention: NumberMention
    value: int | None
    low: int | None
    high: int | None
    category: str
    rule_id: str
    first: int  # token span of the figure phrase (qualifier … noun)
    last: int
    clause: int
    qualifier: str = "exact"
    qualifier_explicit: bool = False
    side_hint: str | None = None
    person: bool = False
    via_lose: bool = False  # personnel only because of "lost"/"losing"
    explicit_category: bool = False  # killed/wounded said in so many words
    basis_hint: str | None = None
    basis_rule: str | None = None
    date_hint: DateMention | None = None
    noun_first: int = -1
    noun_last: int = -1
    chained: bool = False  # borrowed its noun from a later figure ("1,500, 1,330 and 1,400 troops")


@dataclass(slots=True)
class NounPhrase:
    """A category noun with what the words around it add."""

    noun: Noun
    first: int  # the noun's tokens
    last: int
    side: str | None = None
    category: str | None = None
    rule_id: str = ""
    explicit: bool = False
    via_lose: bool = False


@dataclass(slots=True)
class SentenceFigures:
    """The figures of one sentence and what later stages need to read around them."""

    tokens: list[Token]
    figures: list[Figure]
    dates: list[DateMention]
    clause_of: list[int]
    phrases: list[NounPhrase] = field(default_factory=list)
