#if canImport(Glibc)
    import Glibc
#endif

/// Writes outputs to files.
///
/// Replacing (for `--output`), appending (for `$GITHUB_STEP_SUMMARY`) or only creating (for `init`, which never
/// overwrites). Errors are sentences for the user.
enum OutputFile {
    enum Mode {
        /// Create the file or truncate it; create missing parent directories.
        case replace
        /// Add to the end, creating the file if needed.
        case append
        /// Create the file (and missing parent directories); fail if it exists.
        case create
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String, mode: Mode) throws(Failure) {
        if mode != .append { try makeParentDirectories(of: path) }
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC
        switch mode {
        case .replace: flags |= O_TRUNC
        case .append: flags |= O_APPEND
        case .create: flags |= O_EXCL
        }
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            throw Failure(description: "cannot write \(path): \(reason)")
        }
        defer { close(descriptor) }
        let failure = Console.writeAll(descriptor, text)
        if failure != 0 {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(failure)))")
        }
    }

    /// `mkdir -p` of the path's directory.
    private static func makeParentDirectories(of path: String) throws(Failure) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = path[..<slash]
        var current = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + component
            if component == "." || component == ".." { continue }
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw Failure(
                    description: "cannot create the directory \(current): \(String(cString: strerror(errno)))")
            }
        }
    }
}
