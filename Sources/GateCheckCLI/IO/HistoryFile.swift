@_spi(Internals) import GateCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The history file's I/O: read it for the gates, append one line for `record` (docs/history.md).
enum HistoryFile {
    /// Reads the history for the gates that compare with it; a missing file is ``HistoryContext/Content/missing(reason:)``
    /// (each gate's `on_missing` decides), any other failure to read is damage (exit 2).
    static func context(path: String, now: Timestamp, metrics: Set<String>, labels: [[String: String]]?)
        -> HistoryContext
    {
        var info = stat()
        if stat(path, &info) != 0, errno == ENOENT {
            return HistoryContext(
                file: path, content: .missing(reason: "the history file \(path) does not exist"), now: now)
        }
        let source: FileSource
        do throws(ReportError) {
            source = try FileSource(path: path)
        } catch {
            return HistoryContext(
                file: path,
                content: .damaged(HistoryError(file: path, line: nil, message: "it could not be read: \(error)")),
                now: now)
        }
        return HistoryContext.read(
            FileSourceReference(file: source), file: path, now: now, metrics: metrics, labels: labels)
    }

    /// Appends `line` (one JSON object and its newline) to the file, creating it if missing.
    ///
    /// One `write(2)` on a descriptor opened with `O_APPEND`: concurrent writers never interleave inside a line and
    /// the file is never rewritten. A file whose last byte is not a newline (a line cut by an earlier failed write)
    /// is refused, since the new line would be glued to the damaged one.
    static func append(_ line: String, to path: String) throws(OutputFile.Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw OutputFile.Failure(description: "cannot append to \(path): it is not a regular file")
        }
        if info.st_size > 0 {
            var last: UInt8 = 0
            let reader = open(path, O_RDONLY | O_CLOEXEC)
            let count = reader >= 0 ? pread(reader, &last, 1, info.st_size - 1) : -1
            if reader >= 0 { close(reader) }
            guard count == 1, last == 0x0A else {
                throw OutputFile.Failure(
                    description: "cannot append to \(path): its last line does not end with a newline, so it was cut "
                        + "short (an interrupted write); fix or remove that line first")
            }
        }
        var bytes = Array(line.utf8)
        let written = bytes.withUnsafeMutableBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw written < 0
                ? failure(path, errno)
                : OutputFile.Failure(
                    description: "cannot append to \(path): only \(written) of \(bytes.count) bytes were written")
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputFile.Failure {
        OutputFile.Failure(description: "cannot append to \(path): \(String(cString: strerror(code)))")
    }
}
