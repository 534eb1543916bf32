"""Plain text -> runs tagged with the language their script needs (ko, ja, zh-CN, ru, mn).

Han characters are shared by Chinese, Japanese and Korean but drawn differently;
PDF and DOCX both need the run's language to choose the right CJK face. A screen
reader needs it too, to read a run in the right voice: a Cyrillic run is Russian,
or Mongolian when it has a letter only Mongolian uses (Ө, Ү); a Mongolian word
without one (Улаанбаатар) is taken for Russian, which reads it close enough.
"""

from __future__ import annotations

import re

from toolkit.model.document import Inline, Text

_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HAN = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f\u3000-\u303f\uff00-\uff65"
_CYRILLIC = "\u0400-\u04ff"
_MONGOLIAN = re.compile("[\u04e8\u04e9\u04ae\u04af]")
_NEUTRAL = r"[\W\d_]"  # spaces, digits, punctuation: inside a run only between two of its characters
_RUNS = re.compile(
    f"(?P<ko>[{_HANGUL}](?:{_NEUTRAL}*[{_HANGUL}])*)"
    f"|(?P<cjk>[{_KANA}{_HAN}](?:{_NEUTRAL}*[{_KANA}{_HAN}])*)"
    f"|(?P<cyrillic>[{_CYRILLIC}](?:{_NEUTRAL}*[{_CYRILLIC}])*)")
_HAS_KANA = re.compile(f"[{_KANA}]")
# Han characters and kana (not Hangul): the scripts Word and LibreOffice justify by spacing
# every character apart (render/docx/write/ideographs.py).
HAN_OR_KANA = re.compile(f"[{_KANA}{_HAN}]")


def split_scripts(text: str) -> list[tuple[str, str | None]]:
    """'Incheon (인천)' -> [('Incheon (', None), ('인천', 'ko'), (')', None)]."""
    if text.isascii():
        return [(text, None)]
    out: list[tuple[str, str | None]] = []
    last = 0
    for match in _RUNS.finditer(text):
        if match.start() > last:
            out.append((text[last:match.start()], None))
        run = match.group(0)
        if match.lastgroup == "ko":
            lang = "ko"
        elif match.lastgroup == "cyrillic":
            lang = "mn" if _MONGOLIAN.search(run) else "ru"
        else:
            lang = "ja" if _HAS_KANA.search(run) else "zh-CN"
        out.append((run, lang))
        last = match.end()
    if last < len(text):
        out.append((text[last:], None))
    return out


def runs(text: str) -> tuple[Inline, ...]:
    """Plain text -> Text runs, each tagged with its script's language (the one place this is done)."""
    return tuple(Text(piece, lang) for piece, lang in split_scripts(text))
