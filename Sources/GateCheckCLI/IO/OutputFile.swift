#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes outputs to files.
///
/// Replacing (for `--output`), appending (for `$GITHUB_STEP_SUMMARY`) or only creating (for `init`, which never
/// overwrites). Only regular files are written: a FIFO, device, socket or directory at the path is an error, found
/// without opening it (opening a FIFO for writing would wait for a reader). Errors are sentences for the user.
enum OutputFile {
    enum Mode {
        /// Replace the file atomically (see ``replace(_:at:)``); create missing parent directories.
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
        switch mode {
        case .replace: try replace(text, at: path)
        case .append: try writeInPlace(text, to: path, flags: O_APPEND)
        case .create: try writeInPlace(text, to: path, flags: O_EXCL)
        }
    }

    /// Writes `text` to a new temporary file beside `path`, flushes it to disk and renames it over `path`.
    ///
    /// A reader (or the next CI step) sees the old file or the whole new one, never a fragment; on any failure the
    /// temporary is removed and the old file is kept. A symbolic link at `path` is replaced itself, never written
    /// through, unless it leads to something that is not a regular file (`/dev/stdout`), which is refused rather
    /// than replaced. The temporary's name starts with a dot, so that a directory walk running meanwhile skips it.
    static func replace(_ text: String, at path: String) throws(Failure) {
        try requireRegularTarget(path)
        let (directory, name) = split(path)
        var descriptor: Int32 = -1
        var temporary = ""
        for attempt in 0..<100 {
            // The name is cut so that the temporary's stays within NAME_MAX (255 bytes) whatever the target's.
            temporary = directory + ".\(name.utf8.count > 200 ? "out" : name).gatecheck-\(getpid())-\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw failure(path, errno) }
        var code = Console.writeAll(descriptor, text)
        if code == 0, fsync(descriptor) != 0 { code = errno }
        if close(descriptor) != 0, code == 0 { code = errno }
        if code == 0, rename(temporary, path) != 0 { code = errno }
        guard code == 0 else {
            unlink(temporary)
            throw failure(path, code)
        }
        // The rename is durable once the directory is flushed; a failure here loses nothing already written.
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    // MARK: - Private

    /// Opens with `flags` (non-blocking, so that a FIFO cannot stall the run), checks that it is a regular file,
    /// and writes.
    private static func writeInPlace(_ text: String, to path: String, flags: Int32) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK | flags, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Failure(description: "cannot write \(path): it already exists") }
            throw failure(path, errno)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(description: "cannot write \(path): \(typeName(info.st_mode)); outputs are regular files")
        }
        let code = Console.writeAll(descriptor, text)
        if code != 0 { throw failure(path, code) }
    }

    /// Refuses a path holding something other than a regular file, or a link to one (a missing path is fine).
    private static func requireRegularTarget(_ path: String) throws(Failure) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        var kind = info.st_mode & S_IFMT
        if kind == S_IFLNK {
            var target = stat()
            guard stat(path, &target) == 0 else { return }  // a dangling link is replaced
            kind = target.st_mode & S_IFMT
            info = target
        }
        if kind != S_IFREG {
            throw Failure(
                description: "cannot write \(path): \(typeName(info.st_mode)); outputs are written only to regular "
                    + "files (to print a format, use --format instead of --output)")
        }
    }

    /// What a non-regular file is, for a message.
    private static func typeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "it is a directory"
        case S_IFIFO: "it is a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "it is a device"
        case S_IFSOCK: "it is a socket"
        default: "it is not a regular file"
        }
    }

    /// The directory part (with its trailing slash, or empty) and the name of a path.
    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    private static func failure(_ path: String, _ code: Int32) -> Failure {
        Failure(description: "cannot write \(path): \(String(cString: strerror(code)))")
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
