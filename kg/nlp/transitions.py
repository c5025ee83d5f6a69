"""The model's parser and entity recognizer, stepped with the GIL held.

spaCy's greedy transition parsing releases the GIL for its whole loop, and
in spaCy 3.8's build every call of a parse state's accessors (``B_``,
``safe_get``) takes the GIL back and drops it again: the compiled accessor
calls ``PyGILState_Ensure`` and ``PyGILState_Release`` twice. Checking which
moves are valid calls them several times per move, for each of the
recognizer's 74 moves at every step, and each round trip locks and unlocks
the GIL's mutex. A profile of kg's extraction (``perf``) put a third of all
its time in ``pthread_mutex_lock``, ``unlock`` and the GIL's own functions.

``greedy_parse`` runs the same steps the way spaCy's own training loop does,
from Python: score the unfinished states with the component's step model,
then apply the best valid move to each with the component's
``transition_states``. Holding the GIL, the accessors' GIL calls are a
counter increment. The scores are computed by the same functions on the same
weights (feature sums, bias, maxout, the output layer) and the moves are chosen
by the same C code, so the parses and entities are the ones spaCy finds;
``tests/test_speed.py`` checks every token attribute against the stock
pipeline. The Python stepping costs tens of microseconds per step, so a whole
batch is stepped together (up to ``STEP_DOCS``, sorted by length, as spaCy
does) rather than spaCy's quarter batches: the parser and the recognizer run
about 1.5x faster.
"""

from __future__ import annotations

from spacy import util
from spacy.language import Language
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from thinc.api import NumpyOps, set_dropout_rate

# docs stepped together: fewer Python steps; the parser's precomputed features take 4 KB per token,
# about 50 MB for 32 news articles
STEP_DOCS = 32


def can_step(component) -> bool:
    """A greedy (beam width 1) spaCy parser or recognizer on the CPU, with the methods used here."""
    return (isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1
            and all(hasattr(component, m) for m in ("transition_states", "_ensure_labels_are_added"))
            and isinstance(component.model.ops, NumpyOps))


def greedy_parse(component: Parser, docs: list[Doc]) -> list:
    """The final parse states of ``docs``: what ``component.predict(docs)`` returns."""
    component._ensure_labels_are_added(docs)
    batch = component.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return batch
    set_dropout_rate(component.model, 0.0)
    step_model = component.model.predict(docs)
    states = [state for state in batch if not state.is_final()]
    while states:
        states = component.transition_states(states, step_model.predict(states))
    step_model.clear_memory()
    return batch


@Language.factory("kg_transitions", default_config={"wraps": "parser"})
def make_stepped_parser(nlp: Language, name: str, wraps: str) -> "SteppedParser":
    return SteppedParser(nlp.get_pipe(wraps))


class SteppedParser:
    """Stands in for a spaCy ``Parser`` component (parser or ner); other attributes are the wrapped one's."""

    def __init__(self, component: Parser):
        self.component = component

    def __getattr__(self, name):
        try:
            component = self.__dict__["component"]
        except KeyError:  # not set up yet (copying, unpickling)
            raise AttributeError(name) from None
        return getattr(component, name)

    def __call__(self, doc: Doc) -> Doc:
        self.component.set_annotations([doc], greedy_parse(self.component, [doc]))
        return doc

    def pipe(self, docs, *, batch_size: int = 256):
        error_handler = self.component.get_error_handler()
        for batch in util.minibatch(docs, size=batch_size):
            batch = list(batch)
            try:
                for group in util.minibatch(sorted(batch, key=len), size=STEP_DOCS):
                    self.component.set_annotations(group, greedy_parse(self.component, group))
                yield from batch
            except Exception as exc:  # noqa: BLE001  (spaCy's own contract: the handler decides)
                error_handler(self.component.name, self.component, batch, exc)


def step_with_gil(nlp: Language) -> list[str]:
    """Swap every steppable parser component for a ``SteppedParser`` named ``kg_<name>``, in its place."""
    swapped = []
    for name, component in list(nlp.pipeline):
        if can_step(component):
            nlp.add_pipe("kg_transitions", name=f"kg_{name}", after=name, config={"wraps": name})
            nlp.remove_pipe(name)
            swapped.append(name)
    return swapped
