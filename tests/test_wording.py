"""The wording tables (toolkit/model/wording/): every key in every language, the date forms of
each language, the masthead's language lines and ref() words."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.model import wording
from toolkit.model.language_lines import language_lines
from toolkit.model.wording import BLOCK_KEYS, KEYS, LANGUAGES, for_language

D = dt.date


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_table_has_every_key_and_no_other(code):
    table = wording.table(code)
    own_block = table["masthead_language"] == code
    assert set(table) == KEYS | (BLOCK_KEYS if own_block else set())
    # a table that borrows its block borrows it from one that has it
    assert BLOCK_KEYS <= set(wording.table(table["masthead_language"]))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_table_has_the_same_shape_as_the_english(code):
    english, table = wording.table("en"), wording.table(code)
    for key in KEYS | (BLOCK_KEYS & set(table)):
        if isinstance(english[key], dict):
            assert set(table[key]) == set(english[key]), key
        elif key == "source_words":  # as many spellings as the language has
            assert table[key] and all(isinstance(word, str) for word in table[key])
        elif isinstance(english[key], tuple):
            assert len(table[key]) == len(english[key]), key
        else:
            assert isinstance(table[key], str) and table[key], key
    assert all("{number}" in text for text in table["refs"].values())
    assert "{ref}" in table["ref_in_annex"] and "{annex}" in table["ref_in_annex"]


DATES = [  # one day, the first of a month, a range in one month, across months, across years
    ("en", ["6 October 2023", "1 March 2024", "23-24 November 2023", "30 November-1 December 2023",
            "30 December 2023-2 January 2024"]),
    ("fr", ["6 octobre 2023", "1er mars 2024", "23-24 novembre 2023", "30 novembre-1er décembre 2023",
            "30 décembre 2023-2 janvier 2024"]),
    ("ru", ["6 октября 2023 года", "1 марта 2024 года", "23-24 ноября 2023 года", "30 ноября – 1 декабря 2023 года",
            "30 декабря 2023 года – 2 января 2024 года"]),
    ("zh", ["2023年10月6日", "2024年3月1日", "2023年11月23日至24日", "2023年11月30日至12月1日",
            "2023年12月30日至2024年1月2日"]),
]


@pytest.mark.parametrize("code,expected", DATES)
def test_dates_in_each_language(code, expected):
    w = for_language(code)
    got = [w.date(D(2023, 10, 6)), w.date(D(2024, 3, 1)), w.date_range(D(2023, 11, 23), D(2023, 11, 24)),
           w.date_range(D(2023, 11, 30), D(2023, 12, 1)), w.date_range(D(2023, 12, 30), D(2024, 1, 2))]
    # a no-break space joins each day to its month (test_layout_rules.py): compared here as a space
    assert [date.replace("\u00a0", " ") for date in got] == expected
    assert w.date_range(D(2023, 11, 23), None) == w.date_range(D(2023, 11, 23), D(2023, 11, 23)) \
        == w.date(D(2023, 11, 23))
    # as messages say them and drafters type them: plain spaces
    said = [w.said_date(D(2023, 10, 6)), w.said_date(D(2024, 3, 1)),
            w.said_date_range(D(2023, 11, 23), D(2023, 11, 24)), w.said_date_range(D(2023, 11, 30), D(2023, 12, 1)),
            w.said_date_range(D(2023, 12, 30), D(2024, 1, 2))]
    assert said == expected


def test_the_top_right_block_of_russian_and_chinese_documents_is_english():
    for code in ("ru", "zh"):
        w = for_language(code)
        assert w.distribution_line("Limited") == "Distr.: Limited"
        assert w.block.date(D(2023, 10, 6)) == "6\u00a0October 2023"
    fr = for_language("fr")
    assert fr.distribution_line("General") == "Distr. générale"
    assert fr.block.date(D(2021, 2, 1)) == "1er\u00a0février 2021"


def test_item_lines_and_masthead_words():
    expected = {"en": ("(Item 5 (d) of the provisional agenda)", "Note by the Secretariat", "CONTENTS"),
                "fr": ("(Point 5 d) de l’ordre du jour provisoire)", "Note du secrétariat", "TABLE DES MATIÈRES"),
                "ru": ("(Пункт 5 d) предварительной повестки дня)", "Записка секретариата", "СОДЕРЖАНИЕ"),
                "zh": ("（临时议程项目5(d)）", "秘书处的说明", "目录")}
    for code, (item, author, contents) in expected.items():
        w = for_language(code)
        assert (w.item_line("5", "d"), w.author_line, w.contents) == (item, author, contents)
        assert w.item_line("7", None).count("7") == 1


LINES = [
    # (version, original, issued, meeting languages) -> (version line, language line)
    (("en", "en", {"en"}, ("en",)), (None, "English only")),
    (("en", "en", {"en", "ru", "zh"}, ("en", "ru", "zh")), (None, "Original: English")),
    (("ru", "en", {"en", "ru", "zh"}, ("en", "ru", "zh")), ("Russian", "Original: English")),
    (("zh", "en", {"en", "ru", "zh"}, ("en", "ru", "zh")), ("Chinese", "Original: English")),
    (("fr", "en", {"en", "fr"}, ("en", "fr")), ("Français", "Original : anglais")),
    (("en", "en", {"en"}, ("en", "ru", "zh")), (None, "English only")),
    (("en", "en", {"en", "zh"}, ("en", "fr", "ru", "zh")), (None, "Chinese and English only")),
    (("zh", "en", {"en", "zh"}, ("en", "fr", "ru", "zh")), (None, "Chinese and English only")),
    (("fr", "en", {"en", "fr", "zh"}, ("en", "fr", "ru", "zh")), (None, "Anglais, chinois et français seulement")),
]


@pytest.mark.parametrize("given,expected", LINES)
def test_language_lines_follow_un_practice(given, expected):
    assert language_lines(*given) == expected


def test_ref_words_around_the_number():
    assert for_language("en").ref_words("paragraph", "12", False) == ("paragraph ", "")
    assert for_language("en").ref_words("table", "2", True) == ("Table ", "")
    assert for_language("en").ref_words("paragraph", "3", False, "II") == ("paragraph ", " of annex II")
    assert for_language("fr").ref_words("paragraph", "3", False, "II") == ("paragraphe ", " de l’annexe II")
    assert for_language("ru").ref_words("paragraph", "12", False) == ("пункт ", "")
    assert for_language("ru").ref_words("paragraph", "3", False, "II") == ("пункт ", " приложения II")
    assert for_language("zh").ref_words("paragraph", "12", True) == ("第", "段")
    assert for_language("zh").ref_words("paragraph", "3", False, "II") == ("附件II第", "段")


def test_source_lines_are_recognized_in_every_language():
    words = wording.source_words()
    for code in LANGUAGES:
        assert set(wording.table(code)["source_words"]) <= set(words)


@pytest.mark.parametrize("code,a,ii", [("en", "(a)", "(ii)"), ("fr", "a)", "ii)"), ("ru", "a)", "ii)"),
                                      ("zh", "(a)", "(ii)")])
def test_sub_item_labels_as_each_language_letters_them(code, a, ii):
    """(a) in English and Chinese; a) in French and Russian, as their item lines cite "3 b)"."""
    w = for_language(code)
    assert (w.list_label("a"), w.list_label("ii")) == (a, ii)
