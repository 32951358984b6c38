"""A claimant named with a dotted or a plain initialism is the same claimant."""

from __future__ import annotations

import pytest

from attrition.extract import extract_claims
from attrition.extract.rules import spell_initialisms


def test_a_plain_initialism_is_also_spelled_with_dots() -> None:
    assert spell_initialisms("UK Defence Intelligence") == (
        "UK Defence Intelligence",
        "U.K. Defence Intelligence",
    )


def test_a_dotted_initialism_is_also_spelled_plain() -> None:
    assert spell_initialisms("U.S. intelligence") == ("U.S. intelligence", "US intelligence")


def test_words_in_mixed_case_keep_their_one_spelling() -> None:
    assert spell_initialisms("Britain's MoD") == ("Britain's MoD",)


@pytest.mark.parametrize("name", ["UK Ministry of Defence", "U.K. Ministry of Defence"])
def test_the_british_ministry_is_found_however_its_initials_are_written(name: str) -> None:
    text = f"The {name} estimated that Russia loses an average of 980 troops a day."
    (claim,) = extract_claims(text)
    assert (claim.claimant, claim.subject, claim.value, claim.basis) == (
        "UK_MOD",
        "RU",
        980,
        "rate",
    )
