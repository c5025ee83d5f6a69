"""Datelines: "KUALA LUMPUR, Dec. 11 (Straits Crypto) -" names a place and a news outlet."""

from __future__ import annotations

import re

from .dates import MONTHS
from .doc_entities import EntityBuilder, doc_text

_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "KUALA LUMPUR, Dec. 11 (Straits Crypto) -", "BROOKLYN, N.Y., May 7 -", "BANGKOK, Jan. 16, 2024 /PRNewswire/ --":
# an upper-case place, perhaps its state or country, the date, the news outlet or wire, a dash.
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ſ"  # (Latin Extended-A mixes cases: the place is checked to be upper case after matching)
DATELINE = re.compile(
    rf"(?P<place>[{_CAPITAL}][{_CAPITAL}.'\-]+(?: [{_CAPITAL}][{_CAPITAL}.'\-]+){{0,3}})"
    rf"(?:, (?!{_MONTH}\s*\d)(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}}))?"
    rf"(?:,? (?P<date>{_MONTH}\s*\d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH} \d{{4}}))?"
    r"\s*(?:\((?P<outlet>[A-Z][^()\n]{1,40})\)|/(?P<wire>[A-Z][^/\n]{1,40})/)?"
    r"\s+[\u2014\u2013-]{1,2}\s")


class Datelines(EntityBuilder):
    """The builder's dateline rule: the place and the outlet credited at the top of the article."""

    def add_dateline(self) -> None:
        """'KUALA LUMPUR, Dec. 11 (Straits Crypto) -': the upper-case place (and its state) are
        LOCATIONs, the outlet or wire service credited after the date an ORGANIZATION."""
        text = doc_text(self.doc)
        body = text.find("\n\n") + 2 if text.find("\n\n") > 0 else 0
        m = DATELINE.match(text) or (DATELINE.match(text, body) if body else None)
        if m is None or not m.group("place").isupper() or \
                any(e.type != "LOCATION" for e in self.kb.lookup(m.group("place"))):
            return  # "BINANCE -" opens a headline, not a dateline
        if not (m.group("date") or m.group("outlet") or m.group("wire") or self.kb.lookup(m.group("place"))
                or m.group(0).rstrip()[-1] in "\u2014\u2013"):
            return  # "BREAKING -": an unknown word in capitals is a place only in a dateline's form
        for group in ("place", "region", "outlet", "wire"):
            name = m.group(group)
            span = self.doc.char_span(m.start(group), m.end(group), alignment_mode="expand") if name else None
            if span is None:
                continue
            known = [e for e in self.kb.lookup(name) if (e.type == "LOCATION") == (group in ("place", "region"))]
            if known:
                record = self._record_for(known[0].name, known[0].type, known[0].id)
            elif group == "place":
                record = self._record_for(name.title() if name.isupper() else name, "LOCATION")
            elif group == "region":
                continue  # "Calif.": only the states and countries the knowledge base knows
            else:
                record = self._record_for(name, "ORGANIZATION")
            self._mention(span, record)
