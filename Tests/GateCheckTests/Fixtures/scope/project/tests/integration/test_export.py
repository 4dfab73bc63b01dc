import subprocess


def test_export_runs():
    # The same HIGH pattern in test code, which a src/** scope leaves out.
    name = "nightly"
    assert subprocess.call("false %s" % name, shell=True) == 0
