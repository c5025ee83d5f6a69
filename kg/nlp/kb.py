"""The crypto knowledge base: YAML data files under ``kg/data/kb`` -> ``KnowledgeBase``.

Each entry has a stable ``id``, a canonical ``name``, a ``type`` and the other
names news use for it (``aliases``, ``tickers``). ``ambiguous`` lists names
that are also common words or shared with other bodies: those match only
with exact case, away from a sentence start, and only with supporting
context (see ``kg.nlp.candidate_spans``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..models import ENTITY_TYPES

KB_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
KB_FILES = ("exchanges.yaml", "regulators.yaml", "organizations.yaml", "assets.yaml", "people.yaml", "sports.yaml",
            "locations.yaml")
ENTRY_KEYS = {"id", "name", "type", "aliases", "tickers", "country", "wikidata", "lowercase", "ambiguous"}


# compiled once: ``norm`` runs for every name looked up, in extraction and in every query
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_PUNCTUATION = re.compile(r"[^\w\s.\-&]")
_SPACES = re.compile(r"\s+")


def norm(name: str) -> str:
    """SCHEMA.md's name normalisation (NFKC, casefold, no possessive, most punctuation dropped).

    >>> norm("Binance's")
    'binance'
    >>> norm("U.S. Department of Justice")
    'u.s. department of justice'
    """
    s = unicodedata.normalize("NFKC", str(name)).casefold().strip()
    s = _POSSESSIVE.sub("", s)
    s = _PUNCTUATION.sub(" ", s)
    return _SPACES.sub(" ", s).strip(" .")


@dataclass(frozen=True)
class KBEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    country: str = ""
    wikidata: str = ""
    lowercase: bool = False
    ambiguous: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that refers to this entry alone (shared names excluded)."""
        return (self.name, *self.aliases, *self.tickers)

    @property
    def shared_names(self) -> tuple[str, ...]:
        """Ambiguous names that are not among this entry's own names (a shared acronym)."""
        own = set(self.names)
        return tuple(n for n in self.ambiguous if n not in own)


class KnowledgeBase:
    """Entries by id, and a lookup from any normalised name to its entries."""

    def __init__(self, entries: list[KBEntry]):
        self.entries = {e.id: e for e in entries}
        self.by_name: dict[str, list[KBEntry]] = {}
        for entry in entries:
            for name in entry.names:
                bucket = self.by_name.setdefault(norm(name), [])
                if entry not in bucket:
                    bucket.append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, kb_id: str) -> KBEntry | None:
        return self.entries.get(kb_id)

    def lookup(self, name: str) -> list[KBEntry]:
        return self.by_name.get(norm(name), [])

    def count(self, type_: str) -> int:
        return sum(1 for e in self.entries.values() if e.type == type_)


def _loader():
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_entries(path: Path) -> list[KBEntry]:
    """Parse and check one KB file; errors name the file and the entry."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader()) or []
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of entries")
    entries = []
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not {"id", "name", "type"} <= item.keys():
            raise ConfigError(f"{path}: entry {i + 1} needs id, name and type")
        unknown = set(item) - ENTRY_KEYS
        if unknown:
            raise ConfigError(f"{path}: entry {item['id']!r} has unknown keys {sorted(unknown)}")
        if item["type"] not in ENTITY_TYPES:
            raise ConfigError(f"{path}: entry {item['id']!r} has type {item['type']!r}; allowed: {ENTITY_TYPES}")
        entries.append(KBEntry(
            id=str(item["id"]), name=str(item["name"]), type=item["type"],
            aliases=tuple(str(a) for a in item.get("aliases") or ()),
            tickers=tuple(str(t) for t in item.get("tickers") or ()),
            country=str(item.get("country") or ""), wikidata=str(item.get("wikidata") or ""),
            lowercase=bool(item.get("lowercase", False)),
            ambiguous=tuple(str(a) for a in item.get("ambiguous") or ()),
        ))
    return entries


@functools.lru_cache(maxsize=4)
def load_kb(directory: str | None = None) -> KnowledgeBase:
    """Load every KB file of ``directory`` (default: the bundled one), once per process."""
    base = Path(directory) if directory else KB_DIR
    entries: list[KBEntry] = []
    seen: dict[str, Path] = {}
    for name in KB_FILES:
        path = base / name
        if not path.exists():
            continue
        for entry in read_entries(path):
            if entry.id in seen:
                raise ConfigError(f"{path}: id {entry.id!r} already used in {seen[entry.id]}")
            seen[entry.id] = path
            entries.append(entry)
    return KnowledgeBase(entries)
