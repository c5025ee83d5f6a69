"""Resolve the date expressions news use ("on Monday", "Nov. 10", "in July 2022") to ISO dates.

Relative expressions resolve against a reference day: the article's dateline
day when it has one, else its published date. The result is as precise as the
text: "2022-11-10", "2022-07" or "2019".
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)
MONTH_YEAR = re.compile(rf"\b(?:early|mid|late|mid-)?\s*{_MONTH}(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b", re.I)
YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b")
WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
# what ends a dateline after its date: a dash, perhaps after the outlet ("Nov. 2 (Reuters) -")
DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[—–-]")


# where a Doc carries its article's publication time (ISO), for rules that need the article's own year
PUBLISHED_KEY = "kg_published"


def reference_day(published: str, text: str = "") -> date | None:
    """The article's own day: its dateline ("SINGAPORE, Nov. 2 —") if any, else ``published``."""
    pub = parse_iso(published)
    head = text[:120]
    m = DAY_MONTH_YEAR.search(head)
    if m and DATELINE_END.match(head[m.end():m.end() + 60]):
        year = int(m.group("year")) if m.group("year") else (pub.year if pub else None)
        if year:
            try:
                day = date(year, MONTHS[m.group("month").lower()], int(m.group("day")))
                if pub and day > pub + timedelta(days=2):
                    day = day.replace(year=year - 1)
                return day
            except ValueError:
                pass
    return pub


def parse_iso(value: str) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def resolve(expression: str, ref: date | None) -> str:
    """ISO date for a date expression, or "" when it names none.

    >>> resolve("on Monday", date(2022, 11, 30))
    '2022-11-28'
    >>> resolve("Nov. 10", date(2022, 11, 28))
    '2022-11-10'
    >>> resolve("in July 2022", None)
    '2022-07'
    """
    text = expression.strip()
    low = text.lower()
    if ref is not None:
        for word, offset in RELATIVE.items():
            if re.search(rf"\b{word}\b", low):
                return (ref + timedelta(days=offset)).isoformat()
        m = WEEKDAY.search(low)
        if m:
            back = (ref.weekday() - WEEKDAYS[m.group("weekday")]) % 7
            return (ref - timedelta(days=back)).isoformat()
    m = DAY_MONTH_YEAR.search(text)
    if m:
        year = int(m.group("year")) if m.group("year") else (ref.year if ref else None)
        if year:
            try:
                day = date(year, MONTHS[m.group("month").lower()], int(m.group("day")))
            except ValueError:
                return ""
            if not m.group("year") and ref and day > ref + timedelta(days=2):
                day = day.replace(year=year - 1)
            return day.isoformat()
    m = MONTH_YEAR.search(text)
    if m and (m.group("year") or ref):
        month = MONTHS[m.group("month").lower()]
        if m.group("month").lower() == "may" and not m.group("year"):
            return ""  # the modal verb, far more often than the month
        year = int(m.group("year")) if m.group("year") else ref.year - (1 if month > ref.month else 0)
        return f"{year:04d}-{month:02d}"
    m = YEAR.search(text)
    if m:
        return m.group("year")
    if ref is not None and "last month" in low:
        first = ref.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    return ""
