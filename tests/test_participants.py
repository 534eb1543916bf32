"""The list of participants, read from a registration export as a reader of the PDF and the DOCX sees it,
and every mistake of an export reported at its row."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import docx
import pytest

from conftest import copy_meeting, read_pdf, run_cli

HEADER = ["ID", "Title", "First Name", "Last Name", "Email Address", "Affiliation", "Position", "Country",
          "Phone Number", "Participant Type", "Head of Delegation"]
PHONE = re.compile(r"\+?\d[\d ()-]{6,}\d")


def _row(given: str, family: str, country: str, kind: str = "Member State", head: str = "", title: str = "Mr.",
         position: str = "Officer", affiliation: str = "Ministry of Environment") -> list[str]:
    return ["1", title, given, family, f"{given.lower()}@example.org", affiliation, position, country,
            "+82 2 000 0000", kind, head]


def _meeting(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER, extra: str = "") -> Path:
    meeting = copy_meeting("basic", tmp_path)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    (meeting / "reg.csv").write_text(out.getvalue(), encoding="utf-8")
    with (meeting / "meeting.yaml").open("a") as yaml:
        yaml.write("participants:\n  file: reg.csv\n" + extra)
    return meeting


def _errors(meeting: Path) -> list[str]:
    result = run_cli("check", meeting)
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if ": error: " in line]


def _rows(errors: list[str]) -> list[str]:
    """reg.csv:4:87: error: ... -> reg.csv:4: error: ... (a CSV cell's column is a character count)"""
    return [re.sub(r"^(reg\.csv:\d+):\d+:", r"\1:", line) for line in errors]


# ---- the sample, as a reader sees it -------------------------------------------------------

def _pdf_lines(path: Path) -> list[str]:
    return [line["text"] for page in read_pdf(path) for line in page.lines]


def _docx_lines(path: Path) -> list[str]:
    lines = []
    for paragraph in docx.Document(str(path)).paragraphs:
        lines.extend(part.strip() for part in paragraph.text.split("\n") if part.strip())
    return lines


@pytest.fixture(params=["pdf", "docx"])
def sample_lines(request, sample_build: Path) -> list[str]:
    path = sample_build / f"list-of-participants.{request.param}"
    return _pdf_lines(path) if request.param == "pdf" else _docx_lines(path)


@pytest.mark.slow
@pytest.mark.office
def test_groups_in_un_order_states_alphabetical(sample_lines: list[str]):
    # the sample's ESCAP staff registered as "United Nations": they are its Secretariat (meeting.yaml secretariat)
    wanted = ["MEMBER STATES", "INTERGOVERNMENTAL ORGANIZATIONS", "SECRETARIAT"]
    # the PDF prints the numeral ("I. MEMBER STATES"); in the DOCX it is Word numbering, not text
    found = [w for line in sample_lines for w in wanted if re.fullmatch(rf"(?:[IVX]+\.\s*)?{re.escape(w)}", line)]
    assert found == wanted
    assert "OTHER ORGANIZATIONS" not in " ".join(sample_lines), "a group without participants is left out"
    assert "UNITED NATIONS BODIES AND SPECIALIZED AGENCIES" not in " ".join(sample_lines)
    secretariat = max(i for i, line in enumerate(sample_lines) if line.endswith("SECRETARIAT"))
    assert "Ms. Priya RAMAN" in sample_lines[secretariat:]
    states = [line for line in sample_lines if line in ("China", "Japan", "Mongolia", "Republic of Korea",
                                                          "Russian Federation")]
    assert states == ["China", "Japan", "Mongolia", "Republic of Korea", "Russian Federation"]
    assert "Democratic People's Republic of Korea" not in sample_lines  # did not attend


@pytest.mark.slow
@pytest.mark.office
def test_head_of_delegation_first_then_export_order(sample_lines: list[str]):
    names = [line for line in sample_lines if re.match(r"(Mr|Ms|Dr)\. ", line)]
    korea = names[names.index("Mr. Jaehoon PARK"):][:3]
    assert korea == ["Mr. Jaehoon PARK", "Ms. Minji SEO", "Dr. Sora HAN"], "head first, though row 2 of the export"
    assert names[0] == "Mr. Wei ZHANG"  # "Mr" in the export, head of China's delegation
    assert "Ms. Lina CHEN" in names  # "Ms" gets its full stop


@pytest.mark.slow
@pytest.mark.office
def test_entry_has_position_and_organization_lines(sample_lines: list[str]):
    at = sample_lines.index("Mr. Ivan PETROV")
    assert sample_lines[at + 1:at + 3] == ["Deputy Director of the Department of International Cooperation",
                                           "Ministry of Natural Resources and Environment"]
    secretariat = sample_lines.index("Ms. Soojin LEE")
    assert sample_lines[secretariat + 1] == "Head of Office"
    assert sample_lines[secretariat + 2] == "Mr. Marco ROSSI", "the organization of the heading is not repeated"


@pytest.mark.slow
@pytest.mark.office
def test_no_email_or_phone_number_in_either_output(sample_lines: list[str]):
    text = "\n".join(sample_lines)
    assert "@" not in text
    assert not PHONE.search(text), PHONE.search(text)


@pytest.mark.slow
@pytest.mark.office
def test_list_of_documents_lists_it(sample_build: Path):
    import docx

    cells = [c.text for t in docx.Document(sample_build / "list-of-documents.docx").tables for r in t.rows
             for c in r.cells]
    at = cells.index("List of participants")
    assert cells[at - 1] == "ESCAP/NEASPEC/SOM(26)/INF/2" and cells[at + 2] == "General"
    text = "".join(page.text for page in read_pdf(sample_build / "list-of-documents.pdf"))
    assert "List of participants General" in text


# ---- what the export may hold ----------------------------------------------------------------

@pytest.mark.slow
def test_formula_text_is_printed_as_text(tmp_path: Path):
    rows = [_row("Wei", "Zhang", "China", position='=HYPERLINK("http://x","y")'),
            _row("Aiko", "Ueda", "Japan", position="=cmd|' /C calc'!A0")]
    meeting, out = _meeting(tmp_path, rows), tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--only", "list-of-participants")
    assert result.exit_code == 0, result.stderr
    pdf = "\n".join(_pdf_lines(out / "list-of-participants.pdf"))
    assert '=HYPERLINK("http://x","y")' in pdf and "=cmd|' /C calc'!A0" in pdf
    with (out / "list-of-participants.pdf").open("rb") as handle:
        assert b"/URI" not in handle.read(), "no link"
    document = docx.Document(str(out / "list-of-participants.docx"))
    body = document.element.body.xml
    assert '=HYPERLINK("http://x","y")' in "\n".join(p.text for p in document.paragraphs)
    assert "w:instrText" not in body and "w:fldSimple" not in body and "w:hyperlink" not in body


@pytest.mark.slow
def test_family_name_first_for_the_delegations_named(tmp_path: Path):
    rows = [_row("Hyunsoo", "Yun", "Republic of Korea"), _row("Kenta", "Mori", "Japan")]
    meeting = _meeting(tmp_path, rows, extra="  family_name_first: [Republic of Korea]\n")
    out = tmp_path / "out"
    assert run_cli("build", meeting, "--out", out, "--format", "pdf").exit_code == 0
    lines = _pdf_lines(out / "list-of-participants.pdf")
    assert "Mr. YUN Hyunsoo" in lines and "Mr. Kenta MORI" in lines


def test_columns_and_sheet_of_a_workbook(tmp_path: Path):
    import openpyxl

    meeting = copy_meeting("basic", tmp_path)
    book = openpyxl.Workbook()
    book.active.title = "Summary"
    sheet = book.create_sheet("Registrations")
    for row in (["Prénom", "Nom", "Pays", "Type"], ["Wei", "Zhang", "China", "member state"],
                ["Hana", "Kwon", "Asian Forest Cooperation Organization", "IGO"], ["Ivan", "Petrov", "Russia", ""]):
        sheet.append(row)
    book.save(meeting / "reg.xlsx")
    with (meeting / "meeting.yaml").open("a") as yaml:
        yaml.write("participants:\n  file: reg.xlsx\n  sheet: Registrations\n  columns:\n    given_name: Prénom\n"
                   "    family_name: Nom\n    delegation: Pays\n    group: Type\n")
    assert _errors(meeting) == [
        "reg.xlsx:4:3: error: 'Russia' (sheet 'Registrations') is not a member State of meeting.yaml's member_states: "
        "did you mean 'Russian Federation'? (for an organization, give the participant type)"]


# ---- every mistake at its row --------------------------------------------------------------

def test_every_problem_at_its_row_at_once(tmp_path: Path):
    rows = [
        _row("Wei", "Zhang", "China", head="yes"),                 # 2: fine
        _row("Aiko", "Ueda", "Japn"),                              # 3: not a member State
        _row("Hana", "Kwon", "AFoCO", kind="Observer organisation"),  # 4: unknown group
        _row("", "Mori", "Japan"),                                 # 5: no given name
        _row("Ivan", "", "Russian Federation"),                    # 6: no family name
        _row("Wei", "Zhang", "China"),                             # 7: the same person again
        _row("Lina", "Chen", "China", head="x"),                   # 8: a second head
        _row("Bat", "Dorj", "Mongolia", position="Officer, bat@example.org"),  # 9: an e-mail address
        _row("Saruul", "Ganbold", "Mongolia", affiliation="Tel. +976 11 000 111"),  # 10: a telephone number
        _row("Oyun", "Bat", "Mongolia", head="maybe"),             # 11: not yes or no
    ]
    assert _rows(_errors(_meeting(tmp_path, rows))) == [
        "reg.csv:3: error: 'Japn' is not a member State of meeting.yaml's member_states: did you mean 'Japan'? "
        "(for an organization, give the participant type)",
        "reg.csv:4: error: unknown participant type 'Observer organisation': write member State, United Nations, "
        "intergovernmental, other or secretariat",
        "reg.csv:5: error: this participant has no given name: every participant needs a given name, a family "
        "name and a delegation",
        "reg.csv:6: error: this participant has no family name: every participant needs a given name, a family "
        "name and a delegation",
        "reg.csv:7: error: Wei Zhang of China is registered twice (first on row 2): remove one of the rows",
        "reg.csv:8: error: China has a second head of delegation, Lina Chen (the first, Wei Zhang, is on row 2)",
        "reg.csv:9: error: position holds an e-mail address, which a list of participants never prints: remove it "
        "from this cell of the export",
        "reg.csv:10: error: organization holds what looks like a telephone number, which a list of participants "
        "never prints: remove it from this cell of the export",
        "reg.csv:11: error: head of delegation 'maybe' must be yes (or x, true, 1) or left empty",
    ]


def test_member_state_without_a_group_column(tmp_path: Path):
    header = ["First Name", "Last Name", "Country"]
    rows = [["Wei", "Zhang", "China"], ["Priya", "Raman", "ESCAP"]]
    errors = _errors(_meeting(tmp_path, rows, header=header))
    assert errors == ["reg.csv:3:13: error: 'ESCAP' is not a member State of meeting.yaml's member_states; the member "
                      "States are China, Democratic People's Republic of Korea, Japan, Mongolia, Republic of Korea, "
                      "Russian Federation (for an organization, give the participant type)"]


def test_member_states_of_meeting_yaml(tmp_path: Path):
    rows = [_row("Wei", "Zhang", "China"), _row("Ana", "Silva", "Timor-Leste")]
    meeting = _meeting(tmp_path, rows)
    text = (meeting / "meeting.yaml").read_text()
    (meeting / "meeting.yaml").write_text(text + "member_states: [China, Timor-Leste]\n")
    assert _errors(meeting) == []


def test_a_mapped_column_missing_names_the_headings(tmp_path: Path):
    header = ["First Name", "Surname", "Country"]
    errors = _errors(_meeting(tmp_path, [["Wei", "Zhang", "China"]], header=header))
    assert errors == ["meeting.yaml:23:9: error: registration export 'reg.csv' has no column headed 'Last Name' (for "
                      "family name); its headings are 'First Name', 'Surname', 'Country': name the right heading "
                      "under participants: columns: family_name"]
    meeting = _meeting(tmp_path / "b", [["Wei", "Zhang", "China"]], header=header,
                       extra="  columns:\n    family_name: Surname\n    group: Category\n")
    assert _errors(meeting) == [
        "meeting.yaml:26:12: error: registration export 'reg.csv' has no column headed 'Category' (for group); its "
        "headings are 'First Name', 'Surname', 'Country': name the right heading under participants: columns: group"]


def test_export_outside_the_meeting_and_wrong_kind(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    with (meeting / "meeting.yaml").open("a") as yaml:
        yaml.write("participants:\n  file: ../reg.csv\n")
    assert _errors(meeting) == ["meeting.yaml:23:9: error: registration export '../reg.csv' must be a path inside "
                                "the meeting folder, such as figures/..."]


def test_a_hundred_thousand_rows_are_refused(tmp_path: Path):
    """Both ways: a full export is larger than a CSV source may be; a lean one has too many rows."""
    rows = [_row(f"Given{i}", f"Family{i}", "China") for i in range(100_000)]
    assert _errors(_meeting(tmp_path / "full", rows)) == [
        "meeting.yaml:23:9: error: registration export 'reg.csv' is larger than 5 MB, far more than a list of "
        "participants holds (at most 5,000 rows): export the participants of this meeting only"]
    lean = [[f"G{i}", f"F{i}", "China"] for i in range(100_000)]
    assert _errors(_meeting(tmp_path / "lean", lean, header=["First Name", "Last Name", "Country"])) == [
        "reg.csv:5001:1: error: the table has more than 5,000 rows, the limit for a list of participants: export "
        "the participants of this meeting only"]


@pytest.mark.slow
def test_three_hundred_participants_build(tmp_path: Path):
    states = ["China", "Japan", "Mongolia", "Republic of Korea", "Russian Federation"]
    rows = [_row(f"Given{i}", f"Family{i}", states[i % 5], head="yes" if i < 5 else "") for i in range(300)]
    meeting, out = _meeting(tmp_path, rows), tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--only", "list-of-participants")
    assert result.exit_code == 0, result.stderr
    assert (out / "list-of-participants.pdf").is_file() and (out / "list-of-participants.docx").is_file()


@pytest.mark.slow
def test_a_new_registration_rebuilds_the_list_of_participants_only(tmp_path: Path):
    meeting, out = _meeting(tmp_path, [_row("Wei", "Zhang", "China")]), tmp_path / "out"
    assert run_cli("build", meeting, "--format", "pdf", "--out", out).exit_code == 0
    with (meeting / "reg.csv").open("a") as export:
        csv.writer(export, lineterminator="\n").writerow(_row("Aiko", "Ueda", "Japan"))
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "-v")
    assert "built list-of-participants.pdf: content changed: reg.csv" in result.stdout
    assert "built 1, unchanged 6," in result.stdout  # the agenda documents, the note and its two annexes
    assert "Ms. Aiko UEDA" not in _pdf_lines(out / "list-of-participants.pdf")
    assert "Mr. Aiko UEDA" in _pdf_lines(out / "list-of-participants.pdf")


# ---- the Secretariat -----------------------------------------------------------------------

def test_the_organization_serving_the_meeting_is_its_secretariat():
    """ESCAP staff of the sample registered as "United Nations": the meeting's Secretariat is ESCAP."""
    from conftest import SAMPLE
    from toolkit.model.build import load

    loaded = load(SAMPLE)
    groups = {p.delegation: p.group for p in loaded.participants}
    assert groups["Economic and Social Commission for Asia and the Pacific"] == "secretariat"
    assert groups["ESCAP East and North-East Asia Office"] == "secretariat"
    assert groups["Asian Forest Cooperation Organization"] == "intergovernmental"
    titles = [chapter.written for chapter in loaded.participants_list.chapters]
    assert titles == ["Member States", "Intergovernmental organizations", "Secretariat"]


def test_secretariat_of_meeting_yaml_whatever_group_was_chosen(tmp_path: Path):
    from toolkit.model.build import load

    rows = [_row("Wei", "Zhang", "China"), _row("Priya", "Raman", "ESCAP", kind="Member State"),
            _row("Tomas", "Berg", "UNEP", kind="United Nations"),
            _row("Soojin", "Lee", "ESCAP Subregional Office", kind="other")]
    meeting = _meeting(tmp_path, rows, extra="secretariat: [ESCAP, ESCAP Subregional Office]\n")
    groups = {p.delegation: p.group for p in load(meeting).participants}
    assert groups == {"China": "member-state", "ESCAP": "secretariat", "UNEP": "united-nations",
                      "ESCAP Subregional Office": "secretariat"}
