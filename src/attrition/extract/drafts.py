"""A claim under construction, and how repetitions of one figure fold into one claim."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final

from attrition.extract.records import PERSON_CATEGORIES, Figure
from attrition.extract.speakers import Attribution

GENERAL_STAFF: Final = "UA_GENERAL_STAFF"
# A figure this large repeated in one text is the same figure; small ones ("two cars"
# in three front-line reports) are separate events unless their sentences match.
DISTINCT_VALUE: Final = 100
# Person figures this large with the same value are one figure named two ways
# ("20,900 men" lost and "20,900 soldiers killed"); as for DISTINCT_VALUE.
SAME_PERSON_FIGURE: Final = 100
# A figure repeated in more sentences than this is a common small number, not a restatement.
RESTATEMENT_FANOUT: Final = 8
# Claimants whose counts are of the dead only (Mediazona with BBC Russian list named
# deaths), so a figure they give for people "lost" is a death toll (SCHEMA.md).
COUNTS_DEATHS: Final = frozenset({"MEDIAZONA"})


@dataclass
class Draft:
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
    merged: list[Draft] = field(default_factory=list)
    unsided_people: bool = False  # "four people were killed": no side anywhere near


def count_deaths(draft: Draft) -> None:
    """A count of named dead (Mediazona's) in people or personnel: their "lost" means dead."""
    figure = draft.figure
    counts_deaths = draft.claimant in COUNTS_DEATHS and figure.category == "personnel"
    if counts_deaths and figure.rule_id.startswith(("noun.pe", "pred.personnel")):
        figure.category = "killed"
        figure.rule_id = "claimant.counts_deaths:" + figure.rule_id.split(":")[-1]


def figure_key(draft: Draft) -> tuple[object, ...]:
    figure = draft.figure
    return (draft.subject, figure.category, figure.value, figure.low, figure.high)


def restated_sentences(drafts: list[Draft]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of sentences that share two or more figures: the later one restates the earlier.

    "destroyed 15 warships and damaged 12 others" and, in a quote, "15 destroyed and 12
    damaged ships" are one statement told twice; two unrelated "two cars" are not.
    """
    sentences_of: dict[tuple[object, ...], list[tuple[int, int]]] = {}
    for draft in drafts:
        found = sentences_of.setdefault(figure_key(draft), [])
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


def same_figure(a: Draft, b: Draft, restated: set[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    fa, fb = a.figure, b.figure
    if a.subject != b.subject or (fa.value, fa.low, fa.high) != (fb.value, fb.low, fb.high):
        return False
    if a.sentence == b.sentence and ":increment" not in fa.rule_id + fb.rule_id:
        return False  # "1 destroyed, 1 damaged": two figures of one sentence are two claims
    size = fa.value if fa.value is not None else fa.high or 0
    same_text = a.text_key == b.text_key or (a.sentence, b.sentence) in restated
    if fa.category == fb.category:
        # "destroyed 14 artillery systems over the past day" and the list's "(+14)": the
        # same day's figure of the same report, told in prose and in the tally
        day_twice = (
            a.basis == b.basis == "daily"
            and a.claimant is not None
            and (a.claimant, a.as_of) == (b.claimant, b.as_of)
            and ":increment" in fa.rule_id + fb.rule_id
        )
        return same_text or size >= DISTINCT_VALUE or a.headline or b.headline or day_twice
    both_people = fa.category in PERSON_CATEGORIES and fb.category in PERSON_CATEGORIES
    one_general = "personnel" in (fa.category, fb.category)
    # "Russia has lost at least eight generals" over "eight generals killed in action": a
    # headline's people are the body's, however few
    return both_people and one_general and (size >= SAME_PERSON_FIGURE or a.headline or b.headline)


def absorb(kept: Draft, other: Draft) -> None:
    """Fold a repetition into the first mention, keeping the more specific details."""
    fk, fo = kept.figure, other.figure
    if fk.category == "personnel" and fo.category != "personnel":
        fk.category = fo.category
        fk.rule_id = fo.rule_id
    if kept.headline and not other.headline:
        fk.qualifier = fo.qualifier  # the body says it more carefully than the headline
        if fo.rule_id.startswith("pred.") and fo.category in PERSON_CATEGORIES:
            fk.category, fk.rule_id = fo.category, fo.rule_id  # "killed and wounded" in full
        if other.claimant is not None:
            kept.claimant = other.claimant
            kept.as_of = other.as_of if other.as_of is not None else kept.as_of
    if kept.claimant is None and other.claimant is not None:
        kept.claimant = other.claimant
    if not kept.basis_explicit and other.basis_explicit:
        kept.basis, kept.basis_explicit = other.basis, True
    if kept.as_of is None and other.as_of is not None:
        kept.as_of = other.as_of
    kept.merged.append(other)
