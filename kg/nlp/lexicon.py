"""The lexicons under ``kg/data`` (titles, generic nouns, trigger words), loaded once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Lexicon:
    not_entities: frozenset[str]
    titles: tuple[str, ...]
    title_modifiers: tuple[str, ...]
    generic_nouns: dict[str, tuple[str, ...]]
    exchange_nouns: frozenset[str]
    regulator_words: re.Pattern
    not_regulator_words: re.Pattern
    confirming_words: frozenset[str]
    title_pattern: str  # regex alternation of titles, longest first, for relation patterns
    org_head_words: frozenset[str]
    org_suffix_words: frozenset[str]
    person_titles: tuple[tuple[str, ...], ...]  # token sequences, longest first
    token_nouns: frozenset[str]
    price_verbs: frozenset[str]
    law_words: frozenset[str]
    demonyms: frozenset[str]  # "Ugandan", "Emirati": adjectives of nationality, never entities (SCHEMA.md)
    base_chains: frozenset[str]  # knowledge-base ids of the blockchains projects run on
    family_names_first: frozenset[str]  # "Kim" of "Kim Byung-gun": the word an article goes on with
    family_names_first_ambiguous: frozenset[str]  # "Lee", "Song": English given names or words too
    family_names_vietnamese: frozenset[str]  # "Lê" of "Lê Thị Mai", who is "Mai" after


def _words_regex(words) -> re.Pattern:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alternation})(?![\w])")


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = yaml.safe_load((DATA_DIR / "lexicon.yaml").read_text(encoding="utf-8"))
    titles = tuple(sorted(data["titles"], key=len, reverse=True))
    title_pattern = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    return Lexicon(
        not_entities=frozenset(s.casefold() for s in data["not_entities"]),
        titles=titles,
        title_modifiers=tuple(data["title_modifiers"]),
        generic_nouns={k: tuple(v) for k, v in data["generic_nouns"].items()},
        exchange_nouns=frozenset(w.casefold() for w in data["exchange_nouns"]),
        regulator_words=_words_regex(data["regulator_name_words"]),
        not_regulator_words=_words_regex(data["not_regulator_words"]),
        confirming_words=frozenset(w.casefold() for w in data["confirming_words"]),
        title_pattern=title_pattern,
        org_head_words=frozenset(data["org_head_words"]),
        org_suffix_words=frozenset(data["org_suffix_words"]),
        person_titles=tuple(sorted((tuple(t.split()) for t in data["person_titles"]), key=len, reverse=True)),
        token_nouns=frozenset(w.casefold() for w in data["token_nouns"]),
        price_verbs=frozenset(w.casefold() for w in data["price_verbs"]),
        law_words=frozenset(data["law_words"]),
        demonyms=frozenset(yaml.safe_load((DATA_DIR / "demonyms.yaml").read_text(encoding="utf-8"))),
        base_chains=frozenset(data["base_chains"]),
        family_names_first=frozenset(data["family_names_first"]),
        family_names_first_ambiguous=frozenset(data["family_names_first_ambiguous"]),
        family_names_vietnamese=frozenset(data["family_names_vietnamese"]),
    )
