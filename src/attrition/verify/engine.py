"""Claims × ledger → verdicts: match, rounded, stale, contradicts, unverifiable.

A claim is held against its claimant's own series (docs/verification.md):

1. ``match``: the figure equals the series on the reference day or a day either
   side of it (a report is published the morning after the losses it counts,
   and relayed the day after that); the report the article's other figures
   match is tried first, so one article is read against one report.
2. ``rounded``: on one of those days, the figure is the series figure rounded
   as its qualifier allows (``rounding.py``), or a stated range holds it.
3. ``stale``: the figure equals (or rounds) the series of an earlier day, up to
   ``STALE_MAX_DAYS`` before; the verdict says how many days old it is.
4. ``contradicts``: none of the above; the expected figure is the report's,
   and the error models (``errors_models.py``) look for how the figure arose.
5. ``unverifiable``: the claimant publishes no such series (or the claim is a
   rate or a period total), with the figures the ledger holds beside it.

The reference day is the article's date when known, else the date the text
gives (``as_of``), else the report day the article's figures resolve to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Final

from attrition.taxonomy import CLAIMANT_SIDES
from attrition.verify.building import (
    ONE_DAY,
    Reference,
    claim_figure,
    describe_context,
    figure_days,
    gather_evidence,
    held_figures,
    make_verdict,
)
from attrition.verify.context import Series, VerifyContext
from attrition.verify.dates import report_days, report_window, resolve_report_dates
from attrition.verify.errors_models import Candidate, explain_figure
from attrition.verify.periods import judge_basis
from attrition.verify.rounding import describe_rounding, rounding_unit
from attrition.verify.verdicts import (
    CONTRADICTS,
    MATCH,
    ROUNDED,
    STALE,
    UNVERIFIABLE,
    ClaimLike,
    ClaimRecord,
    HeldFigure,
    Verdict,
)
from attrition.verify.wording import name_claimant, name_day, name_figure, name_losses

# How far back an equal figure still counts as the same figure quoted late. The
# dev set's stale misquote is 11 days old; weekly and monthly round-ups quote
# figures up to a month or two old. Further back, a small figure that equals an
# old day's is more often a coincidence than a stale quote.
STALE_MAX_DAYS: Final = 62
# Daily increments repeat by chance (+5 tanks comes round every few weeks), so
# a daily figure is only called stale when it is from the last week.
DAILY_STALE_MAX_DAYS: Final = 7
# Claimants whose totals have a breakdown the ledger does not keep: a smaller
# figure may be one part ("624 destroyed" of Oryx's 1,008 tanks), so it cannot
# be said to contradict the total.
UNKEPT_BREAKDOWNS: Final = {"ORYX": "by status (destroyed, damaged, abandoned, captured)"}
# An undated figure that equals the other side's tally on some day is still a
# misattribution when it is precise: five digits or more and not rounded
# beyond the ten. The General Staff's personnel tally takes ~1,600 distinct
# values between 2,800 and 1.1 million, so a precise figure meets one of them
# by chance about once in 700; round figures (35,000) meet them far more often.
DISTINCTIVE_MIN: Final = 10_000
DISTINCTIVE_MAX_UNIT: Final = 10
# Bases the ledger has series for; rates and period totals have none.
CHECKABLE_BASES: Final = ("cumulative", "daily")


def evaluate_claims(
    claims: Sequence[ClaimLike], context: VerifyContext, *, published: dt.date | None = None
) -> list[Verdict]:
    """A verdict for each claim, in order, read as one article published on ``published``."""
    records = [ClaimRecord.of(claim) for claim in claims]
    anchors = report_days(records, context, published=published)
    resolved = (
        {c: found.day for c, found in resolve_report_dates(records, context).items()}
        if published is None
        else {}
    )
    verdicts = []
    for record in records:
        reference = _reference(record, published, resolved)
        anchor = anchors.get(record.claimant or "")
        verdicts.append(evaluate_claim(record, context, reference=_with_anchor(reference, anchor)))
    if published is None:
        # An undated article whose claimant turned out to quote the other side's
        # tally of day D: its other undated figures are read as of D too.
        misattributed = {
            v.claimant: v.matched_date
            for v in verdicts
            if v.error_model == "other_claimant" and v.series_claimant != v.claimant
        }
        for index, record in enumerate(records):
            day = misattributed.get(record.claimant)
            if day is not None and record.as_of is None and verdicts[index].reference_date is None:
                verdicts[index] = evaluate_claim(
                    record, context, reference=Reference(day, "resolved")
                )
    return verdicts


def _reference(
    claim: ClaimRecord, published: dt.date | None, resolved: dict[str, dt.date]
) -> Reference:
    if published is not None:
        return Reference(published, "published")
    if claim.as_of is not None:
        return Reference(claim.as_of, "as_of")
    if claim.claimant in resolved:
        return Reference(resolved[claim.claimant], "resolved")
    if claim.claimant is None and len(set(resolved.values())) == 1:
        return Reference(next(iter(resolved.values())), "resolved")
    return Reference(None, "none")


def _with_anchor(reference: Reference, anchor: dt.date | None) -> Reference:
    return Reference(reference.day, reference.source, anchor)


def evaluate_claim(claim: ClaimLike, context: VerifyContext, *, reference: Reference) -> Verdict:
    """The verdict for one claim held against ``reference`` (see the module's rules)."""
    return _judge_claim(ClaimRecord.of(claim), context, reference)


def _judge_claim(claim: ClaimRecord, context: VerifyContext, reference: Reference) -> Verdict:
    if claim.value is None and (claim.low is None or claim.high is None):
        return make_verdict(claim, UNVERIFIABLE, "The claim states no figure to check.")
    if claim.basis not in CHECKABLE_BASES:
        return judge_basis(claim, context, reference)
    if claim.claimant is None:
        return _judge_unattributed(claim, context, reference)
    series = context.find(claim.claimant, claim.subject, claim.category)
    if series is None:
        return _judge_without_series(claim, context, reference)
    return _judge(claim, context, claim.claimant, series, reference)


# --- the checks ----------------------------------------------------------------------------


def _judge(
    claim: ClaimRecord,
    context: VerifyContext,
    claimant: str,
    series: Series,
    reference: Reference,
    *,
    lead: str = "",
) -> Verdict:
    """Hold ``claim`` against ``claimant``'s ``series``: match, rounded, stale or contradicts."""
    who = name_claimant(claimant)
    losses = name_losses(claim.subject, context.series_category(claimant, claim.category))
    if reference.day is None:
        return make_verdict(
            claim,
            UNVERIFIABLE,
            f"{lead}The article has no date and its figures match no single report of "
            f"{who}, so there is no day to hold {claim_figure(claim)} against.",
            series_claimant=claimant,
        )
    window = figure_days(series, reference.window(), claim.basis)
    evidence = gather_evidence(claim, context, reference.day, claimant)
    if not window:
        span = f"{series.first} to {series.last}" if series.first else "no days"
        return make_verdict(
            claim,
            UNVERIFIABLE,
            f"{lead}{who}'s series of {losses} covers {span}, with no figure within a day of "
            f"{reference.day.isoformat()}.",
            series_claimant=claimant,
            reference_date=reference.day,
            evidence=evidence,
        )
    held = held_figures(context, claimant, claim, window)
    common = {
        "series_claimant": claimant,
        "reference_date": reference.day,
        "held_against": held,
        "evidence": evidence,
    }
    stated = claim_figure(claim)

    # The article's report first (exact, then rounded), so one article is read
    # against one report; then the rest of the window the same way.
    anchored = [pair for pair in window if pair[0] == reference.anchor]
    for days in (anchored, window):
        found = _match_or_round(claim, context, claimant, days, reference, lead=lead)
        if found is not None:
            verdict, day, value, explanation = found
            return make_verdict(
                claim,
                verdict,
                explanation,
                expected=value,
                matched_date=day,
                **{**common, "evidence": gather_evidence(claim, context, day, claimant)},
            )

    if claim.as_of is not None and claim.value is not None:
        # The text's own date is later than the article's: trust the text's date.
        latest = max(reference.window())
        for day, value in figure_days(series, report_window(claim.as_of), claim.basis):
            if day > latest and value == claim.value:
                return make_verdict(
                    claim,
                    MATCH,
                    f"{lead}{who} reported {name_figure(value, claim.basis)} {losses} in its "
                    f"report of {name_day(day, reference.day, reference.source)}, the date the "
                    "text gives.",
                    expected=value,
                    matched_date=day,
                    **{
                        **common,
                        "held_against": held_figures(context, claimant, claim, [(day, value)]),
                    },
                )

    stale = _find_stale(claim, series, reference)
    if stale is not None:
        day, value, how = stale
        days_old = (reference.day - day).days
        current = series.figure(reference.day, claim.basis)
        now = f", when the figure was {name_figure(current, claim.basis)}" if current else ""
        rounded = f" ({how})" if how else ""
        return make_verdict(
            claim,
            STALE,
            f"{lead}{stated} is {who}'s figure for {losses} of {day.isoformat()}{rounded}, "
            f"{days_old} days before {name_day(reference.day, reference.day, reference.source)}"
            f"{now}.",
            expected=current if current is not None else window[0][1],
            matched_date=day,
            days_old=days_old,
            **{
                **common,
                "held_against": (*held, *held_figures(context, claimant, claim, [(day, value)])),
            },
        )
    breakdown = UNKEPT_BREAKDOWNS.get(claimant)
    if breakdown and claim.value is not None and claim.value < max(v for _, v in window):
        day, value = window[0]
        return make_verdict(
            claim,
            UNVERIFIABLE,
            f"{lead}{who}'s total was {name_figure(value, claim.basis)} {losses} on "
            f"{name_day(day, reference.day, reference.source)}; the ledger does not keep its "
            f"breakdown {breakdown}, and {claim_figure(claim)} may be one part of it.",
            expected=value,
            **common,
        )
    for day, value in window:
        parts = context.summed_parts(claimant, claim.subject, claim.category, day)
        if parts and claim.value is not None and claim.value < value:
            # The report gave the parts separately; the ledger keeps only their sum.
            return make_verdict(
                claim,
                UNVERIFIABLE,
                f"{lead}{who}'s report of {day.isoformat()} gave {parts} separately and the "
                f"ledger holds only their sum, {name_figure(value, claim.basis)} {losses}; "
                f"{claim_figure(claim)} may be one of them.",
                expected=value,
                **common,
            )
    return _contradicts(claim, context, claimant, series, reference, common, lead=lead)


def _match_or_round(
    claim: ClaimRecord,
    context: VerifyContext,
    claimant: str,
    days: Sequence[tuple[dt.date, int]],
    reference: Reference,
    *,
    lead: str,
) -> tuple[str, dt.date, int, str] | None:
    """The first day the figure equals, else rounds: (verdict, day, expected, explanation)."""
    who = name_claimant(claimant)
    losses = name_losses(claim.subject, context.series_category(claimant, claim.category))
    for day, value in days:
        alternates = context.alternate_figures(claimant, claim.subject, claim.category, day)
        if claim.value is not None and (claim.value == value or claim.value in alternates):
            note = "" if claim.value == value else f" (one transcription; the other has {value:,})"
            return (
                MATCH,
                day,
                claim.value,
                f"{lead}{who} reported {name_figure(claim.value, claim.basis)} {losses} in its "
                f"report of {name_day(day, reference.day, reference.source)}{note}.",
            )
    for day, value in days:
        how = describe_rounding(claim.value, claim.low, claim.high, claim.qualifier, value)
        if how:
            figure = name_figure(value, claim.basis)
            return (
                ROUNDED,
                day,
                value,
                f"{lead}{claim_figure(claim)} is {figure} {how}: {who} reported {figure} "
                f"{losses} on {name_day(day, reference.day, reference.source)}.",
            )
    return None


def _find_stale(
    claim: ClaimRecord, series: Series, reference: Reference
) -> tuple[dt.date, int, str | None] | None:
    """The most recent earlier day whose figure the claim equals, else rounds; or None."""
    assert reference.day is not None
    earliest = min(reference.window())
    if claim.as_of is not None and claim.as_of < earliest:
        # The text dates the figure itself: an equal figure on that day is stale at any age.
        for day, value in figure_days(series, report_window(claim.as_of), claim.basis):
            if day < earliest and claim.value == value:
                return day, value, None
    limit = DAILY_STALE_MAX_DAYS if claim.basis == "daily" else STALE_MAX_DAYS
    first_rounding: tuple[dt.date, int, str | None] | None = None
    for back in range(1, limit + 1):
        day = earliest - dt.timedelta(days=back)
        found = series.figure(day, claim.basis)
        if found is None:
            continue
        if claim.value == found:
            return day, found, None
        if first_rounding is None:
            how = describe_rounding(claim.value, claim.low, claim.high, claim.qualifier, found)
            if how:
                first_rounding = (day, found, how)
    return first_rounding


def _candidates(
    claim: ClaimRecord, context: VerifyContext, claimant: str, days: Sequence[dt.date]
) -> list[Candidate]:
    """Every ledger figure near the claim's day a misquote could come from."""
    out: list[Candidate] = []
    own_category = context.series_category(claimant, claim.category)
    basis = claim.basis

    def add(relation: str, who: str, subject: str, category: str, day: dt.date, b: str) -> None:
        held = context.held(who, subject, category, day, b)
        if held is not None:
            out.append(Candidate(relation, held))

    for day in days:
        add("same", claimant, claim.subject, claim.category, day, basis)
        other_basis = "daily" if basis == "cumulative" else "cumulative"
        add(
            "daily" if basis == "cumulative" else "total",
            claimant,
            claim.subject,
            claim.category,
            day,
            other_basis,
        )
        for category in context.categories_of(claimant, claim.subject):
            if category != own_category:
                add("category", claimant, claim.subject, category, day, basis)
        other_side = "UA" if claim.subject == "RU" else "RU"
        for who in context.claimants_for(other_side, claim.category):
            add("side", who, other_side, claim.category, day, basis)
        for who in context.claimants_for(claim.subject, claim.category):
            if who != claimant:
                add("claimant", who, claim.subject, claim.category, day, basis)
    return out


def _contradicts(
    claim: ClaimRecord,
    context: VerifyContext,
    claimant: str,
    series: Series,
    reference: Reference,
    common: dict[str, Any],
    *,
    lead: str,
) -> Verdict:
    assert reference.day is not None
    report = reference.anchor if reference.anchor in reference.window() else reference.day
    expected_day = (
        report
        if series.figure(report, claim.basis) is not None
        else common["held_against"][0].as_of
    )
    expected = series.figure(expected_day, claim.basis)
    assert expected is not None
    before = series.figure(expected_day - ONE_DAY, claim.basis)
    who = name_claimant(claimant)
    losses = name_losses(claim.subject, context.series_category(claimant, claim.category))
    said = (
        f"{who} reported {name_figure(expected, claim.basis)} {losses} on "
        f"{name_day(expected_day, reference.day, reference.source)}"
    )
    if before is not None and before != expected:
        said += f" ({name_figure(before, claim.basis)} the day before)"
    explanations = []
    if claim.value is not None:
        days = report_window(expected_day)
        explanations = explain_figure(claim.value, _candidates(claim, context, claimant, days))
    if explanations:
        best = explanations[0]
        reason = f"{claim_figure(claim)} {best.phrase}"
        model: str | None = best.model
        extra: tuple[HeldFigure, ...] = (best.source,)
    else:
        reason = f"no explanation found for {claim_figure(claim)}"
        model, extra = None, ()
    held = common["held_against"]
    return make_verdict(
        claim,
        CONTRADICTS,
        f"{lead}{said}; {reason}.",
        expected=expected,
        matched_date=None,
        error_model=model,
        **{
            **common,
            "held_against": (*held, *(f for f in extra if f not in held)),
            "evidence": gather_evidence(claim, context, expected_day, claimant),
        },
    )


def _judge_unattributed(
    claim: ClaimRecord, context: VerifyContext, reference: Reference
) -> Verdict:
    """A figure the text attributes to no one: checked against whoever has a series for it."""
    for claimant in context.claimants_for(claim.subject, claim.category):
        series = context.find(claimant, claim.subject, claim.category)
        assert series is not None
        verdict = _judge(
            claim,
            context,
            claimant,
            series,
            reference,
            lead=f"The text names no source; held against {name_claimant(claimant)}: ",
        )
        if verdict.verdict in (MATCH, ROUNDED, STALE):
            return verdict
    evidence = gather_evidence(claim, context, reference.day, None)
    return make_verdict(
        claim,
        UNVERIFIABLE,
        f"The text names no source for {claim_figure(claim)} and it fits no series; "
        f"{describe_context(evidence, claim)}.",
        reference_date=reference.day,
        evidence=evidence,
    )


def _judge_without_series(
    claim: ClaimRecord, context: VerifyContext, reference: Reference
) -> Verdict:
    """No series of the claimant's: a misattribution when it is the other side's tally."""
    claimant = claim.claimant or ""
    days = [reference.day] if reference.day else []
    if claim.as_of is not None and claim.as_of != reference.day:
        days.append(claim.as_of)
    evidence = gather_evidence(claim, context, claim.as_of or reference.day, claimant)
    side = CLAIMANT_SIDES.get(claimant)
    for other in context.claimants_for(claim.subject, claim.category):
        other_side = CLAIMANT_SIDES.get(other)
        if side is None or other_side is None or other_side == side or claim.value is None:
            continue
        series = context.find(other, claim.subject, claim.category)
        assert series is not None
        matches = [
            (day, value)
            for base in days
            for day, value in figure_days(series, report_window(base), claim.basis)
            if value == claim.value
        ]
        if not matches and _is_distinctive(claim):
            matches = [(day, claim.value) for day in series.days_with(claim.value)[-1:]]
        for day, value in matches:
            held = held_figures(context, other, claim, [(day, value)])
            return make_verdict(
                claim,
                CONTRADICTS,
                f"{claim_figure(claim)} is {name_claimant(other)}'s figure for "
                f"{name_losses(claim.subject, claim.category)} of {day.isoformat()}; "
                f"{name_claimant(claimant)} publishes no such figure, so the attribution "
                "looks wrong.",
                expected=None,
                matched_date=day,
                reference_date=reference.day,
                error_model="other_claimant",
                series_claimant=other,
                held_against=held,
                evidence=evidence,
            )
    return make_verdict(
        claim,
        UNVERIFIABLE,
        f"attrition holds no series of {name_claimant(claimant)} for "
        f"{name_losses(claim.subject, claim.category)}; {describe_context(evidence, claim)}.",
        reference_date=reference.day,
        evidence=evidence,
    )


def _is_distinctive(claim: ClaimRecord) -> bool:
    """A running total precise enough that equalling a tally on any day is no coincidence."""
    return (
        claim.basis == "cumulative"
        and claim.value is not None
        and claim.value >= DISTINCTIVE_MIN
        and rounding_unit(claim.value) <= DISTINCTIVE_MAX_UNIT
    )
