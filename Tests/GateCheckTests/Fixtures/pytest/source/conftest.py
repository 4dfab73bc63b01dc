"""Fixtures for test_outcomes.py: each one fails at a different phase on purpose."""

import pytest


@pytest.fixture
def broken_setup():
    raise RuntimeError("database unavailable during setup")


@pytest.fixture
def broken_teardown():
    yield "resource"
    raise RuntimeError("could not release resource during teardown")
