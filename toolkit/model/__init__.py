"""Model: the frozen document model both renderers read; every number and word is decided here."""
