"""Near-duplicates fold into one story; different articles and next day's report do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrition.ledger import Ledger
from attrition.news.dedupe import (
    CANDIDATE_THRESHOLD,
    FOLD_THRESHOLD,
    StoryIndex,
    compute_signature,
    estimate_similarity,
    extract_figures,
    figures_agree,
    signature_from_bytes,
    signature_to_bytes,
)
from attrition.news.ingest import Ingestor
from attrition.news.pages import parse_text

TEXTS = {p.stem: p.read_text() for p in (Path(__file__).parent / "fixtures/news/dedupe").glob("*")}


def test_threshold_sits_between_rewrites_and_different_articles() -> None:
    original = TEXTS["original"]
    syndicated = estimate_similarity(original, TEXTS["syndicated"])
    rewrite = estimate_similarity(original, TEXTS["rewrite"])
    different = estimate_similarity(original, TEXTS["different"])
    assert syndicated > rewrite >= FOLD_THRESHOLD + 0.1, (syndicated, rewrite)
    assert different <= FOLD_THRESHOLD - 0.2, different
    assert CANDIDATE_THRESHOLD < FOLD_THRESHOLD


def test_signatures_survive_storage() -> None:
    signature = compute_signature(TEXTS["original"])
    restored = signature_from_bytes(signature_to_bytes(signature))
    assert restored is not None and restored.jaccard(signature) == 1.0
    assert signature_from_bytes(b"short") is None


def test_figures_are_read_with_any_thousands_separator() -> None:
    assert extract_figures("1,402 tanks, 33 150 troops, 3.450 vehicles, 7 jets") == {
        1402,
        33150,
        3450,
    }


def test_consecutive_daily_reports_disagree_on_figures() -> None:
    monday, tuesday = (extract_figures(TEXTS[k]) for k in ("daily-monday", "daily-tuesday"))
    assert estimate_similarity(TEXTS["daily-monday"], TEXTS["daily-tuesday"]) > FOLD_THRESHOLD
    assert not figures_agree(monday, tuesday)
    assert figures_agree(extract_figures(TEXTS["original"]), extract_figures(TEXTS["rewrite"]))
    assert figures_agree(frozenset(), monday)


def _ingest_all(ledger: Ledger, names: list[str]) -> dict[str, int]:
    stories = {}
    with Ingestor(ledger) as ingestor:
        for i, name in enumerate(names):
            page = parse_text(TEXTS[name], url=f"https://outlet{i}.example/{name}")
            result = ingestor.ingest_page(page)
            assert result.story_id is not None
            stories[name] = result.story_id
    return stories


def test_syndicated_copy_and_light_rewrite_fold_into_one_story(ledger: Ledger) -> None:
    stories = _ingest_all(ledger, ["original", "syndicated", "rewrite", "different"])
    assert stories["syndicated"] == stories["original"]
    assert stories["rewrite"] == stories["original"]
    assert stories["different"] != stories["original"]


def test_next_days_templated_report_is_a_new_story(ledger: Ledger) -> None:
    stories = _ingest_all(ledger, ["daily-monday", "daily-tuesday"])
    assert stories["daily-monday"] != stories["daily-tuesday"]


def test_index_reloaded_from_the_ledger_still_folds(ledger: Ledger) -> None:
    first = _ingest_all(ledger, ["original"])
    with ledger.connect() as connection:
        assert len(StoryIndex.load(connection)) == 1
    with Ingestor(ledger) as ingestor:
        copy = ingestor.ingest_page(parse_text(TEXTS["syndicated"], url="https://copy.example/x"))
    assert copy.story_id == first["original"]
    assert copy.similarity is not None and copy.similarity >= FOLD_THRESHOLD


@pytest.mark.parametrize("name", ["different", "daily-tuesday"])
def test_unrelated_text_is_not_matched(name: str) -> None:
    index = StoryIndex()
    index.add(1, 10, compute_signature(TEXTS["original"]), extract_figures(TEXTS["original"]))
    match = index.find_match(
        compute_signature(TEXTS[name]), extract_figures(TEXTS[name]), figures_of=lambda _: set()
    )
    assert match is None
