"""Numerals, letters and English ordinals -> the words the NEASPEC documents print (dates: wording/)."""

from __future__ import annotations


NBSP = "\u00a0"  # joins day and month in a date: a line never ends with "8" and starts "September"

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """4 -> IV"""
    if number < 1:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (as Word's lower-letter numbering does)."""
    if number < 1:
        raise ValueError(f"no letter for {number}")
    index = (number - 1) % 26
    repeat = (number - 1) // 26 + 1
    return chr(ord("a") + index) * repeat


_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                  "nine": "ninth", "twelve": "twelfth"}


def cardinal(number: int) -> str:
    """27 -> twenty-seven (1 to 99)"""
    if not 1 <= number <= 99:
        raise ValueError(f"no words for {number} (1 to 99 only)")
    if number < 20:
        return _UNITS[number]
    tens, unit = divmod(number, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def ordinal(number: int) -> str:
    """27 -> twenty-seventh, 20 -> twentieth (1 to 99), as in "Twenty-seventh Senior Officials Meeting"."""
    words = cardinal(number)
    head, _, last = words.rpartition("-")
    if last in _UNIT_ORDINALS:
        last = _UNIT_ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


ORDINALS = {ordinal(n): n for n in range(1, 100)}  # "twenty-sixth" -> 26
