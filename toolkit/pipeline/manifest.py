"""manifest.json in the output folder <-> what was built, from what, and why.

It is the build cache too: an output is rebuilt when its inputs' fingerprint or its
own bytes differ from what the manifest recorded.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from toolkit.pipeline.atomic import write_atomic
from toolkit.pipeline.fingerprint import CACHE_VERSION

MANIFEST = "manifest.json"
_FORMAT = "toolkit-manifest"


@dataclass
class Entry:
    document: str
    kind: str
    sha256: str
    pages: int | None
    sources: list[str]
    fingerprint: str
    inputs: dict[str, str]
    reason: str


@dataclass
class Manifest:
    outputs: dict[str, Entry] = field(default_factory=dict)

    def to_json(self) -> bytes:
        data = {"format": _FORMAT, "cache_version": CACHE_VERSION,
                "outputs": {name: asdict(entry) for name, entry in sorted(self.outputs.items())}}
        return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def read(out_dir: Path) -> tuple[Manifest, str | None]:
    """The manifest, or an empty one and a warning when it is missing, old or corrupt."""
    path = out_dir / MANIFEST
    if not path.exists():
        return Manifest(), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT or data.get("cache_version") != CACHE_VERSION:
            return Manifest(), f"{path}: made by another version of the toolkit; rebuilding everything"
        outputs = {name: Entry(**entry) for name, entry in data["outputs"].items()}
        for name in outputs:
            if "/" in name or name.startswith("."):
                raise ValueError(f"bad output name {name!r}")
        return Manifest(outputs), None
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return Manifest(), f"{path}: unreadable ({type(exc).__name__}); ignoring it and rebuilding everything"


def write(out_dir: Path, manifest: Manifest) -> None:
    """Rewrites manifest.json only when it changed: a no-change build touches nothing."""
    data = manifest.to_json()
    path = out_dir / MANIFEST
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    write_atomic(path, data)
