"""``attrition import general-staff-json|general-staff-csv`` and ``attrition sync``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from attrition.cli.application import app, stderr
from attrition.cli.import_cmd import import_app
from attrition.cli.import_report import print_import_stats
from attrition.cli.options import DatabaseOption, JsonOption, ledger_for
from attrition.errors import InputError
from attrition.sources.general_staff import (
    JSON_ROLES,
    SYNC_URLS,
    fetch_general_staff,
    import_general_staff_csv,
    import_general_staff_json,
    read_input_file,
)

LenientOption = Annotated[
    bool,
    typer.Option(
        "--lenient", help="Skip bad rows (each is reported) instead of refusing the file."
    ),
]


@import_app.command("general-staff-json")
def import_general_staff_json_command(
    equipment: Annotated[Path, typer.Argument(help="russia_losses_equipment.json")],
    personnel: Annotated[
        Path | None, typer.Option("--personnel", help="russia_losses_personnel.json")
    ] = None,
    corrections: Annotated[
        Path | None,
        typer.Option("--corrections", help="russia_losses_equipment_correction.json"),
    ] = None,
    lenient: LenientOption = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import the General Staff series as transcribed by PetroIvaniuk (JSON files).

    All files are imported in one transaction: a bad record in any of them
    imports nothing, unless --lenient skips it (and says so).

    Example: attrition import general-staff-json equipment.json --personnel personnel.json
    """
    paths = {"equipment": equipment, "personnel": personnel, "corrections": corrections}
    inputs = {role: read_input_file(path) for role, path in paths.items() if path is not None}
    with ledger_for(db) as ledger, ledger.transaction() as connection:
        results = import_general_staff_json(connection, inputs, lenient=lenient)
    print_import_stats(results, as_json=as_json)


@import_app.command("general-staff-csv")
def import_general_staff_csv_command(
    path: Annotated[Path, typer.Argument(help="russia_losses.csv (minfin transcription)")],
    lenient: LenientOption = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import the General Staff series as scraped from index.minfin.com.ua (CSV).

    Example: attrition import general-staff-csv russia_losses.csv --lenient
    """
    name, content = read_input_file(path)
    with ledger_for(db) as ledger, ledger.transaction() as connection:
        results = {"csv": import_general_staff_csv(connection, name, content, lenient=lenient)}
    print_import_stats(results, as_json=as_json)


def _parse_url_overrides(pairs: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for pair in pairs:
        role, sep, url = pair.partition("=")
        if not sep or role not in SYNC_URLS or not url:
            raise InputError(
                f"--url {pair!r}: expected ROLE=URL with ROLE one of {', '.join(SYNC_URLS)}"
            )
        overrides[role] = url
    return overrides


@app.command()
def sync(
    url: Annotated[
        list[str] | None,
        typer.Option(
            "--url", help="Fetch ROLE from URL instead (equipment, personnel, corrections, csv)."
        ),
    ] = None,
    lenient: LenientOption = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch both General Staff transcriptions from their public URLs and import them.

    Unchanged files are recognised by their hash and skipped; changed figures
    become new revisions. Each transcription is imported in one transaction.

    Example: attrition sync
    """
    overrides = _parse_url_overrides(url or [])
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as bar:
        bar.add_task("downloading the General Staff series", total=None)
        downloads = fetch_general_staff(overrides)
    with ledger_for(db) as ledger:
        with ledger.transaction() as connection:
            json_inputs = {role: downloads[role] for role in JSON_ROLES}
            results = import_general_staff_json(connection, json_inputs, lenient=lenient)
        with ledger.transaction() as connection:
            csv_name, csv_content = downloads["csv"]
            results["csv"] = import_general_staff_csv(
                connection, csv_name, csv_content, lenient=lenient
            )
    print_import_stats(results, as_json=as_json)
