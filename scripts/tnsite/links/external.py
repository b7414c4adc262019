"""Check external links politely: many hosts at once, few requests per host, timeouts,
retries with exponential backoff, `429 Retry-After` honoured for the whole host, redirects
recorded hop by hop (not followed blindly), and a cache of results with their age so a rerun
within the cache's lifetime sends nothing.

Standard library only (urllib in threads): the work is waiting on the network, not computing.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUS = {500, 502, 503, 504}
HEAD_REFUSED = {403, 405, 501}  # some servers refuse HEAD: ask again with GET
OK, REDIRECTED, DEAD, UNREACHABLE = "ok", "redirected", "dead", "unreachable"


@dataclass
class Options:
    timeout: float = 10.0  # seconds per connection attempt and per read
    retries: int = 2  # further attempts after the first, for timeouts, 5xx and 429
    backoff: float = 1.0  # first wait between attempts; doubles each time
    per_host: int = 2  # requests in flight per host at most
    workers: int = 16  # requests in flight in total at most
    max_retry_after: float = 120.0  # longest Retry-After obeyed; longer counts as dead
    max_redirects: int = 10
    user_agent: str = "tnsite-link-check/1.0"
    max_age_ok: float = 7 * 86400.0  # cache lifetime of a working link
    max_age_failed: float = 86400.0  # cache lifetime of a failing one (recheck sooner)


@dataclass
class Result:
    url: str
    state: str  # OK, REDIRECTED, DEAD or UNREACHABLE
    status: int | None = None
    final_url: str | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None
    attempts: int = 0
    checked_at: float = 0.0

    def age(self, now: float | None = None) -> float:
        return max(0.0, (now or time.time()) - self.checked_at)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Result:
        """`data` is one entry of the cache file, as parsed JSON."""
        data = dict(data)
        data["redirects"] = [tuple(hop) for hop in data.get("redirects", [])]
        return cls(**data)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        return None  # surface the 3xx as an HTTPError carrying its Location


class Hosts:
    """Per-host limits: a semaphore for requests in flight and a 'not before' time that a
    429 (or a backoff) pushes forward for every request to that host."""

    def __init__(self, per_host: int, sleep: Callable[[float], None] = time.sleep) -> None:
        self.per_host = per_host
        self.sleep = sleep
        self.lock = threading.Lock()
        self.slots: dict[str, threading.BoundedSemaphore] = {}
        self.not_before: dict[str, float] = {}

    def slot(self, host: str) -> threading.BoundedSemaphore:
        with self.lock:
            return self.slots.setdefault(host, threading.BoundedSemaphore(self.per_host))

    def pause(self, host: str, seconds: float) -> None:
        with self.lock:
            self.not_before[host] = max(self.not_before.get(host, 0.0), time.monotonic() + seconds)

    def wait(self, host: str) -> None:
        while True:
            with self.lock:
                delay = self.not_before.get(host, 0.0) - time.monotonic()
            if delay <= 0:
                return
            self.sleep(delay)


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now or time.time()))


class Checker:
    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.hosts = Hosts(self.options.per_host)
        self.opener = urllib.request.build_opener(_NoRedirect())

    def _request(self, url: str, method: str) -> tuple[int, dict[str, str]]:
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": self.options.user_agent, "Accept": "*/*"}
        )
        try:
            with self.opener.open(request, timeout=self.options.timeout) as response:
                if method == "GET":
                    response.read(1024)
                return response.status, dict(response.headers.items())
        except urllib.error.HTTPError as exc:
            headers = dict(exc.headers.items()) if exc.headers else {}
            exc.close()
            return exc.code, headers

    def _once(self, url: str) -> tuple[int, dict[str, str]]:
        """One request under the host's limits; GET again when HEAD is refused."""
        host = urlsplit(url).netloc.lower()
        with self.hosts.slot(host):
            self.hosts.wait(host)  # inside the slot: a 429 seen meanwhile holds everyone back
            status, headers = self._request(url, "HEAD")
            if status in HEAD_REFUSED:
                status, headers = self._request(url, "GET")
        return status, headers

    def check(self, url: str) -> Result:
        options = self.options
        result = Result(url, UNREACHABLE)
        current = url
        attempt = 0
        while True:
            attempt += 1
            result.attempts += 1
            host = urlsplit(current).netloc.lower()
            try:
                status, headers = self._once(current)
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                result.error = "timeout" if isinstance(reason, TimeoutError) else str(reason)
                if attempt <= options.retries:
                    self.hosts.pause(host, options.backoff * 2 ** (attempt - 1))
                    continue
                result.state, result.status = UNREACHABLE, None
                break
            result.status, result.error = status, None
            if status == 429:
                wait = retry_after(headers.get("Retry-After"))
                wait = options.backoff * 2 ** (attempt - 1) if wait is None else wait
                if attempt <= options.retries and wait <= options.max_retry_after:
                    self.hosts.pause(host, wait)
                    continue
                result.state = DEAD
                break
            if status in RETRY_STATUS and attempt <= options.retries:
                self.hosts.pause(host, options.backoff * 2 ** (attempt - 1))
                continue
            if status in REDIRECTS and headers.get("Location"):
                if len(result.redirects) >= options.max_redirects:
                    result.state, result.error = DEAD, "too many redirects"
                    break
                location = urljoin(current, headers["Location"])
                result.redirects.append((status, location))
                current, attempt = location, 0
                continue
            result.state = OK if status < 400 else DEAD
            if result.state == OK and result.redirects:
                result.state = REDIRECTED
            break
        result.final_url = current if result.redirects else None
        result.checked_at = time.time()
        return result

    def check_all(self, urls: Iterable[str]) -> dict[str, Result]:
        unique = sorted(set(urls))
        if not unique:
            return {}
        with ThreadPoolExecutor(max_workers=min(self.options.workers, len(unique))) as pool:
            return dict(zip(unique, pool.map(self.check, unique), strict=True))


# -- cache -------------------------------------------------------------------------------------


class Cache:
    """Results by URL in a JSON file; an entry is reused while younger than its lifetime."""

    def __init__(self, path: Path, options: Options) -> None:
        self.path = path
        self.options = options
        self.entries: dict[str, Result] = {}
        if path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self.entries = {url: Result.from_json(data) for url, data in raw.items()}
            except (ValueError, TypeError):
                self.entries = {}

    def fresh(self, url: str, now: float | None = None) -> Result | None:
        entry = self.entries.get(url)
        if entry is None:
            return None
        limit = (
            self.options.max_age_ok
            if entry.state in (OK, REDIRECTED)
            else (self.options.max_age_failed)
        )
        return entry if entry.age(now) < limit else None

    def update(self, results: dict[str, Result]) -> None:
        self.entries.update(results)

    def save(self, keep: float = 30 * 86400.0) -> None:
        now = time.time()
        data = {url: asdict(r) for url, r in sorted(self.entries.items()) if r.age(now) < keep}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")


def check_with_cache(
    urls: Iterable[str], cache: Cache, checker: Checker
) -> tuple[dict[str, Result], int]:
    """Results for every URL; only those not fresh in the cache are requested.
    Returns the results and how many were requested now."""
    wanted = sorted(set(urls))
    results = {url: cached for url in wanted if (cached := cache.fresh(url)) is not None}
    todo = [url for url in wanted if url not in results]
    fetched = checker.check_all(todo)
    cache.update(fetched)
    results.update(fetched)
    return results, len(todo)
