"""The evaluation report: scores as a table or JSON, and the error list as CSV, JSON or HTML."""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from govgraph.evaluation.scoring import Counts


@dataclass(frozen=True)
class ErrorRow:
    """One false positive or false negative, with the sentence it was decided in."""

    doc: str
    lines: str
    sentence: str
    kind: str  # "fp", "fn", or "modality" / "year": a right relation with a wrong attribute
    level: str  # "actor" or "relation"
    expected: str
    found: str


ERROR_FIELDS = tuple(ErrorRow.__dataclass_fields__)


@dataclass
class Agreement:
    """How often a matched item also has the right attribute (class, modality)."""

    correct: int = 0
    total: int = 0

    def add(self, correct: bool) -> None:
        """Count one more matched item."""
        self.correct += correct
        self.total += 1

    @property
    def accuracy(self) -> float:
        """Share of matched items with the right attribute; 1.0 when there were none."""
        return self.correct / self.total if self.total else 1.0


@dataclass
class EvaluationReport:
    """Scores of a graph against a gold set, and every error behind them."""

    gold_folders: list[str] = field(default_factory=list)
    documents_missing: list[str] = field(default_factory=list)
    sentences_total: int = 0
    sentences_with_items: int = 0
    sentences_matched: int = 0
    sentences_with_items_matched: int = 0
    unaligned_system_sentences: int = 0
    actors: Counts = field(default_factory=Counts)
    actors_by_class: dict[str, Counts] = field(default_factory=dict)
    actor_class: Agreement = field(default_factory=Agreement)
    relations: Counts = field(default_factory=Counts)
    relations_by_property: dict[str, Counts] = field(default_factory=dict)
    modality: Agreement = field(default_factory=Agreement)
    year: Agreement = field(default_factory=Agreement)
    pairs: Counts = field(default_factory=Counts)
    gold_negated: int = 0
    negated_extracted_as_positive: int = 0
    errors: list[ErrorRow] = field(default_factory=list)

    def by_class(self, name: str) -> Counts:
        """The actor counts of one class, created on first use."""
        return self.actors_by_class.setdefault(name, Counts())

    def by_property(self, name: str) -> Counts:
        """The relation counts of one property, created on first use."""
        return self.relations_by_property.setdefault(name, Counts())

    def to_dict(self) -> dict[str, object]:
        """Every figure of the report as plain data (errors excluded)."""
        return {
            "gold": self.gold_folders,
            "documents_missing_from_graph": self.documents_missing,
            "sentences": {
                "gold": self.sentences_total,
                "matched": self.sentences_matched,
                "gold_with_items": self.sentences_with_items,
                "matched_with_items": self.sentences_with_items_matched,
                "unaligned_system_sentences": self.unaligned_system_sentences,
            },
            "actors": self.actors.as_dict(),
            "actors_by_class": {
                name: c.as_dict() for name, c in sorted(self.actors_by_class.items())
            },
            "actor_class_accuracy": round(self.actor_class.accuracy, 4),
            "relations": self.relations.as_dict(),
            "relations_by_property": {
                name: c.as_dict() for name, c in sorted(self.relations_by_property.items())
            },
            "modality_accuracy": round(self.modality.accuracy, 4),
            "modality_compared": self.modality.total,
            "year_accuracy": round(self.year.accuracy, 4),
            "year_compared": self.year.total,
            "pairs": self.pairs.as_dict(),
            "gold_negated": self.gold_negated,
            "negated_extracted_as_positive": self.negated_extracted_as_positive,
            "errors": len(self.errors),
        }

    def to_json(self) -> str:
        """The scores as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_table(self) -> str:
        """The scores as a plain-text table for the terminal."""
        lines = [
            f"sentences matched: {self.sentences_matched}/{self.sentences_total} "
            f"(with gold items: {self.sentences_with_items_matched}/{self.sentences_with_items}); "
            f"unaligned graph sentences in the gold passages: {self.unaligned_system_sentences}",
        ]
        if self.documents_missing:
            lines.append(
                f"gold documents absent from the graph: {', '.join(self.documents_missing)}"
            )
        lines += ["", f"{'':28}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
        lines.append(_score_line("actors", self.actors))
        lines.append(_score_line("relations (typed)", self.relations))
        lines.append(_score_line("actor pairs (untyped)", self.pairs))
        lines.append("")
        lines.append(
            f"actor class accuracy {self.actor_class.accuracy:.3f} "
            f"({self.actor_class.total} matched); "
            f"modality accuracy {self.modality.accuracy:.3f} ({self.modality.total} matched); "
            f"year accuracy {self.year.accuracy:.3f} ({self.year.total} with a year)"
        )
        lines.append(
            f"negated gold relations extracted as positive: "
            f"{self.negated_extracted_as_positive} of {self.gold_negated}"
        )
        lines += ["", "per property"]
        lines += [_score_line(f"  {n}", c) for n, c in sorted(self.relations_by_property.items())]
        lines += ["", "per actor class"]
        lines += [_score_line(f"  {n}", c) for n, c in sorted(self.actors_by_class.items())]
        return "\n".join(lines)

    def errors_as_json(self) -> str:
        """The error list as a JSON array of objects."""
        return json.dumps([asdict(row) for row in self.errors], ensure_ascii=False, indent=2)

    def errors_as_csv(self) -> str:
        """The error list as CSV with a header row."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=ERROR_FIELDS)
        writer.writeheader()
        writer.writerows(asdict(row) for row in self.errors)
        return buffer.getvalue()

    def errors_as_html(self) -> str:
        """The error list as a standalone HTML page, one table row per error."""
        head = "".join(f"<th>{name}</th>" for name in ERROR_FIELDS)
        rows = "\n".join(
            f'<tr class="{html.escape(row.kind)}">'
            + "".join(f"<td>{html.escape(str(getattr(row, name)))}</td>" for name in ERROR_FIELDS)
            + "</tr>"
            for row in self.errors
        )
        return _HTML_PAGE.format(count=len(self.errors), head=head, rows=rows)

    def write_errors(self, path: Path) -> None:
        """Write the error list in the format the file suffix names (.csv, .json or .html)."""
        writers = {
            ".csv": self.errors_as_csv,
            ".json": self.errors_as_json,
            ".html": self.errors_as_html,
        }
        writer = writers.get(path.suffix.lower())
        if writer is None:
            raise ValueError(f"{path}: the error list is written as .csv, .json or .html")
        path.write_text(writer(), encoding="utf-8")


def _score_line(name: str, counts: Counts) -> str:
    return (
        f"{name:28}{counts.precision:7.3f}{counts.recall:7.3f}{counts.f1:7.3f}"
        f"{counts.tp:6}{counts.fp:6}{counts.fn:6}"
    )


_HTML_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>govgraph evaluation errors</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9rem; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; }}
tr.fp td:nth-child(4) {{ color: #b03a2e; font-weight: 600; }}
tr.fn td:nth-child(4) {{ color: #1f618d; font-weight: 600; }}
tr.modality td:nth-child(4), tr.year td:nth-child(4) {{ color: #9a7d0a; font-weight: 600; }}
</style></head><body>
<h1>Evaluation errors ({count})</h1>
<p>fp: found by govgraph, not in the gold. fn: in the gold, not found.
modality, year: a right relation with the wrong modality or year.</p>
<table><thead><tr>{head}</tr></thead><tbody>
{rows}
</tbody></table></body></html>
"""
