/// What the first bytes of a file say it is.
public enum Detection: Sendable, Hashable {
    /// A report of this kind.
    case report(ReportKind)
    /// A readable file that is not a report gatecheck knows (an HTML page, another tool's JSON, a binary file);
    /// the verdict lists it as ignored with this reason.
    case unknown(String)
    /// A file that should be a report but cannot be read as anything (empty, truncated before its first
    /// element); this is an error, never silently ignored.
    case unreadable(ReportError)
}

/// Decides a file's kind from its content, never its name (shared/docs/design.md).
///
/// Only a prefix is needed: XML is identified by its root element, JSON by the keys of its top-level object (or of
/// the first element of a top-level array). A UTF-8 byte order mark is skipped and UTF-16 is recognised.
///
/// ```swift
/// switch ReportDetector.detect(prefix: firstBytes, isWholeFile: false) {
/// case .report(let kind): print("a \(kind.rawValue) report")
/// case .unknown(let reason): print("ignored:", reason)
/// case .unreadable(let error): print("error:", error)
/// }
/// ```
public enum ReportDetector {
    /// How many bytes detection reads at most.
    public static let prefixLength = 64 * 1024

    /// Detects the kind of a file from its first bytes.
    ///
    /// - Parameters:
    ///   - prefix: the first bytes of the file (at most ``prefixLength`` are looked at).
    ///   - isWholeFile: whether `prefix` is the entire file, so that an early end means truncation.
    public static func detect(prefix: some Collection<UInt8>, isWholeFile: Bool) -> Detection {
        let detection = detectKind(Array(prefix.prefix(prefixLength)), isWholeFile: isWholeFile)
        // A whole file that ends too early: say where it ends, as the parsers do.
        if case .unreadable(.truncated(nil)) = detection, isWholeFile {
            return .unreadable(.truncated(at: endPosition(of: prefix)))
        }
        return detection
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // MARK: - Private

    /// The line and column just after the last byte (columns count bytes, as the JSON reader's do, and a UTF-8 byte
    /// order mark is not text, so it does not count; UTF-16 text gets its line only).
    private static func endPosition(of bytes: some Collection<UInt8>) -> FilePosition {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // A line feed is the code unit 0x000A, not any 0x0A byte (U+010A is 0A 01 in UTF-16LE).
            let units = Array(bytes.dropFirst(2))
            let bigEndian = bytes.first == 0xFE
            let feeds = stride(from: 0, to: units.count - 1, by: 2).count { index in
                units[index] == (bigEndian ? 0 : 0x0A) && units[index + 1] == (bigEndian ? 0x0A : 0)
            }
            return FilePosition(line: 1 + feeds)
        }
        var line = 1
        var column = 1
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes.dropFirst(0)
        for byte in text {
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return FilePosition(line: line, column: column)
    }

    private static func detectKind(_ prefix: [UInt8], isWholeFile: Bool) -> Detection {
        var bytes = prefix
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let decoded = decodeUTF16(bytes) else { return .unknown("UTF-16 text that is not valid") }
            bytes = decoded
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return .unreadable(.empty) }
        if bytes.contains(0) { return .unknown("a binary file (it contains NUL bytes)") }
        switch bytes[first] {
        case UInt8(ascii: "<"):
            return XMLSniffer.detect(bytes[first...], isWholeFile: isWholeFile)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return JSONSniffer.detect(bytes[first...], isWholeFile: isWholeFile)
        case UInt8(ascii: "n")
        where bytes[first...].starts(with: Array("null".utf8))
            && bytes[(first + 4)...].allSatisfy(isSpace):
            return .unknown(
                "the JSON literal null, whose report kind cannot be told (Trivy before 0.20 wrote it when it found "
                    + "nothing)")
        default:
            // Safety prints a text banner around its JSON; look for the JSON after it.
            if let start = JSONSniffer.startOfEmbeddedJSON(bytes[first...]),
                case .report(.safety) = JSONSniffer.detect(bytes[start...], isWholeFile: isWholeFile)
            {
                return .report(.safety)
            }
            return .unknown("neither XML nor JSON")
        }
    }

    private static func decodeUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        var index = 2
        while index + 1 < bytes.count {
            let high = UInt16(bytes[bigEndian ? index : index + 1])
            let low = UInt16(bytes[bigEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        var result: [UInt8] = []
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.append(contentsOf: Array(String(scalar).utf8))
            case .emptyInput: break loop
            case .error: return result.isEmpty ? nil : result
            }
        }
        return result
    }
}
