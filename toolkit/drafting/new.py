"""`toolkit new DIR`: a meeting folder with the meeting.yaml of a NEASPEC Senior Officials Meeting.

Values to be decided are placeholders in [square brackets] (toolkit/sources/placeholders.py):
`toolkit check` reports each at its line until it is filled.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import Refused
from toolkit.model.words import ordinal

_HEAD = """\
# The meeting and its provisional agenda (see "The meeting folder" in the toolkit's README).
# A value in [square brackets] is a placeholder: `toolkit check` lists those still to fill.
organization:
  - United Nations
  - Economic and Social Commission for Asia and the Pacific
"""
_UNNUMBERED = """\
title: "[Title of the meeting, e.g. Twenty-seventh Senior Officials Meeting (SOM-27) of NEASPEC]"
short_title: "[Short title, e.g. SOM-27]"
"""
_NUMBERED = """\
title: {ordinal} Senior Officials Meeting (SOM-{number}) of NEASPEC
short_title: SOM-{number}
"""
_DATES = """\
start: "[First day of the meeting: YYYY-MM-DD]"
end: "[Last day of the meeting: YYYY-MM-DD]"
venue: "[City, country]"
"""
_SYMBOL = {False: 'symbol: "[Symbol of the meeting, e.g. ESCAP/NEASPEC/SOM(27)]"\n',
           True: "symbol: ESCAP/NEASPEC/SOM({number})\n"}
AGENDA = """\
agenda:
  - number: "1"
    title: Opening of the meeting
    annotation: "[Who opens the meeting, e.g. The Government of ..., as host, and the Secretariat will open the meeting with welcoming remarks.]"
  - number: "2"
    title: Election of officers
    annotation: |
      The Meeting will elect a Chair, a Vice-Chair and a Rapporteur from among the
      delegations of member States.
  - number: "3"
    title: Adoption of the agenda
    annotation: |
      The Meeting will be invited to consider and adopt the provisional agenda, with any
      changes proposed by delegations.
  - number: "4"
    title: Issues related to sustainable development in North-East Asia
    annotation: |
      Member States and invited organizations may brief the Meeting on recent national
      policies and subregional developments that bear on environmental cooperation in
      North-East Asia.
  - number: "5"
    title: Review of programme planning and implementation
    annotation: |
      The Secretariat will report on the work carried out since the last meeting in the
      programme areas of NEASPEC and present proposed activities for the next period.
      A separate note by the Secretariat is issued under each sub-item.
    items:
      - letter: a
        title: Air pollution
      - letter: b
        title: Nature conservation and biodiversity
      - letter: c
        title: Marine protected areas
      - letter: d
        title: Low carbon cities
      - letter: e
        title: Desertification and land degradation
  - number: "6"
    title: Strategic matters
    annotation: "[The strategic matters before the Meeting, e.g. a statement to adopt or the review of the NEASPEC mechanism.]"
  - number: "7"
    title: Core Fund
    annotation: |
      The Secretariat will report on the state of the Core Fund and on contributions
      received. Member States will be encouraged to consider voluntary contributions.
  - number: "8"
    title: Venue and date of the next meeting
    annotation: |
      The Meeting will be invited to agree on the host, venue and dates of the next
      Senior Officials Meeting.
  - number: "9"
    title: Other matters
    annotation: |
      Delegations may raise any other business relevant to the work of NEASPEC.
  - number: "10"
    title: Adoption of the report
    annotation: |
      The Meeting will review and adopt the report of its session, as prepared by the
      Rapporteur with the support of the Secretariat.
"""  # noqa: E501 (an annotation of the meeting.yaml written stays on one line, as a drafter writes it)


# The provisional and annotated agendas are documents of the item "Adoption of the agenda".
_ADOPTED_UNDER = 'agenda_adopted_under: "3"\n'
# ESCAP serves NEASPEC through its East and North-East Asia Office: their staff are the Secretariat of the list
# of participants, whatever group they register in.
_SECRETARIAT = ("# The organizations that serve the meeting, as the registration export names them: listed as the\n"
                "# Secretariat whatever group their staff chose\n"
                "secretariat: [Economic and Social Commission for Asia and the Pacific, "
                "ESCAP East and North-East Asia Office]\n")


def meeting_yaml(number: int | None = None) -> str:
    """The meeting.yaml of a new SOM; with its number, the title, short title and symbol are filled."""
    if number is None:
        return _HEAD + _UNNUMBERED + _DATES + _SYMBOL[False] + AGENDA + _ADOPTED_UNDER + _SECRETARIAT
    named = _NUMBERED.format(ordinal=ordinal(number).capitalize(), number=number)
    return _HEAD + named + _DATES + _SYMBOL[True].format(number=number) + AGENDA + _ADOPTED_UNDER + _SECRETARIAT


def new_meeting(folder: Path, number: int | None = None) -> int:
    """Writes the folder; -> how many placeholders are left to fill."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "a folder that is not empty" if folder.is_dir() else "a file"
        raise Refused(folder, f"already exists and is {what}: nothing was written; name a new folder")
    if number is not None and not 1 <= number <= 99:
        raise Refused(folder, f"--number {number}: a meeting number is 1 to 99")
    text = meeting_yaml(number)
    try:
        for sub in ("notes", "annexes"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        (folder / "meeting.yaml").write_text(text, encoding="utf-8")
    except OSError as exc:
        raise Refused(folder, f"cannot be written: {exc.strerror or exc}") from exc
    return sum(line.split(":", 1)[-1].strip().startswith('"[') for line in text.splitlines())
