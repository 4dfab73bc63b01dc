"""One test per pytest outcome, so gatecheck's JUnit counting can be checked against pytest's own summary.

Generated into ../outcomes-xunit1.xml and ../outcomes-xunit2.xml by scripts/generate-pytest-fixtures.sh.
Everything here behaves the same on every run (no randomness, no clock, no network).
"""

import sys

import pytest


def test_passes():
    assert 1 + 1 == 2


def test_fails_assertion():
    expected = {"answer": 42}
    assert expected == {"answer": 41}


def test_fails_with_exception():
    {}["missing-key"]


def test_fails_explicitly():
    pytest.fail("explicit pytest.fail() with a plain reason")


def test_error_in_fixture_setup(broken_setup):
    pass  # never runs: the fixture raises first


def test_error_in_teardown_after_passing_call(broken_teardown):
    assert broken_teardown == "resource"


def test_fails_and_then_teardown_errors(broken_teardown):
    assert broken_teardown == "something else"


def test_skip_imperative():
    pytest.skip("skipped from inside the test")


@pytest.mark.skip(reason="skipped by the skip marker")
def test_skip_marker():
    raise AssertionError("never runs")


@pytest.mark.skipif(sys.version_info >= (3,), reason="skipif condition is true on Python 3")
def test_skipif_marker():
    raise AssertionError("never runs")


@pytest.mark.xfail(reason="known bug: rounding is off by one")
def test_xfail_that_fails():
    assert round(2.5) == 3


def test_xfail_imperative():
    pytest.xfail("pytest.xfail() called inside the test")


@pytest.mark.xfail(reason="expected to fail but passes (non-strict)")
def test_xpass_non_strict():
    assert True


@pytest.mark.xfail(reason="expected to fail but passes (strict)", strict=True)
def test_xpass_strict():
    assert True


@pytest.mark.parametrize("value, expected", [(1, 1), (2, 4), (3, 9), (4, 15)], ids=["one", "two", "three", "four-wrong"])
def test_parametrized_square(value, expected):
    assert value * value == expected


@pytest.mark.parametrize("text", ["a<b", "x&y"])
def test_parametrized_ids_need_escaping(text):
    assert text


def test_prints_to_stdout_and_stderr():
    print("stdout line with <markup> & an ANSI escape \x1b[31mred\x1b[0m")
    print("stderr line: warning, résumé ✓", file=sys.stderr)


def test_failure_message_needs_escaping():
    message = "bad <tag attr=\"1\"> & ]]> in CDATA, naïve café 日本語, astral 😀 𝄞"
    assert message == "", message


def test_subtests_some_fail(subtests):
    for n in range(4):
        with subtests.test("checking parity", n=n):
            assert n % 2 == 0, f"{n} is odd"


def test_subtests_all_pass(subtests):
    for n in (2, 4):
        with subtests.test(n=n):
            assert n % 2 == 0


def test_subtests_one_skips(subtests):
    with subtests.test("first"):
        assert True
    with subtests.test("second"):
        pytest.skip("subtest skipped")


class TestInAClass:
    def test_method_passes(self):
        assert "gatecheck".startswith("gate")

    def test_method_fails(self):
        assert [1, 2, 3] == [1, 2, 4]
