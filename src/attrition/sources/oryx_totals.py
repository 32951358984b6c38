"""Oryx's daily totals: the page's stated totals per heading, one row per day it changed.

``date, side, oryx_category, total, destroyed, damaged, abandoned, captured``,
derived from the git history of the hourly scraper gsajko/Losses. Each day's
headings are summed into the ledger categories they map to
(``taxonomy.ORYX_CATEGORIES``) and stored as cumulative series of source
``oryx`` (claimant ``ORYX``) for each side. A day with no row has no
observation: readers carry the previous total forward and say so
(``compare.py``), rather than the ledger inventing data points.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from attrition.errors import SourceFormatError
from attrition.ledger import ensure_source
from attrition.ledger.imports import find_latest_import, update_import_stats
from attrition.ledger.observations import ObservationRecord
from attrition.settings import DATA_DIR
from attrition.sources.bundled import register_bundled
from attrition.sources.general_staff import parse_report_day
from attrition.sources.series_import import (
    ParsedSeries,
    RowProblem,
    import_series_input,
    report_problem,
)
from attrition.taxonomy import SIDES, map_oryx_category
from attrition.textio import decode_text, gunzip_if_compressed

SOURCE_KEY = "oryx"
ROLE = "daily-totals"
COLUMNS = (
    "date",
    "side",
    "oryx_category",
    "total",
    "destroyed",
    "damaged",
    "abandoned",
    "captured",
)
NUMBER_COLUMNS = COLUMNS[3:]
BUNDLED_TOTALS = DATA_DIR / "oryx" / "oryx-daily-totals.csv.gz"


@dataclass
class ParsedTotals(ParsedSeries):
    """The series, plus the (day, category) sums left out because a heading was missing."""

    gaps: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Row:
    line: int
    day: dt.date
    side: str
    heading: str
    category: str
    total: int


def parse_oryx_daily_totals(
    content: bytes,
    *,
    name: str = "daily totals",
    lenient: bool = False,
    today: dt.date | None = None,
) -> ParsedTotals:
    """Parse the daily-totals CSV into cumulative observations per side and ledger category.

    A heading missing on one day inside its run of days (the 2022-12-25 row set
    lacks "Infantry Fighting Vehicles") would make that day's sum drop by
    thousands; such a (day, category) is left out and listed in ``gaps``.

    Raises:
        SourceFormatError: not CSV, or the header lacks a column.
        InputError: a bad row (strict mode), naming the line and the field.
    """
    rows, parsed = _read_rows(content, name, lenient, today)
    spans = _heading_spans(rows)
    sums: dict[tuple[dt.date, str, str], list[_Row]] = defaultdict(list)
    for row in rows:
        sums[(row.day, row.side, row.category)].append(row)
    present: dict[tuple[dt.date, str], set[str]] = defaultdict(set)
    for row in rows:
        present[(row.day, row.side)].add(row.heading)
    headings_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        headings_of[(row.side, row.category)].add(row.heading)
    for (day, side, category), parts in sorted(sums.items()):
        missing = sorted(
            heading
            for heading in headings_of[(side, category)]
            if heading not in present[(day, side)]
            and spans[(side, heading)][0] < day < spans[(side, heading)][1]
        )
        if missing:
            parsed.gaps.append(
                f"{day} {side} {category}: no row for {', '.join(repr(m) for m in missing)}, "
                "listed the days before and after; the day's sum is left out"
            )
            continue
        parsed.records.append(
            ObservationRecord(
                subject=side,
                category=category,
                as_of=day,
                value=sum(part.total for part in parts),
                source_category=" + ".join(part.heading for part in parts)[:200],
                provenance_row=_lines(parts),
            )
        )
    return parsed


def _read_rows(
    content: bytes, name: str, lenient: bool, today: dt.date | None
) -> tuple[list[_Row], ParsedTotals]:
    text = decode_text(gunzip_if_compressed(content, name), name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
    except csv.Error as exc:
        raise SourceFormatError(f"{name} line 1: malformed CSV: {exc}") from None
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise SourceFormatError(
            f"{name} line 1: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(c) for c in missing)} (expected: {', '.join(COLUMNS)})"
        )
    parsed = ParsedTotals()
    rows: list[_Row] = []
    seen: dict[tuple[dt.date, str, str], int] = {}
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise SourceFormatError(
                f"{name} line {reader.line_num}: malformed CSV: {exc}"
            ) from None
        if cells is None:
            break
        if not any(cell.strip() for cell in cells):
            continue
        line = reader.line_num
        try:
            row = _read_row(header, cells, line, today)
            key = (row.day, row.side, row.heading.casefold())
            if key in seen:
                raise RowProblem(
                    f"{row.side} {row.heading!r} on {row.day} already on line {seen[key]}"
                )
            seen[key] = line
        except RowProblem as problem:
            report_problem(parsed.skipped, f"{name} line {line}", problem, lenient=lenient)
            continue
        rows.append(row)
    return rows, parsed


def _read_row(header: list[str], cells: list[str], line: int, today: dt.date | None) -> _Row:
    if len(cells) != len(header):
        raise RowProblem(f"{len(cells)} fields, but the header has {len(header)}")
    values = {column: cell.strip() for column, cell in zip(header, cells, strict=True)}
    day = parse_report_day(values["date"], today=today)
    side = values["side"]
    if side not in SIDES:
        raise RowProblem(f"field 'side': expected one of {', '.join(SIDES)}, got {side!r}")
    heading = " ".join(values["oryx_category"].split())
    category = map_oryx_category(heading)
    if category is None:
        raise RowProblem(
            f"field 'oryx_category': {heading!r} has no ledger category "
            "(add it to taxonomy.ORYX_CATEGORIES)"
        )
    numbers = {}
    for column in NUMBER_COLUMNS:
        raw = values[column]
        if not raw.isdigit():
            raise RowProblem(f"field {column!r}: expected a whole number ≥ 0, got {raw!r}")
        numbers[column] = int(raw)
    return _Row(line, day, side, heading, category, numbers["total"])


def _heading_spans(rows: list[_Row]) -> dict[tuple[str, str], tuple[dt.date, dt.date]]:
    spans: dict[tuple[str, str], tuple[dt.date, dt.date]] = {}
    for row in rows:
        key = (row.side, row.heading)
        first, last = spans.get(key, (row.day, row.day))
        spans[key] = (min(first, row.day), max(last, row.day))
    return spans


def _lines(parts: list[_Row]) -> str:
    text = "line " if len(parts) == 1 else "lines "
    return (text + ", ".join(str(part.line) for part in parts))[:100]


def import_oryx_daily_totals(
    connection: sa.Connection,
    name: str,
    content: bytes,
    *,
    lenient: bool = False,
    unless_newer: bool = False,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Import the daily-totals CSV (plain or gzipped) in the caller's transaction.

    Returns the series import's statistics plus ``gaps``: the (day, category)
    sums left out because a heading was missing that day.
    """
    parsed: list[ParsedTotals] = []

    def parse(raw: bytes) -> ParsedSeries:
        parsed.append(parse_oryx_daily_totals(raw, name=name, lenient=lenient, today=today))
        return parsed[0]

    stats = import_series_input(
        connection,
        source_key=SOURCE_KEY,
        role=ROLE,
        input_name=name,
        content=content,
        parse=parse,
        lenient=lenient,
        unless_newer=unless_newer,
    )
    if parsed and stats.get("status") == "imported":
        stats["gaps"] = parsed[0].gaps
        record = find_latest_import(connection, ensure_source(connection, SOURCE_KEY), ROLE)
        if record is not None:
            update_import_stats(connection, record.id, stats)
    return stats


@register_bundled("oryx-daily-totals")
def import_bundled_oryx_daily_totals(connection: sa.Connection) -> dict[str, Any]:
    """The bundled daily totals (skipped where a newer import already reaches further)."""
    content = Path(BUNDLED_TOTALS).read_bytes()
    stats = import_oryx_daily_totals(connection, BUNDLED_TOTALS.name, content, unless_newer=True)
    return {k: v for k, v in stats.items() if k != "skipped"} | {"gaps": len(stats.get("gaps", []))}
