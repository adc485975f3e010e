"""Derive ``extract/data/gazetteer.jsonl`` from the official registers in ``shared/data``.

Run it again when the registers change:
``python extract/scripts/build_gazetteer.py [SHARED_DATA_DIR]``.
Sources: the TOOI lists of gemeenten, provinces and water boards (current and historic), and the
register of government organisations (ministries, ZBOs, agencies, advisory bodies, courts,
regional bodies) with their abbreviations.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from extract.actor_lexicon import GAZETTEER_FILE, actor_key
from ontology import ActorClass

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data"
TOOI = "https://identifier.overheid.nl/tooi/"
ONT = TOOI + "def/ont/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

# Register types and the ontology class their bodies get.
REGISTER_CLASSES = {
    "Ministerie": ActorClass.Ministry,
    "Zelfstandig bestuursorgaan": ActorClass.ExecutiveAgency,
    "Agentschap": ActorClass.ExecutiveAgency,
    "Adviescollege": ActorClass.AdvisoryBody,
    "Rechtspraak": ActorClass.Judiciary,
    "Hoog College van Staat": ActorClass.AdvisoryBody,
    "Regionaal samenwerkingsorgaan": ActorClass.IntermunicipalBody,
    "Grensoverschrijdend regionaal samenwerkingsorgaan": ActorClass.IntermunicipalBody,
    "Openbaar lichaam voor beroep en bedrijf": ActorClass.UmbrellaOrganisation,
    "Caribisch openbaar lichaam": ActorClass.PublicAuthority,
}
# Register id prefix -> TOOI identifier path.
TOOI_PATHS = {"mnre": "ministerie", "zb": "zbo", "oorg": "oorg"}
# Register entries that are categories of bodies, not one actor ("Notarissen").
CATEGORY_NAME = re.compile(
    r"\bex\b|instanties|instellingen|ers$|ssen$|^Topteams$|^Uitvoerders|^Zorgkantoren"
    r"|^Grondkamers$|^Havenbeheerders$|^Rijkshavenmeesters$|^VTS-|^Bedrijfstakpensioenfondsen"
    r"|corporaties$|commissies\b|/"
)
HEALTH_SERVICE_NAME = re.compile(
    r"^(?:Gemeentelijke|Gemeenschappelijke|Geneeskundige) [Gg]ezondheidsdienst"
    r"(?: en [^ ]+ [^ ]+)? (.+)$"
)


def _value(record: dict, prop: str) -> str | None:
    values = record.get(prop)
    return values[0].get("@value") if values else None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _usable_abbreviation(abbreviation: str | None, name: str) -> bool:
    """An abbreviation worth matching in running text: short, capitalised, not a plain word."""
    if not abbreviation or abbreviation == name or " " in abbreviation:
        return False
    capitals = sum(char.isupper() for char in abbreviation)
    return len(abbreviation) >= 3 and capitals >= 2


def tooi_records(path: Path, kind: str, actor_class: ActorClass) -> list[dict]:
    """Gazetteer rows for the gemeenten, provinces or water boards of one TOOI list."""
    rows = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        name = _value(record, ONT + "voorkeursnaamExclSoort")
        if name is None or "HistorischeVersie" in str(record.get("@type")):
            continue
        full_name = _value(record, ONT + "voorkeursnaamInclSoort") or name
        official = _value(record, ONT + "officieleNaamInclSoort")
        label = full_name
        if kind in ("gemeente", "provincie"):
            label = f"{kind} {name}"
        names = sorted({label, full_name, *([official] if official else [])})
        row = {
            "label": label,
            "class": actor_class.value,
            "names": names,
            "identifier": record["@id"],
        }
        if kind in ("gemeente", "provincie"):
            row["places"] = [name]
        abbreviation = _value(record, ONT + "afkorting")
        if kind == "waterschap" and _usable_abbreviation(abbreviation, name):
            row["abbreviations"] = [abbreviation]
        until = _year(_value(record, ONT + "einddatum"))
        if until:
            row["until"] = until
        rows.append(row)
    return rows


def register_records(path: Path) -> list[dict]:
    """Gazetteer rows for the national bodies of the register of government organisations."""
    rows = []
    for body in json.loads(path.read_text(encoding="utf-8"))["organisations"]:
        actor_class = REGISTER_CLASSES.get(body["type"])
        name = body["name"]
        if actor_class is None or CATEGORY_NAME.search(name):
            continue
        abbreviation = body.get("abbreviation")
        names = [name]
        label = name
        if actor_class is ActorClass.Ministry:
            short = abbreviation if _usable_abbreviation(abbreviation, name) else name
            label = f"ministerie van {short}"
            names = sorted({f"ministerie van {name}", name, label})
        health = HEALTH_SERVICE_NAME.match(name)
        if health or name.startswith("GGD "):
            actor_class = ActorClass.PublicHealthService
            label = f"GGD {health.group(1)}" if health else name
            names = sorted({name, label})
        elif "Kamer der Staten-Generaal" in name:
            actor_class = ActorClass.Parliament
            label = name.removesuffix(" der Staten-Generaal")
            names = [name, label]
        row: dict = {"label": label, "class": actor_class.value, "names": names}
        if _usable_abbreviation(abbreviation, name):
            row["abbreviations"] = [abbreviation]
            if label == name:  # texts name such bodies by their abbreviation: "het UWV", "de WRR"
                row["label"] = abbreviation
        code = body["id"].removeprefix("nl.")
        tooi_path = TOOI_PATHS.get(re.sub(r"\d+$", "", code))
        if tooi_path:
            row["identifier"] = f"{TOOI}id/{tooi_path}/{code}"
        if body.get("end"):
            row["until"] = _year(body["end"])
        rows.append(row)
    return rows


def register_gemeente_aliases(path: Path) -> dict[str, str]:
    """Usual short names of gemeenten that the register gives as abbreviation ("Den Bosch")."""
    aliases = {}
    for body in json.loads(path.read_text(encoding="utf-8"))["organisations"]:
        short = body.get("abbreviation")
        official = body["name"].removeprefix("Gemeente ")
        if body["type"] == "Gemeente" and short and short != official:
            aliases[official] = short
    return aliases


def build(data_dir: Path) -> list[dict]:
    """All gazetteer rows; a historic gemeente only where no current one has its name."""
    gemeenten = tooi_records(
        data_dir / "tooi-rwc_gemeenten_compleet_4.json", "gemeente", ActorClass.Municipality
    )
    short_names = register_gemeente_aliases(data_dir / "organisaties-overheid-2023.json")
    for row in gemeenten:
        short = short_names.get(row["places"][0])
        if short:
            row["names"].append(f"gemeente {short}")
    current = [row for row in gemeenten if "until" not in row]
    taken = {row["label"] for row in current}
    historic = [row for row in gemeenten if "until" in row and row["label"] not in taken]
    rows = current + historic
    rows += tooi_records(
        data_dir / "tooi-rwc_provincies_compleet_1.json", "provincie", ActorClass.Province
    )
    rows += tooi_records(
        data_dir / "tooi-rwc_waterschappen_compleet_2.json", "waterschap", ActorClass.WaterBoard
    )
    rows += register_records(data_dir / "organisaties-overheid-2023.json")
    unique: dict[str, dict] = {}
    for row in rows:
        unique.setdefault(actor_key(row["label"]), row)
    return list(unique.values())


def main(argv: list[str]) -> int:
    """Write the gazetteer file from the registers in the given (or default) data folder."""
    data_dir = Path(argv[0]) if argv else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        print(f"build_gazetteer: no register folder at {data_dir}", file=sys.stderr)
        return 2
    rows = build(data_dir)
    with GAZETTEER_FILE.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"build_gazetteer: wrote {len(rows)} actors to {GAZETTEER_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
