"""toolkit: the meeting documents of the NEASPEC secretariat, built from sources."""

__version__ = "0.1.0"

from pathlib import Path

# The templates the documents are made with unless `--templates` names others.
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
