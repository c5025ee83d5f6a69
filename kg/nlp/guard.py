"""A rule that breaks on one article must not stop a feed run or lose the other articles.

Each kg component's ``__call__`` is wrapped: if it raises, its findings for that Doc are left
empty (later components then find nothing to build on), the failure is noted on the Doc, and
``kg.extract`` logs it with the article's id, so a bug costs one article's relations or events,
never the batch the article came in.
"""

from __future__ import annotations

import functools
import logging
from typing import Callable

from spacy.tokens import Doc

log = logging.getLogger("kg.extract")

FAILURES = "kg_failures"  # Doc.user_data key: what failed on this Doc


def guarded(leave_empty: Callable[[Doc], None]):
    """Decorate a component's ``__call__``; ``leave_empty(doc)`` sets its outputs to nothing found."""
    def wrap(call):
        @functools.wraps(call)
        def run(self, doc: Doc) -> Doc:
            try:
                return call(self, doc)
            except Exception as error:  # noqa: BLE001 - any rule bug; the article is named in the log
                leave_empty(doc)
                doc.user_data.setdefault(FAILURES, []).append(f"{type(self).__name__}: {type(error).__name__}: {error}")
                log.debug("%s failed", type(self).__name__, exc_info=True)
                return doc
        return run
    return wrap


def failures(doc: Doc) -> list[str]:
    return doc.user_data.get(FAILURES, [])
