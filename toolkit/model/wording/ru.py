"""Russian: UN Russian documents (UNEP/FAO/RC/COP.7/12; CERD/C/SR.1523): SOURCES.md.

The top-right block of a UN Russian document stays in English ("Distr.: General",
"2 December 2014", "Russian", "Original: English"): masthead_language is en."""

WORDS = {
    "tag": "ru",
    "masthead_language": "en",
    "months": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
               "октября", "ноября", "декабря"),  # the genitive: "23 ноября 2023 года"
    "first_day": "1",
    "date": "{day}\u00a0{month} {year} года",  # a no-break space: day and month never split
    "range_days": "{day1}-{day2}\u00a0{month2} {year2} года",
    "range_months": "{day1}\u00a0{month1} \u2013 {day2}\u00a0{month2} {year2} года",
    "range_years": "{day1}\u00a0{month1} {year1} года \u2013 {day2}\u00a0{month2} {year2} года",
    "citation": "{number} {letter})",
    "item_line": "(Пункт {citation} предварительной повестки дня)",
    "list_label": "{mark})",  # a sub-item's label: a), i)
    "author_line": "Записка секретариата",
    "author": "Секретариат NEASPEC, Субрегиональное отделение ЭСКАТО для Восточной и Северо-Восточной Азии",
    "contents": "СОДЕРЖАНИЕ",
    "considerations_title": "Вопросы для рассмотрения",
    "parentheses": ("(", ")"),  # around a sub-heading
    # the alternative text of an attached annex's page
    "attached_page": "{name}, страница {page} из {pages} прилагаемого документа",
    "corrigendum": "Исправление",  # under the title of <symbol>/Corr.N
    "addendum": "Добавление",  # under the title of <symbol>/Add.N
    "listed_supplement": "{title}: {lower}",  # a corrigendum in a list of documents
    "annex_heading": "Приложение {numeral}",
    # an annex issued alone
    "annex_of": ("Приложение {numeral} к документу {document}",
                 "Приложение {numeral} к документу «{document}»"),
    # a reading copy of a corrected document (not issued): its mark
    "as_corrected": ("Рабочий экземпляр, не являющийся изданным документом: текст документа {symbol} "
                     "с исправлениями, внесенными документом {corrections}"),
    # a copy of an issued document changed since, nothing declared yet: its mark
    "draft_copy": ("Проект, не являющийся изданным документом: изменения документа {document}, изданного {date}, "
                   "еще не объявленные"),
    "table": "Таблица",
    "figure": "Диаграмма",
    "source_words": ("Источник:", "Источники:"),
    "refs": {"paragraph": "пункт {number}", "table": "таблица {number}", "figure": "диаграмма {number}",
             "chapter": "глава {number}", "annex": "приложение {number}"},
    "ref_in_annex": "{ref} приложения {annex}",
    "report_title": "Доклад: {title}",
    "adoption_line": "Совещание утвердило настоящий доклад {date}.",
    "provisional_agenda": "Предварительная повестка дня",
    "annotated_agenda": "Аннотированная предварительная повестка дня",
    "annotations": "Аннотации",
    "documentation": "Документация",
    "documents_list": "Список документов",
    "documents_columns": ("Условное обозначение", "Название", "Пункт повестки дня", "Распространение", "Дата"),
    "participants_list": "Список участников",
    "participant_groups": ("Государства-члены", "Органы Организации Объединенных Наций и специализированные "
                           "учреждения", "Межправительственные организации", "Другие организации", "Секретариат"),
    "attendance": {"heading": "Участники", "separator": ", ", "and": " и ",
                   "groups": ("Были представлены следующие государства-члены: {names}.",
                              "Были представлены следующие органы Организации Объединенных Наций и "
                              "специализированные учреждения: {names}.",
                              "Были представлены следующие межправительственные организации: {names}.",
                              "Были представлены следующие другие организации: {names}.",
                              "Функции секретариата выполняли: {names}.")},
    "adopted_agenda": "Совещание утвердило следующую повестку дня:",
}
