"""drop ix_observations_series, which duplicates the unique key's index

The unique constraint ``uq_observation_key`` (source_id, subject, category,
basis, as_of, revision) already gives both SQLite and PostgreSQL an index whose
prefix is exactly ``ix_observations_series``; keeping both cost every bulk
import a third index to maintain (about 15 % of a full General Staff import).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 23:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index("ix_observations_series")


def downgrade() -> None:
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_observations_series",
            ["source_id", "subject", "category", "basis", "as_of"],
            unique=False,
        )
