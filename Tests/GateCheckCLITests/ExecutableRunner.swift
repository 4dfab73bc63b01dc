import Foundation
import Testing

/// Runs the built `gatecheck` executable as a child process, with a deadline, and reports its exit status, output,
/// wall time and peak resident memory.
///
/// The peak is the child's `VmHWM` (its own high-water mark) read from /proc/PID/status every 2 ms while it runs,
/// so at most its last 2 ms go unobserved. `wait4`'s `ru_maxrss` cannot be used: glibc's `posix_spawn` starts the
/// child with `vfork`, and at `exec` Linux records the high-water mark of the memory the child shared until then,
/// that of this test process (about 150 MB when the suites run), as the child's own.
enum ExecutableRunner {
    struct Run {
        /// The exit status, or `nil` when the deadline killed the process.
        var status: Int32?
        var output: String
        var seconds: Double
        /// Peak resident set size of the child, in bytes (sampled, see above).
        var peakResidentBytes: Int
    }

    /// The debug executable that `swift build` / `swift test` put beside the tests, if it was built.
    static var executable: String? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("gatecheck").path,
            ScenarioTests.root.appendingPathComponent(".build/debug/gatecheck").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Set once: writes into a closed pipe return EPIPE instead of raising SIGPIPE.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs the executable with `arguments`, killing it after `deadline` seconds.
    ///
    /// Standard input is /dev/null, or a pipe that `stdin` is written into.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, deadline: Double = 30) throws -> Run {
        let executable = try #require(executable, "the gatecheck executable was not built (run swift build)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-run-\(UUID()).out")
        defer { try? FileManager.default.removeItem(at: output) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipe: [Int32] = [-1, -1]
        if stdin != nil {
            try #require(Glibc.pipe(&pipe) == 0)
            posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
            posix_spawn_file_actions_addclose(&actions, pipe[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        if let stdin {
            // The executable may stop reading before the end (a pipe's first 64 KiB settle its kind): the write
            // then fails with EPIPE, which must not kill the test process with SIGPIPE.
            _ = Self.ignoreBrokenPipes
            close(pipe[0])
            let writer = pipe[1]
            DispatchQueue.global().async {
                var offset = 0
                while offset < stdin.count {
                    let written = stdin.withUnsafeBytes { write(writer, $0.baseAddress! + offset, $0.count - offset) }
                    if written <= 0 { break }
                    offset += written
                }
                close(writer)
            }
        }

        var status: Int32 = 0
        var killed = false
        var peak = 0
        while true {
            peak = max(peak, highWaterMark(of: pid))
            if waitpid(pid, &status, WNOHANG) == pid { break }
            if ContinuousClock.now - started > .seconds(deadline), !killed {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(2_000)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let exited = status & 0x7F == 0
        return Run(
            status: killed || !exited ? nil : (status >> 8) & 0xFF,
            output: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            seconds: seconds, peakResidentBytes: peak)
    }

    /// A running process's peak resident set size so far (`VmHWM`), in bytes; 0 once it has exited.
    private static func highWaterMark(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }
}
