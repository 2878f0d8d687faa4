import pytest


@pytest.fixture(autouse=True)
def _no_language_model(hashing_embedder):
    """These tests judge commands, files and exports, not themes: no MiniLM load (tests/conftest.py)."""
