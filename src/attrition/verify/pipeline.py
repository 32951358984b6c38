"""``check``: an article's text in, a verdict for every loss figure out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from attrition.errors import InputError
from attrition.ledger import Ledger
from attrition.settings import CHECK_MAX_BYTES
from attrition.verify.context import VerifyContext, context_for
from attrition.verify.dates import fill_as_of
from attrition.verify.engine import evaluate_claims
from attrition.verify.verdicts import ClaimLike, Verdict

ClaimT = TypeVar("ClaimT", bound=ClaimLike)


def _context(ledger: Ledger | VerifyContext) -> VerifyContext:
    return ledger if isinstance(ledger, VerifyContext) else context_for(ledger)


def check_text(text: str) -> str:
    """The text to check, or ``InputError`` when it is empty or over the size cap."""
    if not text or not text.strip():
        raise InputError("the text to check is empty", hint="give an article's text, file or URL")
    size = len(text.encode("utf-8"))
    if size > CHECK_MAX_BYTES:
        raise InputError(
            f"the text to check is {size:,} bytes, over the {CHECK_MAX_BYTES:,}-byte limit",
            hint="check one article at a time",
        )
    return text


# An article's date outside these years is a typo, not a news article; refusing it
# also keeps the verifier's day arithmetic (report windows, staleness) clear of
# the ends of the calendar, where ``date ± timedelta`` overflows.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
LATEST_PUBLISHED = dt.date(2199, 12, 31)


def published_date(value: dt.date | str | None) -> dt.date | None:
    """An article date given as a date or ``YYYY-MM-DD``; ``InputError`` for anything else."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(
                f"published date {value!r} is not a date", hint="write it as YYYY-MM-DD"
            ) from None
    if not EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED:
        raise InputError(
            f"published date {day.isoformat()} is out of range",
            hint=f"give a date between {EARLIEST_PUBLISHED} and {LATEST_PUBLISHED}",
        )
    return day


def check(
    text: str,
    *,
    published: dt.date | str | None = None,
    ledger: Ledger | VerifyContext,
    lang: str = "en",
) -> list[Verdict]:
    """Extract every loss figure of ``text`` and hold each against the ledger.

    Args:
        text: the article's main text.
        published: the article's date (a date or ``YYYY-MM-DD``); when None, the
            figures date the article.
        ledger: a ledger (its series are loaded once and cached) or a loaded context.
        lang: the text's language, for the extractor.

    Returns:
        One verdict per claim, in the order of the text.
    """
    from attrition.extract import extract_claims

    day = published_date(published)
    claims = extract_claims(check_text(text), published=day, lang=lang)
    return evaluate_claims(claims, _context(ledger), published=day)


def resolve_claim_dates(
    claims: Sequence[ClaimT], ledger: Ledger | VerifyContext, *, published: dt.date | None = None
) -> list[ClaimT]:
    """Claims with a missing ``as_of`` set to the report day their figure matches in the ledger.

    The seam of ``attrition extract --resolve-dates`` (see ``dates.fill_as_of``).
    """
    return fill_as_of(claims, _context(ledger), published=published)
