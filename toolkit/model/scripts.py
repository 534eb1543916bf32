"""Plain text -> runs tagged with the language their script needs (ko, ja, zh-CN).

Han characters are shared by Chinese, Japanese and Korean but drawn differently;
PDF and DOCX both need the run's language to choose the right CJK face.
"""

from __future__ import annotations

import re

_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HAN = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f\u3000-\u303f\uff00-\uff65"
_NEUTRAL = r"[\W\d_]"  # spaces, digits, punctuation: inside a run only between two of its characters
_RUNS = re.compile(
    f"(?P<ko>[{_HANGUL}](?:{_NEUTRAL}*[{_HANGUL}])*)"
    f"|(?P<cjk>[{_KANA}{_HAN}](?:{_NEUTRAL}*[{_KANA}{_HAN}])*)")
_HAS_KANA = re.compile(f"[{_KANA}]")


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
        else:
            lang = "ja" if _HAS_KANA.search(run) else "zh-CN"
        out.append((run, lang))
        last = match.end()
    if last < len(text):
        out.append((text[last:], None))
    return out
