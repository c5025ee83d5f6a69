"""The state kept per feed between runs: validators, next check, errors, URL moves."""

import json
from email.utils import formatdate

import pytest
from click.testing import CliRunner

from conftest import FakeExtractor, item, rss
from kg.cli import main
from kg.config import Config
from kg.feeds import schedule
from kg.feeds.schedule import DEFAULT_INTERVAL_SECONDS, MAX_BACKOFF_SECONDS
from kg.ingest import ingest
from kg.models import FeedSource

NOW = 1_700_000_000.0
HOUR = 3600


def one_feed(server, path="/feed", interval_minutes=None, **route):
    server.add(path, **route)
    return Config(feeds=(FeedSource("F", server.url(path), interval_minutes=interval_minutes),))


def run(config, store, at, force=False):
    (report,) = ingest(config, store, extractor=FakeExtractor(), now=lambda: at, force=force).feeds
    return report, store.feed_state("F")


@pytest.fixture(autouse=True)
def no_jitter(monkeypatch):
    """Exact next checks: jitter has its own test in test_schedule.py."""
    monkeypatch.setattr(schedule, "JITTER", 0.0)


def test_validators_are_stored_and_sent_back_and_304_leaves_the_articles_alone(server, fresh_store):
    config = one_feed(server, body=rss(item("f", 1)), etag='"v1"',
                      headers={"Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"})
    report, state = run(config, fresh_store, NOW)
    assert (report.status, state.etag, state.last_modified) == ("new", '"v1"', "Tue, 05 Mar 2024 10:00:00 GMT")
    report, state = run(config, fresh_store, NOW + 2 * HOUR)
    sent = server.routes["/feed"].request_headers[-1]
    assert (sent["If-None-Match"], sent["If-Modified-Since"]) == ('"v1"', "Tue, 05 Mar 2024 10:00:00 GMT")
    assert (report.status, state.last_status, state.etag) == ("not-modified", "304 not modified", '"v1"')
    assert state.next_check == NOW + 2 * HOUR + DEFAULT_INTERVAL_SECONDS
    assert fresh_store.counts()["articles"] == 1


def test_a_feed_is_not_polled_before_its_next_check(server, fresh_store):
    config = one_feed(server, interval_minutes=20, body=rss(item("f", 1)))
    _, state = run(config, fresh_store, NOW)
    assert state.next_check == NOW + 20 * 60
    report, _ = run(config, fresh_store, NOW + 19 * 60)
    assert report.status == "not-due" and server.routes["/feed"].hits == 1
    report, _ = run(config, fresh_store, NOW + 19 * 60, force=True)
    assert report.status == "unchanged" and server.routes["/feed"].hits == 2
    report, _ = run(config, fresh_store, NOW + 41 * 60)
    assert server.routes["/feed"].hits == 3


@pytest.mark.parametrize("route, wait", [
    ({"body": rss(item("f", 1)), "headers": {"Cache-Control": "public, max-age=7200"}}, 7200),
    ({"body": rss(item("f", 1), channel="<ttl>180</ttl>")}, 180 * 60),
    ({"body": rss(item("f", 1)), "headers": {"Cache-Control": "max-age=60"}}, 15 * 60),
])
def test_the_next_check_honours_cache_control_and_ttl(server, fresh_store, route, wait):
    _, state = run(one_feed(server, interval_minutes=15, **route), fresh_store, NOW)
    assert state.next_check == NOW + wait


@pytest.mark.parametrize("retry_after, wait", [("600", 600), (formatdate(NOW + 5400, usegmt=True), 5400)])
def test_a_429_is_retried_when_the_server_says(server, fresh_store, retry_after, wait):
    config = one_feed(server, status=429, headers={"Retry-After": retry_after})
    report, state = run(config, fresh_store, NOW)
    assert (report.status, state.last_status, state.errors) == ("failed", "HTTP 429", 1)
    assert state.next_check == pytest.approx(NOW + wait, abs=1)


def test_errors_back_off_until_one_success_resets_them(server, fresh_store):
    config = one_feed(server, interval_minutes=10, status=500)
    at, waited = NOW, []
    for _ in range(10):
        _, state = run(config, fresh_store, at)
        waited.append(state.next_check - at)
        at = state.next_check
    assert waited == [600 * 2 ** i for i in range(8)] + [MAX_BACKOFF_SECONDS] * 2
    assert (state.errors, state.last_status) == (10, "HTTP 500")
    assert "HTTP 500 Internal Server Error" in state.last_error

    server.add("/feed", body=rss(item("f", 1)))
    report, state = run(config, fresh_store, at)
    assert (report.status, state.errors, state.last_error, state.last_status) == ("new", 0, "", "200 ok")
    assert state.next_check == at + 600


def test_a_dead_feed_is_never_dropped_and_kg_feeds_shows_why(server, fresh_store, tmp_path):
    server.add("/good", body=rss(item("g", 1)))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"feeds:\n  - name: Dead\n    url: {server.url('/gone')}\n"
                     f"  - name: Good\n    url: {server.url('/good')}\n")
    config = Config(feeds=(FeedSource("Dead", server.url("/gone")), FeedSource("Good", server.url("/good"))))
    at = NOW
    for _ in range(20):
        ingest(config, fresh_store, extractor=FakeExtractor(), now=lambda: at)
        at += MAX_BACKOFF_SECONDS
    dead = fresh_store.feed_state("Dead")
    assert dead.errors == 20 and dead.next_check <= at, "polled once a day, however long it has been dead"

    result = CliRunner().invoke(main, ["feeds", "--feeds", str(feeds), "--store", fresh_store.path])
    assert result.exit_code == 0, result.output
    assert "Dead: HTTP 404, 0 articles, 20 consecutive errors" in result.output
    assert "last error: " + server.url("/gone") + ": HTTP 404 Not Found" in result.output
    rows = json.loads(CliRunner().invoke(
        main, ["feeds", "--feeds", str(feeds), "--store", fresh_store.path, "--json"]).output)
    assert [(r["name"], r["errors"], r["articles"]) for r in rows] == [("Dead", 20, 0), ("Good", 0, 1)]


@pytest.mark.parametrize("status, moves", [(301, True), (308, True), (302, False), (307, False)])
def test_a_permanent_redirect_moves_the_stored_url(server, fresh_store, status, moves):
    server.add("/new", body=rss(item("f", 1)), etag='"n1"')
    config = one_feed(server, path="/old", status=status, headers={"Location": "/new"})
    _, state = run(config, fresh_store, NOW)
    assert state.url == server.url("/new" if moves else "/old")
    assert state.configured_url == server.url("/old")
    report, state = run(config, fresh_store, NOW, force=True)
    assert report.status == "not-modified"
    assert server.routes["/old"].hits == (1 if moves else 2), "a moved feed is fetched at its new URL"


def test_a_feed_that_moves_while_unchanged_is_moved_too(server, fresh_store):
    config = one_feed(server, path="/old", body=rss(item("f", 1)), etag='"v1"')
    run(config, fresh_store, NOW)
    server.add("/old", status=301, headers={"Location": "/new"})
    server.add("/new", body=rss(item("f", 1)), etag='"v1"')
    report, state = run(config, fresh_store, NOW, force=True)
    assert (report.status, state.url, state.etag) == ("not-modified", server.url("/new"), '"v1"')


def test_editing_a_feeds_url_starts_it_afresh(server, fresh_store):
    server.add("/a", body=rss(item("f", 1)), etag='"a1"')
    server.add("/b", body=rss(item("f", 2)), etag='"b1"')
    run(one_feed(server, path="/a", interval_minutes=60), fresh_store, NOW)
    report, state = run(Config(feeds=(FeedSource("F", server.url("/b"), interval_minutes=60),)), fresh_store, NOW + 1)
    assert report.status == "new", "a new URL is due at once, without the old ETag"
    assert (state.url, state.etag) == (server.url("/b"), '"b1"')
    assert "If-None-Match" not in server.routes["/b"].request_headers[0]
