"""Canonical article URLs, so one story reached through two tracking links is stored once."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid",
    "ref", "ref_src", "cmpid", "ncid", "_hsenc", "_hsmi", "mkt_tok", "outputtype", "taid",
}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop fragments, default ports and tracking parameters.

    >>> canonical_url("HTTPS://News.Example:443/a/b?utm_source=rss&id=3&fbclid=x#top")
    'https://news.example/a/b?id=3'
    """
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower()
    if parts.port and not ((parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(sorted(query)), ""))
