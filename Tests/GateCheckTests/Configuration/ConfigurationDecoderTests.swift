import Foundation
@_spi(Internals) import GateCheck
import Testing

struct ConfigurationDecoderTests {
    static func decode(_ text: String) -> Result<Configuration, ConfigurationError> {
        ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json")
    }

    static func problems(_ text: String) -> [Diagnostic] {
        guard case .failure(let error) = decode(text) else { return [] }
        return error.problems
    }

    @Test("a complete configuration decodes to exactly what it says")
    func complete() throws {
        let text = """
            {
              "version": 1,
              "inputs": [{"path": "reports/*.xml", "kind": "cobertura", "required": false}],
              "gates": [
                {"id": "line-coverage", "metric": "coverage.line_rate", "min": 0.80},
                {"id": "no-high", "metric": "findings.total", "max": 0, "min_severity": "high", "tools": ["bandit"],
                 "level": "warn", "required": false, "kinds": ["bandit", "sarif"]},
                {"id": "image", "metric": "image.size_bytes", "max": "500 MiB"}
              ],
              "waivers": [{"id": "CVE-2024-1", "reason": "not reachable", "expires": "2026-12-31", "paths": ["src/**"]}],
              "waiver_warning_days": 7,
              "limits": {"max_report_bytes": 1000000, "max_depth": 32}
            }
            """
        let configuration = try Self.decode(text).get()
        #expect(configuration.inputs == [InputBinding(path: "reports/*.xml", kind: .cobertura, required: false)])
        #expect(configuration.gates.map(\.id) == ["line-coverage", "no-high", "image"])
        #expect(configuration.gates[0].bound == .min(Threshold(Decimal(string: "0.80")!, written: "0.80")))
        #expect(configuration.gates[1].selector == FindingSelector(minSeverity: .high, tools: ["bandit"]))
        #expect(configuration.gates[1].level == .warn && !configuration.gates[1].required)
        #expect(configuration.gates[1].kinds == [.bandit, .sarif])
        #expect(configuration.gates[2].bound.threshold.value == 524_288_000)
        #expect(configuration.gates[2].bound.threshold.written == "500 MiB")
        #expect(configuration.waivers.first?.expires == Day("2026-12-31"))
        #expect(configuration.waiverWarningDays == 7)
        #expect(configuration.limits == ParseLimits(maxReportBytes: 1_000_000, maxDepth: 32))
    }

    @Test("each gate's line is kept, and a GitLab issue about the gate points at it")
    func gateLines() throws {
        let text = """
            {
              "version": 1,
              "gates": [
                {"id": "cov", "metric": "coverage.line_rate", "min": 0.8},

                {
                  "id": "tests",
                  "metric": "tests.failed", "max": 0
                }
              ]
            }
            """
        let configuration = try Self.decode(text).get()
        #expect(configuration.gateLines == ["cov": 4, "tests": 6])
        #expect(Configuration.builtIn.gateLines.isEmpty)
        let today = try #require(Day("2026-11-26"))
        let verdict = GateEngine.evaluate(ReportSet(), configuration: configuration, today: today)
        let render = { (path: String?) -> String in
            OutputFormat.gitlab.reporter(
                ReporterOptions(configurationPath: path, gateLines: configuration.gateLines)
            ).render(verdict)
        }
        #expect(render("ci/gates.json").contains("\"begin\": 6"))
        #expect(render("ci/gates.json").contains("\"begin\": 4"))
        #expect(!render(nil).contains("\"begin\": 6"), "without the file, a line in it means nothing")
    }

    @Test("size units are exact: MB is 10^6 bytes, MiB 2^20, a bare number bytes")
    func sizeUnits() {
        #expect(Threshold.bytes("500 MB")?.value == 500_000_000)
        #expect(Threshold.bytes("500 MiB")?.value == 524_288_000)
        #expect(Threshold.bytes("524288000")?.value == 524_288_000)
        #expect(Threshold.bytes("1.5GiB")?.value == 1_610_612_736)
        #expect(Threshold.bytes("0.5 B") == nil)
        #expect(Threshold.bytes("500 mb") == nil)
        #expect(Threshold.bytes("-5 MB") == nil)
    }

    /// Each mistake and the key path and words its error must carry.
    static let mistakes: [(text: String, path: String?, words: String)] = [
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0, "threshold": 1}]}"#,
            "gates[0].threshold", "unknown key \"threshold\""
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "maxx": 0}]}"#,
            "gates[0].maxx", "did you mean \"max\""
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": "zero"}]}"#,
            "gates[0].max", "expected a number"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "coverage.line_rate", "min": 80}]}"#,
            "gates[0].min", "write 0.8 for 80 %"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "coverage.line_rate", "min": 0.8, "max": 1}]}"#,
            "gates[0]", "write two gates for a range"
        ),
        (#"{"version": 1, "gates": [{"id": "a", "metric": "coverage.line_rate"}]}"#, "gates[0]", "needs a bound"),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "coverage.lines", "min": 1}]}"#,
            "gates[0].metric", "unknown metric \"coverage.lines\""
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0}, {"id": "a", "metric": "tests.errors", "max": 0}]}"#,
            "gates[1].id", "used twice"
        ),
        (#"{"gates": [{"id": "a", "metric": "tests.failed", "max": 0}]}"#, "version", "\"version\" is missing"),
        (
            #"{"version": 2, "gates": [{"id": "a", "metric": "tests.failed", "max": 0}]}"#, "version",
            "version 2 is not supported"
        ),
        (#"{"version": 1, "gates": []}"#, "gates", "would pass anything"),
        (
            #"{"version": 1, "version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0}]}"#,
            "version", "appears twice"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0, "min_severity": "high"}]}"#,
            "gates[0].min_severity", "findings.* metrics only"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "findings.total", "max": 0, "min_severity": "severe"}]}"#,
            "gates[0].min_severity", "is not one of"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a b", "metric": "tests.failed", "max": 0}]}"#, "gates[0].id",
            "not a valid gate id"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0, "kinds": ["cobertura"]}]}"#,
            "gates[0].kinds", "does not come from cobertura"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "image.size_bytes", "max": "500 megabytes"}]}"#,
            "gates[0].max", "is not a size"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0}], "waivers": [{"id": "CVE-1", "reason": "x", "expires": "2026-02-30"}]}"#,
            "waivers[0].expires", "is not a date"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0}], "waivers": [{"id": "CVE-1", "expires": "2026-02-20"}]}"#,
            "waivers[0].reason", "\"reason\" is missing"
        ),
        (
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0}], "inputs": [{"path": "x", "kind": "gcov"}]}"#,
            "inputs[0].kind", "\"gcov\" is not one of"
        ),
    ]

    @Test("every mistake is an error naming the key path and the fix", arguments: mistakes.indices)
    func mistake(_ index: Int) throws {
        let (text, path, words) = Self.mistakes[index]
        let problems = Self.problems(text)
        let problem = try #require(
            problems.first { $0.keyPath == path }, "no problem at \(path ?? "root"): \(problems)")
        #expect(problem.message.contains(words), "\(problem.message)")
        #expect(problem.file == "gates.json" && problem.line != nil && problem.severity == .error)
    }

    @Test("all problems are reported at once, not only the first")
    func everyProblem() {
        let problems = Self.problems(
            #"{"version": 1, "colour": "red", "gates": [{"id": "a", "metric": "nope", "min": 1}, {"id": "b", "metric": "tests.failed"}]}"#
        )
        #expect(Set(problems.compactMap(\.keyPath)) == ["colour", "gates[0].metric", "gates[1]"])
    }

    @Test("a syntax error names its line and column")
    func syntaxError() throws {
        let problems = Self.problems(
            "{\n  \"version\": 1,\n  \"gates\": [\n    {\"id\": \"a\" \"metric\": \"x\"}\n  ]\n}")
        let problem = try #require(problems.first)
        #expect(problem.code == "config.malformed")
        #expect(problem.line == 4)
    }

    @Test("the JSON examples in docs/ and sample-reports/ decode", arguments: ConfigurationExamples.paths)
    func examplesDecode(_ path: String) throws {
        let bytes = try Fixtures.projectFile(path)
        let result = ConfigurationDecoder.decode(bytes, file: path)
        if case .failure(let error) = result { Issue.record("\(path): \(error.problems)") }
    }
}

/// Every gates.json in the project's docs and sample reports.
enum ConfigurationExamples {
    static let paths: [String] = {
        let root = Fixtures.packageRoot
        var found: [String] = []
        for directory in ["docs", "sample-reports"] {
            let base = root.appendingPathComponent(directory)
            guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let relative as String in enumerator where relative.hasSuffix("gates.json") {
                found.append("\(directory)/\(relative)")
            }
        }
        return found.sorted()
    }()
}
