"""Writing a note into the reference's empty document: body, inline runs, tables, footnotes, fields, page furniture."""
