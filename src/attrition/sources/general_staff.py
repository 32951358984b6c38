"""Ukraine's General Staff daily tally of Russian losses, in its two public transcriptions.

- ``gs-petroivaniuk``: PetroIvaniuk/2022-Ukraine-Russia-War-Dataset, three JSON
  files: equipment, personnel (with its qualifier "about"/"more" and, until
  2022-04-27, prisoners of war), and the list of signed official corrections.
- ``gs-minfin``: romansverdan/russian-Losses-in-Ukraine, one CSV scraped daily
  from index.minfin.com.ua.

``parse_*`` functions are pure (bytes in, records out); ``fetch_*`` download;
``import_*`` parse and upsert inside the caller's transaction. Each source
category maps to a canonical one through the tables in ``taxonomy``; parts of a
merged category reported on the same day (military autos + fuel tanks) are
summed into one figure whose ``source_category`` names the parts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from attrition.errors import SourceFormatError
from attrition.fetch import Fetcher
from attrition.ledger.observations import ObservationRecord
from attrition.settings import DATA_DIR
from attrition.sources.bundled import register_bundled
from attrition.sources.series_import import (
    ParsedSeries,
    RowProblem,
    import_series_input,
    report_problem,
)
from attrition.taxonomy import GENERAL_STAFF_CSV_CATEGORIES, GENERAL_STAFF_JSON_CATEGORIES
from attrition.textio import decode_text

JSON_SOURCE = "gs-petroivaniuk"
CSV_SOURCE = "gs-minfin"
SUBJECT = "RU"
# The first General Staff report (24 February 2022); nothing can be dated earlier.
FIRST_REPORT_DAY = dt.date(2022, 2, 24)
# A report is dated by Kyiv's morning; allow one day of clock and timezone slack.
FUTURE_SLACK = dt.timedelta(days=1)
# Signed official corrections are kept as their own basis, beside the cumulative series.
CORRECTION_BASIS = "correction"

PERSONNEL_FIELDS = {"personnel", "POW"}
EQUIPMENT_FIELDS = set(GENERAL_STAFF_JSON_CATEGORIES) - PERSONNEL_FIELDS
CORRECTION_FIELDS = EQUIPMENT_FIELDS | {"personnel"}
# Fields that are not loss figures: the day number (derived from the date; the
# CSV's is one ahead from 2025-11-09), the personnel qualifier, and the
# "greatest losses direction" text of 2022-04-25 … 2023-01-02.
JSON_IGNORED_FIELDS = {"date", "day", "personnel*", "greatest losses direction"}
CSV_IGNORED_COLUMNS = {"day"}
PERSONNEL_QUALIFIERS: Mapping[str, str] = {
    "about": "about",
    "more": "over",
    "more than": "over",
    "over": "over",
}

BUNDLED_OFFICIAL = DATA_DIR / "official"
BUNDLED_FILES: Mapping[str, Path] = {
    "equipment": BUNDLED_OFFICIAL / "petroivaniuk-russia_losses_equipment.json",
    "personnel": BUNDLED_OFFICIAL / "petroivaniuk-russia_losses_personnel.json",
    "corrections": BUNDLED_OFFICIAL / "petroivaniuk-russia_losses_equipment_correction.json",
    "csv": BUNDLED_OFFICIAL / "minfin-russia_losses.csv",
}
_PETROIVANIUK = (
    "https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/main/data"
)
SYNC_URLS: Mapping[str, str] = {
    "equipment": f"{_PETROIVANIUK}/russia_losses_equipment.json",
    "personnel": f"{_PETROIVANIUK}/russia_losses_personnel.json",
    "corrections": f"{_PETROIVANIUK}/russia_losses_equipment_correction.json",
    "csv": "https://raw.githubusercontent.com/romansverdan/russian-Losses-in-Ukraine/main/data/russia_losses.csv",
}
JSON_ROLES = ("equipment", "personnel", "corrections")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACE = re.compile(r"[ \t\n\r]*")


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def parse_report_day(raw: object, *, today: dt.date | None = None) -> dt.date:
    """A report's ``YYYY-MM-DD`` date, refused when malformed, pre-war or in the future."""
    if not isinstance(raw, str) or not _DATE.fullmatch(raw.strip()):
        raise RowProblem(f"field 'date': expected a date like 2022-06-24, got {raw!r}")
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise RowProblem(f"field 'date': {raw!r} is not a calendar date") from None
    if day < FIRST_REPORT_DAY:
        raise RowProblem(
            f"field 'date': {day} is before the full-scale invasion began "
            f"({FIRST_REPORT_DAY}); the General Staff series starts then"
        )
    latest = (today or _today()) + FUTURE_SLACK
    if day > latest:
        raise RowProblem(f"field 'date': {day} is in the future (today is {latest - FUTURE_SLACK})")
    return day


def _whole_number(field: str, raw: object, *, signed: bool) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        kind = "text" if isinstance(raw, str) else type(raw).__name__
        raise RowProblem(f"field {field!r}: expected a whole number, got {raw!r} ({kind})")
    if raw < 0 and not signed:
        raise RowProblem(f"field {field!r}: a cumulative count cannot be negative, got {raw}")
    return raw


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def iter_json_records(content: bytes, name: str) -> Iterator[tuple[int, int, Any]]:
    """Yield (record number from 1, line, value) for each element of a top-level JSON list.

    Decoding element by element keeps each record's line for error messages.
    """
    text = decode_text(content, name)
    decoder = json.JSONDecoder()
    pos = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("[", pos):
        found = text[pos : pos + 20] or "an empty file"
        raise SourceFormatError(f"{name}: expected a JSON list of daily records, found {found!r}")
    pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    number, line, last = 0, 1, 0
    while not text.startswith("]", pos):
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise SourceFormatError(
                f"{name} line {exc.lineno} column {exc.colno}: malformed JSON: {exc.msg}"
            ) from None
        number += 1
        line += text.count("\n", last, pos)
        last = pos
        yield number, line, value
        pos = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
            if text.startswith("]", pos):
                break
        elif not text.startswith("]", pos):
            raise SourceFormatError(
                f"{name} line {_line_of(text, pos)}: malformed JSON: expected ',' or ']' "
                f"after record {number}"
            )
    if _SPACE.match(text, pos + 1).end() != len(text):  # type: ignore[union-attr]
        raise SourceFormatError(
            f"{name} line {_line_of(text, pos + 1)}: malformed JSON: extra data after the list"
        )


def _parse_json_file(
    content: bytes,
    *,
    name: str,
    fields: set[str],
    basis: str,
    lenient: bool,
    today: dt.date | None,
) -> ParsedSeries:
    categories = {field: GENERAL_STAFF_JSON_CATEGORIES[field] for field in fields}
    parsed = ParsedSeries()
    seen: dict[dt.date, int] = {}
    for number, line, record in iter_json_records(content, name):
        where = f"{name} line {line} (record {number})"
        try:
            if not isinstance(record, dict):
                raise RowProblem(f"expected an object with a 'date', got {type(record).__name__}")
            if "date" not in record:
                raise RowProblem("missing field 'date'")
            day = parse_report_day(record["date"], today=today)
            where = f"{name} line {line} (record {number}, {day})"
            if day in seen:
                raise RowProblem(f"date {day} already appears in record {seen[day]}")
            records = _json_figures(record, day, categories=categories, basis=basis, line=line)
        except RowProblem as problem:
            report_problem(parsed.skipped, where, problem, lenient=lenient)
            continue
        seen[day] = number
        parsed.records.extend(records)
    return parsed


def _json_figures(
    record: Mapping[str, Any],
    day: dt.date,
    *,
    categories: Mapping[str, str],
    basis: str,
    line: int,
) -> list[ObservationRecord]:
    """One JSON record's figures, merged parts summed into their canonical category."""
    signed = basis == CORRECTION_BASIS
    sums: dict[str, int] = {}
    parts: dict[str, str] = {}
    for field, raw in record.items():
        category = categories.get(field)
        if category is None:
            if field in JSON_IGNORED_FIELDS:
                continue
            raise RowProblem(
                f"unknown category {field!r} (known: {', '.join(sorted(categories))}); "
                "add it to taxonomy.GENERAL_STAFF_JSON_CATEGORIES"
            )
        if raw is None:
            continue
        if type(raw) is not int or (raw < 0 and not signed):
            _whole_number(field, raw, signed=signed)  # raises with the reason
        if category in sums:
            sums[category] += raw
            parts[category] += " + " + field
        else:
            sums[category] = raw
            parts[category] = field
    qualifier = "exact"
    if "personnel" in sums and not signed:
        raw_qualifier = record.get("personnel*")
        if raw_qualifier is not None:
            if raw_qualifier not in PERSONNEL_QUALIFIERS:
                raise RowProblem(
                    f"field 'personnel*': unknown qualifier {raw_qualifier!r} "
                    f"(known: {', '.join(PERSONNEL_QUALIFIERS)})"
                )
            qualifier = PERSONNEL_QUALIFIERS[raw_qualifier]
    row = f"line {line}"
    # Positional construction: the fields of ObservationRecord, in order.
    return [
        ObservationRecord(
            SUBJECT,
            category,
            day,
            value,
            basis,
            qualifier if category == "personnel" else "exact",
            None,
            None,
            parts[category],
            row,
        )
        for category, value in sums.items()
    ]


def parse_general_staff_json(
    content: bytes,
    *,
    name: str = "equipment JSON",
    lenient: bool = False,
    today: dt.date | None = None,
) -> ParsedSeries:
    """Parse PetroIvaniuk's ``russia_losses_equipment.json`` into cumulative figures.

    Args:
        content: the file's bytes.
        name: how error messages name the file.
        lenient: skip bad records (each reported in ``skipped``) instead of failing.
        today: the day after which dates count as future (default: today, UTC).

    Raises:
        SourceFormatError: the file is not a JSON list of records.
        InputError: a bad record (strict mode), naming line, record and field.
    """
    return _parse_json_file(
        content,
        name=name,
        fields=EQUIPMENT_FIELDS,
        basis="cumulative",
        lenient=lenient,
        today=today,
    )


def parse_general_staff_personnel_json(
    content: bytes,
    *,
    name: str = "personnel JSON",
    lenient: bool = False,
    today: dt.date | None = None,
) -> ParsedSeries:
    """Parse ``russia_losses_personnel.json``: personnel with its qualifier, and POW."""
    return _parse_json_file(
        content,
        name=name,
        fields=PERSONNEL_FIELDS,
        basis="cumulative",
        lenient=lenient,
        today=today,
    )


def parse_general_staff_corrections(
    content: bytes,
    *,
    name: str = "corrections JSON",
    lenient: bool = False,
    today: dt.date | None = None,
) -> ParsedSeries:
    """Parse ``russia_losses_equipment_correction.json``: signed corrections (basis ``correction``).

    Zero entries are dropped: a correction file lists every category for each
    corrected day, and only the non-zero ones say anything.
    """
    parsed = _parse_json_file(
        content,
        name=name,
        fields=CORRECTION_FIELDS,
        basis=CORRECTION_BASIS,
        lenient=lenient,
        today=today,
    )
    parsed.records = [r for r in parsed.records if r.value]
    return parsed


def parse_general_staff_csv(
    content: bytes,
    *,
    name: str = "CSV",
    lenient: bool = False,
    today: dt.date | None = None,
) -> ParsedSeries:
    """Parse the minfin ``russia_losses.csv`` (one row a day, empty cell = not reported).

    Raises:
        SourceFormatError: not CSV, a missing or unknown column.
        InputError: a bad row (strict mode), naming the line and column.
    """
    text = decode_text(content, name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise SourceFormatError(f"{name} line 1: malformed CSV: {exc}") from None
    if not header:
        raise SourceFormatError(f"{name}: empty file; expected a header row starting with 'date'")
    columns = [column.strip() for column in header]
    _check_csv_header(columns, name)
    date_index = columns.index("date")
    plan = [
        (columns.index(column), column, category)
        for column, category in GENERAL_STAFF_CSV_CATEGORIES.items()
    ]
    parsed = ParsedSeries()
    seen: dict[dt.date, int] = {}
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise SourceFormatError(
                f"{name} line {reader.line_num}: malformed CSV: {exc}"
            ) from None
        if row is None:
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        try:
            if len(row) != len(columns):
                raise RowProblem(f"{len(row)} fields, but the header has {len(columns)}")
            day = parse_report_day(row[date_index], today=today)
            if day in seen:
                raise RowProblem(f"date {day} already appears on line {seen[day]}")
            records = _csv_figures(row, plan, day, line)
        except RowProblem as problem:
            report_problem(parsed.skipped, f"{name} line {line}", problem, lenient=lenient)
            continue
        seen[day] = line
        parsed.records.extend(records)
    return parsed


def _check_csv_header(columns: list[str], name: str) -> None:
    expected = ["date", *GENERAL_STAFF_CSV_CATEGORIES]
    missing = [c for c in expected if c not in columns]
    if missing:
        raise SourceFormatError(
            f"{name} line 1: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(c) for c in missing)} (expected: {', '.join(expected)})"
        )
    known = set(expected) | CSV_IGNORED_COLUMNS
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise SourceFormatError(
            f"{name} line 1: unknown category column {unknown[0]!r}; "
            "add it to taxonomy.GENERAL_STAFF_CSV_CATEGORIES"
        )
    duplicated = sorted({c for c in columns if columns.count(c) > 1})
    if duplicated:
        raise SourceFormatError(f"{name} line 1: column {duplicated[0]!r} appears twice")


def _csv_figures(
    row: list[str], plan: list[tuple[int, str, str]], day: dt.date, line: int
) -> list[ObservationRecord]:
    """One CSV row's figures; ``plan`` lists (cell index, column, category)."""
    sums: dict[str, int] = {}
    parts: dict[str, str] = {}
    for index, column, category in plan:
        raw = row[index].strip()
        if not raw:
            continue
        if not (raw.isascii() and raw.isdigit()):
            raise RowProblem(f"column {column!r}: expected a whole number, got {raw!r}")
        if category in sums:
            sums[category] += int(raw)
            parts[category] += " + " + column
        else:
            sums[category] = int(raw)
            parts[category] = column
    source_row = f"line {line}"
    return [
        ObservationRecord(
            SUBJECT,
            category,
            day,
            value,
            "cumulative",
            "exact",
            None,
            None,
            parts[category],
            source_row,
        )
        for category, value in sums.items()
    ]


JSON_PARSERS = {
    "equipment": parse_general_staff_json,
    "personnel": parse_general_staff_personnel_json,
    "corrections": parse_general_staff_corrections,
}


def import_general_staff_json(
    connection: sa.Connection,
    inputs: Mapping[str, tuple[str, bytes]],
    *,
    lenient: bool = False,
    recorded_at: dt.datetime | None = None,
    unless_newer: bool = False,
    today: dt.date | None = None,
) -> dict[str, dict[str, Any]]:
    """Import the JSON transcription: ``inputs`` maps a role to (name, bytes).

    Roles are ``equipment`` (required), ``personnel`` and ``corrections``. All
    of them go through the caller's transaction: one bad file imports nothing.
    """
    if "equipment" not in inputs:
        raise SourceFormatError("the JSON transcription needs its equipment file")
    results: dict[str, dict[str, Any]] = {}
    for role in JSON_ROLES:
        if role not in inputs:
            continue
        name, content = inputs[role]
        results[role] = import_series_input(
            connection,
            source_key=JSON_SOURCE,
            role=role,
            input_name=name,
            content=content,
            parse=partial(JSON_PARSERS[role], name=name, lenient=lenient, today=today),
            lenient=lenient,
            recorded_at=recorded_at,
            unless_newer=unless_newer,
        )
    return results


def import_general_staff_csv(
    connection: sa.Connection,
    name: str,
    content: bytes,
    *,
    lenient: bool = False,
    recorded_at: dt.datetime | None = None,
    unless_newer: bool = False,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Import the CSV transcription (``gs-minfin``) in the caller's transaction."""
    return import_series_input(
        connection,
        source_key=CSV_SOURCE,
        role="csv",
        input_name=name,
        content=content,
        parse=partial(parse_general_staff_csv, name=name, lenient=lenient, today=today),
        lenient=lenient,
        recorded_at=recorded_at,
        unless_newer=unless_newer,
    )


def read_input_file(path: Path) -> tuple[str, bytes]:
    """(name, bytes) of an input file, with a one-line error when it cannot be read."""
    from attrition.errors import NotFound

    try:
        return str(path), path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"no such file: {path}") from None
    except (IsADirectoryError, PermissionError) as exc:
        raise NotFound(f"cannot read {path}: {exc.strerror}") from None


def fetch_general_staff(
    urls: Mapping[str, str] | None = None, *, fetcher: Fetcher | None = None
) -> dict[str, tuple[str, bytes]]:
    """Download every input of both transcriptions; returns role → (final URL, bytes)."""
    urls = {**SYNC_URLS, **(urls or {})}
    own = fetcher is None
    client = fetcher or Fetcher()
    try:
        return {role: _fetch_one(client, url) for role, url in urls.items()}
    finally:
        if own:
            client.close()


def _fetch_one(fetcher: Fetcher, url: str) -> tuple[str, bytes]:
    result = fetcher.fetch(url)
    return result.final_url, result.content


def _read_bundled(role: str) -> tuple[str, bytes]:
    """A bundled file, named by its place in the package rather than this machine's path."""
    path = BUNDLED_FILES[role]
    return f"bundled:{path.relative_to(DATA_DIR).as_posix()}", path.read_bytes()


@register_bundled("general-staff-json")
def import_bundled_general_staff_json(connection: sa.Connection) -> dict[str, Any]:
    """The bundled JSON transcription (skipped where a newer sync already reaches further)."""
    inputs = {role: _read_bundled(role) for role in JSON_ROLES}
    return import_general_staff_json(connection, inputs, unless_newer=True)


@register_bundled("general-staff-csv")
def import_bundled_general_staff_csv(connection: sa.Connection) -> dict[str, Any]:
    """The bundled CSV transcription (skipped where a newer sync already reaches further)."""
    name, content = _read_bundled("csv")
    return import_general_staff_csv(connection, name, content, unless_newer=True)
