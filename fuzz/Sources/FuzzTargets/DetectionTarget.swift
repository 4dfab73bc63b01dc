@_spi(Internals) import GateCheck

/// Detection by content: any bytes give a kind, a reason to ignore, or an error, the same each time, whether they are
/// fed at once or in chunks of any size; a UTF-8 byte order mark, or the same text in UTF-16 (either byte order,
/// with its mark), is detected as the plain UTF-8.
///
/// Detection reads as far as it needs: a report is detected as the same kind when its kind-telling part lies
/// beyond the first window the command line peeks at (``windowed(_:window:chunk:)`` does what `GateChecker.prepare` does,
/// with a window small enough for fuzzing), and padding before that part (whitespace, comments and processing
/// instructions before an XML root, an unknown key before a JSON object's keys) never makes a report ignored.
enum DetectionTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        for isWholeFile in [true, false] {
            let detected = ReportDetector.detect(prefix: bytes, isWholeFile: isWholeFile)
            try expect(
                ReportDetector.detect(prefix: bytes, isWholeFile: isWholeFile) == detected, "two detections differ")
            switch detected {
            case .report: break
            case .unknown(let reason), .ownOutput(let reason), .undetermined(let reason):
                try expect(!reason.isEmpty, "ignored without a reason")
            case .plainText(let firstLine):
                // 120 bytes at most; a byte that is not UTF-8 decodes to one replacement scalar.
                let scalars = firstLine.unicodeScalars.count
                try expect(scalars <= 120, "a first line of \(scalars) scalars kept")
            case .unreadable(let error): try expect(!error.description.isEmpty, "unreadable without a message")
            }
            if isWholeFile { try streaming(bytes, detected) }
            let marked: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
            guard !marked.contains(where: { bytes.starts(with: $0) }) else { continue }
            if isWholeFile, case .report(let kind) = detected { try padded(bytes, kind) }
            let withBOM = ReportDetector.detect(prefix: [0xEF, 0xBB, 0xBF] + bytes, isWholeFile: isWholeFile)
            try expect(withBOM == detected, "with a byte order mark: \(withBOM); without: \(detected)")
            if let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) {
                for bigEndian in [false, true] {
                    var encoded: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
                    for unit in text.utf16 {
                        let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
                        encoded += bigEndian ? [high, low] : [low, high]
                    }
                    let utf16 = ReportDetector.detect(prefix: encoded, isWholeFile: isWholeFile)
                    // UTF-16 positions carry the line only (its columns would count bytes of another encoding).
                    try expect(
                        lineOnly(utf16) == lineOnly(detected),
                        "in UTF-16\(bigEndian ? "BE" : "LE"): \(utf16); in UTF-8: \(detected)")
                }
            }
        }
    }

    /// Detection as `GateChecker.prepare` does it: the first `window` bytes, then, when they do not tell, the whole file
    /// read from the start in chunks.
    static func windowed(_ bytes: [UInt8], window: Int, chunk: Int) -> Detection {
        let first = ReportDetector.detect(prefix: bytes.prefix(window), isWholeFile: bytes.count <= window)
        guard case .undetermined = first else { return first }
        var source = BytesSource(bytes, chunkSize: chunk)
        return ReportDetector.detect(from: &source, limit: .max)
    }

    /// Fed in chunks of any size, or through a small window first, the bytes are detected as at once.
    private static func streaming(_ bytes: [UInt8], _ detected: Detection) throws(FuzzFailure) {
        let chunk = 1 + bytes.count % 97
        var source = BytesSource(bytes, chunkSize: chunk)
        let streamed = ReportDetector.detect(from: &source, limit: .max)
        try expect(streamed == detected, "in chunks of \(chunk) bytes: \(streamed); at once: \(detected)")
        if case .report = detected {
            let window = 1 + bytes.count % 61
            let seen = windowed(bytes, window: window, chunk: chunk)
            try expect(seen == detected, "through a window of \(window) bytes: \(seen); at once: \(detected)")
        }
    }

    /// Padding before the part that tells the kind never makes a report ignored.
    private static func padded(_ bytes: [UInt8], _ kind: ReportKind) throws(FuzzFailure) {
        let padding = 200 + bytes.count % 300
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return }
        var variants: [(name: String, bytes: [UInt8], exact: Bool)] = [
            ("whitespace", Array(repeating: 0x20, count: padding - 1) + [0x0A] + bytes, true)
        ]
        if bytes[first] == UInt8(ascii: "<") {
            let filler = Array("<!-- \(String(repeating: "p", count: padding)) -->\n<?fuzz padding?>\n".utf8)
            var at = first
            if bytes[first...].starts(with: Array("<?xml".utf8)),
                let end = bytes[first...].indices.first(where: { bytes[$0...].starts(with: Array("?>".utf8)) })
            {
                at = end + 2
            }
            variants.append(("comments before the root", Array(bytes[..<at]) + filler + Array(bytes[at...]), true))
        } else if bytes[first] == UInt8(ascii: "{") {
            let key = kind == .sarif ? "properties" : "fuzz-padding"
            if !bytes.contains(subsequence: Array("\"\(key)\"".utf8)) {
                let entry = "\"\(key)\": {\"padding\": \"\(String(repeating: "p", count: padding))\"}, "
                var inserted = Array(bytes[...first]) + Array(entry.utf8) + Array(bytes[(first + 1)...])
                // An object without keys gets no trailing comma.
                if let next = bytes[(first + 1)...].first(where: { !isSpace($0) }), next == UInt8(ascii: "}") {
                    inserted = Array(bytes[...first]) + Array(entry.dropLast(2).utf8) + Array(bytes[(first + 1)...])
                }
                variants.append(("an unknown key first", inserted, false))
            }
        }
        for variant in variants {
            let seen = windowed(variant.bytes, window: 64, chunk: 1 + variant.bytes.count % 4093)
            if variant.exact {
                try expect(seen == .report(kind), "with \(variant.name): \(seen), without: \(kind)")
            } else {
                switch seen {
                case .unknown, .ownOutput, .undetermined, .plainText:
                    throw FuzzFailure("with \(variant.name): \(seen) (ignored), without: \(kind)")
                case .report, .unreadable: break
                }
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The detection with any position reduced to its line.
    private static func lineOnly(_ detection: Detection) -> Detection {
        switch detection {
        case .unreadable(.truncated(let position?)):
            return .unreadable(.truncated(at: FilePosition(line: position.line)))
        case .unreadable(.malformed(let text, let position?)):
            return .unreadable(.malformed(text, at: FilePosition(line: position.line)))
        default: return detection
        }
    }
}

extension [UInt8] {
    fileprivate func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
