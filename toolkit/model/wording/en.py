"""English: the words of the NEASPEC note (ESCAP/NEASPEC/SOM(26)/5d) and UN editorial practice (SOURCES.md)."""

WORDS = {
    "tag": "en",  # BCP 47: the PDF's /Lang, the DOCX's w:lang (Word adds the region)
    "masthead_language": "en",  # the top-right block (Distr., date, language line) is in English
    # ---- the masthead's top-right block (tables whose masthead_language is their own) ----
    "distribution_line": "Distr.: {distribution}",
    "distributions": {"General": "General", "Limited": "Limited", "Restricted": "Restricted"},
    "language_names": {"en": "English", "fr": "French", "ru": "Russian", "zh": "Chinese"},
    "version_names": {"en": "English", "fr": "French", "ru": "Russian", "zh": "Chinese"},
    "original_line": "Original: {name}",
    "only_line": "{names} only",
    "and": " and ",
    # ---- dates ----
    "months": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"),
    "first_day": "1",
    "date": "{day}\u00a0{month} {year}",  # a no-break space: "8 September" never splits
    "range_days": "{day1}-{day2}\u00a0{month2} {year2}",
    "range_months": "{day1}\u00a0{month1}-{day2}\u00a0{month2} {year2}",
    "range_years": "{date1}-{date2}",
    # ---- the note ----
    "citation": "{number} ({letter})",
    "item_line": "(Item {citation} of the provisional agenda)",
    "list_label": "({mark})",  # a sub-item's label: (a), (i)
    "author_line": "Note by the Secretariat",
    "author": "NEASPEC Secretariat, ESCAP East and North-East Asia Office",
    "contents": "CONTENTS",
    "considerations_title": "Issues for consideration",
    "parentheses": ("(", ")"),  # around a sub-heading
    # the alternative text of an attached annex's page
    "attached_page": "{name}, page {page} of {pages} of the attached document",
    "corrigendum": "Corrigendum",  # under the title of <symbol>/Corr.N
    "addendum": "Addendum",  # under the title of <symbol>/Add.N
    "listed_supplement": "{title}: {lower}",  # a corrigendum in a list of documents
    "annex_heading": "Annex {numeral}",
    # an annex issued alone: its symbol, or its title when it has none
    "annex_of": ("Annex {numeral} to {document}",
                 "Annex {numeral} to \u201c{document}\u201d"),
    # a reading copy of a corrected document (not issued): its mark
    "as_corrected": "Reading copy, not an issued document: the text of {symbol} as corrected by {corrections}",
    # a copy of an issued document changed since, nothing declared yet: its mark
    "draft_copy": "Draft, not an issued document: changes to {document}, issued on {date}, not yet declared",
    "table": "Table",
    "figure": "Figure",
    "source_words": ("Source:", "Sources:"),
    "refs": {"paragraph": "paragraph {number}", "table": "table {number}", "figure": "figure {number}",
             "chapter": "chapter {number}", "annex": "annex {number}"},
    "ref_in_annex": "{ref} of annex {annex}",
    # ---- the meeting's other documents ----
    "report_title": "Report of the {title}",
    "adoption_line": "The Meeting adopted the present report on {date}.",
    "provisional_agenda": "Provisional agenda",
    "annotated_agenda": "Annotated provisional agenda",
    "annotations": "Annotations",
    "documentation": "Documentation",
    "documents_list": "List of documents",
    "documents_columns": ("Symbol", "Title", "Agenda item", "Distribution", "Date"),
    "participants_list": "List of participants",
    "participant_groups": ("Member States", "United Nations bodies and specialized agencies",
                           "Intergovernmental organizations", "Other organizations", "Secretariat"),
    # the report's Attendance part (sources/attendance.py): a sentence for each group of the list, in its order
    "attendance": {"heading": "Attendance", "separator": ", ", "and": " and ",
                   "groups": ("The following member States were represented: {names}.",
                              "The following United Nations bodies and specialized agencies were represented: {names}.",
                              "The following intergovernmental organizations were represented: {names}.",
                              "The following other organizations were represented: {names}.",
                              "The following served as the Secretariat: {names}.")},
    "adopted_agenda": "The Meeting adopted the following agenda:",
}
