"""Merging actor descriptions: one alternative label per spelling."""

from __future__ import annotations

import pytest

from graph.actors import distinct_labels


@pytest.mark.parametrize(
    ("labels", "pref", "expected"),
    [
        (
            {"De gemeente", "de gemeente", "gemeente"},
            "gemeente Amsterdam",
            ["de gemeente", "gemeente"],
        ),
        ({"GGD", "ggd", "De GGD"}, "GGD Amsterdam", ["De GGD", "GGD"]),
        ({"gemeente amsterdam", "Amsterdam"}, "gemeente Amsterdam", ["Amsterdam"]),
    ],
)
def test_distinct_labels_keep_one_spelling_per_case_folded_label(
    labels: set[str], pref: str, expected: list[str]
) -> None:
    assert distinct_labels(labels, pref) == expected
