"""Pipeline: load the whole meeting, render every document, write the outputs safely."""
