"""Reconciling two transcriptions: agreement, settled disagreements, decreases and outliers."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from attrition.ledger import (
    ClaimantFigure,
    Ledger,
    ObservationRecord,
    ensure_source,
    upsert_observations,
)
from attrition.reconcile import (
    ReconciledLedger,
    describe_digit_slip,
    load_reconciled_ledger,
    load_reconciled_series,
    load_reconciled_table,
    reconcile_figures,
)
from attrition.sources.general_staff import (
    import_bundled_general_staff_csv,
    import_bundled_general_staff_json,
)

START = dt.date(2023, 3, 1)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def figures(
    source: str, values: list[int], category: str = "tanks", first: int = 0
) -> list[ClaimantFigure]:
    return [
        ClaimantFigure(source, "RU", category, day(first + i), value, "exact")
        for i, value in enumerate(values)
    ]


def steady(n: int = 30, start: int = 1000, step: int = 10) -> list[int]:
    return [start + step * i for i in range(n)]


def with_change(values: list[int], at: int, value: int) -> list[int]:
    changed = list(values)
    changed[at] = value
    return changed


def test_agreeing_transcriptions_give_one_value_supported_by_both() -> None:
    result = reconcile_figures(figures("a", steady(5)) + figures("b", steady(5)))
    points = result.series[("RU", "tanks")]
    assert [(p.value, p.change, p.sources, p.status) for p in points[:2]] == [
        (1000, None, ("a", "b"), "agreed"),
        (1010, 10, ("a", "b"), "agreed"),
    ]
    assert (result.compared, result.disagreements, result.sources) == (5, [], ["a", "b"])


def test_a_day_only_one_transcription_has_is_single_and_not_compared() -> None:
    result = reconcile_figures(figures("a", steady(5)) + figures("b", steady(4)))
    last = result.series[("RU", "tanks")][-1]
    assert (last.value, last.sources, last.status, result.compared) == (1040, ("a",), "single", 4)


def test_the_value_between_its_neighbours_wins_and_the_slip_is_named() -> None:
    good = steady(30)
    result = reconcile_figures(figures("a", good) + figures("b", with_change(good, 10, 1900)))
    [disagreement] = result.disagreements
    assert disagreement.as_dict() == {
        "date": day(10).isoformat(),
        "category": "tanks",
        "values": {"a": 1100, "b": 1900},
        "resolved": 1100,
        "reason": f"a 1,100 fits between 1,090 on {day(9)} and 1,110 on {day(11)}; "
        "b 1,900 does not (one digit differs)",
    }
    assert (disagreement.likely_errors, disagreement.rule) == (["b"], "fits neighbours")
    point = result.series[("RU", "tanks")][10]
    assert (point.value, point.sources, point.status) == (1100, ("a",), "resolved")
    assert result.alternates() == {("RU", "tanks"): {day(10): frozenset({1900})}}
    assert result.table()[("RU", "tanks")][day(10)] == 1100


def test_values_that_both_fit_and_look_alike_stay_unresolved() -> None:
    noisy = [1000, 1012, 1019, 1033, 1041, 1050, 1064, 1070, 1081, 1093, 1100, 1108, 1121] * 1
    result = reconcile_figures(figures("a", noisy) + figures("b", with_change(noisy, 6, 1066)))
    [disagreement] = result.disagreements
    assert disagreement.resolved is None
    assert disagreement.reason.startswith("unresolved: both of 1,064 and 1,066 fit between 1,050")
    assert result.series[("RU", "tanks")][6].status == "unresolved"
    assert result.unresolved == [disagreement]


def test_neither_value_fitting_is_unresolved_and_said_so() -> None:
    good = steady(20)
    result = reconcile_figures(
        figures("a", with_change(good, 5, 2000)) + figures("b", with_change(good, 5, 3000))
    )
    assert result.disagreements[0].reason.startswith("unresolved: no value fits between 1,040")
    assert result.disagreements[0].rule == "neither fits"


def test_an_implausible_daily_change_loses_when_both_fit() -> None:
    good = steady(30)
    stale = with_change(good, 15, good[14])  # b copied the day before: +0 then +20
    result = reconcile_figures(figures("a", good) + figures("b", stale))
    [disagreement] = result.disagreements
    assert (disagreement.resolved, disagreement.rule) == (1150, "daily change")
    assert "b 1,140 would mean +0, +20 a day against a typical +10" in disagreement.reason


def test_a_row_copied_from_the_day_before_loses_in_every_category() -> None:
    a, b = [], []
    for category, step in [("tanks", 3), ("afv", 7), ("artillery", 5), ("uav", 40)]:
        values = [100 * step + step * i + (i % 3) for i in range(30)]
        a += figures("a", values, category)
        b += figures(
            "b", with_change(values, 12, values[11]) if category != "uav" else values, category
        )
    result = reconcile_figures(a + b)
    assert {(d.category, d.rule, d.likely_errors[0]) for d in result.disagreements} == {
        ("tanks", "stale row", "b"),
        ("afv", "stale row", "b"),
        ("artillery", "stale row", "b"),
    }
    assert "b repeats the previous day's figures in 3 of 3 disputed daily-moving categories" in (
        result.disagreements[0].reason
    )


def test_a_gap_equal_to_an_official_correction_is_pointed_out() -> None:
    good = steady(20)
    corrections = [ClaimantFigure("a", "RU", "tanks", day(8), 32, "exact")]
    result = reconcile_figures(
        figures("a", good) + figures("b", with_change(good, 7, good[7] + 32)),
        corrections=corrections,
    )
    assert result.disagreements[0].reason.endswith(
        f"the gap equals the official correction of +32 listed for {day(8)}"
    )


def test_decreases_are_listed_with_the_official_correction_that_explains_them() -> None:
    values = [*steady(10), 1085, *[1085 + 10 * i for i in range(1, 10)]]
    corrections = [ClaimantFigure("a", "RU", "tanks", day(10), -5, "exact")]
    both = figures("a", values) + figures("b", values)
    result = reconcile_figures(both, corrections=corrections)
    assert [d.as_dict() for d in result.decreases] == [
        {
            "date": day(10).isoformat(),
            "category": "tanks",
            "previous": 1090,
            "value": 1085,
            "change": -5,
            "correction": -5,
            "note": "official correction of -5 listed for this day",
        }
    ]
    plain = reconcile_figures(both)
    assert plain.decreases[0].note == "no official correction listed for this day"


def test_a_spike_in_daily_losses_is_an_outlier_with_its_numbers() -> None:
    values = [1000 + 10 * i + (i % 2) for i in range(40)]
    values[20:] = [v + 200 for v in values[20:]]
    result = reconcile_figures(figures("a", values))
    [outlier] = result.outliers
    assert (outlier.date, outlier.category, outlier.change, outlier.median) == (
        day(20),
        "tanks",
        values[20] - values[19],
        10.0,
    )
    assert outlier.z > 100
    assert set(outlier.as_dict()) == {"date", "category", "change", "median", "mad", "z", "note"}


def test_a_bursty_series_is_measured_against_its_days_with_losses() -> None:
    rng = random.Random(7)
    increments = [0 if i % 3 else rng.randint(8, 12) for i in range(60)]
    increments[31] = 90
    values = [sum(increments[: i + 1]) for i in range(60)]
    result = reconcile_figures(figures("a", values, "cruise_missiles"))
    assert [(o.date, o.change) for o in result.outliers] == [(day(31), 90)]
    assert result.outliers[0].note.startswith("measured against the")


def test_reconciling_without_anomalies_skips_decreases_and_outliers() -> None:
    values = [*steady(20), 900, *steady(20, 1300)]
    result = reconcile_figures(figures("a", values), anomalies=False)
    assert (result.decreases, result.outliers) == ([], [])
    assert len(result.series[("RU", "tanks")]) == 41


@pytest.mark.parametrize(
    ("wrong", "right", "slip"),
    [
        (15175, 25175, "one digit differs"),
        (932, 923, "two digits swapped"),
        (2517, 25175, "a digit dropped"),
        (251755, 25175, "a digit doubled or added"),
        (3648, 3662, ""),
    ],
)
def test_digit_slips_are_described(wrong: int, right: int, slip: str) -> None:
    assert describe_digit_slip(wrong, right) == slip


def test_the_json_report_has_exactly_the_documented_keys() -> None:
    good = steady(30)
    result = reconcile_figures(figures("a", good) + figures("b", with_change(good, 10, 1900)))
    report = result.as_json()
    assert list(report) == ["compared", "disagreements", "decreases", "outliers"]
    assert list(report["disagreements"][0]) == ["date", "category", "values", "resolved", "reason"]


# --- through the ledger -----------------------------------------------------------------


def store(ledger: Ledger, source: str, values: list[int]) -> None:
    with ledger.transaction() as connection:
        upsert_observations(
            connection,
            ensure_source(connection, source),
            [ObservationRecord("RU", "tanks", day(i), v) for i, v in enumerate(values)],
        )


def test_reconciled_series_reads_both_sources_and_keeps_the_change_before_the_range(
    ledger: Ledger,
) -> None:
    good = steady(30)
    store(ledger, "gs-minfin", good)
    store(ledger, "gs-petroivaniuk", with_change(good, 12, 2120))
    with ledger.connect() as connection:
        points = load_reconciled_series(
            connection, category="tanks", date_from=day(12), date_to=day(13)
        )
        table = load_reconciled_table(connection)
    assert [(p.date, p.value, p.change, p.status) for p in points] == [
        (day(12), 1120, 10, "resolved"),
        (day(13), 1130, 10, "agreed"),
    ]
    assert points[0].sources == ("gs-minfin",)
    assert table[("RU", "tanks")][day(12)] == 1120 and len(table[("RU", "tanks")]) == 30


# --- the bundled snapshot ---------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    path: Path = tmp_path_factory.mktemp("bundled") / "ledger.db"
    ledger = Ledger.open(f"sqlite:///{path}")
    with ledger.transaction() as connection:
        import_bundled_general_staff_json(connection)
        import_bundled_general_staff_csv(connection)
    yield ledger
    ledger.dispose()


@pytest.fixture(scope="module")
def bundled_report(bundled: Ledger) -> ReconciledLedger:
    with bundled.connect() as connection:
        return load_reconciled_ledger(connection)


def test_bundled_transcriptions_are_compared_value_by_value(
    bundled_report: ReconciledLedger,
) -> None:
    rules = Counter(d.rule for d in bundled_report.disagreements)
    assert (bundled_report.compared, len(bundled_report.disagreements)) == (22049, 143)
    assert rules == {
        "both fit": 101,
        "fits neighbours": 33,
        "stale row": 7,
        "neither fits": 1,
        "daily change": 1,
    }
    assert len(bundled_report.unresolved) == 102


def test_bundled_known_transcription_errors_are_resolved(bundled_report: ReconciledLedger) -> None:
    found = {(d.date.isoformat(), d.category): d for d in bundled_report.disagreements}
    dropped = found[("2024-09-24", "vehicles")]
    assert (dropped.resolved, dropped.likely_errors) == (25175, ["gs-minfin"])
    stale = found[("2025-05-11", "artillery")]
    assert (stale.resolved, stale.rule) == (27670, "stale row")
    helicopters = [d for d in bundled_report.disagreements if d.category == "helicopters"]
    assert len(helicopters) == 39 and all(d.resolved is None for d in helicopters)


def test_bundled_decreases_are_explained_by_the_official_corrections(
    bundled_report: ReconciledLedger,
) -> None:
    decreases = [
        (d.date.isoformat(), d.category, d.change, d.correction) for d in bundled_report.decreases
    ]
    assert decreases == [
        ("2023-05-27", "tanks", -2, -5),
        ("2023-10-03", "aircraft", -1, -1),
        ("2024-03-13", "cruise_missiles", -1, -1),
        ("2024-10-03", "aircraft", -1, -1),
        ("2024-11-30", "mlrs", -2, -4),
        ("2024-11-30", "special_equipment", -83, -85),
        ("2025-04-22", "mlrs", -1, -1),
        ("2026-04-04", "helicopters", -1, None),
    ]


def test_bundled_series_redefinition_is_noted_among_the_outliers(
    bundled_report: ReconciledLedger,
) -> None:
    redefined = [o for o in bundled_report.outliers if o.note.startswith("series redefined")]
    assert [(o.date.isoformat(), o.category, o.change) for o in redefined] == [
        ("2022-05-01", "cruise_missiles", 80)
    ]


INJECTED_ERRORS = 300


def _slip(value: int, kind: str, before: int, after: int, rng: random.Random) -> int | None:
    text = str(value)
    if kind == "digit":
        i = rng.randrange(len(text))
        digits = [d for d in "0123456789" if d != text[i] and not (i == 0 and d == "0")]
        return int(text[:i] + rng.choice(digits) + text[i + 1 :])
    if kind == "swap":
        spots = [
            i
            for i in range(len(text) - 1)
            if text[i] != text[i + 1] and not (i == 0 and text[1] == "0")
        ]
        if not spots:
            return None
        i = rng.choice(spots)
        return int(text[:i] + text[i + 1] + text[i] + text[i + 2 :])
    if kind == "stale":
        return before
    if kind == "ahead":
        return after
    return value + rng.choice([-3, -2, -1, 1, 2, 3, -10, 10])


def test_injected_transcription_errors_are_never_resolved_the_wrong_way(
    bundled_report: ReconciledLedger,
) -> None:
    rng = random.Random(2022)
    truth = {key: points for key, points in bundled_report.series.items() if len(points) > 200}
    injected: dict[tuple[tuple[str, str], dt.date], int] = {}
    keys = sorted(truth)
    while len(injected) < INJECTED_ERRORS:
        key = rng.choice(keys)
        points = truth[key]
        i = rng.randrange(2, len(points) - 2)
        if any((key, points[j].date) in injected for j in range(i - 2, i + 3)):
            continue
        kind = rng.choice(["digit", "swap", "stale", "ahead", "small"])
        wrong = _slip(points[i].value, kind, points[i - 1].value, points[i + 1].value, rng)
        if wrong is not None and wrong >= 0 and wrong != points[i].value:
            injected[(key, points[i].date)] = wrong
    rows = []
    for (subject, category), points in truth.items():
        for p in points:
            rows.append(ClaimantFigure("a", subject, category, p.date, p.value, "exact"))
            wrong = injected.get(((subject, category), p.date), p.value)
            rows.append(ClaimantFigure("b", subject, category, p.date, wrong, "exact"))
    result = reconcile_figures(rows, anomalies=False)
    outcomes = Counter(
        "unresolved" if d.resolved is None else ("right" if d.likely_errors == ["b"] else "wrong")
        for d in result.disagreements
    )
    assert len(result.disagreements) == INJECTED_ERRORS
    assert outcomes["wrong"] == 0
    assert outcomes["right"] >= 0.6 * INJECTED_ERRORS
