"""Plain text -> runs tagged with the language their script needs (ko, ja, zh-CN).

Han characters are shared by Chinese, Japanese and Korean but drawn differently;
PDF and DOCX both need the run's language to choose the right CJK face.
"""

from __future__ import annotations


def _kind(ch: str) -> str | None:
    cp = ord(ch)
    if 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return "hangul"
    if 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F:
        return "kana"
    if (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3134F):
        return "han"
    if 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFF65:
        return "cjk-punct"
    if ch.isspace() or not ch.isalpha():
        return None  # neutral: joins the run it stands in
    return "other"


def split_scripts(text: str) -> list[tuple[str, str | None]]:
    """'Incheon (인천)' -> [('Incheon (', None), ('인천', 'ko'), (')', None)]."""
    if text.isascii():
        return [(text, None)]
    runs: list[list] = []  # [group, chars, has_kana]
    for ch in text:
        kind = _kind(ch)
        if kind in ("han", "kana", "cjk-punct"):
            group = "cjk"
        elif kind == "hangul":
            group = "ko"
        elif kind == "other":
            group = None
        else:  # neutral: stays with a CJK run only between two of its characters
            group = "neutral"
        if runs and (group == runs[-1][0] or group == "neutral"):
            runs[-1][1].append(ch)
            runs[-1][2] |= kind == "kana"
        else:
            runs.append([group if group != "neutral" else None, [ch], kind == "kana"])
    out: list[tuple[str, str | None]] = []
    for group, chars, has_kana in runs:
        piece = "".join(chars)
        lang = None
        if group == "ko":
            lang = "ko"
        elif group == "cjk":
            lang = "ja" if has_kana else "zh-CN"
        if lang:  # trailing neutral characters (") ", ", ") go back to the text around
            core = piece.rstrip(" ,.;:()[]\"'")
            tail = piece[len(core):]
            pieces = [(core, lang)] + ([(tail, None)] if tail else [])
        else:
            pieces = [(piece, None)]
        for chunk, chunk_lang in pieces:
            if out and out[-1][1] == chunk_lang:
                out[-1] = (out[-1][0] + chunk, chunk_lang)
            else:
                out.append((chunk, chunk_lang))
    return out
