"""Oryx's page: items, statuses, date hints, self-consistency and refusals."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from attrition.errors import InputError, SourceFormatError
from attrition.settings import DATA_DIR
from attrition.sources.oryx_links import (
    LinkText,
    LinkTextError,
    parse_date_hint,
    parse_link_text,
)
from attrition.sources.oryx_page import (
    Mismatch,
    OryxItem,
    OryxPage,
    check_oryx_page,
    parse_oryx_page,
    read_page_bytes,
    summarise_categories,
)

FIXTURES = Path(__file__).parent / "fixtures" / "oryx"
BUNDLED = DATA_DIR / "oryx"


def _page(name: str) -> OryxPage:
    return parse_oryx_page((FIXTURES / name).read_bytes(), name=name)


def _items(page: OryxPage, model: str) -> list[OryxItem]:
    return [item for item in page.items if item.model == model]


@pytest.fixture(scope="module")
def page_2022() -> OryxPage:
    return _page("excerpt-2022-06-27.html")


@pytest.fixture(scope="module")
def page_2025() -> OryxPage:
    return _page("excerpt-2025-04-15.html")


def test_page_side_date_and_stated_total_are_read_from_the_page(page_2022: OryxPage) -> None:
    assert (page_2022.side, page_2022.modified) == ("RU", dt.date(2022, 6, 27))
    assert page_2022.title.startswith("Attack On Europe: Documenting Russian Equipment Losses")
    assert page_2022.stated_total is not None
    assert page_2022.stated_total.total == 128 == len(page_2022.items)


def test_a_link_naming_two_numbers_is_two_items_sharing_one_proof(page_2022: OryxPage) -> None:
    pair = [item for item in page_2022.items if item.link_text == "(13 and 14, destroyed)"]
    tweet = "https://twitter.com/UAWeapons/status/1529509006422728704"
    assert pair == [
        OryxItem(
            item_key=f"RU|tanks|t-64bv|destroyed|{number}",
            side="RU",
            source_category="Tanks",
            category="tanks",
            model="T-64BV",
            status="destroyed",
            counted_as="destroyed",
            item_number=number,
            proof_url=tweet,
            date_hint=dt.date(2022, 5, 25),  # the tweet's own date, from its ID
            detail=None,
            link_text="(13 and 14, destroyed)",
        )
        for number in (13, 14)
    ]


def test_combined_status_is_counted_under_its_most_final_part(page_2022: OryxPage) -> None:
    t72 = _items(page_2022, "T-72AV")
    assert [(i.item_number, i.status, i.counted_as, i.item_key) for i in t72[3:6]] == [
        (4, "destroyed", "destroyed", "RU|tanks|t-72av|destroyed|4"),
        (5, "damaged and captured", "captured", "RU|tanks|t-72av|captured|1"),
        (6, "captured", "captured", "RU|tanks|t-72av|captured|2"),
    ]


def test_a_group_split_over_three_links_is_one_item(page_2022: OryxPage) -> None:
    msta = _items(page_2022, "152mm 2A65 Msta-B howitzer")
    split = [item for item in msta if item.item_number == 16]
    assert split == [
        OryxItem(
            item_key="RU|artillery|152mm 2a65 msta-b howitzer|damaged|2",
            side="RU",
            source_category="Towed Artillery",
            category="artillery",
            model="152mm 2A65 Msta-B howitzer",
            status="damaged",
            counted_as="damaged",
            item_number=16,
            proof_url="https://postimg.cc/q6CYJkkd",
            date_hint=None,
            detail="by Bayraktar TB2",
            link_text="(16, damaged by Bayraktar TB2)",
        )
    ]
    assert len(msta) == 28  # the model line's own count: nothing lost or doubled


def test_numbering_restarted_per_status_gives_distinct_keys(page_2025: OryxPage) -> None:
    t54 = _items(page_2025, "T-54-3M")
    assert [(i.link_text, i.item_key, i.date_hint) for i in t54] == [
        ("(1, destroyed)", "RU|tanks|t-54-3m|destroyed|1", dt.date(2024, 2, 18)),
        ("(1, damaged and abandoned)", "RU|tanks|t-54-3m|abandoned|1", dt.date(2024, 2, 21)),
    ]


def test_date_hint_comes_from_the_proof_file_name(page_2025: OryxPage) -> None:
    t62 = _items(page_2025, "T-62 Obr. 1967")
    assert [(i.proof_url.rsplit("/", 1)[-1], i.date_hint) for i in t62 if i.proof_url][:3] == [
        ("1021-T-62-Obr-1967-destr-11-02-24.jpg", dt.date(2024, 2, 11)),
        ("1014-t62-obr1967.jpg", None),
        ("1020-T-62-Obr-1967-destr-29-09-24.jpg", dt.date(2024, 9, 29)),
    ]


def test_ships_keep_their_names_and_the_submarine_is_filed_as_a_submarine(
    page_2025: OryxPage,
) -> None:
    naval = {i.model: i for i in page_2025.items if i.source_category.startswith("Naval")}
    moskva = naval["Project 1164 Slava-class guided missile cruiser"]
    assert (moskva.status, moskva.counted_as, moskva.detail, moskva.category) == (
        "sunk",
        "destroyed",
        "Moskva",
        "ships",
    )
    kilo = naval["Project 636.3 Improved Kilo-class submarine"]
    assert (kilo.status, kilo.counted_as, kilo.detail, kilo.category) == (
        "damaged beyond economical repair",
        "destroyed",
        "B-237 'Rostov-na-Donu'",
        "submarines",
    )


def test_every_mismatch_with_the_page_own_totals_is_reported(page_2022: OryxPage) -> None:
    # Both are Oryx's own: the helicopter heading's breakdown adds up to 49 of 48,
    # and the KrAZ-255B line says 3 but links one item.
    assert check_oryx_page(page_2022) == [
        Mismatch("status", "Helicopters", None, "abandoned", 1, 0),
        Mismatch("model", "Trucks, Vehicles and Jeeps", "KrAZ-255B", None, 3, 1),
    ]
    assert summarise_categories(page_2022)["Helicopters"] == {"stated": 48, "parsed": 48}
    assert check_oryx_page(page_2022)[1].as_dict()["difference"] == -2


def test_the_whole_2025_page_parses_to_exactly_its_stated_totals() -> None:
    page = parse_oryx_page(read_page_bytes(BUNDLED / "oryx-russia-2025-04-15.html.gz"))
    assert len(page.items) == 21199
    assert check_oryx_page(page) == []
    assert page.unparsed == []
    assert len({item.item_key for item in page.items}) == 21199
    assert all(c.category is not None for c in page.categories)


def test_the_whole_2022_page_reports_the_page_own_inconsistencies() -> None:
    page = parse_oryx_page(read_page_bytes(BUNDLED / "oryx-russia-2022-06-27.html.gz"))
    mismatches = check_oryx_page(page)
    assert (len(page.items), len(mismatches)) == (4377, 20)
    assert mismatches[0] == Mismatch("page", None, None, None, 4392, 4377)
    # The tanks heading states 789 whose breakdown adds up to 770; the items are 789.
    tanks = [m for m in mismatches if m.oryx_category == "Tanks"]
    assert [(m.scope, m.status, m.stated, m.parsed) for m in tanks] == [
        ("status", "destroyed", 447, 451),
        ("status", "captured", 252, 267),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(6 and 7, destroyed)", LinkText((6, 7), "destroyed", "destroyed", None)),
        ("(5-8, captured)", LinkText((5, 6, 7, 8), "captured", "captured", None)),
        ("(5 to 7, abandoned)", LinkText((5, 6, 7), "abandoned", "abandoned", None)),
        ("(1, 2 3, 4 and 5, captured)", LinkText((1, 2, 3, 4, 5), "captured", "captured", None)),
        ("39, destroyed)", LinkText((39,), "destroyed", "destroyed", None)),
        ("(3 destroyed)", LinkText((3,), "destroyed", "destroyed", None)),
        ("(2, damagd and captured)", LinkText((2,), "damaged and captured", "captured", None)),
        (
            "(2, damaged, abandoned and later destroyed)",
            LinkText((2,), "damaged, abandoned and destroyed", "destroyed", None),
        ),
        ("(4, captured and stripped)", LinkText((4,), "captured and stripped", "destroyed", None)),
        (
            "(1, with ZU-23 AA gun, captured)",
            LinkText((1,), "captured", "captured", "with ZU-23 AA gun"),
        ),
        ("(1, 2S1, destroyed)", LinkText((1,), "destroyed", "destroyed", "2S1")),
        (
            "(7, destroyed in a non-combat related incident)",
            LinkText((7,), "destroyed", "destroyed", "in a non-combat related incident"),
        ),
    ],
)
def test_link_text_grammar(text: str, expected: LinkText) -> None:
    assert parse_link_text(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("(destroyed)", "no item number"),
        ("(3, ambulance)", "no status"),
        ("(5-900, destroyed)", "implausible range 5-900"),
    ],
)
def test_link_text_that_breaks_the_grammar_is_an_error_naming_the_part(
    text: str, problem: str
) -> None:
    with pytest.raises(LinkTextError, match=problem):
        parse_link_text(text)


SNAPSHOT = dt.date(2025, 4, 15)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://i.postimg.cc/x/1021-T-62-destr-11-02-24.jpg", dt.date(2024, 2, 11)),
        ("https://i.postimg.cc/x/1009_Unknown_IFV_destr_25_07_24.jpg", dt.date(2024, 7, 25)),
        ("https://i.postimg.cc/x/1008-btr82a-10-10-2022.jpg", dt.date(2022, 10, 10)),
        ("https://i.postimg.cc/x/2022-05-21-t-64bv.jpg", dt.date(2022, 5, 21)),
        ("https://i.postimg.cc/x/1021-t72b3-destr-2022-09-12.png?dl=1", dt.date(2022, 9, 12)),
        ("https://twitter.com/UAWeapons/status/1529509006422728704", dt.date(2022, 5, 25)),
        # No hint: an impossible day, a typo'd day, a date after the snapshot,
        # one before the war, no date at all.
        ("https://i.postimg.cc/x/1031-bmp2-destr-31-11-22.jpg", None),
        ("https://i.postimg.cc/x/1046-Unknown-tank-destr-113-08-24.jpg", None),
        ("https://i.postimg.cc/x/1193-BTR-82-A-M-destr-16-11-25.jpg", None),
        ("https://i.postimg.cc/x/1028-bmp1am-destr-24-04-03.jpg", None),
        ("https://i.postimg.cc/x/1014-t62-obr1967.jpg", None),
        (None, None),
    ],
)
def test_date_hint_rules(url: str | None, expected: dt.date | None) -> None:
    assert parse_date_hint(url, latest=SNAPSHOT) == expected


def test_a_page_from_another_war_is_refused_by_its_title() -> None:
    html = (FIXTURES / "other-war.html").read_bytes()
    with pytest.raises(SourceFormatError, match="not an Oryx Russia–Ukraine equipment-loss page"):
        parse_oryx_page(html, name="other-war.html")


def test_an_unrelated_page_is_refused() -> None:
    with pytest.raises(SourceFormatError, match=r"unrelated\.html: not an Oryx"):
        parse_oryx_page((FIXTURES / "unrelated.html").read_bytes(), name="unrelated.html")


def test_a_changed_layout_is_refused_not_imported_as_zero_items() -> None:
    html = (FIXTURES / "changed-layout.html").read_bytes()
    with pytest.raises(SourceFormatError, match="no category headings with stated totals"):
        parse_oryx_page(html, name="changed-layout.html")


def test_a_truncated_download_is_refused_with_the_counts() -> None:
    html = (FIXTURES / "excerpt-2025-04-15.html").read_bytes()
    cut = html[: len(html) // 3]
    with pytest.raises(SourceFormatError) as caught:
        parse_oryx_page(cut, name="cut.html")
    assert "cut.html: the page states 177 losses but only" in str(caught.value)
    assert "cut short" in str(caught.value)


def test_headings_without_any_item_link_are_refused() -> None:
    html = (FIXTURES / "excerpt-2025-04-15.html").read_text(encoding="utf-8")
    stripped = html.replace("<a ", "<span ").replace("</a>", "</span>")
    with pytest.raises(SourceFormatError, match="but no item links under them"):
        parse_oryx_page(stripped.encode(), name="stripped.html")


def test_the_ukrainian_losses_page_is_read_as_side_ua() -> None:
    html = b"""<html><head>
    <meta property="og:title" content="Attack On Europe: Documenting Ukrainian Equipment Losses"/>
    </head><body><div class="post-body">
    <h3>Ukraine - 2, of which: destroyed: 1, captured: 1</h3>
    <h3>Tanks (2, of which destroyed: 1, captured: 1)</h3>
    <ul><li>2 T-64BV: <a href="https://example.org/a.jpg">(1, destroyed)</a>
    <a href="https://example.org/b.jpg">(2, captured)</a></li></ul></div></body></html>"""
    page = parse_oryx_page(html)
    assert page.side == "UA" and page.modified is None
    assert [i.item_key for i in page.items] == [
        "UA|tanks|t-64bv|destroyed|1",
        "UA|tanks|t-64bv|captured|1",
    ]
    assert check_oryx_page(page) == []


def test_a_heading_unknown_to_the_taxonomy_is_kept_unmapped_not_forced() -> None:
    html = b"""<html><head>
    <meta property="og:title" content="Documenting Russian Equipment Losses"/></head>
    <body><div class="post-body">
    <h3>Unmanned Surface Vessels (1, of which destroyed: 1)</h3>
    <ul><li>1 Sea drone: <a href="https://example.org/a.jpg">(1, destroyed)</a></li></ul>
    </div></body></html>"""
    page = parse_oryx_page(html)
    assert [(i.category, i.item_key) for i in page.items] == [
        (None, "RU|oryx:unmanned surface vessels|sea drone|destroyed|1")
    ]


def test_gzipped_pages_are_read_transparently(tmp_path: Path) -> None:
    raw = (FIXTURES / "excerpt-2023-06-24.html").read_bytes()
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(raw))
    assert read_page_bytes(path) == raw


def test_a_broken_gzip_or_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "page.html.gz"
    broken.write_bytes(b"\x1f\x8b\x08broken")
    with pytest.raises(SourceFormatError, match=r"page\.html\.gz: broken gzip file"):
        read_page_bytes(broken)
    with pytest.raises(InputError, match=r"cannot read .*missing\.html"):
        read_page_bytes(tmp_path / "missing.html")
