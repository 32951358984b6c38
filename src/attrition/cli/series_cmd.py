"""``attrition series``, ``history``, ``reconcile`` and ``export``: reading the ledger's series."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from attrition.cli.application import app, stderr
from attrition.cli.options import CsvOption, DatabaseOption, JsonOption, ledger_for
from attrition.cli.output import console, print_csv, print_json, print_table
from attrition.errors import InputError, NotFound
from attrition.export import (
    OBSERVATION_COLUMNS,
    RECONCILED_COLUMNS,
    Column,
    format_for,
    iter_observation_rows,
    iter_reconciled_rows,
    write_export,
)
from attrition.ledger import list_series, read_history, read_series, require_source
from attrition.reconcile import (
    DEFAULT_CLAIMANT,
    Disagreement,
    ReconciledLedger,
    load_reconciled_ledger,
    load_reconciled_series,
)
from attrition.series_table import SERIES_FIELDS, reconciled_points, series_rows, stored_points
from attrition.taxonomy import CATEGORIES, CATEGORY_LABELS, EXTRA_CATEGORIES, is_category

# Outliers listed by `reconcile` without --all (the strongest first).
OUTLIERS_SHOWN = 25


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r}: expected a date like 2022-06-24") from None


FromOption = Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")]
SubjectOption = Annotated[str, typer.Option("--subject", help="Whose losses: RU or UA.")]
ClaimantOption = Annotated[str, typer.Option("--claimant", help="Whose figures (claimant code).")]
KnownOnOption = Annotated[
    str | None,
    typer.Option(
        "--as-known-on", help="Show what the ledger held at the end of this day (YYYY-MM-DD)."
    ),
]


def _check_category(category: str) -> None:
    if not is_category(category):
        known = ", ".join([*CATEGORIES, *EXTRA_CATEGORIES])
        raise NotFound(f"unknown category {category!r}", hint=f"known: {known}")


def _signed(value: int | None) -> str:
    return "—" if value is None else f"{value:+,}"


def _disagreement_note(d: Disagreement | None) -> str:
    if d is None:
        return ""
    listed = ", ".join(f"{s} {v:,}" for s, v in sorted(d.values.items()))
    if d.resolved is None:
        return f"unresolved: {listed}"
    wrong = ", ".join(f"{s} {d.values[s]:,}" for s in d.likely_errors)
    return f"likely transcription error: {wrong}"


def _source_label(source: str, everyone: str) -> str:
    """Human label: "all agree" when every transcription gives the value."""
    return "all agree" if "+" in source and source == everyone else source


@app.command()
def series(
    category: Annotated[str, typer.Argument(help="Canonical category, e.g. tanks, personnel.")],
    date_from: FromOption = None,
    date_to: ToOption = None,
    daily: Annotated[
        bool, typer.Option("--daily", help="Show each day's increment instead of the total.")
    ] = False,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="One transcription (e.g. gs-minfin) instead of the reconciled view."
        ),
    ] = None,
    subject: SubjectOption = "RU",
    claimant: ClaimantOption = DEFAULT_CLAIMANT,
    as_known_on: KnownOnOption = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Show a claimant's daily series for one category, with each day's change.

    By default the General Staff's series reconciled across its transcriptions
    (the note column shows where they disagree); --source shows one as stored.

    Example: attrition series tanks --from 2022-06-24 --to 2022-06-26
    """
    _check_category(category)
    first, last = _day(date_from, "--from"), _day(date_to, "--to")
    known = _day(as_known_on, "--as-known-on")
    if first and last and first > last:
        raise InputError(f"--from {first} is after --to {last}")
    with ledger_for(db) as ledger, ledger.connect() as connection:
        if source is not None:
            require_source(connection, source)
            stored = read_series(
                connection, category=category, source=source, subject=subject, as_known_on=known
            )
            points = stored_points(stored, source)
            everyone = source
            title = (
                f"{CATEGORY_LABELS.get(category, category)} ({subject}) as transcribed by {source}"
            )
        else:
            reconciled = load_reconciled_series(
                connection, category=category, subject=subject, claimant=claimant, as_known_on=known
            )
            points = reconciled_points(reconciled, _disagreement_note)
            everyone = "+".join(sorted({s for p in reconciled for s in p.sources}))
            title = f"{CATEGORY_LABELS.get(category, category)} ({subject}) according to {claimant}"
    if not points:
        whose = source or claimant
        raise NotFound(
            f"no {category} figures of {whose} for {subject} in the ledger"
            + (f" as known on {known}" if known else ""),
            hint="run attrition import --bundled, or see attrition sources",
        )
    rows = series_rows(points, daily=daily, date_from=first, date_to=last)
    if as_json:
        print_json([{k: r[k] for k in SERIES_FIELDS} for r in rows])
    elif as_csv:
        print_csv(rows, SERIES_FIELDS)
    else:
        for row in rows:
            prefix = "" if row["qualifier"] == "exact" or daily else f"{row['qualifier']} "
            row["shown"] = prefix + ("—" if row["value"] is None else f"{row['value']:,}")
            row["signed"] = _signed(row["change"])
            row["source"] = _source_label(row["source"], everyone)
        print_table(
            rows,
            ["date", "shown", "signed", "source", "note"],
            title=title + (f", as known on {known}" if known else ""),
            headers={"shown": "daily" if daily else "value", "signed": "change"},
        )


@app.command()
def history(
    category: Annotated[str, typer.Argument(help="Canonical category, e.g. tanks.")],
    date: Annotated[str, typer.Option("--date", help="The day whose revisions to show.")],
    source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
    subject: SubjectOption = "RU",
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show every revision the ledger holds of one day's figure, by source.

    Example: attrition history tanks --date 2022-06-25
    """
    _check_category(category)
    day = _day(date, "--date")
    assert day is not None
    with ledger_for(db) as ledger, ledger.connect() as connection:
        rows = [
            o.as_dict()
            for o in read_history(
                connection, category=category, as_of=day, subject=subject, source=source
            )
        ]
    if not rows:
        raise NotFound(f"no {category} figure for {subject} on {day} in the ledger")
    if as_json:
        print_json(rows)
        return
    for row in rows:
        row["held"] = f"{row['recorded_at']:%Y-%m-%d %H:%M} → " + (
            f"{row['superseded_at']:%Y-%m-%d %H:%M}" if row["superseded_at"] else "now"
        )
        row["from"] = f"{row['provenance'] or ''} {row['provenance_row'] or ''}".strip()
    print_table(
        rows,
        ["source", "basis", "revision", "value", "qualifier", "held", "from"],
        title=f"{CATEGORY_LABELS.get(category, category)} ({subject}) on {day}: every revision",
    )


def _grouped_disagreements(disagreements: Sequence[Disagreement]) -> list[dict[str, Any]]:
    """Consecutive days of one category with the same values and outcome, as one row."""
    rows: list[dict[str, Any]] = []
    for d in sorted(disagreements, key=lambda d: (d.category, d.date)):
        last = rows[-1] if rows else None
        if (
            last is not None
            and last["category"] == d.category
            and last["values"] == d.values
            and last["resolved"] == d.resolved
            and (d.date - last["to"]).days == 1
        ):
            last["to"], last["days"] = d.date, last["days"] + 1
            continue
        rows.append(
            {
                "from": d.date,
                "to": d.date,
                "days": 1,
                "category": d.category,
                "values": d.values,
                "resolved": d.resolved,
                "rule": d.rule,
            }
        )
    rows.sort(key=lambda r: (r["from"], r["category"]))
    for row in rows:
        span = row["from"].isoformat()
        if row["days"] > 1:
            span += f" … {row['to']} ({row['days']} days)"
        row["when"] = span
        row["transcriptions"] = " / ".join(
            f"{s.removeprefix('gs-')} {v:,}" for s, v in sorted(row["values"].items())
        )
        row["result"] = "unresolved" if row["resolved"] is None else f"{row['resolved']:,}"
    return rows


def print_reconcile_report(report: ReconciledLedger, *, show_all: bool) -> None:
    """Human report: summary, disagreements, decreases and the strongest outliers."""
    resolved = len(report.disagreements) - len(report.unresolved)
    console.print(
        f"Compared [bold]{report.compared:,}[/] values of {report.claimant} in "
        f"{len(report.sources)} transcription{'' if len(report.sources) == 1 else 's'} "
        f"({', '.join(report.sources)}): "
        f"[bold]{len(report.disagreements)}[/] disagreements, {resolved} resolved, "
        f"{len(report.unresolved)} unresolved; {len(report.decreases)} decreases; "
        f"{len(report.outliers)} outlier days."
    )
    if report.disagreements:
        print_table(
            _grouped_disagreements(report.disagreements),
            ["when", "category", "transcriptions", "result", "rule"],
            title="Disagreements between transcriptions (--json gives each one's reasoning)",
            headers={"result": "reconciled", "rule": "settled by"},
        )
    if report.decreases:
        rows = [d.as_dict() | {"signed": _signed(d.change)} for d in report.decreases]
        print_table(
            rows,
            ["date", "category", "previous", "value", "signed", "correction", "note"],
            title="Days on which a cumulative series decreases",
            headers={"signed": "change"},
        )
    if report.outliers:
        outliers = (
            report.outliers
            if show_all
            else sorted(report.outliers, key=lambda o: -abs(o.z))[:OUTLIERS_SHOWN]
        )
        rows = [
            o.as_dict()
            | {
                "signed": _signed(o.change),
                "typical": f"{o.median:+,.0f}",
                "short": "series redefined"
                if "redefined" in o.note
                else ("vs days with losses" if o.note else ""),
            }
            for o in outliers
        ]
        shown = (
            ""
            if show_all
            else f" (the {len(rows)} strongest of {len(report.outliers)}; --all lists every one)"
        )
        print_table(
            rows,
            ["date", "category", "signed", "typical", "z", "short"],
            title=f"Days whose increment is an outlier (robust z){shown}",
            headers={"signed": "change", "short": "note"},
        )


@app.command()
def reconcile(
    claimant: ClaimantOption = DEFAULT_CLAIMANT,
    category: Annotated[str | None, typer.Option("--category", help="Only this category.")] = None,
    as_known_on: KnownOnOption = None,
    show_all: Annotated[bool, typer.Option("--all", help="List every outlier day.")] = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Compare the transcriptions of a claimant's series value by value and settle disagreements.

    Lists every disagreement with the value that fits its neighbouring days (or
    "unresolved"), every day a cumulative series decreases, and outlier days.

    Example: attrition reconcile --json
    """
    if category is not None:
        _check_category(category)
    known = _day(as_known_on, "--as-known-on")
    with ledger_for(db) as ledger, ledger.connect() as connection:
        report = load_reconciled_ledger(
            connection, claimant=claimant, category=category, as_known_on=known
        )
        if not report.series:
            held = ", ".join(sorted({s["claimant"] or "-" for s in list_series(connection)}))
            raise NotFound(
                f"no series of {claimant} in the ledger",
                hint=f"claimants held: {held or 'none (run attrition import --bundled)'}",
            )
    if as_json:
        print_json(report.as_json())
    else:
        print_reconcile_report(report, show_all=show_all)


@app.command()
def export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv, json or parquet (default: from --output).")
    ] = None,
    reconciled: Annotated[
        bool,
        typer.Option("--reconciled", help="Export the reconciled series, not raw observations."),
    ] = False,
    source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
    category: Annotated[str | None, typer.Option("--category", help="Only this category.")] = None,
    claimant: ClaimantOption = DEFAULT_CLAIMANT,
    all_revisions: Annotated[
        bool, typer.Option("--all-revisions", help="Every revision, not only current figures.")
    ] = False,
    as_known_on: KnownOnOption = None,
    db: DatabaseOption = None,
) -> None:
    """Export observations (or the reconciled series) as CSV, JSON or Parquet.

    Example: attrition export --output ledger.parquet --all-revisions
    """
    chosen = format_for(output, fmt)
    if category is not None:
        _check_category(category)
    known = _day(as_known_on, "--as-known-on")
    columns: tuple[Column, ...]
    with ledger_for(db) as ledger, ledger.connect() as connection:
        if reconciled:
            rows = iter_reconciled_rows(
                connection, claimant=claimant, category=category, as_known_on=known
            )
            columns = RECONCILED_COLUMNS
        else:
            if source is not None:
                require_source(connection, source)
            rows = iter_observation_rows(
                connection,
                source=source,
                category=category,
                all_revisions=all_revisions,
                as_known_on=known,
            )
            columns = OBSERVATION_COLUMNS
        count = write_export(rows, columns, fmt=chosen, path=output)
    if output is not None:
        stderr.print(f"Wrote {count:,} rows to {output} ({chosen}).")
