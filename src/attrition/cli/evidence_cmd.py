"""``attrition import oryx|oryx-totals``, ``attrition evidence`` and ``attrition compare``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table

from attrition.cli.application import app, stderr
from attrition.cli.general_staff_cmd import LenientOption, print_import_stats
from attrition.cli.import_cmd import import_app
from attrition.cli.options import CsvOption, DatabaseOption, JsonOption, ledger_for
from attrition.cli.output import console, format_number, print_csv, print_json, print_table
from attrition.errors import InputError
from attrition.taxonomy import SIDES

SnapshotOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--snapshot-date",
        formats=["%Y-%m-%d"],
        help="The day the page shows (default: its dateModified, else a date in its name).",
    ),
]
FromOption = Annotated[
    dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="First day shown.")
]
ToOption = Annotated[
    dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Last day shown.")
]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


@import_app.command("oryx")
def import_oryx_command(
    page: Annotated[
        Path | None, typer.Argument(help="A saved Oryx page (.html or .html.gz).")
    ] = None,
    url: Annotated[
        str | None,
        typer.Option("--url", help="Download the page from this URL instead (e.g. the live one)."),
    ] = None,
    snapshot_date: SnapshotOption = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import Oryx's loss page item by item, and report where it contradicts its own totals.

    Each link becomes one evidence item per number it names; items keep the
    day they were first seen across snapshots. Import snapshots in date order.

    Example: attrition import oryx oryx-russia-2025-04-15.html --json
    """
    from attrition.sources.oryx_import import import_oryx_page_content
    from attrition.sources.oryx_page import fetch_oryx_page, read_page_bytes

    if (page is None) == (url is None):
        raise InputError("give either a saved PAGE or --url, not both or neither")
    if page is not None:
        name, content = page.name, read_page_bytes(page)
    else:
        with Progress(console=stderr, transient=True) as bar:
            bar.add_task(f"downloading {url}", total=None)
            name, content = fetch_oryx_page(str(url))
    with ledger_for(db) as ledger, ledger.transaction() as connection:
        report = import_oryx_page_content(
            connection, content, input_name=name, seen_on=_day(snapshot_date)
        )
    if as_json:
        print_json(report)
        return
    _print_page_report(report)


def _print_page_report(report: dict[str, Any]) -> None:
    ledger = report["ledger"]
    head = (
        f"[bold]{report['input']}[/]: {report['items']:,} items ({report['side']}, "
        f"snapshot {report['snapshot_date']})"
    )
    if ledger["status"] == "imported":
        followed = sum(ledger["matched_by"].values())
        head += (
            f" — {ledger['new']:,} new, {followed:,} already known, "
            f"{ledger['disappeared']:,} no longer listed"
        )
    else:
        head += f" — {ledger['status']}"
    console.print(head)
    rows = [
        {"heading": heading, **counts, "difference": counts["parsed"] - counts["stated"]}
        for heading, counts in report["categories"].items()
    ]
    print_table(
        rows,
        ["heading", "stated", "parsed", "difference"],
        headers={"heading": "Oryx heading", "difference": "parsed − stated"},
    )
    mismatches = report["mismatches"]
    if mismatches:
        console.print(f"{len(mismatches)} place(s) where the page's own totals disagree:")
        for m in mismatches:
            where = " / ".join(str(x) for x in (m["oryx_category"], m["model"], m["status"]) if x)
            console.print(
                f"  {m['scope']:8} {where or 'whole page'}: states {m['stated']:,}, "
                f"lists {m['parsed']:,}"
            )
    else:
        console.print("Every stated total matches the items listed.")
    for problem in report["unparsed"]:
        stderr.print(
            f"[yellow]unparsed[/] {problem['oryx_category']} / {problem['model']}: "
            f"{problem['problem']}",
            soft_wrap=True,
        )
    for heading in report["unmapped"]:
        stderr.print(
            f"[yellow]unmapped heading[/] {heading!r}: items kept without a category "
            "(add it to taxonomy.ORYX_CATEGORIES)",
            soft_wrap=True,
        )


@import_app.command("oryx-totals")
def import_oryx_totals_command(
    path: Annotated[Path, typer.Argument(help="oryx-daily-totals.csv (plain or gzipped).")],
    lenient: LenientOption = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import Oryx's daily totals as confirmed-loss series of claimant ORYX, both sides.

    Headings are summed into ledger categories (docs/data-sources.md); a day a
    heading is missing leaves that day's sum out, and says so.

    Example: attrition import oryx-totals oryx-daily-totals.csv
    """
    from attrition.sources.general_staff import read_input_file
    from attrition.sources.oryx_totals import import_oryx_daily_totals

    name, content = read_input_file(path)
    with ledger_for(db) as ledger, ledger.transaction() as connection:
        stats = import_oryx_daily_totals(connection, name, content, lenient=lenient)
    print_import_stats({"oryx-totals": stats}, as_json=as_json)
    if not as_json:
        for gap in stats.get("gaps", []):
            stderr.print(f"[yellow]left out[/] {gap}", soft_wrap=True)


EVIDENCE_COLUMNS = [
    "side",
    "category",
    "source_category",
    "model",
    "item_number",
    "status",
    "counted_as",
    "detail",
    "date_hint",
    "first_seen",
    "last_seen",
    "disappeared_on",
    "proof_url",
    "item_key",
]


@app.command()
def evidence(
    category: Annotated[
        str, typer.Argument(help="A ledger category (tanks, afv …) or an Oryx heading.")
    ],
    model: Annotated[
        str | None, typer.Option("--model", help="Only models containing this text.")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="destroyed, damaged, abandoned or captured (as Oryx counts it), "
            "or an exact status such as 'damaged and abandoned'.",
        ),
    ] = None,
    side: Annotated[str | None, typer.Option("--side", help="RU or UA.")] = None,
    include_gone: Annotated[
        bool, typer.Option("--all", help="Include items no longer listed by the source.")
    ] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most N items.")] = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """List visually confirmed losses with their proof links.

    Example: attrition evidence tanks --model T-72B3 --status captured
    """
    from attrition.ledger.evidence import list_evidence_items

    if side is not None and side not in SIDES:
        raise InputError(f"--side {side!r}: expected one of {', '.join(SIDES)}")
    with ledger_for(db) as ledger, ledger.connect() as connection:
        items = list_evidence_items(
            connection,
            category=category,
            model=model,
            status=status,
            side=side,
            current_only=not include_gone,
            limit=limit,
        )
    if as_json:
        print_json(items)
        return
    if as_csv:
        print_csv(items, ["source", *EVIDENCE_COLUMNS])
        return
    if not items:
        console.print(f"No evidence items for {category!r} with these filters.")
        return
    _print_evidence(items)


def _print_evidence(items: list[dict[str, Any]]) -> None:
    counts: dict[str, int] = {}
    for item in items:
        counts[item["counted_as"] or "?"] = counts.get(item["counted_as"] or "?", 0) + 1
    summary = ", ".join(f"{n:,} {status}" for status, n in sorted(counts.items()))
    console.print(f"{len(items):,} items: {summary}")
    table = Table(show_lines=False)
    for name in ("model", "#", "status", "date hint", "first seen", "proof"):
        table.add_column(name, justify="right" if name == "#" else "left", overflow="fold")
    for item in items:
        status = item["status"] + (f" ({item['detail']})" if item["detail"] else "")
        if item["disappeared_on"]:
            status += f" [gone {item['disappeared_on']}]"
        table.add_row(
            item["model"],
            format_number(item["item_number"]),
            status,
            format_number(item["date_hint"]),
            format_number(item["first_seen"]),
            item["proof_url"] or "—",
        )
    console.print(table)


COMPARE_COLUMNS = ["date", "claimed", "confirmed", "confirmed_date", "carried_forward", "ratio"]


@app.command()
def compare(
    category: Annotated[str, typer.Argument(help="A category both count: tanks, afv, artillery …")],
    date_from: FromOption = None,
    date_to: ToOption = None,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also draw both lines and the ratio to FILE.")
    ] = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Claimed (General Staff) against visually confirmed (Oryx) losses, day by day.

    Oryx's total on a day its page did not change is the previous one, marked
    as carried forward; the ratio is claimed ÷ confirmed.

    Example: attrition compare tanks --from 2022-06-20 --to 2022-06-30
    """
    from attrition.compare import load_comparison

    with ledger_for(db) as ledger, ledger.connect() as connection:
        comparison = load_comparison(
            connection, category, date_from=_day(date_from), date_to=_day(date_to)
        )
    rows = [point.as_dict() for point in comparison.points]
    if png is not None:
        from attrition.charts import build_compare_chart, render_png

        title = f"{category}: claimed (General Staff) vs confirmed (Oryx)"
        render_png(build_compare_chart(rows, title=title), png)
    if as_json:
        print_json(comparison.as_dict())
    elif as_csv:
        print_csv(rows, COMPARE_COLUMNS)
    else:
        _print_comparison(comparison.as_dict(), rows)
    if png is not None and not (as_json or as_csv):
        console.print(f"Chart written to {png}")


def _print_comparison(meta: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    table_rows = [
        {**row, "carried": row["confirmed_date"] if row["carried_forward"] else ""} for row in rows
    ]
    print_table(
        table_rows,
        ["date", "claimed", "confirmed", "ratio", "carried"],
        title=f"{meta['category']}: claimed (General Staff) ÷ confirmed (Oryx)",
        headers={"carried": "carried from"},
    )
    console.print(
        f"Confirmed = {' + '.join(meta['confirmed_headings'])}; Oryx's series ends "
        f"{meta['confirmed_until'] or '(none imported)'}."
    )
