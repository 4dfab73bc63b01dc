import ArgumentParser
import Foundation
@_spi(Internals) import GateCheck
import Synchronization
import Testing

@testable import GateCheckCLI

/// A verdict that cannot be written to standard output is not delivered: exit 2 with the reason on standard error,
/// whatever the verdict (a full disk, a closed descriptor, a reader that went away: SIGPIPE is ignored and EPIPE
/// is an error like any other).
struct StandardOutputTests {
    static let passing = [ScenarioTests.root.appendingPathComponent("sample-reports/passing").path]

    /// How standard output is set up for the child.
    enum Stdout: String, CaseIterable, Sendable {
        /// `> /dev/full`: every write fails with ENOSPC.
        case full
        /// `>&-`: descriptor 1 closed.
        case closed
        /// A pipe whose reader is gone (`| head -0`), with SIGPIPE at its default action in the child.
        case brokenPipe
        /// A 4 KiB pipe, non-blocking (as a parent may leave it), read slowly: full writes must be waited out.
        case slowNonBlockingPipe

        static let failing: [Stdout] = [.full, .closed, .brokenPipe]
    }

    /// Runs the built executable with standard output set up as `stdout` and standard error into a file; returns the
    /// exit status (`nil` if killed by a signal or after 20 s), standard error, and what a slow reader read.
    static func run(_ arguments: [String], stdout: Stdout) throws -> (status: Int32?, err: String, out: [UInt8]) {
        let executable = try #require(ExecutableRunner.executable, "the gatecheck executable was not built")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-err-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: errors) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var pipe: [Int32] = [-1, -1]
        switch stdout {
        case .full: posix_spawn_file_actions_addopen(&actions, 1, "/dev/full", O_WRONLY, 0)
        case .closed: posix_spawn_file_actions_addclose(&actions, 1)
        case .brokenPipe, .slowNonBlockingPipe:
            try #require(Glibc.pipe(&pipe) == 0)
            if stdout == .brokenPipe {
                close(pipe[0])  // the reader is gone before the first write
                pipe[0] = -1
            } else {
                _ = fcntl(pipe[1], 1031, 4096)  // F_SETPIPE_SZ (Linux), which Glibc does not export
                _ = fcntl(pipe[1], F_SETFL, fcntl(pipe[1], F_GETFL) | O_NONBLOCK)
            }
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[1])
            if pipe[0] >= 0 { posix_spawn_file_actions_addclose(&actions, pipe[0]) }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        if pipe[1] >= 0 { close(pipe[1]) }
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        let started = ContinuousClock.now
        var out: [UInt8] = []
        if pipe[0] >= 0 {
            // Slowly: 1 KiB every millisecond, so that the child finds the pipe full again and again.
            var chunk = [UInt8](repeating: 0, count: 1024)
            while ContinuousClock.now - started < .seconds(20) {
                usleep(1_000)
                let got = chunk.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
                if got <= 0 { break }
                out += chunk[0..<got]
            }
            close(pipe[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) != pid {
            if ContinuousClock.now - started > .seconds(20) { kill(pid, SIGKILL) }
            usleep(2_000)
        }
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : nil, (try? String(contentsOf: errors, encoding: .utf8)) ?? "", out)
    }

    @Test("a verdict that cannot be written to standard output exits 2 with the reason", arguments: Stdout.failing)
    func executable(_ stdout: Stdout) throws {
        let (status, err, _) = try Self.run(Self.passing, stdout: stdout)
        #expect(status == 2, "\(stdout): \(err)")
        #expect(err.contains("Error: cannot write the verdict to standard output"), "\(err)")
    }

    @Test("with standard output closed, an --output file gets its format only, never the text verdict")
    func closedStdoutAndOutputFile() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("verdict.json").path
        let (status, _, _) = try Self.run(["--output", "json=\(output)"] + Self.passing, stdout: .closed)
        #expect(status == 2)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("{") && !written.contains("PASS "))
    }

    @Test("detect, too, exits 2 when its standard output cannot be written")
    func detectCommand() throws {
        let (status, err, _) = try Self.run(["detect"] + Self.passing, stdout: .full)
        #expect(status == 2)
        #expect(err.contains("Error: cannot write to standard output"), "\(err)")
    }

    @Test("a full non-blocking standard output is waited for, not taken for a failure: the whole verdict arrives")
    func nonBlockingPipe() throws {
        let failing = ScenarioTests.root.appendingPathComponent("sample-reports/failing").path
        let arguments = [
            "--format", "json", "--config", ScenarioTests.root.path + "/sample-reports/gates.json", failing,
        ]
        let (status, err, out) = try Self.run(arguments, stdout: .slowNonBlockingPipe)
        #expect(status == 1, "\(err)")
        let expected = ScenarioTests.run(arguments).out
        #expect(expected.utf8.count > 8192, "more than the pipe holds")
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    @Test("in-process: a console whose standard output fails makes a passing verdict exit 2, reason on stderr")
    func inProcess() throws {
        let errors = Mutex("")
        let console = Console(
            checkedOut: { _ in ENOSPC }, writeError: { text in errors.withLock { $0 += text } }, isTerminal: false)
        let output = try OutputOptions.parse(["--format", "text"])
        let code = CheckRunner(environment: Environment(variables: [:]), console: console).run(
            configPath: nil, paths: Self.passing, output: output, jobs: 1)
        #expect(code == 2)
        #expect(errors.withLock { $0 }.contains("standard output: No space left on device"))
    }
}
