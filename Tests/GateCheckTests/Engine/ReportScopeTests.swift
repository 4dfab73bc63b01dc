import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Per-gate report selection (issue 15): a gate's `reports` globs, and `exclusive` claims that keep a type
/// checker's JUnit report out of the test counts.
@Suite("Report scope per gate")
struct ReportScopeTests {
    private static func gate(
        _ id: String, _ metric: Metric, max: String = "0", required: Bool = true, reports: [String]? = nil,
        exclusive: Bool = false, tags: [String] = []
    ) -> GateSpec {
        var gate = Build.gate(id, metric, max: max, required: required)
        gate.reports = reports
        gate.exclusive = exclusive
        gate.tags = tags
        return gate
    }

    /// Two pytest shards with 10 tests (1 failed) and a mypy report with 3 "tests", 2 of them failed.
    private static let reports = [
        Build.tests("reports/junit-1.xml", total: 6, failed: 1),
        Build.tests("reports/junit-2.xml", total: 4),
        Build.tests("reports/mypy-app.xml", total: 3, failed: 2),
    ]

    private static func value(_ verdict: Verdict, _ id: String) -> MetricValue? {
        verdict.gates.first { $0.id == id }?.actual
    }

    @Test("A gate with reports reads only the reports its globs match; a gate without reads every report of its kinds")
    func narrows() throws {
        let verdict = Build.evaluate(
            Self.reports,
            [
                Self.gate("type-errors", .tests(.failed), reports: ["reports/mypy-*.xml"]),
                Self.gate("failed-tests", .tests(.failed), max: "100"),
            ])
        let typeErrors = try #require(verdict.gates.first { $0.id == "type-errors" })
        #expect(typeErrors.sources == ["reports/mypy-app.xml"])
        #expect(typeErrors.actual == .integer(2))
        #expect(Self.value(verdict, "failed-tests") == .integer(3))  // not exclusive: mypy's 2 are summed in
    }

    @Test("An exclusive gate claims its reports: gates without reports no longer read them, of its kinds only")
    func exclusive() throws {
        let coverage = Build.coverage("reports/mypy-coverage.xml", covered: 1, of: 2)
        let verdict = Build.evaluate(
            Self.reports + [coverage],
            [
                Self.gate("type-errors", .tests(.failed), reports: ["reports/mypy-*.xml"], exclusive: true),
                Self.gate("failed-tests", .tests(.failed), max: "100"),
                Self.gate("tests-total", .tests(.total), max: "100"),
                Self.gate("lines", .coverage(.linesValid), max: "100"),
            ])
        #expect(Self.value(verdict, "failed-tests") == .integer(1))
        #expect(Self.value(verdict, "tests-total") == .integer(10))
        let failed = try #require(verdict.gates.first { $0.id == "failed-tests" })
        #expect(failed.sources == ["reports/junit-1.xml", "reports/junit-2.xml"])
        // The claim is on JUnit (the type-errors gate's kind): a coverage report matching the glob stays general.
        #expect(Self.value(verdict, "lines") == .integer(2))
    }

    @Test("A gate that names a claimed report in its own reports still reads it")
    func claimedAndNamed() {
        let verdict = Build.evaluate(
            Self.reports,
            [
                Self.gate("type-errors", .tests(.failed), reports: ["reports/mypy-*.xml"], exclusive: true),
                Self.gate("everything", .tests(.total), max: "100", reports: ["reports/**"]),
            ])
        #expect(Self.value(verdict, "everything") == .integer(13))
    }

    @Test("A required gate whose glob matches no report of its kinds is exit 2 naming the glob; an optional one skips")
    func unmatchedGlob() throws {
        let coverage = Build.coverage("reports/pyright.xml", covered: 1, of: 2)
        let verdict = Build.evaluate(
            Self.reports + [coverage],
            [
                Self.gate("failed-tests", .tests(.failed), max: "100", reports: ["reports/junit-*.xml"]),
                Self.gate("type-errors", .tests(.failed), reports: ["reports/junit-1.xml", "reports/pyright*.xml"]),
            ])
        let gate = try #require(verdict.gates.last)
        #expect(gate.status == .error && verdict.exitCode == 2)
        #expect(gate.message.contains("`reports/pyright*.xml`"))
        let optional = Build.evaluate(
            Self.reports,
            [
                Self.gate("failed-tests", .tests(.failed), max: "100"),
                Self.gate("type-errors", .tests(.failed), required: false, reports: ["reports/pyright*.xml"]),
            ])
        #expect(optional.gates.map(\.status) == [.pass, .skipped])
        #expect(optional.gates[1].message.contains("reports/pyright*.xml"))
        #expect(optional.exitCode == 0)
    }

    @Test("Coverage is merged over the gate's own reports only")
    func coverageNarrowed() {
        let verdict = Build.evaluate(
            [
                Build.coverage("backend/coverage.xml", covered: 9, of: 10, file: "api.py"),
                Build.coverage("frontend/coverage.xml", covered: 1, of: 10, file: "ui.py"),
            ],
            [
                Self.gate("backend", .coverage(.linesCovered), max: "100", reports: ["backend/*.xml"]),
                Self.gate("all", .coverage(.linesCovered), max: "100"),
            ])
        #expect(Self.value(verdict, "backend") == .integer(9))
        #expect(Self.value(verdict, "all") == .integer(10))
    }

    @Test("A broken report outside a gate's globs does not make that gate error; inside them it does")
    func brokenReports() {
        let broken = FailedReport(path: "reports/junit-3.xml", kind: .junit, error: .empty)
        let verdict = Build.evaluate(
            Self.reports,
            [
                Self.gate("type-errors", .tests(.failed), max: "5", reports: ["reports/mypy-*.xml"]),
                Self.gate("failed-tests", .tests(.failed), max: "100", reports: ["reports/junit-*.xml"]),
            ], failed: [broken])
        #expect(verdict.gates.map(\.status) == [.pass, .error])
        #expect(verdict.exitCode == 2)  // the broken report is an error of the run either way
    }

    @Test("The claim of an exclusive gate left out by --skip still holds")
    func claimOfUnselectedGate() throws {
        let configuration = Configuration(gates: [
            Self.gate(
                "type-errors", .tests(.failed), reports: ["reports/mypy-*.xml"], exclusive: true, tags: ["lint"]),
            Self.gate("failed-tests", .tests(.failed), max: "100", tags: ["test"]),
        ])
        let selected = try GateSelection(skip: ["lint"]).apply(to: configuration).get()
        let verdict = GateEngine.evaluate(ReportSet(reports: Self.reports), configuration: selected, today: Build.today)
        #expect(verdict.gates.map(\.id) == ["failed-tests"])
        #expect(Self.value(verdict, "failed-tests") == .integer(1))
    }

    @Test(
        "reports and exclusive are decoded; an empty list, an empty glob, or exclusive without reports is refused",
        arguments: [
            (#""reports": ["r/*.xml"], "exclusive": true"#, nil),
            (#""reports": []"#, "gates[0].reports"), (#""reports": [""]"#, "gates[0].reports[0]"),
            (#""exclusive": true"#, "gates[0].exclusive"), (#""reports": "r.xml""#, "gates[0].reports"),
        ] as [(String, String?)])
    func decoding(_ keys: String, _ keyPath: String?) throws {
        let text = #"{"version": 1, "gates": [{"id": "g", "metric": "tests.failed", "max": 0, \#(keys)}]}"#
        switch ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json") {
        case .success(let configuration):
            #expect(keyPath == nil)
            #expect(configuration.gates[0].reports == ["r/*.xml"] && configuration.gates[0].exclusive)
        case .failure(let error):
            #expect(error.problems.contains { $0.keyPath == keyPath }, "\(error.problems)")
        }
    }
}
