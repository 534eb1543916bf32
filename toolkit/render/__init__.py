"""Renderers: the document model -> HTML/PDF and DOCX. They place; they never count."""
