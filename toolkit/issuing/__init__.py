"""Issued documents and what follows them: the record `toolkit issue` writes (record.py), the
issued version rebuilt from it (rebuild.py), and the revisions, corrigenda and addenda a note's
front matter declares (declarations.py), applied to the meeting's documents (apply.py)."""
