"""The ledger's tables (SQLAlchemy Core). Migrations in ``migrations/`` build them.

Observations are bitemporal: ``as_of`` is the day a figure refers to, and
``recorded_at``/``superseded_at`` bound the time attrition held it as current.
A changed value never overwrites: it becomes a new revision pointing at the
previous one, and the previous one gets ``superseded_at``.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

TZ = sa.DateTime(timezone=True)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # official, independent, media, estimate
    sa.Column("side", sa.String(2)),
    sa.Column("claimant", sa.String(32)),
    sa.Column("homepage", sa.String(500)),
)

imports = sa.Table(
    "imports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("input", sa.String(1000), nullable=False),  # file path or URL
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("started_at", TZ, nullable=False),
    sa.Column("stats", sa.JSON, nullable=False, default=dict),
)

observations = sa.Table(
    "observations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("subject", sa.String(2), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("basis", sa.String(12), nullable=False, default="cumulative"),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("value", sa.BigInteger),
    sa.Column("low", sa.BigInteger),
    sa.Column("high", sa.BigInteger),
    sa.Column("qualifier", sa.String(8), nullable=False, default="exact"),
    sa.Column("source_category", sa.String(200)),  # the source's own name(s)
    sa.Column("revision", sa.Integer, nullable=False, default=1),
    sa.Column("previous_id", sa.ForeignKey("observations.id")),
    sa.Column("recorded_at", TZ, nullable=False),
    sa.Column("superseded_at", TZ),
    sa.Column("import_id", sa.ForeignKey("imports.id")),
    sa.Column("provenance", sa.String(1000)),  # input file or URL
    sa.Column("provenance_row", sa.String(100)),  # line, record index or key
    sa.UniqueConstraint(
        "source_id", "subject", "category", "basis", "as_of", "revision", name="uq_observation_key"
    ),
    # The unique key's index serves series lookups (source, subject, category, basis, as_of).
    sa.Index("ix_observations_current", "category", "as_of", "superseded_at"),
)

evidence_items = sa.Table(
    "evidence_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("item_key", sa.String(400), nullable=False),  # stable identity across snapshots
    sa.Column("side", sa.String(2), nullable=False),
    sa.Column("category", sa.String(32)),  # canonical, null when none fits
    sa.Column("source_category", sa.String(200), nullable=False),
    sa.Column("model", sa.String(300), nullable=False),
    sa.Column("status", sa.String(60), nullable=False),
    # The total the source counts the item in (Oryx: destroyed, damaged, abandoned,
    # captured), when its status names several ("damaged and captured").
    sa.Column("counted_as", sa.String(12)),
    sa.Column("detail", sa.String(300)),  # e.g. "B-802 'Askold'", "by Bayraktar TB2"
    sa.Column("item_number", sa.Integer),
    sa.Column("proof_url", sa.String(1000)),
    sa.Column("date_hint", sa.Date),
    sa.Column("first_seen", sa.Date, nullable=False),
    sa.Column("last_seen", sa.Date, nullable=False),
    sa.Column("disappeared_on", sa.Date),
    sa.UniqueConstraint("source_id", "item_key", name="uq_evidence_item_key"),
    sa.Index("ix_evidence_items_category", "side", "category", "status"),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(1000)),
    sa.Column("first_seen", TZ, nullable=False),
    sa.Column("last_updated", TZ, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("story_id", sa.ForeignKey("stories.id")),
    sa.Column("url", sa.String(2000)),
    sa.Column("canonical_url", sa.String(2000), unique=True),
    sa.Column("title", sa.String(1000)),
    sa.Column("outlet", sa.String(300)),
    sa.Column("author", sa.String(300)),
    sa.Column("language", sa.String(8)),
    sa.Column("published", TZ),
    sa.Column("first_seen", TZ, nullable=False),
    sa.Column("last_updated", TZ, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("signature", sa.LargeBinary),  # MinHash of the main text
    sa.Column("off_topic", sa.Boolean, nullable=False, default=False),
    sa.Column("text", sa.Text, nullable=False),
    # 0004: when attrition last fetched it, and a syndicated copy's cross-site canonical.
    sa.Column("last_checked", TZ),
    sa.Column("origin_url", sa.String(2000)),
    sa.Index("ix_documents_first_seen", "first_seen"),
    sa.Index("ix_documents_origin_url", "origin_url"),
    sa.Index("ix_documents_story_id", "story_id"),
)

document_urls = sa.Table(
    "document_urls",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("url", sa.String(2000), nullable=False, unique=True),
    sa.Column("first_seen", TZ, nullable=False),
)

document_versions = sa.Table(
    "document_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("seen_at", TZ, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.UniqueConstraint("document_id", "content_hash", name="uq_document_version"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.ForeignKey("documents.id")),
    sa.Column("version_id", sa.ForeignKey("document_versions.id")),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("subject", sa.String(2), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("value", sa.BigInteger),
    sa.Column("low", sa.BigInteger),
    sa.Column("high", sa.BigInteger),
    sa.Column("qualifier", sa.String(8), nullable=False),
    sa.Column("basis", sa.String(12), nullable=False),
    sa.Column("claimant", sa.String(32)),
    sa.Column("as_of", sa.Date),
    sa.Column("rule_id", sa.String(64), nullable=False),
    sa.Column("extractor_version", sa.String(32), nullable=False),
    sa.Column("created_at", TZ, nullable=False),
    sa.Index("ix_claims_document", "document_id"),
)

verdicts = sa.Table(
    "verdicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("claim_id", sa.ForeignKey("claims.id"), nullable=False),
    sa.Column("verdict", sa.String(16), nullable=False),
    sa.Column("observation_id", sa.ForeignKey("observations.id")),
    sa.Column("expected", sa.BigInteger),
    sa.Column("matched_date", sa.Date),
    sa.Column("explanation", sa.Text, nullable=False),
    sa.Column("evidence", sa.JSON, nullable=False, default=dict),
    sa.Column("checked_at", TZ, nullable=False),
    sa.Column("current", sa.Boolean, nullable=False, default=True),
    sa.Index("ix_verdicts_claim", "claim_id", "current"),
)

feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.String(2000), nullable=False, unique=True),
    sa.Column("title", sa.String(1000)),
    sa.Column("etag", sa.String(500)),
    sa.Column("last_modified", sa.String(100)),
    sa.Column("added_at", TZ, nullable=False),
    sa.Column("last_polled", TZ),
    sa.Column("last_success", TZ),
    sa.Column("last_error", sa.Text),
    sa.Column("error_count", sa.Integer, nullable=False, default=0),
    sa.Column("next_poll_at", TZ),
)

# 0004: pages that could not be stored (HTTP error, empty, not HTML), with the
# reason; polling retries them with back-off and then leaves them alone.
page_failures = sa.Table(
    "page_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.String(2000), nullable=False, unique=True),
    sa.Column("feed_id", sa.ForeignKey("feeds.id")),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),  # the error class: FetchFailed, …
    sa.Column("attempts", sa.Integer, nullable=False, default=1),
    sa.Column("first_failed", TZ, nullable=False),
    sa.Column("last_failed", TZ, nullable=False),
    sa.Column("next_try_at", TZ),
)
