"""The article's own day comes from its dateline, with or without the outlet after the date."""

from datetime import date

import pytest

from kg.nlp.dates import reference_day, resolve


@pytest.mark.parametrize("text, day", [
    ("KUALA LUMPUR, Dec. 11 (Straits Crypto) - The regulator said on Monday ...", date(2023, 12, 11)),
    ("SINGAPORE, Dec. 11 — The regulator said ...", date(2023, 12, 11)),
    ("On Dec. 4 (a Monday) the firm said ...", date(2023, 12, 12)),  # no dateline: the published day
])
def test_the_reference_day_is_the_datelines(text, day):
    assert reference_day("2023-12-12T10:00:00Z", text) == day


def test_relative_days_resolve_against_the_dateline_not_the_published_date():
    ref = reference_day("2023-12-14T10:00:00Z", "LONDON, Dec. 11 (Wire) - Kraken said on Friday ...")
    assert resolve("on Friday", ref) == "2023-12-08"
