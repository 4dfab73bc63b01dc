import ArgumentParser
import Foundation
import GateCheck
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
    }

    /// Runs the built executable with standard output set up as `stdout` and standard error into a file; returns the
    /// exit status (`nil` if killed by a signal or after 20 s) and standard error.
    static func run(_ arguments: [String], stdout: Stdout) throws -> (status: Int32?, err: String) {
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
        case .brokenPipe:
            try #require(Glibc.pipe(&pipe) == 0)
            close(pipe[0])  // the reader is gone before the first write
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[1])
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        if pipe[1] >= 0 { close(pipe[1]) }
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        let started = ContinuousClock.now
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) != pid {
            if ContinuousClock.now - started > .seconds(20) { kill(pid, SIGKILL) }
            usleep(2_000)
        }
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : nil, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    @Test("a verdict that cannot be written to standard output exits 2 with the reason", arguments: Stdout.allCases)
    func executable(_ stdout: Stdout) throws {
        let (status, err) = try Self.run(Self.passing, stdout: stdout)
        #expect(status == 2, "\(stdout): \(err)")
        #expect(err.contains("Error: cannot write the verdict to standard output"), "\(err)")
    }

    @Test("with standard output closed, an --output file gets its format only, never the text verdict")
    func closedStdoutAndOutputFile() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("verdict.json").path
        let (status, _) = try Self.run(["--output", "json=\(output)"] + Self.passing, stdout: .closed)
        #expect(status == 2)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("{") && !written.contains("PASS "))
    }

    @Test("detect, too, exits 2 when its standard output cannot be written")
    func detectCommand() throws {
        let (status, err) = try Self.run(["detect"] + Self.passing, stdout: .full)
        #expect(status == 2)
        #expect(err.contains("Error: cannot write to standard output"), "\(err)")
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
