"""gatecheck.check against the command-line tool, on the same inputs in the same working directory."""

import concurrent.futures
import json
import os
import shutil
from pathlib import Path

import gatecheck
import pytest
from conftest import REPO, run_cli

SAMPLES = REPO / "sample-reports"
WAIVED = REPO / "Tests" / "CABI" / "waived"


@pytest.mark.parametrize(
    "sample, config, expected",
    [("passing", "gates.json", 0), ("failing", "gates.json", 1), ("passing", None, 0), ("failing", None, 1)],
)
def test_same_verdict_as_the_cli_on_the_samples(monkeypatch, sample, config, expected):
    monkeypatch.chdir(SAMPLES)
    code, cli_verdict = run_cli(SAMPLES, (["--config", config] if config else []) + [sample])
    verdict = gatecheck.check(sample, config=config)
    assert code == expected
    assert verdict["exit_code"] == expected
    assert verdict == cli_verdict


def test_reports_in_memory_give_the_verdict_of_their_files(monkeypatch):
    monkeypatch.chdir(SAMPLES)
    pairs = [(f"failing/{path.name}", path.read_bytes()) for path in sorted((SAMPLES / "failing").iterdir())]
    assert gatecheck.check(pairs, config="gates.json") == gatecheck.check(["failing"], config="gates.json")


def test_every_form_of_the_configuration_gives_the_same_verdict(monkeypatch):
    monkeypatch.chdir(SAMPLES)
    text = (SAMPLES / "gates.json").read_text()
    by_path = gatecheck.check("failing", config=SAMPLES / "gates.json")
    assert by_path["exit_code"] == 1
    for config in ("gates.json", text, text.encode()):
        assert gatecheck.check("failing", config=config) == by_path
    # A dict is written back as JSON by Python, which spells 0.80 as 0.8: the bounds are the same, their text is not.
    by_dict = gatecheck.check("failing", config=json.loads(text))
    assert [gate["status"] for gate in by_dict["gates"]] == [gate["status"] for gate in by_path["gates"]]
    assert (by_path["gates"][0]["threshold_text"], by_dict["gates"][0]["threshold_text"]) == ("0.80", "0.8")


def test_waived_finding_passes_as_with_the_cli_until_the_waiver_expires(monkeypatch):
    monkeypatch.chdir(WAIVED)
    code, cli_verdict = run_cli(WAIVED, ["--config", "gates.json", "bandit.json"])
    verdict = gatecheck.check(["bandit.json"], config="gates.json")
    assert code == 0 and verdict == cli_verdict
    assert [(finding["id"], finding["waiver"]["expires"]) for finding in verdict["gates"][0]["waived"]] == [
        ("B602", "2099-12-31")
    ]
    expired = gatecheck.check(["bandit.json"], config="gates.json", today="2100-01-01")
    assert expired["exit_code"] == 1
    assert "waiver.expired" in [diagnostic["code"] for diagnostic in expired["diagnostics"]]


def test_a_walked_directory_ignores_what_is_not_a_report_as_the_cli_does(tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    (reports / "nested").mkdir(parents=True)
    shutil.copy(SAMPLES / "passing" / "junit.xml", reports / "nested" / "junit.xml")
    (reports / "notes.txt").write_text("not a report\n")
    (reports / ".hidden.xml").write_text("<broken")
    monkeypatch.chdir(tmp_path)
    code, cli_verdict = run_cli(tmp_path, ["reports"])
    verdict = gatecheck.check("reports")
    assert code == 0 and verdict == cli_verdict
    assert [file["path"] for file in verdict["ignored"]] == ["reports/notes.txt"]
    # Named on purpose, the same file is an error, for both.
    code, cli_verdict = run_cli(tmp_path, ["reports/notes.txt", "reports/nested"])
    verdict = gatecheck.check(["reports/notes.txt", "reports/nested"])
    assert code == 2 and verdict == cli_verdict



def test_a_linked_directory_is_walked_and_a_link_back_is_not_as_the_cli_does(tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    elsewhere = tmp_path / "elsewhere"
    reports.mkdir()
    elsewhere.mkdir()
    shutil.copy(SAMPLES / "passing" / "coverage.xml", reports / "coverage.xml")
    shutil.copy(SAMPLES / "failing" / "junit.xml", elsewhere / "junit.xml")
    (reports / "test-results").symlink_to(elsewhere)
    (elsewhere / "up").symlink_to("..")
    (elsewhere / "back").symlink_to(reports)
    monkeypatch.chdir(tmp_path)
    code, cli_verdict = run_cli(tmp_path, ["reports"])
    verdict = gatecheck.check("reports")
    # The failing JUnit report behind the link is read (tests fail), once; the links back end the walk.
    assert code == 1 and verdict == cli_verdict

@pytest.mark.parametrize("today", ["2026-02-30", "03/12/2026", ""])
def test_a_bad_date_is_exit_2(today):
    verdict = gatecheck.check([("junit.xml", (SAMPLES / "passing" / "junit.xml").read_bytes())], today=today)
    assert verdict["exit_code"] == 2 and verdict["status"] == "error"
    assert [d["code"] for d in verdict["diagnostics"]] == ["api.invalid-argument"]
    assert today in verdict["diagnostics"][0]["message"]


def test_a_bad_configuration_is_exit_2_with_its_problem():
    verdict = gatecheck.check(SAMPLES / "passing", config={"version": 1, "gates": [{"id": "x", "metric": "no"}]})
    assert verdict["exit_code"] == 2
    assert "config.unknown-metric" in [d["code"] for d in verdict["diagnostics"]]


def test_no_reports_is_exit_2_and_a_name_that_is_not_utf8_is_refused():
    assert gatecheck.check([])["exit_code"] == 2
    verdict = gatecheck.check([("junit-\udcff.xml", (SAMPLES / "passing" / "junit.xml").read_bytes())])
    assert verdict["exit_code"] == 2
    assert [d["file"] for d in verdict["diagnostics"] if d["code"] == "input.unreadable"] == ["junit-\ufffd.xml"]


def test_threads_get_the_same_verdict(monkeypatch):
    monkeypatch.chdir(SAMPLES)
    def run(_):
        return gatecheck.check("failing", config="gates.json", today="2026-12-03")

    expected = run(None)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        verdicts = list(pool.map(run, range(16)))
    assert expected["exit_code"] == 1
    assert all(verdict == expected for verdict in verdicts)


def test_version_is_the_cli_version():
    cli = REPO / ".build" / "release" / "gatecheck"
    assert os.popen(f"{cli} --version").read().strip() == gatecheck.version()


def test_the_library_is_found_through_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GATECHECK_LIBRARY", str(tmp_path / "elsewhere.so"))
    assert gatecheck.library_path() == tmp_path / "elsewhere.so"
