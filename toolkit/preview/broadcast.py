"""The latest Snapshot, handed from the builder thread to every open event stream.

The builder publishes from its own thread; each event stream waits on an asyncio queue
in the server's event loop, woken by call_soon_threadsafe. A stream that falls behind
skips to the newest snapshot: the page only needs the current state.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator

from toolkit.preview.snapshot import Snapshot

_CLOSED = None


class Broadcast:
    def __init__(self, first: Snapshot):
        self._lock = threading.Lock()
        self._current = first
        self._streams: set[tuple[asyncio.AbstractEventLoop, asyncio.Queue]] = set()
        self._closed = False

    @property
    def current(self) -> Snapshot:
        with self._lock:
            return self._current

    def publish(self, snapshot: Snapshot) -> None:
        with self._lock:
            self._current = snapshot
            streams = list(self._streams)
        self._send(streams, snapshot)

    def close(self) -> None:
        """Ends every stream (the server is stopping)."""
        with self._lock:
            self._closed = True
            streams = list(self._streams)
        self._send(streams, _CLOSED)

    @staticmethod
    def _send(streams, item) -> None:
        for loop, queue in streams:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, item)
            except RuntimeError:  # that loop is already closed
                pass

    async def subscribe(self) -> AsyncIterator[Snapshot]:
        """The current snapshot at once, then each new one, until the broadcast closes."""
        entry = (asyncio.get_running_loop(), asyncio.Queue())
        with self._lock:
            if self._closed:
                return
            self._streams.add(entry)
            current = self._current
        try:
            yield current
            queue = entry[1]
            while True:
                item = await queue.get()
                while item is not _CLOSED and not queue.empty():
                    item = queue.get_nowait()
                if item is _CLOSED:
                    return
                yield item
        finally:
            with self._lock:
                self._streams.discard(entry)
