import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Waiver semantics on a fixed day (docs/waivers.md): today is 2026-03-01 in every test.
@Suite("Waivers")
struct WaiverTests {
    /// Evaluates the built-in findings gates over one report read with `waivers`, with a 14-day warning.
    private func verdict(
        _ kind: ReportKind, _ text: String, waivers: [Waiver], today: Day = testToday, gates: [GateSpec]? = nil
    ) throws -> Verdict {
        let report = try readFindings(kind, text, waivers: waivers, today: today)
        let configuration = Configuration(
            // The fixture's Bandit report has a file Bandit could not scan; these tests are about findings, so the
            // built-in gate on what was not audited is left out.
            gates: gates
                ?? Configuration.builtInGates.filter { $0.metric.kinds.contains(kind) && $0.id != "not-audited" },
            waivers: waivers)
        return GateEngine.evaluate(ReportSet(reports: [report]), configuration: configuration, today: today)
    }

    private func gate(_ verdict: Verdict, _ id: String) throws -> GateResult {
        try #require(verdict.gates.first { $0.id == id })
    }

    private func codes(_ verdict: Verdict) -> [String] {
        verdict.diagnostics.map(\.code).filter { $0.hasPrefix("waiver.") }
    }

    private static let bandit = SecurityFixtures.bandit
    private static func waiver(
        _ id: String, expires: String = "2026-12-31", kinds: [ReportKind]? = nil, paths: [String]? = nil,
        package: String? = nil
    ) -> Waiver {
        Waiver(
            id: id, reason: "accepted risk: input is trusted", expires: Day(expires)!, kinds: kinds, paths: paths,
            package: package, owner: "security@example.com")
    }

    @Test("An active waiver waives the finding: counted only as waived, listed with its reason")
    func activeWaiver() throws {
        let result = try verdict(.bandit, Self.bandit, waivers: [Self.waiver("b602")])
        let high = try gate(result, "high-severity-findings")
        #expect(high.status == .pass && high.actual == .integer(0))
        #expect(high.waived.map(\.id) == ["B602"])
        #expect(high.waived.first?.waiver?.reason == "accepted risk: input is trusted")
        #expect(result.reports.first?.metrics[.findings(.waived)] == .integer(1))
        #expect(codes(result).isEmpty)
        let json = OutputFormat.json.reporter(ReporterOptions()).render(result)
        #expect(json.contains("\"waived\"") && json.contains("accepted risk: input is trusted"))
        let text = OutputFormat.text.reporter(ReporterOptions()).render(result)
        #expect(text.contains("waived: HIGH B602 at app/run.py:3 [bandit], waived until 2026-12-31"))
    }

    @Test("A waiver is valid through the end of its expiry day and expired the day after")
    func boundaryDay() throws {
        let waivers = [Self.waiver("B602", expires: "2026-03-01")]
        let lastDay = try verdict(.bandit, Self.bandit, waivers: waivers, today: Day("2026-03-01")!)
        #expect(try gate(lastDay, "high-severity-findings").status == .pass)
        #expect(codes(lastDay) == ["waiver.expiring"])
        #expect(lastDay.diagnostics.contains { $0.message.contains("at the end of today") })

        let dayAfter = try verdict(.bandit, Self.bandit, waivers: waivers, today: Day("2026-03-02")!)
        let high = try gate(dayAfter, "high-severity-findings")
        #expect(high.status == .fail && high.actual == .integer(1) && high.waived.isEmpty)
        #expect(dayAfter.status == .fail)
        #expect(codes(dayAfter) == ["waiver.expired"])
        let message = try #require(dayAfter.diagnostics.first { $0.code == "waiver.expired" }?.message)
        #expect(message.contains("expired on 2026-03-01") && message.contains("count again"))
        #expect(message.contains("HIGH B602 at app/run.py:3 [bandit]"))
    }

    @Test(
        "A waiver expiring within the warning window warns; one beyond it does not",
        arguments: [
            ("2026-03-15", true), ("2026-03-16", false), ("2026-03-02", true),
        ])
    func expiringSoon(_ expires: String, _ warns: Bool) throws {
        let result = try verdict(.bandit, Self.bandit, waivers: [Self.waiver("B602", expires: expires)])
        #expect(codes(result) == (warns ? ["waiver.expiring"] : []))
        #expect(result.status == .pass)
    }

    @Test("The warning window is configurable, and 0 turns the warning off")
    func warningDays() throws {
        let waivers = [Self.waiver("B602", expires: "2026-03-20")]
        let report = try readFindings(.bandit, Self.bandit, waivers: waivers)
        for (days, expected) in [(14, [String]()), (30, ["waiver.expiring"]), (0, [])] {
            let configuration = Configuration(
                gates: Configuration.builtInGates, waivers: waivers, waiverWarningDays: days)
            let result = GateEngine.evaluate(
                ReportSet(reports: [report]), configuration: configuration, today: testToday)
            #expect(codes(result) == expected, "waiver_warning_days \(days)")
        }
    }

    @Test("A waiver that matches nothing warns; one for a kind with no report read does not")
    func unmatched() throws {
        let waivers = [Self.waiver("B999"), Self.waiver("CVE-2024-1", kinds: [.trivyJSON])]
        let result = try verdict(.bandit, Self.bandit, waivers: waivers)
        #expect(codes(result) == ["waiver.unmatched"])
        #expect(result.diagnostics.first { $0.code == "waiver.unmatched" }?.keyPath == "waivers[0]")
        #expect(result.status == .fail)
    }

    @Test("An expired waiver that matches nothing says so")
    func expiredUnmatched() throws {
        let result = try verdict(.bandit, Self.bandit, waivers: [Self.waiver("B999", expires: "2025-01-01")])
        let message = try #require(result.diagnostics.first { $0.code == "waiver.expired" }?.message)
        #expect(message.contains("matches no finding"))
    }

    @Test(
        "Scopes: kind, path glob and package must all hold",
        arguments: [
            (waiver("B602", kinds: [.bandit]), true),
            (waiver("B602", kinds: [.sarif]), false),
            (waiver("B602", paths: ["app/**"]), true),
            (waiver("B602", paths: ["tests/**", "app/*.py"]), true),
            (waiver("B602", paths: ["lib/**"]), false),
            (waiver("B602", package: "jinja2"), false),
            (waiver("subprocess_popen_with_shell_equals_true"), true),
        ])
    func scopes(_ waiver: Waiver, _ waives: Bool) throws {
        let result = try verdict(.bandit, Self.bandit, waivers: [waiver])
        #expect(try gate(result, "high-severity-findings").status == (waives ? .pass : .fail))
    }

    @Test("A Windows path in a report matches a waiver's forward-slash glob")
    func windowsPath() throws {
        let result = try verdict(
            .bandit, Self.bandit, waivers: [Self.waiver("B110", paths: ["app/*.py"])],
            gates: [GateSpec(id: "all", metric: .findings(.total), bound: .max(Threshold(1)))])
        #expect(try gate(result, "all").actual == .integer(1))
    }

    @Test("A GHSA id that pip-audit lists as an alias of a PYSEC id is waived, package names compare in PEP 503 form")
    func aliasAndPackage() throws {
        let waivers = [Self.waiver("ghsa-G3RQ-g295-4j3m", package: "Jinja_2".replacing("_", with: ""))]
        let result = try verdict(.pipAudit, SecurityFixtures.pipAudit, waivers: waivers)
        let vulnerable = try gate(result, "vulnerable-dependencies")
        #expect(vulnerable.actual == .integer(1))
        #expect(vulnerable.waived.map(\.id) == ["PYSEC-2021-66"])
        #expect(vulnerable.findings.map(\.id) == ["GHSA-5cpq-9538-jm2j"])
        let other = try verdict(
            .pipAudit, SecurityFixtures.pipAudit, waivers: [Self.waiver("GHSA-g3rq-g295-4j3m", package: "markupsafe")])
        #expect(try gate(other, "vulnerable-dependencies").actual == .integer(2))
        #expect(PackageNameCheck.equal("Zope.Interface", "zope-interface"))
    }

    @Test("Two waivers with the same id are told apart by index; the first active one waives")
    func duplicateIDs() throws {
        let waivers = [Self.waiver("B602", expires: "2025-01-01"), Self.waiver("B602")]
        let result = try verdict(.bandit, Self.bandit, waivers: waivers)
        #expect(try gate(result, "high-severity-findings").status == .pass)
        // The expired one matched, but an active waiver still waives the finding: it does not count again.
        let expired = try #require(result.diagnostics.first { $0.code == "waiver.expired" })
        #expect(expired.keyPath == "waivers[0]" && expired.message.contains("matches no finding"))
        let report = try findings(try readFindings(.bandit, Self.bandit, waivers: waivers))
        #expect(report.waiverMatches[1]?.waived == 1)
        #expect(report.findings.first { $0.id == "B602" }?.waiver?.index == 1)
    }

    @Test("Waivers are applied the same whatever the chunk size")
    func waiversInChunks() throws {
        let waivers = [Self.waiver("B110")]
        let whole = try readFindings(.bandit, Self.bandit, waivers: waivers)
        #expect(try readFindings(.bandit, Self.bandit, chunk: 1, waivers: waivers) == whole)
    }
}

/// PEP 503 comparison as waivers use it, through the public behaviour: a waiver for one spelling matches a
/// finding of the other.
enum PackageNameCheck {
    static func equal(_ waiverName: String, _ findingName: String) -> Bool {
        let text = """
            {"dependencies": [{"name": "\(findingName)", "version": "1", "vulns": [{"id": "X-1", "fix_versions": []}]}]}
            """
        let waiver = Waiver(id: "X-1", reason: "r", expires: Day("2030-01-01")!, package: waiverName)
        guard let report = try? readFindings(.pipAudit, text, waivers: [waiver]),
            case .findings(let content) = report.content
        else { return false }
        return content.waivedCount == 1
    }
}
