"""Vega-Lite specs (built with Altair) used by the web pages and the CLI.

Each builder is a small, independent function taking plain rows (dates as
ISO strings or ``date``) and returning a spec dict that vega-embed renders
in the browser and vl-convert renders to PNG/SVG.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import altair as alt

# Colours shared with the dashboard's stylesheet (static/style.css).
CLAIMED_COLOUR = "#1f5fbf"
CONFIRMED_COLOUR = "#c2410c"
FLAG_COLOURS = {"revision": "#7c3aed", "disagreement": "#b42318", "decrease": "#0f766e"}


def _plain(rows: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> list[dict[str, Any]]:
    """Keep ``fields`` of each row, dates as ISO strings (the JSON Vega reads)."""
    out = []
    for row in rows:
        item = {}
        for name in fields:
            value = row.get(name)
            item[name] = value.isoformat() if isinstance(value, dt.date) else value
        out.append(item)
    return out


def _attach(spec: dict[str, Any], datasets: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Put the rows into the spec's top-level ``datasets`` after Altair built it.

    Altair validates inline values against the schema row by row, which costs
    ~30 ms per thousand rows; named data keeps that out of every page build.
    """
    spec.setdefault("datasets", {}).update(datasets)
    return spec


def build_sparkline_spec(
    points: Sequence[Mapping[str, Any]], *, width: int = 220, height: int = 40
) -> dict[str, Any]:
    """A bare line of ``value`` over ``date``: no axes, for an overview card."""
    chart = (
        alt.Chart(alt.Data(name="points"), width=width, height=height)
        .mark_line(color=CLAIMED_COLOUR, strokeWidth=1.5)
        .encode(
            x=alt.X("date:T", axis=None),
            y=alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("date:T"), alt.Tooltip("value:Q", format=",")],
        )
        .configure_view(stroke=None)
    )
    return _attach(chart.to_dict(validate=False), {"points": _plain(points, ("date", "value"))})


def build_claimed_confirmed_spec(
    claimed: Sequence[Mapping[str, Any]],
    confirmed: Sequence[Mapping[str, Any]],
    flags: Sequence[Mapping[str, Any]] = (),
    *,
    title: str = "",
    width: int = 900,
    height: int = 320,
) -> dict[str, Any]:
    """Claimed and confirmed cumulative series over time, with flagged days as points.

    Args:
        claimed: rows ``{date, value}`` of the official (claimed) series.
        confirmed: rows ``{date, value}`` of the visually confirmed series.
        flags: rows ``{date, value, kind, note}``; ``kind`` is revision, disagreement
            or decrease, drawn as coloured points with the note as tooltip.
    """
    lines = [
        {**row, "series": "claimed (General Staff)"} for row in _plain(claimed, ("date", "value"))
    ]
    lines += [{**row, "series": "confirmed (Oryx)"} for row in _plain(confirmed, ("date", "value"))]
    series_scale = alt.Scale(
        domain=["claimed (General Staff)", "confirmed (Oryx)"],
        range=[CLAIMED_COLOUR, CONFIRMED_COLOUR],
    )
    base = alt.Chart(alt.Data(name="lines"), width=width, height=height, title=title)
    line = base.mark_line(strokeWidth=2).encode(
        x=alt.X("date:T", title=None),
        y=alt.Y("value:Q", title="cumulative", axis=alt.Axis(format="~s")),
        color=alt.Color(
            "series:N", scale=series_scale, legend=alt.Legend(orient="top", title=None)
        ),
        tooltip=[
            alt.Tooltip("series:N"),
            alt.Tooltip("date:T"),
            alt.Tooltip("value:Q", format=","),
        ],
    )
    layers: list[alt.Chart] = [line]
    flag_rows = _plain(flags, ("date", "value", "kind", "note"))
    if flag_rows:
        kinds = sorted({str(row["kind"]) for row in flag_rows})
        points = (
            alt.Chart(alt.Data(name="flags"))
            .mark_point(filled=True, size=70, shape="diamond")
            .encode(
                x="date:T",
                y="value:Q",
                fill=alt.Fill(
                    "kind:N",
                    scale=alt.Scale(
                        domain=kinds, range=[FLAG_COLOURS.get(k, "#444") for k in kinds]
                    ),
                    legend=alt.Legend(orient="top", title="marked"),
                ),
                tooltip=[
                    alt.Tooltip("kind:N"),
                    alt.Tooltip("date:T"),
                    alt.Tooltip("value:Q", format=","),
                    alt.Tooltip("note:N"),
                ],
            )
        )
        layers.append(points)
    chart = alt.layer(*layers).resolve_scale(color="independent")
    return _attach(chart.to_dict(validate=False), {"lines": lines, "flags": flag_rows})


def build_daily_increments_spec(
    daily: Sequence[Mapping[str, Any]], *, width: int = 900, height: int = 200
) -> dict[str, Any]:
    """Daily increments as bars with their 7-day average as a line.

    Args:
        daily: rows ``{date, change, average}``; ``average`` is the trailing 7-day mean.
    """
    base = alt.Chart(alt.Data(name="daily"), width=width, height=height)
    bars = base.mark_bar(color="#94a3b8").encode(
        x=alt.X("date:T", title=None),
        y=alt.Y("change:Q", title="per day"),
        tooltip=[
            alt.Tooltip("date:T"),
            alt.Tooltip("change:Q", format="+,", title="change"),
            alt.Tooltip("average:Q", format=",.1f", title="7-day average"),
        ],
    )
    average = base.mark_line(color=CLAIMED_COLOUR, strokeWidth=2).encode(
        x="date:T", y=alt.Y("average:Q", title="per day")
    )
    spec = alt.layer(bars, average).to_dict(validate=False)
    return _attach(spec, {"daily": _plain(daily, ("date", "change", "average"))})


def build_compare_chart(
    points: Sequence[Mapping[str, Any]],
    *,
    title: str = "",
    width: int = 900,
    height: int = 300,
    ratio_height: int = 120,
) -> dict[str, Any]:
    """Claimed and confirmed totals over time, with their ratio in a panel below.

    Args:
        points: rows ``{date, claimed, confirmed, carried_forward, ratio}`` (``compare``'s
            points). Confirmed totals are drawn as steps from the days Oryx's page
            changed, so carried-forward days add no points of their own.
    """
    rows = _plain(points, ("date", "claimed", "confirmed", "carried_forward", "ratio"))
    lines = [
        {"date": r["date"], "series": "claimed (General Staff)", "value": r["claimed"]}
        for r in rows
        if r["claimed"] is not None
    ]
    lines += [
        {"date": r["date"], "series": "confirmed (Oryx)", "value": r["confirmed"]}
        for r in rows
        if r["confirmed"] is not None and not r["carried_forward"]
    ]
    series_scale = alt.Scale(
        domain=["claimed (General Staff)", "confirmed (Oryx)"],
        range=[CLAIMED_COLOUR, CONFIRMED_COLOUR],
    )
    totals = (
        alt.Chart(alt.Data(values=lines), width=width, height=height, title=title)
        .mark_line(strokeWidth=2, interpolate="step-after")
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("value:Q", title="cumulative", axis=alt.Axis(format="~s")),
            color=alt.Color(
                "series:N", scale=series_scale, legend=alt.Legend(orient="top", title=None)
            ),
            tooltip=[
                alt.Tooltip("series:N"),
                alt.Tooltip("date:T"),
                alt.Tooltip("value:Q", format=","),
            ],
        )
    )
    ratios = [{"date": r["date"], "ratio": r["ratio"]} for r in rows if r["ratio"] is not None]
    ratio = (
        alt.Chart(alt.Data(values=ratios), width=width, height=ratio_height)
        .mark_line(color="#334155", strokeWidth=1.5)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("ratio:Q", title="claimed ÷ confirmed", scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("date:T"), alt.Tooltip("ratio:Q", format=".2f")],
        )
    )
    return alt.vconcat(totals, ratio).to_dict(validate=False)


def render_png(spec: Mapping[str, Any], path: Path, *, scale: float = 2.0) -> None:
    """Render a Vega-Lite spec to a PNG file with vl-convert (offline, no browser)."""
    import vl_convert

    path.write_bytes(vl_convert.vegalite_to_png(dict(spec), scale=scale))
