/// What a file's content says it is.
@_spi(Internals) public enum Detection: Sendable, Hashable {
    /// A report of this kind.
    case report(ReportKind)
    /// A readable file that is not a report gatecheck knows (an HTML page, another tool's JSON, a binary file);
    /// the verdict lists it as ignored with this reason.
    case unknown(String)
    /// Text that is neither XML nor JSON (a log, Markdown, a tool's error message), with its first line (at most
    /// 120 bytes). Ignored like ``unknown(_:)``, except where the file's name says it holds a report
    /// (`report.json`): there it is an error, since the step that should have written the report wrote text instead.
    case plainText(firstLine: String)
    /// One of gatecheck's own outputs (its JUnit, SARIF, JSON or GitLab verdict), with the reason it is not read:
    /// never evidence. Found in a directory it is ignored; named or bound it is an error.
    case ownOutput(String)
    /// XML or JSON whose kind the bytes read do not tell yet (the kind-telling part lies further on): read on, or,
    /// where that is not possible, an error (never ignored: it may be a report).
    case undetermined(String)
    /// A file that should be a report but cannot be read as anything (empty, truncated before its kind is told,
    /// a report format gatecheck does not read); this is an error, never silently ignored.
    case unreadable(ReportError)
}

/// Decides a file's kind from its content, never its name (docs/reference/design.md).
///
/// XML is identified by its root element, JSON by the keys of its top-level object (or of the first element of a
/// top-level array), read as far as needed by a ``ReportSniffer``. A UTF-8 byte order mark is skipped and UTF-16 is
/// recognised.
///
/// ```swift
/// switch ReportDetector.detect(prefix: firstBytes, isWholeFile: false) {
/// case .report(let kind): print("a \(kind.rawValue) report")
/// case .undetermined: print("read on: ReportDetector.detect(from: &source, limit: limit)")
/// case .unknown(let reason), .ownOutput(let reason): print("ignored:", reason)
/// case .plainText(let firstLine): print("ignored: text starting", firstLine)
/// case .unreadable(let error): print("error:", error)
/// }
/// ```
@_spi(Internals) public enum ReportDetector {
    /// How many bytes the command line peeks at first; reports settle within it (most within their first hundred
    /// bytes), and only a file that does not is read on (``detect(from:limit:)``).
    public static let prefixLength = 64 * 1024

    /// Detects the kind of a file from bytes at its start (all of them are looked at, as far as needed).
    ///
    /// - Parameters:
    ///   - prefix: the first bytes of the file.
    ///   - isWholeFile: whether `prefix` is the entire file, so that an early end means truncation.
    public static func detect(prefix: some Collection<UInt8>, isWholeFile: Bool) -> Detection {
        var sniffer = ReportSniffer()
        sniffer.feed(prefix)
        return sniffer.detection(isWholeFile: isWholeFile)
    }

    /// Detects the kind of a file by reading `source` from its current position (its start) as far as needed, in
    /// chunks, keeping none of them.
    ///
    /// A file whose kind is still not told after `limit` bytes (`limits.max_report_bytes`, which no report may
    /// exceed anyway) is `too-large`, naming the limit.
    public static func detect(from source: inout some ByteSource, limit: Int) -> Detection {
        var sniffer = ReportSniffer()
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: prefixLength)
        defer { buffer.deallocate() }
        while !sniffer.isSettled {
            let count: Int
            do throws(ByteSourceError) {
                count = try source.read(into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                return .unreadable(.unreadable(error.message))
            }
            if count == 0 { return sniffer.detection(isWholeFile: true) }
            sniffer.feed(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            if !sniffer.isSettled, sniffer.bytesRead > limit { return .unreadable(.tooLarge(limit: limit)) }
        }
        return sniffer.detection(isWholeFile: false)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
