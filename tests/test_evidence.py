"""Evidence items in the ledger: snapshots over snapshots, identity, queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from attrition.ledger import Ledger, ensure_source
from attrition.ledger.evidence import (
    count_evidence_items,
    list_evidence_items,
    upsert_evidence_items,
)
from attrition.ledger.schema import evidence_items, imports
from attrition.sources.oryx_import import import_oryx_page
from attrition.sources.oryx_page import parse_oryx_page

FIXTURES = Path(__file__).parent / "fixtures" / "oryx"
PAGE_2022 = FIXTURES / "excerpt-2022-06-27.html"
PAGE_2023 = FIXTURES / "excerpt-2023-06-24.html"
PAGE_2025 = FIXTURES / "excerpt-2025-04-15.html"
D2022, D2023, D2025 = dt.date(2022, 6, 27), dt.date(2023, 6, 24), dt.date(2025, 4, 15)


def _import(ledger: Ledger, *pages: Path) -> list[dict[str, Any]]:
    reports = []
    for page in pages:
        with ledger.transaction() as connection:
            reports.append(import_oryx_page(connection, page))
    return reports


def _table(ledger: Ledger) -> list[dict[str, Any]]:
    with ledger.connect() as connection:
        query = sa.select(evidence_items).order_by(evidence_items.c.id)
        return [dict(row._mapping) for row in connection.execute(query)]


def _imports(ledger: Ledger) -> list[dict[str, Any]]:
    with ledger.connect() as connection:
        rows = connection.execute(sa.select(imports.c.stats).order_by(imports.c.id))
        return [dict(row.stats) for row in rows]


def _by_url(ledger: Ledger, url_end: str) -> list[dict[str, Any]]:
    return [row for row in _table(ledger) if (row["proof_url"] or "").endswith(url_end)]


def test_first_import_stores_every_item_seen_on_the_page_date(ledger: Ledger) -> None:
    (report,) = _import(ledger, PAGE_2022)
    assert report["ledger"]["new"] == report["items"] == 128
    rows = _table(ledger)
    assert len(rows) == 128
    assert {(r["first_seen"], r["last_seen"], r["disappeared_on"]) for r in rows} == {
        (D2022, D2022, None)
    }
    (pair_first,) = [r for r in rows if r["item_key"] == "RU|tanks|t-64bv|destroyed|13"]
    assert {k: pair_first[k] for k in ("status", "counted_as", "item_number", "date_hint")} == {
        "status": "destroyed",
        "counted_as": "destroyed",
        "item_number": 13,
        "date_hint": dt.date(2022, 5, 25),
    }


def test_importing_the_same_snapshot_twice_changes_nothing(ledger: Ledger) -> None:
    _import(ledger, PAGE_2022, PAGE_2025)
    before, imports_before = _table(ledger), _imports(ledger)
    (again,) = _import(ledger, PAGE_2025)
    assert again["ledger"]["status"] == "unchanged input"
    assert again["items"] == 177 and again["mismatches"] == []  # the report is still complete
    assert (_table(ledger), _imports(ledger)) == (before, imports_before)
    assert [(i["role"], i["snapshot_date"], i["new"]) for i in imports_before] == [
        ("page-RU", "2022-06-27", 128),
        ("page-RU", "2025-04-15", 135),
    ]


def test_storing_the_same_items_twice_changes_no_row(ledger: Ledger) -> None:
    page = parse_oryx_page(PAGE_2025.read_bytes())
    with ledger.transaction() as connection:
        source_id = ensure_source(connection, "oryx")
        upsert_evidence_items(connection, source_id, page.items, seen_on=D2025)
    before = _table(ledger)
    with ledger.transaction() as connection:
        stats = upsert_evidence_items(connection, source_id, page.items, seen_on=D2025)
    assert (stats.new, stats.updated, stats.unchanged) == (0, 0, 177)
    assert _table(ledger) == before


def test_a_newer_snapshot_keeps_first_seen_and_marks_what_disappeared(ledger: Ledger) -> None:
    first, second = _import(ledger, PAGE_2022, PAGE_2023)
    # The captured T-80UE-1 were numbered 2-5 in 2022 and 1-4 in 2023, when Oryx
    # restarted the numbering per status: they are the same four items.
    captured = [
        r for r in _table(ledger) if r["model"] == "T-80UE-1" and r["counted_as"] == "captured"
    ]
    assert [(r["item_number"], r["first_seen"], r["last_seen"]) for r in captured] == [
        (1, D2022, D2023),
        (2, D2022, D2023),
        (3, D2022, D2023),
        (4, D2022, D2023),
    ]
    # The 9A316 destroyed in 2022 is gone from the 2023 page.
    (gone,) = _by_url(ledger, "/7688.png")
    assert (gone["first_seen"], gone["last_seen"], gone["disappeared_on"]) == (D2022, D2022, D2023)
    # A T-80UE-1 destroyed appears for the first time in 2023.
    (new,) = _by_url(ledger, "1008-T-80-UE-1-destr-06-06-23.jpg")
    assert (new["first_seen"], new["item_key"], new["date_hint"]) == (
        D2023,
        "RU|tanks|t-80ue-1|destroyed|2",
        dt.date(2023, 6, 6),
    )
    # Headings the 2023 excerpt does not carry are gone from it, not deleted; of
    # the models it carries, five 2022 proofs are no longer on the page at all.
    gone_here = sorted(
        r["proof_url"].rsplit("/", 1)[-1]
        for r in _table(ledger)
        if r["disappeared_on"] == D2023 and r["category"] in ("tanks", "air_defense")
    )
    assert gone_here == [
        "1529509006422728704",
        "1529509006422728704",
        "224.jpg",
        "4431.png",
        "7688.png",
        "n0.png",
    ]
    assert second["ledger"]["disappeared"] == (48 + 10 + 28 + 1) + len(gone_here)
    assert len(_table(ledger)) == first["items"] + second["ledger"]["new"]


def test_renumbered_items_keep_their_identity(ledger: Ledger) -> None:
    _import(ledger, PAGE_2022, PAGE_2023)
    # 2022 "(3, destroyed)" of T-72AV is "(2, destroyed)" in 2023: same photo, one row.
    (row,) = _by_url(ledger, "/75.jpg")
    assert (row["item_key"], row["first_seen"], row["last_seen"]) == (
        "RU|tanks|t-72av|destroyed|2",
        D2022,
        D2023,
    )


def test_a_gone_item_is_not_revived_by_a_different_item_taking_its_place(ledger: Ledger) -> None:
    _import(ledger, PAGE_2022, PAGE_2023, PAGE_2025)
    (gone,) = _by_url(ledger, "/7688.png")
    assert gone["disappeared_on"] == D2023
    assert gone["item_key"] == "RU|air_defense|9a316 tel (for buk-m2)|destroyed|1~2"
    holder = [
        r
        for r in _table(ledger)
        if r["item_key"] == "RU|air_defense|9a316 tel (for buk-m2)|destroyed|1"
    ]
    assert [(r["first_seen"], r["proof_url"]) for r in holder] == [
        (D2025, "https://twitter.com/UAWeapons/status/1685581789169852416")
    ]


def test_an_older_snapshot_imported_late_moves_first_seen_back_only(ledger: Ledger) -> None:
    _import(ledger, PAGE_2025)
    newest = {r["id"]: r for r in _table(ledger)}
    (report,) = _import(ledger, PAGE_2022)
    rows = {r["id"]: r for r in _table(ledger)}
    moved_back = [r for r in rows.values() if r["id"] in newest and r["first_seen"] == D2022]
    assert moved_back, "items on both pages must take the older first_seen"
    for row in moved_back:
        old = newest[row["id"]]
        assert {k: v for k, v in row.items() if k != "first_seen"} == {
            k: v for k, v in old.items() if k != "first_seen"
        }
    only_2022 = [r for r in rows.values() if r["id"] not in newest]
    assert len(only_2022) == report["ledger"]["new"] > 0
    assert {(r["first_seen"], r["last_seen"], r["disappeared_on"]) for r in only_2022} == {
        (D2022, D2022, D2025)
    }


@dataclass(frozen=True)
class Item:
    """A minimal evidence record for ledger-level tests."""

    item_key: str
    proof_url: str | None
    side: str = "RU"
    category: str | None = "tanks"
    source_category: str = "Tanks"
    model: str = "T-72B"
    status: str = "destroyed"
    counted_as: str = "destroyed"
    detail: str | None = None
    item_number: int = 1
    date_hint: dt.date | None = None


def _upsert(ledger: Ledger, items: list[Item], day: dt.date) -> dict[str, Any]:
    with ledger.transaction() as connection:
        source_id = ensure_source(connection, "oryx")
        return upsert_evidence_items(connection, source_id, items, seen_on=day).as_dict()


def test_a_row_displaced_from_its_key_keeps_its_history_under_a_suffix(ledger: Ledger) -> None:
    a = Item("RU|tanks|t-72b|destroyed|1", "https://example.org/a.jpg")
    b = Item("RU|tanks|t-72b|destroyed|2", "https://example.org/b.jpg", item_number=2)
    _upsert(ledger, [a, b], D2022)
    # Oryx dropped item 1; item 2 moved up to number 1.
    stats = _upsert(ledger, [replace(b, item_key=a.item_key, item_number=1)], D2023)
    assert stats["matched_by"]["position and proof"] == 1
    rows = {r["proof_url"]: r for r in _table(ledger)}
    assert (rows[b.proof_url]["item_key"], rows[b.proof_url]["first_seen"]) == (a.item_key, D2022)
    assert (rows[a.proof_url]["item_key"], rows[a.proof_url]["disappeared_on"]) == (
        a.item_key + "~2",
        D2023,
    )


def test_one_photo_proving_two_items_stays_two_items(ledger: Ledger) -> None:
    photo = "https://example.org/two-tanks.jpg"
    pair = [Item(f"RU|tanks|t-72b|destroyed|{n}", photo, item_number=n) for n in (1, 2)]
    _upsert(ledger, pair, D2022)
    stats = _upsert(ledger, pair, D2023)
    assert (stats["new"], stats["updated"]) == (0, 2)
    assert [(r["item_key"], r["first_seen"], r["last_seen"]) for r in _table(ledger)] == [
        ("RU|tanks|t-72b|destroyed|1", D2022, D2023),
        ("RU|tanks|t-72b|destroyed|2", D2022, D2023),
    ]


def test_an_item_back_after_a_gap_reappears_with_its_first_seen(ledger: Ledger) -> None:
    a = Item("RU|tanks|t-72b|destroyed|1", "https://example.org/a.jpg")
    _upsert(ledger, [a], D2022)
    _upsert(ledger, [], D2023)  # an empty snapshot of no side touches nothing
    _upsert(ledger, [replace(a, item_key="RU|tanks|t-72b|destroyed|9")], D2023)
    (row,) = _table(ledger)
    assert (row["first_seen"], row["last_seen"], row["disappeared_on"]) == (D2022, D2023, None)


def test_listing_filters_by_category_model_and_counted_or_exact_status(ledger: Ledger) -> None:
    _import(ledger, PAGE_2025)
    with ledger.connect() as connection:
        abandoned = list_evidence_items(
            connection, category="tanks", model="t-54", status="abandoned"
        )
        exact = list_evidence_items(connection, status="damaged and abandoned", model="T-54-3M")
        ships = list_evidence_items(connection, category="Naval Ships and Submarines")
        subs = list_evidence_items(connection, category="submarines")
    assert [(r["model"], r["status"], r["counted_as"]) for r in abandoned] == [
        ("T-54-3M", "damaged and abandoned", "abandoned")
    ]
    assert [r["item_key"] for r in exact] == [abandoned[0]["item_key"]]
    assert abandoned[0]["source"] == "oryx"
    assert len(ships) == 28
    assert [r["detail"] for r in subs] == ["B-237 'Rostov-na-Donu'"]


def test_counts_as_of_a_date_use_first_seen_and_disappearance(ledger: Ledger) -> None:
    _import(ledger, PAGE_2022, PAGE_2023)
    with ledger.connect() as connection:
        then = count_evidence_items(connection, as_of=D2022)
        now = count_evidence_items(connection)

    def tanks(rows: list[dict[str, Any]]) -> dict[str, int]:
        return {r["counted_as"]: r["items"] for r in rows if r["category"] == "tanks"}

    assert sum(r["items"] for r in then) == 128
    # The 37 tanks listed on 2022-06-27, each under its latest known status.
    assert tanks(then) == {"captured": 12, "destroyed": 22, "abandoned": 1, "damaged": 2}
    assert sum(tanks(now).values()) == 71
    assert not [r for r in now if r["category"] == "helicopters"]


@pytest.mark.parametrize("order", [(PAGE_2022, PAGE_2023, PAGE_2025)])
def test_three_snapshots_in_order_never_duplicate_a_current_item(
    ledger: Ledger, order: tuple[Path, ...]
) -> None:
    reports = _import(ledger, *order)
    current = [r for r in _table(ledger) if r["disappeared_on"] is None]
    assert len(current) == reports[-1]["items"]
    assert len({r["item_key"] for r in _table(ledger)}) == len(_table(ledger))
