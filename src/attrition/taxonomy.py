"""Sides, categories, claimants and each source's own names for them, as data.

Adding a source or a language is adding rows here, never an ``if`` chain.
The canonical vocabulary is the one of the claim schema (docs/claims.md).
"""

from __future__ import annotations

from typing import Final

SIDES: Final = ("RU", "UA")

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
EXTRA_CATEGORIES: Final = ("ground_robots",)

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


def is_category(name: str) -> bool:
    """True when ``name`` is a canonical or ledger-only category."""
    return name in CATEGORIES or name in EXTRA_CATEGORIES
