"""Storing a checked document's claims and verdicts, with history, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import sqlalchemy as sa

from attrition.ledger import Ledger, ObservationRecord, ensure_source, upsert_observations
from attrition.ledger.claims import (
    list_checked_documents,
    read_claims,
    read_verdict_history,
    store_checked_claims,
)
from attrition.ledger.schema import documents
from attrition.verify import HeldFigure, Verdict, VerifyContext
from attrition.verify.recheck import recheck_claims

D = dt.date(2022, 6, 25)
T1 = dt.datetime(2022, 6, 26, 8, 0, tzinfo=dt.UTC)
T2 = dt.datetime(2022, 7, 1, 8, 0, tzinfo=dt.UTC)


def verdict(value: int, outcome: str = "match", **changes: object) -> Verdict:
    base = Verdict(
        subject="RU",
        category="tanks",
        value=value,
        low=None,
        high=None,
        qualifier="exact",
        basis="cumulative",
        claimant="UA_GENERAL_STAFF",
        as_of=None,
        verdict=outcome,
        explanation=f"{value} explained",
        expected=value,
        matched_date=D,
        held_against=(HeldFigure("UA_GENERAL_STAFF", "RU", "tanks", "cumulative", D, value),),
        start=10,
        end=20,
        quote=f"{value} tanks",
        rule_id="test-rule",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def add_document(ledger: Ledger, published: dt.datetime | None) -> int:
    with ledger.transaction() as connection:
        result = connection.execute(
            sa.insert(documents)
            .values(
                url="https://example.org/a",
                canonical_url="https://example.org/a",
                published=published,
                first_seen=T1,
                last_updated=T1,
                content_hash="h",
                text="1,511 tanks",
            )
            .returning(documents.c.id)
        )
        return int(result.scalar_one())


def test_stored_claims_read_back_with_their_verdict_and_observation(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        source = ensure_source(connection, "gs-petroivaniuk")
        upsert_observations(connection, source, [ObservationRecord("RU", "tanks", D, 1_511)])
        stats = store_checked_claims(
            connection,
            document_id=None,
            version_id=None,
            verdicts=[verdict(1_511)],
            extractor_version="x1",
            checked_at=T1,
        )
    assert (stats.claims_added, stats.verdicts_added) == (1, 1)
    with ledger.connect() as connection:
        [claim] = read_claims(connection)
    assert (claim.value, claim.quote, claim.start, claim.end, claim.rule_id) == (
        1_511,
        "1511 tanks",
        10,
        20,
        "test-rule",
    )
    assert claim.extractor_version == "x1"
    assert claim.verdict is not None
    assert (claim.verdict.verdict, claim.verdict.expected, claim.verdict.matched_date) == (
        "match",
        1_511,
        D,
    )
    assert claim.verdict.observation_id is not None
    assert claim.verdict.checked_at == T1
    assert claim.verdict.evidence["held_against"][0]["as_of"] == "2022-06-25"


def test_storing_the_same_verdicts_again_changes_nothing(ledger: Ledger) -> None:
    for _ in range(2):
        with ledger.transaction() as connection:
            stats = store_checked_claims(
                connection, document_id=None, version_id=None, verdicts=[verdict(1_511)]
            )
    assert (stats.claims_added, stats.claims_kept, stats.verdicts_unchanged) == (0, 1, 1)
    with ledger.connect() as connection:
        [claim] = read_claims(connection, history=True)
    assert len(claim.history) == 1


def test_a_changed_verdict_becomes_current_and_the_old_one_is_kept(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        store_checked_claims(
            connection,
            document_id=None,
            version_id=None,
            verdicts=[verdict(1_511, "unverifiable", expected=None, matched_date=None)],
            checked_at=T1,
        )
    with ledger.transaction() as connection:
        stats = store_checked_claims(
            connection, document_id=None, version_id=None, verdicts=[verdict(1_511)], checked_at=T2
        )
    assert (stats.verdicts_changed, stats.claims_added) == (1, 0)
    with ledger.connect() as connection:
        [claim] = read_claims(connection, history=True)
        history = read_verdict_history(connection, claim.id)
    assert [(v.verdict, v.current, v.checked_at) for v in history] == [
        ("unverifiable", False, T1),
        ("match", True, T2),
    ]
    assert claim.verdict is not None and claim.verdict.verdict == "match"
    assert [v.verdict for v in claim.history] == ["unverifiable", "match"]


def test_a_claim_no_longer_extracted_loses_its_current_verdict(ledger: Ledger) -> None:
    with ledger.transaction() as connection:
        store_checked_claims(
            connection,
            document_id=None,
            version_id=None,
            verdicts=[verdict(1_511), verdict(75, start=30, end=40)],
        )
    with ledger.transaction() as connection:
        stats = store_checked_claims(
            connection, document_id=None, version_id=None, verdicts=[verdict(1_511)]
        )
    assert stats.claims_retired == 1
    with ledger.connect() as connection:
        assert [c.value for c in read_claims(connection)] == [1_511]
        assert [c.value for c in read_claims(connection, retired=True)] == [1_511, 75]


def test_a_failed_store_leaves_nothing_behind(ledger: Ledger) -> None:
    try:
        with ledger.transaction() as connection:
            store_checked_claims(
                connection, document_id=None, version_id=None, verdicts=[verdict(1_511)]
            )
            raise RuntimeError("interrupted")
    except RuntimeError:
        pass
    with ledger.connect() as connection:
        assert read_claims(connection, retired=True) == []


def test_recheck_after_the_ledger_changed_keeps_the_history(ledger: Ledger) -> None:
    document_id = add_document(ledger, dt.datetime(2022, 6, 26, 9, 0, tzinfo=dt.UTC))
    stale_context = VerifyContext.from_tables({})
    with ledger.transaction() as connection:
        store_checked_claims(
            connection,
            document_id=document_id,
            version_id=None,
            verdicts=[verdict(1_511, "unverifiable", expected=None, matched_date=None)],
            checked_at=T1,
        )
    first = recheck_claims(ledger, context=stale_context)
    assert (first.claims, len(first.changes)) == (1, 1)  # a new explanation, same verdict
    context = VerifyContext.from_tables({("UA_GENERAL_STAFF", "RU", "tanks"): {D: 1_511}})
    second = recheck_claims(ledger, context=context)
    assert [(c.before, c.after) for c in second.changes] == [("unverifiable", "match")]
    assert "2022-06-25, the day before the article's date" in second.changes[0].explanation
    third = recheck_claims(ledger, context=context)
    assert (third.unchanged, third.changes) == (1, [])
    with ledger.connect() as connection:
        [claim] = read_claims(connection, history=True)
        [document] = list_checked_documents(connection)
    assert [v.verdict for v in claim.history] == ["unverifiable", "unverifiable", "match"]
    assert document.published == dt.date(2022, 6, 26)
