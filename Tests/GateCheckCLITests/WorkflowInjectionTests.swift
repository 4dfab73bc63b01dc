import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// A hostile JUnit report on GitHub Actions: the annotations and the text verdict printed after them give the runner
/// no command of the report's, and no escape sequence reaches the log (issue 11, "Outputs").
struct WorkflowInjectionTests {
    /// Test and file names that start runner commands on their own lines, the older `##[` syntax, an OSC 8 link and
    /// a C1 CSI, all as XML character references, as a test framework would write them.
    static let report = """
        <testsuite name="s" tests="2"><testcase classname="c" name="ok"/>\
        <testcase classname="c&#10;::stop-commands::tok" file="a&#13;::add-mask::f.py" \
        name="x&#10;::add-mask::hunter2&#13;##[warning]v1 &#x9b;31m &#x202E;"><failure \
        message="m&#10;  ::error::forged">t&#10;::set-output name=a::b</failure></testcase></testsuite>
        """

    @Test(
        "GITHUB_ACTIONS=true: every line starting with :: is gatecheck's own annotation",
        arguments: [nil, "text", "markdown", "junit", "json"])
    func onlyOurAnnotations(format: String?) throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.report.write(to: directory.appendingPathComponent("junit.xml"), atomically: true, encoding: .utf8)
        let arguments = (format.map { ["--format", $0] } ?? []) + [directory.path]
        let result = ScenarioTests.run(arguments, environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.code == 1, "\(result.err)")
        let lines = result.out.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let commands = lines.filter { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("::") }
        for line in commands {
            #expect(
                format == nil
                    && ["::error title=", "::warning title=", "::notice title="].contains { line.hasPrefix($0) },
                "a command the report wrote: \(line)")
        }
        #expect(format != nil || commands.count >= 3, "the annotations are there")
        #expect(!result.out.contains("##["))
        #expect(!result.out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{202E}" })
    }

    @Test("detect and validate-config: a file named like a command does not start a line as one")
    func detectPrintsNoCommand() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("::add-mask::hunter2")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try Self.report.write(
            to: reports.appendingPathComponent("::stop-commands::t.xml"), atomically: true, encoding: .utf8)
        try "[tool]\n".write(to: reports.appendingPathComponent("##[warning]x.toml"), atomically: true, encoding: .utf8)
        // Relative paths, as a user types them, so that the file names start the lines detect prints.
        let executable = try #require(ExecutableRunner.executable, "the gatecheck executable was not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["detect", "::add-mask::hunter2"]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.contains("t.xml"), "\(output)")
        for line in output.split(separator: "\n") {
            #expect(!line.drop(while: { $0 == " " }).hasPrefix("::"), "\(line)")
        }
        #expect(!output.contains("##["))
    }
}
