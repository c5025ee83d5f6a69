"""When a feed is polled next: its interval, the server's hints, jitter and backoff."""

import random
from email.utils import formatdate

import pytest

from kg.feeds.schedule import (DEFAULT_INTERVAL_SECONDS, JITTER, MAX_BACKOFF_SECONDS, MIN_INTERVAL_SECONDS,
                               next_check_after_error, next_check_after_success, retry_after_seconds)

NOW = 1_700_000_000.0


def jittered(wait, expected):
    """Is ``wait`` the ``expected`` seconds, plus the jitter of up to a tenth?"""
    return expected <= wait <= expected * (1 + JITTER)


@pytest.mark.parametrize("interval_minutes, cache_control, ttl_minutes, expected", [
    (None, "", None, DEFAULT_INTERVAL_SECONDS),
    (15, "", None, 15 * 60),
    (15, "public, max-age=3600", None, 3600),  # max-age stretches the interval...
    (120, "max-age=60", None, 120 * 60),  # ...and never shortens it
    (15, "", 90, 90 * 60),  # RSS ttl stretches it too
    (15, "max-age=7200", 60, 7200),  # the longer hint wins
    (1, "no-cache", None, 60),
    (15, "max-age=31536000", None, MAX_BACKOFF_SECONDS),  # a year-long hint waits a day at most
    (15, "", 525600, MAX_BACKOFF_SECONDS),
    (2880, "", None, 2880 * 60),  # the feed's own interval is the user's choice, never capped
])
def test_after_a_success_the_feed_waits_its_interval_stretched_by_the_servers_hints(
        interval_minutes, cache_control, ttl_minutes, expected):
    at = next_check_after_success(NOW, interval_minutes=interval_minutes, cache_control=cache_control,
                                  ttl_minutes=ttl_minutes, rng=random.Random(1))
    assert jittered(at - NOW, expected)
    assert expected >= MIN_INTERVAL_SECONDS


def test_jitter_spreads_feeds_by_up_to_a_tenth_and_is_reproducible_with_a_seed():
    times = {next_check_after_success(NOW, interval_minutes=10, rng=random.Random(seed)) for seed in range(50)}
    assert len(times) == 50 and all(NOW + 600 <= t <= NOW + 660 for t in times)
    assert (next_check_after_success(NOW, interval_minutes=10, rng=random.Random(7))
            == next_check_after_success(NOW, interval_minutes=10, rng=random.Random(7)))


@pytest.mark.parametrize("errors, expected", [
    (1, 15 * 60), (2, 30 * 60), (3, 60 * 60), (4, 120 * 60), (7, 960 * 60), (8, MAX_BACKOFF_SECONDS),
    (1000, MAX_BACKOFF_SECONDS),
])
def test_errors_back_off_exponentially_up_to_a_day(errors, expected):
    at = next_check_after_error(NOW, errors=errors, interval_minutes=15, rng=random.Random(1))
    assert jittered(at - NOW, expected)


@pytest.mark.parametrize("errors, retry_after, expected", [
    (1, "120", 120),  # the server's word on the first error, even when sooner than the interval
    (1, formatdate(NOW + 7200, usegmt=True), 7200),  # an HTTP date
    (3, "120", 60 * 60),  # after repeated errors the backoff wins when later
    (3, "10800", 10800),  # and Retry-After when later still
    (1, "9999999", MAX_BACKOFF_SECONDS),  # capped like the backoff
    (1, "soon", 15 * 60),  # unreadable: ignored
    (1, formatdate(NOW - 600, usegmt=True), 0),  # a date already past: retry at the next run
])
def test_retry_after_is_honoured_in_seconds_or_as_a_date(errors, retry_after, expected):
    at = next_check_after_error(NOW, errors=errors, interval_minutes=15, retry_after=retry_after,
                                rng=random.Random(1))
    assert jittered(at - NOW, expected)


@pytest.mark.parametrize("value, expected", [
    ("120", 120.0), (" 0 ", 0.0), ("", None), ("-5", None), ("1.5", None), ("tomorrow", None),
    (formatdate(NOW + 30, usegmt=True), 30.0), (formatdate(NOW - 30, usegmt=True), 0.0),
])
def test_retry_after_values(value, expected):
    assert retry_after_seconds(value, now=NOW) == expected
