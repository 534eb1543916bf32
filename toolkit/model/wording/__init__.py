"""The fixed words and date forms of NEASPEC documents, one table per language (en.py, fr.py, ru.py, zh.py).

A document's language picks its table; the model's builders take a `Wording` and never
write a word themselves. Where each form comes from: SOURCES.md beside this file.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cache
from importlib import import_module
from typing import Any, Literal, get_args

from toolkit.model.words import NBSP

# The closed sets of values, each a type and the tuple of its values (the tuple is made from the type).
LanguageCode = Literal["en", "fr", "ru", "zh"]  # ESCAP's languages that NEASPEC documents may be issued in
LANGUAGES: tuple[LanguageCode, ...] = get_args(LanguageCode)
DEFAULT_LANGUAGE: LanguageCode = "en"

# Values the sources write (English keys), not words the documents print.
Distribution = Literal["General", "Limited", "Restricted"]
DISTRIBUTIONS: tuple[Distribution, ...] = get_args(Distribution)
DEFAULT_DISTRIBUTION: Distribution = "Limited"
AGENDA_DISTRIBUTION: Distribution = "Limited"
DOCUMENTS_LIST_DISTRIBUTION: Distribution = "General"
INFORMATION_DISTRIBUTION: Distribution = "General"
PARTICIPANTS_DISTRIBUTION: Distribution = "General"
ParticipantGroup = Literal["member-state", "united-nations", "intergovernmental", "other", "secretariat"]
PARTICIPANT_GROUP_KEYS: tuple[ParticipantGroup, ...] = get_args(ParticipantGroup)
RefKind = Literal["paragraph", "table", "figure", "chapter", "annex"]
REF_KINDS: tuple[RefKind, ...] = get_args(RefKind)
# Titles written without their full stop in a registration form, as UN lists print them.
# A language's table (en.py ...): words, formats with {fields}, and tuples and mappings of them.
# Its keys are held to KEYS and BLOCK_KEYS by tests/test_wording.py.
Words = dict[str, Any]

TITLES = {"mr": "Mr.", "ms": "Ms.", "mrs": "Mrs.", "dr": "Dr.", "prof": "Prof."}

# Every table has these; a table whose top-right block is its own (masthead_language is its
# code) has BLOCK_KEYS too. tests/test_wording.py holds each table to it.
KEYS = frozenset({
    "tag", "masthead_language", "months", "first_day", "date", "range_days", "range_months", "range_years",
    "citation", "item_line", "list_label", "author_line", "author", "contents", "considerations_title", "parentheses",
    "annex_heading", "annex_of", "as_corrected", "draft_copy",
    "attached_page", "corrigendum", "addendum", "listed_supplement",
    "table", "figure", "source_words", "refs", "ref_in_annex", "report_title", "adoption_line",
    "provisional_agenda", "annotated_agenda", "annotations", "documentation", "documents_list",
    "documents_columns", "participants_list", "participant_groups", "attendance", "adopted_agenda"})
BLOCK_KEYS = frozenset({"distribution_line", "distributions", "language_names", "version_names", "original_line",
                        "only_line", "and"})


def language(code: str) -> LanguageCode:
    """The code as one of LANGUAGES; a KeyError names the languages the toolkit has words for."""
    for known in LANGUAGES:
        if code == known:
            return known
    raise KeyError(f"no wording for language {code!r} (the toolkit has {', '.join(LANGUAGES)})")


def table(code: str) -> Words:
    """The raw table of a language (en, fr, ru, zh)."""
    words: Words = import_module(f"{__name__}.{language(code)}").WORDS
    return words


@cache
def for_language(code: str) -> Wording:
    return Wording(language(code), table(code))


class Wording:
    """The words one document prints, in its language."""

    def __init__(self, code: LanguageCode, words: Words):
        self.code = code
        self.w = words

    def __repr__(self) -> str:
        return f"Wording({self.code!r})"

    def form(self, key: str) -> str:
        """A word or a format of the table ("{day} {month} {year}"); a key that holds no text is a bug."""
        text = self.w[key]
        if not isinstance(text, str):
            raise TypeError(f"wording {self.code}: {key!r} is not text")
        return text

    @property
    def tag(self) -> str:
        """BCP 47 tag of the document (zh-CN for Chinese: the Simplified face)."""
        return self.form("tag")

    @property
    def block(self) -> Wording:
        """The wording of the masthead's top-right block (English in UN Russian and Chinese documents)."""
        return self if self.w["masthead_language"] == self.code else for_language(self.w["masthead_language"])

    def __getattr__(self, key: str) -> Any:
        """A plain word: wording.contents, wording.table, wording.documents_columns ..."""
        try:
            return self.__dict__["w"][key]
        except KeyError:
            raise AttributeError(key) from None

    # ---- dates ----

    def _day(self, day: int) -> str:
        return self.w["first_day"] if day == 1 else str(day)

    def date(self, day: dt.date) -> str:
        """6 October 2023; 1er mars 2023; 6 октября 2023 года; 2023年10月6日"""
        return self.form("date").format(day=self._day(day.day), month=self.w["months"][day.month - 1], year=day.year)

    def said_date(self, day: dt.date) -> str:
        """A date in a message on the terminal: with plain spaces, as people type it."""
        return self.date(day).replace(NBSP, " ")

    def said_date_range(self, start: dt.date, end: dt.date | None) -> str:
        """A date range with plain spaces, as people type it (and as messages say it)."""
        return self.date_range(start, end).replace(NBSP, " ")

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        """23-24 November 2023; 30 November-1 December 2023; 30 December 2023-2 January 2024 (and in kind)."""
        if end is None or end == start:
            return self.date(start)
        key = "range_years" if start.year != end.year else "range_months" if start.month != end.month else "range_days"
        months = self.w["months"]
        return self.form(key).format(day1=self._day(start.day), month1=months[start.month - 1], year1=start.year,
                                  day2=self._day(end.day), month2=months[end.month - 1], year2=end.year,
                                  date1=self.date(start), date2=self.date(end))

    # ---- the masthead ----

    def distribution_line(self, distribution: Distribution | None) -> str | None:
        """None: the meeting prints no distribution (meeting.yaml `distribution: none`)."""
        block = self.block.w
        return block["distribution_line"].format(distribution=block["distributions"][distribution]) \
            if distribution else None

    def list_label(self, mark: str) -> str:
        """A sub-item's label around its letter or roman numeral: (a), (ii); a), ii) in French and Russian."""
        return self.form("list_label").format(mark=mark)

    def citation(self, number: str, letter: str | None) -> str:
        """5 (d); 5 d); 5(d)"""
        return self.form("citation").format(number=number, letter=letter) if letter else number

    def item_line(self, number: str, letter: str | None) -> str:
        return self.form("item_line").format(citation=self.citation(number, letter))

    def language_name(self, code: str) -> str:
        """A language's name as the top-right block prints it ("English"; "anglais")."""
        name: str = self.block.w["language_names"][code]
        return name

    def version_line(self, code: str) -> str:
        """The line naming a translation's language: "Russian"; "Français"."""
        name: str = self.block.w["version_names"][code]
        return name

    def original_line(self, code: str) -> str:
        return self.block.form("original_line").format(name=self.language_name(code))

    def only_line(self, codes: list[str]) -> str:
        """"English only"; "Chinese and English only": the names in the block language's alphabetical order."""
        names = sorted((self.language_name(c) for c in codes), key=_sort_key)
        block = self.block.w
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + block["and"] + names[-1]
        line: str = block["only_line"].format(names=joined)
        return line[:1].upper() + line[1:]

    def author_of(self, author_line: str) -> str:
        """The document's metadata author from a written author line: "Note by the Government of
        Mongolia" -> "Government of Mongolia"; a line without " by " is the author itself."""
        _, by, who = author_line.partition(" by ")
        who = who.strip() if by else author_line.strip()
        return who[4:] if who.lower().startswith("the ") else who

    # ---- numbered things ----

    def attached_page(self, heading: str, title: str, page: int, pages: int) -> str:
        """Alternative text of a page of an annex attached as a PDF or Word file."""
        name = ". ".join(part for part in (heading, title) if part)
        return self.form("attached_page").format(name=name, page=page, pages=pages)

    def listed_title(self, title: str, supplement: str | None) -> str:
        """A corrigendum's or addendum's title in a list of documents: "Core Fund: corrigendum"."""
        if not supplement:
            return title
        return self.form("listed_supplement").format(title=title, supplement=supplement, lower=supplement.lower())

    def annex_heading(self, numeral: str) -> str:
        return self.form("annex_heading").format(numeral=numeral)

    def annex_of(self, numeral: str, symbol: str | None, title: str) -> str:
        """The heading of an annex issued alone, saying whose annex it is: "Annex II to ESCAP/NEASPEC/SOM(26)/5d"
        (a document without a symbol is named by its title)."""
        forms = self.w["annex_of"]
        return str(forms[0] if symbol else forms[1]).format(numeral=numeral, document=symbol or title)

    def as_corrected(self, symbol: str, corrections: list[str]) -> str:
        """The mark of a reading copy: the document's text with its corrigenda applied, which was never issued."""
        return self.form("as_corrected").format(symbol=symbol, corrections=", ".join(corrections))

    def draft_copy(self, document: str, date: str) -> str:
        """The mark of a draft: an issued document's changes not yet declared as a revision or corrigendum."""
        return self.form("draft_copy").format(document=document, date=date)

    def ref_words(self, kind: RefKind, number: str, capital: bool, annex: str | None = None) -> tuple[str, str]:
        """The words around the number a ref() prints: ("paragraph ", "") for "paragraph 12";
        ("第", "段") for "第12段"; with annex, a paragraph of that annex: ("paragraph ", " of annex II")."""
        text = self.w["refs"][kind]
        if annex is not None:
            text = self.w["ref_in_annex"].format(ref=text, annex=annex)
        before, _, after = text.partition("{number}")
        if capital:
            before = before[:1].upper() + before[1:]
        return before, after

    # ---- the other documents ----

    def report_title(self, meeting_title: str) -> str:
        return self.form("report_title").format(title=meeting_title)

    def adoption_line(self, day: dt.date) -> str:
        return self.form("adoption_line").format(date=self.date(day))

    def attendance_line(self, group: ParticipantGroup, names: list[str]) -> str:
        """The report's sentence naming the States or organizations of one group that attended."""
        words = self.w["attendance"]
        joined = names[0] if len(names) == 1 else words["separator"].join(names[:-1]) + words["and"] + names[-1]
        line: str = words["groups"][PARTICIPANT_GROUP_KEYS.index(group)].format(names=joined)
        return line

    def participant_groups(self) -> tuple[tuple[str, str], ...]:
        """(key, heading) of the groups of a UN list of participants, in the order it prints them."""
        return tuple(zip(PARTICIPANT_GROUP_KEYS, self.w["participant_groups"], strict=True))


def _sort_key(name: str) -> str:
    """Alphabetical order ignoring accents (français sorts among the f)."""
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def source_words() -> tuple[str, ...]:
    """Every language's "Source:" words: a table's source line is recognized in any of them."""
    return tuple(dict.fromkeys(word for code in LANGUAGES for word in table(code)["source_words"]))


ENGLISH = for_language("en")


# The symbols of documents that follow an issued one are the same in every language (UN practice).
def revision_symbol(symbol: str, number: int) -> str:
    return f"{symbol}/Rev.{number}"


def corrigendum_symbol(symbol: str, number: int) -> str:
    return f"{symbol}/Corr.{number}"


def addendum_symbol(symbol: str, number: int) -> str:
    return f"{symbol}/Add.{number}"
