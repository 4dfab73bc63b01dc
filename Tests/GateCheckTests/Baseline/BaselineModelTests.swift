import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The pieces of a baseline: fingerprints that survive line moves, exact values, and the `baseline` gate member's
/// decoding.
struct BaselineModelTests {
    static func finding(_ path: String, line: Int, message: String, id: String = "B602") -> Finding {
        Finding(
            tool: "bandit", kind: .bandit, id: id, severity: .high, severitySource: "bandit",
            location: .init(path: path, line: line), message: message)
    }

    @Test("a finding's change fingerprint ignores its line and message but not its rule or file")
    func fingerprints() {
        var report = FindingsReport()
        report.tally(Self.finding("./src/a.py", line: 3, message: "call with shell=True, 2 arguments"))
        report.tally(Self.finding("src/a.py", line: 90, message: "call with shell=True, 3 arguments"))
        #expect(report.tallies.count == 1 && report.tallies.values.first?.count == 2)
        report.tally(Self.finding("src/b.py", line: 3, message: "x"))
        report.tally(Self.finding("src/a.py", line: 3, message: "x", id: "B404"))
        #expect(report.tallies.count == 3)
    }

    @Test("a dependency finding's fingerprint is its package, not its version")
    func packageFingerprint() {
        var report = FindingsReport()
        for version in ["2.11.2", "2.11.3"] {
            report.tally(
                Finding(
                    tool: "pip-audit", kind: .pipAudit, id: "PYSEC-2021-66", severity: .unknown, severitySource: "",
                    package: .init(name: "Jinja2", version: version), message: ""))
        }
        #expect(report.tallies.count == 1 && report.tallies.values.first?.place == "pkg:jinja2")
    }

    @Test("exact values decode only from their exact forms")
    func exactValues() throws {
        let decoder = JSONDecoder()
        func decode(_ text: String) -> ExactValue? { try? decoder.decode(ExactValue.self, from: Data(text.utf8)) }
        #expect(decode(#"{"numerator": 3999, "denominator": 5000}"#) == .ratio(numerator: 3999, denominator: 5000))
        #expect(decode(#"{"decimal": "0.1"}"#) == .decimal(Decimal(string: "0.1")!))
        #expect(decode(#"{"integer": 7}"#) == .integer(7))
        #expect(decode(#"{"numerator": 1, "denominator": 0}"#) == nil)
        #expect(decode(#"{"decimal": "0.1abc"}"#) == nil)
        #expect(decode(#"{"decimal": 0.1}"#) == nil)
    }

    @Test(
        "the baseline member is checked as it is decoded",
        arguments: [
            (#"{"id": "g", "metric": "coverage.line_rate", "baseline": {}}"#, "needs a tolerance"),
            (#"{"id": "g", "metric": "coverage.line_rate", "baseline": {"max_drop": 5}}"#, "is not in its unit"),
            (#"{"id": "g", "metric": "coverage.line_rate", "baseline": {"max_drop": -0.1}}"#, "is negative"),
            (#"{"id": "g", "metric": "findings.new", "max": 0, "baseline": {"max_drop": 1}}"#, "already a change"),
            (#"{"id": "g", "metric": "findings.new", "baseline": {"on_missing": "warn"}}"#, "needs a bound"),
            (#"{"id": "g", "metric": "coverage.line_rate", "baseline": {"max_dorp": 0}}"#, "unknown key"),
            (
                #"{"id": "g", "metric": "coverage.line_rate", "baseline": {"max_drop": 0, "on_missing": "pass"}}"#,
                "pass"
            ),
        ])
    func decodingErrors(_ gate: String, _ expected: String) {
        let json = #"{"version": 1, "gates": [\#(gate)]}"#
        do {
            _ = try Configuration(json: json)
            Issue.record("accepted: \(gate)")
        } catch {
            #expect(error.problems.contains { $0.message.contains(expected) }, "\(error.problems)")
        }
    }

    @Test("a gate with a baseline member needs no bound; one with a bound keeps it")
    func optionalBound() throws {
        let configuration = try Configuration(
            json: #"""
                {"version": 1, "gates": [
                  {"id": "a", "metric": "coverage.line_rate", "baseline": {"max_drop": 0.001}},
                  {"id": "b", "metric": "coverage.line_rate", "min": 0.8, "baseline": {"max_drop": 0}}]}
                """#)
        #expect(
            !configuration.gates[0].hasBound
                && configuration.gates[0].baseline?.maxDrop?.value == Decimal(string: "0.001"))
        #expect(
            configuration.gates[1].hasBound
                && configuration.gates[1].bound == .min(Threshold(Decimal(string: "0.8")!, written: "0.8")))
    }
}

extension BaselineModelTests {
    @Test("a baseline in a scanned directory is gatecheck's own output, ignored, also when its schema is past 64 KiB")
    func baselineIsOwnOutput() throws {
        // Keys are sorted: "coverage" comes before "schema", so 5,000 files push it past detection's first 64 KiB.
        var files: [String: FileCounts] = [:]
        for index in 0..<5_000 { files["src/module_\(index).py"] = FileCounts(linesValid: 10, linesCovered: 5) }
        let coverage = BaselineCoverage(linesValid: 50_000, linesCovered: 25_000, files: files)
        for baseline in [Baseline(), Baseline(coverage: coverage)] {
            let bytes = BaselineCodec.encode(baseline)
            let checker = GateChecker(configuration: .builtIn, today: Build.today)
            var collection = ReportCollection(plan: checker.plan([]))
            let prepared = checker.prepare(ReportInput(name: "baseline.json", bytes: bytes, isNamed: false))
            checker.read(prepared, plan: checker.plan([prepared]), into: &collection)
            #expect(collection.ignored.first?.reason.contains("its baseline") == true, "\(bytes.count) bytes")
            if baseline.coverage != nil {
                #expect(
                    (String(decoding: bytes, as: UTF8.self).range(of: "\"schema\"")?.lowerBound.utf16Offset(
                        in: String(decoding: bytes, as: UTF8.self)) ?? 0) > 65_536)
            }
        }
    }
}

extension BaselineModelTests {
    @Test("spellings of one path or package share a fingerprint, and the tally names the normalised place")
    func normalisedPlaces() {
        var report = FindingsReport()
        for path in ["src\\pkg\\a.py", "./src/pkg/a.py", "file://src/pkg/a.py", "././src/pkg/a.py"] {
            report.tally(Self.finding(path, line: 1, message: ""))
        }
        #expect(report.tallies.count == 1 && report.tallies.values.first?.place == "src/pkg/a.py")
        var packages = FindingsReport()
        for name in ["Jinja_2", " jinja.2\t", "JINJA--2", "jinja-_.2"] {
            packages.tally(
                Finding(
                    tool: "Trivy", kind: .sarif, id: "CVE-2024-1", severity: .high, severitySource: "",
                    package: .init(name: name), message: ""))
        }
        #expect(packages.tallies.count == 1 && packages.tallies.values.first?.place == "pkg:jinja-2")
        #expect(packages.tallies.values.first?.count == 4)
        // The tool is compared ignoring ASCII case.
        packages.tally(
            Finding(
                tool: "trivy", kind: .sarif, id: "CVE-2024-1", severity: .low, severitySource: "",
                package: .init(name: "jinja-2"), message: ""))
        #expect(packages.tallies.count == 1 && packages.tallies.values.first?.severity == .high)
    }
}
