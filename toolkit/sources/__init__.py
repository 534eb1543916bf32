"""Sources: the files of a meeting folder -> validated values with positions.

Reading depends on nothing after it: it imports the model's vocabulary only (model/document.py,
meeting.py, wording/, scripts.py, plain.py, tables.py, words.py, walk.py, parts.py, issued.py), never
the numbering, the made documents, the checks, issuing or rendering (tests/test_imports.py)."""
