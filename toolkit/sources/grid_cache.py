"""Spreadsheet tables already read, kept by content: a build with nothing changed need not
start openpyxl (a tenth of a second to import) or read the workbooks again.

The cache lives in the output folder (`.toolkit-cache/grids/`), keyed by the workbook's
sha256, its path, the sheet and the reader's version, so a changed file is simply a new
key. An entry that is damaged or does not have the expected shape is ignored. New entries
are kept in memory and written only when the build writes (`flush`), never by `check` or
by a build that stops on a source error.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from toolkit import __version__

FOLDER = ".toolkit-cache/grids"
FORMAT = 1  # bump when what the reader makes of a file changes

Row = list[tuple[str, int, int, bool]]  # text, line, column, numeric


class GridCache:
    def __init__(self, out_dir: Path):
        self.folder = out_dir / FOLDER
        self.pending: dict[str, list[Row]] = {}

    @staticmethod
    def key(data: bytes, rel: str, sheet: str | None) -> str:
        head = f"{__version__}|{FORMAT}|{rel}|{sheet or ''}|".encode()
        return hashlib.sha256(head + hashlib.sha256(data).digest()).hexdigest()

    def get(self, key: str) -> list[Row] | None:
        try:
            rows = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(rows, list) or not all(_is_row(row) for row in rows):
            return None
        return [[(text, line, col, numeric) for text, line, col, numeric in row] for row in rows]

    def put(self, key: str, rows: list[Row]) -> None:
        self.pending[key] = rows

    def flush(self) -> None:
        """Writes the new entries (each whole, by rename); a cache that cannot be written is no error."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for key, rows in self.pending.items():
                temp = self.folder / f".{key}.{os.getpid()}.tmp"
                temp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
                os.replace(temp, self.folder / f"{key}.json")
        except OSError:
            pass
        self.pending.clear()


def _is_row(row: object) -> bool:
    return isinstance(row, list) and all(
        isinstance(cell, list) and len(cell) == 4 and isinstance(cell[0], str) and isinstance(cell[1], int)
        and isinstance(cell[2], int) and isinstance(cell[3], bool) for cell in row)
