"""Reconcile: several transcriptions of one claimant's series become one reconciled view.

Two volunteers transcribe the General Staff's daily report; they agree on all
but about 0.7 % of values. For every day and category the reconciled view
holds the value the transcriptions agree on, or, where they disagree, the one
that fits the series: it must lie between the neighbouring agreed days (a
cumulative count cannot go backwards) and imply plausible daily changes. What
the series cannot settle stays visible as an unresolved disagreement.

The same pass lists the days on which a reconciled cumulative series
decreases (the General Staff's own corrections) and the days whose increment
is an outlier against its neighbourhood (robust z-score).

``reconcile_figures`` is pure; ``load_*`` read the ledger once and call it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, NamedTuple

import sqlalchemy as sa

from attrition.ledger.observations import ClaimantFigure, read_claimant_figures
from attrition.taxonomy import SERIES_BREAKS

DEFAULT_CLAIMANT = "UA_GENERAL_STAFF"
CORRECTION_BASIS = "correction"

# Days on either side whose agreed increments describe "normal" for a day.
# Two weeks follow the tempo of the war (daily drone losses grew 100-fold
# between 2022 and 2026) while holding enough days for a median.
NEIGHBOURHOOD_DAYS = 14
# 0.6745 · (x − median) / MAD is the modified z-score of Iglewicz and Hoaglin;
# they recommend 3.5 as the outlier line, which we use for daily increments.
OUTLIER_Z = 3.5
# When both disputed values fit between the agreed neighbours, one is chosen
# only if its implied daily changes stay within PLAUSIBLE_Z (robust z against
# the neighbourhood) while the other's go beyond IMPLAUSIBLE_Z. Evidence: on
# 2,000 errors injected into the bundled series (digit slips, swaps, drops,
# doublings, stale and next-day copies, ±1..3, ±10; benchmarks/bench_reconcile.py),
# the neighbour rule alone resolves 68.5 % with none wrong; adding 2.0/3.0
# resolves 73.5 %, still none wrong; 1.5/2.0 resolves 76.4 % with 1 wrong,
# 3.5/3.5 74.1 % with 3 wrong, 1.0/1.0 78.1 % with 16 wrong.
PLAUSIBLE_Z = 2.0
IMPLAUSIBLE_Z = 3.0
# A bursty series needs this many days with losses in a neighbourhood before a
# day's losses can be called unusual against them.
SPARSE_MIN_EVENTS = 5
# A transcription whose row for a day repeats the previous day's agreed figures in
# at least two thirds of that day's disputed categories that normally move every
# day (and at least three of them) copied a stale row: its other figures that day
# are not to be trusted either. In the bundled data this singles out gs-minfin on
# 2025-05-11; counting slow categories too misfired on 1 of 2,000 injected errors.
STALE_ROW_MIN_CATEGORIES = 3
STALE_ROW_SHARE = 2 / 3
# A neighbourhood where every increment is equal has MAD 0; counting in whole
# units, a spread of one item per day is the smallest meaningful one.
MIN_MAD = 1.0
MAD_TO_Z = 0.6745


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Transcriptions giving different values for one day, and how it was settled."""

    date: dt.date
    subject: str
    category: str
    values: dict[str, int]
    resolved: int | None
    reason: str
    # Which rule settled it, in a few words, for tables: "fits neighbours",
    # "stale row", "daily change", "both fit", "neither fits".
    rule: str = ""

    @property
    def likely_errors(self) -> list[str]:
        """Transcriptions whose value is the likely transcription error."""
        if self.resolved is None:
            return []
        return sorted(source for source, value in self.values.items() if value != self.resolved)

    def as_dict(self) -> dict[str, Any]:
        """The stable ``reconcile --json`` shape of one disagreement."""
        return {
            "date": self.date.isoformat(),
            "category": self.category,
            "values": dict(sorted(self.values.items())),
            "resolved": self.resolved,
            "reason": self.reason,
        }


class SeriesPoint(NamedTuple):
    """What the claimant said for one day: the reconciled value and who supports it."""

    date: dt.date
    value: int
    change: int | None
    sources: tuple[str, ...]
    qualifier: str = "exact"
    disagreement: Disagreement | None = None

    @property
    def status(self) -> str:
        """``agreed`` (all transcriptions), ``single``, ``resolved`` or ``unresolved``."""
        if self.disagreement is None:
            return "agreed" if len(self.sources) > 1 else "single"
        return "unresolved" if self.disagreement.resolved is None else "resolved"


@dataclass(frozen=True, slots=True)
class Decrease:
    """A day on which a reconciled cumulative series goes down."""

    date: dt.date
    subject: str
    category: str
    previous: int
    value: int
    change: int
    correction: int | None
    note: str

    def as_dict(self) -> dict[str, Any]:
        """JSON shape of one decrease."""
        return {
            "date": self.date.isoformat(),
            "category": self.category,
            "previous": self.previous,
            "value": self.value,
            "change": self.change,
            "correction": self.correction,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Outlier:
    """A day whose increment is far from its neighbourhood's (robust z-score)."""

    date: dt.date
    subject: str
    category: str
    change: int
    median: float
    mad: float
    z: float
    note: str

    def as_dict(self) -> dict[str, Any]:
        """JSON shape of one outlier."""
        return {
            "date": self.date.isoformat(),
            "category": self.category,
            "change": self.change,
            "median": self.median,
            "mad": self.mad,
            "z": round(self.z, 1),
            "note": self.note,
        }


@dataclass
class ReconciledLedger:
    """Every reconciled series of one claimant, and what reconciling them found."""

    claimant: str
    series: dict[tuple[str, str], list[SeriesPoint]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    compared: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)
    decreases: list[Decrease] = field(default_factory=list)
    outliers: list[Outlier] = field(default_factory=list)

    @property
    def unresolved(self) -> list[Disagreement]:
        """Disagreements the series could not settle."""
        return [d for d in self.disagreements if d.resolved is None]

    def table(self) -> dict[tuple[str, str], dict[dt.date, int]]:
        """(subject, category) → {date: reconciled value}: the fast lookup for checking claims."""
        return {key: {p.date: p.value for p in points} for key, points in self.series.items()}

    def alternates(self) -> dict[tuple[str, str], dict[dt.date, frozenset[int]]]:
        """(subject, category) → {date: the other transcriptions' values} where they disagree."""
        found: dict[tuple[str, str], dict[dt.date, frozenset[int]]] = defaultdict(dict)
        for key, points in self.series.items():
            for p in points:
                if p.disagreement is not None:
                    others = frozenset(p.disagreement.values.values()) - {p.value}
                    found[key][p.date] = others
        return dict(found)

    def as_json(self) -> dict[str, Any]:
        """The stable ``reconcile --json`` shape."""
        return {
            "compared": self.compared,
            "disagreements": [d.as_dict() for d in self.disagreements],
            "decreases": [d.as_dict() for d in self.decreases],
            "outliers": [o.as_dict() for o in self.outliers],
        }


def _median(ordered: Sequence[float]) -> float:
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def robust_z(value: float, sample: Sequence[float]) -> tuple[float, float, float]:
    """(z, median, MAD) of ``value`` against ``sample`` (modified z-score, MAD floored)."""
    median = _median(sorted(sample))
    mad = max(_median(sorted([abs(x - median) for x in sample])), MIN_MAD)
    return MAD_TO_Z * (value - median) / mad, median, mad


def _days(a: dt.date, b: dt.date) -> int:
    return (b - a).days


def _neighbourhood_rates(
    anchors: Sequence[tuple[dt.date, int]], anchor_days: Sequence[dt.date], around: dt.date
) -> list[float]:
    """Daily increments between consecutive anchor days within the neighbourhood of ``around``."""
    window = dt.timedelta(days=NEIGHBOURHOOD_DAYS)
    lo = bisect.bisect_left(anchor_days, around - window)
    hi = bisect.bisect_right(anchor_days, around + window)
    near = anchors[lo:hi]
    return [(v2 - v1) / _days(d1, d2) for (d1, v1), (d2, v2) in pairwise(near)]


def describe_digit_slip(wrong: int, right: int) -> str:
    """How ``wrong`` differs from ``right`` as a typing slip, or '' when it does not."""
    a, b = str(wrong), str(right)
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return "one digit differs"
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        ):
            return "two digits swapped"
    elif abs(len(a) - len(b)) == 1:
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        if any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))):
            return "a digit dropped" if len(a) < len(b) else "a digit doubled or added"
    return ""


def _fmt(value: float) -> str:
    return f"{value:+,.0f}" if value == int(value) else f"{value:+,.1f}"


class _Candidate:
    __slots__ = ("fits", "rates", "sources", "value", "z")

    def __init__(self, value: int, sources: list[str]) -> None:
        self.value, self.sources = value, sources
        self.fits, self.z, self.rates = True, 0.0, list[float]()

    @property
    def label(self) -> str:
        return f"{'/'.join(self.sources)} {self.value:,}"


def _resolve(
    day: dt.date,
    values: Mapping[str, int],
    previous: tuple[dt.date, int] | None,
    following: tuple[dt.date, int] | None,
    rates: Sequence[float],
    corrections: Mapping[dt.date, int],
    stale: tuple[str, int, int] | None = None,
) -> tuple[int | None, int, str, str]:
    """(resolved value or None, value to show, reason, rule) for one disputed day.

    ``stale`` names a transcription whose whole row that day looks copied from
    the day before, with how many of how many disputed categories repeat.
    """
    grouped: dict[int, list[str]] = defaultdict(list)
    for source, value in sorted(values.items()):
        grouped[value].append(source)
    candidates = [_Candidate(value, sources) for value, sources in grouped.items()]
    for c in candidates:
        if previous is not None:
            c.fits &= previous[1] <= c.value
            c.rates.append((c.value - previous[1]) / _days(previous[0], day))
        if following is not None:
            c.fits &= c.value <= following[1]
            c.rates.append((following[1] - c.value) / _days(day, following[0]))
        if rates and c.rates:
            c.z = max(abs(robust_z(rate, rates)[0]) for rate in c.rates)
    bounds = _describe_bounds(previous, following)
    fitting = [c for c in candidates if c.fits]
    best = min(candidates, key=lambda c: (not c.fits, c.z, c.sources))
    hint = _correction_hint(candidates, day, corrections)
    if len(fitting) == 1:
        chosen = fitting[0]
        others = [c for c in candidates if c is not chosen]
        slip = describe_digit_slip(others[0].value, chosen.value) if len(others) == 1 else ""
        wrong = "; ".join(f"{'/'.join(c.sources)} {c.value:,}" for c in others)
        reason = (
            f"{'/'.join(chosen.sources)} {chosen.value:,} fits between {bounds}; {wrong} does not"
            + (f" ({slip})" if slip else "")
        )
        return chosen.value, chosen.value, reason + hint, "fits neighbours"
    if stale is not None:
        source, repeated, disputed = stale
        fresh = [c for c in fitting if source not in c.sources]
        if len(fresh) == 1:
            chosen = fresh[0]
            reason = (
                f"{source} repeats the previous day's figures in {repeated} of {disputed} "
                f"disputed daily-moving categories on {day} (a stale row); {chosen.label} "
                f"fits between {bounds}"
            )
            return chosen.value, chosen.value, reason + hint, "stale row"
    plausible = [c for c in fitting if c.z <= PLAUSIBLE_Z]
    if len(fitting) > 1 and len(plausible) == 1 and rates:
        chosen = plausible[0]
        if all(c.z >= IMPLAUSIBLE_Z for c in fitting if c is not chosen):
            typical = statistics.median(rates)
            implausible = "; ".join(
                f"{c.label} would mean {', '.join(_fmt(r) for r in c.rates)}"
                for c in fitting
                if c is not chosen
            )
            reason = (
                f"both fit between {bounds}, but {implausible} a day against a typical "
                f"{_fmt(typical)}; {'/'.join(chosen.sources)} {chosen.value:,} gives "
                f"{', '.join(_fmt(r) for r in chosen.rates)}"
            )
            return chosen.value, chosen.value, reason + hint, "daily change"
    if not fitting:
        reason = f"no value fits between {bounds}"
    else:
        listed = " and ".join(f"{c.value:,}" for c in fitting)
        reason = f"{'both' if len(fitting) == 2 else 'all'} of {listed} fit between {bounds}"
    rule = "both fit" if fitting else "neither fits"
    return None, best.value, f"unresolved: {reason}" + hint, rule


def _describe_bounds(
    previous: tuple[dt.date, int] | None, following: tuple[dt.date, int] | None
) -> str:
    parts = []
    if previous is not None:
        parts.append(f"{previous[1]:,} on {previous[0]}")
    if following is not None:
        parts.append(f"{following[1]:,} on {following[0]}")
    return " and ".join(parts) if parts else "no agreed neighbours"


def _correction_hint(
    candidates: Sequence[_Candidate], day: dt.date, corrections: Mapping[dt.date, int]
) -> str:
    if len(candidates) != 2:
        return ""
    gap = abs(candidates[0].value - candidates[1].value)
    for when in (day, day + dt.timedelta(days=1)):
        amount = corrections.get(when)
        if amount and abs(amount) == gap:
            return f"; the gap equals the official correction of {amount:+,} listed for {when}"
    return ""


Entries = list[tuple[str, int, str]]  # (source, value, qualifier) of one day


@dataclass
class _Series:
    """One series split into days: each day's entries, and the days all sources agree on."""

    subject: str
    category: str
    days: list[dt.date] = field(default_factory=list)
    entries: list[Entries] = field(default_factory=list)
    agreed: dict[dt.date, int] = field(default_factory=dict)
    disputed: list[int] = field(default_factory=list)  # indexes into days


def _split_series(figures: Iterable[ClaimantFigure]) -> list[_Series]:
    """Group figures by series and day (one sort), noting agreed and disputed days."""
    rows = sorted(
        (f for f in figures if f.value is not None), key=lambda f: (f.subject, f.category, f.as_of)
    )
    series: list[_Series] = []
    current: _Series | None = None
    for source, subject, category, as_of, value, qualifier in rows:
        assert value is not None  # filtered above
        if current is None or current.category != category or current.subject != subject:
            current = _Series(subject, category)
            series.append(current)
        if current.days and current.days[-1] == as_of:
            current.entries[-1].append((source, value, qualifier))
        else:
            current.days.append(as_of)
            current.entries.append([(source, value, qualifier)])
    for one in series:
        for i, entries in enumerate(one.entries):
            if len(entries) == 1 or len({entry[1] for entry in entries}) == 1:
                one.agreed[one.days[i]] = entries[0][1]
            else:
                one.disputed.append(i)
    return series


def _reconcile_series(
    one: _Series,
    corrections: Mapping[dt.date, int],
    stale_rows: Mapping[tuple[str, dt.date], tuple[str, int, int]],
    out: ReconciledLedger,
    *,
    anomalies: bool,
) -> None:
    subject, category = one.subject, one.category
    out.compared += sum(1 for entries in one.entries if len(entries) > 1)
    anchors = sorted(one.agreed.items())
    anchor_days = [d for d, _ in anchors]
    settled: dict[int, tuple[int, Disagreement]] = {}
    for i in one.disputed:
        day = one.days[i]
        at = bisect.bisect_left(anchor_days, day)
        values = {source: value for source, value, _ in one.entries[i]}
        resolved, value, reason, rule = _resolve(
            day,
            values,
            anchors[at - 1] if at > 0 else None,
            anchors[at] if at < len(anchors) else None,
            _neighbourhood_rates(anchors, anchor_days, day),
            corrections,
            stale_rows.get((subject, day)),
        )
        dispute = Disagreement(day, subject, category, values, resolved, reason, rule)
        out.disagreements.append(dispute)
        settled[i] = (value, dispute)
    points: list[SeriesPoint] = []
    previous: int | None = None
    sources_of: dict[tuple[str, ...], tuple[str, ...]] = {}
    for i, (day, entries) in enumerate(zip(one.days, one.entries, strict=True)):
        qualifier = "exact"
        for _, _, q in entries:
            if q != "exact":
                qualifier = q
        disagreement: Disagreement | None = None
        if i in settled:
            value, disagreement = settled[i]
            supporting = tuple(sorted(s for s, v, _ in entries if v == value))
        else:
            value = entries[0][1]
            names = tuple([entry[0] for entry in entries])
            supporting = sources_of.get(names) or sources_of.setdefault(names, tuple(sorted(names)))
        change = None if previous is None else value - previous
        points.append(SeriesPoint(day, value, change, supporting, qualifier, disagreement))
        previous = value
    out.series[(subject, category)] = points
    if not anomalies:
        return
    _find_decreases(subject, category, points, corrections, out)
    _find_outliers(subject, category, points, SERIES_BREAKS.get(out.claimant, {}), out)


def _find_decreases(
    subject: str,
    category: str,
    points: Sequence[SeriesPoint],
    corrections: Mapping[dt.date, int],
    out: ReconciledLedger,
) -> None:
    for before, point in pairwise(points):
        if point.change is None or point.change >= 0:
            continue
        correction = corrections.get(point.date)
        if correction is not None and correction < 0:
            note = f"official correction of {correction:+,} listed for this day"
        elif correction is not None:
            note = f"a correction of {correction:+,} is listed for this day, yet the total fell"
        else:
            note = "no official correction listed for this day"
        if point.disagreement is not None:
            note += f"; the transcriptions disagree here ({point.status})"
        out.decreases.append(
            Decrease(
                point.date,
                subject,
                category,
                before.value,
                point.value,
                point.change,
                correction,
                note,
            )
        )


def _find_outliers(
    subject: str,
    category: str,
    points: Sequence[SeriesPoint],
    breaks: Mapping[tuple[str, dt.date], str],
    out: ReconciledLedger,
) -> None:
    rates = [
        (p.date, p.change / _days(before.date, p.date))
        for before, p in pairwise(points)
        if p.change is not None
    ]
    days = [d for d, _ in rates]
    window = dt.timedelta(days=NEIGHBOURHOOD_DAYS)
    for i, (day, rate) in enumerate(rates):
        if rate < 0:
            continue  # listed among the decreases
        lo, hi = bisect.bisect_left(days, day - window), bisect.bisect_right(days, day + window)
        sample = [r for _, r in rates[lo:i]] + [r for _, r in rates[i + 1 : hi]]
        if len(sample) < NEIGHBOURHOOD_DAYS:
            continue
        z, median, mad = robust_z(rate, sample)
        note = breaks.get((category, day), "")
        if median == 0:
            # Most days of a bursty series (missiles, aircraft, prisoners) add
            # nothing; a day with losses is then measured against the other
            # days with losses, not against the zeros.
            events = [r for r in sample if r > 0]
            if rate <= 0 or len(events) < SPARSE_MIN_EVENTS:
                continue
            z, median, mad = robust_z(rate, events)
            if z < 0:
                continue  # a small day with losses in a bursty series is not news
            note = note or f"measured against the {len(events)} other days with losses nearby"
        if abs(z) >= OUTLIER_Z:
            out.outliers.append(Outlier(day, subject, category, int(rate), median, mad, z, note))


def find_stale_rows(series: Iterable[_Series]) -> dict[tuple[str, dt.date], tuple[str, int, int]]:
    """(subject, day) → (source, repeated, counted) for rows copied from the day before.

    Only categories that normally move every day count (a neighbourhood median
    increment of at least one): an unchanged aircraft total is ordinary, an
    unchanged artillery total is a copied row.
    """
    counted: dict[tuple[str, dt.date], int] = defaultdict(int)
    repeats: dict[tuple[str, dt.date], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    one_day = dt.timedelta(days=1)
    for one in series:
        if not one.disputed:
            continue
        anchors = sorted(one.agreed.items())
        anchor_days = [d for d, _ in anchors]
        for i in one.disputed:
            day = one.days[i]
            before = one.agreed.get(day - one_day)
            rates = _neighbourhood_rates(anchors, anchor_days, day)
            if before is None or not rates or statistics.median(rates) < 1:
                continue
            counted[(one.subject, day)] += 1
            for source, value, _ in one.entries[i]:
                if value == before:
                    repeats[(one.subject, day)][source] += 1
    stale: dict[tuple[str, dt.date], tuple[str, int, int]] = {}
    for key, count in counted.items():
        if count < STALE_ROW_MIN_CATEGORIES:
            continue
        for source, repeated in repeats[key].items():
            if repeated >= STALE_ROW_SHARE * count:
                stale[key] = (source, repeated, count)
    return stale


def reconcile_figures(
    figures: Iterable[ClaimantFigure],
    *,
    claimant: str = DEFAULT_CLAIMANT,
    corrections: Iterable[ClaimantFigure] = (),
    anomalies: bool = True,
) -> ReconciledLedger:
    """Reconcile every series of one claimant's sources (pure: no database).

    Args:
        figures: cumulative figures of every source of the claimant.
        claimant: the claimant the figures belong to (recorded in the result).
        corrections: signed official corrections (basis ``correction``), used
            to explain decreases and gaps between transcriptions.
        anomalies: also list decreases and outliers (the reconciled values and
            disagreements do not need them; skipping saves most of the time).
    """
    series = _split_series(figures)
    corrected: dict[tuple[str, str], dict[dt.date, int]] = defaultdict(dict)
    for c in corrections:
        if c.value is not None:
            corrected[(c.subject, c.category)][c.as_of] = c.value
    out = ReconciledLedger(claimant=claimant)
    stale_rows = find_stale_rows(series)
    for one in series:
        _reconcile_series(
            one,
            corrected.get((one.subject, one.category), {}),
            stale_rows,
            out,
            anomalies=anomalies,
        )
    out.sources = sorted({s for one in series for entries in one.entries for s, _, _ in entries})
    out.disagreements.sort(key=lambda d: (d.date, d.category))
    out.decreases.sort(key=lambda d: (d.date, d.category))
    out.outliers.sort(key=lambda o: (o.date, o.category))
    return out


def load_reconciled_ledger(
    connection: sa.Connection,
    *,
    claimant: str = DEFAULT_CLAIMANT,
    subject: str | None = None,
    category: str | None = None,
    as_known_on: dt.date | dt.datetime | None = None,
    anomalies: bool = True,
) -> ReconciledLedger:
    """Read one claimant's figures from the ledger (two queries) and reconcile them."""
    figures = read_claimant_figures(
        connection, claimant=claimant, subject=subject, category=category, as_known_on=as_known_on
    )
    corrections = read_claimant_figures(
        connection,
        claimant=claimant,
        basis=CORRECTION_BASIS,
        subject=subject,
        category=category,
        as_known_on=as_known_on,
    )
    return reconcile_figures(
        figures, claimant=claimant, corrections=corrections, anomalies=anomalies
    )


def load_reconciled_series(
    connection: sa.Connection,
    *,
    category: str,
    subject: str = "RU",
    claimant: str = DEFAULT_CLAIMANT,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    as_known_on: dt.date | dt.datetime | None = None,
) -> list[SeriesPoint]:
    """What the claimant said for ``category`` day by day, reconciled across transcriptions.

    The whole series is reconciled (neighbouring days settle disagreements),
    then cut to the range; the first point's change is against the day before
    ``date_from``.
    """
    ledger = load_reconciled_ledger(
        connection,
        claimant=claimant,
        subject=subject,
        category=category,
        as_known_on=as_known_on,
        anomalies=False,
    )
    points = ledger.series.get((subject, category), [])
    return [
        p
        for p in points
        if (date_from is None or p.date >= date_from) and (date_to is None or p.date <= date_to)
    ]


def load_reconciled_table(
    connection: sa.Connection, *, claimant: str = DEFAULT_CLAIMANT
) -> dict[tuple[str, str], dict[dt.date, int]]:
    """Every reconciled series of a claimant at once: (subject, category) → {date: value}."""
    return load_reconciled_ledger(connection, claimant=claimant, anomalies=False).table()
