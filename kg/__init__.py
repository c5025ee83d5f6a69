"""Crypto news -> knowledge graph: feeds in, entities and events out, a graph to explore and query."""

__version__ = "0.1.0"

from .errors import KGError  # noqa: E402

__all__ = ["KnowledgeGraph", "KGError", "__version__"]


def __getattr__(name: str):
    # ``kg.KnowledgeGraph`` loads networkx and the graph code on first use, not on ``import kg``: a
    # ``kg query`` answered by ``kg serve`` needs neither, and starts in a third of the time
    if name == "KnowledgeGraph":
        from .query import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
