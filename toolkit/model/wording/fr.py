"""French: UN French mastheads (ESCAP Commission, 77th session, annotated agenda; IDB.49/1/Add.1): SOURCES.md."""

WORDS = {
    "tag": "fr",
    "masthead_language": "fr",  # French documents print their own block: "Distr. limitée", "Original : anglais"
    "distribution_line": "Distr. {distribution}",
    "distributions": {"General": "générale", "Limited": "limitée", "Restricted": "restreinte"},
    "language_names": {"en": "anglais", "fr": "français", "ru": "russe", "zh": "chinois"},
    "version_names": {"en": "Anglais", "fr": "Français", "ru": "Russe", "zh": "Chinois"},
    "original_line": "Original : {name}",  # French puts a (no-break) space before the colon
    "only_line": "{names} seulement",
    "and": " et ",
    "months": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
               "octobre", "novembre", "décembre"),
    "first_day": "1er",
    "date": "{day}\u00a0{month} {year}",  # a no-break space: "8 September" never splits
    "range_days": "{day1}-{day2}\u00a0{month2} {year2}",
    "range_months": "{day1}\u00a0{month1}-{day2}\u00a0{month2} {year2}",
    "range_years": "{date1}-{date2}",
    "citation": "{number} {letter})",
    "item_line": "(Point {citation} de l\u2019ordre du jour provisoire)",
    "list_label": "{mark})",  # a sub-item's label: a), i)
    "author_line": "Note du secrétariat",
    "author": "Secrétariat du NEASPEC, Bureau de la CESAP pour l\u2019Asie de l\u2019Est et du Nord-Est",
    "contents": "TABLE DES MATIÈRES",
    "considerations_title": "Questions à examiner",
    "parentheses": ("(", ")"),  # around a sub-heading
    # the alternative text of an attached annex's page
    "attached_page": "{name}, page {page} sur {pages} du document joint",
    "corrigendum": "Rectificatif",  # under the title of <symbol>/Corr.N
    "addendum": "Additif",  # under the title of <symbol>/Add.N
    "listed_supplement": "{title} : {lower}",  # a corrigendum in a list of documents
    "annex_heading": "Annexe {numeral}",
    # an annex issued alone
    "annex_of": ("Annexe {numeral} du document {document}",
                 "Annexe {numeral} du document \u00ab\u00a0{document}\u00a0\u00bb"),
    # a reading copy of a corrected document (not issued): its mark
    "as_corrected": ("Copie de lecture, qui n\u2019est pas un document publi\u00e9\u00a0: texte du "
                     "document {symbol} tel que rectifi\u00e9 par le document {corrections}"),
    # a copy of an issued document changed since, nothing declared yet: its mark
    "draft_copy": ("Projet, qui n\u2019est pas un document publi\u00e9\u00a0: modifications du document {document}, "
                   "publi\u00e9 le {date}, non encore d\u00e9clar\u00e9es"),
    "table": "Tableau",
    "figure": "Figure",
    "source_words": ("Source :", "Sources :", "Source:", "Sources:"),
    "refs": {"paragraph": "paragraphe {number}", "table": "tableau {number}", "figure": "figure {number}",
             "chapter": "chapitre {number}", "annex": "annexe {number}"},
    "ref_in_annex": "{ref} de l\u2019annexe {annex}",
    "report_title": "Rapport de la {title}",
    "adoption_line": "La Réunion a adopté le présent rapport le {date}.",
    "provisional_agenda": "Ordre du jour provisoire",
    "annotated_agenda": "Ordre du jour provisoire annoté",
    "annotations": "Annotations",
    "documentation": "Documentation",
    "documents_list": "Liste des documents",
    "documents_columns": ("Cote", "Titre", "Point de l\u2019ordre du jour", "Distribution", "Date"),
    "participants_list": "Liste des participants",
    "participant_groups": ("États membres", "Organismes des Nations Unies et institutions spécialisées",
                           "Organisations intergouvernementales", "Autres organisations", "Secrétariat"),
    "attendance": {"heading": "Participation", "separator": ", ", "and": " et ",
                   "groups": ("Les États membres suivants étaient représentés : {names}.",
                              "Les organismes des Nations Unies et institutions spécialisées suivants étaient "
                              "représentés : {names}.",
                              "Les organisations intergouvernementales suivantes étaient représentées : {names}.",
                              "Les autres organisations suivantes étaient représentées : {names}.",
                              "Le secrétariat était assuré par : {names}.")},
    "adopted_agenda": "La Réunion a adopté l’ordre du jour suivant :",
}
