"""Documents keep first seen and last updated; versions are kept; two URLs, one document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from attrition.errors import NotFound
from attrition.ledger import Ledger
from attrition.ledger.claims import read_claims
from attrition.ledger.documents import read_document, resolve_document_id
from attrition.ledger.schema import (
    claims,
    document_urls,
    document_versions,
    documents,
    stories,
    verdicts,
)
from attrition.news.checking import ClaimSummary, ExtractVerifyStage
from attrition.news.ingest import Ingestor
from attrition.news.pages import parse_html, parse_text

T0 = dt.datetime(2022, 7, 5, 8, 0, tzinfo=dt.UTC)
ARTICLE = (Path(__file__).parent / "fixtures/news/dedupe/original.txt").read_text()
URL = "https://www.dailyplanet.example/world/kyiv-tanks"


class Clock:
    """A settable clock for the ingestor."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ingestor(ledger: Ledger, clock: Clock) -> Iterator[Ingestor]:
    with Ingestor(ledger, clock=clock) as it:
        yield it


def _document(ledger: Ledger, document_id: int, **kwargs: dt.datetime) -> dict:
    with ledger.connect() as connection:
        return read_document(connection, document_id, **kwargs)


def test_new_document_is_first_seen_and_last_updated_now(
    ledger: Ledger, ingestor: Ingestor
) -> None:
    result = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    assert result.status == "new"
    document = _document(ledger, result.document_id)
    assert (document["first_seen"], document["last_updated"], document["last_checked"]) == (
        T0,
        T0,
        T0,
    )
    assert [v["seen_at"] for v in document["versions"]] == [T0]
    assert (
        document["title"]
        == "Kyiv says Russian tank losses pass 1,400 as fighting grinds on in the east"
    )


def test_unchanged_text_moves_only_last_checked(
    ledger: Ledger, ingestor: Ingestor, clock: Clock
) -> None:
    first = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    later = clock.advance(hours=3)
    rewrapped = ARTICLE.replace(". ", ".  ").replace("\n", "\n\n")
    again = ingestor.ingest_page(parse_text(rewrapped, url=URL))
    assert (again.status, again.document_id) == ("unchanged", first.document_id)
    document = _document(ledger, first.document_id)
    assert (document["last_updated"], document["last_checked"]) == (T0, later)
    assert len(document["versions"]) == 1


def test_changed_text_is_a_new_version_and_the_old_one_is_readable(
    ledger: Ledger, ingestor: Ingestor, clock: Clock
) -> None:
    first = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    changed_at = clock.advance(days=1)
    corrected = ARTICLE.replace("1,402 tanks", "1,404 tanks")
    update = ingestor.ingest_page(parse_text(corrected, url=URL))
    assert (update.status, update.document_id) == ("updated", first.document_id)
    document = _document(ledger, first.document_id)
    assert (document["first_seen"], document["last_updated"]) == (T0, changed_at)
    assert [v["seen_at"] for v in document["versions"]] == [T0, changed_at]
    day_before = _document(ledger, first.document_id, as_of=T0 + dt.timedelta(hours=12))
    assert "1,402 tanks" in day_before["text"] and "1,404" not in day_before["text"]
    assert "1,404 tanks" in document["text"]
    with pytest.raises(NotFound, match="first seen 2022-07-05 08:00, after 2022-07-04"):
        _document(ledger, first.document_id, as_of=T0 - dt.timedelta(days=1))


def test_each_version_keeps_the_claims_read_from_it(
    ledger: Ledger, ingestor: Ingestor, clock: Clock
) -> None:
    first = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    clock.advance(days=1)
    ingestor.ingest_page(parse_text(ARTICLE.replace("1,402 tanks", "1,404 tanks"), url=URL))
    old, new = _document(ledger, first.document_id)["versions"]

    def tanks(version_id: int) -> set[int | None]:
        with ledger.connect() as connection:
            found = read_claims(connection, document_id=first.document_id, version_id=version_id)
        return {claim.value for claim in found if claim.category == "tanks"}

    assert 1402 in tanks(old["id"]) and 1404 not in tanks(old["id"])
    assert 1404 in tanks(new["id"]) and 1402 not in tanks(new["id"])


def test_text_reverted_to_an_earlier_version_reuses_it(
    ledger: Ledger, ingestor: Ingestor, clock: Clock
) -> None:
    first = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    clock.advance(hours=1)
    ingestor.ingest_page(parse_text(ARTICLE.replace("1,402", "1,420"), url=URL))
    reverted_at = clock.advance(hours=1)
    back = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    assert back.status == "updated"
    document = _document(ledger, first.document_id)
    assert len(document["versions"]) == 2
    assert document["last_updated"] == reverted_at
    assert document["version_id"] == document["versions"][0]["id"]


def test_same_article_via_tracking_link_and_amp_page_is_one_document(
    ledger: Ledger, ingestor: Ingestor
) -> None:
    first = ingestor.ingest_page(parse_text(ARTICLE, url=URL + "?utm_source=twitter#top"))
    amp_html = (
        f'<html><head><link rel="canonical" href="{URL}/"></head><body><article>'
        + "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
        + "</article></body></html>"
    )
    amp = ingestor.ingest_page(parse_html(amp_html, url="https://amp.dailyplanet.example/k/1"))
    moved = ingestor.ingest_page(parse_text(ARTICLE, url="https://dailyplanet.example/a/99"))
    assert amp.document_id == moved.document_id == first.document_id
    with ledger.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar() == 1
        urls = set(connection.execute(sa.select(document_urls.c.url)).scalars())
        assert (
            resolve_document_id(connection, "https://amp.dailyplanet.example/k/1")
            == amp.document_id
        )
    assert urls == {URL, "https://amp.dailyplanet.example/k/1", "https://dailyplanet.example/a/99"}


def test_identical_text_at_another_outlet_is_another_document_in_the_same_story(
    ledger: Ledger, ingestor: Ingestor, clock: Clock
) -> None:
    first = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    copied_at = clock.advance(hours=5)
    copy = ingestor.ingest_page(parse_text(ARTICLE, url="https://relay.example.net/p/7"))
    assert copy.document_id != first.document_id
    assert copy.story_id == first.story_id and copy.folded_into == first.document_id
    with ledger.connect() as connection:
        story = connection.execute(sa.select(stories)).one()
    assert (story.first_seen.replace(tzinfo=dt.UTC), story.last_updated.replace(tzinfo=dt.UTC)) == (
        T0,
        copied_at,
    )


def test_cross_site_canonical_joins_the_originals_story(ledger: Ledger, ingestor: Ingestor) -> None:
    original = ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    relay = (
        f'<html><head><link rel="canonical" href="{URL}"></head><body><article>'
        "<p>A relay page quoting one line of it: Russia's tank losses passed 1,400 on Tuesday, "
        "the General Staff said in its regular morning update.</p></article></body></html>"
    )
    copy = ingestor.ingest_page(parse_html(relay, url="https://aggregator.example.org/putin/1"))
    assert copy.document_id != original.document_id
    assert copy.story_id == original.story_id


def test_nothing_is_half_stored_when_a_step_fails(ledger: Ledger, clock: Clock) -> None:
    class Exploding(ExtractVerifyStage):
        def store(self, connection: sa.Connection, **kwargs: Any) -> ClaimSummary:
            super().store(connection, **kwargs)  # claims are written, then the step fails
            raise RuntimeError("verify crashed")

    with (
        Ingestor(ledger, claim_stage=Exploding(ledger), clock=clock) as ingestor,
        pytest.raises(RuntimeError),
    ):
        ingestor.ingest_page(parse_text(ARTICLE, url=URL))
    with ledger.connect() as connection:
        for table in (documents, document_urls, document_versions, stories, claims, verdicts):
            assert connection.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 0
