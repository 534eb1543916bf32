"""What the preview page shows at one moment: the built documents and the current problems."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from toolkit.pipeline import manifest as manifest_file

# The agenda documents first, in the order a meeting issues them; then notes (each followed
# by its annexes, which share its name as a prefix) in the order of their names.
_KIND_ORDER = {"agenda": 0, "annotated-agenda": 1, "documents": 2, "participants": 3}


@dataclass(frozen=True)
class Document:
    name: str  # "5d-low-carbon-cities"
    file: str  # "5d-low-carbon-cities.pdf", in the output folder
    kind: str
    pages: int
    sha256: str


@dataclass(frozen=True)
class Problem:
    text: str  # "notes/5d-low-carbon-cities.md:2:7: error: ..."
    severity: str  # error | warning


@dataclass(frozen=True)
class Snapshot:
    meeting: str
    version: int
    building: bool = False
    documents: tuple[Document, ...] = ()
    problems: tuple[Problem, ...] = ()
    built: tuple[str, ...] = ()
    seconds: float | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    def document(self, name: str) -> Document | None:
        for doc in self.documents:
            if doc.name == name:
                return doc
        return None


def documents_in(out_dir: Path) -> tuple[Document, ...]:
    """The PDFs that manifest.json vouches for, in the order a reader expects them."""
    manifest, _ = manifest_file.read(out_dir)
    docs = []
    for output, entry in manifest.outputs.items():
        if not output.endswith(".pdf") or not (out_dir / output).is_file():
            continue
        docs.append(Document(entry.document, output, entry.kind, entry.pages or 0, entry.sha256))
    docs.sort(key=lambda d: (_KIND_ORDER.get(d.kind, len(_KIND_ORDER)), d.name))
    return tuple(docs)
