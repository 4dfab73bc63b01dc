import Foundation
import Testing

/// Whether git runs here.
enum GitPresence {
    static let isAvailable: Bool =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/git")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git")
}

/// `--diff` and `--diff-base` through the executable, over a git repository built here from the src-layout fixture.
@Suite("--diff and --diff-base", .enabled(if: GitPresence.isAvailable, "git not found"))
struct DiffBaseTests {
    static let fixture = ScenarioTests.root.appendingPathComponent(
        "Tests/GateCheckTests/Fixtures/diff-cover/src-layout")

    /// Runs git; exit status and output.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "T" }
        for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "t@example.com" }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A repository: `main` at the base tree, `feature` one commit on with the head tree, `main` one more commit on.
    static func repository() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-diffbase-\(UUID())")
        let repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: repo)
        try copyTree(fixture.appendingPathComponent("base"), to: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "base"], in: repo)
        try git(["checkout", "-q", "-b", "feature"], in: repo)
        try copyTree(fixture.appendingPathComponent("head"), to: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "head"], in: repo)
        try git(["checkout", "-q", "main"], in: repo)
        try "later\n".write(to: repo.appendingPathComponent("CHANGELOG"), atomically: true, encoding: .utf8)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "main moves on"], in: repo)
        try git(["checkout", "-q", "feature"], in: repo)
        try FileManager.default.copyItem(
            at: fixture.appendingPathComponent("coverage.xml"), to: root.appendingPathComponent("coverage.xml"))
        try #"{"version": 1, "gates": [{"id": "new-code", "metric": "coverage.diff_lines_missed", "max": 4}]}"#
            .write(to: root.appendingPathComponent("gates.json"), atomically: true, encoding: .utf8)
        return root
    }

    static func copyTree(_ tree: URL, to destination: URL) throws {
        let files = try #require(FileManager.default.enumerator(at: tree, includingPropertiesForKeys: nil))
        for case let url as URL in files where !url.hasDirectoryPath {
            let relative = String(url.standardizedFileURL.path.dropFirst(tree.standardizedFileURL.path.count + 1))
            let target = destination.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: url, to: target)
        }
    }

    @Test("--diff-base measures the change since the merge-base (main's later commit is not in it)")
    func diffBase() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try ExecutableRunner.run([
            "check", "--config", root.appendingPathComponent("gates.json").path, "--diff-base", "main", "--root",
            root.appendingPathComponent("repo").path, "--format", "json",
            root.appendingPathComponent("coverage.xml").path,
        ])
        #expect(run.status == 1, "\(run.output)")
        // diff-cover's 8 violations over src/calc (its JSON beside the fixture): more than the bound of 4.
        #expect(run.output.contains(#""actual": 8,"#), "\(run.output)")
        #expect(!run.output.contains("CHANGELOG"))
    }

    @Test("--diff FILE gives the same verdict as --diff-base")
    func diffFile() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try ExecutableRunner.run([
            "check", "--config", root.appendingPathComponent("gates.json").path, "--diff",
            Self.fixture.appendingPathComponent("changes.diff").path, "--root",
            "/tmp/gatecheck-diff-fixtures/src-layout",
            root.appendingPathComponent("coverage.xml").path,
        ])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("src/calc/ops.py: changed line(s) 7, 19-21 not covered"), "\(run.output)")
    }

    @Test("an unknown ref is exit 2 with the fix")
    func unknownRef() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try ExecutableRunner.run([
            "check", "--config", root.appendingPathComponent("gates.json").path, "--diff-base", "no-such-branch",
            "--root", root.appendingPathComponent("repo").path, root.appendingPathComponent("coverage.xml").path,
        ])
        #expect(run.status == 2)
        #expect(run.output.contains("no-such-branch is not a commit git knows here"), "\(run.output)")
    }

    @Test("a shallow clone without the merge-base is exit 2, naming --unshallow and fetch-depth: 0")
    func shallowClone() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let clone = root.appendingPathComponent("shallow")
        try Self.git(
            [
                "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature",
                "file://" + root.appendingPathComponent("repo").path, clone.path,
            ], in: root)
        let run = try ExecutableRunner.run([
            "check", "--config", root.appendingPathComponent("gates.json").path, "--diff-base", "origin/main",
            "--root", clone.path, root.appendingPathComponent("coverage.xml").path,
        ])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("git fetch --unshallow"), "\(run.output)")
        #expect(run.output.contains("fetch-depth: 0"))
    }
}
