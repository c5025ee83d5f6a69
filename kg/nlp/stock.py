"""The model's own attribute ruler and lemmatizer, run without their per-token overhead.

Both are rule components whose results depend only on their rules and on a
few token attributes, so they can be run faster with exactly the same output:

* ``kg_attribute_ruler`` reads the model's ``attribute_ruler`` patterns and
  matches them by dict lookups on (tag, lower, dep, is_space) instead of
  spaCy's general ``Matcher``, which tries every one of the ~180 patterns at
  every token and calls back into Python for each set and regex test. Matches
  are applied in the ruler's own order (rule number, then position), so later
  rules win as before.
* ``kg_lemmatizer`` remembers the model lemmatizer's answer per (word, POS,
  morphology), which is everything a rule or lookup lemmatizer reads; spaCy's
  own cache skips the commonest case (base forms) and is never emptied. The
  memo holds plain strings, not spaCy's, so it outlives memory zones, and it
  is emptied (with spaCy's cache) whenever it reaches ``MEMO_LIMIT``.

``speed_up(nlp)`` swaps them in where the model's components are of a kind
they reproduce, and leaves any other pipeline untouched. It also swaps the
parser and the entity recognizer for ``kg.nlp.transitions``' stepping, which
runs them without spaCy's per-call GIL traffic. ``tests/test_speed.py``
checks that every token attribute comes out identical.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from .transitions import step_with_gil

FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
MEMO_LIMIT = 50_000  # (word, POS, morphology) lemmas remembered, a few MB; emptied when full


class Uncompilable(ValueError):
    """A pattern uses something the compiled ruler does not reproduce; the stock ruler stays."""


def speed_up(nlp: Language) -> Language:
    """Replace ``attribute_ruler`` and ``lemmatizer`` by their compiled equivalents, and ``parser``
    and ``ner`` by their stepped ones, where possible; in place, keeping the pipeline's order."""
    names = nlp.pipe_names
    if "attribute_ruler" in names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        try:
            compile_rules(nlp.get_pipe("attribute_ruler"))
        except Uncompilable:
            pass
        else:
            nlp.add_pipe("kg_attribute_ruler", after="attribute_ruler")
            nlp.remove_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in ("rule", "lookup"):
        nlp.add_pipe("kg_lemmatizer", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    step_with_gil(nlp)
    return nlp


# attribute ruler ------------------------------------------------------------------

def _condition(key: str, value) -> tuple:
    if key not in FIELDS:
        raise Uncompilable(f"pattern key {key!r}")
    field = FIELDS[key]
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise Uncompilable(f"IS_SPACE value {value!r}")
        return field, "eq", int(value)
    if isinstance(value, str):
        return field, "eq", get_string_id(value)
    if isinstance(value, dict) and len(value) == 1:
        op, arg = next(iter(value.items()))
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            return field, op, frozenset(get_string_id(v) for v in arg)
        if op == "REGEX" and isinstance(arg, str):
            return field, op, re.compile(arg)
    raise Uncompilable(f"pattern value {value!r}")


def compile_rules(ruler: AttributeRuler) -> list[tuple[int, tuple, int]]:
    """(rule number, per-token conditions, index of the token to set) for every pattern."""
    rules = []
    for number, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            if not pattern or any(not isinstance(spec, dict) or not spec for spec in pattern):
                raise Uncompilable(f"pattern {pattern!r}")
            tokens = tuple(tuple(_condition(k, v) for k, v in spec.items()) for spec in pattern)
            rules.append((number, tokens, entry["index"]))
    return rules


def _holds(conditions, row, strings) -> bool:
    for field, op, arg in conditions:
        value = row[field]
        if op == "eq":
            if value != arg:
                return False
        elif op == "IN":
            if value not in arg:
                return False
        elif op == "NOT_IN":
            if value in arg:
                return False
        elif not arg.search(strings[value]):  # REGEX
            return False
    return True


@Language.factory("kg_attribute_ruler", requires=["token.tag", "token.dep"],
                  assigns=["token.pos", "token.morph", "token.lemma", "token.tag", "token.dep"])
def make_compiled_attribute_ruler(nlp: Language, name: str) -> "CompiledAttributeRuler":
    return CompiledAttributeRuler(nlp.get_pipe("attribute_ruler"))


class CompiledAttributeRuler:
    def __init__(self, ruler: AttributeRuler):
        self.attrs = list(ruler.attrs)
        self.rules = compile_rules(ruler)
        # each rule is filed under one equality its first token must meet: the lowercase form,
        # else the tag, else the dependency; rules with none are tried everywhere
        self.by_field: tuple[dict, dict, dict] = ({}, {}, {})
        self.anywhere = []
        for rule in self.rules:
            first = {field: (op, arg) for field, op, arg in rule[1][0]}
            for field in (1, 0, 2):
                op, arg = first.get(field, (None, None))
                if op == "eq":
                    self.by_field[field].setdefault(arg, []).append(rule)
                    break
                if op == "IN":
                    for value in arg:
                        self.by_field[field].setdefault(value, []).append(rule)
                    break
            else:
                self.anywhere.append(rule)
        # (tag, lower, dep, is_space) -> the rules whose first token it meets: the same few thousand
        # words come back in every article, and a rule's test depends on nothing else
        self.first_memo: dict[tuple, tuple] = {}

    def _starting_here(self, row: list, strings) -> tuple:
        found = self.first_memo.get(key := tuple(row))
        if found is None:
            if len(self.first_memo) > MEMO_LIMIT:
                self.first_memo.clear()
            by_lower, by_tag, by_dep = self.by_field[1], self.by_field[0], self.by_field[2]
            found = self.first_memo[key] = tuple(
                rule for rules in (by_lower.get(row[1]), by_tag.get(row[0]), by_dep.get(row[2]), self.anywhere)
                if rules for rule in rules if _holds(rule[1][0], row, strings))
        return found

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(ARRAY_ATTRS).tolist() if len(doc) else []
        strings = doc.vocab.strings
        n = len(rows)
        matches = []
        for i, row in enumerate(rows):
            for number, tokens, index in self._starting_here(row, strings):
                if len(tokens) == 1:
                    matches.append((number, i, i + 1, index))
                elif i + len(tokens) <= n and all(_holds(cond, rows[i + k], strings)
                                                  for k, cond in enumerate(tokens[1:], 1)):
                    matches.append((number, i, i + len(tokens), index))
        matches.sort()
        for number, start, end, index in matches:
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise ValueError(f"attribute rule {number}: index {index} is outside its {end - start}-token match")
            set_token_attrs(doc[target], self.attrs[number])
        return doc


# lemmatizer -------------------------------------------------------------------

@Language.factory("kg_lemmatizer", requires=["token.pos"], assigns=["token.lemma"])
def make_memo_lemmatizer(nlp: Language, name: str) -> "MemoLemmatizer":
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))


class MemoLemmatizer:
    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        memo, lemmatize = self.memo, self.lemmatizer.lemmatize
        overwrite = self.lemmatizer.overwrite
        if len(memo) > MEMO_LIMIT:
            memo.clear()
            self.lemmatizer.cache.clear()
        add = doc.vocab.strings.add
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = lemmatize(doc[i])[0]
            lemmas[i] = add(value)  # into the current memory zone, like setting token.lemma_
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # one write for the Doc, no Token object per word
        return doc
