"""`toolkit ARGS` under Python audit hooks -> a JSON report of files read outside the allowed
places and of network attempts; with fault injection for the write path.

Environment: HOSTILE_REPORT (where the report goes), HOSTILE_ALLOWED (os.pathsep-separated
folders the toolkit may open files in), HOSTILE_FAIL_WRITE_AT=N (the N-th write of an output
fails with ENOSPC), HOSTILE_READ_ONLY=1 (every output write fails with EROFS).
"""

from __future__ import annotations

import errno
import json
import os
import sys

NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
                  "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"}


def _allowed_roots() -> list[str]:
    roots = [p for p in os.environ.get("HOSTILE_ALLOWED", "").split(os.pathsep) if p]
    roots += [sys.prefix, sys.base_prefix, sys.exec_prefix]
    roots += [p for p in sys.path if p and os.path.isdir(p)]
    return [os.path.realpath(r) for r in roots]


def main() -> int:
    import tempfile

    tempfile.gettempdir()  # its first call probes the folder with a random file: not the toolkit's reading
    # WeasyPrint loads Pango and HarfBuzz when imported; ctypes looks for an optional library it
    # lacks by running gcc on a temporary file. Loading system libraries is not the toolkit reading
    # anything; a build of one document renders in this process, so load them before the hook.
    import weasyprint.text.ffi  # noqa: F401
    roots = _allowed_roots()
    violations: list[list[str]] = []
    recording = True

    def inside(path: str) -> bool:
        real = os.path.realpath(path)  # a link out of the meeting is caught where it leads
        return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)

    def hook(event: str, args: tuple) -> None:
        if not recording:
            return
        if event == "open":
            path = args[0]
            if isinstance(path, (str, bytes)) and not inside(os.fsdecode(path)):
                violations.append(["open", os.fsdecode(path)])
        elif event in NETWORK_EVENTS:
            violations.append([event, repr(args)[:200]])

    sys.addaudithook(hook)
    _inject_faults()
    from toolkit.cli import main as cli

    code = 0
    try:
        cli(sys.argv[1:], prog_name="toolkit")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        recording = False
        with open(os.environ["HOSTILE_REPORT"], "w", encoding="utf-8") as report:
            json.dump(violations, report)
    return code


def _inject_faults() -> None:
    fail_at = int(os.environ.get("HOSTILE_FAIL_WRITE_AT", "0"))
    read_only = os.environ.get("HOSTILE_READ_ONLY") == "1"
    if not fail_at and not read_only:
        return
    import builtins

    from toolkit.pipeline import atomic

    writes = 0

    def faulty_open(file, mode="r", *args, **kwargs):
        nonlocal writes
        if "w" in mode:
            writes += 1
            if read_only:
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(file))
            if writes == fail_at:
                handle = builtins.open(file, mode, *args, **kwargs)
                handle.close()  # the file exists, half-made, as when a disk fills up mid-write
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
        return builtins.open(file, mode, *args, **kwargs)

    atomic.open = faulty_open  # the one writer every output goes through


if __name__ == "__main__":
    sys.exit(main())
