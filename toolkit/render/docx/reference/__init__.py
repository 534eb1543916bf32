"""templates/reference.docx: opening and checking it (target, guard) and generating it (house_style, make)."""
