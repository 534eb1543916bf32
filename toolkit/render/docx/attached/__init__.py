"""Annexes attached as files (.pdf, .docx) -> their content in the DOCX.

annex.py loads and places them; a Word file's body is read (source.py, fields.py, lists.py)
and numbered anew into ours (place.py).
"""
