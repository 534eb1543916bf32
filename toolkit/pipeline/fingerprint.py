"""Everything an output depends on -> one content hash, and the reasons it differs from last time.

Content, never modification times: the model (every word and number the document
shows), the templates, the fonts installed, and the toolkit's version.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import subprocess
from pathlib import Path

from toolkit import __version__
from toolkit.render import office

# Bump when the meaning of a fingerprint changes: every older cache is then ignored.
CACHE_VERSION = 1


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_digests(root: Path) -> dict[str, str]:
    """Every file under a folder (the templates) -> its digest, by relative path."""
    return {str(p.relative_to(root)): file_digest(p) for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@functools.lru_cache(maxsize=1)
def fonts_digest() -> str:
    """The installed fonts as fontconfig lists them: a new or changed font changes layouts."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return "no-fontconfig"
    listing = subprocess.run([fc_list, "--format", "%{file}|%{fontversion}|%{index}\n"],
                             capture_output=True, text=True, check=False).stdout
    return hashlib.sha256("\n".join(sorted(listing.splitlines())).encode()).hexdigest()


def inputs(model_repr: str, fmt: str, templates: dict[str, str], sources: dict[str, str],
           uses_office: bool = False) -> dict[str, str]:
    """The named inputs of one output, each as a digest (recorded in the manifest).

    uses_office: LibreOffice lays out or converts part of the output (Job.uses_office)."""
    named = {
        "toolkit": f"{__version__}/{CACHE_VERSION}",
        "format": fmt,
        "model": hashlib.sha256(model_repr.encode()).hexdigest(),
        "fonts": fonts_digest(),
    }
    if uses_office:
        named["office"] = office.digest()
    named.update({f"template:{name}": digest for name, digest in templates.items()})
    named.update({f"source:{name}": digest for name, digest in sources.items()})
    return named


def combine(named: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for key in sorted(named):
        if key.startswith("source:"):
            continue  # sources matter through the model: a moved line alone rebuilds nothing
        digest.update(f"{key}={named[key]}\n".encode())
    return digest.hexdigest()


def reasons(old: dict[str, str] | None, new: dict[str, str]) -> list[str]:
    """Why an output must be rebuilt, in words for -v."""
    if old is None:
        return ["new document"]
    said = []
    if old.get("toolkit") != new["toolkit"]:
        said.append("the toolkit was updated")
    if old.get("fonts") != new["fonts"]:
        said.append("the installed fonts changed")
    if old.get("office") != new.get("office"):
        said.append("LibreOffice, which lays out the DOCX and converts attached Word files, changed")
    changed_templates = sorted(k[9:] for k in set(old) | set(new)
                               if k.startswith("template:") and old.get(k) != new.get(k))
    if changed_templates:
        said.append("template changed: " + ", ".join(changed_templates))
    if old.get("model") != new["model"]:
        changed = sorted(k[7:] for k in set(old) | set(new) if k.startswith("source:") and old.get(k) != new.get(k))
        said.append("content changed" + (": " + ", ".join(changed) if changed else ""))
    return said
