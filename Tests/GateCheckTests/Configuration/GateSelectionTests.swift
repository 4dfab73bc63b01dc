import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Gates per stage (issue 15): `tags` on gates, and `--only`/`--skip` selecting them, refusing a selection that
/// could hide a typo.
@Suite("Gate selection by tag")
struct GateSelectionTests {
    private static func decode(_ gates: String) -> Result<Configuration, ConfigurationError> {
        ConfigurationDecoder.decode(Array(#"{"version": 1, "gates": [\#(gates)]}"#.utf8), file: "gates.json")
    }

    private static func configuration(_ gates: String) throws -> Configuration {
        try Self.decode(gates).get()
    }

    private static let stages = """
        {"id": "line-coverage", "metric": "coverage.line_rate", "min": 0.8, "tags": ["test", "coverage"]},
        {"id": "failed-tests", "metric": "tests.failed", "max": 0, "tags": ["test"]},
        {"id": "high-findings", "metric": "findings.total", "max": 0, "tags": ["security"]},
        {"id": "p95", "metric": "latency.p95_ms", "max": 800, "tags": ["post-deploy"]},
        {"id": "untagged", "metric": "tests.total", "min": 1}
        """

    @Test("tags are decoded, and written back by the configuration writer")
    func decoded() throws {
        let configuration = try Self.configuration(Self.stages)
        #expect(
            configuration.gates.map(\.tags) == [["test", "coverage"], ["test"], ["security"], ["post-deploy"], []])
        let written = ConfigurationWriter.json(gates: configuration.gates)
        let reread = try ConfigurationDecoder.decode(Array(written.utf8), file: "w.json").get()
        #expect(reread.gates == configuration.gates)
    }

    @Test(
        "A tag that is empty, not written like an id, listed twice, or an empty list is refused with its key path",
        arguments: [
            (#"[]"#, "gates[0].tags"), (#"[""]"#, "gates[0].tags[0]"), (#"["a b"]"#, "gates[0].tags[0]"),
            (#"["-x"]"#, "gates[0].tags[0]"), (#"["x", "x"]"#, "gates[0].tags[1]"), (#""test""#, "gates[0].tags"),
        ])
    func invalidTags(_ tags: String, _ keyPath: String) {
        let result = Self.decode(#"{"id": "g", "metric": "tests.failed", "max": 0, "tags": \#(tags)}"#)
        guard case .failure(let error) = result else {
            Issue.record("accepted tags \(tags)")
            return
        }
        #expect(error.problems.contains { $0.keyPath == keyPath && $0.severity == .error })
    }

    @Test(
        "--only selects the gates carrying one of its tags, --skip leaves out those carrying one of its tags",
        arguments: [
            (["test"], [String](), ["line-coverage", "failed-tests"]),
            (["security", "post-deploy"], [], ["high-findings", "p95"]),
            ([], ["test"], ["high-findings", "p95", "untagged"]),
            (["test"], ["coverage"], ["failed-tests"]),
            ([], ["post-deploy", "security"], ["line-coverage", "failed-tests", "untagged"]),
        ])
    func selects(_ only: [String], _ skip: [String], _ expected: [String]) throws {
        let configuration = try Self.configuration(Self.stages)
        let selected = try GateSelection(only: only, skip: skip).apply(to: configuration).get()
        #expect(selected.gates.map(\.id) == expected)
        #expect(Set(selected.unselectedGates.map(\.id)) == Set(configuration.gates.map(\.id)).subtracting(expected))
        #expect(selected.warnings.contains { $0.code == "selection.applied" && $0.severity == .note })
    }

    @Test(
        "A tag no gate carries is exit 2 with the near tag suggested and the tags listed", arguments: ["only", "skip"])
    func unknownTag(_ option: String) throws {
        let configuration = try Self.configuration(Self.stages)
        let selection =
            option == "only" ? GateSelection(only: ["secruity"]) : GateSelection(only: ["test"], skip: ["Coverage"])
        guard case .failure(let error) = selection.apply(to: configuration, file: "gates.json") else {
            Issue.record("a typo was applied")
            return
        }
        let problem = try #require(error.problems.first)
        #expect(problem.code == "selection.unknown-tag" && problem.file == "gates.json")
        #expect(problem.message.contains(option == "only" ? "did you mean \"security\"" : "did you mean \"coverage\""))
        #expect(problem.message.contains("post-deploy (1 gate(s))"))
        let verdict = Verdict.unusable(error, today: Build.today)
        #expect(verdict.exitCode == 2)
    }

    @Test("A selection that leaves no gate is exit 2 naming the tags; so is any selection of gates without tags")
    func nothingSelected() throws {
        let configuration = try Self.configuration(Self.stages)
        guard case .failure(let error) = GateSelection(only: ["security"], skip: ["security"]).apply(to: configuration)
        else {
            Issue.record("an empty selection was applied")
            return
        }
        #expect(error.problems.map(\.code) == ["selection.nothing-selected"])
        #expect(error.problems[0].message.contains("test (2 gate(s))"))
        let untagged = try Self.configuration(#"{"id": "g", "metric": "tests.failed", "max": 0}"#)
        guard case .failure(let none) = GateSelection(skip: ["slow"]).apply(to: untagged) else {
            Issue.record("a tag of a configuration without tags was applied")
            return
        }
        #expect(none.problems[0].message.contains("No gate of the configuration has tags"))
    }

    @Test("Every built-in gate has a tag, and --only security selects exactly the built-in findings gates")
    func builtInTags() throws {
        #expect(Configuration.builtInGates.allSatisfy { !$0.tags.isEmpty })
        let selected = try GateSelection(only: ["security"]).apply(to: .builtIn).get()
        let findings = Configuration.builtInGates.filter { if case .findings = $0.metric { true } else { false } }
        #expect(selected.gates.map(\.id) == findings.map(\.id))
        let tests = try GateSelection(only: ["test"]).apply(to: .builtIn).get()
        #expect(tests.gates.allSatisfy { if case .tests = $0.metric { true } else { false } })
    }

    private static let junit = #"<testsuite name="t" tests="2"><testcase name="a"/><testcase name="b"/></testsuite>"#

    @Test("Required reports of unselected gates are not required: the test stage passes on a JUnit report alone")
    func unselectedNotRequired() throws {
        let configuration = try Self.configuration(Self.stages)
        let input = ReportInput(name: "junit.xml", text: Self.junit)
        let all = GateChecker(configuration: configuration, today: Build.today).check([input])
        #expect(all.exitCode == 2)  // line-coverage, high-findings and p95 require their reports
        let testStage = GateChecker(
            configuration: configuration, today: Build.today,
            selection: GateSelection(only: ["test"], skip: ["coverage"])
        ).check([input])
        #expect(testStage.exitCode == 0)
        #expect(testStage.gates.map(\.id) == ["failed-tests"])
    }

    @Test("A required binding that only unselected gates read is not required; one a selected gate reads still is")
    func bindingsOfOtherStages() throws {
        let text = #"""
            {"version": 1,
             "inputs": [{"path": "reports/latency.json", "kind": "latency"}, {"path": "reports/junit.xml", "kind": "junit"}],
             "gates": [
               {"id": "failed-tests", "metric": "tests.failed", "max": 0, "tags": ["test"]},
               {"id": "p95", "metric": "latency.p95_ms", "max": 800, "tags": ["post-deploy"]}]}
            """#
        let configuration = try ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json").get()
        let input = ReportInput(name: "reports/junit.xml", text: Self.junit)
        func run(_ selection: GateSelection) -> Verdict {
            GateChecker(configuration: configuration, today: Build.today, selection: selection).check([input])
        }
        #expect(run(GateSelection()).diagnostics.contains { $0.code == "input.no-match" && $0.severity == .error })
        let testStage = run(GateSelection(only: ["test"]))
        #expect(!testStage.diagnostics.contains { $0.code == "input.no-match" })
        #expect(testStage.exitCode == 0)
        let postDeploy = run(GateSelection(only: ["post-deploy"]))
        #expect(postDeploy.diagnostics.contains { $0.code == "input.no-match" && $0.keyPath == "inputs[0].path" })
        #expect(postDeploy.exitCode == 2)
    }

    @Test("GateChecker refuses an unknown tag itself, whatever its caller checked")
    func checkerRefuses() throws {
        let configuration = try Self.configuration(Self.stages)
        let verdict = GateChecker(
            configuration: configuration, today: Build.today, selection: GateSelection(only: ["deploy"])
        ).check([ReportInput(name: "junit.xml", text: Self.junit)])
        #expect(verdict.exitCode == 2)
        #expect(verdict.diagnostics.contains { $0.code == "selection.unknown-tag" })
    }
}
