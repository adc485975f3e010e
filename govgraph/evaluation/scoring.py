"""Counts of true positives, false positives and false negatives, and the scores they give."""

from __future__ import annotations

from collections.abc import Hashable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass


@dataclass
class Counts:
    """True positives, false positives and false negatives of one item kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        """Add the outcome of one more comparison."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def add_sets(self, found: AbstractSet[Hashable], expected: AbstractSet[Hashable]) -> None:
        """Add the outcome of comparing a found set of items with the expected set."""
        self.add(tp=len(found & expected), fp=len(found - expected), fn=len(expected - found))

    @property
    def precision(self) -> float:
        """Share of found items that are right; 1.0 when nothing was to be found and nothing was."""
        found = self.tp + self.fp
        return self.tp / found if found else float(self.fn == 0)

    @property
    def recall(self) -> float:
        """Share of gold items found; 1.0 when the gold has none and nothing was found."""
        expected = self.tp + self.fn
        return self.tp / expected if expected else float(self.fp == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and scores, rounded for reports."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
