"""The evaluation report's writers, and `govgraph evaluate` end to end on a hand-made graph."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.cli import cli
from govgraph.evaluation import evaluate
from graph.store import GraphStore
from ontology import GOV
from tests.cli.test_evaluation import (
    FUNDS,
    FUNDS_EVIDENCE,
    PERFECT,
    Statement,
    build_graph,
    write_gold,
)


@pytest.fixture
def wrong_direction_graph(tmp_path: Path) -> Path:
    reversed_funds = Statement("ggd-regio-utrecht", GOV.funds, "gemeente-utrecht", FUNDS_EVIDENCE)
    system = replace(PERFECT, statements=[reversed_funds, *PERFECT.statements[1:]])
    build_graph(tmp_path / "graph.trig", system)
    return tmp_path / "graph.trig"


def test_error_list_as_csv_json_and_html(tmp_path: Path, wrong_direction_graph: Path) -> None:
    report = evaluate(GraphStore.load(wrong_direction_graph), [write_gold(tmp_path / "gold")])
    rows = list(csv.DictReader(io.StringIO(report.errors_as_csv())))
    assert [(row["kind"], row["level"], row["sentence"]) for row in rows] == [
        ("fn", "relation", FUNDS),
        ("fp", "relation", FUNDS),
    ]
    assert (
        json.loads(report.errors_as_json())[1]["found"]
        == "GGD regio Utrecht —funds→ gemeente Utrecht"
    )
    page = report.errors_as_html()
    assert page.count('<tr class="fp">') == 1 and page.count('<tr class="fn">') == 1
    report.write_errors(tmp_path / "errors.html")
    assert (tmp_path / "errors.html").read_text(encoding="utf-8") == page
    with pytest.raises(
        ValueError, match=r"errors\.txt: the error list is written as \.csv, \.json or \.html"
    ):
        report.write_errors(tmp_path / "errors.txt")


def test_cli_prints_scores_and_writes_errors(tmp_path: Path, wrong_direction_graph: Path) -> None:
    gold = write_gold(tmp_path / "gold")
    errors = tmp_path / "errors.json"
    result = CliRunner().invoke(
        cli,
        [
            "evaluate",
            str(wrong_direction_graph),
            str(gold),
            "--errors",
            str(errors),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["relations"] == {
        "tp": 2,
        "fp": 1,
        "fn": 1,
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
    }
    assert scores["sentences"]["matched"] == 3
    assert len(json.loads(errors.read_text(encoding="utf-8"))) == 2

    table = CliRunner().invoke(cli, ["evaluate", str(wrong_direction_graph), str(gold)])
    assert "sentences matched: 3/4" in table.output
    assert "relations (typed)" in table.output


def test_cli_names_a_broken_gold_file(tmp_path: Path, wrong_direction_graph: Path) -> None:
    gold = write_gold(tmp_path / "gold")
    (gold / "sentences.jsonl").write_text('{"doc": "x.txt", "sentence": \n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(wrong_direction_graph), str(gold)])
    assert result.exit_code == 1
    assert "sentences.jsonl:1: not JSON" in result.output
    assert "Traceback" not in result.output
