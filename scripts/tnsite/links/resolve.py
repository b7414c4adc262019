"""Where a URL written in a built page leads, the way a static host (GitHub Pages) serves it.

URLs under the project's `site_url` are the site's own pages written in full (canonical links,
sitemap entries, an editor pasting an address): they are checked like relative links, not sent
to the network. Query strings are ignored (a static host ignores them).
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import unquote, urlsplit

SKIPPED_SCHEMES = {"mailto", "tel", "data", "javascript", "blob", "about", "sms", "geo"}

# Outcomes of resolving a URL.
OK, MISSING, EXTERNAL, SKIPPED = "ok", "missing", "external", "skipped"


class Target(NamedTuple):
    status: str  # OK, MISSING, EXTERNAL or SKIPPED
    path: str = ""  # site-relative file (OK) or the path that was looked for (MISSING)
    fragment: str | None = None  # None: no '#' in the URL

    @property
    def is_html(self) -> bool:
        return self.path.endswith(".html")


def page_dir(page_path: str) -> str:
    """The folder a page's relative URLs start from ('a/p/index.html' → 'a/p/')."""
    return page_path.rsplit("/", 1)[0] + "/" if "/" in page_path else ""


class Resolver:
    """Resolves URLs against the set of files of one built site."""

    def __init__(self, files: frozenset[str], site_url: str) -> None:
        self.files = files
        parts = urlsplit(site_url)
        self.base_path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.own_hosts = {parts.netloc.lower()}

    def own_path(self, url: str) -> str | None:
        """The site-relative part of an absolute URL of this site, else None (scheme and host
        compare case-insensitively, the path exactly)."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or parts.netloc.lower() not in (
            self.own_hosts
        ):
            return None
        path = parts.path or "/"
        if path + "/" == self.base_path:
            path = self.base_path
        if not path.startswith(self.base_path):
            return None  # the same host, another site (a GitHub Pages project site's neighbour)
        rest = path[len(self.base_path) :]
        if parts.query:
            rest += "?" + parts.query
        if "#" in url:
            rest += "#" + parts.fragment
        return rest

    def resolve(self, page_path: str, url: str) -> Target:
        url = url.strip()
        if url.startswith("#"):
            return Target(OK, page_path, unquote(url[1:]))
        if not url:
            return Target(OK, page_path)
        if ":" in url.split("/", 1)[0]:
            scheme = url.split(":", 1)[0].lower()
            if scheme in ("http", "https"):
                rest = self.own_path(url)
                if rest is None:
                    return Target(EXTERNAL, url)
                return self._lookup("", rest)
            return Target(SKIPPED, url)
        if url.startswith("//"):
            host = urlsplit(url).netloc.lower()
            if host not in self.own_hosts:
                return Target(EXTERNAL, "https:" + url)
            return self._lookup("", "/" + url.split("/", 3)[-1] if url.count("/") > 2 else "/")
        return self._lookup(page_dir(page_path), url)

    def _lookup(self, base: str, url: str) -> Target:
        # Hand-rolled splitting: this runs for every URL of every page, and urlsplit/normpath
        # cost several times more than the rest of the check.
        fragment = None
        cut = url.find("#")
        if cut >= 0:
            fragment = url[cut + 1 :]
            if "%" in fragment:
                fragment = unquote(fragment)
            url = url[:cut]
        cut = url.find("?")
        if cut >= 0:
            url = url[:cut]
        path = unquote(url) if "%" in url else url
        if path.startswith("/"):
            if not path.startswith(self.base_path):
                return Target(MISSING, path, fragment)
            path = path[len(self.base_path) :]
        elif not path:
            path = base
        else:
            path = base + path
        trailing = not path or path.endswith("/")
        if "./" in path or path.endswith(".") or "//" in path:
            parts: list[str] = []
            for segment in path.split("/"):
                if segment == "..":
                    if not parts:
                        return Target(MISSING, "../" + path, fragment)
                    parts.pop()
                elif segment and segment != ".":
                    parts.append(segment)
            trailing = (
                trailing or path.endswith("/.") or path.endswith("/..") or path in (".", "..")
            )
            path = "/".join(parts)
        else:
            path = path.rstrip("/")
        if trailing or not path:
            candidate = path + "/index.html" if path else "index.html"
            return Target(OK if candidate in self.files else MISSING, candidate, fragment)
        if path in self.files:
            return Target(OK, path, fragment)
        folder_index = path + "/index.html"
        if folder_index in self.files:
            return Target(OK, folder_index, fragment)
        return Target(MISSING, path, fragment)
