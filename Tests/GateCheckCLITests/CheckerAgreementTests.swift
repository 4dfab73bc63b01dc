import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The command-line tool is a shell over ``GateChecker``: on the same inputs, the library's one call gives the
/// verdict the CLI prints, byte for byte as JSON.
struct CheckerAgreementTests {
    static let today = Day("2026-11-26")!

    /// The library's JSON verdict on every file under `directory`, named as the CLI names them (walked in sorted
    /// order, hidden entries skipped).
    static func libraryVerdict(_ directory: URL, config: URL?) throws -> (json: String, exitCode: Int32) {
        let configuration =
            try config.map { try Configuration(json: Data(contentsOf: $0), name: $0.path) } ?? .builtIn
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        let inputs = try names.map { name in
            let path = directory.appendingPathComponent(name).path
            return ReportInput(name: path, data: try Data(contentsOf: URL(fileURLWithPath: path)), isNamed: false)
        }
        let verdict = GateChecker(configuration: configuration, today: today, configurationName: config?.path)
            .check(inputs)
        return (OutputFormat.json.reporter().render(verdict), verdict.exitCode)
    }

    static let cases: [(reports: String, config: String?, exitCode: Int32)] = [
        ("sample-reports/passing", nil, 0),
        ("sample-reports/failing", nil, 1),
        ("sample-reports/passing", "sample-reports/gates.json", 0),
        ("sample-reports/failing", "sample-reports/gates.json", 1),
        (
            "Tests/GateCheckCLITests/Scenarios/waived-run/reports",
            "Tests/GateCheckCLITests/Scenarios/waived-run/gates.json", 0
        ),
        ("Tests/GateCheckCLITests/Scenarios/waived-run/reports", "sample-reports/gates.json", 1),
    ]

    @Test("GateChecker.check and the CLI give the same JSON verdict", arguments: 0..<cases.count)
    func sameVerdict(_ index: Int) throws {
        let (reports, config, exitCode) = Self.cases[index]
        let directory = ScenarioTests.root.appendingPathComponent(reports)
        let configURL = config.map { ScenarioTests.root.appendingPathComponent($0) }
        let library = try Self.libraryVerdict(directory, config: configURL)
        let cli = ScenarioTests.run(
            ["--format", "json"] + (configURL.map { ["--config", $0.path] } ?? []) + [directory.path])
        #expect(cli.code == exitCode, "\(cli.err)")
        #expect(library.exitCode == exitCode)
        #expect(library.json == cli.out)
    }

    @Test("a report read with other waivers than the configuration's cannot be judged, never judged on its counts")
    func otherWaivers() throws {
        let folder = ScenarioTests.root.appendingPathComponent("Tests/GateCheckCLITests/Scenarios/waived-run")
        let configuration = try Configuration(json: Data(contentsOf: folder.appendingPathComponent("gates.json")))
        var source = BytesSource(Array(try Data(contentsOf: folder.appendingPathComponent("reports/bandit.json"))))
        // Read without the configuration's waivers: the B602 finding counts, though the configuration waives it.
        let report = try ReportReader.read(
            .bandit, from: &source, path: "bandit.json", options: ReadOptions(today: Self.today))
        let verdict = GateEngine.evaluate(
            ReportSet(reports: [report]), configuration: configuration, today: Self.today)
        #expect(verdict.exitCode == 2)
        #expect(verdict.diagnostics.contains { $0.code == "report.other-waivers" && $0.file == "bandit.json" })
        var again = try source.rewound()
        let sameOptions = try ReportReader.read(
            .bandit, from: &again, path: "bandit.json",
            options: ReadOptions(waivers: configuration.waivers, today: Self.today))
        let judged = GateEngine.evaluate(
            ReportSet(reports: [sameOptions]), configuration: configuration, today: Self.today)
        #expect(!judged.diagnostics.contains { $0.code == "report.other-waivers" })
        #expect(judged.gates.first { $0.id == "high-findings" }?.status == .pass)
    }

    @Test("a required binding that no input's name matches is an error, by name, in the library")
    func unmatchedBinding() throws {
        let configuration = try Configuration(
            json: #"{"version": 1, "inputs": [{"path": "reports/junit.xml", "kind": "junit"}], "gates": ["#
                + #"{"id": "t", "metric": "tests.total", "min": 1}]}"#)
        let checker = GateChecker(configuration: configuration, today: Self.today, configurationName: "gates.json")
        let junit = try Data(
            contentsOf: ScenarioTests.root.appendingPathComponent("sample-reports/passing/junit.xml"))
        let missing = checker.check([ReportInput(name: "other/junit.xml", data: junit)])
        #expect(missing.exitCode == 2)
        #expect(missing.diagnostics.contains { $0.code == "input.no-match" && $0.keyPath == "inputs[0].path" })
        // Bound by name: a junit file under another extension is read as junit.
        let bound = checker.check([ReportInput(name: "./reports/junit.xml", data: junit)])
        #expect(bound.exitCode == 0)
    }
}

extension BytesSource {
    fileprivate func rewound() throws -> BytesSource {
        var copy = self
        try copy.rewind()
        return copy
    }
}

extension CheckerAgreementTests {
    @Test("the library's errors describe themselves through Foundation's localizedDescription")
    func localizedErrors() {
        let errors: [any Error] = [
            ReportError.truncated(at: FilePosition(line: 3)), ByteSourceError("Input/output error"),
            ConfigurationError(problems: [Diagnostic(.error, code: "config.value", message: "min must be a number")]),
        ]
        let texts = errors.map(\.localizedDescription)
        #expect(texts[0].hasPrefix("the report ends before it is complete (line 3)"))
        #expect(texts[1] == "Input/output error")
        #expect(texts[2] == "min must be a number")
    }
}
