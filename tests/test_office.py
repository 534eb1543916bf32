"""LibreOffice found under either of its names, run one way, and fingerprinted without reading it."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.pipeline import fingerprint
from toolkit.render import office


@pytest.fixture
def fresh_digest():
    office.digest.cache_clear()  # the digest is cached per process: each test sees its own PATH
    yield
    office.digest.cache_clear()


def _program(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    program = folder / name
    program.write_text("#!/bin/sh\nexit 1\n")
    program.chmod(0o755)
    return program


def test_only_libreoffice_on_path_is_found_and_fingerprinted(tmp_path: Path, monkeypatch, fresh_digest):
    program = _program(tmp_path / "bin", "libreoffice")
    monkeypatch.setenv("PATH", str(program.parent))
    assert office.find() == str(program)
    digest = office.digest()
    assert digest != "none" and len(digest) == 64
    named = fingerprint.inputs("model", "docx", {}, {}, uses_office=True)
    assert named["office"] == digest


def test_soffice_is_preferred_and_none_found_says_none(tmp_path: Path, monkeypatch, fresh_digest):
    soffice = _program(tmp_path / "bin", "soffice")
    _program(tmp_path / "bin", "libreoffice")
    monkeypatch.setenv("PATH", str(soffice.parent))
    assert office.find() == str(soffice)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    office.digest.cache_clear()
    assert office.find() is None and office.digest() == "none"


def test_a_new_program_changes_the_digest(tmp_path: Path, monkeypatch, fresh_digest):
    program = _program(tmp_path / "bin", "libreoffice")
    monkeypatch.setenv("PATH", str(program.parent))
    before = office.digest()
    program.write_text("#!/bin/sh\n# another version\nexit 1\n")
    office.digest.cache_clear()
    assert office.digest() != before


def test_a_failed_conversion_says_so(tmp_path: Path):
    program = _program(tmp_path / "bin", "libreoffice")
    with pytest.raises(office.OfficeError, match="exit 1"):
        office.convert([b"not a document"], str(program))
