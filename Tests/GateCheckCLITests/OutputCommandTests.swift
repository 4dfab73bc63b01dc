import ArgumentParser
import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// Outputs in one run, CI detection, the step summary, colour, and the init, validate-config and detect commands,
/// each run in-process with an injected environment.
struct OutputCommandTests {
    static let root = ScenarioTests.root.path
    static let failing = ["--config", root + "/sample-reports/gates.json", root + "/sample-reports/failing"]

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ url: URL) -> String? {
        try? String(contentsOf: url, encoding: .utf8)
    }

    @Test("--output writes several formats in one run, next to the text on standard output")
    func severalOutputs() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let formats: [OutputFormat] = [.json, .junit, .sarif, .markdown, .github, .gitlab]
        let outputs = formats.flatMap { ["--output", "\($0.rawValue)=\(directory.path)/nested/out.\($0.rawValue)"] }
        let result = ScenarioTests.run(outputs + Self.failing)
        #expect(result.code == 1, "\(result.err)")
        #expect(result.out.hasPrefix("FAIL   line-coverage") && result.out.hasSuffix("exit 1\n"))
        for format in formats {
            let text = try #require(Self.read(directory.appendingPathComponent("nested/out.\(format.rawValue)")))
            #expect(!text.isEmpty, "\(format)")
        }
        #expect(
            Self.read(directory.appendingPathComponent("nested/out.junit"))?.contains(
                "<failure type=\"coverage.line_rate\"") == true)
        #expect(
            Self.read(directory.appendingPathComponent("nested/out.sarif"))?.contains("\"version\": \"2.1.0\"") == true)
        #expect(Self.read(directory.appendingPathComponent("nested/out.json"))?.contains("\"exit_code\": 1") == true)
        // The files are what --format prints, byte for byte.
        for format in formats {
            let printed = ScenarioTests.run(["--format", format.rawValue] + Self.failing).out
            #expect(
                printed == Self.read(directory.appendingPathComponent("nested/out.\(format.rawValue)")), "\(format)")
        }
    }

    @Test("an --output file that cannot be written is reported and makes the exit code 2")
    func unwritableOutput() {
        let result = ScenarioTests.run(["--output", "junit=/dev/null/gatecheck.xml"] + Self.failing)
        #expect(result.code == 2)
        #expect(result.err.contains("Error: cannot write /dev/null/gatecheck.xml: Not a directory"), "\(result.err)")
        #expect(result.out.contains("FAIL: 3 passed, 6 failed, 1 warned"))
    }

    @Test(
        "a malformed --output names the formats; one file named twice is refused",
        arguments: [
            (["--output", "junit"], "is not FORMAT=PATH"),
            (
                ["--output", "xml=out.xml"],
                "'xml' is not an output format; use one of text, json, junit, sarif, markdown, github, gitlab"
            ),
            (["--output", "junit="], "names no file"),
            (["--output", "junit=a.xml", "--output", "sarif=a.xml"], "--output names a.xml twice"),
        ])
    func badOutputArgument(_ arguments: [String], _ message: String) {
        let result = ScenarioTests.run(arguments + Self.failing)
        #expect(result.code == 64)
        #expect(result.err.contains(message), "\(result.err)")
    }

    @Test("CI detection reads the environment it is given")
    func ciDetection() {
        #expect(CIEnvironment.detect(Environment(variables: ["GITHUB_ACTIONS": "true"])) == .gitHubActions)
        #expect(CIEnvironment.detect(Environment(variables: ["GITHUB_ACTIONS": "false", "CI": "true"])) == .other)
        #expect(CIEnvironment.detect(Environment(variables: [:])) == .other)
    }

    @Test("on GitHub Actions without --format: annotations, then the text verdict; --format overrides")
    func gitHubDefault() {
        let github = ScenarioTests.run(Self.failing, environment: ["GITHUB_ACTIONS": "true"])
        #expect(github.code == 1)
        #expect(github.out.hasPrefix("::error title=gatecheck line-coverage (failed)::"))
        #expect(
            github.out.contains(
                "\n::notice title=gatecheck::gatecheck fail: 3 passed, 6 failed, 1 warned; exit 1\nFAIL   line-coverage"
            ))
        #expect(github.out.hasSuffix("FAIL: 3 passed, 6 failed, 1 warned (6 reports); exit 1\n"))
        let text = ScenarioTests.run(["--format", "text"] + Self.failing, environment: ["GITHUB_ACTIONS": "true"])
        #expect(!text.out.contains("::error") && !text.out.contains("::notice"))
        let local = ScenarioTests.run(Self.failing)
        #expect(!local.out.contains("::error"))
    }

    @Test("with the github format and GITHUB_STEP_SUMMARY set, the Markdown summary is appended to it")
    func stepSummary() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = directory.appendingPathComponent("step_summary.md")
        try "## Earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let environment = ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary.path]
        #expect(ScenarioTests.run(Self.failing, environment: environment).code == 1)
        let markdown = ScenarioTests.run(["--format", "markdown"] + Self.failing).out
        #expect(Self.read(summary) == "## Earlier step\n" + markdown + "\n")
        // The text format alone does not touch the summary; --output github=... does.
        _ = ScenarioTests.run(["--format", "text"] + Self.failing, environment: environment)
        #expect(Self.read(summary) == "## Earlier step\n" + markdown + "\n")
        let annotations = directory.appendingPathComponent("annotations.txt").path
        _ = ScenarioTests.run(
            ["--format", "json", "--output", "github=\(annotations)"] + Self.failing, environment: environment)
        #expect(Self.read(summary) == "## Earlier step\n" + markdown + "\n" + markdown + "\n")
    }

    @Test(
        "colour: auto on a terminal unless NO_COLOR is set or TERM is dumb; always and never win",
        arguments: [
            ([String](), [String: String](), true, true),
            ([], ["NO_COLOR": "1"], true, false),
            ([], ["NO_COLOR": ""], true, true),
            ([], ["TERM": "dumb"], true, false),
            ([], [:], false, false),
            (["--color", "never"], [:], true, false),
            (["--color", "always"], ["NO_COLOR": "1"], false, true),
        ])
    func color(_ flags: [String], _ environment: [String: String], _ terminal: Bool, _ expected: Bool) {
        let result = ScenarioTests.run(flags + Self.failing, environment: environment, isTerminal: terminal)
        #expect(result.out.contains("\u{1B}[31mFAIL") == expected)
    }

    @Test("--quiet prints only what needs attention")
    func quiet() {
        let result = ScenarioTests.run(["--quiet"] + Self.failing)
        #expect(!result.out.contains("PASS") && result.out.contains("WARN   branch-coverage"))
    }

    @Test("init writes the built-in gates once, creating directories, and refuses to overwrite")
    func initCommand() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ci/gates.json").path
        let first = ScenarioTests.run(["init", "--path", path])
        #expect(first.code == 0 && first.out.contains("wrote \(path): the 11 built-in gates"))
        let written = try #require(Self.read(URL(fileURLWithPath: path)))
        guard case .success(let configuration) = ConfigurationDecoder.decode(Array(written.utf8), file: path) else {
            Issue.record("the written configuration does not decode")
            return
        }
        #expect(configuration.gates == Configuration.builtInGates)
        try "edited\n".write(toFile: path, atomically: true, encoding: .utf8)
        let second = ScenarioTests.run(["init", "--path", path])
        #expect(second.code == 2)
        #expect(second.err.contains("it already exists") && second.err.contains("never overwrites"))
        #expect(Self.read(URL(fileURLWithPath: path)) == "edited\n")
        #expect(ScenarioTests.run(["validate-config", path]).code == 2)
    }

    @Test(
        "every command has --help with examples that fit 80 columns",
        arguments: [
            GateCheckCommand.self, CheckCommand.self, InitCommand.self, ValidateConfigCommand.self, DetectCommand.self,
        ] as [any ParsableCommand.Type])
    func help(_ command: any ParsableCommand.Type) {
        let help = GateCheckCommand.helpMessage(for: command, columns: 80)
        #expect(help.contains("Examples:\n  gatecheck "), "\(help)")
        let examples = help.components(separatedBy: "Examples:\n").last?.components(separatedBy: "\n\n").first ?? ""
        for line in examples.split(separator: "\n") {
            #expect(line.hasPrefix("  "), "a wrapped example line: \(line)")
        }
    }

    @Test("shell completion scripts name every command and the output options", arguments: CompletionShell.allCases)
    func completion(_ shell: CompletionShell) {
        let script = GateCheckCommand.completionScript(for: shell)
        for word in ["init", "validate-config", "detect", "output", "format", "sarif-findings"] {
            #expect(script.contains(word), "\(shell): \(word)")
        }
    }

    @Test("the built executable prints a completion script for each shell")
    func completionFromExecutable() throws {
        let binary = ScenarioTests.root.appendingPathComponent(".build/debug/gatecheck")
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("gatecheck"), binary]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            Issue.record("the gatecheck executable was not built")
            return
        }
        for shell in CompletionShell.allCases {
            let process = Process()
            process.executableURL = path
            process.arguments = ["--generate-completion-script", shell.rawValue]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 && output.contains("validate-config"), "\(shell)")
        }
    }
}
