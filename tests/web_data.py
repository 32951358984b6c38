"""Small, hand-written ledger contents for the web tests (not real figures unless noted)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrition.ledger import Ledger, ObservationRecord, ensure_source, upsert_observations

# The General Staff's tank figures of 2022-06-23 … 2022-06-26 (real), then a
# made-up correction on 06-27 so the series has a decrease.
TANKS = {
    dt.date(2022, 6, 23): 1504,
    dt.date(2022, 6, 24): 1507,
    dt.date(2022, 6, 25): 1511,
    dt.date(2022, 6, 26): 1532,
    dt.date(2022, 6, 27): 1530,
}
ARTILLERY = {dt.date(2022, 6, 25): 755, dt.date(2022, 6, 26): 759}
PERSONNEL = {dt.date(2022, 6, 25): 34700, dt.date(2022, 6, 26): 35000}


def load_series(ledger: Ledger, *, source: str = "gs-petroivaniuk") -> None:
    """Tanks, artillery and personnel (qualifier "about") for one General Staff source."""
    records = [ObservationRecord("RU", "tanks", day, value) for day, value in TANKS.items()]
    records += [ObservationRecord("RU", "artillery", d, v) for d, v in ARTILLERY.items()]
    records += [
        ObservationRecord("RU", "personnel", d, v, qualifier="about") for d, v in PERSONNEL.items()
    ]
    with ledger.transaction() as connection:
        upsert_observations(connection, ensure_source(connection, source), records)


def revise_tanks(ledger: Ledger, day: dt.date, value: int) -> None:
    """Record a changed tank figure for ``day``: the ledger keeps it as revision 2."""
    with ledger.transaction() as connection:
        source_id = ensure_source(connection, "gs-petroivaniuk")
        upsert_observations(connection, source_id, [ObservationRecord("RU", "tanks", day, value)])


def store_verdicts(ledger: Ledger) -> None:
    """Two checked claims of a text stored without a document: one contradicted, one matching."""
    from attrition.ledger.claims import store_checked_claims
    from attrition.verify.verdicts import Verdict

    def verdict(start: int, end: int, quote: str, category: str, value: int, **extra: Any) -> Any:
        return Verdict(
            subject="RU", category=category, value=value, low=None, high=None,
            qualifier="exact", basis="cumulative", claimant="UA_GENERAL_STAFF",
            as_of=dt.date(2022, 6, 24), start=start, end=end, quote=quote,
            rule_id="test-rule", **extra,
        )  # fmt: skip

    verdicts = [
        verdict(10, 30, "75 artillery systems", "artillery", 75, verdict="contradicts",
                explanation="The General Staff said 755 on 2022-06-24.", expected=755),
        verdict(40, 51, "1,507 tanks", "tanks", 1507, verdict="match",
                explanation="The General Staff said 1,507 on 2022-06-24.", expected=1507),
    ]  # fmt: skip
    with ledger.transaction() as connection:
        store_checked_claims(connection, document_id=None, version_id=None, verdicts=verdicts)


def load_second_transcription(ledger: Ledger) -> None:
    """The CSV transcription of the same tank days, with 1511 mistyped as 1151 on 06-25."""
    records = [
        ObservationRecord("RU", "tanks", day, 1151 if day == dt.date(2022, 6, 25) else value)
        for day, value in TANKS.items()
    ]
    with ledger.transaction() as connection:
        upsert_observations(connection, ensure_source(connection, "gs-minfin"), records)


# Oryx's stated tank totals (made up for the test), on the days its page changed.
CONFIRMED_TANKS = {dt.date(2022, 6, 21): 780, dt.date(2022, 6, 26): 789}


def load_confirmed(ledger: Ledger) -> None:
    """Oryx's tank totals as observations, and the items of a real Oryx page excerpt."""
    from pathlib import Path

    from attrition.sources.oryx_import import import_oryx_page

    records = [ObservationRecord("RU", "tanks", d, v) for d, v in CONFIRMED_TANKS.items()]
    excerpt = Path(__file__).parent / "fixtures" / "oryx" / "excerpt-2022-06-27.html"
    with ledger.transaction() as connection:
        upsert_observations(connection, ensure_source(connection, "oryx"), records)
        import_oryx_page(connection, excerpt)
