#if canImport(Glibc)
    import Glibc
#endif

/// Where the command writes: standard output and error in production, buffers in tests.
struct Console: Sendable {
    let writeOut: @Sendable (String) -> Void
    let writeError: @Sendable (String) -> Void
    /// Whether standard output is a terminal (for `--color auto`).
    let isTerminal: Bool

    static let standard = Console(
        writeOut: { text in write(1, text) },
        writeError: { text in write(2, text) },
        isTerminal: isatty(1) == 1)

    private static func write(_ descriptor: Int32, _ text: String) {
        _ = writeAll(descriptor, text)
    }

    /// Writes all of `text` to a file descriptor, retrying after interruptions; returns 0 or the `errno` of the
    /// write that failed.
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32 {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
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
