"""evidence items: counted_as and detail

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 23:50:00

An Oryx item can carry a combined status ("damaged and captured"); the page's
totals count it under one status, which the ledger now keeps beside the status
so counts by status match the page. ``detail`` keeps what the link text says
beyond the status (a ship's name, "with ZU-23 AA gun", "by Bayraktar TB2").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("counted_as", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("detail", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.drop_column("detail")
        batch_op.drop_column("counted_as")
