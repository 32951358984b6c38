"""``attrition check`` and ``attrition recheck``: verdicts for every figure of an article."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Final

import typer
from rich.console import Console
from rich.text import Text

from attrition.cli.application import app
from attrition.cli.options import DatabaseOption, JsonOption, open_ledger
from attrition.cli.output import console, print_json, print_table
from attrition.errors import ConfigurationError, InputError
from attrition.verify.verdicts import Verdict, count_verdicts

# Rich styles of each verdict: the quoted figure is underlined in its colour.
VERDICT_STYLES: Final = {
    "match": "bold green",
    "rounded": "green",
    "stale": "bold yellow",
    "contradicts": "bold red",
    "unverifiable": "bold bright_black",
}
stderr = Console(stderr=True, highlight=False)


def parse_day(raw: str | None, option: str) -> dt.date | None:
    """``2022-06-26`` → a date; anything else is an ``InputError`` naming the option."""
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{option} {raw!r}: expected a date as YYYY-MM-DD") from None


def highlighted_quote(text: str, verdict: Verdict) -> Text:
    """The sentence a figure was read from, with the figure styled by its verdict."""
    quote = verdict.quote or ""
    start, end = verdict.start, verdict.end
    style = VERDICT_STYLES.get(verdict.verdict, "bold")
    if start is None or end is None or not quote:
        return Text(quote)
    at = text.find(quote, max(0, end - len(quote)))
    if at < 0 or not at <= start < end <= at + len(quote):
        return Text(quote)
    out = Text(quote)
    out.stylize(f"{style} underline", start - at, end - at)
    return out


def render_verdicts(text: str, verdicts: list[Verdict], *, title: str) -> None:
    """Print each figure with its highlighted sentence, verdict and explanation."""
    counts = count_verdicts(verdicts)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    console.print(Text(title, style="bold"))
    console.print(f"{len(verdicts)} figures: {summary}" if verdicts else "No loss figures found.")
    for number, verdict in enumerate(verdicts, start=1):
        head = Text(f"\n[{number}] ")
        head.append(f" {verdict.verdict} ", style=f"reverse {VERDICT_STYLES[verdict.verdict]}")
        head.append(f"  {verdict.figure} {verdict.category}  ", style="bold")
        head.append(f"{verdict.claimant or 'unattributed'}, {verdict.basis}", style="dim")
        console.print(head)
        console.print(Text("    ").append_text(highlighted_quote(text, verdict)))
        detail = []
        if verdict.expected is not None and verdict.verdict != "match":
            detail.append(f"expected {verdict.expected:,}")
        if verdict.matched_date is not None:
            detail.append(f"report {verdict.matched_date.isoformat()}")
        if verdict.evidence.confirmed is not None:
            ratio = (
                f", claimed/confirmed {verdict.evidence.ratio}" if verdict.evidence.ratio else ""
            )
            detail.append(f"Oryx confirmed {verdict.evidence.confirmed:,}{ratio}")
        if detail:
            console.print(Text("    " + " · ".join(detail), style="dim"))
        console.print(Text("    " + verdict.explanation))


@app.command("check")
def check_command(
    source: Annotated[
        str,
        typer.Argument(help="An article: a text or HTML file, an http(s) URL, or - for stdin."),
    ],
    published: Annotated[
        str | None,
        typer.Option("--published", help="The article's date, YYYY-MM-DD (default: the page's)."),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option("--url", help="Where a file or stdin text was published (stored with it)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the text.")] = "en",
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Also write a self-contained HTML report to FILE.", dir_okay=False
        ),
    ] = None,
    claimreview: Annotated[
        bool, typer.Option("--claimreview", help="Print schema.org ClaimReview JSON-LD.")
    ] = False,
    store: Annotated[
        bool, typer.Option("--store/--no-store", help="Store the article, claims and verdicts.")
    ] = True,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check every loss figure of an article against the ledger, with a verdict and evidence.

    Verdicts: match, rounded, stale, contradicts, unverifiable (docs/verification.md).

    Example: attrition check article.txt --published 2022-06-26
    """
    from attrition.verify.article import check_article, read_article
    from attrition.verify.context import context_for
    from attrition.verify.report import ArticleInfo, render_claimreview_json, render_html_report

    if as_json and claimreview:
        raise InputError("--json and --claimreview both print to stdout; choose one")
    day = parse_day(published, "--published")
    page = read_article(source, url=url)
    ledger = open_ledger(db)
    with stderr.status("loading the ledger's series", spinner="dots"):
        context = context_for(ledger)
    if not context.series:
        raise ConfigurationError(
            "the ledger holds no series to check against",
            hint="run attrition import --bundled first (or import your own series)",
        )
    article = check_article(ledger, page, published=day, lang=lang, store=store, context=context)
    info = ArticleInfo(
        url=None if page.url.startswith(("urn:", "file:")) else page.url,
        title=page.title,
        published=article.published,
        outlet=page.outlet,
    )
    if html is not None:
        try:
            html.write_text(render_html_report(page.text, article.verdicts, article=info), "utf-8")
        except OSError as exc:
            raise InputError(f"--html {html}: cannot write: {exc.strerror or exc}") from None
        stderr.print(f"HTML report written to {html}")
    if as_json:
        print_json([verdict.as_dict() for verdict in article.verdicts])
        return
    if claimreview:
        sys.stdout.write(render_claimreview_json(article.verdicts, article=info, indent=2) + "\n")
        return
    dated = article.published.isoformat() if article.published else "undated"
    render_verdicts(page.text, article.verdicts, title=f"{page.title or source} ({dated})")
    if article.document_id is not None:
        console.print(Text(f"\nStored as document {article.document_id}.", style="dim"))


@app.command("recheck")
def recheck_command(
    document: Annotated[
        list[int] | None,
        typer.Option("--document", help="Only this document (repeat for several)."),
    ] = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Re-evaluate stored claims against the ledger as it is now, keeping the verdict history.

    Example: attrition recheck --document 12
    """
    from attrition.verify.recheck import recheck_claims

    ledger = open_ledger(db)
    with stderr.status("re-checking stored claims", spinner="dots"):
        result = recheck_claims(ledger, document_ids=document)
    if as_json:
        print_json(result.as_dict())
        return
    console.print(
        f"Rechecked {result.claims} claims in {result.documents} documents: "
        f"{len(result.changes)} verdicts changed, {result.unchanged} unchanged."
    )
    if result.changes:
        print_table(
            [change.as_dict() for change in result.changes],
            ["claim_id", "document_id", "figure", "category", "before", "after", "explanation"],
            headers={"claim_id": "claim", "document_id": "document"},
        )
