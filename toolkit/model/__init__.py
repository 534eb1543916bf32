"""Model: the frozen document model both renderers read; every number and word is decided here.

build.py is the stage that builds it from the sources (read, number, issue, report, check); the
other modules are its vocabulary (the nodes and words sources/ fills in) and its steps."""
