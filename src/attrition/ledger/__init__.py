"""The ledger: the only place that writes SQL. Tables, migrations and queries."""

from attrition.ledger.database import Ledger
from attrition.ledger.sources import ensure_source, list_sources

__all__ = ["Ledger", "ensure_source", "list_sources"]
