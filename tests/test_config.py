import pytest

from kg.config import load_config
from kg.errors import ConfigError


def write(tmp_path, text):
    p = tmp_path / "feeds.yaml"
    p.write_text(text)
    return p


def test_a_valid_feed_list_loads_with_defaults(tmp_path):
    config = load_config(write(tmp_path, "feeds:\n  - name: CoinDesk\n    url: https://www.coindesk.com/arc/outboundfeeds/rss/\n"))
    (feed,) = config.feeds
    assert (feed.name, feed.enabled, feed.full_text, feed.interval_minutes) == ("CoinDesk", True, False, None)


def test_relative_paths_resolve_against_the_feeds_file(tmp_path):
    config = load_config(write(tmp_path, "feeds:\n  - name: Local\n    url: sample.xml\n"))
    assert config.feeds[0].url == str(tmp_path / "sample.xml")


@pytest.mark.parametrize("text, message", [
    ("feeds:\n  - name: A\n    url: https://a.example/rss\n    colour: red\n", ":4: unknown key 'colour'"),
    ("feeds:\n  - name: A\n    url: https://a.example/rss\n  - name: a\n    url: https://b.example/rss\n",
     ":4: duplicate feed name 'a' (first at line 2)"),
    ("feeds:\n  - name: A\n    url: ftp://a.example/rss\n", ":3: bad URL 'ftp://a.example/rss'"),
    ("feeds:\n  - name: A\n    url: https:///rss\n", ":3: bad URL"),
    ("feeds:\n  - name: A\n", ":2: feed is missing 'url'"),
    ("feeds:\n  - name: A\n    url: https://a.example/rss\n    enabled: maybe\n", ":4: feed 'enabled' must be a bool"),
    ("feeds:\n  - name: A\n    url: https://a.example/rss\n    interval_minutes: 0\n", "interval_minutes must be >= 1"),
    ("feeds: [\n", "not valid YAML"),
    ("", "empty feeds file"),
    ("settings:\n  model: x\n", "missing 'feeds:' list"),
    ("settings:\n  modle: x\nfeeds: []\n", ":2: unknown key 'modle' in settings"),
])
def test_invalid_feed_files_name_the_line_and_the_problem(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_a_missing_feeds_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="feeds file not found"):
        load_config(tmp_path / "nope.yaml")


def test_the_repository_feed_list_is_valid():
    from pathlib import Path

    config = load_config(Path(__file__).resolve().parent.parent / "feeds.yaml")
    names = {f.name for f in config.feeds}
    assert {"CoinDesk", "Cointelegraph", "The Block", "Decrypt"} <= names
    assert all(f.url.startswith("https://") for f in config.feeds)


def test_settings_choose_the_model(tmp_path):
    config = load_config(write(tmp_path, "settings:\n  model: en_core_web_md\nfeeds: []\n"))
    assert config.settings.model == "en_core_web_md"
