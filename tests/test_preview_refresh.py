"""`toolkit preview` rebuilds on save: new text reaches the page's data, a mistake is shown at its
line beside the last good pages and clears when fixed, and the files are those of `toolkit build`."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SAMPLE, run_cli
from preview_server import PreviewProcess, built
from toolkit.preview.watch import SourceFilter
from watchfiles import Change

NOTE = "5d-low-carbon-cities"
SENTENCE = "The Secretariat counted eleven tramlines painted amber in Ulaanbaatar last spring."


def _note_state(state: dict) -> dict:
    return next(d for d in state["documents"] if d["name"] == NOTE)


def _page_texts(preview: PreviewProcess) -> str:
    status, _, body = preview.request("GET", f"/pages/{NOTE}/text.json")
    assert status == 200
    return " ".join(json.loads(body))


@pytest.fixture
def meeting(tmp_path):
    target = tmp_path / "som-26"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.mark.slow
def test_save_rebuild_mistake_fix_and_same_files_as_build(meeting, tmp_path):
    out = tmp_path / "preview-out"
    preview = PreviewProcess(meeting, out)
    try:
        first = preview.wait_for(built, seconds=120)
        old = _note_state(first)
        source = meeting / "notes" / f"{NOTE}.md"
        text = source.read_text(encoding="utf-8")
        paragraph = "# Background\n\nMember States cannot meet"
        assert paragraph in text
        edited = text.replace(paragraph, f"# Background\n\n{SENTENCE} Member States cannot meet")
        source.write_text(edited, encoding="utf-8")

        state = preview.wait_for(lambda s: not s["building"] and _note_state(s)["sha256"] != old["sha256"])
        assert state["problems"] == []
        assert f"{NOTE}.pdf" in state["built"]
        assert "provisional-agenda.pdf" not in state["built"]  # only what changed
        assert SENTENCE in _page_texts(preview)
        good = _note_state(state)

        # A mistake on line 2 (front matter) and one in the text: both listed at their lines.
        lines = edited.split("\n")
        assert lines[1] == "item: 5 (d)"
        lines[1] = "item: 5 (q)"
        body_line = next(number for number, line in enumerate(lines, 1) if line.startswith(SENTENCE))
        lines[body_line - 1] += " {{ unknown_name }}"
        source.write_text("\n".join(lines), encoding="utf-8")
        state = preview.wait_for(lambda s: not s["building"] and s["problems"])
        problems = [p["text"] for p in state["problems"]]
        assert any(p.startswith(f"notes/{NOTE}.md:2:") and "5 (q)" in p for p in problems), problems
        assert any(p.startswith(f"notes/{NOTE}.md:{body_line}:") and "unknown_name" in p for p in problems), problems
        assert _note_state(state) == good  # the last good pages stay
        status, _, pdf = preview.request("GET", f"/files/{NOTE}.pdf")
        assert status == 200 and pdf == (out / f"{NOTE}.pdf").read_bytes()
        assert SENTENCE in _page_texts(preview)

        source.write_text(edited, encoding="utf-8")  # fixed
        state = preview.wait_for(lambda s: not s["building"] and not s["problems"] and s["version"] > 0)
        assert _note_state(state)["sha256"] == good["sha256"]
    finally:
        preview.stop()
    assert preview.process.returncode == 0

    # The same sources built by `toolkit build`: the same PDFs, byte for byte.
    reference = tmp_path / "build-out"
    result = run_cli("build", meeting, "--out", reference, "--format", "pdf", "-j", "1")
    assert result.exit_code == 0, result.stderr
    pdfs = sorted(p.name for p in reference.glob("*.pdf"))
    assert pdfs == sorted(p.name for p in out.glob("*.pdf")) and f"{NOTE}.pdf" in pdfs
    for name in pdfs:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    ours = json.loads((out / "manifest.json").read_text())["outputs"]
    theirs = json.loads((reference / "manifest.json").read_text())["outputs"]
    assert {k: v["sha256"] for k, v in ours.items()} == {k: v["sha256"] for k, v in theirs.items()}
    # ... and `toolkit build` finds nothing to redo in the preview's folder.
    result = run_cli("build", meeting, "--out", out, "--format", "pdf")
    assert result.exit_code == 0 and "built 0," in result.stdout, result.stdout


def test_port_in_use_is_a_clear_error(meeting, tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        result = run_cli("preview", meeting, "--out", tmp_path / "out", "--port", taken.getsockname()[1])
    assert result.exit_code == 1
    assert "cannot listen on 127.0.0.1:" in result.stderr and "--port" in result.stderr


def test_watch_ignores_the_output_folder_and_editor_files(tmp_path):
    meeting = tmp_path / "m"
    out = meeting / "build"
    keep = SourceFilter(out)
    assert keep(Change.modified, str(meeting / "notes" / "a.md"))
    assert not keep(Change.modified, str(out / "a.pdf"))
    assert not keep(Change.added, str(out / ".a.pdf.tmp"))
    assert not keep(Change.modified, str(meeting / "notes" / ".a.md.swp"))
    assert not keep(Change.added, str(meeting / "notes" / ".#a.md"))
    assert not keep(Change.added, str(meeting / "notes" / ".~lock.a.docx#"))
