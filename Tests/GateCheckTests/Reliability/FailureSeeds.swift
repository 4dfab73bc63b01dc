import Foundation
@_spi(Internals) import GateCheck

/// A small, valid report of each kind, written for the failure matrix, with places to damage it.
///
/// `$N` is a number the parser reads (a count, a score, a size, a duration; pip-audit reads none, so there it sits
/// in a key pip-audit ignores), `$X` is where an extra member or element can go without changing the figures. Every
/// seed holds `é` and `😀` in a string, so that encodings are exercised with multi-byte and surrogate-pair text.
struct FailureSeed: Sendable {
    let kind: ReportKind
    let template: String
    /// The value of `$N` in the clean report.
    let number: String
    /// A `"key": value` (or `key="value"`) of the clean report, and the same with the key written twice.
    let duplicate: (once: String, twice: String)

    var isXML: Bool { [.cobertura, .junit, .jacoco, .nunit, .xunit, .trx].contains(kind) }

    /// The report with `$N` set to `number` and `extra` at `$X`.
    func text(number: String? = nil, extra: String = "") -> String {
        template.replacingOccurrences(of: "$N", with: number ?? self.number).replacingOccurrences(of: "$X", with: extra)
    }

    /// The clean report.
    var clean: String { text() }

    /// The text around `$X`, for reports generated on the fly.
    var aroundExtra: (before: String, after: String) {
        let parts = text(extra: "\u{0}").split(separator: "\u{0}", omittingEmptySubsequences: false)
        return (String(parts[0]), String(parts[1]))
    }

    /// An extra member or element that opens `depth` levels and closes them.
    func nested(_ depth: Int) -> String {
        isXML
            ? String(repeating: "<zz>", count: depth) + String(repeating: "</zz>", count: depth)
            : "\"zz\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ", "
    }

    /// What goes before and after a long text at `$X`: a string member, or an element's text.
    var textWrapper: (open: String, close: String) {
        isXML ? ("<zz>", "</zz>") : ("\"zz\": \"", "\", ")
    }

    static let all: [FailureSeed] = [
        FailureSeed(
            kind: .cobertura,
            template: """
                <?xml version="1.0" ?>
                <coverage version="7.6.1" line-rate="0.6667" branch-rate="0" lines-valid="3" lines-covered="2">
                \t<sources>
                \t\t<source>/src/projé 😀$X</source>
                \t</sources>
                \t<packages>
                \t\t<package name="app" line-rate="0.6667">
                \t\t\t<classes>
                \t\t\t\t<class name="a.py" filename="app/a.py" line-rate="0.6667">
                \t\t\t\t\t<lines>
                \t\t\t\t\t\t<line number="1" hits="$N"/>
                \t\t\t\t\t\t<line number="2" hits="1"/>
                \t\t\t\t\t\t<line number="3" hits="0"/>
                \t\t\t\t\t</lines>
                \t\t\t\t</class>
                \t\t\t</classes>
                \t\t</package>
                \t</packages>
                </coverage>

                """,
            number: "4", duplicate: (#"hits="$N""#, #"hits="$N" hits="0""#)),
        FailureSeed(
            kind: .junit,
            template: """
                <?xml version="1.0" encoding="utf-8"?>
                <testsuites name="all">
                  <testsuite name="unit" tests="2" failures="1" errors="0" skipped="0" time="0.3">
                    <testcase classname="tests.test_a" name="test_é" time="$N"/>
                    <testcase classname="tests.test_a" name="test_b" time="0.2">
                      <failure message="assert 1 == 2">trace 😀$X</failure>
                    </testcase>
                  </testsuite>
                </testsuites>

                """,
            number: "0.1", duplicate: (#"time="$N""#, #"time="$N" time="0""#)),
        FailureSeed(
            kind: .bandit,
            template: """
                {$X
                  "errors": [],
                  "generated_at": "2026-11-26T10:00:00Z",
                  "metrics": {"_totals": {"SEVERITY.HIGH": 1}},
                  "results": [
                    {"filename": "app/é.py", "issue_confidence": "HIGH", "issue_severity": "HIGH",
                     "issue_text": "subprocess call with shell=True 😀", "line_number": $N, "test_id": "B602",
                     "test_name": "subprocess_popen_with_shell_equals_true"}
                  ]
                }

                """,
            number: "3",
            duplicate: (#""issue_severity": "HIGH""#, #""issue_severity": "HIGH", "issue_severity": "LOW""#)),
        FailureSeed(
            kind: .safety,
            template: """
                {$X
                  "report_meta": {"safety_version": "3.6.1"},
                  "vulnerabilities": [
                    {"vulnerability_id": "44742", "package_name": "django", "analyzed_version": "4.0.1",
                     "advisory": "XSS in the debug tag é 😀", "fixed_versions": ["4.0.2"], "CVE": "CVE-2022-22818",
                     "severity": {"source": "CVE-2022-22818", "cvssv3": {"base_score": $N}}}
                  ],
                  "ignored_vulnerabilities": []
                }

                """,
            number: "9.8", duplicate: (#""base_score": $N"#, #""base_score": $N, "base_score": 1.0"#)),
        FailureSeed(
            kind: .pipAudit,
            template: """
                {$X
                  "dependencies": [
                    {"name": "jinja2", "version": "2.11.2", "vulns": [
                      {"id": "PYSEC-2021-66", "fix_versions": ["2.11.3"], "aliases": ["CVE-2020-28493"],
                       "description": "ReDoS in the urlize filter é 😀"}]},
                    {"name": "requests", "version": "2.32.4", "vulns": []}
                  ],
                  "fixes": [],
                  "audited": $N
                }

                """,
            number: "2", duplicate: (#""name": "jinja2""#, #""name": "jinja2", "name": "flask""#)),
        FailureSeed(
            kind: .sarif,
            template: """
                {$X
                  "version": "2.1.0",
                  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                  "runs": [{
                    "tool": {"driver": {"name": "Trivy", "rules": [
                      {"id": "CVE-2024-0001", "properties": {"security-severity": $N, "tags": ["security"]}}]}},
                    "results": [{"ruleId": "CVE-2024-0001", "level": "note", "message": {"text": "openssl é 😀"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/Dockerfile"},
                        "region": {"startLine": 3}}}]}]
                  }]
                }

                """,
            number: "9.8", duplicate: (#""level": "note""#, #""level": "note", "level": "error""#)),
        FailureSeed(
            kind: .trivyJSON,
            template: """
                {$X
                  "SchemaVersion": 2,
                  "ArtifactName": "app:1",
                  "ArtifactType": "container_image",
                  "Metadata": {"Size": $N},
                  "Results": [{"Target": "app:1 (debian 12)", "Class": "os-pkgs", "Type": "debian",
                    "Vulnerabilities": [{"VulnerabilityID": "CVE-2024-0002", "PkgName": "openssl",
                      "InstalledVersion": "3.0.1", "FixedVersion": "3.0.2", "Severity": "HIGH", "Title": "é 😀"}]}]
                }

                """,
            number: "123456789", duplicate: (#""Severity": "HIGH""#, #""Severity": "HIGH", "Severity": "LOW""#)),
        FailureSeed(
            kind: .accuracy,
            template: """
                {$X
                  "schema": "gatecheck.accuracy/v1",
                  "dataset": {"name": "support-qa é 😀", "size": 4},
                  "generated_at": "2026-11-26T10:00:00Z",
                  "metrics": {
                    "retrieval": {"value": $N, "samples": 4, "unscored": 0},
                    "attribution": {"value": 1, "samples": 4, "unscored": 0}
                  }
                }

                """,
            number: "0.75", duplicate: (#""value": $N"#, #""value": $N, "value": 1"#)),
        FailureSeed(
            kind: .image,
            template: """
                [
                  {$X
                    "Id": "sha256:6aa5558ddaa4ea8da912f579083411a290c3b77b57a33f9c85a554bf7e43a04e",
                    "RepoTags": ["ragservice:0.4.1"],
                    "Comment": "é 😀",
                    "Size": $N
                  }
                ]

                """,
            number: "398205112", duplicate: (#""Size": $N"#, #""Size": $N, "Size": 1"#)),
        FailureSeed(
            kind: .llmCost,
            template: """
                {$X
                  "schema": "gatecheck.llm-cost/v1",
                  "currency": "USD",
                  "generated_at": "2026-11-26T09:00:00Z",
                  "total_usd": $N,
                  "by_model": {
                    "gpt-4o-mini é 😀": {"input_tokens": 1000, "output_tokens": 200, "cost_usd": 0.25}
                  }
                }

                """,
            number: "0.25", duplicate: (#""total_usd": $N"#, #""total_usd": $N, "total_usd": 0"#)),
        FailureSeed(
            kind: .latency,
            template: """
                {$X
                  "schema": "gatecheck.latency/v1",
                  "target": "ragservice /answer é 😀",
                  "generated_at": "2026-11-26T09:00:00Z",
                  "p50_ms": 38.2,
                  "p95_ms": 91.5,
                  "p99_ms": $N,
                  "requests": 12000,
                  "error_rate": 0.0025
                }

                """,
            number: "140.0", duplicate: (#""p99_ms": $N"#, #""p99_ms": $N, "p99_ms": 1"#)),
        FailureSeed(
            kind: .promptfoo,
            template: """
                {$X
                  "evalId": "eval-é-😀",
                  "results": {
                    "version": 3,
                    "results": [
                      {"success": true, "score": 1, "failureReason": 0, "namedScores": {"retrieval": $N},
                       "testCase": {"description": "reset é 😀"}},
                      {"success": false, "score": 0, "failureReason": 1, "namedScores": {"retrieval": 0.5},
                       "testCase": {"description": "refund"}}
                    ],
                    "stats": {"successes": 1, "failures": 1, "errors": 0}
                  }
                }

                """,
            number: "0.75", duplicate: (#""retrieval": $N"#, #""retrieval": $N, "retrieval": 1"#)),
        FailureSeed(
            kind: .ragas,
            template: """
                ,user_input,response,reference,retrieval
                0,reset é 😀,Open Settings$X,Go to Settings > Account,$N
                1,refund,"No, sorry",Refunds within 14 days,0.5

                """,
            number: "0.75", duplicate: ("reference,retrieval", "reference,retrieval,retrieval")),
        FailureSeed(
            kind: .jacoco,
            template: """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <report name="projé 😀">
                  <sessioninfo id="s" start="1" dump="2"/>$X
                  <package name="org/demo">
                    <sourcefile name="Calé.java">
                      <line nr="3" mi="0" ci="$N" mb="1" cb="1"/>
                      <line nr="4" mi="2" ci="0" mb="0" cb="0"/>
                    </sourcefile>
                  </package>
                </report>

                """,
            number: "4", duplicate: (#"ci="$N""#, #"ci="$N" ci="0""#)),
        FailureSeed(
            kind: .nunit,
            template: """
                <?xml version="1.0" encoding="utf-8"?>
                <test-run id="2" testcasecount="2" total="2" passed="1" failed="1" skipped="0">
                  <test-suite type="Assembly" name="projé.dll">$X
                    <test-case name="Test_é" classname="Demo.Tests" result="Passed" duration="$N"/>
                    <test-case name="Test_b" classname="Demo.Tests" result="Failed" duration="0.2">
                      <failure><message><![CDATA[Expected 1 but was 2 😀]]></message></failure>
                    </test-case>
                  </test-suite>
                </test-run>

                """,
            number: "0.1", duplicate: (#"duration="$N""#, #"duration="$N" duration="0""#)),
        FailureSeed(
            kind: .xunit,
            template: """
                <?xml version="1.0" encoding="utf-8"?>
                <assemblies>
                  <assembly name="projé.dll" total="2" passed="1" failed="1" skipped="0" errors="0">
                    <collection name="Demo" total="2">
                      <test name="Demo.Tests.A_é" type="Demo.Tests" method="A_é" time="$N" result="Pass"/>
                      <test name="Demo.Tests.B" type="Demo.Tests" method="B" time="0.2" result="Fail">
                        <failure><message>Assert.Equal() Failure 😀$X</message></failure>
                      </test>
                    </collection>
                  </assembly>
                </assemblies>

                """,
            number: "0.1", duplicate: (#"time="$N""#, #"time="$N" time="0""#)),
        FailureSeed(
            kind: .trx,
            template: """
                <?xml version="1.0" encoding="utf-8"?>
                <TestRun id="1" name="run é" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
                  <Results>
                    <UnitTestResult testName="A_é" outcome="Passed" duration="00:00:$N"/>
                    <UnitTestResult testName="B" outcome="Failed" duration="00:00:00.2">
                      <Output><ErrorInfo><Message>Assert failed 😀$X</Message></ErrorInfo></Output>
                    </UnitTestResult>
                  </Results>
                  <ResultSummary outcome="Failed"><Counters total="2" passed="1" failed="1"/></ResultSummary>
                </TestRun>

                """,
            number: "0.1", duplicate: (#"duration="00:00:$N""#, #"duration="00:00:$N" duration="0""#)),
        FailureSeed(
            kind: .lcov,
            template: """
                TN:unit$X
                SF:src/projé 😀.c
                FN:1,main
                FNDA:1,main
                DA:1,$N
                DA:2,1
                DA:3,0
                BRDA:2,0,0,1
                BRDA:2,0,1,-
                BRF:2
                BRH:1
                LF:3
                LH:2
                end_of_record

                """,
            number: "4", duplicate: ("DA:1,$N", "DA:1,$N\nDA:1,0")),
        FailureSeed(
            kind: .coverageJSON,
            template: """
                {$X
                  "meta": {"format": 3, "version": "7.17.5", "timestamp": "2026-11-26T10:00:00", "branch_coverage": true},
                  "files": {
                    "app/é 😀.py": {
                      "executed_lines": [1, 2],
                      "summary": {"covered_lines": 2, "num_statements": 3, "missing_lines": 1, "num_branches": 2,
                        "covered_branches": 1, "missing_branches": 1},
                      "missing_lines": [$N],
                      "excluded_lines": [],
                      "executed_branches": [[2, 3]],
                      "missing_branches": [[2, -1]]
                    }
                  },
                  "totals": {"covered_lines": 2, "num_statements": 3, "num_branches": 2, "covered_branches": 1}
                }

                """,
            number: "3",
            duplicate: (#""executed_lines": [1, 2]"#, #""executed_lines": [1, 2], "executed_lines": [1]"#)),
        FailureSeed(
            kind: .goCover,
            template: """
                mode: count
                example.com/projé/😀/a.go$X:3.14,5.2 1 $N
                example.com/projé/😀/a.go:5.2,5.10 1 0
                example.com/projé/😀/a.go:7.20,9.2 2 1

                """,
            number: "4",
            duplicate: ("a.go:5.2,5.10 1 0", "a.go:5.2,5.10 1 0\nexample.com/projé/😀/a.go:5.2,5.10 1 0")),
        FailureSeed(
            kind: .goTestJSON,
            template: """
                {$X"Time":"2026-11-26T10:00:00Z","Action":"run","Package":"example.com/projé","Test":"TestA"}
                {"Time":"2026-11-26T10:00:00Z","Action":"output","Package":"example.com/projé","Test":"TestA","Output":"😀\\n"}
                {"Time":"2026-11-26T10:00:01Z","Action":"pass","Package":"example.com/projé","Test":"TestA","Elapsed":$N}
                {"Time":"2026-11-26T10:00:01Z","Action":"run","Package":"example.com/projé","Test":"TestB"}
                {"Time":"2026-11-26T10:00:01Z","Action":"fail","Package":"example.com/projé","Test":"TestB","Elapsed":0}
                {"Time":"2026-11-26T10:00:01Z","Action":"fail","Package":"example.com/projé","Elapsed":0.5}

                """,
            number: "0.1",
            duplicate: (#""Action":"run","Package""#, #""Action":"run","Action":"run","Package""#)),
        FailureSeed(
            kind: .k6,
            template: """
                {$X
                  "root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": {},
                    "checks": {"status é 😀": {"name": "status é 😀", "path": "::status é 😀", "id": "c", "passes": 10, "fails": 0}}},
                  "metrics": {
                    "http_req_duration": {"avg": 40.5, "min": 10.1, "med": 38.2, "max": 150, "p(90)": 80, "p(95)": 91.5, "p(99)": $N},
                    "http_reqs": {"count": 12000, "rate": 100},
                    "http_req_failed": {"passes": 30, "fails": 11970, "value": 0.0025}
                  }
                }

                """,
            number: "140.0", duplicate: (#""p(99)": $N"#, #""p(99)": $N, "p(99)": 1"#)),
        FailureSeed(
            kind: .locust,
            template: """
                Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\r
                GET,/é 😀$X,120,3,38,40.5,2.0,150.5,6.0,10.0,0.25,38,45,50,60,80,91,120,140,150,150,150\r
                ,Aggregated,120,3,38,40.5,2.0,150.5,6.0,10.0,0.25,38,45,50,60,80,91,120,$N,150,150,150\r

                """,
            number: "140", duplicate: ("99%,99.9%", "99%,99%,99.9%")),
    ]

    static func of(_ kind: ReportKind) -> FailureSeed {
        all.first { $0.kind == kind }!
    }
}
