import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// A directory walk accounts for every entry: what may hide a report (a directory that cannot be listed, a name
/// that is not UTF-8, an entry that cannot be `stat`ed) is an error, exit 2; a FIFO, socket or device is a warning
/// and is never opened.
///
/// Each test hides the failing sample JUnit report (3 failed tests) where the walk used to lose it, beside the
/// passing samples, so the old walk passed (exit 0).
struct DirectoryWalkTests {
    static let passing = ScenarioTests.root.appendingPathComponent("sample-reports/passing")
    static let failingJUnit = ScenarioTests.root.appendingPathComponent("sample-reports/failing/junit.xml")

    /// A temporary directory holding a copy of the passing samples, removed by the caller.
    static func reports() throws -> URL {
        let directory = try OutputCommandTests.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: passing.path) {
            try FileManager.default.copyItem(
                at: passing.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// The system file system, with the listing of some directories and the `lstat` of some paths failing.
    struct FailingFileSystem: WalkFileSystem {
        var unlistable: Set<String> = []
        var unexaminable: Set<String> = []
        let system = SystemFileSystem()

        func entries(of directory: String) -> Result<[[UInt8]], SystemError> {
            unlistable.contains(directory) ? .failure(SystemError(code: EACCES)) : system.entries(of: directory)
        }

        func linkStatus(_ path: String) -> Result<FileStatus, SystemError> {
            unexaminable.contains(path) ? .failure(SystemError(code: EIO)) : system.linkStatus(path)
        }

        func status(_ path: String) -> Result<FileStatus, SystemError> { system.status(path) }
    }

    /// Collects `directory` with this file system and judges it with the built-in gates: error codes and exit code.
    static func judge(_ directory: URL, _ fileSystem: any WalkFileSystem) throws -> (
        errors: [Diagnostic], exitCode: Int32
    ) {
        let collector = InputCollector(walker: DirectoryWalker(fileSystem: fileSystem))
        let collected = collector.collect(paths: [directory.path], bindings: [], configPath: nil)
        let today = try #require(Day("2026-11-26"))
        let checker = GateChecker(configuration: .builtIn, today: today)
        let verdict = checker.verdict(ReportLoader(checker: checker, jobs: 1).collection(collected))
        return (verdict.diagnostics.filter { $0.severity == .error }, verdict.exitCode)
    }

    @Test("a subdirectory that cannot be listed, or an entry lstat refuses, is an error naming it (exit 2)")
    func unlistableAndUnexaminable() throws {
        let directory = try Self.reports()
        defer { try? FileManager.default.removeItem(at: directory) }
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.failingJUnit, to: locked.appendingPathComponent("junit.xml"))
        #expect(
            try Self.judge(directory, SystemFileSystem()).exitCode == 1, "the failing report is found when readable")

        let unlistable = try Self.judge(directory, FailingFileSystem(unlistable: [locked.path]))
        #expect(unlistable.exitCode == 2)
        let listing = try #require(unlistable.errors.first { $0.code == "input.unreadable" })
        #expect(listing.file == locked.path)
        #expect(listing.message.contains("cannot be listed (Permission denied)") && listing.message.contains("make it"))

        let entry = locked.appendingPathComponent("junit.xml").path
        let unexaminable = try Self.judge(directory, FailingFileSystem(unexaminable: [entry]))
        #expect(unexaminable.exitCode == 2)
        #expect(unexaminable.errors.contains { $0.code == "input.unreadable" && $0.file == entry })
    }

    @Test("a name that is not UTF-8 is an error, shown with its bytes escaped (exit 2), through the command")
    func nonUTF8Name() throws {
        let directory = try Self.reports()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = Array(directory.path.utf8) + Array("/r\u{E9}sultats-".utf8) + [0xFF, 0xFE] + Array(".xml".utf8)
        let content = try Data(contentsOf: Self.failingJUnit)
        let descriptor = open((bytes + [0]).map { CChar(bitPattern: $0) }, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(descriptor >= 0)
        _ = content.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)

        let result = ScenarioTests.run(["--format", "json", directory.path])
        #expect(result.code == 2, "\(result.out)")
        #expect(result.out.contains(#"résultats-\\xFF\\xFE.xml"#), "\(result.out)")
        #expect(result.out.contains("input.unreadable") && result.out.contains("rename it"))
    }

    @Test(
        "a link that leads nowhere (dangling, a loop) is an error naming it (exit 2)", arguments: ["dangling", "loop"])
    func brokenLink(_ kind: String) throws {
        let directory = try Self.reports()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("junit-shard.xml").path
        let target = kind == "loop" ? link : directory.appendingPathComponent("build/junit.xml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = ScenarioTests.run(["--format", "json", directory.path])
        #expect(result.code == 2)
        #expect(result.out.contains("input.unreadable") && result.out.contains(link), "\(result.out)")
    }

    @Test("a FIFO, a link to one and a socket in a walked directory are warnings, never opened; the run goes on")
    func nonRegularEntries() throws {
        let directory = try Self.reports()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("junit-live.xml").path
        try #require(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("link.xml").path, withDestinationPath: fifo)
        let socketPath = directory.appendingPathComponent("agent.sock").path
        try #require(socketPath.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path), "a short TMPDIR")
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)

        let run = try ExecutableRunner.run(["--format", "json", directory.path], deadline: 20)
        #expect(run.status == 0, "\(run.output)")
        let verdict = try #require(
            try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        let warnings = (verdict["diagnostics"] as? [[String: Any]] ?? []).filter {
            $0["code"] as? String == "input.not-regular" && $0["severity"] as? String == "warning"
        }
        #expect(Set(warnings.compactMap { $0["file"] as? String }) == [fifo, directory.path + "/link.xml", socketPath])
    }

    @Test("names are escaped for display: invalid bytes and control characters as \\xHH, the rest as is")
    func escaping() {
        #expect(DirectoryWalker.escaped(Array("caf\u{E9}.xml".utf8)) == "caf\u{E9}.xml")
        #expect(DirectoryWalker.escaped([0x61, 0xFF, 0x62]) == #"a\xFFb"#)
        #expect(DirectoryWalker.escaped([0x61, 0xC3]) == #"a\xC3"#)
        #expect(DirectoryWalker.escaped([0x61, 0x0A, 0x1B]) == #"a\x0A\x1B"#)
        #expect(DirectoryWalker.escaped([0xED, 0xA0, 0x80]) == #"\xED\xA0\x80"#)
    }
}
