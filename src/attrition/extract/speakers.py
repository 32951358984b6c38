"""Who speaks: the records of a mention and an attribution, the memory of who spoke last,
and how a generic source ("Ukraine says", "the ministry") becomes a claimant.

``claimants.AttributionReader`` finds them in a sentence; the extraction walk keeps the
``Memory`` and resolves placeholders with ``resolve_generic`` once it knows whose losses a
figure counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Final

from attrition.extract.dates import DateMention

# Placeholders a lexicon may name instead of a claimant, resolved per figure.
GENERIC: Final = frozenset({"UA_GENERIC", "RU_GENERIC", "MINISTRY"})
# Claimant values that name no one: the placeholders, and an outlet relaying another's figure.
UNNAMED: Final = GENERIC | {"RELAY"}


@dataclass(slots=True)
class Entity:
    """A mention of someone who can make a claim."""

    claimant: str | None  # a claimant code, a placeholder (UA_GENERIC …) or None (unknown)
    kind: str  # "org" or "person"
    first: int
    last: int
    rule_id: str
    name: str = ""


@dataclass(slots=True)
class Attribution:
    """A cue joined to its entity: who a stretch of text says is speaking."""

    claimant: str | None
    cue: int  # token index of the cue, for distances
    rule_id: str
    entity: Entity | None = None
    date: DateMention | None = None
    kind: str = "org"
    anaphor: str | None = None  # "source" for "the report said", "person" for "he said" …


@dataclass
class Memory:
    """The last entities of each kind, for anaphors, and the day each claimant spoke."""

    last_person: Attribution | None = None
    last_org: Attribution | None = None
    last_source: Attribution | None = None
    names: dict[str, str | None] = field(default_factory=dict)
    last_ministry: str | None = None
    spoke_on: dict[str, dt.date | None] = field(default_factory=dict)

    def remember(self, attribution: Attribution) -> None:
        """Record an attribution as the latest of its kind."""
        if attribution.kind == "person":
            self.last_person = attribution
        else:
            self.last_org = attribution
        self.last_source = attribution

    def resolve(self, kind: str) -> Attribution | None:
        """What an anaphor of ``kind`` refers to."""
        if kind == "person":
            return self.last_person or self.last_org
        if kind == "org":
            return self.last_org or self.last_source
        return self.last_source


def speaker_key(attribution: Attribution) -> str:
    """Who spoke, for carrying the day of a statement: a person by name, else the claimant."""
    entity = attribution.entity
    if attribution.kind == "person" and entity is not None and entity.name:
        return "person:" + entity.name.split()[-1]
    return f"org:{attribution.claimant}"


def resolve_generic(
    claimant: str | None, subject: str | None, memory_hint: str | None
) -> str | None:
    """A generic source made specific (docs/extraction.md, "Claimants").

    "Ukraine says" is the General Staff when the figure is Russia's loss (its
    tally), else the government; "Russia says" is the Ministry of Defence for
    Russia's own toll, else the government; an unnamed ministry is the last
    named one, or the side's usual reporter of the other side's losses.
    """
    if claimant == "UA_GENERIC":
        return "UA_GENERAL_STAFF" if subject == "RU" else "UA_GOV"
    if claimant == "RU_GENERIC":
        # "hieß es in Moskau" right after the ministry's bulletin: the ministry still speaks
        return "RU_MOD" if subject == "RU" or memory_hint == "RU_MOD" else "RU_GOV"
    if claimant == "MINISTRY":
        if memory_hint in ("RU_MOD", "UA_GENERAL_STAFF", "UK_MOD", "US_GOV"):
            return memory_hint
        if subject == "UA":
            return "RU_MOD"
        if subject == "RU":
            return "UA_GENERAL_STAFF"
        return None
    return claimant


CLAIMANT_SIDE: Final = {
    "UA_GENERAL_STAFF": "UA",
    "UA_GOV": "UA",
    "UA_GENERIC": "UA",
    "RU_MOD": "RU",
    "RU_GOV": "RU",
    "RU_GENERIC": "RU",
}


# The claimants whose statements are dated bulletins: a wire story's lead relays the day's.
BULLETIN_CLAIMANTS: Final = frozenset({"RU_MOD", "UA_GENERAL_STAFF"})


def dated_by(attribution: Attribution, day: DateMention) -> Attribution:
    """A bulletin's statement dated ``day`` (a wire dateline's) unless it names a day of its
    own; anyone else's statement in the lead keeps none (a think tank's total is undated)."""
    if attribution.date is not None or attribution.claimant not in BULLETIN_CLAIMANTS:
        return attribution
    return replace(attribution, date=day)


def dated(chosen: Attribution | None, others: list[Attribution]) -> Attribution | None:
    """ "Mediazona has confirmed …, the outlets said on Friday": one speaker, one day."""
    if chosen is None or chosen.date is not None:
        return chosen
    for other in others:
        if other.date is not None and other.claimant == chosen.claimant:
            return replace(chosen, date=other.date)
    return chosen
