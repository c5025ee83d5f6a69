"""Crypto news -> knowledge graph: feeds in, entities and events out, a graph to explore and query."""

__version__ = "0.1.0"

from .errors import KGError  # noqa: E402
from .query import KnowledgeGraph  # noqa: E402

__all__ = ["KnowledgeGraph", "KGError", "__version__"]
