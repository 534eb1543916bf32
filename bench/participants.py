"""Benchmark: a list of participants of 300 from a registration export, in PDF and DOCX.

    .venv/bin/python bench/participants.py

Issue 9 asks that 300 participants build "in a few seconds": the script prints the time
of a cold build of the list alone (PDF and DOCX, LibreOffice included), of the export's
reading and checking alone, and the pages made. Not a test: it prints what it measures.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STATES = ("China", "Japan", "Mongolia", "Republic of Korea", "Russian Federation")
GROUPS = (("United Nations", "Economic and Social Commission for Asia and the Pacific"),
          ("United Nations", "United Nations Environment Programme"),
          ("intergovernmental", "Tripartite Cooperation Secretariat"),
          ("other", "Korea Environment Institute"))
HEADINGS = ["ID", "Name", "Title", "First Name", "Last Name", "Email Address", "Affiliation", "Position", "Country",
            "Phone Number", "Participant Type", "Head of Delegation"]
TARGET = 5.0  # seconds: "a few seconds"


def write_meeting(root: Path, count: int = 300) -> None:
    shutil.copytree(REPO / "tests" / "meetings" / "basic", root)
    (root / "registrations").mkdir()
    with open(root / "registrations" / "export.csv", "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADINGS)
        for i in range(count):
            if i % 6 == 5:  # a sixth from organizations, the rest from member States
                group, delegation = GROUPS[i % len(GROUPS)]
            else:
                group, delegation = "Member State", STATES[i % len(STATES)]
            out.writerow([i + 1, f"Given{i} Family{i}", "Ms." if i % 2 else "Mr.", f"Given{i}", f"Family{i}",
                          f"p{i}@example.org", "Ministry of the Environment", "Officer", delegation,
                          f"+82 2 0000 {i:04d}", group, "yes" if i < len(STATES) else ""])
    meeting = (root / "meeting.yaml").read_text()
    (root / "meeting.yaml").write_text(meeting + "participants:\n  file: registrations/export.csv\n")


def main() -> None:
    from toolkit.model.build import load

    work = Path(tempfile.mkdtemp(prefix="toolkit-bench-participants-"))
    meeting = work / "meeting"
    write_meeting(meeting)
    started = time.perf_counter()
    loaded = load(meeting)
    reading = time.perf_counter() - started
    print(f"export read and checked (300 rows, in-process):   {reading:6.2f} s   "
          f"({len(loaded.participants)} participants)")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "toolkit", "build", str(meeting), "--out", str(work / "out"), "-q",
                    "--only", "list-of-participants"], check=True, cwd=REPO)
    cold = time.perf_counter() - started
    import pypdf

    pages = len(pypdf.PdfReader(work / "out" / "list-of-participants.pdf").pages)
    print(f"cold build of the list, PDF and DOCX:             {cold:6.2f} s   {pages} pages   "
          f"(target: a few seconds, <= {TARGET:.0f} s: {'met' if cold <= TARGET else 'NOT met'})")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
