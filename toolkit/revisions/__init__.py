"""A revised or corrected document compared with the document as issued: two computations.

Both take two validated Notes of the model (toolkit/model/document.py), the issued one and
the current one, as toolkit.model.build.load reads them from the stored issued sources
and from the meeting folder. Nothing here reads sources or writes files: the build wires it.

- Corrigendum (`<symbol>/Corr.1`): `corrections(issued, current, lines)` (corrections.py)
  gives the corrections in UN form, cited by the issued paragraph, table and footnote
  numbers, never pages; `lines` (a render step: render/pdf/lines.py `issued_lines(issued,
  templates, root)`, run by the pipeline with the build's templates) adds the line in the issued
  PDF ("Paragraph 5, line 3"). Each Correction gives model blocks (`.blocks()`) for both
  renderers and plain text (`.text()`).
- Revision (`<symbol>/Rev.1`): `tracked_docx(issued, current, reference, diags, author=,
  date=)` (tracked.py) gives the DOCX of the current note with real Word tracked changes
  against the issued one; `redline(issued, current)` (redline.py) the merged note it writes.
"""
