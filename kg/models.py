"""Frozen records handed from one stage to the next.

Feeds produce ``Article``; extraction turns an article into an ``Extraction``
made of ``Entity``, ``Relation`` and ``Event``; the store keeps them and the
graph reads them back. No spaCy object or database cursor crosses a module
boundary, so every stage can be tested alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ENTITY_TYPES = ("EXCHANGE", "REGULATOR", "PERSON", "ORGANIZATION", "ASSET", "LOCATION")
RELATION_TYPES = ("WORKS_FOR", "BASED_IN")
EVENT_TYPES = (
    "HACK", "DATA_LEAK", "INVESTIGATION", "LAWSUIT", "CRIMINAL_CASE", "FINE",
    "BANKRUPTCY", "WITHDRAWAL_HALT", "LISTING", "ACQUISITION", "FUNDING",
    "PARTNERSHIP", "LICENSE", "BAN", "WARNING", "LEADERSHIP_CHANGE",
    "PRICE_MOVE", "LAUNCH",
)


@dataclass(frozen=True)
class FeedSource:
    """One feed as configured in feeds.yaml."""

    name: str
    url: str
    enabled: bool = True
    interval_minutes: int | None = None
    full_text: bool = False


@dataclass(frozen=True)
class Article:
    """One news item, normalised from RSS or Atom (or a JSONL input line)."""

    id: str
    title: str
    text: str
    url: str = ""
    published: str = ""  # ISO 8601, UTC, or "" when the feed gave none
    feed: str = ""
    guid: str = ""
    author: str = ""
    content_hash: str = ""


@dataclass(frozen=True)
class Evidence:
    """Where in an article an extracted item was read: sentence and character offsets."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    kb_id: str = ""
    mentions: int = 1
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Relation:
    head: str
    type: str
    tail: str
    role: str = ""
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Event:
    type: str
    participants: tuple[str, ...]
    date: str = ""
    trigger: str = ""
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article, in SCHEMA.md's vocabulary."""

    article_id: str
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()

    def to_schema(self) -> dict:
        """The SCHEMA.md JSON shape (id, entities, relations, events)."""
        return {
            "id": self.article_id,
            "entities": [
                {"name": e.name, "type": e.type, "aliases": list(e.aliases)} for e in self.entities
            ],
            "relations": [
                {k: v for k, v in (("head", r.head), ("type", r.type), ("tail", r.tail), ("role", r.role)) if v}
                for r in self.relations
            ],
            "events": [
                {k: v for k, v in (("type", e.type), ("participants", list(e.participants)), ("date", e.date)) if v}
                for e in self.events
            ],
        }

    def to_dict(self) -> dict:
        """Everything, evidence included, for the store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Extraction":
        def ev(d):
            return Evidence(**d) if d else None

        return cls(
            article_id=data["article_id"],
            entities=tuple(
                Entity(
                    name=e["name"], type=e["type"], aliases=tuple(e["aliases"]), kb_id=e["kb_id"],
                    mentions=e["mentions"], evidence=tuple(Evidence(**x) for x in e["evidence"]),
                )
                for e in data["entities"]
            ),
            relations=tuple(
                Relation(r["head"], r["type"], r["tail"], r["role"], ev(r["evidence"])) for r in data["relations"]
            ),
            events=tuple(
                Event(e["type"], tuple(e["participants"]), e["date"], e["trigger"], ev(e["evidence"]))
                for e in data["events"]
            ),
        )
