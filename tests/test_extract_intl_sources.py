"""Seventh round of the other languages: whose a source is, list layouts, attacks overnight.

Every sentence here was written for these tests; each test pins one rule or one group of
lexicon rows.
"""

from __future__ import annotations

import pytest
from extract_fields import found

# -- the owner of a source named after it -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Neue Zahlen des Generalstabs:\nSchützenpanzer: 21.730 (+6)\n"),
        ("it", "Ecco i numeri dello Stato maggiore:\nmezzi blindati: 21.730 (+6)\n"),
        ("it", "I numeri pubblicati oggi dallo Stato maggiore:\nmezzi blindati: 21.730 (+6)\n"),
        ("es", "Las cifras del Estado Mayor:\nvehículos blindados: 21.730 (+6)\n"),
    ],
)
def test_a_list_lead_naming_its_source_by_the_owner_after_it(lang: str, text: str) -> None:
    assert found(text, lang, "subject", "category", "value", "basis", "claimant") == [
        ("RU", "afv", 21730, "cumulative", "UA_GENERAL_STAFF"),
        ("RU", "afv", 6, "daily", "UA_GENERAL_STAFF"),
    ]


def test_a_source_noun_opening_a_german_sentence_is_no_persons_name() -> None:
    text = "Aktuelle Zahlen des Generalstabs:\nKampfpanzer: 9.930 (+11)\n"
    assert found(text, "de", "category", "value", "claimant") == [
        ("tanks", 9930, "UA_GENERAL_STAFF"),
        ("tanks", 11, "UA_GENERAL_STAFF"),
    ]


def test_an_item_after_a_bullet_dash_keeps_its_label_and_colon() -> None:
    text = "Nach Angaben des Generalstabs:\n– Artilleriesysteme: 29.410 (+40)\n"
    assert found(text, "de", "category", "value") == [("artillery", 29410), ("artillery", 40)]
