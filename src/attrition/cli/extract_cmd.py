"""``attrition extract``: loss claims from a text, an HTML page, stdin, or a JSONL batch."""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from attrition.cli.application import app, stderr
from attrition.cli.options import DatabaseOption, JsonOption
from attrition.cli.output import console, print_json
from attrition.errors import InputError, SourceFormatError
from attrition.extract import Claim, extract_claims
from attrition.textio import looks_like_html, read_input


def _article_text(path: str) -> tuple[str, str | None, str]:
    """The text to read from ``path`` (``-`` is stdin), the date an HTML page states, a name.

    An HTML page is reduced to its headline and main text; a text file is read as it is,
    so that claim offsets point into the file.
    """
    data, name = read_input(path, hint="give a text or HTML file, or - for stdin")
    if not looks_like_html(name, data):
        return data.decode("utf-8", errors="replace"), None, name
    # the page reader loads trafilatura, lxml and httpx: only an HTML page pays for them
    from attrition.news.pages import decode_html, parse_html

    try:
        page = parse_html(decode_html(data), url=f"file:{name}")
    except SourceFormatError:
        raise InputError(f"{name}: no main text found in this HTML page") from None
    text = f"{page.title}\n{page.text}" if page.title else page.text
    stated = page.published.date().isoformat() if page.published else None
    return text, stated, name


def _claim_rows(claims: list[Claim]) -> list[dict[str, Any]]:
    rows = []
    for claim in claims:
        figure = f"{claim.value:,}" if claim.value is not None else f"{claim.low:,}–{claim.high:,}"
        rows.append({**claim.to_dict(), "figure": figure, "quote": _excerpt(claim.quote)})
    return rows


def _excerpt(quote: str, width: int = 60) -> str:
    return quote if len(quote) <= width else quote[: width - 1] + "…"


def _resolve_dates(claims: list[Claim], db: str | None, published: str | None) -> list[Claim]:
    """Fill missing ``as_of`` days from the claimant's series in the ledger (the verify step).

    The ledger is opened and its series loaded once per process, however many
    records a ``--jsonl`` batch has. A ledger with no General Staff series (a new
    one) gives way to the bundled snapshot, with a note on stderr.
    """
    from attrition.verify import resolve_claim_dates

    if db not in _LEDGERS:
        _LEDGERS[db] = _dating_ledger(db)
    day = dt.date.fromisoformat(published) if published else None
    return resolve_claim_dates(claims, _LEDGERS[db], published=day)


def _dating_ledger(db: str | None) -> Any:
    """The ledger at ``db``, or the bundled General Staff snapshot when it holds no such series."""
    from attrition.cli.options import open_ledger
    from attrition.ledger import list_series
    from attrition.sources.loaders import general_staff_snapshot

    ledger = open_ledger(db)
    with ledger.connect() as connection:
        held = list_series(connection, claimant=GENERAL_STAFF)
    if held:
        return ledger
    ledger.dispose()
    directory = tempfile.TemporaryDirectory(prefix="attrition-snapshot-")
    _SNAPSHOT_DIRS.append(directory)  # removed when the process ends
    snapshot = general_staff_snapshot(Path(directory.name))
    with snapshot.connect() as connection:
        last = max(s["last"] for s in list_series(connection, claimant=GENERAL_STAFF))
    stderr.print(
        f"note: the ledger ({db or 'the default'}) holds no General Staff series; dating "
        f"claims from the bundled snapshot (to {last}). `attrition sync` imports the latest.",
        soft_wrap=True,
    )
    return snapshot


GENERAL_STAFF = "UA_GENERAL_STAFF"


def _language(code: str, where: str) -> str:
    """``code`` as given; a code with no lexicon is read as English, said once on stderr."""
    from attrition.extract import available_languages

    base = code.lower().split("-")[0]
    if base not in available_languages() and base not in _UNKNOWN_LANGUAGES:
        _UNKNOWN_LANGUAGES.add(base)
        stderr.print(
            f"note: {where}: no lexicon for language {code!r}; reading it as English "
            f"(lexicons: {', '.join(available_languages())})",
            soft_wrap=True,
            markup=False,
        )
    return code


_UNKNOWN_LANGUAGES: set[str] = set()
_SNAPSHOT_DIRS: list[tempfile.TemporaryDirectory[str]] = []
_LEDGERS: dict[str | None, Any] = {}


def _records(handle: TextIO, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(record, dict):
            raise InputError(f'{name}:{number}: expected a JSON object with "id" and "text"')
        for key in ("id", "text"):
            if key not in record:
                raise InputError(
                    f'{name}:{number}: field "{key}" is missing; expected "id" and "text"'
                )
        if not isinstance(record["text"], str):
            raise InputError(f'{name}:{number}: field "text" must be a string')
        published = record.get("published")
        if published is not None and not isinstance(published, str):
            raise InputError(f'{name}:{number}: field "published" must be YYYY-MM-DD or null')
        yield number, record


def _run_jsonl(path: Path, published: str | None, resolve: bool, db: str | None) -> None:
    name = str(path)
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    with handle:
        records = list(_records(handle, name))
    progress = Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    )
    out = sys.stdout
    with progress:
        task = progress.add_task("extract", total=len(records))
        for number, record in records:
            claims = extract_claims(
                record["text"],
                published=record.get("published") or published,
                lang=_language(record.get("lang") or "en", f"{name}:{number}"),
            )
            if resolve:
                claims = _resolve_dates(claims, db, record.get("published") or published)
            out.write(
                json.dumps(
                    {"id": record["id"], "claims": [c.to_dict() for c in claims]},
                    ensure_ascii=False,
                )
                + "\n"
            )
            progress.advance(task)
    out.flush()


@app.command("extract")
def extract_command(
    path: Annotated[
        str | None,
        typer.Argument(help="A text or HTML file, or - to read stdin.", show_default=False),
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl",
            help='Read {"id", "text", "published"?, "lang"?} records one a line; '
            'write {"id", "claims"} one a line.',
            dir_okay=False,
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published", help="The article's date, YYYY-MM-DD; relative days resolve against it."
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            help="Language of the text (ISO 639-1): en, de, fr, it, es, zh, uk, ru (others: en).",
        ),
    ] = "en",
    resolve_dates: Annotated[
        bool,
        typer.Option(
            "--resolve-dates", help="Date undated claims from the claimant's series in the ledger."
        ),
    ] = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Extract loss claims (who says how many of whose losses, as of when) from news text.

    Example: attrition extract article.txt --published 2022-06-25
    """
    _UNKNOWN_LANGUAGES.clear()  # each run notes each unknown language once
    if published is not None:
        try:
            import datetime as dt

            dt.date.fromisoformat(published)
        except ValueError:
            raise InputError(f"--published {published!r}: expected a date as YYYY-MM-DD") from None
    if jsonl is not None:
        if path is not None:
            raise InputError("give either PATH or --jsonl FILE, not both")
        _run_jsonl(jsonl, published, resolve_dates, db)
        return
    if path is None:
        raise InputError("no input: give a text or HTML file, - for stdin, or --jsonl FILE")
    text, stated, name = _article_text(path)
    published = published or stated
    claims = extract_claims(text, published=published, lang=_language(lang, "--lang"))
    if resolve_dates:
        claims = _resolve_dates(claims, db, published)
    if as_json:
        print_json([c.to_dict() for c in claims])
        return
    if not claims:
        console.print("No loss claims found.")
        return
    _print_claims(claims, f"{len(claims)} claim(s) in {name}")


# Below this terminal width the quote column is left out rather than squeezing the figures.
QUOTE_MIN_WIDTH = 110
_COLUMNS = ("subject", "category", "figure", "qualifier", "basis", "claimant", "as_of")


def _print_claims(claims: list[Claim], title: str) -> None:
    table = Table(title=title)
    for column in _COLUMNS:
        table.add_column(column, justify="right" if column == "figure" else "left", no_wrap=True)
    with_quote = console.width >= QUOTE_MIN_WIDTH
    if with_quote:
        table.add_column("quote", overflow="ellipsis", no_wrap=True)
    for row in _claim_rows(claims):
        cells = [row[column] or "—" for column in _COLUMNS]
        table.add_row(*cells, *([row["quote"]] if with_quote else []))
    console.print(table)
