"""Colours of the network views: actor classes by family, relations by group, changes."""

from __future__ import annotations

from ontology import ActorClass
from web.filters import PROPERTY_GROUPS

# One hue per family of actors: national (blue), regional and local government (teal),
# agencies and watchdogs (violet), care (green), civil society and citizens (orange),
# business and media (brown/grey).
CLASS_COLOURS: dict[str, str] = {
    ActorClass.Actor: "#9e9e9e",
    ActorClass.Organisation: "#b0bec5",
    ActorClass.PublicAuthority: "#5c6bc0",
    ActorClass.NationalGovernment: "#1a237e",
    ActorClass.Ministry: "#283593",
    ActorClass.Parliament: "#3949ab",
    ActorClass.Province: "#00695c",
    ActorClass.Municipality: "#00897b",
    ActorClass.MunicipalBody: "#26a69a",
    ActorClass.CityDistrict: "#4db6ac",
    ActorClass.IntermunicipalBody: "#0097a7",
    ActorClass.WaterBoard: "#0288d1",
    ActorClass.ExecutiveAgency: "#6a1b9a",
    ActorClass.PublicHealthService: "#2e7d32",
    ActorClass.AdvisoryBody: "#8e24aa",
    ActorClass.Police: "#1565c0",
    ActorClass.Judiciary: "#4527a0",
    ActorClass.CareProvider: "#43a047",
    ActorClass.MentalHealthProvider: "#66bb6a",
    ActorClass.HealthInsurer: "#9ccc65",
    ActorClass.HousingCorporation: "#c0ca33",
    ActorClass.EducationalInstitution: "#fdd835",
    ActorClass.UmbrellaOrganisation: "#ffb300",
    ActorClass.CivilSocietyOrganisation: "#fb8c00",
    ActorClass.KnowledgeInstitute: "#f4511e",
    ActorClass.Company: "#6d4c41",
    ActorClass.PoliticalParty: "#d81b60",
    ActorClass.Media: "#78909c",
    ActorClass.CitizenGroup: "#ff7043",
    ActorClass.Person: "#e53935",
}
GROUP_COLOURS = {
    "resources": ("#b8860b", "#e0a800"),
    "authority": ("#7b1fa2", "#ab47bc", "#4a148c", "#9575cd", "#6a1b9a", "#ce93d8"),
    "cooperation": ("#2e7d32", "#558b2f", "#00897b", "#66bb6a", "#33691e"),
    "conflict": ("#c62828", "#ef6c00"),
    "information": ("#1565c0", "#0277bd", "#5e35b1"),
}
PROPERTY_COLOURS: dict[str, str] = {
    prop.value: GROUP_COLOURS[group][i]
    for group, props in PROPERTY_GROUPS.items()
    for i, prop in enumerate(props)
}
COMMUNITY_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#bcbd22", "#17becf", "#393b79", "#637939", "#843c39",
)  # fmt: skip
OTHER_COMMUNITIES_COLOUR = "#cfd8dc"
CO_MENTION_COLOUR = "#b0bec5"
CHANGE_COLOURS = {"new": "#2e7d32", "gone": "#c62828", "changed": "#ef6c00", "kept": "#9e9e9e"}


def class_colour(actor_class: str) -> str:
    """The fill colour of an actor class."""
    return CLASS_COLOURS.get(actor_class, CLASS_COLOURS[ActorClass.Actor])
