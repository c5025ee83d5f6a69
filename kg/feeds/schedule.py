"""When to poll a feed next: its own interval, the server's hints, and backoff after errors."""

from __future__ import annotations

import random
import re
import time
from email.utils import parsedate_to_datetime

DEFAULT_INTERVAL_SECONDS = 30 * 60
MIN_INTERVAL_SECONDS = 60
MAX_BACKOFF_SECONDS = 24 * 3600  # the longest any server hint or backoff makes a feed wait
JITTER = 0.1


def next_check_after_success(now: float, *, interval_minutes: int | None, cache_control: str = "",
                             ttl_minutes: int | None = None, rng: random.Random | None = None) -> float:
    """The feed's interval, stretched (never shortened) by Cache-Control max-age and RSS ttl, plus jitter.

    The server's hints stretch it to a day at most, so a year-long max-age cannot retire a feed.
    """
    interval = (interval_minutes * 60) if interval_minutes else DEFAULT_INTERVAL_SECONDS
    hinted = max(_max_age(cache_control), (ttl_minutes or 0) * 60)
    interval = max(interval, min(hinted, MAX_BACKOFF_SECONDS))
    interval = max(interval, MIN_INTERVAL_SECONDS)
    return now + interval * (1 + (rng or random).uniform(0, JITTER))


def next_check_after_error(now: float, *, errors: int, interval_minutes: int | None, retry_after: str = "",
                           rng: random.Random | None = None) -> float:
    """Exponential backoff from the feed's interval, capped at a day; Retry-After (up to a day) wins when later."""
    base = (interval_minutes * 60) if interval_minutes else DEFAULT_INTERVAL_SECONDS
    delay = min(base * (2 ** max(errors - 1, 0)), MAX_BACKOFF_SECONDS)
    hinted = retry_after_seconds(retry_after, now)
    if hinted is not None:
        delay = max(delay if errors > 1 else 0, min(hinted, MAX_BACKOFF_SECONDS))
    return now + delay * (1 + (rng or random).uniform(0, JITTER))


def retry_after_seconds(value: str, now: float | None = None) -> float | None:
    """Retry-After as seconds from ``now``: either delta-seconds or an HTTP date.

    >>> retry_after_seconds("120")
    120.0
    >>> retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412400.0)
    80.0
    """
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def _max_age(cache_control: str) -> int:
    m = re.search(r"max-age\s*=\s*(\d+)", cache_control or "", re.I)
    return int(m.group(1)) if m else 0
