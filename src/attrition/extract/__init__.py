"""Claim extraction: loss figures in news text, as records of the claim schema.

>>> from attrition.extract import extract_claims
>>> [c.value for c in extract_claims("Russia has lost 1,511 tanks, Kyiv said.")]
[1511]
"""

from attrition.extract.compiled import choose

# Before any other module of the package loads: compiled (mypyc) modules, or the sources
# when the compiled ones are missing or older than the sources (see compiled.py).
BUILD = choose()

from attrition.extract.claims import EXTRACTOR_VERSION, Claim, extract_claims  # noqa: E402
from attrition.extract.rules import available_languages, load_lexicon  # noqa: E402

__all__ = [
    "BUILD",
    "EXTRACTOR_VERSION",
    "Claim",
    "available_languages",
    "extract_claims",
    "load_lexicon",
]
