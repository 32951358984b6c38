"""news: documents' last check and cross-site origin, and pages that failed

``documents.last_checked`` is when attrition last fetched a document and
found its text (changed or not), so a feed entry is not re-fetched on every
poll; ``documents.origin_url`` keeps a syndicated copy's cross-site
``rel=canonical`` so the original and its copies fold into one story.
``page_failures`` records every page that could not be stored, with the
reason, so polling does not retry a dead link forever and users can see why.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_checked", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("origin_url", sa.String(length=2000), nullable=True))
        batch_op.create_index("ix_documents_origin_url", ["origin_url"], unique=False)
        batch_op.create_index("ix_documents_story_id", ["story_id"], unique=False)
    op.create_table(
        "page_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("first_failed", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_failed", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name=op.f("fk_page_failures_feed_id_feeds")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page_failures")),
        sa.UniqueConstraint("url", name=op.f("uq_page_failures_url")),
    )


def downgrade() -> None:
    op.drop_table("page_failures")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_story_id")
        batch_op.drop_index("ix_documents_origin_url")
        batch_op.drop_column("origin_url")
        batch_op.drop_column("last_checked")
