import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the command writes: standard output and error in production, buffers in tests.
///
/// A failed write to standard output is remembered (``standardOutputError``): a verdict that did not reach the log
/// is not delivered, so the command exits 2 instead of reporting the verdict's own code.
struct Console: Sendable {
    /// Writes to standard output; returns 0 or the `errno` of the write that failed.
    private let out: @Sendable (String) -> Int32
    let writeError: @Sendable (String) -> Void
    /// Whether standard output is a terminal (for `--color auto`).
    let isTerminal: Bool
    private let firstOutError = FirstError()

    /// A console whose standard output never fails (tests collecting the text).
    init(
        writeOut: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        isTerminal: Bool
    ) {
        self.init(
            checkedOut: { text in
                writeOut(text)
                return 0
            }, writeError: writeError, isTerminal: isTerminal)
    }

    /// A console whose standard output reports failures as an `errno` (0: written).
    init(
        checkedOut: @escaping @Sendable (String) -> Int32, writeError: @escaping @Sendable (String) -> Void,
        isTerminal: Bool
    ) {
        out = checkedOut
        self.writeError = writeError
        self.isTerminal = isTerminal
    }

    /// The process's standard output and error.
    ///
    /// Created before any file is opened, so it first makes sure descriptors 0, 1 and 2 are open (a closed standard
    /// output would otherwise be reused by the first `open`, and the verdict written into an output file or
    /// report), and ignores SIGPIPE, so that a reader that went away (`gatecheck … | head -0`) is a write error
    /// (EPIPE, exit 2) rather than a silent death by signal.
    static let standard: Console = {
        reserveStandardDescriptors()
        signal(SIGPIPE, SIG_IGN)
        return Console(
            checkedOut: { text in writeAll(1, text) },
            writeError: { text in _ = writeAll(2, text) },
            isTerminal: isatty(1) == 1)
    }()

    /// Writes `text` to standard output, remembering the first failure.
    func writeOut(_ text: String) {
        let failure = out(text)
        if failure != 0 { firstOutError.record(failure) }
    }

    /// The `errno` of the first failed write to standard output, if one failed.
    var standardOutputError: Int32? { firstOutError.value }

    /// Writes all of `text` to a file descriptor, retrying after interruptions; returns 0 or the `errno` of the
    /// write that failed.
    ///
    /// A descriptor left non-blocking by another program (a terminal or pipe shared with a parent that set
    /// `O_NONBLOCK`) answers EAGAIN when full: that is waited out with `poll`, as a blocking write would, rather than
    /// taken for a failure.
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32 {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                systemWrite(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Puts /dev/null, opened read-only, on each of descriptors 0–2 that is closed: reads see the end, writes fail
    /// with EBADF (so a closed standard output is still an error), and no file gatecheck opens can take their place.
    private static func reserveStandardDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", O_RDONLY)
            guard null >= 0 else { continue }
            if null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }

    /// The first error code recorded; shared by copies of a console.
    private final class FirstError: Sendable {
        private let stored = Mutex<Int32?>(nil)

        func record(_ code: Int32) {
            stored.withLock { if $0 == nil { $0 = code } }
        }

        var value: Int32? { stored.withLock { $0 } }
    }
}

/// The process environment, passed in so that tests can set it.
struct Environment: Sendable {
    var variables: [String: String]

    static var current: Environment {
        var variables: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return Environment(variables: variables)
    }

    subscript(_ name: String) -> String? { variables[name] }
}
