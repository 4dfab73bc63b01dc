@_spi(Internals) import GateCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes baseline files; what they hold is the library's (``BaselineCodec``).
enum BaselineFile {
    /// The largest baseline read: far more than any run's fingerprints and test ids.
    static let maxBytes = 512 << 20

    /// The baseline at `path`, or why it cannot be used (missing, unreadable, too large, not a baseline).
    static func read(_ path: String, expectedCommit: String?) -> BaselineContext {
        let bytes: [UInt8]
        do {
            let file = try FileSource(path: path)
            // A regular file is read at its size: peeking the whole limit would touch that much memory.
            let peeked = try file.peek(file.isRegularFile ? min(file.size, maxBytes) + 1 : maxBytes + 1)
            guard peeked.bytes.count <= maxBytes else {
                return .unusable(
                    name: path, code: "baseline.unreadable",
                    reason: "the baseline \(path) is larger than \(maxBytes) bytes; it is not one gatecheck wrote")
            }
            bytes = peeked.bytes
        } catch {
            let fix =
                "download it (or write it with --output baseline=PATH on the base commit) before this step, or give "
                + "the gates \"on_missing\": \"warn\" while there is none"
            if access(path, F_OK) != 0 {
                return .unusable(
                    name: path, code: "baseline.missing", reason: "the baseline \(path) does not exist; \(fix)")
            }
            return .unusable(
                name: path, code: "baseline.unreadable",
                reason: "the baseline \(path) cannot be read (\(error.message)); \(fix)")
        }
        return BaselineCodec.checked(BaselineCodec.decode(bytes, name: path), expectedCommit: expectedCommit)
    }

    /// Writes the baseline, replacing the file atomically.
    static func write(_ baseline: Baseline, to path: String) throws(OutputFile.Failure) {
        try OutputFile.write(String(decoding: BaselineCodec.encode(baseline), as: UTF8.self), to: path, mode: .replace)
    }
}
