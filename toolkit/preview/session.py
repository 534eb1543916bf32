"""A preview session: the server in a thread, the watcher in a thread, the builder in this one.

The builder runs in the main thread on purpose: a render is stopped by SIGALRM after
RENDER_SECONDS_LIMIT, and Python delivers signals to the main thread only.

    bind 127.0.0.1:PORT -> serve (thread) -> watch (thread) -> build, publish
                                               saved source -> build what changed, publish
"""

from __future__ import annotations

import queue
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import uvicorn

from toolkit.errors import ToolkitError
from toolkit.pipeline.build import TEMPLATES
from toolkit.preview.broadcast import Broadcast
from toolkit.preview.builder import WarmBuilder
from toolkit.preview.server import create_app
from toolkit.preview.snapshot import Snapshot, documents_in
from toolkit.preview.watch import source_changes

HOST = "127.0.0.1"  # never another interface: the preview is for the person at this computer


def bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        raise ToolkitError(f"cannot listen on {HOST}:{port} ({exc.strerror or exc}); "
                           "choose another port with --port") from None
    sock.listen(64)
    return sock


class Preview:
    def __init__(self, meeting_dir: Path, out_dir: Path, port: int = 0, templates: Path = TEMPLATES):
        self.meeting_dir = meeting_dir
        self.out_dir = out_dir
        self.socket = bind(port)
        self.port = self.socket.getsockname()[1]
        self.address = f"http://{HOST}:{self.port}/"
        self.builder = WarmBuilder(meeting_dir, out_dir, templates)
        # Until the first build ends, the page shows what a previous build left, and "building".
        self.broadcast = Broadcast(Snapshot(self.builder.meeting, 0, True, documents_in(out_dir)))
        self.stop = threading.Event()
        self._changes: queue.Queue[set[str] | None] = queue.Queue()
        config = uvicorn.Config(create_app(self.broadcast, out_dir, self.port), log_level="warning",
                                access_log=False, lifespan="off", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)

    def run(self, on_build: Callable[[Snapshot], None] | None = None) -> None:
        """Serves, builds, and rebuilds on every save until `stop` is set (or Ctrl-C)."""
        server = threading.Thread(target=self._server.run, kwargs={"sockets": [self.socket]},
                                  name="preview-server", daemon=True)
        watcher = threading.Thread(target=self._watch, name="preview-watch", daemon=True)
        server.start()
        watcher.start()
        version = 0
        try:
            while not self.stop.is_set():
                version += 1
                snapshot = self.builder.rebuild(version)
                self.broadcast.publish(snapshot)
                if on_build:
                    on_build(snapshot)
                if not self._next_changes():
                    break
                version += 1
                self.broadcast.publish(_building(self.broadcast.current, version))
        finally:
            self.stop.set()
            self.broadcast.close()
            self._server.should_exit = True
            server.join(timeout=5)
            watcher.join(timeout=5)
            self.socket.close()

    def _next_changes(self) -> bool:
        """Waits for a save; takes every save queued meanwhile. False when stopping."""
        changes = self._changes.get()
        while changes is not None and not self._changes.empty():
            more = self._changes.get_nowait()
            changes = None if more is None else changes | more
        return changes is not None and not self.stop.is_set()

    def _watch(self) -> None:
        # Started before the first build: a save made while it runs is seen and rebuilt after it.
        try:
            for changes in source_changes(self.meeting_dir, self.out_dir, self.stop):
                self._changes.put(changes)
        finally:
            self._changes.put(None)


def _building(current: Snapshot, version: int) -> Snapshot:
    return Snapshot(current.meeting, version, True, current.documents, current.problems, (), None)
