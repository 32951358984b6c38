"""Extraction rules and lexicons, loaded from data and validated.

Each language is one JSON file in ``lexicons/`` (``en.json``, ``it.json`` …).
Every rule row has an ``id``; extracted claims carry the ``id`` of the row
that decided their category (``rule_id``), so a wrong claim leads straight to
its row. Loading rejects unknown sections and keys, unknown categories,
claimants, sides and qualifiers, and duplicate ids — a typo fails loudly
instead of silently matching nothing. Adding a language is adding a file;
adding a synonym is adding a string to a row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from typing import Any, Final

from attrition.errors import ConfigurationError
from attrition.extract.dates import DateWords
from attrition.extract.numbers import NUMBER_WORD, NumberWords
from attrition.extract.tokens import PhraseTable, normalise_phrase
from attrition.taxonomy import BASES, CATEGORIES, CLAIMANTS, QUALIFIERS

NOUN_KINDS: Final = ("equipment", "person", "casualty", "loss", "block")
LOSS_ROLES: Final = ("patient", "agent", "noun")
SIDE_KINDS: Final = ("RU", "UA", "ENEMY", "SPEAKER", "THIRD")
# Claimant rows may also name a placeholder resolved from context (docs/extraction.md):
# a generic country, an unnamed ministry, or a news outlet that only relays.
CLAIMANT_PLACEHOLDERS: Final = ("UA_GENERIC", "RU_GENERIC", "MINISTRY", "RELAY")
CLAIMANT_KINDS: Final = ("org", "person")
ANAPHOR_KINDS: Final = ("person", "org", "source")
BASIS_SCOPES: Final = ("figure", "clause")
QUALIFIER_POSITIONS: Final = ("before", "after")

_SECTIONS: Final[dict[str, type | tuple[type, ...]]] = {
    "language": str,
    "description": str,
    "numbers": dict,
    "calendar": dict,
    "categories": list,
    "measure_words": list,
    "np_skip": list,
    "predicates": list,
    "loss_cues": list,
    "non_claims": list,
    "units_after": list,
    "currency_before": list,
    "qualifiers": list,
    "qualifier_transparent": list,
    "basis_cues": list,
    "period_nouns": list,
    "war_nouns": list,
    "sides": list,
    "origin_suffixes": list,
    "claimants": list,
    "report_verbs": list,
    "attribution_before": list,
    "source_nouns": list,
    "hedges": list,
    "anaphors": list,
    "reporting_date_links": list,
    "as_of_cues": list,
    "war_age": dict,
    "boilerplate_lines": list,
    "ellipsis_heads": list,
    "reference_words": list,
    "linking_words": list,
    "placeholder_nouns": list,
    "whole_links": list,
    "respectively": list,
    "rate_per": list,
    "fraction_words": list,
    "headline_separators": list,
    "clause_breaks": list,
    "grammar": dict,
    "source_labels": list,
}
_ROW_KEYS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    # section: {key: allowed values (empty = free text)}
    "categories": {"id": (), "kind": NOUN_KINDS, "category": (), "terms": ()},
    "predicates": {"id": (), "category": (), "terms": ()},
    "loss_cues": {"id": (), "role": LOSS_ROLES, "terms": ()},
    "non_claims": {"id": (), "terms": ()},
    "qualifiers": {"id": (), "qualifier": QUALIFIERS, "position": QUALIFIER_POSITIONS, "terms": ()},
    "basis_cues": {"id": (), "basis": BASES, "scope": BASIS_SCOPES, "terms": ()},
    "sides": {"id": (), "side": SIDE_KINDS, "terms": ()},
    "claimants": {"id": (), "claimant": (), "kind": CLAIMANT_KINDS, "terms": ()},
    "anaphors": {"id": (), "kind": ANAPHOR_KINDS, "terms": ()},
}
_NUMBER_KEYS: Final = {
    "units",
    "multipliers",
    "dozen",
    "approximate",
    "articles",
    "half",
    "vague",
    "range_joiners",
    "range_openers",
    "conjunctions",
    "ordinal_suffixes",
}
# Words a language may leave out: "increments" ("plus" in "Tanks — 10,012, plus 6").
_OPTIONAL_NUMBER_KEYS: Final = frozenset({"increments"})
_CALENDAR_KEYS: Final = {
    "months",
    "capitalised_months",
    "weekdays",
    "relative_days",
    "vague_spans",
    "month_context",
}
_WAR_AGE_KEYS: Final = {"mark_words", "month_words", "day_words", "into_words", "war_nouns"}
# Closed word classes the rules consult by name (docs/extraction.md, "Grammar words").
# Grammar lists a language may leave out (the rules then read an empty list):
# "service_words", the verbs of serving in a side's forces ("killed while serving in
# Ukraine's armed forces"); "invasion_words", the words after "since" that name the war's
# start ("since Russia invaded", "since the invasion").
OPTIONAL_GRAMMAR_KEYS: Final = frozenset({"service_words", "invasion_words"})
GRAMMAR_KEYS: Final = {
    "vehicle_hypernyms",
    "denominators",
    "ranking_leads",
    "predicate_fillers",
    "force_nouns",
    "verb_gap",
    "auxiliaries",
    "prepositions",
    "country_words",
    "possessives",
    "determiners",
    "loss_nouns",
    "start_verbs",
    "span_openers",
    "span_marks",
    "relatives",
    "list_joiners",
    "participle_before",
    "span_starts",
    "since_words",
    "perfect_auxiliaries",
    "backshift_auxiliaries",
    "admission_verbs",
    "battle_prepositions",
    "ellipsis_leads",
    "side_adjectives_after",
    "back_references",
    "complementizers",
    "classifiers",
    "negations",
    "agent_words",
    "postposed_gap",
    "day_prefixes",
    "comma_participles",
    "end_of_phrases",
    "topic_openers",
    "speaker_trailers",
    "narrative_perfect",
    "point_phrases",
    "owner_links",
    "instrument_words",
    "part_openers",
    "place_prepositions",
}


_DIGIT: Final = re.compile(r"\d")
# A Chinese character is a word of its own, as in tokens.py (Chinese writes no spaces).
_WORD: Final = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
    r"|[^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:['’][^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)?"
)
# The same words in ASCII text, where [a-z] is exactly [^\W\d_] and tests much faster.
_ASCII_WORD: Final = re.compile(r"[a-z]+(?:'[a-z]+)?")
# A country's initialism, written either way in the news: "UK" / "U.K.", "US" / "U.S.".
_INITIALISM: Final = re.compile(r"\b([A-Z])([A-Z])([A-Z])?\b(?!\.)")
_DOTTED: Final = re.compile(r"\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?")
# Words so common that a sentence holding only them can hold no claim or attribution.
_NEVER_TRIGGERS: Final = frozenset(
    {"the", "a", "an", "of", "in", "on", "to", "and", "or", "by", "for"}
)
# Distinct token norms remembered per lexicon; news vocabulary stays well below this.
FLAG_CACHE_SIZE: Final = 200_000


def vars_of(lexicon: Any) -> list[Any]:
    """A lexicon's field values, tables among them (``war_age`` holds a dict of tables)."""
    values: list[Any] = []
    for item in fields(lexicon):
        value = getattr(lexicon, item.name)
        values.extend(value.values() if isinstance(value, dict) else [value])
    return values


class FlagIndex:
    """Classifies token norms by the lexicon tables that may match from them (Token.flags)."""

    def __init__(self) -> None:
        self.cache: dict[str, int] = {}
        self._lexicon: Lexicon | None = None

    def bind(self, lexicon: Lexicon) -> None:
        """Classify against ``lexicon`` from now on."""
        self._lexicon = lexicon
        self.cache.clear()

    def __call__(self, norm: str) -> int:
        found = self.cache.get(norm)
        if found is not None:
            return found
        lexicon = self._lexicon
        assert lexicon is not None
        found = 0
        for table in lexicon._table_list:
            if table.starts(norm):
                found |= table.bit
        words = lexicon.number_words
        if norm in words.units or norm in words.dozen or norm in words.articles:
            found |= NUMBER_WORD
        if norm in words.half or words.multipliers.get(norm) == 1000:
            found |= NUMBER_WORD  # "medio millón"; "mil 100" (numbers._read_words)
        if len(self.cache) < FLAG_CACHE_SIZE:
            self.cache[norm] = found
        return found


@dataclass(frozen=True, slots=True)
class Noun:
    """A category noun row: what a figure counts."""

    rule_id: str
    kind: str  # equipment, person, casualty, loss or block
    category: str | None


@dataclass(frozen=True, slots=True)
class Tagged:
    """A lexicon row that tags a phrase with one value (a category, side, claimant …)."""

    rule_id: str
    value: str
    extra: str = ""


def _words(items: list[str]) -> frozenset[str]:
    return frozenset(" ".join(normalise_phrase(item)) for item in items)


def _table(items: list[str], payload: str = "", *, plural: bool = False) -> PhraseTable[str]:
    table: PhraseTable[str] = PhraseTable(plural_last=plural)
    for item in items:
        table.add(item, payload or item)
    return table


@dataclass(frozen=True)
class Lexicon:
    """One language's rules, compiled for matching."""

    language: str
    number_words: NumberWords
    date_words: DateWords
    nouns: PhraseTable[Noun]
    measures: PhraseTable[str]
    np_skip: frozenset[str]
    predicates: PhraseTable[Tagged]
    loss_cues: PhraseTable[Tagged]
    non_claims: PhraseTable[Tagged]
    units_after: frozenset[str]
    currency_before: frozenset[str]
    qualifiers_before: PhraseTable[Tagged]
    qualifiers_after: PhraseTable[Tagged]
    qualifier_transparent: PhraseTable[str]
    basis_figure: PhraseTable[Tagged]
    basis_clause: PhraseTable[Tagged]
    period_nouns: frozenset[str]
    war_nouns: PhraseTable[str]
    sides: PhraseTable[Tagged]
    origin_suffixes: frozenset[str]
    claimants: PhraseTable[Tagged]
    initialisms: frozenset[str]  # one-word claimant names written only in capitals ("US")
    report_verbs: PhraseTable[str]
    attribution_before: PhraseTable[str]
    source_nouns: PhraseTable[str]
    hedges: frozenset[str]
    anaphors: PhraseTable[Tagged]
    reporting_date_links: frozenset[str]
    as_of_cues: PhraseTable[str]
    war_age: Mapping[str, PhraseTable[str]]
    boilerplate_lines: tuple[str, ...]
    ellipsis_heads: PhraseTable[str]
    reference_words: PhraseTable[str]
    linking_words: PhraseTable[str]
    placeholder_nouns: PhraseTable[str]
    whole_links: PhraseTable[str]
    respectively: frozenset[str]
    rate_per: frozenset[str]
    fraction_words: frozenset[str]
    headline_separators: frozenset[str]
    clause_breaks: frozenset[str]
    grammar: Mapping[str, frozenset[str]]
    source_labels: tuple[str, ...]
    rule_ids: frozenset[str]
    flags: FlagIndex = field(default_factory=FlagIndex, repr=False, compare=False)
    trigger_words: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    _table_list: list[PhraseTable[Any]] = field(default_factory=list, repr=False, compare=False)

    def _tables(self) -> list[PhraseTable[Any]]:
        return [value for value in vars_of(self) if isinstance(value, PhraseTable)]

    def mentions_anything(self, text: str) -> bool:
        """True when ``text`` has a digit or any word a rule starts with (a fast pre-check)."""
        if _DIGIT.search(text) is not None:
            return True
        lowered = text.lower()
        words = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)
        return not self.trigger_words.isdisjoint(words)


def spell_initialisms(term: str) -> tuple[str, ...]:
    """A name and its other spelling of initialisms: "UK Ministry of Defence" is also
    "U.K. Ministry of Defence", and "U.S. military" also "US military"."""
    dotted = _INITIALISM.sub(lambda m: ".".join(g for g in m.groups() if g) + ".", term)
    plain = _DOTTED.sub(lambda m: "".join(g for g in m.groups() if g), term)
    return tuple(dict.fromkeys((term, dotted, plain)))


class _Validator:
    """Collects the file name for messages and checks rows against their schema."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.ids: set[str] = set()

    def fail(self, where: str, message: str) -> None:
        raise ConfigurationError(f"{self.source}: {where}: {message}")

    def rows(self, section: str, rows: Any) -> list[dict[str, Any]]:
        schema = _ROW_KEYS[section]
        if not isinstance(rows, list):
            self.fail(section, "expected a list of rows")
        checked: list[dict[str, Any]] = []
        for index, row in enumerate(rows):
            where = f"{section}[{index}]"
            if not isinstance(row, dict):
                self.fail(where, "expected an object")
            unknown = set(row) - set(schema)
            if unknown:
                self.fail(where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(schema)}")
            missing = {key for key in schema if key not in row} - {"category"}
            if missing:
                self.fail(where, f"missing key(s) {sorted(missing)}")
            rule_id = row["id"]
            if not isinstance(rule_id, str) or not rule_id:
                self.fail(where, "id must be a non-empty string")
            if rule_id in self.ids:
                self.fail(where, f"duplicate id {rule_id!r}")
            self.ids.add(rule_id)
            for key, allowed in schema.items():
                if allowed and row.get(key) not in allowed:
                    self.fail(f"{where} ({rule_id})", f"{key} must be one of {list(allowed)}")
            terms = row["terms"]
            if not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
                self.fail(f"{where} ({rule_id})", "terms must be a list of non-empty strings")
            checked.append(row)
        return checked

    def category(self, where: str, value: Any, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in CATEGORIES:
            self.fail(where, f"unknown category {value!r}; expected one of {list(CATEGORIES)}")

    def keys(
        self, where: str, mapping: Any, allowed: set[str], optional: frozenset[str] = frozenset()
    ) -> dict[str, Any]:
        if not isinstance(mapping, dict):
            self.fail(where, "expected an object")
        unknown = set(mapping) - allowed - optional
        missing = allowed - set(mapping)
        if unknown:
            known = sorted(allowed | optional)
            self.fail(where, f"unknown key(s) {sorted(unknown)}; allowed: {known}")
        if missing:
            self.fail(where, f"missing key(s) {sorted(missing)}")
        return mapping


def compile_lexicon(data: Any, source: str = "<lexicon>") -> Lexicon:
    """Validate a lexicon's JSON data and compile it for matching."""
    check = _Validator(source)
    if not isinstance(data, dict):
        check.fail("top level", "expected an object")
    unknown = set(data) - set(_SECTIONS)
    if unknown:
        check.fail("top level", f"unknown section(s) {sorted(unknown)}")
    missing = set(_SECTIONS) - set(data) - {"description"}
    if missing:
        check.fail("top level", f"missing section(s) {sorted(missing)}")
    for section, expected in _SECTIONS.items():
        if section in data and not isinstance(data[section], expected):
            check.fail(section, f"expected {getattr(expected, '__name__', expected)}")

    nouns: PhraseTable[Noun] = PhraseTable(plural_last=True)
    for row in check.rows("categories", data["categories"]):
        where = f"categories ({row['id']})"
        if row["kind"] in ("equipment", "person", "casualty"):
            check.category(where, row.get("category"))
        elif row.get("category") is not None:
            check.fail(where, f"a {row['kind']} row has no category")
        nouns.add_all(row["terms"], Noun(row["id"], row["kind"], row.get("category")))

    predicates: PhraseTable[Tagged] = PhraseTable()
    for row in check.rows("predicates", data["predicates"]):
        check.category(f"predicates ({row['id']})", row.get("category"))
        predicates.add_all(row["terms"], Tagged(row["id"], row["category"]))

    loss_cues: PhraseTable[Tagged] = PhraseTable()
    for row in check.rows("loss_cues", data["loss_cues"]):
        loss_cues.add_all(row["terms"], Tagged(row["id"], row["role"]))
    non_claims: PhraseTable[Tagged] = PhraseTable()
    for row in check.rows("non_claims", data["non_claims"]):
        non_claims.add_all(row["terms"], Tagged(row["id"], row["id"]))

    qualifiers_before: PhraseTable[Tagged] = PhraseTable()
    qualifiers_after: PhraseTable[Tagged] = PhraseTable()
    for row in check.rows("qualifiers", data["qualifiers"]):
        table = qualifiers_before if row["position"] == "before" else qualifiers_after
        table.add_all(row["terms"], Tagged(row["id"], row["qualifier"]))

    basis_figure: PhraseTable[Tagged] = PhraseTable()
    basis_clause: PhraseTable[Tagged] = PhraseTable()
    for row in check.rows("basis_cues", data["basis_cues"]):
        table = basis_figure if row["scope"] == "figure" else basis_clause
        table.add_all(row["terms"], Tagged(row["id"], row["basis"]))

    sides: PhraseTable[Tagged] = PhraseTable()
    for row in check.rows("sides", data["sides"]):
        sides.add_all(row["terms"], Tagged(row["id"], row["side"]))

    claimants: PhraseTable[Tagged] = PhraseTable(plural_last=True)
    one_word: list[str] = []
    for row in check.rows("claimants", data["claimants"]):
        value = row["claimant"]
        if value not in CLAIMANTS and value not in CLAIMANT_PLACEHOLDERS:
            check.fail(
                f"claimants ({row['id']})",
                f"unknown claimant {value!r}; expected one of "
                f"{list(CLAIMANTS) + list(CLAIMANT_PLACEHOLDERS)}",
            )
        terms = [spelling for term in row["terms"] for spelling in spell_initialisms(term)]
        claimants.add_all(terms, Tagged(row["id"], value, row["kind"]))
        one_word.extend(term for term in terms if " " not in term)

    # "US" names the United States, "us" in "he told us" does not
    lowered = {term.lower() for term in one_word if not term.isupper()}
    initialisms = frozenset(
        term.lower() for term in one_word if term.isupper() and term.lower() not in lowered
    )

    anaphors: PhraseTable[Tagged] = PhraseTable(plural_last=True)
    for row in check.rows("anaphors", data["anaphors"]):
        anaphors.add_all(row["terms"], Tagged(row["id"], row["kind"]))

    numbers = check.keys("numbers", data["numbers"], _NUMBER_KEYS, _OPTIONAL_NUMBER_KEYS)
    number_words = NumberWords(
        units={k.lower(): int(v) for k, v in numbers["units"].items()},
        multipliers={k.lower(): int(v) for k, v in numbers["multipliers"].items()},
        dozen={k.lower(): int(v) for k, v in numbers["dozen"].items()},
        approximate=_words(numbers["approximate"]),
        increments=_words(numbers.get("increments", [])),
        articles=_words(numbers["articles"]),
        half=_words(numbers["half"]),
        vague=_words(numbers["vague"]),
        range_joiners=frozenset(numbers["range_joiners"]),
        range_openers={k.lower(): v.lower() for k, v in numbers["range_openers"].items()},
        conjunctions=_words(numbers["conjunctions"]),
    )
    calendar = check.keys("calendar", data["calendar"], _CALENDAR_KEYS)
    date_words = DateWords(
        months={k.lower(): int(v) for k, v in calendar["months"].items()},
        capitalised_months=bool(calendar["capitalised_months"]),
        ordinal_suffixes=_words(numbers["ordinal_suffixes"]),
        weekdays={k.lower(): int(v) for k, v in calendar["weekdays"].items()},
        relative_days={k.lower(): int(v) for k, v in calendar["relative_days"].items()},
        vague_spans=_words(calendar["vague_spans"]),
        month_context=_words(calendar["month_context"]),
    )
    war_age = check.keys("war_age", data["war_age"], _WAR_AGE_KEYS)
    grammar = check.keys("grammar", data["grammar"], GRAMMAR_KEYS, OPTIONAL_GRAMMAR_KEYS)
    lexicon = Lexicon(
        language=data["language"],
        number_words=number_words,
        date_words=date_words,
        nouns=nouns,
        measures=_table(data["measure_words"]),
        np_skip=_words(data["np_skip"]),
        predicates=predicates,
        loss_cues=loss_cues,
        non_claims=non_claims,
        units_after=_words(data["units_after"]),
        currency_before=frozenset(data["currency_before"]),
        qualifiers_before=qualifiers_before,
        qualifiers_after=qualifiers_after,
        qualifier_transparent=_table(data["qualifier_transparent"]),
        basis_figure=basis_figure,
        basis_clause=basis_clause,
        period_nouns=_words(data["period_nouns"]),
        war_nouns=_table(data["war_nouns"], plural=True),
        sides=sides,
        origin_suffixes=_words(data["origin_suffixes"]),
        claimants=claimants,
        initialisms=initialisms,
        report_verbs=_table(data["report_verbs"]),
        attribution_before=_table(data["attribution_before"]),
        source_nouns=_table(data["source_nouns"]),
        hedges=_words(data["hedges"]),
        anaphors=anaphors,
        reporting_date_links=_words(data["reporting_date_links"]),
        as_of_cues=_table(data["as_of_cues"]),
        war_age={key: _table(value, plural=True) for key, value in war_age.items()},
        boilerplate_lines=tuple(line.lower() for line in data["boilerplate_lines"]),
        ellipsis_heads=_table(data["ellipsis_heads"]),
        reference_words=_table(data["reference_words"]),
        linking_words=_table(data["linking_words"]),
        placeholder_nouns=_table(data["placeholder_nouns"]),
        whole_links=_table(data["whole_links"]),
        respectively=_words(data["respectively"]),
        rate_per=_words(data["rate_per"]),
        fraction_words=_words(data["fraction_words"]),
        headline_separators=frozenset(data["headline_separators"]),
        clause_breaks=_words(data["clause_breaks"]),
        grammar={key: _words(value) for key, value in grammar.items()},
        source_labels=tuple(label.lower() for label in data["source_labels"]),
        rule_ids=frozenset(check.ids),
    )
    lexicon._table_list.extend(lexicon._tables())
    triggers: set[str] = set(number_words.units) | set(number_words.dozen) | set(number_words.half)
    for table in lexicon._table_list:
        triggers |= table.first_words()
    triggers |= set(date_words.months) | set(date_words.weekdays) | set(date_words.relative_days)
    triggers |= {label.rstrip(":").strip() for label in lexicon.source_labels}
    triggers -= _NEVER_TRIGGERS
    object.__setattr__(lexicon, "trigger_words", frozenset(triggers))
    lexicon.flags.bind(lexicon)
    for bit, table in enumerate(lexicon._table_list):
        table.bit = 1 << bit
    return lexicon


@cache
def available_languages() -> tuple[str, ...]:
    """Languages with a lexicon file, as ISO 639-1 codes."""
    folder = resources.files("attrition.extract") / "lexicons"
    return tuple(
        sorted(
            entry.name.removesuffix(".json")
            for entry in folder.iterdir()
            if entry.name.endswith(".json")
        )
    )


def load_lexicon(language: str = "en") -> Lexicon:
    """The compiled lexicon of a language (``en`` when there is none for it)."""
    code = (language or "en").lower().split("-")[0]
    if code not in available_languages():
        code = "en"
    return _load(code)


@cache
def _load(code: str) -> Lexicon:
    path = resources.files("attrition.extract") / "lexicons" / f"{code}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigurationError(
            f"lexicons/{code}.json:{exc.lineno}: not JSON: {exc.msg}"
        ) from None
    return compile_lexicon(data, f"lexicons/{code}.json")


__all__ = [
    "BASES",
    "Lexicon",
    "Noun",
    "Tagged",
    "available_languages",
    "compile_lexicon",
    "load_lexicon",
]
