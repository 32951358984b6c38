"""``attrition feeds …``, ``attrition poll`` and ``attrition watch``: following news feeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from attrition.cli.application import app, stderr
from attrition.cli.options import CsvOption, DatabaseOption, JsonOption, open_ledger
from attrition.cli.output import console, print_csv, print_json, print_table
from attrition.errors import InputError

feeds_app = typer.Typer(
    help="Subscribe to RSS and Atom feeds; `attrition poll` reads them.", no_args_is_help=True
)
app.add_typer(feeds_app, name="feeds")

FEED_COLUMNS = ("id", "url", "title", "status", "last_success", "next_poll_at", "failed_pages")


def _now() -> dt.datetime:
    from attrition.ledger.observations import utc_now

    return utc_now()


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "—"


def _feed_status(feed: dict[str, Any]) -> str:
    error = feed.get("last_error")
    if feed["error_count"]:
        return f"failing ×{feed['error_count']}: {error}"
    if error:
        return str(error)  # "warning: …" kept from a feed read despite being malformed
    return "ok" if feed.get("last_success") else "never polled"


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="The feed's URL (or a page that links its feed).")],
    title: Annotated[str | None, typer.Option("--title", help="A name for the feed.")] = None,
    check: Annotated[
        bool,
        typer.Option("--check/--no-check", help="Fetch the feed now to make sure it is one."),
    ] = True,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Subscribe to an RSS or Atom feed (checked by fetching it; adding twice is a no-op).

    Given a web page instead of a feed, the feed the page advertises is used.

    Example: attrition feeds add https://www.example.com/world/rss.xml
    """
    from attrition.ledger.feeds import add_feed
    from attrition.news.feeds import inspect_feed_url

    ledger = open_ledger(db)
    feed_url, found_title, note = inspect_feed_url(url) if check else (_checked(url), None, None)
    with ledger.transaction() as connection:
        feed, created = add_feed(connection, feed_url, title=title or found_title, now=_now())
    if as_json:
        print_json({**feed, "created": created, "note": note})
        return
    if note:
        console.print(escape(note))
    verb = "Added" if created else "Already subscribed to"
    label = f" ({escape(feed['title'])})" if feed.get("title") else ""
    console.print(f"{verb} feed {feed['id']}: {escape(feed['url'])}{label}")


def _checked(url: str) -> str:
    """The URL as given, once it is known to be an absolute http(s) URL."""
    from attrition.news.canonical import canonicalize_url

    canonicalize_url(url)
    return url.strip()


@feeds_app.command("list")
def feeds_list(
    db: DatabaseOption = None, as_json: JsonOption = False, as_csv: CsvOption = False
) -> None:
    """List subscribed feeds with their last success, last error and next poll.

    Example: attrition feeds list
    """
    from attrition.ledger.feeds import list_feeds

    with open_ledger(db).connect() as connection:
        feeds = [{**feed, "status": _feed_status(feed)} for feed in list_feeds(connection)]
    if as_json:
        print_json(feeds)
    elif as_csv:
        print_csv(feeds, [*FEED_COLUMNS, "last_error", "error_count", "etag", "last_modified"])
    elif not feeds:
        console.print("No feeds yet. Add one with `attrition feeds add URL`.")
    else:
        rows = [
            {
                **feed,
                "last_success": _when(feed["last_success"]),
                "next_poll_at": _when(feed["next_poll_at"]) if feed["next_poll_at"] else "now",
            }
            for feed in feeds
        ]
        print_table(rows, FEED_COLUMNS, headers={"next_poll_at": "next poll"})


@feeds_app.command("remove")
def feeds_remove(
    feed: Annotated[str, typer.Argument(help="The feed's id or URL (see `feeds list`).")],
    db: DatabaseOption = None,
) -> None:
    """Unsubscribe from a feed; the articles it brought stay in the ledger.

    Example: attrition feeds remove 3
    """
    from attrition.ledger.feeds import remove_feed

    with open_ledger(db).transaction() as connection:
        removed = remove_feed(connection, feed)
    console.print(f"Removed feed {removed['id']}: {escape(removed['url'])}")


@feeds_app.command("import-opml")
def feeds_import_opml(
    file: Annotated[Path, typer.Argument(help="An OPML file exported by a feed reader.")],
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Subscribe to every feed an OPML file lists (already subscribed ones are kept as they are).

    Example: attrition feeds import-opml subscriptions.opml
    """
    from attrition.ledger.feeds import add_feed
    from attrition.news.opml import parse_opml

    try:
        content = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from exc
    entries, skipped = parse_opml(content, source=str(file))
    added: list[str] = []
    known: list[str] = []
    now = _now()
    with open_ledger(db).transaction() as connection:
        for entry in entries:
            feed, created = add_feed(connection, entry.url, title=entry.title, now=now)
            (added if created else known).append(feed["url"])
    if as_json:
        print_json({"added": added, "already_subscribed": known, "skipped": skipped})
        return
    for message in skipped:
        stderr.print(f"[yellow]skipped[/] {escape(message)}")
    console.print(
        f"Imported {len(entries)} feeds from {escape(str(file))}: {len(added)} added, "
        f"{len(known)} already subscribed, {len(skipped)} skipped."
    )


@feeds_app.command("export-opml")
def feeds_export_opml(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    db: DatabaseOption = None,
) -> None:
    """Write every subscribed feed as OPML 2.0, for another feed reader.

    Example: attrition feeds export-opml -o attrition-feeds.opml
    """
    from attrition.ledger.feeds import list_feeds
    from attrition.news.opml import render_opml

    with open_ledger(db).connect() as connection:
        document = render_opml(list_feeds(connection), now=_now())
    if output is None:
        typer.echo(document, nl=False)
        return
    output.write_text(document, encoding="utf-8")
    console.print(f"Wrote {document.count('xmlUrl=')} feeds to {escape(str(output))}")


class _ProgressObserver:
    """Draws one progress bar per feed on stderr (nothing when stderr is not a terminal)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[int, TaskID] = {}

    def feed_started(self, feed: dict[str, Any], entries: int) -> None:
        name = escape(feed.get("title") or feed["url"])[:60]
        self.tasks[feed["id"]] = self.progress.add_task(name, total=max(entries, 1))

    def entry_done(self, feed: dict[str, Any], outcome: str) -> None:
        self.progress.advance(self.tasks[feed["id"]])

    def feed_done(self, report: Any) -> None:
        task = self.tasks.get(report.feed_id)
        if task is not None:
            self.progress.update(task, completed=self.progress.tasks[task].total)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    )


def _print_poll(report: Any) -> None:
    for feed in report.feeds:
        if feed.status == "failed":
            stderr.print(f"[red]feed {feed.feed_id} failed[/]: {escape(feed.error or '')}")
            continue
        if feed.warning:
            stderr.print(f"[yellow]feed {feed.feed_id}[/]: {escape(feed.warning)}")
        outcomes = ", ".join(f"{n} {k}" for k, n in sorted(feed.outcomes.items()) if n)
        state = "not modified" if feed.status == "not_modified" else (outcomes or "no entries")
        console.print(f"feed {feed.feed_id} {escape(feed.url)}: {state}")
    totals = report.totals()
    summary = ", ".join(f"{n} {k}" for k, n in sorted(totals.items()) if n) or "nothing new"
    console.print(f"Polled {len(report.feeds)} feeds: {summary}.")
    if report.stopped:
        console.print("Stopped before the end; the next poll continues where this one stopped.")


@app.command()
def poll(
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="Poll only this feed (id or URL); repeatable."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Poll every feed, even those not due yet.")
    ] = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch every due feed (conditional requests) and ingest, check and fold new articles.

    Feeds that fail are recorded with their error and retried later with back-off;
    the other feeds carry on.

    Example: attrition poll
    """
    from attrition.news.poll import poll_feeds

    ledger = open_ledger(db)
    with _progress() as progress:
        report = poll_feeds(
            ledger, feeds=feed or (), force=force, observer=_ProgressObserver(progress)
        )
    if as_json:
        print_json(report.as_dict())
    else:
        _print_poll(report)


@app.command()
def watch(
    every: Annotated[
        str, typer.Option("--every", help="Time between polls: 30s, 15m, 2h, 1d.")
    ] = "15m",
    db: DatabaseOption = None,
) -> None:
    """Poll the feeds on a schedule until stopped with Ctrl-C or SIGTERM.

    A stop finishes storing the article in hand, then exits; a second Ctrl-C exits at once
    (the open transaction is rolled back, so nothing is half-stored).

    Example: attrition watch --every 15m
    """
    from attrition.news.watch import parse_interval, run_watch, stop_on_signals

    interval = parse_interval(every)
    ledger = open_ledger(db)

    def report_cycle(cycle: int, report: Any) -> None:
        totals = report.totals()
        summary = ", ".join(f"{n} {k}" for k, n in sorted(totals.items()) if n) or "nothing new"
        failed = sum(1 for f in report.feeds if f.status == "failed")
        console.print(
            f"[{_when(_now())}] poll {cycle}: {len(report.feeds)} feeds"
            f"{f' ({failed} failed)' if failed else ''}: {summary}"
        )

    console.print(f"Watching feeds every {every} (Ctrl-C or SIGTERM stops cleanly).")
    with stop_on_signals(restore=False) as stop:
        try:
            cycles = run_watch(ledger, every=interval, stop=stop, on_cycle=report_cycle)
            stop.finished = True
            reason = f" on {stop.signal_name}" if stop.signal_name else ""
            console.print(f"Stopped cleanly{reason} after {cycles} polls.")
        except KeyboardInterrupt:
            stderr.print("Stopped at once; the article in hand was rolled back.")
            raise typer.Exit(code=130) from None
