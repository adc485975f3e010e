"""`govgraph.agreement` against kappa and alpha worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.agreement import agreement, cohen_kappa, krippendorff_alpha
from govgraph.cli import cli
from tests.cli.test_evaluation import write_gold

DOC = "leiden_004.txt"
SUBSIDY = "De gemeente Leiden subsidieert het buurthuis en werkt samen met de woningcorporatie."
ADVICE = "De GGD adviseert de gemeente over hittestress."
ONLY_B = "Het buurthuis opent in maart een nieuwe vestiging."


def _sentence(
    text: str, actors: list[tuple[str, str, str]], relations: list[tuple[str, str, str]]
) -> dict:
    return {
        "doc": DOC,
        "passage": "p",
        "lines": [1, 1],
        "sentence": text,
        "actors": [{"surface": s, "actor": a, "class": c} for s, a, c in actors],
        "relations": [{"subject": s, "predicate": p, "object": o} for s, p, o in relations],
    }


@pytest.fixture
def coders(tmp_path: Path) -> tuple[Path, Path]:
    """Two annotators: they agree on the subsidy, not on the corporation, and reverse the advice.

    B calls the gemeente "Leiden"; A's aliases map it back to "gemeente Leiden".
    """
    gemeente_a = ("De gemeente Leiden", "gemeente Leiden", "Municipality")
    gemeente_b = ("De gemeente Leiden", "Leiden", "Municipality")
    buurthuis = ("het buurthuis", "buurthuis", "CivilSocietyOrganisation")
    corporatie = ("de woningcorporatie", "woningcorporatie", "HousingCorporation")
    ggd = ("De GGD", "GGD Hollands Midden", "PublicHealthService")
    a = write_gold(
        tmp_path / "a",
        [
            _sentence(
                SUBSIDY,
                [gemeente_a, buurthuis, corporatie],
                [
                    ("gemeente Leiden", "funds", "buurthuis"),
                    ("woningcorporatie", "collaboratesWith", "gemeente Leiden"),
                ],
            ),
            _sentence(
                ADVICE,
                [ggd, ("de gemeente", "gemeente Leiden", "Municipality")],
                [("GGD Hollands Midden", "advises", "gemeente Leiden")],
            ),
        ],
        [
            {
                "actor": "gemeente Leiden",
                "class": "Municipality",
                "aliases": ["de gemeente", "Leiden"],
            },
            {"actor": "buurthuis", "class": "CivilSocietyOrganisation", "aliases": []},
            {"actor": "woningcorporatie", "class": "HousingCorporation", "aliases": []},
            {"actor": "GGD Hollands Midden", "class": "PublicHealthService", "aliases": ["GGD"]},
        ],
    )
    b = write_gold(
        tmp_path / "b",
        [
            _sentence(
                SUBSIDY,
                [gemeente_b, buurthuis, corporatie],
                [("Leiden", "funds", "buurthuis"), ("Leiden", "supports", "woningcorporatie")],
            ),
            _sentence(
                ADVICE,
                [ggd, ("de gemeente", "Leiden", "Municipality")],
                [("Leiden", "advises", "GGD Hollands Midden")],
            ),
            _sentence(ONLY_B, [buurthuis], []),
        ],
        [
            {"actor": "Leiden", "class": "Municipality", "aliases": ["de gemeente"]},
            {"actor": "buurthuis", "class": "CivilSocietyOrganisation", "aliases": []},
            {"actor": "woningcorporatie", "class": "HousingCorporation", "aliases": []},
            {"actor": "GGD Hollands Midden", "class": "PublicHealthService", "aliases": []},
        ],
    )
    return a, b


def test_kappa_and_alpha_on_relation_decisions_match_the_hand_count(
    coders: tuple[Path, Path],
) -> None:
    report = agreement(*coders)
    assert (report.sentences_shared, report.sentences_only_a, report.sentences_only_b) == (2, 0, 1)
    # Units: sentence 1 has 3 actors -> 3 pairs, sentence 2 one pair; 4 pairs x 18 properties = 72.
    # A decides: funds g->b (F), collaboratesWith g-w (C), advises GGD->g (AG), 69 x none.
    # B decides: funds g->b (F), supports g->w (S), advises g->GGD (AR), 69 x none.
    # Agreement on F and 68 none units: p_o = 69/72.
    # p_e = (69*69 + 1*1) / 72^2 = 4762/5184.
    # kappa = (69*72 - 4762) / (5184 - 4762) = 206/422 = 0.48815...
    assert len(report.relation_decisions) == 72
    assert report.raw_agreement == pytest.approx(69 / 72)
    assert report.kappa == pytest.approx(206 / 422)
    # alpha: 144 values (none 138, F 2, C S AG AR 1 each); 3 disagreeing units give D_o = 6/144;
    # D_e = (144^2 - (138^2 + 2^2 + 4)) / (144 * 143) = 1684/20592; alpha = 1 - 6*143/1684.
    assert report.alpha == pytest.approx(1 - 858 / 1684)


def test_pair_decisions_and_f1_of_a_against_b(coders: tuple[Path, Path]) -> None:
    figures = agreement(*coders).to_dict()
    # 4 pair units: agree on {g,b} (F) and {b,w} (none), differ on {g,w} and {GGD,g}:
    # p_o = 2/4, p_e = (1*1 + 1*1)/16 = 1/8, kappa = (1/2 - 1/8)/(7/8) = 3/7.
    assert figures["pair_decisions"]["cohen_kappa"] == round(3 / 7, 4)
    f1 = figures["f1_a_against_b"]
    assert f1["actors"]["f1"] == 1.0  # B's "Leiden" is A's "gemeente Leiden"
    assert (f1["relations"]["tp"], f1["relations"]["fp"], f1["relations"]["fn"]) == (1, 2, 2)
    assert f1["relations"]["f1"] == round(1 / 3, 4)
    assert f1["pairs"]["f1"] == 1.0  # the same three pairs are tied, if differently


def test_textbook_two_by_two_table() -> None:
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    # p_o = 35/50 = 0.7; A says yes 25 times, B 30: p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.4.
    # alpha: 100 values, yes 55, no 45; D_o = 30/100; D_e = (100^2 - 55^2 - 45^2)/(100*99) = 0.5.
    decisions = (
        [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    )
    assert cohen_kappa(decisions) == pytest.approx(0.4)
    assert krippendorff_alpha(decisions) == pytest.approx(1 - 0.3 / 0.5)
    assert cohen_kappa([("none", "none")] * 3) == krippendorff_alpha([("none", "none")] * 3) == 1.0


def test_cli_prints_agreement(coders: tuple[Path, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["agreement", *map(str, coders)])
    assert result.exit_code == 0, result.output
    assert "Cohen's kappa 0.488" in result.output
    missing = CliRunner().invoke(cli, ["agreement", str(coders[0]), str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
    assert "nowhere/actors.jsonl: missing" in missing.output


def test_an_annotation_agrees_perfectly_with_itself_even_with_a_shared_surface(
    tmp_path: Path,
) -> None:
    shared = "kennis- en onderwijsinstellingen"
    text = "De gemeente Leiden werkt samen met kennis- en onderwijsinstellingen in de regio."
    gemeente = ("De gemeente Leiden", "gemeente Leiden", "Municipality")
    folder = write_gold(
        tmp_path / "a",
        [
            _sentence(
                text,
                [
                    gemeente,
                    (shared, "kennisinstellingen", "KnowledgeInstitute"),
                    (shared, "onderwijsinstellingen", "EducationalInstitution"),
                ],
                [("gemeente Leiden", "collaboratesWith", "onderwijsinstellingen")],
            )
        ],
        [
            {"actor": "gemeente Leiden", "class": "Municipality", "aliases": []},
            {"actor": "kennisinstellingen", "class": "KnowledgeInstitute", "aliases": [shared]},
            {
                "actor": "onderwijsinstellingen",
                "class": "EducationalInstitution",
                "aliases": [shared],
            },
        ],
    )
    report = agreement(folder, folder)
    assert report.kappa == report.alpha == 1.0
    assert report.actors.f1 == report.relations.f1 == 1.0
