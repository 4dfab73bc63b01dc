import GateCheck

/// Detection by content: any bytes give a kind, a reason to ignore, or an error, the same each time; a UTF-8 byte
/// order mark, or the same text in UTF-16 (either byte order, with its mark), is detected as the plain UTF-8.
enum DetectionTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        for isWholeFile in [true, false] {
            let detected = ReportDetector.detect(prefix: bytes, isWholeFile: isWholeFile)
            try expect(
                ReportDetector.detect(prefix: bytes, isWholeFile: isWholeFile) == detected, "two detections differ")
            switch detected {
            case .report: break
            case .unknown(let reason): try expect(!reason.isEmpty, "ignored without a reason")
            case .unreadable(let error): try expect(!error.description.isEmpty, "unreadable without a message")
            }
            let marked: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
            guard !marked.contains(where: { bytes.starts(with: $0) }) else { continue }
            if bytes.count + 3 <= ReportDetector.prefixLength {
                let withBOM = ReportDetector.detect(prefix: [0xEF, 0xBB, 0xBF] + bytes, isWholeFile: isWholeFile)
                try expect(withBOM == detected, "with a byte order mark: \(withBOM); without: \(detected)")
            }
            if let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0),
                bytes.count * 2 + 2 <= ReportDetector.prefixLength
            {
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

    /// The detection with any position reduced to its line.
    private static func lineOnly(_ detection: Detection) -> Detection {
        guard case .unreadable(.truncated(let position?)) = detection else { return detection }
        return .unreadable(.truncated(at: FilePosition(line: position.line)))
    }
}
