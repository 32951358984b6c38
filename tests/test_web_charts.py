"""The dashboard's Vega-Lite specs compile and draw marks (rendered offline by vl-convert)."""

from __future__ import annotations

import datetime as dt
import re

import vl_convert

from attrition.charts import (
    build_claimed_confirmed_spec,
    build_daily_increments_spec,
    build_sparkline_spec,
)

DAYS = [dt.date(2022, 6, 20) + dt.timedelta(days=i) for i in range(7)]
CLAIMED = [{"date": d, "value": 1490 + 7 * i} for i, d in enumerate(DAYS)]
CONFIRMED = [{"date": d, "value": 800 + 2 * i} for i, d in enumerate(DAYS)]


def test_sparkline_draws_one_line_without_axes() -> None:
    spec = build_sparkline_spec(CLAIMED)
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["x"]["axis"] is None
    svg = vl_convert.vegalite_to_svg(spec)
    assert svg.count('class="mark-line') == 1


def test_claimed_confirmed_chart_draws_both_series_and_the_flagged_days() -> None:
    flags = [{"date": DAYS[3], "value": 1511, "kind": "disagreement", "note": "1511 vs 1151"}]
    spec = build_claimed_confirmed_spec(CLAIMED, CONFIRMED, flags, title="Tanks")
    svg = vl_convert.vegalite_to_svg(spec)
    # one path per series, one symbol per flagged day
    assert len(re.findall(r'<path[^>]*aria-roledescription="line mark"', svg)) == 2
    assert len(re.findall(r'aria-roledescription="point"', svg)) == 1
    assert "claimed (General Staff)" in svg and "confirmed (Oryx)" in svg


def test_daily_chart_has_a_bar_per_day_and_the_average_line() -> None:
    daily = [{"date": d, "change": 3 + i, "average": 3 + i / 2} for i, d in enumerate(DAYS)]
    svg = vl_convert.vegalite_to_svg(build_daily_increments_spec(daily))
    assert len(re.findall(r'aria-roledescription="bar"', svg)) == 7
    assert 'class="mark-line' in svg
