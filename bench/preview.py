"""Benchmark: from saving a note to its refreshed pages being served by `toolkit preview`.

    .venv/bin/python bench/preview.py [ROUNDS]

The preview runs in this process (the builder in the main thread, as under `toolkit
preview`), on a copy of agendas/som-26. A client thread saves the 5 (d) note (8 pages)
with a new sentence, and times, from the write: the server's event announcing the new
PDF, then the new page images fetched as the page fetches them (its text, then every
page). After the rounds, the note's WeasyPrint render alone is timed in the same warm
process. Target: the refreshed pages within that render plus 0.3 s. It prints what it
measures (medians); it is not a test.
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

NOTE = "5d-low-carbon-cities"
MARGIN = 0.3  # seconds over the render


def _get(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200, (path, response.status)
        return body
    finally:
        conn.close()


def _client(preview, rounds: int, results: list, failure: list) -> None:
    try:
        port = preview.port
        source = preview.meeting_dir / "notes" / f"{NOTE}.md"
        original = source.read_text(encoding="utf-8")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/events", headers={"Host": f"127.0.0.1:{port}"})
        events = conn.getresponse()

        def next_state():
            data = None
            while True:
                line = events.readline().decode().rstrip("\r\n")
                if line.startswith("data:"):
                    data = json.loads(line[5:])
                elif not line and data is not None:
                    return data

        state = next_state()
        while state["building"] or not state["documents"]:
            state = next_state()
        for number in range(rounds):
            old = next(d for d in state["documents"] if d["name"] == NOTE)["sha256"]
            sentence = f"The Secretariat counted {number + 2} new tramlines in round {number}."
            text = original.replace("# Background\n\nMember States", f"# Background\n\n{sentence} Member States")
            started = time.perf_counter()
            source.write_text(text, encoding="utf-8")
            while True:
                state = next_state()
                doc = next(d for d in state["documents"] if d["name"] == NOTE)
                if not state["building"] and doc["sha256"] != old:
                    break
            event = time.perf_counter() - started
            texts = json.loads(_get(port, f"/pages/{NOTE}/text.json"))
            assert sentence in " ".join(texts), "the new sentence is not in the served pages"
            first = None
            for page in range(1, doc["pages"] + 1):
                _get(port, f"/pages/{NOTE}/{page}.png")
                if first is None:
                    first = time.perf_counter() - started
            every = time.perf_counter() - started
            results.append((event, first, every, state["seconds"]))
            time.sleep(0.2)
        conn.close()
    except BaseException as exc:  # reported by the main thread
        failure.append(exc)
    finally:
        preview.stop.set()


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    from toolkit.errors import Diagnostics
    from toolkit.pipeline.build import TEMPLATES
    from toolkit.pipeline.jobs import plan
    from toolkit.pipeline.worker import _environment
    from toolkit.preview.session import Preview
    from toolkit.render.pdf import note_pdf
    from toolkit.model.build import load

    work = Path(tempfile.mkdtemp(prefix="toolkit-bench-preview-"))
    meeting = work / "som-26"
    shutil.copytree(REPO / "agendas" / "som-26", meeting)
    preview = Preview(meeting, work / "out", 0)
    results: list = []
    failure: list = []
    client = threading.Thread(target=_client, args=(preview, rounds, results, failure), daemon=True)
    client.start()
    preview.run()
    client.join(timeout=60)
    if failure:
        raise failure[0]

    # The note's WeasyPrint render alone, in the same warm process, on the sources as last saved.
    job = next(j for j in plan(load(meeting)) if j.name == NOTE)
    environment = _environment(TEMPLATES)
    renders = []
    for _ in range(rounds):
        started = time.perf_counter()
        _, pages = note_pdf(job.document, environment, TEMPLATES, meeting, Diagnostics())
        renders.append(time.perf_counter() - started)
    shutil.rmtree(work, ignore_errors=True)

    render = statistics.median(renders)
    event, first, every, build = (statistics.median(r[i] for r in results) for i in range(4))
    print(f"the note ({NOTE}, {pages} pages), {rounds} saves, medians:")
    print(f"  WeasyPrint render alone, warm process:        {render:6.3f} s")
    print(f"  build in the preview (its own figure):        {build:6.3f} s   ({build - render:+.3f} s)")
    print(f"  save -> event with the new PDF:               {event:6.3f} s   ({event - render:+.3f} s)")
    print(f"  save -> first page image served:              {first:6.3f} s   ({first - render:+.3f} s)")
    print(f"  save -> all {pages} page images served:            {every:6.3f} s   ({every - render:+.3f} s, "
          f"{every / render:.2f}x the render)")
    verdict = "met" if every <= render + MARGIN else "missed"
    print(f"target: all pages within the render + {MARGIN} s = {render + MARGIN:.3f} s: {verdict}")


if __name__ == "__main__":
    main()
