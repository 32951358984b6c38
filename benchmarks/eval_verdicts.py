"""Verdict quality on the labelled dev set: ``python benchmarks/eval_verdicts.py``.

Builds a ledger from the bundled snapshot (a temporary SQLite file), then for
every record of ``../shared/eval/devset.jsonl`` judges (1) the gold claims, so
extractor misses cannot hide engine errors, and (2) the claims the extractor
finds in the text. Checks the two quality rules of issue #5 and prints the
verdict counts:

- no claim whose figure equals its claimant's series within a day of its
  ``as_of`` is ever ``contradicts``;
- every labelled misquote (a gold claim with a ``note``) is ``contradicts``
  or ``stale``. The extracted copies of the misquotes are listed too; where
  the extractor misreads a claim (its claimant, basis or date) they can differ.

Exits non-zero when a rule is broken. Reads ``../shared`` (not shipped).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attrition.extract import extract_claims
from attrition.ledger import Ledger
from attrition.sources.loaders import import_all_bundled
from attrition.verify import VERDICTS, Verdict, VerifyContext, context_for, evaluate_claims
from attrition.verify.dates import report_window
from attrition.verify.verdicts import ClaimFields, ClaimRecord

DEVSET = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "devset.jsonl"
KEY = ("subject", "category", "value", "low", "high")


@dataclass(frozen=True)
class GoldClaim(ClaimFields):
    """A labelled claim of the dev set."""

    note: str | None = None


def load_records(path: Path) -> list[dict[str, Any]]:
    """The dev set's records with gold claims as ``GoldClaim``."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        record["gold"] = [
            GoldClaim(
                **{
                    **claim,
                    "as_of": dt.date.fromisoformat(claim["as_of"]) if claim["as_of"] else None,
                }
            )
            for claim in record["claims"]
        ]
        published = record.get("published")
        record["published_date"] = dt.date.fromisoformat(published) if published else None
        records.append(record)
    return records


def equals_own_series(claim: Any, context: VerifyContext) -> bool:
    """True when the figure equals its claimant's series within a day of its ``as_of``."""
    claim = ClaimRecord.of(claim)
    if claim.as_of is None or claim.value is None or claim.claimant is None:
        return False
    series = context.find(claim.claimant, claim.subject, claim.category)
    if series is None:
        return False
    return any(series.figure(day, claim.basis) == claim.value for day in report_window(claim.as_of))


def judge(records: list[dict[str, Any]], context: VerifyContext) -> dict[str, Any]:
    """Run gold and extracted claims through the engine; collect counts and rule breaches."""
    counts: dict[str, Counter[str]] = {"gold": Counter(), "extracted": Counter()}
    breaches: list[str] = []
    misquotes: list[str] = []
    extracted_misquotes: list[str] = []
    timings: list[float] = []
    for record in records:
        published = record["published_date"]
        gold_verdicts = evaluate_claims(record["gold"], context, published=published)
        for claim, verdict in zip(record["gold"], gold_verdicts, strict=True):
            counts["gold"][verdict.verdict] += 1
            if verdict.verdict == "contradicts" and equals_own_series(claim, context):
                breaches.append(f"{record['id']} gold {claim}: {verdict.explanation}")
            if claim.note:
                ok = verdict.verdict in ("contradicts", "stale")
                misquotes.append(
                    f"{'ok ' if ok else 'BAD'} {record['id']} {claim.category} "
                    f"{claim.value}: {verdict.verdict} ({verdict.error_model or '-'})"
                )
                if not ok:
                    breaches.append(f"{record['id']} misquote {claim} judged {verdict.verdict}")
        started = time.perf_counter()
        extracted = extract_claims(
            record["text"], published=published, lang=record.get("lang", "en")
        )
        verdicts: list[Verdict] = evaluate_claims(extracted, context, published=published)
        timings.append(time.perf_counter() - started)
        noted = {tuple(getattr(c, k) for k in KEY) for c in record["gold"] if c.note}
        for claim, verdict in zip(extracted, verdicts, strict=True):
            counts["extracted"][verdict.verdict] += 1
            if verdict.verdict == "contradicts" and equals_own_series(claim, context):
                breaches.append(f"{record['id']} extracted {claim}: {verdict.explanation}")
            if tuple(getattr(claim, k) for k in KEY) in noted:
                ok = verdict.verdict in ("contradicts", "stale")
                extracted_misquotes.append(
                    f"{'ok ' if ok else 'no '} {record['id']} {claim.category} {claim.value}: "
                    f"{verdict.verdict} (extracted as {claim.claimant}, {claim.basis}, "
                    f"as_of {claim.as_of})"
                )
    return {
        "counts": counts,
        "breaches": breaches,
        "misquotes": misquotes,
        "extracted_misquotes": extracted_misquotes,
        "timings": timings,
    }


def main() -> int:
    """Build the ledger, judge the dev set, print counts and rule results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if not args.devset.exists():
        print(f"no dev set at {args.devset} (it lives in ../shared, not in the repository)")
        return 2
    records = load_records(args.devset)
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger.open(f"sqlite:///{tmp}/ledger.db")
        import_all_bundled(ledger, progress=False)
        context = context_for(ledger)
        result = judge(records, context)
        ledger.dispose()
    counts = result["counts"]
    if args.json:
        print(json.dumps({**result, "counts": {k: dict(v) for k, v in counts.items()}}, indent=2))
        return 1 if result["breaches"] else 0
    gold_total, extracted_total = sum(counts["gold"].values()), sum(counts["extracted"].values())
    print(f"dev set: {len(records)} records, {gold_total} gold claims, {extracted_total} extracted")
    print(f"{'verdict':14}{'gold':>8}{'extracted':>11}")
    for name in VERDICTS:
        print(f"{name:14}{counts['gold'][name]:>8}{counts['extracted'][name]:>11}")
    print("\nlabelled misquotes (gold):")
    for line in result["misquotes"]:
        print("  " + line)
    print("labelled misquotes as the extractor reads them (not a rule: extractor errors show):")
    for line in result["extracted_misquotes"]:
        print("  " + line)
    timings = sorted(result["timings"])
    print(
        f"\nextract + verify per record: median {1000 * timings[len(timings) // 2]:.1f} ms, "
        f"max {1000 * timings[-1]:.1f} ms"
    )
    if result["breaches"]:
        print(f"\nRULES BROKEN ({len(result['breaches'])}):")
        for line in result["breaches"]:
            print("  " + line)
        return 1
    print(
        "\nrules hold: no figure equal to its series within a day of as_of is contradicts; "
        "every labelled misquote is contradicts or stale"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
