"""``attrition watch``: poll on a schedule until stopped, and stop cleanly.

The first SIGINT or SIGTERM asks the loop to stop: the page in hand is
stored completely (its transaction commits), no new page is started, and the
loop returns. A second signal stops at once; the open transaction is then
rolled back by the database, so even then nothing is half-stored.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Final

from attrition.errors import InputError
from attrition.ledger import Ledger
from attrition.news.ingest import Ingestor
from attrition.news.poll import PollObserver, PollReport, poll_feeds

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.I)
_UNITS: Final = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}
# Shortest schedule accepted: polling faster only hammers servers with 304s.
MIN_INTERVAL: Final = dt.timedelta(seconds=1)
STOP_SIGNALS: Final = (signal.SIGINT, signal.SIGTERM)


def parse_interval(text: str) -> dt.timedelta:
    """``15m`` → 15 minutes; units s, m, h, d (a bare number is minutes).

    Raises:
        InputError: not a duration, or shorter than one second.
    """
    match = _INTERVAL.match(text)
    if not match:
        raise InputError(f"--every {text!r} is not a duration", hint="use e.g. 30s, 15m, 2h or 1d")
    seconds = float(match.group(1)) * _UNITS[(match.group(2) or "m").lower()]
    interval = dt.timedelta(seconds=seconds)
    if interval < MIN_INTERVAL:
        raise InputError(f"--every {text!r} is shorter than {MIN_INTERVAL.total_seconds():g}s")
    return interval


class StopRequest:
    """Set by the first stop signal; a second signal raises ``KeyboardInterrupt`` at once."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.signal_name: str | None = None
        self.finished = False  # the loop returned: later signals are ignored while exiting

    def __call__(self) -> bool:
        return self.event.is_set()

    def handle(self, signum: int, _frame: FrameType | None) -> None:
        """Signal handler: first time, ask to stop; second time, stop now."""
        if self.finished:
            return
        if self.event.is_set():
            raise KeyboardInterrupt
        self.signal_name = signal.Signals(signum).name
        self.event.set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when a stop was requested meanwhile."""
        return self.event.wait(seconds)


@contextmanager
def stop_on_signals(*, restore: bool = True) -> Iterator[StopRequest]:
    """Install the SIGINT/SIGTERM handlers for the block, restoring the old ones after.

    With ``restore=False`` (a command about to exit) the signals are ignored
    after the block instead: Python resets its own handlers to the default
    during interpreter shutdown, and a late second Ctrl-C would then kill a
    process that had already stopped cleanly.
    """
    request = StopRequest()
    previous = {sig: signal.signal(sig, request.handle) for sig in STOP_SIGNALS}
    try:
        yield request
    finally:
        request.finished = True
        for sig, handler in previous.items():
            signal.signal(sig, handler if restore else signal.SIG_IGN)


def run_watch(
    ledger: Ledger,
    *,
    every: dt.timedelta,
    stop: StopRequest,
    on_cycle: Callable[[int, PollReport], None] = lambda _n, _r: None,
    observer: PollObserver | None = None,
    max_cycles: int | None = None,
) -> int:
    """Poll every ``every`` until ``stop`` is set (or ``max_cycles`` ran); returns cycles run.

    One ingestor (HTTP client and story index) serves every cycle.
    """
    cycles = 0
    with Ingestor(ledger) as ingestor:
        while not stop():
            report = poll_feeds(ledger, ingestor=ingestor, observer=observer, should_stop=stop)
            cycles += 1
            on_cycle(cycles, report)
            if max_cycles is not None and cycles >= max_cycles:
                break
            if stop.wait(every.total_seconds()):
                break
    return cycles
