"""The extraction gate: labelled texts in tests/golden/ scored with score.py's matching.

Each ``*.jsonl`` file holds records in the dev set's format (``id``, ``text``,
``published``, ``lang``, ``claims``); ``floors.json`` pins the precision,
recall and attribute agreement each file must reach. The scorer pairs a
predicted claim with a gold claim of the same record on subject, category,
value, low and high, each gold claim at most once — as ``score.py`` does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from attrition.extract import extract_claims

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
KEY = ("subject", "category", "value", "low", "high")
ATTRS = ("claimant", "basis", "as_of", "qualifier")
FLOORS: dict[str, dict[str, float]] = {
    name: floors
    for name, floors in json.loads((GOLDEN / "floors.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}


def _key(claim: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(claim.get(k) for k in KEY)


def score(gold: list[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Precision, recall and attribute agreement, matched the way score.py matches."""
    tp = fp = fn = 0
    agree = dict.fromkeys(ATTRS, 0)
    misses: list[str] = []
    for record in gold:
        left = list(record["claims"])
        for claim in predicted.get(record["id"], []):
            hit = next((g for g in left if _key(g) == _key(claim)), None)
            if hit is None:
                fp += 1
                misses.append(f"spurious {record['id']} {_key(claim)}")
                continue
            left.remove(hit)
            tp += 1
            for attr in ATTRS:
                agree[attr] += hit.get(attr) == claim.get(attr)
        fn += len(left)
        misses.extend(f"missed {record['id']} {_key(g)}" for g in left)
    result: dict[str, Any] = {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "misses": misses,
    }
    for attr in ATTRS:
        result[attr] = agree[attr] / tp if tp else 0.0
    return result


def _load(name: str) -> list[dict[str, Any]]:
    lines = (GOLDEN / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _predict(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {
        r["id"]: [
            c.to_dict()
            for c in extract_claims(
                r["text"], published=r.get("published"), lang=r.get("lang") or "en"
            )
        ]
        for r in records
    }


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_golden_file_stays_above_its_floors(name: str) -> None:
    records = _load(name)
    result = score(records, _predict(records))
    report = "\n".join(result["misses"])
    for measure, floor in FLOORS[name].items():
        assert result[measure] >= floor, (
            f"{name}: {measure} {result[measure]:.3f} < {floor}\n{report}"
        )


def test_every_golden_file_has_floors() -> None:
    files = {p.name for p in GOLDEN.glob("*.jsonl")}
    assert files == set(FLOORS)


def test_seed_article_yields_exactly_its_gold_claims() -> None:
    text = (FIXTURES / "articles" / "express-2022-06-putins-losses-exposed.txt").read_text(
        encoding="utf-8"
    )
    gold = _load("seed-gold.jsonl")[0]
    assert text == gold["text"]
    got = sorted(
        (tuple(c.to_dict()[k] for k in (*KEY, *ATTRS)) for c in extract_claims(text)),
        key=repr,
    )
    want = sorted((tuple(c.get(k) for k in (*KEY, *ATTRS)) for c in gold["claims"]), key=repr)
    assert got == want


def test_claim_spans_point_at_their_figures() -> None:
    text = (FIXTURES / "articles" / "express-2022-06-putins-losses-exposed.txt").read_text(
        encoding="utf-8"
    )
    for claim in extract_claims(text):
        figure = text[claim.start : claim.end]
        assert claim.quote and figure in text
        number = claim.value if claim.value is not None else claim.low
        assert f"{number:,}" in figure or str(number) in figure, (claim, figure)
