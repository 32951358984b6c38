"""Sides, categories, claimants and each source's own names for them, as data.

Adding a source or a language is adding rows here, never an ``if`` chain.
The canonical vocabulary is the one of the claim schema (docs/claims.md).
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

SIDES: Final = ("RU", "UA")

# The day the war began: "since the start of the invasion" counts from here, and a
# text's war age ("the four-month mark") dates it.
CONFLICT_START: Final = _dt.date(2022, 2, 24)

CATEGORIES: Final = (
    "personnel",
    "killed",
    "wounded",
    "captured",
    "missing",
    "tanks",
    "afv",
    "artillery",
    "mlrs",
    "air_defense",
    "aircraft",
    "helicopters",
    "uav",
    "cruise_missiles",
    "ships",
    "submarines",
    "vehicles",
    "special_equipment",
)

# Categories the ledger keeps that the claim schema has no name for: a source
# reports them, but no canonical category can absorb them without lying.
EXTRA_CATEGORIES: Final = (
    "ground_robots",
    # Oryx headings with no General Staff counterpart (see ORYX_CATEGORIES).
    "command_posts",
    "engineering",
    "atgm_vehicles",
    "artillery_support",
    "radars",
    "electronic_warfare",
    "trains",
    "atgm",
    "manpads",
    "equipment_total",
)

CATEGORY_LABELS: Final[dict[str, str]] = {
    "personnel": "Personnel",
    "killed": "Killed",
    "wounded": "Wounded",
    "captured": "Captured",
    "missing": "Missing",
    "tanks": "Tanks",
    "afv": "Armoured combat vehicles",
    "artillery": "Artillery systems",
    "mlrs": "Multiple rocket launchers",
    "air_defense": "Air defence systems",
    "aircraft": "Aircraft",
    "helicopters": "Helicopters",
    "uav": "Drones (UAV)",
    "cruise_missiles": "Cruise missiles",
    "ships": "Warships and boats",
    "submarines": "Submarines",
    "vehicles": "Vehicles and fuel tanks",
    "special_equipment": "Special equipment",
    "ground_robots": "Ground robotic systems",
    "command_posts": "Command posts and communications stations",
    "engineering": "Engineering vehicles and equipment",
    "atgm_vehicles": "Self-propelled anti-tank missile systems",
    "artillery_support": "Artillery support vehicles and equipment",
    "radars": "Radars",
    "electronic_warfare": "Jammers and deception systems",
    "trains": "Logistics trains",
    "atgm": "Anti-tank guided missile launchers",
    "manpads": "Man-portable air defence systems",
    "equipment_total": "All equipment types",
}

CLAIMANTS: Final = (
    "UA_GENERAL_STAFF",
    "UA_GOV",
    "RU_MOD",
    "RU_GOV",
    "ORYX",
    "MEDIAZONA",
    "UK_MOD",
    "US_GOV",
    "OTHER",
)

# How verdicts and reports name a claimant and a side in a sentence.
CLAIMANT_LABELS: Final[dict[str, str]] = {
    "UA_GENERAL_STAFF": "Ukraine's General Staff",
    "UA_GOV": "Ukraine's government",
    "RU_MOD": "Russia's Ministry of Defence",
    "RU_GOV": "Russia's government",
    "ORYX": "Oryx",
    "MEDIAZONA": "Mediazona and BBC Russian",
    "UK_MOD": "the UK Ministry of Defence",
    "US_GOV": "the US government",
    "OTHER": "another source",
}
SIDE_ADJECTIVES: Final[dict[str, str]] = {"RU": "Russian", "UA": "Ukrainian"}

# The side each partisan claimant speaks for. A claimant quoting the other
# side's own tally as its own figure is a misattribution (docs/verification.md).
CLAIMANT_SIDES: Final[dict[str, str]] = {
    "UA_GENERAL_STAFF": "UA",
    "UA_GOV": "UA",
    "RU_MOD": "RU",
    "RU_GOV": "RU",
}

QUALIFIERS: Final = ("exact", "about", "over", "under")
BASES: Final = ("cumulative", "daily", "rate", "period")

# Who publishes: one row per dataset attrition imports. `claimant` is whose
# figures the dataset carries; two transcriptions of one claimant are two sources.
SOURCES: Final[dict[str, dict[str, str | None]]] = {
    "gs-petroivaniuk": {
        "name": "General Staff daily tally, transcribed by PetroIvaniuk (JSON)",
        "kind": "official",
        "side": "UA",
        "claimant": "UA_GENERAL_STAFF",
        "homepage": "https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset",
    },
    "gs-minfin": {
        "name": "General Staff daily tally, scraped from index.minfin.com.ua (CSV)",
        "kind": "official",
        "side": "UA",
        "claimant": "UA_GENERAL_STAFF",
        "homepage": "https://github.com/romansverdan/russian-Losses-in-Ukraine",
    },
    "oryx": {
        "name": "Oryx: visually confirmed losses",
        "kind": "independent",
        "side": None,
        "claimant": "ORYX",
        "homepage": "https://www.oryxspioenkop.com/",
    },
    "news": {
        "name": "Figures read from news articles",
        "kind": "media",
        "side": None,
        "claimant": None,
        "homepage": None,
    },
}

# The General Staff's own category names, as each transcription spells them.
# Categories merged or renamed over time map to the category that absorbed them;
# the importers sum parts that fall on the same day (see docs/data-sources.md).
GENERAL_STAFF_JSON_CATEGORIES: Final[dict[str, str]] = {
    "personnel": "personnel",
    "POW": "captured",
    "tank": "tanks",
    "APC": "afv",
    "field artillery": "artillery",
    "MRL": "mlrs",
    "anti-aircraft warfare": "air_defense",
    "aircraft": "aircraft",
    "helicopter": "helicopters",
    "drone": "uav",
    "cruise missiles": "cruise_missiles",
    # Reported separately until 2022-05, then folded into cruise missiles.
    "mobile SRBM system": "cruise_missiles",
    "naval ship": "ships",
    "submarines": "submarines",
    "vehicles and fuel tanks": "vehicles",
    # Reported separately until 2022-04-30, merged on 2022-05-01.
    "military auto": "vehicles",
    "fuel tank": "vehicles",
    "special equipment": "special_equipment",
    "ground robotic systems": "ground_robots",
}

GENERAL_STAFF_CSV_CATEGORIES: Final[dict[str, str]] = {
    "personnel": "personnel",
    "tanks": "tanks",
    "apv": "afv",
    "artillery": "artillery",
    "mlrs": "mlrs",
    "aaws": "air_defense",
    "aircrafts": "aircraft",
    "helicopters": "helicopters",
    "uav": "uav",
    "cruise_missiles": "cruise_missiles",
    "warships": "ships",
    "submarines": "submarines",
    "vehicles_fuel_tanks": "vehicles",
    "special_equipment": "special_equipment",
}

# Days on which a claimant's series changed what it counts rather than grew: the
# increment that day is not one day's losses. Keyed by claimant, then (category, day).
SERIES_BREAKS: Final[dict[str, dict[tuple[str, _dt.date], str]]] = {
    "UA_GENERAL_STAFF": {
        ("cruise_missiles", _dt.date(2022, 5, 1)): (
            "series redefined: cruise missiles shot down since the war began are counted "
            "from this day; until 2022-04-30 the category held mobile SRBM systems only"
        ),
    },
}


# Oryx's category headings (and the names the daily-totals CSV used for them over
# time) → the ledger category. Keys are compared after ``oryx_category_key``
# (case, spacing and commas ignored), because Oryx renamed "Trucks, Vehicles and
# Jeeps" to "Trucks, Vehicles, and Jeeps" and capitalised headings inconsistently.
# A canonical category means "the General Staff counts the same kind of thing";
# the rest map to ledger-only categories so they are kept, never forced into a
# General Staff category. Reasoning per row: docs/data-sources.md (Oryx).
ORYX_CATEGORIES: Final[dict[str, str]] = {
    "Tanks": "tanks",
    # GS "armoured combat vehicles" (ББМ) covers every armoured troop carrier.
    "Armoured Fighting Vehicles": "afv",
    "Infantry Fighting Vehicles": "afv",
    "Armoured Personnel Carriers": "afv",
    "Mine-Resistant Ambush Protected (MRAP) Vehicles": "afv",
    "Infantry Mobility Vehicles": "afv",
    # GS "artillery systems" counts guns, howitzers and heavy mortars; Oryx folded
    # its "Heavy Mortars" heading into the artillery headings in November 2022.
    "Self-Propelled Artillery": "artillery",
    "Towed Artillery": "artillery",
    "Heavy Mortars": "artillery",
    "Multiple Rocket Launchers": "mlrs",
    # GS "anti-aircraft warfare systems" = SAM launchers and AA guns.
    "Surface-To-Air Missile Systems": "air_defense",
    "Anti-Aircraft Guns": "air_defense",
    "Self-Propelled Anti-Aircraft Guns": "air_defense",
    "Aircraft": "aircraft",
    "Helicopters": "helicopters",
    # Oryx split its drone heading into combat and reconnaissance on 2022-11-15.
    "Unmanned Aerial Vehicles": "uav",
    "Unmanned Combat Aerial Vehicles": "uav",
    "Reconnaissance Unmanned Aerial Vehicles": "uav",
    "Naval Ships": "ships",
    # Renamed on 2023-09-13 when a submarine was added; the submarine itself is
    # moved to "submarines" item by item (ORYX_MODEL_CATEGORIES).
    "Naval Ships and Submarines": "ships",
    "Trucks, Vehicles and Jeeps": "vehicles",
    "Unmanned Ground Vehicles": "ground_robots",
    # No General Staff counterpart: kept separately.
    "Command Posts And Communications Stations": "command_posts",
    "Communications Stations": "command_posts",
    "Communications Station": "command_posts",
    "Communications Vehicles": "command_posts",
    "Engineering Vehicles And Equipment": "engineering",
    "Engineering Vehicles": "engineering",
    "Self-Propelled Anti-Tank Missile Systems": "atgm_vehicles",
    "Artillery Support Vehicles And Equipment": "artillery_support",
    "Radars": "radars",
    "Radars And Communications Equipment": "radars",
    "Jammers And Deception Systems": "electronic_warfare",
    "Logistics Trains": "trains",
    "Anti-Tank Guided Missiles": "atgm",
    "Man-Portable Air Defence Systems": "manpads",
    "All types": "equipment_total",
}

# Items whose model name contains the word on the right belong to another
# category than their heading's: (Oryx heading, word in the model) → category.
ORYX_MODEL_CATEGORIES: Final[dict[tuple[str, str], str]] = {
    ("Naval Ships and Submarines", "submarine"): "submarines",
}

# Oryx's status words and phrases (and the misspellings its pages carry) → the
# status attrition records. An item's link may name several ("damaged and
# captured"); ORYX_COUNTED_AS says which total Oryx counts each under, and an
# item with several is counted under the most final: destroyed > captured >
# abandoned > damaged. Checked against the stated totals of the three real
# pages: "captured and stripped" and "damaged beyond economical repair" are in
# Oryx's destroyed totals, "damaged and abandoned" in its abandoned totals.
ORYX_STATUS_WORDS: Final[dict[str, str]] = {
    "damaged beyond economical repair": "damaged beyond economical repair",
    "destroyed": "destroyed",
    "sunk": "sunk",
    "stripped": "stripped",
    "damaged": "damaged",
    "damagd": "damaged",
    "abandoned": "abandoned",
    "abanonded": "abandoned",
    "captured": "captured",
}
ORYX_COUNTED_AS: Final[dict[str, str]] = {
    "destroyed": "destroyed",
    "sunk": "destroyed",
    "stripped": "destroyed",
    "damaged beyond economical repair": "destroyed",
    "captured": "captured",
    "abandoned": "abandoned",
    "damaged": "damaged",
}
# The four totals Oryx states per heading, in the page's order, and most final first.
ORYX_STATUSES: Final = ("destroyed", "damaged", "abandoned", "captured")
ORYX_FINALITY: Final = ("destroyed", "captured", "abandoned", "damaged")


def oryx_category_key(heading: str) -> str:
    """Oryx heading → the form ``ORYX_CATEGORIES`` is looked up by (case, commas, spaces)."""
    return " ".join(heading.replace(",", " ").casefold().split())


_ORYX_CATEGORY_INDEX: Final = {oryx_category_key(k): v for k, v in ORYX_CATEGORIES.items()}


def map_oryx_category(heading: str, model: str | None = None) -> str | None:
    """The ledger category of an Oryx heading (and model), or None when unmapped."""
    key = oryx_category_key(heading)
    if model is not None:
        folded = model.casefold()
        for (override_heading, word), category in ORYX_MODEL_CATEGORIES.items():
            if oryx_category_key(override_heading) == key and word in folded:
                return category
    return _ORYX_CATEGORY_INDEX.get(key)


def is_category(name: str) -> bool:
    """True when ``name`` is a canonical or ledger-only category."""
    return name in CATEGORIES or name in EXTRA_CATEGORIES
