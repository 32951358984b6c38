"""``attrition news``, ``related``, ``document``, ``add-url`` and ``add-file``: the news ledger."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from attrition.cli.application import app
from attrition.cli.options import DatabaseOption, JsonOption, open_ledger
from attrition.cli.output import console, print_json, print_table
from attrition.errors import InputError

PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="When the article was published (YYYY-MM-DD or ISO time)."),
]
TitleOption = Annotated[str | None, typer.Option("--title", help="The article's headline.")]


def parse_moment(text: str, *, option: str, now: dt.datetime | None = None) -> dt.datetime:
    """An ISO date or time (UTC unless it says otherwise), or a span back from now (``2d``)."""
    raw = text.strip()
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        from attrition.news.watch import parse_interval

        try:
            span = parse_interval(raw)
        except InputError:
            raise InputError(
                f"{option} {text!r} is neither a date nor a span",
                hint="use 2022-07-05, 2022-07-05T08:00, or a span back from now: 12h, 2d",
            ) from None
        return (now or dt.datetime.now(dt.UTC)) - span
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "—"


def describe_verdicts(claims: int, verdicts: dict[str, int], *, off_topic: bool = False) -> str:
    """``7 figures: 4 match, 2 rounded, 1 contradicts`` (or why there are none)."""
    if claims == 0:
        return "no loss figures (off-topic)" if off_topic else "no loss figures"
    parts = ", ".join(f"{n} {verdict}" for verdict, n in verdicts.items() if n)
    return f"{claims} figure{'s' if claims != 1 else ''}: {parts}"


def _print_story(story: dict[str, Any], *, prefix: str = "") -> None:
    title = escape(story["title"] or story["urls"][0])
    console.print(f"{prefix}[bold]{title}[/]  [dim](story {story['id']})[/]")
    outlets = ", ".join(story["outlets"]) or "unknown outlet"
    urls = len(story["urls"])
    console.print(f"  {escape(outlets)} · {urls} URL{'s' if urls != 1 else ''}")
    console.print(
        f"  originally added {_when(story['first_seen'])} · "
        f"last updated {_when(story['last_updated'])}"
    )
    summary = describe_verdicts(story["claims"], story["verdicts"], off_topic=story["off_topic"])
    console.print(f"  {summary}")


@app.command()
def news(
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only stories updated since: 2d, 12h, or a date."),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option("--topic", help="A category (tanks, personnel, …) or a word in the text."),
    ] = None,
    verdict: Annotated[
        str | None,
        typer.Option("--verdict", help="Only stories with a figure of this verdict."),
    ] = None,
    include_all: Annotated[
        bool, typer.Option("--all", help="Include off-topic stories (no loss figures).")
    ] = False,
    failed: Annotated[
        bool, typer.Option("--failed", help="List the pages that could not be stored, and why.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many stories.")] = 50,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """List news stories newest first, with outlets, times and a verdict summary.

    Each story folds together an article's copies and rewrites; "originally added" is when
    attrition first saw it, "last updated" when its text last changed.

    Example: attrition news --since 2d --verdict contradicts
    """
    from attrition.verify import VERDICTS

    if verdict is not None and verdict not in VERDICTS:
        raise InputError(
            f"--verdict {verdict!r} is not a verdict", hint=f"use one of {', '.join(VERDICTS)}"
        )
    cutoff = parse_moment(since, option="--since") if since else None
    with open_ledger(db).connect() as connection:
        if failed:
            _print_failures(connection, as_json=as_json)
            return
        from attrition.ledger.stories import list_stories

        stories = list_stories(
            connection,
            since=cutoff,
            topic=topic,
            verdict=verdict,
            include_off_topic=include_all,
            limit=limit,
        )
    if as_json:
        print_json(stories)
        return
    if not stories:
        console.print("No stories match. Add feeds with `attrition feeds add URL`, then poll.")
        return
    for story in stories:
        _print_story(story)


def _print_failures(connection: Any, *, as_json: bool) -> None:
    from attrition.ledger.documents import list_page_failures

    failures = list_page_failures(connection)
    if as_json:
        print_json(failures)
        return
    if not failures:
        console.print("No failed pages.")
        return
    rows = [
        {
            **f,
            "last_failed": _when(f["last_failed"]),
            "next_try_at": _when(f["next_try_at"]) if f["next_try_at"] else "never (gave up)",
        }
        for f in failures
    ]
    print_table(rows, ["url", "attempts", "last_failed", "next_try_at", "reason"])


@app.command()
def related(
    doc: Annotated[str, typer.Argument(help="A document id or one of its URLs.")],
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stories that carry the same figures as a document, or fall in its event window.

    Example: attrition related 12
    """
    from attrition.news.related import EVENT_WINDOW, find_related, resolve_document

    with open_ledger(db).connect() as connection:
        story, found = find_related(connection, resolve_document(connection, doc))
    if as_json:
        print_json({"story": story, "related": [r.as_dict() for r in found]})
        return
    _print_story(story, prefix="Story: ")
    if not found:
        console.print(
            f"No related stories: none shares a figure or, within {EVENT_WINDOW.days} days, "
            "a side and category."
        )
        return
    console.print()
    for item in found:
        _print_story(item.story)
        if item.shared_figures:
            shared = "; ".join(_figure_text(key) for key in item.shared_figures)
            console.print(f"  [green]same figures[/]: {escape(shared)}")
        else:
            topics = ", ".join(f"{side} {category}" for side, category in item.shared_topics)
            console.print(
                f"  [cyan]same event window[/] ({item.days_apart:.1f} days apart): {topics}"
            )


def _figure_text(key: tuple[Any, ...]) -> str:
    subject, category, value, low, high = key
    figure = f"{value:,}" if value is not None else f"{low:,}–{high:,}"
    return f"{subject} {category} {figure}"


@app.command()
def document(
    doc: Annotated[str, typer.Argument(help="A document id or one of its URLs.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Show the text and claims as they were at this time."),
    ] = None,
    show_text: Annotated[bool, typer.Option("--text", help="Print the main text too.")] = False,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a document: URLs, versions, and its claims and verdicts, now or on an earlier day.

    Example: attrition document 12 --as-of 2022-07-05
    """
    from attrition.ledger.claims import read_claims
    from attrition.ledger.documents import read_document
    from attrition.news.related import resolve_document

    moment = parse_moment(as_of, option="--as-of") if as_of else None
    if moment is not None and len(as_of or "") == 10:
        moment += dt.timedelta(days=1) - dt.timedelta(microseconds=1)  # the whole day D
    with open_ledger(db).connect() as connection:
        record = read_document(connection, resolve_document(connection, doc), as_of=moment)
        claims = read_claims(connection, document_id=record["id"], version_id=record["version_id"])
    if as_json:
        print_json({**record, "claims": [c.as_dict() for c in claims]})
        return
    console.print(f"[bold]{escape(record['title'] or record['canonical_url'])}[/]")
    console.print(f"  {escape(record['outlet'] or '')} · published {_when(record['published'])}")
    console.print(
        f"  originally added {_when(record['first_seen'])} · "
        f"last updated {_when(record['last_updated'])}"
    )
    for url in record["urls"]:
        console.print(f"  {escape(url)}")
    for version in record["versions"]:
        mark = "→" if version["id"] == record["version_id"] else " "
        console.print(
            f"  {mark} version seen {_when(version['seen_at'])} ({version['content_hash'][:12]})"
        )
    from attrition.verify.verdicts import VERDICTS, format_figure

    counts = Counter(claim.verdict.verdict for claim in claims if claim.verdict)
    ordered = {v: counts[v] for v in VERDICTS if counts[v]}
    console.print(f"  {describe_verdicts(len(claims), ordered, off_topic=record['off_topic'])}")
    rows = [
        {
            "figure": format_figure(claim.value, claim.low, claim.high),
            "side": claim.subject,
            "category": claim.category,
            "claimant": claim.claimant or "",
            "verdict": claim.verdict.verdict if claim.verdict else "",
            "why": claim.verdict.explanation if claim.verdict else "",
        }
        for claim in claims
    ]
    if rows:
        print_table(rows, ["figure", "side", "category", "claimant", "verdict", "why"])
    if show_text:
        console.print(escape(record["text"]))


def _print_result(result: Any) -> None:
    if result.status == "unchanged":
        console.print(
            f"Unchanged: document {result.document_id} already holds this text "
            f"(story {result.story_id})."
        )
        return
    verb = {"new": "Added", "updated": "Updated"}[result.status]
    folded = (
        f", folded with document {result.folded_into} (similarity {result.similarity:.2f})"
        if result.folded_into
        else ""
    )
    console.print(
        f"{verb} document {result.document_id} in story {result.story_id}{folded}: "
        f"{escape(result.title or result.url)}"
    )
    console.print(
        f"  {describe_verdicts(result.claims, result.verdicts, off_topic=result.off_topic)}"
    )


@app.command("add-url")
def add_url(
    url: Annotated[str, typer.Argument(help="The article's URL.")],
    published: PublishedOption = None,
    title: TitleOption = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch one article, reduce it to main text, fold it into its story, check its figures.

    Example: attrition add-url https://www.example.com/world/2022/06/26/losses
    """
    from attrition.news.ingest import ingest_url

    when = parse_moment(published, option="--published") if published else None
    result = ingest_url(open_ledger(db), url, published=when, title=title)
    if as_json:
        print_json(result.as_dict())
    else:
        _print_result(result)


@app.command("add-file")
def add_file(
    path: Annotated[Path, typer.Argument(help="A saved HTML page or a plain-text article.")],
    url: Annotated[
        str | None, typer.Option("--url", help="Where the article was published.")
    ] = None,
    published: PublishedOption = None,
    title: TitleOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Who published it.")] = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ingest a local HTML or text article like a fetched one (given metadata wins).

    Example: attrition add-file article.txt --url https://www.example.com/a --published 2022-06-26
    """
    from attrition.news.ingest import ingest_file

    when = parse_moment(published, option="--published") if published else None
    result = ingest_file(open_ledger(db), path, url=url, published=when, title=title, outlet=outlet)
    if as_json:
        print_json(result.as_dict())
    else:
        _print_result(result)
