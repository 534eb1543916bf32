"""WordprocessingML at the level of its XML: element builders, styles.xml lookups, settings, revision
marks, and the guard that reads untrusted OOXML. The layer under the writer, the attached files and
the reference document: it imports none of them (tests/test_imports.py)."""
