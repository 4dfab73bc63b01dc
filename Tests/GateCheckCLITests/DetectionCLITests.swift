import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// Detection through the command line (issue 11): a report told beyond the first window is read, a report that
/// cannot be read is an error, gatecheck's own outputs are never evidence, and a Python repository's other files
/// are ignored.
struct DetectionCLITests {
    static let passingCoverage = ScenarioTests.root.appendingPathComponent("sample-reports/passing/coverage.xml")
    static let big = String(repeating: "x", count: 100_000)

    /// A folder holding a passing coverage report and these files.
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let directory = try OutputCommandTests.temporaryDirectory()
        try FileManager.default.copyItem(at: passingCoverage, to: directory.appendingPathComponent("coverage.xml"))
        for (name, bytes) in files {
            try Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// The kind `gatecheck detect` shows for a file.
    static func kind(of name: String, in output: String) -> String? {
        let line = output.split(separator: "\n").first {
            $0.split(separator: " ").first?.hasSuffix("/" + name) ?? false
        }
        return line.flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }.map(
            String.init)
    }

    @Test("a failing JUnit report whose root follows a prolog longer than the first window fails the run")
    func junitAfterLongProlog() throws {
        let junit =
            "<?xml version=\"1.0\"?>\n<!-- \(Self.big) -->\n<?pi \(Self.big)?>\n"
            + "<testsuite tests=\"1\" failures=\"1\"><testcase classname=\"t\" name=\"a\"><failure message=\"boom\"/>"
            + "</testcase></testsuite>\n"
        let directory = try Self.folder(["junit.xml": Array(junit.utf8)])
        let result = ScenarioTests.run([directory.path])
        #expect(result.code == 1, "\(result.out)")
        #expect(result.out.contains("FAIL   failed-tests"), "\(result.out)")
    }

    @Test("a SARIF log with sorted keys, no $schema and a large first value is read")
    func sortedSARIF() throws {
        let sarif = """
            {"properties": {"note": "\(Self.big)"}, "runs": [{"results": [{"level": "error", "locations": \
            [{"physicalLocation": {"artifactLocation": {"uri": "app.py"}, "region": {"startLine": 3}}}], \
            "message": {"text": "bad"}, "ruleId": "R1"}], "tool": {"driver": {"name": "scanner", "rules": \
            [{"id": "R1", "properties": {"security-severity": "9.0"}}]}}}], "version": "2.1.0"}
            """
        let directory = try Self.folder(["scan.sarif": Array(sarif.utf8)])
        let result = ScenarioTests.run(["detect", directory.path])
        #expect(Self.kind(of: "scan.sarif", in: result.out) == "sarif", "\(result.out)")
        let check = ScenarioTests.run([directory.path])
        #expect(check.code == 1, "\(check.out)")
    }

    @Test("a DeepEval run writing testCases before metricsScores, beyond the first window, is read")
    func deepEvalTestCasesFirst() throws {
        let cases = (0..<3).map { index in
            #"{"name": "t\#(index)", "input": "q", "retrievalContext": ["\#(Self.big)"], "success": true, "#
                + #""metricsData": [{"name": "Contextual Recall", "threshold": 0.7, "success": true, "score": 0.5}]}"#
        }
        let run = #"{"testCases": [\#(cases.joined(separator: ", "))], "metricsScores": [], "runDuration": 1.0}"#
        let directory = try Self.folder(["run.json": Array(run.utf8)])
        let result = ScenarioTests.run(["detect", directory.path])
        #expect(Self.kind(of: "run.json", in: result.out) == "accuracy", "\(result.out)")
    }

    @Test("a JUnit file with a NUL byte and Bandit's XML output are errors, not ignored", arguments: [true, false])
    func unreadableReportRoots(_ bandit: Bool) throws {
        let bytes: [UInt8] =
            bandit
            ? Array(
                (#"<?xml version="1.0" encoding="utf-8"?><testsuite name="bandit" tests="1"><testcase "#
                    + #"classname="app.py" name="B602"><error type="HIGH" message="shell">B602</error></testcase>"#
                    + "</testsuite>").utf8)
            : Array("<?xml version=\"1.0\"?>\n<testsuite tests=\"1\" failures=\"1\">".utf8) + [0]
                + Array("<testcase name=\"a\"><failure/></testcase></testsuite>".utf8)
        let directory = try Self.folder(["report.xml": bytes])
        let result = ScenarioTests.run([directory.path])
        #expect(result.code == 2, "\(result.out)")
        #expect(!result.out.contains("ignored:"), "\(result.out)")
        if bandit { #expect(result.out.contains("bandit -f json"), "\(result.out)") }
    }

    @Test("gatecheck's own outputs in a scanned folder are ignored and never satisfy a gate")
    func ownOutputs() throws {
        let directory = try Self.folder([:])
        let outputs = [
            "junit": "gatecheck-junit.xml", "sarif": "gatecheck.sarif", "json": "v.json", "gitlab": "gl.json",
        ]
        // The failing sample set, so that every output has content (GitLab's is `[]` when nothing fails).
        let failing = ScenarioTests.root.appendingPathComponent("sample-reports/failing").path
        let written = ScenarioTests.run(
            ["--config", "\(failing)/../gates.json", failing]
                + outputs.flatMap { ["--output", "\($0.key)=\(directory.path)/\($0.value)"] })
        #expect(written.code == 1, "\(written.out)")
        let config = directory.appendingPathComponent("gates.json")
        try Data(
            #"{"version": 1, "gates": [{"id": "failed-tests", "metric": "tests.failed", "max": 0}]}"#.utf8
        ).write(to: config)
        let result = ScenarioTests.run(["--config", config.path, directory.path])
        #expect(result.code == 2, "\(result.out)")
        for name in outputs.values {
            #expect(result.out.contains("ignored: \(directory.path)/\(name): gatecheck's own output"), "\(result.out)")
        }
        let named = ScenarioTests.run([directory.appendingPathComponent("gatecheck-junit.xml").path])
        #expect(named.code == 2, "\(named.out)")
        #expect(named.out.contains("gatecheck's own output"), "\(named.out)")
        try Data(
            (#"{"version": 1, "inputs": [{"path": "\#(directory.path)/gatecheck-junit.xml", "kind": "junit"}], "#
                + #""gates": [{"id": "failed-tests", "metric": "tests.failed", "max": 0}]}"#).utf8
        ).write(to: config)
        let bound = ScenarioTests.run(["--config", config.path])
        #expect(bound.code == 2, "\(bound.out)")
        #expect(bound.out.contains("gatecheck's own output"), "\(bound.out)")
    }

    @Test("a Python repository's other files are ignored, whatever their first byte")
    func firstDay() throws {
        let files: [String: String] = [
            "pyproject.toml": "[build-system]\nrequires = [\"setuptools\"]\n",
            "setup.cfg": "[metadata]\nname = x\n",
            "tox.ini": "[tox]\nenvlist = py3\n",
            "numbers.json": "[1, 2, 3]",
            "poetry.lock": "# This file is automatically @generated by Poetry\n[[package]]\nname = \"a\"\n",
            "package.json": #"{"name": "x", "version": "1.0.0", "dependencies": {"a": "1"}}"#,
            "tsconfig.json": "{\n  // strict\n  \"compilerOptions\": {\"strict\": true,},\n}\n",
            "requirements.txt": "requests==2.31\n",
            "README.md": "# x\n\n[link](y)\n",
            "index.html": "<!DOCTYPE html>\n<html><body></body></html>\n",
        ]
        let directory = try Self.folder(files.mapValues { Array($0.utf8) })
        let schema = ScenarioTests.root.appendingPathComponent("schemas/verdict.schema.json")
        try FileManager.default.copyItem(at: schema, to: directory.appendingPathComponent("verdict.schema.json"))
        let result = ScenarioTests.run([directory.path])
        #expect(result.code == 0, "\(result.out)")
        for name in Array(files.keys) + ["verdict.schema.json"] {
            #expect(result.out.contains("ignored: \(directory.path)/\(name): "), "\(name): \(result.out)")
        }
    }

    @Test("a pipe whose kind is not told within what gatecheck keeps of it is an error, not ignored")
    func pipeBeyondWindow() throws {
        let report =
            Array(repeating: UInt8(0x20), count: ReportDetector.prefixLength + 100)
            + Array(#"{"errors": [], "generated_at": "x", "results": []}"#.utf8)
        let run = try ExecutableRunner.run(["detect", "/dev/stdin"], stdin: report)
        #expect(run.status == 2, "\(run.output)")
        #expect(
            run.output.contains("all gatecheck keeps of an input it cannot read twice, such as a pipe"), "\(run.output)"
        )
    }

    @Test("text where a report should be is an error, not ignored beside passing reports")
    func textInPlaceOfReport() throws {
        let junit = try Data(contentsOf: ScenarioTests.root.appendingPathComponent("sample-reports/passing/junit.xml"))
        let cases: [(name: String, text: String, says: String)] = [
            (
                "safety.json", "Unhandled exception happened: HTTPSConnectionPool(host='pyup.io')\n",
                "plain text, not the JSON"
            ),
            ("coverage.xml", "No data to report.\n", "plain text, not the XML"),
            ("go-test.log", "FAIL\texample.com/calc/broken [build failed]\n", "Go before 1.24 writes"),
            // gzip's magic and a NUL: a compressed report under the report's name.
            ("trivy.json", "\u{1F}\u{8B}\u{08}\u{00}\u{00}\u{00}", "binary data (NUL bytes), not the JSON"),
        ]
        for (name, text, says) in cases {
            let directory = try Self.folder([
                "junit.xml": Array(junit), name: Array(text.utf8), "notes.txt": Array("FAIL? no, just notes\n".utf8),
            ])
            let result = ScenarioTests.run([directory.path])
            #expect(result.code == 2, "\(name): \(result.out)")
            #expect(result.out.contains("\(directory.path)/\(name)"), "\(name): \(result.out)")
            #expect(result.out.contains(says), "\(name): \(result.out)")
            #expect(result.out.contains("ignored: \(directory.path)/notes.txt: neither XML nor JSON"), "\(result.out)")
        }
        let quiet = try Self.folder(["junit.xml": Array(junit), "notes.txt": Array("just notes\n".utf8)])
        #expect(ScenarioTests.run([quiet.path]).code == 0)
    }
}
