"""Figures in text: separators, scale words, number words, ranges and bracketed increments."""

from __future__ import annotations

import pytest

from attrition.extract.numbers import NumberMention, NumberWords, find_numbers, parse_digits
from attrition.extract.rules import load_lexicon
from attrition.extract.tokens import tokenize

LEX = load_lexicon("en")


def _numbers(text: str, words: NumberWords | None = None) -> list[NumberMention]:
    lexicon = LEX
    return find_numbers(tokenize(text, flags=lexicon.flags), words or lexicon.number_words)


def _values(text: str) -> list[int | tuple[int | None, int | None]]:
    out: list[int | tuple[int | None, int | None]] = []
    for mention in _numbers(text):
        out.append(mention.value if mention.value is not None else (mention.low, mention.high))
    return out


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("34,700", 34700),
        ("34 700", 34700),
        ("34\u00a0700", 34700),
        ("34\u202f700", 34700),
        ("34.700", 34700),
        ("1,234,567", 1234567),
        ("1.2", 1.2),
        ("1,2", 1.2),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("12", 12),
        ("1'000", 1000),
    ],
)
def test_digit_strings_read_in_every_separator_convention(digits: str, expected: float) -> None:
    assert parse_digits(digits) == expected


def test_a_single_separator_before_a_scale_word_is_a_decimal_mark() -> None:
    assert parse_digits("1.500", scaled=True) == 1.5
    assert parse_digits("1.500") == 1500


@pytest.mark.parametrize("junk", ["", "abc", "1,2,3.4.5", "12-3"])
def test_strings_that_are_no_number_give_none(junk: str) -> None:
    assert parse_digits(junk) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lost 1.2 million shells", [1200000]),
        ("some 3.5 thousand", [3500]),
        ("exactly 35k", [35000]),
        ("three tanks", [3]),
        ("twenty-five drones", [25]),
        ("one hundred and fifty troops", [150]),
        ("two thousand soldiers", [2000]),
        ("a dozen towns", [12]),
        ("two dozen jets", [24]),
        ("half a million men", [500000]),
        ("a hundred tanks", [100]),
    ],
)
def test_scaled_and_spelled_numbers(text: str, expected: list[int]) -> None:
    assert _values(text) == expected


def test_ukrainian_thousands_with_a_comma_decimal_scale_word() -> None:
    words = NumberWords(
        units={},
        multipliers={"тис": 1000},
        dozen={},
        articles=frozenset(),
        half=frozenset(),
        vague=frozenset(),
        range_joiners=frozenset({"-"}),
        range_openers={},
        conjunctions=frozenset(),
    )
    mention = find_numbers(tokenize("близько 1,2 тис. осіб"), words)[0]
    assert mention.value == 1200
    assert mention.last == 4  # the abbreviation dot belongs to "тис."


@pytest.mark.parametrize("text", ["hundreds of soldiers", "thousands of troops", "dozens of tanks"])
def test_vague_plurals_are_no_figure(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("60 to 100 soldiers", (60, 100)),
        ("60-100 soldiers", (60, 100)),
        ("60–100 soldiers", (60, 100)),
        ("between 60 and 100", (60, 100)),
        ("from 16,000 to 17,500", (16000, 17500)),
        ("between 10,000 and 12,500-13,000 killed", (10000, 13000)),
        ("1.5 to 2 million", (1500000, 2000000)),
    ],
)
def test_ranges(text: str, expected: tuple[int, int]) -> None:
    assert _values(text) == [expected]


@pytest.mark.parametrize("text", ["100 to 60 soldiers", "Kyiv 60 - 100 Express"])
def test_a_falling_or_spaced_pair_is_not_a_range(text: str) -> None:
    assert all(isinstance(v, int) for v in _values(text))


def test_bracketed_increment_is_read_with_its_cumulative_figure() -> None:
    mention = _numbers("tanks – 1,511 (+4)")[0]
    assert (mention.value, mention.increment) == (1511, 4)


def test_designations_and_addresses_hold_no_figures() -> None:
    text = "a M777, two D-30 and a 2A36 near https://example.org/news/1120177490 on Su-25s"
    assert _values(text) == [2]


def test_a_bare_year_is_flagged() -> None:
    mention = _numbers("in 2022")[0]
    assert mention.bare_year and mention.value == 2022
