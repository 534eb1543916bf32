"""A meeting's number written in Russian or Chinese words -> the next meeting's, for the translations' titles.

"Двадцать шестое совещание" -> "Двадцать седьмое совещание"; "第二十六次高官会议" -> "第二十七次高官会议".
Figures and English words (SOM-26) are moved by moveon.move_on first."""

from __future__ import annotations

import re

from toolkit.drafting.moveon import move_on

_ZH_DIGITS = "一二三四五六七八九"


def move_on_in(text: str, number: int, language: str) -> str:
    text = move_on(text, number)
    if language == "zh":
        return _zh(text, number)
    if language == "ru":
        return _ru(text, number)
    return text


def zh_numeral(n: int) -> str:
    """1-99 in Chinese numerals: 26 -> 二十六, 10 -> 十, 13 -> 十三."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _ZH_DIGITS[tens - 1] + "十")
    return head + (_ZH_DIGITS[units - 1] if units else "")


def _zh(text: str, number: int) -> str:
    # 第 marks an ordinal; the numeral must end there (第二 is not the start of 第二十六)
    return re.sub(rf"第{zh_numeral(number)}(?![十{_ZH_DIGITS}])", f"第{zh_numeral(number + 1)}", text)


# Ordinal stems; the stressed ones end "-ой" in the masculine ("шестой"), the others "-ый" ("пятый").
_RU_STEMS = {1: "перв", 2: "втор", 3: "трет", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
             9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
             15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
             20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят", 70: "семидесят",
             80: "восьмидесят", 90: "девяност"}
_RU_STRESSED = {2, 6, 7, 8, 40}
_RU_TENS = {20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят", 70: "семьдесят",
            80: "восемьдесят", 90: "девяносто"}
_HARD = ("ыми", "ого", "ому", "ый", "ой", "ая", "ое", "ым", "ом", "ую", "ые", "ых")
_SOFT = {"ьими": "ыми", "ьего": "ого", "ьему": "ому", "ий": "ый", "ья": "ая", "ье": "ое", "ьим": "ым",
         "ьем": "ом", "ью": "ую", "ьи": "ые", "ьих": "ых", "ьей": "ой"}  # третий declines softly
_MASCULINE = "masculine"  # the nominative masculine, whose ending depends on the stem


def _ru_parts(n: int) -> tuple[str | None, int]:
    """26 -> ("двадцать", 6); 30 -> (None, 30); 6 -> (None, 6)."""
    if n < 20 or n % 10 == 0:
        return None, n
    return _RU_TENS[n - n % 10], n % 10


def _ru(text: str, number: int) -> str:
    if not 1 <= number < 99:
        return text
    tens, unit = _ru_parts(number)
    new_tens, new_unit = _ru_parts(number + 1)
    stem = _RU_STEMS[unit].replace("ё", "[её]")
    endings = "|".join(sorted((*_HARD, *_SOFT), key=len, reverse=True))
    lead = rf"({tens})\s+" if tens else ""
    pattern = re.compile(rf"(?<![а-яё]){lead}({stem})({endings})(?![а-яё])", re.IGNORECASE)

    def swap(match: re.Match) -> str:
        if not tens and re.search(r"(?:ть|сорок|сто)\s+$", match.string[:match.start()], re.IGNORECASE):
            return match[0]  # "шестое" in "двадцать шестое" is not meeting 6
        ending = match[match.lastindex].lower()
        if unit == 3 and ending not in _SOFT or unit != 3 and ending not in _HARD:
            return match[0]
        case = _SOFT.get(ending, ending)
        # "-ой" of a stressed stem is the masculine ("шестой") or a feminine case ("шестой сессии"):
        # taken as the masculine, which differs only when the next stem is unstressed
        if case == "ый" or (ending == "ой" and unit in _RU_STRESSED):
            case = _MASCULINE
        word = _RU_STEMS[new_unit] + _ending(case, new_unit)
        said = f"{new_tens} {word}" if new_tens else word
        return _same_case(match[0], said)

    return pattern.sub(swap, text)


def _ending(case: str, unit: int) -> str:
    if unit == 3:
        return "ий" if case == _MASCULINE else next(soft for soft, hard in _SOFT.items() if hard == case)
    if case == _MASCULINE:
        return "ой" if unit in _RU_STRESSED else "ый"
    return case


def _same_case(found: str, word: str) -> str:
    if found.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if found[:1].isupper() else word
