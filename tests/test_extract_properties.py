"""Any input is safe: no exceptions, valid records, and time that grows linearly.

Regular expressions here have no nested quantifiers and bounded repetitions;
a run-on "sentence" is read in bounded pieces; nothing in the pipeline looks
back over the whole text for every figure. These tests hold it to that.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrition.extract import extract_claims
from attrition.taxonomy import BASES, CATEGORIES, CLAIMANTS, QUALIFIERS, SIDES

# Doubling the input may double the time; four times the input taking more than ten
# times as long would mean work that grows faster than the text. The slack absorbs a
# busy test machine (the suite runs in parallel with other work).
LINEAR_BOUND = 10.0
NEWSY = (
    "Russia has lost 1,511 (+4) tanks, about 34,700 troops and 217 planes since "
    "the start of the war, the General Staff said on Friday. “We lost 60 to 100 "
    "soldiers a day,” he said. "
)


def _check(text: str, published: str | None = None) -> None:
    for claim in extract_claims(text, published=published):
        record = claim.to_dict()
        assert record["subject"] in SIDES
        assert record["category"] in CATEGORIES
        assert record["qualifier"] in QUALIFIERS
        assert record["basis"] in BASES
        assert record["claimant"] is None or record["claimant"] in CLAIMANTS
        single = record["value"] is not None and record["low"] is None
        ranged = record["value"] is None and record["low"] < record["high"]
        assert single or ranged
        assert 0 <= claim.start < claim.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_binary_junk_decoded_with_replacement_never_raises(data: bytes) -> None:
    _check(data.decode("utf-8", errors="replace"), published="2022-06-25")


_WORDS = st.sampled_from(
    [
        "1,511",
        "(+4)",
        "60",
        "to",
        "100",
        "-",
        "between",
        "and",
        "tanks",
        "troops",
        "killed",
        "wounded",
        "Russia",
        "Ukraine's",
        "General",
        "Staff",
        "said",
        "on",
        "Friday",
        "according",
        "“",
        "”",
        '"',
        "'",
        ":",
        ";",
        ",",
        ".",
        "\n",
        "about",
        "more",
        "than",
        "of",
        "which",
        "the",
        "enemy",
        "lost",
        "March",
        "25",
        "respectively",
        "Source:",
        "a",
        "dozen",
        "half",
        "million",
        "http://x.org/1",
        "D-30",
        "since",
        "24.02",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=120).map(" ".join), st.sampled_from([None, "2024-02-29"]))
def test_word_salad_from_the_lexicon_never_raises(text: str, published: str | None) -> None:
    _check(text, published)


def _seconds(function: Callable[[], object]) -> float:
    """CPU seconds of this process (not wall time: other work on the machine does not count)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        NEWSY,
        "1 ",
        "(",
        "'a",
        '"',
        "“x ",
        "Russia lost 1,000 tanks, ",
        "and 5 ",
        "Tanks: 5 (+1)\n",
        "the general staff said ",
        "1.",
        "a-",
        "between 1 and ",
        "\ufffd\x00",
    ],
)
def test_time_grows_linearly_with_repeated_patterns(unit: str) -> None:
    small = unit * max(1, 16_000 // len(unit))
    large = small * 4
    ratio = _seconds(lambda: extract_claims(large)) / max(
        _seconds(lambda: extract_claims(small)), 1e-3
    )
    assert ratio < LINEAR_BOUND, f"{unit!r}: 4x the input took {ratio:.1f}x the time"


def test_a_ten_megabyte_single_line_is_read_without_error() -> None:
    # Mostly prose the rules have no word for, with a report of figures now and then.
    words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod. "
    line = words * 40 + NEWSY.replace("\n", " ")
    text = (line * (10_000_000 // len(line) + 1))[:10_000_000]
    assert "\n" not in text and len(text) == 10_000_000
    claims = extract_claims(text)
    assert claims and all(c.value is not None or c.low is not None for c in claims)
