"""Claim spans become highlighted segments that always join back to the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from attrition.web.highlight import split_highlights

TEXT = "Russia lost 75 artillery systems and 1,504 tanks by Friday."


def test_spans_become_highlighted_segments_between_plain_runs() -> None:
    claims = [{"start": 12, "end": 32, "id": 1}, {"start": 37, "end": 48, "id": 2}]
    segments = split_highlights(TEXT, claims)
    assert [(s["text"], s["claim"] and s["claim"]["id"]) for s in segments] == [
        ("Russia lost ", None),
        ("75 artillery systems", 1),
        (" and ", None),
        ("1,504 tanks", 2),
        (" by Friday.", None),
    ]


def test_overlapping_and_out_of_range_spans_are_left_plain() -> None:
    claims = [
        {"start": 12, "end": 32},
        {"start": 15, "end": 25},
        {"start": 50, "end": 500},
        {"start": 5, "end": 5},
    ]
    segments = split_highlights(TEXT, claims)
    assert [s["text"] for s in segments if s["claim"]] == ["75 artillery systems"]


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_segments_always_join_back_to_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    claims = [{"start": a, "end": b} for a, b in spans]
    segments = split_highlights(text, claims)
    assert "".join(s["text"] for s in segments) == text
