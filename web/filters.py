"""The network filters a view is drawn with, read from and written back to the URL.

Every filter lives in the query string, so a view can be bookmarked, shared and cited:

- ``document`` (repeatable): document ids or file names;
- ``property`` (repeatable) or ``group`` (resources, authority, cooperation, conflict,
  information): relation properties, finer sub-properties included; none means all;
- ``class`` (repeatable): actor classes, sub-classes included;
- ``year_from``, ``year_to``: statements tied to a year in that range;
- ``modality`` (repeatable): Asserted, Normative, Hypothetical;
- ``negated``: show (default, drawn dashed) or hide;
- ``min_weight``: ties backed by at least this many statements;
- ``size``: degree (default), betweenness or mentions; ``colour``: class or community;
- ``co_mentions``: show adds weak ties between actors named in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MultiDict

from ontology import ActorClass, Modality, RelationType

# Check-box groups of the relation properties, in the order the filter form shows them.
PROPERTY_GROUPS: dict[str, tuple[RelationType, ...]] = {
    "resources": (RelationType.funds, RelationType.contracts),
    "authority": (
        RelationType.steers,
        RelationType.supervises,
        RelationType.accountableTo,
        RelationType.delegatesTo,
        RelationType.appoints,
        RelationType.coordinates,
    ),
    "cooperation": (
        RelationType.collaboratesWith,
        RelationType.consultsWith,
        RelationType.supports,
        RelationType.partOf,
        RelationType.represents,
    ),
    "conflict": (RelationType.conflictsWith, RelationType.requests),
    "information": (RelationType.informs, RelationType.advises, RelationType.refersTo),
}
GROUP_OF_PROPERTY = {prop: group for group, props in PROPERTY_GROUPS.items() for prop in props}
SIZE_METRICS = ("degree", "betweenness", "mentions")
COLOURINGS = ("class", "community")


class FilterError(ValueError):
    """A query-string parameter that cannot be read; the message names the parameter."""


def _integer(args: MultiDict[str, str], name: str, minimum: int | None = None) -> int | None:
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError as error:
        raise FilterError(f"parameter {name!r}: {raw!r} is not a whole number") from error
    if minimum is not None and value < minimum:
        raise FilterError(f"parameter {name!r}: {value} is below {minimum}")
    return value


def _choices(args: MultiDict[str, str], name: str, allowed: set[str]) -> tuple[str, ...]:
    values = [v.strip() for v in args.getlist(name) if v.strip()]
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise FilterError(
            f"parameter {name!r}: unknown value {', '.join(map(repr, unknown))}; "
            f"choose from {', '.join(sorted(allowed))}"
        )
    return tuple(dict.fromkeys(values))


@dataclass(frozen=True)
class NetworkFilters:
    """Which statements and actors a network view shows, and what sizes its nodes."""

    documents: tuple[str, ...] = ()
    properties: tuple[str, ...] = ()  # empty: every relation property
    classes: tuple[str, ...] = ()  # empty: every actor class
    year_from: int | None = None
    year_to: int | None = None
    modalities: tuple[str, ...] = ()  # empty: every modality
    include_negated: bool = True
    min_weight: int = 1
    size: str = "degree"
    colour: str = "class"  # or "community": Louvain communities instead of actor classes
    co_mentions: bool = False  # add weak ties between actors named in one sentence

    @classmethod
    def from_args(cls, args: MultiDict[str, str]) -> NetworkFilters:
        """Read the filters from a query string; raises `FilterError` naming a bad parameter."""
        properties = list(_choices(args, "property", set(RelationType.__members__)))
        for group in _choices(args, "group", set(PROPERTY_GROUPS)):
            properties.extend(p.value for p in PROPERTY_GROUPS[group])
        negated = args.get("negated", "show")
        if negated not in ("show", "hide"):
            raise FilterError(f"parameter 'negated': {negated!r}; choose show or hide")
        colour = args.get("colour", "class") or "class"
        if colour not in COLOURINGS:
            raise FilterError(f"parameter 'colour': {colour!r}; choose {', '.join(COLOURINGS)}")
        co_mentions = args.get("co_mentions", "hide") or "hide"
        if co_mentions not in ("show", "hide"):
            raise FilterError(f"parameter 'co_mentions': {co_mentions!r}; choose show or hide")
        size = args.get("size", "degree") or "degree"
        if size not in SIZE_METRICS:
            raise FilterError(f"parameter 'size': {size!r}; choose {', '.join(SIZE_METRICS)}")
        filters = cls(
            documents=tuple(
                dict.fromkeys(d.strip() for d in args.getlist("document") if d.strip())
            ),
            properties=tuple(dict.fromkeys(properties)),
            classes=_choices(args, "class", set(ActorClass.__members__)),
            year_from=_integer(args, "year_from"),
            year_to=_integer(args, "year_to"),
            modalities=_choices(args, "modality", set(Modality.__members__)),
            include_negated=negated == "show",
            min_weight=_integer(args, "min_weight", minimum=1) or 1,
            size=size,
            colour=colour,
            co_mentions=co_mentions == "show",
        )
        if filters.year_from and filters.year_to and filters.year_from > filters.year_to:
            raise FilterError(
                f"parameters 'year_from' and 'year_to': {filters.year_from} is after "
                f"{filters.year_to}"
            )
        return filters

    def query_args(self) -> list[tuple[str, str]]:
        """The filters as query-string pairs (defaults left out), the inverse of `from_args`."""
        pairs: list[tuple[str, str]] = []
        pairs += [("document", d) for d in self.documents]
        pairs += [("property", p) for p in self.properties]
        pairs += [("class", c) for c in self.classes]
        if self.year_from is not None:
            pairs.append(("year_from", str(self.year_from)))
        if self.year_to is not None:
            pairs.append(("year_to", str(self.year_to)))
        pairs += [("modality", m) for m in self.modalities]
        if not self.include_negated:
            pairs.append(("negated", "hide"))
        if self.min_weight > 1:
            pairs.append(("min_weight", str(self.min_weight)))
        if self.size != "degree":
            pairs.append(("size", self.size))
        if self.colour != "class":
            pairs.append(("colour", self.colour))
        if self.co_mentions:
            pairs.append(("co_mentions", "show"))
        return pairs

    def network_arguments(self) -> dict[str, Any]:
        """Keyword arguments for `graph.network.actor_network`."""
        return {
            "documents": list(self.documents) or None,
            "properties": list(self.properties) or None,
            "classes": list(self.classes) or None,
            "year_from": self.year_from,
            "year_to": self.year_to,
            "modalities": list(self.modalities) or None,
            "include_negated": self.include_negated,
            "min_weight": self.min_weight,
            "co_mentions": self.co_mentions,
        }
