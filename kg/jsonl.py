"""JSONL input for ``kg extract`` and ``kg eval``: one article per line (id, title, text[, url, published])."""

from __future__ import annotations

import json
from typing import IO, Iterable, Iterator

from .errors import InputError
from .models import Article


def article_from_row(row: dict, source: str, line: int) -> Article:
    if not isinstance(row, dict):
        raise InputError(f"{source}:{line}: expected a JSON object, got {type(row).__name__}")
    if "id" not in row:
        raise InputError(f"{source}:{line}: missing 'id'")
    for key in ("title", "text", "url", "published"):
        if key in row and row[key] is not None and not isinstance(row[key], str):
            raise InputError(f"{source}:{line}: '{key}' must be a string, got {type(row[key]).__name__}")
    return Article(id=str(row["id"]), title=row.get("title") or "", text=row.get("text") or "",
                   url=row.get("url") or "", published=row.get("published") or "")


def json_lines(stream: Iterable[str], source: str = "input") -> Iterator[tuple[int, object]]:
    """(line number, value) for each non-blank line; a line that is not JSON stops with its number."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}:{number}: not valid JSON ({exc.msg} at column {exc.colno})") from None


def read_articles(stream: IO[str], source: str = "input") -> Iterator[Article]:
    """Articles from a JSONL stream, lazily; a bad line stops with its line number."""
    for number, row in json_lines(stream, source):
        yield article_from_row(row, source, number)
