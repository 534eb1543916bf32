"""Collected tests -> a JSON list of each test's markers and fixtures (a pytest plugin, for test_tiers.py).

Loaded with `-p tiers_listing` (tests/ on PYTHONPATH) into a `--collect-only` run; writes the file
named by the environment variable TOOLKIT_TIERS_LISTING.
"""

from __future__ import annotations

import json
import os


def pytest_collection_finish(session) -> None:
    listing = [{"test": item.nodeid, "markers": sorted({mark.name for mark in item.iter_markers()}),
                "fixtures": sorted(getattr(item, "fixturenames", ()))} for item in session.items]
    with open(os.environ["TOOLKIT_TIERS_LISTING"], "w", encoding="utf-8") as out:
        json.dump(listing, out)
