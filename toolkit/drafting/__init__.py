"""Drafting a meeting: a new meeting folder (new.py), the next meeting from the last (roll.py), a new note (note.py)."""
