/// Detection fed chunk by chunk: it reads as far as the kind needs and keeps nothing that grows with the file.
///
/// A UTF-8 byte order mark is skipped and UTF-16 (with its mark) is decoded as it is fed. Then the first
/// non-blank byte chooses the reader: `<` XML (`XMLSniffer`), `{` or `[` JSON (`JSONSniffer`), anything else text,
/// in which only Safety's banner before its JSON, or the literal `null`, mean something.
///
/// ```swift
/// var sniffer = ReportSniffer()
/// sniffer.feed(firstChunk)
/// if !sniffer.isSettled { sniffer.feed(nextChunk) }
/// let detection = sniffer.detection(isWholeFile: atEnd)
/// ```
@_spi(Internals) public struct ReportSniffer: Sendable {
    private enum Encoding: Sendable { case undecided, utf8, utf16(bigEndian: Bool) }

    private var encoding = Encoding.undecided
    // One of these reads, once the first non-blank byte has chosen it; optionals rather than an enum's payloads, so
    // that a sniffer is changed in place, never copied with its arrays on every chunk.
    private var xml: XMLSniffer?
    private var json: JSONSniffer?
    private var text: TextSniffer?
    private var head: [UInt8] = []
    private var oddByte: UInt8?
    private var highSurrogate: UInt16?
    private var invalidUTF16 = false
    private var line = 1
    private var column = 1

    /// How many bytes of the file were fed and used.
    public private(set) var bytesRead = 0

    /// Creates a sniffer at the start of a file.
    public init() {}

    /// Whether the detection is settled: more bytes cannot change it.
    public var isSettled: Bool {
        invalidUTF16 || xml?.isSettled ?? json?.isSettled ?? text?.isSettled ?? false
    }

    /// Reads the next bytes of the file (ignored once settled).
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { feed($0) }
        if handled == nil { Array(bytes).withUnsafeBufferPointer { feed($0) } }
    }

    /// Reads the next bytes of the file (ignored once settled).
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !isSettled, !bytes.isEmpty else { return }
        bytesRead += bytes.count
        guard case .undecided = encoding else { return decode(bytes) }
        // The byte order mark decides the encoding: wait for three bytes.
        let taken = min(3 - head.count, bytes.count)
        head += bytes[0..<taken]
        guard head.count == 3 else { return }
        decideEncoding()
        decode(UnsafeBufferPointer(rebasing: bytes[taken...]))
    }

    /// What the bytes read say: `isWholeFile` when they are the whole file, so that an early end is truncation.
    public func detection(isWholeFile: Bool) -> Detection {
        var copy = self
        if case .undecided = copy.encoding { copy.decideEncoding() }
        let detection = copy.result(isWholeFile: isWholeFile)
        guard case .utf16 = copy.encoding else { return detection }
        // UTF-16 positions carry the line only: columns would count bytes of another encoding.
        switch detection {
        case .unreadable(.truncated(let at?)): return .unreadable(.truncated(at: FilePosition(line: at.line)))
        case .unreadable(.malformed(let text, let at?)):
            return .unreadable(.malformed(text, at: FilePosition(line: at.line)))
        default: return detection
        }
    }

    // MARK: - Encoding

    private mutating func decideEncoding() {
        let bytes = head
        head = []
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16(bigEndian: bytes[0] == 0xFE)
            bytes.dropFirst(2).withUnsafeBufferPointer { decode($0) }
        } else {
            encoding = .utf8
            let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? [] : bytes
            text.withUnsafeBufferPointer { content($0) }
        }
    }

    private mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard case .utf16(let bigEndian) = encoding else { return content(bytes) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        var index = 0
        var valid = true
        if let odd = oddByte, !bytes.isEmpty {
            oddByte = nil
            valid = unit(bigEndian ? (odd, bytes[0]) : (bytes[0], odd), into: &utf8)
            index = 1
        }
        while valid, index + 1 < bytes.count {
            let pair = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            valid = unit(pair, into: &utf8)
            index += 2
        }
        if valid, index < bytes.count { oddByte = bytes[index] }
        flush(utf8)
        // The text before the invalid code unit may settle the kind already (as it does when fed in smaller chunks).
        if !valid, !isSettled { invalidUTF16 = true }
    }

    /// Appends one UTF-16 code unit (high byte, low byte) as UTF-8; `false` when the text is not valid UTF-16.
    private mutating func unit(_ pair: (UInt8, UInt8), into utf8: inout [UInt8]) -> Bool {
        let value = UInt16(pair.0) << 8 | UInt16(pair.1)
        var scalar: Unicode.Scalar?
        if let high = highSurrogate {
            highSurrogate = nil
            guard value & 0xFC00 == 0xDC00 else { return false }
            scalar = Unicode.Scalar(0x10000 + (UInt32(high & 0x3FF) << 10 | UInt32(value & 0x3FF)))
        } else if value & 0xFC00 == 0xD800 {
            highSurrogate = value
            return true
        } else if value & 0xFC00 == 0xDC00 {
            return false
        } else {
            scalar = Unicode.Scalar(value)
        }
        guard let scalar else { return false }
        UTF8.encode(scalar) { utf8.append($0) }
        return true
    }

    private mutating func flush(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { content($0) }
    }

    // MARK: - Content

    private mutating func content(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        if xml == nil, json == nil, text == nil {
            while index < bytes.count, ReportDetector.isSpace(bytes[index]) {
                if bytes[index] == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
            guard index < bytes.count else { return }
            switch bytes[index] {
            case UInt8(ascii: "<"): xml = XMLSniffer(line: line, column: column)
            case UInt8(ascii: "{"), UInt8(ascii: "["): json = JSONSniffer(line: line, column: column)
            default: text = TextSniffer()
            }
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        _ = xml?.feed(rest)
        _ = json?.feed(rest)
        text?.feed(rest)
    }

    private func result(isWholeFile: Bool) -> Detection {
        if invalidUTF16 { return .unknown("UTF-16 text that is not valid") }
        if let sniffer = xml {
            if let detection = sniffer.detection() { return detection }
            if let error = sniffer.entityError() { return .unreadable(error) }
            return isWholeFile
                ? .unreadable(.truncated(at: FilePosition(line: sniffer.line, column: sniffer.column)))
                : .undetermined("XML whose root element is not within the bytes read")
        }
        if let sniffer = json { return JSONDetection.detection(sniffer, isWholeFile: isWholeFile) }
        if let sniffer = text {
            // Safety's banner may still be followed by its JSON.
            if !isWholeFile, !sniffer.isSettled { return .undetermined("text whose end was not read") }
            return sniffer.detection(isWholeFile: isWholeFile)
        }
        return isWholeFile ? .unreadable(.empty) : .undetermined("only whitespace so far")
    }
}
