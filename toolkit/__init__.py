"""toolkit: the meeting documents of the NEASPEC secretariat, built from sources."""

__version__ = "0.1.0"
