"""Fixtures shared by every test folder.

- No test writes into the checkout: the default database (``ASKMAP_DB``) is a file in a session temp folder,
  and the browser tests' screenshots go to a temp folder unless ``ASKMAP_UPDATE_SCREENSHOTS=1`` asks for
  ``docs/screenshots/`` (that is how the README's pictures are refreshed).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _database_outside_the_checkout(tmp_path_factory):
    if "ASKMAP_DB" in os.environ:
        yield
        return
    os.environ["ASKMAP_DB"] = str(tmp_path_factory.mktemp("default-db") / "askmap.db")
    try:
        yield
    finally:
        os.environ.pop("ASKMAP_DB", None)


@pytest.fixture(scope="session")
def shots_dir(tmp_path_factory) -> Path:
    """Where the browser tests save their screenshots."""
    if os.environ.get("ASKMAP_UPDATE_SCREENSHOTS") == "1":
        d = ROOT / "docs" / "screenshots"
        d.mkdir(parents=True, exist_ok=True)
        return d
    return tmp_path_factory.mktemp("screenshots")
