import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The change metrics of issue 12's second half, on real reports: disclosed vs introduced vulnerabilities
/// (pip-audit, Trivy), SARIF fingerprints that follow the code (CodeQL, Semgrep) and regressed accuracy samples.
struct BaselineChangeTests {
    static let findingsGates = """
        { "version": 1, "gates": [
          { "id": "new", "metric": "findings.new", "max": 0 },
          { "id": "introduced", "metric": "findings.new_introduced", "max": 0 },
          { "id": "disclosed", "metric": "findings.new_disclosed", "level": "warn", "max": 0 }
        ] }
        """

    /// The verdict and the baseline a run over `inputs` writes.
    static func run(_ gates: String, _ inputs: [ReportInput], baseline: BaselineContext = .none) throws -> (
        verdict: Verdict, baseline: Baseline
    ) {
        var checker = GateChecker(configuration: try Configuration(json: gates), today: Build.today)
        checker.collectsBaselineData = true
        checker.baseline = baseline
        let prepared = try inputs.map(checker.prepare)
        let plan = checker.plan(prepared)
        var collection = ReportCollection(plan: plan)
        for input in prepared { checker.read(input, plan: plan, into: &collection) }
        let verdict = checker.verdict(collection)
        return (verdict, checker.baseline(of: collection, verdict: verdict, meta: [:]))
    }

    /// A run's gates by id, against the baseline of another run over the same gates.
    static func compare(_ gates: String, base: [ReportInput], head: [ReportInput]) throws -> [String: GateResult] {
        let (_, baseline) = try run(gates, base)
        let (verdict, _) = try run(gates, head, baseline: .loaded(baseline, name: "base.json"))
        return Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
    }

    /// A JSON corpus file with `edit` applied to its decoded value, as a report input.
    static func edited(_ path: String, _ edit: (inout Any) throws -> Void) throws -> ReportInput {
        var value = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(path)))
        try edit(&value)
        return ReportInput(
            name: path,
            bytes: Array(try JSONSerialization.data(withJSONObject: value, options: .withoutEscapingSlashes)))
    }

    /// pip-audit's `dependencies[]` entry of `name`, changed by `edit`.
    static func pipAudit(_ path: String, package name: String, _ edit: @escaping (inout [String: Any]) -> Void)
        throws -> ReportInput
    {
        try edited(path) { value in
            var root = try #require(value as? [String: Any])
            var dependencies = try #require(root["dependencies"] as? [[String: Any]])
            let index = try #require(dependencies.firstIndex { $0["name"] as? String == name })
            edit(&dependencies[index])
            root["dependencies"] = dependencies
            value = root
        }
    }

    static let tnfr = "corpus/pip-audit/TNFR-Python-Engine/pip-audit.json"

    @Test("pip-audit: a vulnerability of pip 24.0, which the baseline's run had clean, is disclosed, not introduced")
    func pipAuditDisclosed() throws {
        // The real report: pip 24.0 has GHSA-4xh5-x5gv-qwph. The baseline models the day before the advisory: the
        // same dependencies, pip 24.0 without vulnerabilities.
        let base = try Self.pipAudit(Self.tnfr, package: "pip") { $0["vulns"] = [] }
        let head = ReportInput(name: "pip-audit.json", bytes: try Fixtures.bytes(Self.tnfr))
        let (_, baseline) = try Self.run(Self.findingsGates, [base])
        #expect(baseline.packages?.contains("pip@24.0") == true)
        // Every audited dependency with a version is listed, clean ones too (81 in the report, all audited).
        #expect(baseline.packages?.count == 81)
        let gates = try Self.compare(Self.findingsGates, base: [base], head: [head])
        #expect(gates["new"]?.actual == .integer(1) && gates["new"]?.status == .fail)
        #expect(gates["introduced"]?.actual == .integer(0) && gates["introduced"]?.status == .pass)
        #expect(gates["disclosed"]?.actual == .integer(1) && gates["disclosed"]?.status == .warn)
        // Every findings change gate shows both figures.
        #expect(gates["introduced"]?.message.contains("0 (0 introduced, 1 disclosed)") == true)
        #expect(gates["new"]?.details.first?.contains("disclosed: pip@24.0 was in the baseline") == true)
    }

    @Test("a disclosed finding over many versions names the first four the baseline lists, sorted, and counts the rest")
    func disclosedNames() throws {
        // pip-audit lists a package once per version it found; six versions of one package, clean in the baseline.
        func report(vulnerable: Bool) -> ReportInput {
            let dependencies = [7, 3, 12, 5, 9, 1].map { minor in
                let vulns =
                    vulnerable ? #"[{"id": "PYSEC-1", "fix_versions": [], "aliases": [], "description": "d"}]"# : "[]"
                return #"{"name": "Jinja2", "version": "2.\#(minor).0", "vulns": \#(vulns)}"#
            }
            return ReportInput(
                name: "pip-audit.json",
                bytes: Array(#"{"dependencies": [\#(dependencies.joined(separator: ","))], "fixes": []}"#.utf8))
        }
        // The baseline as the run wrote it, and as a later run reads it from the file (its packages as bytes).
        let (_, written) = try Self.run(Self.findingsGates, [report(vulnerable: false)])
        let read = BaselineCodec.decode(BaselineCodec.encode(written), name: "base.json")
        for baseline in [BaselineContext.loaded(written, name: "base.json"), read] {
            let (verdict, _) = try Self.run(Self.findingsGates, [report(vulnerable: true)], baseline: baseline)
            let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
            #expect(gates["disclosed"]?.actual == .integer(6))
            let detail = try #require(gates["new"]?.details.first)
            #expect(
                detail.contains(
                    "disclosed: jinja2@2.1.0, jinja2@2.12.0, jinja2@2.3.0, jinja2@2.5.0 and 2 more was in the baseline"),
                "\(detail)")
        }
    }

    @Test("pip-audit: upgrading into pip 24.0 from a clean 23.3.2 introduces its vulnerability")
    func pipAuditIntroduced() throws {
        let base = try Self.pipAudit(Self.tnfr, package: "pip") {
            $0["version"] = "23.3.2"
            $0["vulns"] = []
        }
        let head = ReportInput(name: "pip-audit.json", bytes: try Fixtures.bytes(Self.tnfr))
        let gates = try Self.compare(Self.findingsGates, base: [base], head: [head])
        #expect(gates["introduced"]?.actual == .integer(1) && gates["introduced"]?.status == .fail)
        #expect(gates["disclosed"]?.actual == .integer(0) && gates["disclosed"]?.status == .pass)
        #expect(gates["introduced"]?.details.first?.contains("GHSA-4xh5-x5gv-qwph in pkg:pip") == true)
        #expect(gates["introduced"]?.details.first?.contains("introduced") == true)
    }

    @Test("a baseline without a package list (older gatecheck) cannot judge introduced or disclosed: exit 2")
    func noPackageList() throws {
        let head = ReportInput(name: "pip-audit.json", bytes: try Fixtures.bytes(Self.tnfr))
        var (_, baseline) = try Self.run(Self.findingsGates, [head])
        baseline.packages = nil
        let (verdict, _) = try Self.run(Self.findingsGates, [head], baseline: .loaded(baseline, name: "old.json"))
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        #expect(gates["introduced"]?.status == .error && gates["introduced"]?.message.contains("package list") == true)
        #expect(gates["new"]?.status == .pass)
        #expect(verdict.status == .error && verdict.status.exitCode == 2)
    }

    static let trivy = "corpus/trivy-json/django-DefectDojo/scheme_2_many_vulns.json"

    /// The Trivy report with `Results[2]` (commons-compress-1.14.jar, CVE-2018-11771 and CVE-2018-1324) edited.
    static func trivyJar(_ edit: @escaping (inout [[String: Any]]) -> Void) throws -> ReportInput {
        try edited(Self.trivy) { value in
            var root = try #require(value as? [String: Any])
            var results = try #require(root["Results"] as? [[String: Any]])
            var vulnerabilities = try #require(results[2]["Vulnerabilities"] as? [[String: Any]])
            edit(&vulnerabilities)
            results[2]["Vulnerabilities"] = vulnerabilities
            root["Results"] = results
            value = root
        }
    }

    @Test("Trivy: CVE-2018-1324 in the same commons-compress 1.14 is disclosed; after an upgrade from 1.13, introduced")
    func trivyDisclosedOrIntroduced() throws {
        let head = ReportInput(name: "trivy.json", bytes: try Fixtures.bytes(Self.trivy))
        // The day before CVE-2018-1324 was known: the jar at 1.14 had only CVE-2018-11771.
        let older = try Self.trivyJar { $0.removeLast() }
        let disclosed = try Self.compare(Self.findingsGates, base: [older], head: [head])
        #expect(disclosed["new"]?.actual == .integer(1))
        #expect(disclosed["disclosed"]?.actual == .integer(1) && disclosed["introduced"]?.actual == .integer(0))
        #expect(
            disclosed["disclosed"]?.details.first?.contains(
                "CVE-2018-1324 in pkg:org-apache-commons:commons-compress") == true)
        // The baseline ran commons-compress 1.13 (its CVE-2018-11771 already known): 1.14 brings CVE-2018-1324.
        let upgrade = try Self.trivyJar { vulnerabilities in
            vulnerabilities.removeLast()
            vulnerabilities[0]["InstalledVersion"] = "1.13"
        }
        let introduced = try Self.compare(Self.findingsGates, base: [upgrade], head: [head])
        #expect(introduced["introduced"]?.actual == .integer(1) && introduced["disclosed"]?.actual == .integer(0))
    }

    static let safety = "corpus/safety/safety/report_with_recommended_fix.json"

    @Test("Safety: a scanned package's vulnerability at the same version is disclosed; after an upgrade, introduced")
    func safetyDisclosedOrIntroduced() throws {
        let head = ReportInput(name: "safety.json", bytes: try Fixtures.bytes(Self.safety))
        // The report's four vulnerabilities are all django 4.0.1's. Before the database knew them: none, and django
        // 4.0.1 among the scanned packages (Safety lists every package it checked).
        let older = try Self.edited(Self.safety) { value in
            var root = try #require(value as? [String: Any])
            root["vulnerabilities"] = [Any]()
            value = root
        }
        let (_, baseline) = try Self.run(Self.findingsGates, [older])
        #expect(baseline.packages?.contains("django@4.0.1") == true)
        let disclosed = try Self.compare(Self.findingsGates, base: [older], head: [head])
        #expect(disclosed["disclosed"]?.actual == .integer(4) && disclosed["introduced"]?.actual == .integer(0))
        // The baseline scanned django 3.2.12 instead: 4.0.1's vulnerabilities came with the upgrade.
        let upgrade = try Self.edited(Self.safety) { value in
            var root = try #require(value as? [String: Any])
            root["vulnerabilities"] = [Any]()
            var packages = try #require(root["scanned_packages"] as? [String: Any])
            var django = try #require(packages["django"] as? [String: Any])
            django["version"] = "3.2.12"
            packages["django"] = django
            root["scanned_packages"] = packages
            value = root
        }
        let introduced = try Self.compare(Self.findingsGates, base: [upgrade], head: [head])
        #expect(introduced["introduced"]?.actual == .integer(4) && introduced["disclosed"]?.actual == .integer(0))
    }

    static let codeQL = "corpus/sarif/django-DefectDojo/codeQL-output.sarif"

    /// The CodeQL log with `edit` applied to its results.
    static func codeQLResults(_ edit: @escaping (inout [[String: Any]]) throws -> Void) throws -> ReportInput {
        try edited(Self.codeQL) { value in
            var root = try #require(value as? [String: Any])
            var runs = try #require(root["runs"] as? [[String: Any]])
            var results = try #require(runs[0]["results"] as? [[String: Any]])
            try edit(&results)
            runs[0]["results"] = results
            root["runs"] = runs
            value = root
        }
    }

    /// `result.locations[0].physicalLocation.region.startLine += by`.
    static func moveLine(_ result: inout [String: Any], by offset: Int) throws {
        var locations = try #require(result["locations"] as? [[String: Any]])
        var physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
        var region = try #require(physical["region"] as? [String: Any])
        region["startLine"] = try #require(region["startLine"] as? Int) + offset
        physical["region"] = region
        locations[0]["physicalLocation"] = physical
        result["locations"] = locations
    }

    @Test("CodeQL: the same code on another line has the same primaryLocationLineHash, and is not new")
    func codeQLMoved() throws {
        let log = try Fixtures.json(Self.codeQL)
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        // CodeQL's own evidence that its hash follows the code: good/db_init.py:39 and bad/db_init.py:40 hold the
        // same `except` and share 9cbc869fbfffeb60:1.
        let hashes = results.map { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        #expect(hashes[0] == "9cbc869fbfffeb60:1" && hashes[2] == "9cbc869fbfffeb60:1")
        let gates = """
            { "version": 1, "gates": [ { "id": "new", "metric": "findings.new", "max": 0 } ] }
            """
        let base = ReportInput(name: "codeql.sarif", bytes: try Fixtures.bytes(Self.codeQL))
        // Every result moved down by 3 lines (code inserted above): nothing new.
        let moved = try Self.codeQLResults { results in
            for index in results.indices { try Self.moveLine(&results[index], by: 3) }
        }
        #expect(try Self.compare(gates, base: [base], head: [moved])["new"]?.actual == .integer(0))
        // One empty `except` fixed and another added in the same file (another hash): one new finding, which
        // tool + rule + path alone could not see.
        let replaced = try Self.codeQLResults { results in
            var fingerprints = try #require(results[1]["partialFingerprints"] as? [String: String])
            fingerprints["primaryLocationLineHash"] = "0123456789abcdef:1"
            results[1]["partialFingerprints"] = fingerprints
        }
        let result = try Self.compare(gates, base: [base], head: [replaced])["new"]
        #expect(result?.actual == .integer(1))
        #expect(result?.details.first?.contains("py/empty-except in good/db_init.py") == true)
    }

    @Test("Semgrep: matchBasedId/v1 follows the match across lines; a new match is new")
    func semgrepMatchBasedID() throws {
        let path = "corpus/sarif/django-DefectDojo/issue_10191.sarif.json"
        let gates = """
            { "version": 1, "gates": [ { "id": "new", "metric": "findings.new", "max": 0 } ] }
            """
        let base = ReportInput(name: "semgrep.sarif", bytes: try Fixtures.bytes(path))
        func head(_ edit: @escaping (inout [[String: Any]]) throws -> Void) throws -> ReportInput {
            try Self.edited(path) { value in
                var root = try #require(value as? [String: Any])
                var runs = try #require(root["runs"] as? [[String: Any]])
                var results = try #require(runs[0]["results"] as? [[String: Any]])
                try edit(&results)
                runs[0]["results"] = results
                root["runs"] = runs
                value = root
            }
        }
        let moved = try head { results in
            for index in results.indices { try Self.moveLine(&results[index], by: 10) }
        }
        #expect(try Self.compare(gates, base: [base], head: [moved])["new"]?.actual == .integer(0))
        let added = try head { results in
            var copy = results[0]
            copy["fingerprints"] = ["matchBasedId/v1": "added-match_0"]
            results.append(copy)
        }
        #expect(try Self.compare(gates, base: [base], head: [added])["new"]?.actual == .integer(1))
    }

    static let regressedGates = """
        { "version": 1, "gates": [ { "id": "regressed", "metric": "accuracy.regressed_samples",
          "baseline": { "sample_metric": "attribution", "sample_min": 0.5 }, "max": 0 } ] }
        """

    @Test("accuracy.regressed_samples names the seed pipeline's four attribution samples that failed since")
    func regressedSamples() throws {
        let base = ReportInput(
            name: "accuracy-report.json", bytes: try Fixtures.projectFile("sample-reports/passing/accuracy-report.json")
        )
        let head = ReportInput(
            name: "accuracy-report.json", bytes: try Fixtures.projectFile("sample-reports/failing/accuracy-report.json")
        )
        let (_, baseline) = try Self.run(Self.regressedGates, [base])
        #expect(baseline.accuracy?["attribution"]?.count == 100)
        #expect(baseline.accuracy?["attribution"]?["q-017"] == .some("1"))
        let gates = try Self.compare(Self.regressedGates, base: [base], head: [head])
        // attribution 0.97 → 0.93: q-017, q-044, q-074 and q-097 score 0 now.
        #expect(gates["regressed"]?.actual == .integer(4) && gates["regressed"]?.status == .fail)
        #expect(gates["regressed"]?.details.map { String($0.prefix(5)) } == ["q-017", "q-044", "q-074", "q-097"])
        #expect(try Self.compare(Self.regressedGates, base: [base], head: [base])["regressed"]?.status == .pass)
    }

    @Test("accuracy.regressed_samples: a passing sample gone from this run counts, one only this run has is named")
    func regressedMissingSamples() throws {
        let passing = "sample-reports/passing/accuracy-report.json"
        let base = ReportInput(name: "base.json", bytes: try Fixtures.projectFile(passing))
        // q-001 is gone, q-101 is new: the report as written, with one id renamed.
        let text = String(decoding: try Fixtures.projectFile(passing), as: UTF8.self)
        #expect(text.contains(#"{"id": "q-001""#))
        let head = ReportInput(
            name: "head.json", bytes: Array(text.replacingOccurrences(of: #""q-001""#, with: #""q-101""#).utf8))
        let result = try Self.compare(Self.regressedGates, base: [base], head: [head])["regressed"]
        #expect(result?.actual == .integer(1))
        #expect(result?.details == ["q-001: 1 in the baseline, missing from this run"])
        #expect(result?.message.contains("1 not in the baseline: q-101") == true)
    }

    @Test("accuracy.regressed_samples needs sample_metric and sample_min; an accuracy metric may not take its name")
    func regressedConfiguration() throws {
        #expect(throws: (any Error).self) {
            try Configuration(
                json: #"{"version": 1, "gates": [{"id": "r", "metric": "accuracy.regressed_samples", "max": 0}]}"#)
        }
        #expect(throws: (any Error).self) {
            try Configuration(
                json: #"""
                    {"version": 1, "gates": [{"id": "r", "metric": "findings.new", "max": 0,
                      "baseline": {"sample_metric": "retrieval", "sample_min": 0.5}}]}
                    """#)
        }
        #expect(Metric(name: "accuracy.regressed_samples") == .change(.accuracyRegressedSamples))
    }
}
