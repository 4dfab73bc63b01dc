@_spi(Internals) import GateCheck
import Testing

/// Small reports written for these tests, one per parser and shape, so that every rule is checked without the
/// corpus too.
enum SecurityFixtures {
    static let bandit = """
        {"errors": [{"filename": "broken.py", "reason": "syntax error while parsing AST from file"}],
         "generated_at": "2026-02-01T00:00:00Z",
         "metrics": {"_totals": {"SEVERITY.HIGH": 9}},
         "results": [
          {"code": "3 subprocess.call(cmd, shell=True)\\n", "filename": "app/run.py",
           "issue_confidence": "HIGH", "issue_cwe": {"id": 78, "link": "https://cwe.mitre.org/data/definitions/78.html"},
           "issue_severity": "HIGH", "issue_text": "subprocess call with shell=True identified, security issue.",
           "line_number": 3, "line_range": [3], "test_id": "B602",
           "test_name": "subprocess_popen_with_shell_equals_true"},
          {"filename": "app\\\\util.py", "issue_confidence": "LOW", "issue_severity": "LOW",
           "issue_text": "Try, Except, Pass detected.", "line_number": 10, "test_id": "B110", "test_name": "try_except_pass"}
         ]}
        """

    static let pipAudit = """
        {"dependencies": [
          {"name": "jinja2", "version": "2.11.2", "vulns": [
            {"id": "PYSEC-2021-66", "fix_versions": ["2.11.3"], "aliases": ["CVE-2020-28493", "GHSA-g3rq-g295-4j3m"],
             "description": "ReDoS in the urlize filter"}]},
          {"name": "requests", "version": "2.32.4", "vulns": []},
          {"name": "Private-Pkg", "skip_reason": "Dependency not found on PyPI and could not be audited"},
          {"name": "gradio", "version": "5.10.0", "vulns": [{"id": "GHSA-5cpq-9538-jm2j", "fix_versions": [], "aliases": []}]}
         ], "fixes": []}
        """

    static let pipAuditLegacy = """
        [{"name": "jinja2", "version": "2.11.2", "vulns": [{"id": "PYSEC-2021-66", "fix_versions": ["2.11.3"]}]}]
        """

    static let safetyRows = """
        Warning: unpinned requirement 'flask' found, unable to check.
        [
          ["django", "<1.2.7", "1.2.2", "Session fixation.", "33063", "CVE-2011-4136"],
          ["httplib2", "<0.19.0", "0.18.1", "Regular expression DoS.", "39608", null, {"base_score": 7.5}]
        ]
        """

    static let safetyCheck = """
        +==============================================================================+
        DEPRECATED: this command (`check`) has been DEPRECATED.
        +==============================================================================+

        {
          "report_meta": {"safety_version": "3.6.1"},
          "vulnerabilities": [
            {"vulnerability_id": "44742", "package_name": "django", "analyzed_version": "4.0.1",
             "advisory": "XSS in the debug tag.", "fixed_versions": ["4.0.2"], "CVE": "CVE-2022-22818",
             "severity": {"source": "CVE-2022-22818", "cvssv2": null,
                          "cvssv3": {"base_score": 6.1, "base_severity": "MEDIUM"}}},
            {"vulnerability_id": "51340", "package_name": "Django", "analyzed_version": "4.0.1",
             "advisory": "DoS.", "fixed_versions": [], "CVE": null, "severity": null}
          ],
          "ignored_vulnerabilities": [{"vulnerability_id": "1", "package_name": "x"}]
        }

        +==============================================================================+
        """

    static let safetyScan = """
        {"meta": {"schema_version": "3.0", "scan_type": "scan"},
         "scan_results": {"files": [], "projects": [{"id": "p", "files": [
           {"location": "requirements.txt", "type": "requirements.txt", "results": {"dependencies": [
             {"name": "django", "specifications": [{"raw": "django==1.8.0", "vulnerabilities": {
               "known_vulnerabilities": [
                 {"id": "51340", "cve": {"name": "CVE-2022-41323", "cvssv3": {"base_score": 7.5, "base_severity": "HIGH"}}, "ignored": null, "vulnerable_spec": "<3.2.16"},
                 {"id": "38752", "ignored": {"code": "manual", "reason": "not reachable", "expires": null}, "vulnerable_spec": "<2.2.16"},
                 {"id": "99999", "vulnerable_spec": "<9"}],
               "remediation": {"recommended": "4.2.17", "other_recommended": ["5.1.4"], "vulnerabilities_found": 3}}}]}]}},
           {"location": "dev-requirements.txt", "type": "requirements.txt", "results": {"dependencies": [
             {"name": "django", "specifications": [{"raw": "django==1.8.0", "vulnerabilities": {
               "known_vulnerabilities": [{"id": "99999", "vulnerable_spec": "<9"}]}}]}]}}
         ]}]}}
        """

    static let trivy = """
        {"SchemaVersion": 2, "ArtifactName": "app:1", "ArtifactType": "container_image",
         "Metadata": {"Size": 123456789, "OS": {"Family": "alpine", "Name": "3.19"}},
         "Results": [
          {"Target": "app:1 (alpine 3.19)", "Class": "os-pkgs", "Type": "alpine", "Vulnerabilities": [
            {"VulnerabilityID": "CVE-2024-0001", "VendorIDs": ["ALPINE-1"], "PkgName": "musl", "InstalledVersion": "1.2.4",
             "FixedVersion": "1.2.4-r1, 1.2.5", "Status": "fixed", "Severity": "CRITICAL", "Title": "musl overflow"},
            {"VulnerabilityID": "CVE-2024-0002", "PkgName": "busybox", "InstalledVersion": "1.36", "Severity": "LOW"}]},
          {"Target": "Dockerfile", "Class": "config", "Type": "dockerfile",
           "MisconfSummary": {"Successes": 1, "Failures": 1},
           "Misconfigurations": [
            {"Type": "Dockerfile Security Check", "ID": "DS002", "AVDID": "AVD-DS-0002", "Title": "Root user",
             "Message": "Specify at least 1 USER command", "Severity": "HIGH", "Status": "FAIL",
             "CauseMetadata": {"StartLine": 4}},
            {"ID": "DS001", "Severity": "MEDIUM", "Status": "PASS"},
            {"ID": "DS005", "Severity": "LOW", "Status": "EXCEPTION"}]},
          {"Target": "config/.env", "Class": "secret", "Secrets": [
            {"RuleID": "aws-access-key-id", "Category": "AWS", "Severity": "CRITICAL", "Title": "AWS Access Key ID",
             "StartLine": 2, "Match": "AWS_ACCESS_KEY_ID=********************"}]},
          {"Target": "Python", "Class": "lang-pkgs", "Type": "python-pkg"}
         ]}
        """

    static let trivyLegacy = """
        [{"Target": "alpine:3.10 (alpine 3.10.2)", "Type": "alpine", "Vulnerabilities": [
           {"VulnerabilityID": "CVE-2019-1549", "PkgName": "openssl", "InstalledVersion": "1.1.1c-r0", "Severity": "MEDIUM"}]},
         {"Target": "app/Gemfile.lock", "Type": "bundler", "Vulnerabilities": null}]
        """

    static let sarif = """
        {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [
          {"tool": {"driver": {"name": "Trivy", "rules": [
             {"id": "CVE-2024-0001", "shortDescription": {"text": "a long help text"},
              "defaultConfiguration": {"level": "error"},
              "properties": {"security-severity": "6.5", "tags": ["vulnerability", "security", "HIGH"]}},
             {"id": "AVD-DS-0002", "defaultConfiguration": {"level": "error"},
              "properties": {"tags": ["misconfiguration", "security", "HIGH"]}}]}},
           "results": [
             {"ruleId": "CVE-2024-0001", "ruleIndex": 0, "level": "error",
              "message": {"text": "Package: musl\\nInstalled Version: 1.2.4\\nVulnerability CVE-2024-0001\\nSeverity: HIGH\\nFixed Version: 1.2.5\\nLink: x"},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": "library/app", "uriBaseId": "ROOTPATH"},
                 "region": {"startLine": 1}}}, {"physicalLocation": {"artifactLocation": {"uri": "other"}}}]},
             {"ruleId": "AVD-DS-0002", "ruleIndex": 1, "level": "error", "message": {"text": "Root user"},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///src/Docker%20file"}, "region": {"startLine": 4}}}]}]},
          {"tool": {"driver": {"name": "Lint", "rules": [{"id": "L1", "defaultConfiguration": {"level": "note"}}]},
                    "extensions": [{"name": "security-pack", "rules": [{"id": "S1", "properties": {"security-severity": 9.8}}]}]},
           "results": [
             {"ruleId": "L1", "message": {"text": "default level note"}},
             {"ruleId": "L2", "message": {"text": "no rule: warning"}},
             {"rule": {"id": "S1", "index": 0, "toolComponent": {"index": 0}}, "message": {"text": "extension rule"}},
             {"ruleId": "L1/sub", "level": "none", "message": {"text": "hierarchical id, level none"}},
             {"ruleId": "L1", "kind": "pass", "message": {"text": "not a finding"}},
             {"ruleId": "L1", "kind": "review", "message": {"text": "needs review"}},
             {"ruleId": "L1", "level": "error", "baselineState": "absent", "message": {"text": "fixed"}},
             {"ruleId": "L1", "level": "error", "baselineState": "unchanged", "message": {"text": "still there"}},
             {"ruleId": "L1", "level": "error", "suppressions": [{"kind": "inSource"}], "message": {"text": "suppressed"}},
             {"ruleId": "L1", "level": "error", "suppressions": [{"kind": "external", "status": "underReview"}],
              "message": {"text": "suppression under review"}}]}
        ]}
        """
}

@Suite("Security parsers")
struct SecurityParserTests {
    static let documents: [(ReportKind, String, String)] = [
        (.bandit, "bandit", SecurityFixtures.bandit), (.pipAudit, "pip-audit", SecurityFixtures.pipAudit),
        (.pipAudit, "pip-audit legacy", SecurityFixtures.pipAuditLegacy),
        (.safety, "safety rows", SecurityFixtures.safetyRows), (.safety, "safety check", SecurityFixtures.safetyCheck),
        (.safety, "safety scan", SecurityFixtures.safetyScan), (.trivyJSON, "trivy", SecurityFixtures.trivy),
        (.trivyJSON, "trivy legacy", SecurityFixtures.trivyLegacy), (.sarif, "sarif", SecurityFixtures.sarif),
    ]
    static let cases = documents.map { JSONCase("\($0.0.rawValue): \($0.1)", $0.2) }

    /// The JSON of a fixture without Safety's banner lines, which are not JSON for the other parsers.
    private static func withoutBanner(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.firstIndex { $0.first == "{" || $0.first == "[" } ?? 0
        let last = lines.lastIndex { $0.first == "}" || $0.first == "]" } ?? lines.count - 1
        return first <= last ? lines[first...last].joined(separator: "\n") : text
    }

    private static func kind(_ document: JSONCase) -> ReportKind {
        documents.first { "\($0.0.rawValue): \($0.1)" == document.name }!.0
    }

    @Test("Bandit: results by severity and confidence, test name as alias, errors not audited")
    func bandit() throws {
        let loaded = try readFindings(.bandit, SecurityFixtures.bandit)
        let report = try findings(loaded)
        #expect(report.severityCounts == [.high: 1, .low: 1])
        let first = try #require(report.findings.first)
        #expect(first.id == "B602" && first.aliases == ["subprocess_popen_with_shell_equals_true"])
        #expect(first.confidence == .high && first.severitySource == "Bandit issue_severity HIGH")
        #expect(first.location == Finding.Location(path: "app/run.py", line: 3))
        #expect(report.notAudited == ["broken.py: syntax error while parsing AST from file"])
        #expect(loaded.diagnostics.map(\.code) == ["bandit.errors"])
    }

    @Test("pip-audit: unknown severity, fix versions, aliases, skipped dependencies; both shapes")
    func pipAudit() throws {
        let report = try findings(try readFindings(.pipAudit, SecurityFixtures.pipAudit))
        #expect(report.severityCounts == [.unknown: 2])
        #expect(report.counts.count { _, _, fixable, _ in fixable } == 1)
        let jinja = try #require(report.findings.first { $0.id == "PYSEC-2021-66" })
        #expect(jinja.package == Finding.Package(name: "jinja2", version: "2.11.2", fixVersions: ["2.11.3"]))
        #expect(jinja.aliases == ["CVE-2020-28493", "GHSA-g3rq-g295-4j3m"])
        #expect(report.notAudited == ["Private-Pkg: Dependency not found on PyPI and could not be audited"])
        let legacy = try findings(try readFindings(.pipAudit, SecurityFixtures.pipAuditLegacy))
        #expect(legacy.severityCounts == [.unknown: 1])
    }

    @Test("Safety: 1.x rows after a warning line, CVE as alias, CVSS score band")
    func safetyRows() throws {
        let report = try findings(try readFindings(.safety, SecurityFixtures.safetyRows))
        #expect(report.severityCounts == [.unknown: 1, .high: 1])
        let django = try #require(report.findings.first { $0.id == "33063" })
        #expect(django.aliases == ["CVE-2011-4136"] && django.package?.version == "1.2.2")
    }

    @Test("Safety: check object inside its banner; ignored vulnerabilities are suppressed by the tool")
    func safetyCheck() throws {
        let report = try findings(try readFindings(.safety, SecurityFixtures.safetyCheck))
        #expect(report.severityCounts == [.medium: 1, .unknown: 1])
        #expect(report.suppressedByTool == 1)
        let django = try #require(report.findings.first { $0.id == "44742" })
        #expect(django.severitySource == "CVSS v3 base_severity MEDIUM" && django.isFixable)
    }

    @Test("Safety: scan report, deduplicated across files, ignored entries suppressed, remediation as fixes")
    func safetyScan() throws {
        let report = try findings(try readFindings(.safety, SecurityFixtures.safetyScan))
        #expect(report.severityCounts == [.high: 1, .unknown: 1])
        #expect(report.suppressedByTool == 1)
        let high = try #require(report.findings.first)
        #expect(high.package == Finding.Package(name: "django", version: "1.8.0", fixVersions: ["4.2.17", "5.1.4"]))
        #expect(high.location?.path == "requirements.txt" && high.aliases == ["CVE-2022-41323"])
    }

    @Test("Trivy JSON: vulnerabilities, failed misconfigurations, secrets without their match, image size")
    func trivy() throws {
        let report = try findings(try readFindings(.trivyJSON, SecurityFixtures.trivy))
        #expect(report.severityCounts == [.critical: 2, .high: 1, .low: 1])
        #expect(report.suppressedByTool == 1)
        #expect(report.imageSizeBytes == 123_456_789)
        let musl = try #require(report.findings.first { $0.id == "CVE-2024-0001" })
        #expect(musl.package?.fixVersions == ["1.2.4-r1", "1.2.5"] && musl.aliases == ["ALPINE-1"])
        #expect(musl.location?.path == "app:1 (alpine 3.19)")
        let misconfiguration = try #require(report.findings.first { $0.id == "DS002" })
        #expect(misconfiguration.location == Finding.Location(path: "Dockerfile", line: 4))
        #expect(misconfiguration.aliases == ["AVD-DS-0002"])
        let secret = try #require(report.findings.first { $0.id == "aws-access-key-id" })
        #expect(!secret.message.contains("AWS_ACCESS_KEY_ID"))
        let legacy = try findings(try readFindings(.trivyJSON, SecurityFixtures.trivyLegacy))
        #expect(legacy.severityCounts == [.medium: 1])
        #expect(try findings(try readFindings(.trivyJSON, "null")).severityCounts.isEmpty)
        #expect(
            try findings(try readFindings(.trivyJSON, #"{"SchemaVersion": 2, "ArtifactName": "x"}"#)).findings.isEmpty)
    }

    @Test("SARIF: one finding per result, rule lookup, levels, kinds, suppressions and baseline")
    func sarif() throws {
        let loaded = try readFindings(.sarif, SecurityFixtures.sarif)
        let report = try findings(loaded)
        var byID: [String: [Finding]] = [:]
        for finding in report.findings { byID[finding.id, default: []].append(finding) }
        // security-severity 6.5 wins over the HIGH tag and the error level.
        let vulnerability = try #require(byID["CVE-2024-0001"]?.first)
        #expect(vulnerability.severity == .medium && vulnerability.severitySource == "security-severity 6.5")
        #expect(vulnerability.package == Finding.Package(name: "musl", version: "1.2.4", fixVersions: ["1.2.5"]))
        #expect(vulnerability.location == Finding.Location(path: "library/app", line: 1))
        // No security-severity: Trivy's severity tag.
        let misconfiguration = try #require(byID["AVD-DS-0002"]?.first)
        #expect(misconfiguration.severity == .high && misconfiguration.severitySource == "severity tag HIGH")
        #expect(misconfiguration.location?.path == "/src/Docker file")
        // Levels: the rule's default (note → low), none (warning → medium), an extension rule's security-severity.
        #expect(byID["L2"]?.map(\.severity) == [.medium])
        #expect(byID["S1"]?.map(\.severity) == [.critical])
        #expect(byID["L1/sub"]?.map(\.severity) == [.unknown])
        // L1: default note, "still there" (unchanged baseline) error, under-review suppression error.
        #expect(byID["L1"]?.map(\.severity).sorted() == [.low, .high, .high].sorted())
        #expect(report.suppressedByTool == 1)
        #expect(report.countsByTool.keys.sorted() == ["Lint", "Trivy"])
        #expect(loaded.diagnostics.map(\.code) == ["sarif.needs-review"])
    }

    @Test("SARIF: the 2020 Trivy template's [SEVERITY] rule id prefix gives the severity, the id is the CVE")
    func trivyTemplate() throws {
        let text = """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Trivy", "rules": [
              {"id": "[LOW] CVE-2019-1", "defaultConfiguration": null, "properties": {"tags": ["openssl"]}}]}},
             "results": [{"ruleId": "[LOW] CVE-2019-1", "ruleIndex": 0, "level": "error", "message": {"text": "x"}}]}]}
            """
        let finding = try #require(try findings(try readFindings(.sarif, text)).findings.first)
        #expect(finding.id == "CVE-2019-1" && finding.severity == .low)
    }

    @Test("SARIF: results before the tool are held and resolved when it comes")
    func resultsBeforeTool() throws {
        let text = """
            {"runs": [{"results": [{"ruleId": "R", "message": {"text": "x"}}],
              "tool": {"driver": {"name": "Late", "rules": [{"id": "R", "defaultConfiguration": {"level": "error"}}]}}}],
             "version": "2.1.0"}
            """
        let report = try findings(try readFindings(.sarif, text))
        #expect(report.severityCounts == [.high: 1] && report.countsByTool.keys.sorted() == ["Late"])
    }

    @Test(
        "SARIF: values outside the enumerations and a missing version are refused",
        arguments: [
            (
                #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [{"level": "fatal"}]}]}"#,
                "report.invalid-value"
            ),
            (
                #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [{"kind": "FAIL"}]}]}"#,
                "report.invalid-value"
            ),
            (
                #"{"version": "2.1.0", "runs": [{"results": [{"suppressions": [{"status": "maybe"}]}]}]}"#,
                "report.invalid-value"
            ),
            (#"{"runs": []}"#, "report.invalid-value"),
            (#"{"version": "2.0.0", "runs": []}"#, "report.invalid-value"),
        ])
    func sarifRefusals(_ text: String, _ code: String) {
        #expect(readError(.sarif, Array(text.utf8))?.code == code)
    }

    @Test("Every parser reads the same in 1- and 7-byte chunks as in one", arguments: cases, [1, 7])
    func chunks(_ document: JSONCase, _ chunk: Int) throws {
        let kind = Self.kind(document)
        let whole = try readFindings(kind, document.bytes)
        let chunked = try readFindings(kind, document.bytes, chunk: chunk)
        #expect(chunked == whole)
    }

    @Test("Every parser reports a report cut short as truncated, wherever it is cut", arguments: cases)
    func truncated(_ document: JSONCase) {
        let kind = Self.kind(document)
        let bytes = document.bytes
        let start = bytes.firstIndex { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }!
        // Cutting inside the trailing banner of a Safety report leaves a complete report.
        let end = bytes.lastIndex { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }!
        for cut in stride(from: start + 1, to: end, by: max(1, (end - start) / 40)) {
            let error = readError(kind, Array(bytes.prefix(cut)))
            #expect(error?.code == "report.truncated", "\(document.name) cut at \(cut): \(String(describing: error))")
        }
    }

    @Test("Every parser refuses JSON of another kind as the wrong kind", arguments: cases)
    func wrongKind(_ document: JSONCase) {
        let kind = Self.kind(document)
        let others = Self.documents.filter { $0.0 != kind && !($0.0 == .trivyJSON && $0.1 == "trivy legacy") }
        for other in others + [(.bandit, "number", "42"), (.bandit, "object", #"{"hello": "world"}"#)] {
            // A legacy pip-audit list and a legacy Trivy list are both lists of objects; each parser says why not.
            let error = readError(kind, Array(Self.withoutBanner(other.2).utf8))
            guard case .wrongKind(let expected, let found)? = error else {
                Issue.record(
                    "\(kind.rawValue) reading \(other.1): expected wrong kind, got \(String(describing: error))")
                continue
            }
            #expect(expected == kind && !found.isEmpty)
        }
    }

    @Test("Bandit's XML output is recognised and not read as JUnit, whose errored tests it would fake")
    func banditXMLIsNotJUnit() {
        let xml = """
            <?xml version='1.0' encoding='utf-8'?>
            <testsuite name="bandit" tests="1"><testcase classname="app.py" name="exec_used"><error type="MEDIUM" \
            message="Use of exec detected.">Test ID: B102</error></testcase></testsuite>
            """
        // Recognised but not read: an error (never ignored, which would pass its findings).
        guard
            case .unreadable(.wrongKind(.bandit, let reason)) = ReportDetector.detect(
                prefix: Array(xml.utf8), isWholeFile: true)
        else {
            Issue.record("Bandit XML was not refused")
            return
        }
        #expect(reason.contains("bandit -f json"))
    }

    @Test("An empty or blank report is empty, and a report over the size limit is too large")
    func emptyAndTooLarge() throws {
        for (kind, _, _) in Self.documents {
            #expect(readError(kind, Array("  \n".utf8)) == .empty)
        }
        var source = BytesSource(SecurityFixtures.bandit)
        let options = ReadOptions(limits: ParseLimits(maxReportBytes: 100), today: testToday)
        #expect(throws: ReportError.tooLarge(limit: 100)) {
            try ReportReader.read(.bandit, from: &source, path: "big.json", options: options)
        }
    }
}
