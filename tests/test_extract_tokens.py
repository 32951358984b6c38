"""Tokens: the C-level fast path and the token-by-token path read text the same way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from attrition.extract.rules import load_lexicon
from attrition.extract.tokens import PhraseTable, _tokenize_slowly, tokenize

LEX = load_lexicon("en")
# Letters, digits and every separator the tokenizer treats specially, ASCII and not.
NEWSY_CHARS = "aZ7 0,.'’‘`´-‐‑‒–()+:/\u00a0\u202f\u2009\u2007\x1c_é坦ть\n"


def _same_as_slow_path(text: str) -> None:
    fast = tokenize(text, flags=LEX.flags)
    slow = _tokenize_slowly(text, 0, len(text), LEX.flags)
    assert fast == slow, text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=NEWSY_CHARS, max_size=40))
def test_fast_tokenizer_agrees_with_the_token_by_token_path(text: str) -> None:
    _same_as_slow_path(text)


def test_ordinals_and_hyphenated_numbers_split_alike_on_both_paths() -> None:
    for text in ("On March 6th, 24-hour", "the 29th-30th", "Russia’s 1,511 (+4) tanks"):
        _same_as_slow_path(text)


def test_ascii_and_unicode_sentences_tokenize_alike() -> None:
    plain = tokenize("Kyiv's 3 tanks - and co-operation", flags=LEX.flags)
    curly = tokenize("Kyiv’s 3 tanks - and co-operation", flags=LEX.flags)
    assert [t.norm for t in plain] == [t.norm for t in curly]
    assert [t.joined for t in plain] == [False, False, False, False, False, False, True]


def test_designations_take_the_token_by_token_path_and_stay_one_token() -> None:
    tokens = tokenize("two Su-25 jets and an M777 near 6th street", flags=LEX.flags)
    assert [t.kind for t in tokens if t.text in ("Su-25", "M777")] == ["model", "model"]


def _table(*, plural: bool) -> PhraseTable[str]:
    table: PhraseTable[str] = PhraseTable(plural_last=plural)
    table.bit = 1  # a lexicon sets it; unflagged tokens may start any table
    return table


def test_plural_tables_match_plurals_and_possessives_of_a_phrase_last_word() -> None:
    table = _table(plural=True)
    table.add("main battle tank", "mbt")
    table.add("general staff", "gs")
    tokens = tokenize("two main battle tanks and the General Staff's count")
    assert table.match(tokens, 1) == ("mbt", 4)
    assert table.match(tokens, 6) == ("gs", 8)
    assert table.match(tokens, 2) is None


def test_a_plural_with_two_possible_stems_takes_the_shorter_one_that_is_a_phrase() -> None:
    table = _table(plural=True)
    table.add("box", "short")
    table.add("boxe", "long")
    assert table.match(tokenize("boxes"), 0) == ("short", 1)
    only_long = _table(plural=True)
    only_long.add("boxe", "long")
    assert only_long.match(tokenize("boxes"), 0) == ("long", 1)


def test_exact_tables_match_only_the_phrase_as_written() -> None:
    table = _table(plural=False)
    table.add("shot down", "patient")
    assert table.match(tokenize("shot down"), 0) == ("patient", 2)
    assert table.match(tokenize("shots down"), 0) is None


def test_a_double_hyphen_is_one_dash_token_on_both_paths() -> None:
    text = "Tanks -- 6,612; Kyiv--which denies it--says so"
    fast = [(t.text, t.norm) for t in tokenize(text)]
    slow = [(t.text, t.norm) for t in _tokenize_slowly(text, 0, len(text), None)]
    assert fast == slow
    assert fast[1] == ("--", "—")
    assert [norm for _, norm in fast].count("—") == 3
