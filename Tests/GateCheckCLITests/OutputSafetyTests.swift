import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// Outputs never destroy evidence: an `--output` (or `$GITHUB_STEP_SUMMARY`) that is an input, or that another
/// output also names, is refused before anything is read or written (exit 64); outputs go only to regular files
/// (exit 2 otherwise, without blocking), and replace the old file atomically.
struct OutputSafetyTests {
    static let failingJUnit = DirectoryWalkTests.failingJUnit

    /// A directory with `reports/junit.xml` (the failing sample), removed by the caller.
    static func workspace() throws -> (directory: URL, junit: String) {
        let directory = try OutputCommandTests.temporaryDirectory()
        let reports = directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let junit = reports.appendingPathComponent("junit.xml").path
        try FileManager.default.copyItem(atPath: failingJUnit.path, toPath: junit)
        return (directory, junit)
    }

    @Test(
        "an --output that is an input, however spelled, is refused (exit 64) and the input is left as it was",
        arguments: [
            "same", "dot-dot", "relative", "link", "hard-link", "walked", "walked-beside-ignored-twin", "missing-input",
            "config",
        ])
    func outputOverInput(_ variant: String) throws {
        let (directory, junit) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("reports").path
        var inputs = [junit]
        var output = junit
        switch variant {
        case "dot-dot": output = reports + "/../reports/./junit.xml"
        case "relative":
            let up = FileManager.default.currentDirectoryPath.split(separator: "/").map { _ in ".." }
            output = up.joined(separator: "/") + junit
        case "link":
            output = directory.appendingPathComponent("latest.xml").path
            try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: junit)
        case "hard-link":
            output = directory.appendingPathComponent("copy.xml").path
            try #require(link(junit, output) == 0)
        case "walked": inputs = [reports]
        case "walked-beside-ignored-twin":
            // The report's name in NFC; a file that is not a report, ignored, has the same name in NFD.
            output = reports + "/r\u{E9}sultats.xml"
            try FileManager.default.moveItem(atPath: junit, toPath: output)
            try #require(
                FileManager.default.createFile(atPath: reports + "/re\u{301}sultats.xml", contents: Data("notes".utf8)))
            inputs = [reports]
        case "missing-input":
            inputs = [reports + "/coverage.xml"]
            output = reports + "/sub/../coverage.xml"
        case "config":
            let config = try FailureModeTests.write(
                #"{"version": 1, "gates": [{"id": "t", "metric": "tests.failed", "max": 0}]}"#, "gates.json",
                in: directory)
            inputs = ["--config", config, junit]
            output = config
        default: break
        }
        let before = try? Data(contentsOf: URL(fileURLWithPath: output))
        let result = ScenarioTests.run(["--output", "json=\(output)"] + inputs)
        #expect(result.code == 64, "\(variant): \(result.err)")
        #expect(result.err.contains("--output json=\(output) would overwrite"), "\(result.err)")
        #expect(result.out.isEmpty, "nothing is judged or printed")
        #expect((try? Data(contentsOf: URL(fileURLWithPath: output))) == before)
    }

    @Test("an output over a file a walk found but detection ignored (an earlier run's verdict) replaces it")
    func walkedIgnoredFileReplaced() throws {
        let (directory, _) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("reports").path
        let output = reports + "/gatecheck-verdict.json"
        let first = ScenarioTests.run(["--output", "json=\(output)", reports])
        #expect(first.code == 1, "\(first.err)")
        let second = ScenarioTests.run(["--output", "json=\(output)", reports])
        #expect(second.code == 1, "\(second.err)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"exit_code\": 1"))
    }

    @Test(
        "two outputs to one file, or an output that is the step summary, are refused (exit 64), nothing written",
        arguments: ["spelling", "link", "summary"])
    func outputsCollide(_ variant: String) throws {
        let (directory, junit) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("out/verdict.json").path
        var arguments = ["--output", "json=\(first)"]
        var environment: [String: String] = [:]
        switch variant {
        case "spelling": arguments += ["--output", "sarif=\(directory.path)/out/../out/verdict.json"]
        case "link":
            try FailureModeTests.write("old", "out/verdict.json", in: directory)
            let link = directory.appendingPathComponent("alias.json").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: first)
            arguments += ["--output", "junit=\(link)"]
        default:
            environment = ["GITHUB_STEP_SUMMARY": first]
            arguments += ["--output", "github=\(directory.path)/annotations.txt"]
        }
        let existed = FileManager.default.fileExists(atPath: first)
        let result = ScenarioTests.run(arguments + [junit], environment: environment)
        #expect(result.code == 64, "\(variant): \(result.err)")
        #expect(result.err.contains("write the same file"), "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: first) == existed)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("annotations.txt").path))
    }

    @Test(
        "an output path holding a FIFO, a device, a directory or a link to a FIFO is an error (exit 2), never opened",
        arguments: ["fifo", "device", "directory", "link-to-fifo"])
    func nonRegularOutput(_ variant: String) throws {
        let (directory, junit) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        var output = directory.appendingPathComponent("out.json").path
        switch variant {
        case "fifo": try #require(mkfifo(output, 0o600) == 0)
        case "device": output = "/dev/null"
        case "directory": try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        default:
            let fifo = directory.appendingPathComponent("fifo").path
            try #require(mkfifo(fifo, 0o600) == 0)
            try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: fifo)
        }
        let run = try ExecutableRunner.run(["--output", "json=\(output)", junit], deadline: 20)
        #expect(run.status == 2, "\(variant): \(run.output)")
        #expect(run.output.contains("Error: cannot write \(output): it is a"), "\(run.output)")
        #expect(run.output.contains("FAIL: "), "the verdict is still printed")
    }

    @Test("an output replaces the old file by rename: a hard link to the old file keeps the old bytes; no temporary")
    func atomicReplace() throws {
        let (directory, junit) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out/verdict.json").path
        try FailureModeTests.write("previous verdict\n", "out/verdict.json", in: directory)
        let keep = directory.appendingPathComponent("previous.json").path
        try #require(link(output, keep) == 0)
        let result = ScenarioTests.run(["--output", "json=\(output)", junit])
        #expect(result.code == 1, "\(result.err)")
        #expect(try String(contentsOfFile: keep, encoding: .utf8) == "previous verdict\n")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"exit_code\": 1"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path)
        #expect(entries == ["verdict.json"])
        let mask = umask(0)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(mode == 0o644 & ~Int(mask))
    }

    @Test("a symbolic link at an output path is replaced itself; the file it pointed to is untouched")
    func linkReplaced() throws {
        let (directory, junit) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = try FailureModeTests.write("someone else's file\n", "elsewhere/notes.txt", in: directory)
        let output = directory.appendingPathComponent("verdict.json").path
        try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: target)
        let result = ScenarioTests.run(["--output", "json=\(output)", junit])
        #expect(result.code == 1, "\(result.err)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "someone else's file\n")
        let type = try FileManager.default.attributesOfItem(atPath: output)[.type] as? FileAttributeType
        #expect(type == .typeRegular)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"exit_code\": 1"))
    }

    @Test("a failed replacement keeps the old file and leaves no temporary")
    func failedReplaceKeepsOld() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try FailureModeTests.write("previous\n", "verdict.json", in: directory)
        // Every temporary name this process would use is taken by a directory, so the write cannot start.
        for attempt in 0..<100 {
            try FileManager.default.createDirectory(
                atPath: directory.path + "/.verdict.json.gatecheck-\(getpid())-\(attempt).tmp",
                withIntermediateDirectories: false)
        }
        #expect(throws: OutputFile.Failure.self) { try OutputFile.write("new\n", to: output, mode: .replace) }
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous\n")
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(entries.filter { !$0.hasPrefix(".verdict.json.gatecheck-") } == ["verdict.json"])
    }
}
