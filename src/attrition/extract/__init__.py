"""Claim extraction: loss figures in news text, as records of the claim schema.

>>> from attrition.extract import extract_claims
>>> [c.value for c in extract_claims("Russia has lost 1,511 tanks, Kyiv said.")]
[1511]
"""

from attrition.extract.claims import EXTRACTOR_VERSION, Claim, extract_claims
from attrition.extract.rules import available_languages, load_lexicon

__all__ = ["EXTRACTOR_VERSION", "Claim", "available_languages", "extract_claims", "load_lexicon"]
