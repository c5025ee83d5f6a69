"""Feed HTML -> plain text that keeps paragraph breaks (sentences must not run together)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "tr", "table", "section", "article", "figure", "figcaption", "pre", "hr"}
SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "head"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip_depth += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Strip tags, drop scripts and styles, keep paragraphs apart.

    >>> html_to_text("<p>Kraken &amp; Co.</p><p>Second <b>para</b></p><script>x()</script>")
    'Kraken & Co.\\n\\nSecond para'
    """
    if not markup:
        return ""
    if "<" not in markup:
        return _tidy(html.unescape(markup))
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return _tidy("".join(collector.parts))


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\xa0", " ")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
