"""Test helper: `toolkit preview` started as a subprocess on a free port of 127.0.0.1, stopped at the end."""

from __future__ import annotations

import http.client
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import REPO

START_SECONDS = 120  # the first build of the sample, PDF only: a few seconds on a quiet machine


class PreviewProcess:
    def __init__(self, meeting: Path, out: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "toolkit", "preview", str(meeting), "--out", str(out), "--port", "0"],
            cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.address = self._read_address()
        self.port = int(self.address.rstrip("/").rsplit(":", 1)[1])

    def _read_address(self) -> str:
        deadline = time.monotonic() + START_SECONDS
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if selector.select(timeout=deadline - time.monotonic()):
                    line = self.process.stdout.readline().decode()
                    if not line:
                        break
                    if " at http://127.0.0.1:" in line:
                        return line.split(" at ", 1)[1].split()[0]
        self.stop()
        raise AssertionError(f"the preview did not start: {self.process.stderr.read().decode()}")

    def request(self, method: str, path: str, host: str | None = None, timeout: float = 30):
        """(status, headers, body) of one request sent as written: no path normalization."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            if host is not False:
                conn.putheader("Host", host or f"127.0.0.1:{self.port}")
            conn.endheaders()
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def wait_for(self, predicate: Callable[[dict], bool], seconds: float = 60) -> dict:
        """The first state on the event stream that satisfies predicate, within `seconds`."""
        deadline = time.monotonic() + seconds
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=seconds)
        try:
            conn.request("GET", "/events", headers={"Host": f"127.0.0.1:{self.port}"})
            response = conn.getresponse()
            assert response.status == 200
            assert response.getheader("content-type").startswith("text/event-stream")
            seen = None
            for event, data in _events(response):
                if event == "state":
                    seen = json.loads(data)
                    if predicate(seen):
                        return seen
                if time.monotonic() > deadline:
                    break
            raise AssertionError(f"no such state within {seconds} s; the last: {seen}")
        finally:
            conn.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()


def _events(response):
    """(event, data) pairs of a server-sent event stream."""
    event, data = "message", []
    while True:
        line = response.readline()
        if not line:
            return
        line = line.decode().rstrip("\r\n")
        if not line:
            if data:
                yield event, "\n".join(data)
            event, data = "message", []
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].lstrip())


def built(state: dict) -> bool:
    return not state["building"] and bool(state["documents"])
