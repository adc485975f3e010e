"""Printing query results and metric rows as terminal tables, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyoxigraph

if TYPE_CHECKING:
    from graph.store import GraphStore

RESULT_FORMATS = {
    "csv": pyoxigraph.QueryResultsFormat.CSV,
    "tsv": pyoxigraph.QueryResultsFormat.TSV,
    "json": pyoxigraph.QueryResultsFormat.JSON,
}


def run_query(store: GraphStore, sparql: str, output_format: str) -> str:
    """Evaluate SPARQL on the store and render the answer in ``output_format``."""
    result = store.query(sparql)
    if isinstance(result, pyoxigraph.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, pyoxigraph.QueryTriples):
        fmt = pyoxigraph.RdfFormat.N_TRIPLES
        return (result.serialize(format=fmt) or b"").decode("utf-8")
    assert isinstance(result, pyoxigraph.QuerySolutions)
    if output_format in RESULT_FORMATS:
        return (result.serialize(format=RESULT_FORMATS[output_format]) or b"").decode("utf-8")
    names = [variable.value for variable in result.variables]
    rows = [{name: _term_text(solution[name]) for name in names} for solution in result]
    return format_rows(rows, "table", columns=names)


def _term_text(term: Any) -> str:
    """A term as a reader wants it: IRIs and literals by value, unbound as empty."""
    return "" if term is None else str(term.value)


def format_rows(
    rows: Sequence[Mapping[str, Any]], output_format: str, columns: Sequence[str] | None = None
) -> str:
    """Render rows of dicts as an aligned text table, CSV or JSON."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if output_format == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n"
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    """A table cell: floats rounded, long text cut so columns stay readable."""
    if isinstance(value, float):
        return f"{value:.4g}"
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "..."
