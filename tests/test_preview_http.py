"""`toolkit preview` over HTTP on 127.0.0.1: what it serves, and everything it refuses."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from conftest import SAMPLE
from preview_server import PreviewProcess, built

pytestmark = [pytest.mark.slow]

SECRET = "SECRET-OUTSIDE-THE-OUTPUTS-7f3a"
NOTE = "5d-low-carbon-cities"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview-http")
    meeting = root / "som-26"
    shutil.copytree(SAMPLE, meeting)
    (root / "secret.txt").write_text(SECRET)  # beside the meeting: must never be served
    server = PreviewProcess(meeting, root / "out")
    try:
        server.state = server.wait_for(built, seconds=120)
        server.out = root / "out"
        yield server
    finally:
        server.stop()


def test_lists_the_meetings_documents(preview):
    names = [d["name"] for d in preview.state["documents"]]
    assert names[:3] == ["provisional-agenda", "annotated-agenda", "list-of-documents"]
    assert NOTE in names and f"{NOTE}-annex-I" in names
    assert preview.state["problems"] == []
    status, headers, body = preview.request("GET", "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b'src="/page.js"' in body
    status, headers, _ = preview.request("GET", "/page.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")


def test_serves_the_built_pdf_and_its_pages(preview):
    status, headers, body = preview.request("GET", f"/files/{NOTE}.pdf")
    assert status == 200 and headers["content-type"] == "application/pdf"
    assert body == (preview.out / f"{NOTE}.pdf").read_bytes()
    doc = next(d for d in preview.state["documents"] if d["name"] == NOTE)
    assert hashlib.sha256(body).hexdigest() == doc["sha256"]
    status, headers, png = preview.request("GET", f"/pages/{NOTE}/1.png")
    assert status == 200 and headers["content-type"] == "image/png" and png.startswith(b"\x89PNG\r\n\x1a\n")
    status, _, _ = preview.request("GET", f"/pages/{NOTE}/{doc['pages'] + 1}.png")
    assert status == 404
    status, _, body = preview.request("GET", f"/pages/{NOTE}/text.json")
    texts = json.loads(body)
    assert status == 200 and len(texts) == doc["pages"]
    assert "LOW CARBON CITIES" in texts[0].upper()


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/files/../manifest.json", "/files/../../secret.txt", "/files/%2e%2e/%2e%2e/secret.txt",
    "/files/%2E%2E%2F%2E%2E%2Fsecret.txt", "/files/..%2f..%2fsecret.txt", "/files/%252e%252e/secret.txt",
    "/pages/..%2F..%2Fsecret/1.png", "/pages/../../secret/1.png", "/files/%2Fetc%2Fpasswd.pdf",
    "//etc/passwd", "/etc/passwd", "/files//etc/passwd", "/files/\\..\\secret.txt", "/files/%00.pdf",
    "/files/manifest.json", "/files/.toolkit.lock", "/files/5d-low-carbon-cities.docx", "/meeting.yaml",
    f"/notes/{NOTE}.md", f"/files/notes/{NOTE}.md", f"/files/{NOTE}.md", "/secret.txt",
    "http://127.0.0.1/../secret.txt",
])
def test_nothing_outside_the_outputs(preview, path):
    status, _, body = preview.request("GET", path)
    assert status in (400, 404), (path, status)
    assert SECRET.encode() not in body
    assert b"NEASPEC" not in body  # no source text either


@pytest.mark.parametrize("path", ["/files/", "/files", "/pages/", f"/pages/{NOTE}/", f"/pages/{NOTE}", "/page/"])
def test_no_directory_listing(preview, path):
    status, _, body = preview.request("GET", path)
    assert status == 404, path
    assert b".pdf" not in body


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1", "127.0.0.1:1",
                                  "localhost.evil.example:{port}", "[::1]:{port}", "0.0.0.0:{port}"])
def test_foreign_host_refused(preview, host):
    """DNS rebinding: a page of another site whose name now points at 127.0.0.1 gets nothing."""
    for path in ("/", f"/files/{NOTE}.pdf", "/events", "/state.json"):
        status, _, body = preview.request("GET", path, host=host.format(port=preview.port))
        assert status == 421, (host, path)
        assert b"%PDF" not in body and b"documents" not in body


def test_missing_host_refused(preview):
    status, _, _ = preview.request("GET", "/", host=False)
    assert status == 400


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"])
def test_own_host_served(preview, host):
    status, _, _ = preview.request("GET", "/", host=host.format(port=preview.port))
    assert status == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", f"/files/{NOTE}.pdf", "/events", "/state.json", "/files/new.pdf"])
def test_nothing_writes(preview, method, path):
    before = sorted((p.name, p.stat().st_mtime_ns) for p in preview.out.iterdir())
    status, headers, _ = preview.request(method, path)
    assert status == 405, (method, path)
    assert headers["allow"] == "GET, HEAD"
    assert sorted((p.name, p.stat().st_mtime_ns) for p in preview.out.iterdir()) == before


def test_listens_on_loopback_only(preview):
    """The listening socket is bound to 127.0.0.1 (the kernel's table), not to every interface."""
    port = f"{preview.port:04X}"
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in list(handle)[1:]:
                local, state = line.split()[1], line.split()[3]
                if local.endswith(f":{port}") and state == "0A":
                    listening.append(local.split(":")[0])
    assert listening == ["0100007F"]


def test_headers_keep_the_page_private(preview):
    _, headers, _ = preview.request("GET", "/")
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
