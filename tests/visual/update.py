"""Draw the reference pictures again after a deliberate change of layout:

    .venv/bin/python tests/visual/update.py

builds the sample meeting (agendas/som-26) into a temporary folder, draws every page of
every PDF and DOCX, and replaces tests/visual/reference/ with them. Review the changed
pictures in `git diff --stat` / your git tool before committing them.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pages import REFERENCE, draw_build, png  # noqa: E402

from toolkit.pipeline.build import Options, build  # noqa: E402

SAMPLE = HERE.parent.parent / "agendas" / "som-26"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = build(SAMPLE, Path(tmp) / "out", Options())
        if report.failed:
            print(f"the sample did not build: {', '.join(report.failed)}", file=sys.stderr)
            return 1
        pictures = draw_build(Path(tmp) / "out")
    if REFERENCE.exists():
        shutil.rmtree(REFERENCE)
    for name, picture in pictures.items():
        target = REFERENCE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(picture))
    total = sum(p.stat().st_size for p in REFERENCE.glob("*/*.png"))
    print(f"{len(pictures)} pages drawn into {REFERENCE} ({total / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
