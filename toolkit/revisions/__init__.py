"""What changed between a document as issued and as it is now: the corrections a corrigendum lists
(corrections.py) and the Word file with tracked changes a revision comes with (tracked.py).

Both are ADAPTERS with simple stand-in implementations, marked as such: the branch `tracked`
writes the real ones (paragraph alignment, line numbers, Word w:ins/w:del). Keep the two
functions' signatures; they receive two validated Notes (issued, current) and return model
blocks / DOCX bytes."""
