"""One Word paragraph -> its role in a Secretariat note, from its style, its Word numbering
or the number typed before it: a note typed by hand ("1.<tab>", "I.", "(a)") and one
made with styles and lists read the same."""

from __future__ import annotations

import re

from toolkit.importing.inline import Para

MONTHS = ("January February March April May June July August September October November December").split()
SYMBOL = re.compile(r"^[A-Z][A-Z0-9.()\-]*(/[A-Za-z0-9.()\-]+)+$")
DISTRIBUTION = re.compile(r"^Distr\.?:?\s*(\w+)$", re.I)
DATE = re.compile(r"^(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})$")
LANGUAGE = re.compile(r"^(Original: \w+|[A-Z][\w ,]* only)$")
ITEM_LINE = re.compile(r"^\(Items?\s+(.+?)\s+of the (?:provisional |annotated )?agenda\)$", re.I)
AUTHOR = re.compile(r"^(?:Note|Submitted|Prepared) by .+$", re.I)  # "Note by the Secretariat", by a Government
SECRETARIAT_AUTHOR = re.compile(r"^Note by the secretariat$", re.I)  # the default: no author_line to write
CONTENTS = re.compile(r"^contents$", re.I)
ANNEX = re.compile(r"^annex\s+([IVXLC]+|\d+)\.?$", re.I)
CAPTION = re.compile(r"^(Table|Figure)\s+([0-9]+|[IVXLC]+)\b[.:]?\s*", re.I)
SOURCE = re.compile(r"^(\*?)Sources?:")

TYPED_CHAPTER = re.compile(r"^(\**)([IVXLC]+)\.\s*")
TYPED_NUMBER = re.compile(r"^(\**)(\d+)\.(\t|\s+)")
# "(a)" as in English and Chinese, "a)" as in French and Russian (wording list_label)
TYPED_ITEM = re.compile(r"^(\**)\(?([a-z]{1,4})\)(\t|\s+)")
TYPED_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u2013\-]\s+")
ROMANS = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}


def is_heading(para: Para, level: int) -> bool:
    style = para.style.lower()
    return style == f"heading {level}" or (level == 1 and style == "annex chapter heading")


def chapter_title(para: Para) -> str | None:
    """The title of a chapter heading ("I.<tab>Background" or heading 1), without its numeral."""
    if para.listing and para.listing[0] == "upperRoman" or is_heading(para, 1):
        return _strip(TYPED_CHAPTER, para.text)
    plain = para.plain.strip()
    if TYPED_CHAPTER.match(plain) and len(plain) < 150 and not plain.endswith((".", ";", ":")):
        return _strip(TYPED_CHAPTER, para.text)
    return None


def subheading(para: Para) -> str | None:
    """A sub-heading's words, without the parentheses the toolkit prints around them."""
    plain = para.plain.strip()
    if is_heading(para, 2) or (plain.startswith("(") and plain.endswith(")") and len(plain) < 150
                               and para.listing is None and not TYPED_ITEM.match(plain)):
        text = para.text.strip()
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1]
        return text.strip()
    return None


def numbered(para: Para) -> str | None:
    """The text of a numbered paragraph, its number left to the toolkit."""
    if para.listing and para.listing[0] == "decimal":
        return para.text.strip()
    if TYPED_NUMBER.match(para.plain):
        return _strip(TYPED_NUMBER, para.text)
    return None


def item(para: Para, previous_letter: str | None) -> tuple[int, str] | None:
    """(depth, text) of a lettered sub-item (a) (depth 0) or an item (i) under it (depth 1)."""
    if para.listing and para.listing[0] in ("lowerLetter", "upperLetter"):
        return 0, para.text.strip()
    if para.listing and para.listing[0] in ("lowerRoman",):
        return 1, para.text.strip()
    typed = TYPED_ITEM.match(para.plain)
    if typed:
        label = typed.group(2)
        # "(i)" follows "(h)" as a letter; anywhere else it opens a list under the item
        roman = label in ROMANS and not (label == "i" and previous_letter == "h") \
            and not (label in ("v", "x") and previous_letter in ("u", "w"))
        return (1 if roman and previous_letter else 0), _strip(TYPED_ITEM, para.text)
    return None


def bullet(para: Para) -> tuple[int, str] | None:
    if para.listing and para.listing[0] == "bullet":
        return min(para.listing[1], 1), para.text.strip()
    if TYPED_BULLET.match(para.plain):
        return 0, TYPED_BULLET.sub("", para.text.lstrip(), count=1).strip()
    return None


def is_contents_line(para: Para) -> bool:
    """A line of a contents block: a contents style, a page number at its end, "Page", an annex entry."""
    plain = para.plain.strip()
    return (para.style.lower().startswith("toc") or bool(re.search(r"\t\s*\d+$", para.plain))
            or plain.lower() == "page" or bool(re.match(r"^annex\s+[IVXLC]+\.?\s+\S", plain, re.I)))


def _strip(pattern: re.Pattern, text: str) -> str:
    """The text without its typed number, keeping any * of bold or italic that opened before it."""
    match = pattern.match(text.lstrip())
    if not match:
        return text.strip()
    marks = match.group(1)
    return (marks + text.lstrip()[match.end():]).strip().lstrip("\t ")
