"""feeds.yaml -> validated ``Config``; every error names the file, the line and the problem.

The file has two top-level keys::

    settings:            # optional
      model: en_core_web_sm
      store: output/kg.sqlite
      workers: 2         # extraction processes for ingest and watch (default 1)
    feeds:
      - name: CoinDesk
        url: https://www.coindesk.com/arc/outboundfeeds/rss/
        enabled: true
        interval_minutes: 15
        full_text: false

A feed's ``url`` may be http(s), ``file://`` or a path, relative paths being
read relative to the feeds file itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

from .errors import ConfigError
from .models import FeedSource

FEED_KEYS = {"name", "url", "enabled", "interval_minutes", "full_text"}
SETTING_KEYS = {"model", "store", "user_agent", "timeout_seconds", "max_bytes", "workers"}
TOP_KEYS = {"feeds", "settings"}


@dataclass(frozen=True)
class Settings:
    model: str = ""
    store: str = ""
    user_agent: str = ""
    timeout_seconds: float = 0.0
    max_bytes: int = 0
    workers: int = 0


@dataclass(frozen=True)
class Config:
    feeds: tuple[FeedSource, ...] = ()
    settings: Settings = field(default_factory=Settings)
    path: str = ""


def load_config(path: str | Path) -> Config:
    """Read and validate a feeds file.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "feeds.yaml")
    >>> _ = open(p, "w").write("feeds:\\n  - name: A\\n    url: https://a.example/rss\\n")
    >>> load_config(p).feeds[0].url
    'https://a.example/rss'
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: feeds file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read feeds file ({exc})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if root is None:
        raise ConfigError(f"{path}: empty feeds file; expected a 'feeds:' list")
    where = _Where(path)
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{where(root)}: expected a mapping with 'feeds:' at the top")
    top = _mapping(root, where, TOP_KEYS, "top level")
    if "feeds" not in top:
        raise ConfigError(f"{where(root)}: missing 'feeds:' list")
    feeds_node = top["feeds"][1]
    if not isinstance(feeds_node, yaml.SequenceNode):
        raise ConfigError(f"{where(feeds_node)}: 'feeds' must be a list of feeds")
    feeds, seen = [], {}
    for item in feeds_node.value:
        feed = _feed(item, where, path.parent)
        if feed.name.casefold() in seen:
            raise ConfigError(
                f"{where(item)}: duplicate feed name {feed.name!r} (first at line {seen[feed.name.casefold()]})"
            )
        seen[feed.name.casefold()] = item.start_mark.line + 1
        feeds.append(feed)
    settings = Settings()
    if "settings" in top:
        settings = _settings(top["settings"][1], where)
    return Config(feeds=tuple(feeds), settings=settings, path=str(path))


class _Where:
    def __init__(self, path: Path):
        self.path = path

    def __call__(self, node) -> str:
        return f"{self.path}:{node.start_mark.line + 1}"


def _mapping(node, where, allowed, what) -> dict:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{where(node)}: {what} must be a mapping of keys to values")
    out = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in allowed:
            raise ConfigError(
                f"{where(key_node)}: unknown key {key!r} in {what}; allowed: {', '.join(sorted(allowed))}"
            )
        if key in out:
            raise ConfigError(f"{where(key_node)}: key {key!r} given twice in {what}")
        out[key] = (key_node, value_node)
    return out


def _scalar(pair, where, kind, what):
    key_node, node = pair
    if not isinstance(node, yaml.ScalarNode):
        raise ConfigError(f"{where(node)}: {what} {key_node.value!r} must be a {kind.__name__}")
    value = yaml.safe_load(node.value) if node.style is None else node.value
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if kind is str and value is not None and not isinstance(value, str):
        value = str(node.value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"{where(node)}: {what} {key_node.value!r} must be a {kind.__name__}, got {node.value!r}")
    return value


def _feed(node, where, base: Path) -> FeedSource:
    fields = _mapping(node, where, FEED_KEYS, "a feed")
    for required in ("name", "url"):
        if required not in fields:
            raise ConfigError(f"{where(node)}: feed is missing {required!r}")
    name = _scalar(fields["name"], where, str, "feed").strip()
    if not name:
        raise ConfigError(f"{where(fields['name'][1])}: feed name is empty")
    url = _scalar(fields["url"], where, str, "feed").strip()
    url = _checked_url(url, where(fields["url"][1]), base)
    interval = None
    if "interval_minutes" in fields:
        interval = _scalar(fields["interval_minutes"], where, int, "feed")
        if interval < 1:
            raise ConfigError(f"{where(fields['interval_minutes'][1])}: interval_minutes must be >= 1, got {interval}")
    enabled = _scalar(fields["enabled"], where, bool, "feed") if "enabled" in fields else True
    full_text = _scalar(fields["full_text"], where, bool, "feed") if "full_text" in fields else False
    return FeedSource(name=name, url=url, enabled=enabled, interval_minutes=interval, full_text=full_text)


def _checked_url(url: str, where: str, base: Path) -> str:
    parsed = urlparse(url)
    if parsed.scheme in ("http", "https"):
        if not parsed.netloc or " " in url:
            raise ConfigError(f"{where}: bad URL {url!r}: an http(s) URL needs a host and no spaces")
        return url
    if parsed.scheme == "file":
        return url
    if parsed.scheme and len(parsed.scheme) > 1:
        raise ConfigError(f"{where}: bad URL {url!r}: scheme {parsed.scheme!r} is not http, https or file")
    if not url:
        raise ConfigError(f"{where}: feed url is empty")
    path = Path(url)
    return str(path if path.is_absolute() else (base / path).resolve())


def _settings(node, where) -> Settings:
    fields = _mapping(node, where, SETTING_KEYS, "settings")
    kinds = {"model": str, "store": str, "user_agent": str, "timeout_seconds": float, "max_bytes": int, "workers": int}
    return Settings(**{key: _scalar(pair, where, kinds[key], "setting") for key, pair in fields.items()})
