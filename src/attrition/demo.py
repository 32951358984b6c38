"""What ``attrition demo`` loads before serving: the bundled snapshot and example article."""

from __future__ import annotations

import datetime as dt

from attrition.ledger import Ledger
from attrition.settings import DATA_DIR
from attrition.sources.loaders import import_all_bundled

# The article this project started from (see data/articles/README.md): its
# figures are the General Staff's of 2022-06-25, relayed on the 26th.
EXAMPLE_ARTICLE = DATA_DIR / "articles" / "express-2022-06-putins-losses-exposed.txt"
EXAMPLE_PUBLISHED = dt.date(2022, 6, 26)
EXAMPLE_TITLE = (
    "Putin's losses exposed: 35,000 troops, 1,500 tanks and 217 planes just a fraction of cost"
)
EXAMPLE_OUTLET = "Daily Express"


def load_demo_data(ledger: Ledger, *, progress: bool = True) -> list[str]:
    """Import every bundled input and the example article (both idempotent); one line per step."""
    from attrition.news.ingest import ingest_file

    lines = []
    for name, stats in import_all_bundled(ledger, progress=progress).items():
        counts = ", ".join(
            f"{k} {v}" for k, v in stats.items() if isinstance(v, int) and not isinstance(v, bool)
        )
        lines.append(f"imported {name}: {counts or 'done'}")
    result = ingest_file(
        ledger,
        EXAMPLE_ARTICLE,
        published=EXAMPLE_PUBLISHED,
        title=EXAMPLE_TITLE,
        outlet=EXAMPLE_OUTLET,
    )
    verdicts = ", ".join(f"{n} {v}" for v, n in result.verdicts.items() if n) or "no verdicts"
    lines.append(
        f"example article: {result.status}, document {result.document_id}, "
        f"{result.claims} figures ({verdicts})"
    )
    return lines
