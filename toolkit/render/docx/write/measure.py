"""Text and a font size -> its width in twips, from the installed font's advance widths.

For the columns of a table whose cells never wrap (document symbols, dates): Word and
LibreOffice ignore w:noWrap in a table of fixed column widths, so such a column is made
wide enough for its longest cell instead. The house font is Times New Roman, measured
with the font fontconfig gives for it (Liberation Serif has the same widths).
"""

from __future__ import annotations

import functools
import shutil
import subprocess

from fontTools.ttLib import TTFont, TTLibError

_FALLBACK_EM = 0.6  # a character the font lacks, or no font found: wider than most Latin letters


@functools.lru_cache(maxsize=4)
def _advances(family: str, bold: bool) -> tuple[dict[int, int], int] | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    path = subprocess.run([fc_match, "--format", "%{file}", f"{family}:{'bold' if bold else 'regular'}"],
                          capture_output=True, text=True, check=False).stdout.strip()
    if not path:
        return None
    try:
        with TTFont(path, fontNumber=0) as font:
            cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
            return {cp: metrics[name][0] for cp, name in cmap.items()}, font["head"].unitsPerEm
    except (OSError, KeyError, ValueError, TTLibError):  # an unreadable font file: estimate instead
        return None


def text_twips(text: str, size_pt: float, family: str = "Times New Roman", bold: bool = False) -> int:
    found = _advances(family, bold)
    if found is None:
        ems = len(text) * _FALLBACK_EM
    else:
        widths, units = found
        ems = sum(widths.get(ord(ch), int(units * _FALLBACK_EM)) for ch in text) / units
    return round(ems * size_pt * 20)
