import ArgumentParser
import Foundation
@_spi(Internals) import GateCheck
import Synchronization
import Testing

@testable import GateCheckCLI

/// End-to-end scenarios, run in-process: `Scenarios/<name>/args` (one argument per line; `$ROOT` is the package
/// root, `$SCENARIO` the scenario folder), `exit-code`, and `expected-output` (exact, with the same placeholders)
/// or `expected-lines` (lines that must appear). `GATECHECK_RECORD=1` rewrites `expected-output`.
struct ScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("Tests/GateCheckCLITests/Scenarios")

    static let names: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Runs `gatecheck` with these arguments in-process, with this environment and a console that is or is not a
    /// terminal; returns exit code and standard output and error.
    static func run(_ arguments: [String], environment: [String: String] = [:], isTerminal: Bool = false)
        -> (code: Int32, out: String, err: String)
    {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            writeOut: { text in out.withLock { $0 += text } }, writeError: { text in err.withLock { $0 += text } },
            isTerminal: isTerminal)
        let code: Int32
        do {
            let command = try GateCheckCommand.parseAsRoot(arguments)
            guard let command = command as? any ContextCommand else { return (0, "", "") }
            let context = CommandContext(
                environment: Environment(variables: environment), console: console, today: Day("2026-11-26")!)
            code = command.execute(in: context)
        } catch {
            err.withLock { $0 += GateCheckCommand.fullMessage(for: error) }
            code = GateCheckCommand.exitCode(for: error).rawValue
        }
        return (code, out.withLock { $0 }, err.withLock { $0 })
    }

    @Test("scenario", arguments: names)
    func scenario(_ name: String) throws {
        let folder = Self.scenarios.appendingPathComponent(name)
        func read(_ file: String) -> String? {
            try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let substitute = { (text: String) in
            text.replacingOccurrences(of: "$SCENARIO", with: folder.path).replacingOccurrences(
                of: "$ROOT", with: Self.root.path)
        }
        let arguments = try #require(read("args")).split(separator: "\n").map { substitute(String($0)) }
        let codeText = try #require(read("exit-code"))
        let expectedCode = try #require(Int32(codeText.trimmingCharacters(in: .whitespacesAndNewlines)))
        let result = Self.run(arguments)
        let output = (result.out + result.err).replacingOccurrences(of: folder.path, with: "$SCENARIO")
            .replacingOccurrences(of: Self.root.path, with: "$ROOT")
        #expect(result.code == expectedCode, "\(name): exit \(result.code)\n\(output)")
        if let expected = read("expected-output") {
            if expected != output, ProcessInfo.processInfo.environment["GATECHECK_RECORD"] == "1" {
                try output.write(
                    to: folder.appendingPathComponent("expected-output"), atomically: true, encoding: .utf8)
            }
            #expect(expected == output, "\(name) output differs:\n\(output)")
        }
        for line in (read("expected-lines") ?? "").split(separator: "\n") {
            #expect(output.contains(line), "\(name): missing '\(line)' in\n\(output)")
        }
    }

    @Test("the same reports in any order give byte-identical JSON verdicts, with 1 or 2 jobs")
    func determinism() {
        let base = Self.root.path + "/sample-reports/"
        let a = Self.run(["--format", "json", base + "failing/junit.xml", base + "failing/coverage.xml", "--jobs", "1"])
        let b = Self.run(["--format", "json", base + "failing/coverage.xml", base + "failing/junit.xml", "--jobs", "2"])
        #expect(a.code == 1 && a.out == b.out && !a.out.isEmpty)
    }

    @Test("--help documents the exit codes")
    func help() {
        let help = GateCheckCommand.helpMessage()
        #expect(help.contains("0  every blocking gate passed") && help.contains("2  cannot judge"))
    }

    @Test("the built executable exits 0 on the passing samples and 1 on the failing ones")
    func executable() throws {
        let binary = Bundle.main.bundleURL.appendingPathComponent("gatecheck")
        let candidates = [binary, Self.root.appendingPathComponent(".build/debug/gatecheck")]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            Issue.record("the gatecheck executable was not built")
            return
        }
        for (set, expected) in [("passing", Int32(0)), ("failing", 1)] {
            let process = Process()
            process.executableURL = path
            process.arguments = [Self.root.appendingPathComponent("sample-reports/\(set)").path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == expected, "\(set)")
        }
    }
}
