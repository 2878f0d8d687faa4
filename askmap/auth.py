"""The app's login: who may sign in (``--auth user:password``, repeatable, or ``ASKMAP_AUTH``), checked in
constant time, with failed attempts rate-limited per user name.

The login is Gradio's sign-in form (a page with a user name and a password, then a session cookie), not HTTP
basic auth. A malformed value is an error at start, never a silently open app.
"""
from __future__ import annotations

import hmac
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from pathlib import Path

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_FAILURES = 5  # failed attempts per user name within WINDOW seconds before sign-in is refused …
WINDOW = 60.0
LOCKOUT = 60.0  # … for this long (every attempt, the right password too)


class AuthError(ValueError):
    """A malformed --auth / ASKMAP_AUTH value (code ``bad_auth``)."""

    code = "bad_auth"


def parse_pair(value: str) -> tuple[str, str]:
    """ "user:password" → (user, password); the password may hold ":" itself."""
    user, sep, password = value.partition(":")
    if not sep:
        raise AuthError("--auth must be user:password (no ':' found); refusing to start without the login you asked for")
    if not user.strip() or not password:
        raise AuthError("--auth must be user:password with a non-empty user and password")
    return user.strip(), password


def parse_auth(values: Iterable[str] | str | None) -> list[tuple[str, str]]:
    """Every account from ``--auth`` values; a value "@FILE" reads one user:password a line from FILE
    (blank lines and lines starting with '#' skipped). No value: no login."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    accounts: list[tuple[str, str]] = []
    for v in values:
        if v.startswith("@"):
            path = Path(v[1:])
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise AuthError(f"cannot read the accounts file {path}: {exc.strerror or exc}") from None
            accounts += [parse_pair(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]
        else:
            accounts.append(parse_pair(v))
    if not accounts and values:
        raise AuthError("--auth names no account")
    return accounts


class Limiter:
    """Failed sign-ins counted per user name: after MAX_FAILURES within WINDOW seconds the name is locked for
    LOCKOUT seconds, whatever password comes next."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW, lockout: float = LOCKOUT,
                 clock: Callable[[], float] = time.monotonic):
        self.max_failures, self.window, self.lockout, self.clock = max_failures, window, lockout, clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def locked(self, user: str) -> bool:
        with self._lock:
            return self.clock() < self._locked_until.get(user, 0.0)

    def failed(self, user: str) -> None:
        now = self.clock()
        with self._lock:
            q = self._failures[user]
            q.append(now)
            while q and q[0] < now - self.window:
                q.popleft()
            if len(q) >= self.max_failures:
                self._locked_until[user] = now + self.lockout
                q.clear()

    def succeeded(self, user: str) -> None:
        with self._lock:
            self._failures.pop(user, None)


def checker(accounts: list[tuple[str, str]], limiter: Limiter | None = None) -> Callable[[str, str], bool]:
    """The function Gradio calls with (user, password): True for a known account, compared in constant time,
    and False for every attempt while the user name is locked."""
    limiter = limiter or Limiter()
    known = {u: p.encode() for u, p in accounts}

    def check(user: str, password: str) -> bool:
        user = (user or "").strip()
        if limiter.locked(user):
            return False
        expected = known.get(user)
        ok = hmac.compare_digest((password or "").encode(), expected if expected is not None else b"\0" * 16)
        ok = ok and expected is not None
        if ok:
            limiter.succeeded(user)
        else:
            limiter.failed(user)
        return ok

    return check


def exposure_warning(host: str, accounts: list[tuple[str, str]]) -> str | None:
    """A warning when the app listens beyond this machine with no login."""
    if accounts or host in LOCAL_HOSTS:
        return None
    return (f"warning: serving on {host} without --auth: anyone who can reach this machine can read, upload and "
            "change everything in the database")
