"""A healthy module next to the broken one: it runs only with --continue-on-collection-errors."""


def test_still_runs():
    assert True


def test_still_runs_too():
    assert "ok"
