import pytest


@pytest.fixture(autouse=True)
def _no_language_model(request):
    """These tests judge the app (views, uploads, sign-in), not the language: no MiniLM load
    (tests/conftest.py) — except the browser tests, end to end with the real model, as a user sees it."""
    if "browser" not in request.module.__name__:
        request.getfixturevalue("hashing_embedder")
