"""The fixed words of NEASPEC documents, in one place (a translation would start here)."""

DISTRIBUTIONS = ("General", "Limited", "Restricted")
DEFAULT_DISTRIBUTION = "Limited"
DEFAULT_LANGUAGE_LINE = "English only"
DOCUMENT_LANGUAGE = "en"
CONTENTS = "CONTENTS"
CONSIDERATIONS_TITLE = "Issues for consideration"
AUTHOR_LINE = "Note by the Secretariat"
AUTHOR = "NEASPEC Secretariat, ESCAP East and North-East Asia Office"


def distribution_line(distribution: str | None) -> str | None:
    """None: the meeting prints no distribution (meeting.yaml `distribution: none`)."""
    return f"Distr.: {distribution}" if distribution else None


def author_of(author_line: str) -> str:
    """The document's metadata author from a written author line: "Note by the Government of
    Mongolia" -> "Government of Mongolia"; a line without " by " is the author itself."""
    _, by, who = author_line.partition(" by ")
    who = who.strip() if by else author_line.strip()
    return who[4:] if who.lower().startswith("the ") else who


def item_line(citation: str) -> str:
    return f"(Item {citation} of the provisional agenda)"


def annex_heading(numeral: str) -> str:
    return f"Annex {numeral}"

PROVISIONAL_AGENDA = "Provisional agenda"
ANNOTATED_AGENDA = "Annotated provisional agenda"
ANNOTATIONS = "Annotations"
DOCUMENTS_LIST = "List of documents"
DOCUMENTATION = "Documentation"
DOCUMENTS_COLUMNS = ("Symbol", "Title", "Agenda item", "Distribution", "Date")
AGENDA_DISTRIBUTION = "Limited"
DOCUMENTS_LIST_DISTRIBUTION = "General"

TABLE = "Table"
FIGURE = "Figure"
SOURCE_WORDS = ("Source:", "Sources:")
# What ref() prints before the number: "paragraph 12", "table 2" (UN editorial practice)
REF_WORDS = {"paragraph": "paragraph", "table": "table", "figure": "figure", "chapter": "chapter",
             "annex": "annex"}
OF_ANNEX = "of annex"

# Other documents of the meeting
INFORMATION_DISTRIBUTION = "General"


def report_title(meeting_title: str) -> str:
    return f"Report of the {meeting_title}"


def adoption_line(date: str) -> str:
    return f"The Meeting adopted the present report on {date}."

PARTICIPANTS_LIST = "List of participants"
PARTICIPANTS_DISTRIBUTION = "General"
# The groups of a UN list of participants, in the order it prints them.
PARTICIPANT_GROUPS = (
    ("member-state", "Member States"),
    ("united-nations", "United Nations bodies and specialized agencies"),
    ("intergovernmental", "Intergovernmental organizations"),
    ("other", "Other organizations"),
    ("secretariat", "Secretariat"),
)
# Titles written without their full stop in a registration form, as UN lists print them.
TITLES = {"mr": "Mr.", "ms": "Ms.", "mrs": "Mrs.", "dr": "Dr.", "prof": "Prof."}

# Documents that follow an issued one (UN symbols: .../Rev.1, .../Corr.1, .../Add.1)
CORRIGENDUM = "Corrigendum"
ADDENDUM = "Addendum"


def revision_symbol(symbol: str, number: int) -> str:
    return f"{symbol}/Rev.{number}"


def corrigendum_symbol(symbol: str, number: int) -> str:
    return f"{symbol}/Corr.{number}"


def addendum_symbol(symbol: str, number: int) -> str:
    return f"{symbol}/Add.{number}"


def listed_title(title: str, supplement: str | None) -> str:
    """A corrigendum's or addendum's title in a list of documents: "Core Fund: corrigendum"."""
    return f"{title}: {supplement.lower()}" if supplement else title
