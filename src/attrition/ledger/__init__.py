"""The ledger: the only place that writes SQL. Tables, migrations and queries."""

from attrition.ledger.database import Ledger
from attrition.ledger.imports import (
    ImportRecord,
    find_latest_import,
    hash_content,
    list_imports,
    record_import,
    update_import_stats,
)
from attrition.ledger.observations import (
    ClaimantFigure,
    Observation,
    ObservationRecord,
    UpsertStats,
    iter_observations,
    list_series,
    read_claimant_figures,
    read_history,
    read_series,
    require_source,
    upsert_observations,
)
from attrition.ledger.sources import ensure_source, list_sources

__all__ = [
    "ClaimantFigure",
    "ImportRecord",
    "Ledger",
    "Observation",
    "ObservationRecord",
    "UpsertStats",
    "ensure_source",
    "find_latest_import",
    "hash_content",
    "iter_observations",
    "list_imports",
    "list_series",
    "list_sources",
    "read_claimant_figures",
    "read_history",
    "read_series",
    "record_import",
    "require_source",
    "update_import_stats",
    "upsert_observations",
]
