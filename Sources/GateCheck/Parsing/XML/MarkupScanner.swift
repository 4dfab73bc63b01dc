#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cheap pass over each chunk before libxml2 sees it: where every markup construct (tag, comment, CDATA section,
/// processing instruction, DOCTYPE) starts and ends, how long the open one is, and how many attributes a start tag
/// has.
///
/// libxml2 2.9's push parser buffers a construct whole until its end arrives and, on every chunk, scans the buffer
/// back to the construct's `<`; and it checks each attribute of a start tag against all before it. Both grow with
/// the square of the size: a 50 MB attribute, comment or CDATA section took 13–26 s, 160,000 attributes 10 s. The
/// scanner bounds what only a hostile or broken document has (``maxAttributes``, ``maxMarkupBytes``) and tells
/// ``XMLStreamParser`` when a construct is long, so that it hands libxml2 that construct in doubling pieces and the
/// back-scans stay linear.
///
/// It tracks only "in text / in a tag / in a quoted value / in a comment, CDATA, PI or DOCTYPE", hopping with `memchr`
/// from `<` to `<` over text and short tags. UTF-16 input (by its first bytes) is scanned a code unit at a time.
struct MarkupScanner {
    /// The most attributes (namespace declarations included) one start tag may have.
    static let maxAttributes = 256
    /// The longest tag (with all its attributes), comment, processing instruction or DOCTYPE, in bytes: 64 MiB.
    ///
    /// CDATA sections have no limit of their own.
    static let maxMarkupBytes = 64 << 20

    /// What a document breached.
    enum Violation: Error, Equatable {
        case tooManyAttributes
        case tooLong(State)
        /// An encoding in which `<`, `=`, quotes or `>` may be other bytes (UTF-7, UTF-32, EBCDIC, ISO-2022-JP...):
        /// the scanner could not see the markup libxml2 decodes.
        case encoding(String)

        /// The error, at the construct's line.
        func error(at position: FilePosition?) -> ReportError {
            switch self {
            case .encoding(let name):
                return .unsupportedEncoding(
                    "\(name); gatecheck reads UTF-8, UTF-16 and encodings that write ASCII as ASCII (ISO-8859-*, "
                        + "windows-125*, Shift_JIS, EUC-*, GB*, Big5, KOI8-*)")
            case .tooManyAttributes:
                return .invalidValue(
                    "a start tag has more than \(MarkupScanner.maxAttributes) attributes, the limit for one element; "
                        + "no report needs so many, so the report is refused (a generator fault or a hostile file)",
                    at: position, keyPath: nil)
            case .tooLong(let state):
                return .invalidValue(
                    "\(state.construct) is longer than \(MarkupScanner.maxMarkupBytes >> 20) MiB, the limit for one "
                        + "tag with its attributes (or comment, processing instruction, DOCTYPE); no report needs "
                        + "one so long, so the report is refused (a generator fault or a hostile file)",
                    at: position, keyPath: nil)
            }
        }
    }

    /// Where the scan is.
    enum State: UInt8 {
        case text, open, tag, quoted, bang, commentOpen, comment, cdata, pi, doctype, doctypeQuoted

        var construct: String {
            switch self {
            case .comment, .commentOpen: "a comment"
            case .pi: "a processing instruction"
            case .doctype, .doctypeQuoted, .bang: "the DOCTYPE"
            case .cdata: "a CDATA section"
            default: "a tag"
            }
        }
    }

    private(set) var state = State.text
    private var quote: UInt8 = 0
    private var attributes = 0
    /// Bytes of the open construct so far, from its `<`; 0 in text.
    private(set) var openLength = 0
    /// Terminator characters just seen (`-` in a comment, `]` in CDATA, `?` in a PI), or the DOCTYPE's `[` depth.
    private var run = 0
    /// Where in the last chunk the open construct started, or -1 when it started in an earlier chunk.
    private(set) var constructStart = -1
    private var encoding: Encoding?
    private var pastByteOrderMark = false

    enum Encoding {
        case utf8, utf16LE, utf16BE
    }

    /// Scans the next chunk; returns the first limit it breaches, if any.
    mutating func scan(_ chunk: UnsafeRawBufferPointer) -> Violation? {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else { return nil }
        constructStart = -1
        let encoding: Encoding
        if let known = self.encoding {
            encoding = known
        } else {
            switch Self.detect(base, chunk.count) {
            case .success(let detected): encoding = detected
            case .failure(let violation): return violation
            }
            self.encoding = encoding
        }
        switch encoding {
        case .utf8: return scanUTF8(base, chunk.count)
        case .utf16LE, .utf16BE: return scanUTF16(base, chunk.count, bigEndian: encoding == .utf16BE)
        }
    }

    private mutating func scanUTF8(_ base: UnsafePointer<UInt8>, _ count: Int) -> Violation? {
        var index = 0
        while index < count {
            switch state {
            case .text:
                // Hop from `<` to `<`. Neither text nor a tag can hold a `<`, so a tag whose next `<` is near is
                // short, and a short tag cannot hold more than maxAttributes attributes: only a tag followed by a long
                // gap (or the last one of the chunk), a comment, CDATA section, PI or DOCTYPE is scanned byte by byte.
                guard var open = Self.find(0x3C, base, from: index, to: count) else { return nil }
                while open + 1 < count, base[open + 1] != 0x21, base[open + 1] != 0x3F,
                    let following = Self.find(0x3C, base, from: open + 1, to: count),
                    following - open <= Self.shortTagBytes
                {
                    open = following
                }
                index = open + 1
                constructStart = open
                openLength = 1
                attributes = 0
                state = .open
            case .tag:
                // The hot state (every element): a tight loop over the bytes outside quoted values.
                let start = index
                while index < count {
                    let byte = base[index]
                    index &+= 1
                    if byte > 0x3E { continue }
                    if byte == 0x3E {
                        state = .text
                        break
                    }
                    if byte == 0x22 || byte == 0x27 {
                        quote = byte
                        state = .quoted
                        break
                    }
                    if byte == 0x3D {
                        attributes &+= 1
                        if attributes > Self.maxAttributes { return .tooManyAttributes }
                    }
                }
                openLength &+= index - start
                if openLength > Self.maxMarkupBytes { return .tooLong(.tag) }
                if state == .text { openLength = 0 }
            case .quoted:
                let start = index
                while index < count, base[index] != quote { index &+= 1 }
                if index < count {
                    index &+= 1
                    state = .tag
                }
                openLength &+= index - start
                if openLength > Self.maxMarkupBytes { return .tooLong(.tag) }
            case .comment, .cdata, .pi:
                // Long bodies: to the byte two before the next `>`, where the terminator would start.
                guard let found = memchr(base + index, 0x3E, count - index) else {
                    let tail = max(index, count - 2)
                    openLength &+= tail - index
                    run = 0
                    index = tail
                    while index < count { if let violation = step(base[index]) { return violation }; index &+= 1 }
                    return nil
                }
                let close = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if close - 2 > index {
                    openLength &+= close - 2 - index
                    run = 0
                    index = close - 2
                }
                while index <= close {
                    if let violation = step(base[index]) { return violation }
                    index &+= 1
                }
            default:
                if let violation = step(base[index]) { return violation }
                index &+= 1
            }
        }
        return nil
    }

    /// A tag this long or shorter cannot hold more than ``maxAttributes`` attributes (each takes at least 4 bytes).
    private static let shortTagBytes = 4 * maxAttributes

    /// The index of the first `byte` in `base[from..<to]`.
    @inline(__always)
    private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    private mutating func scanUTF16(_ base: UnsafePointer<UInt8>, _ count: Int, bigEndian: Bool) -> Violation? {
        var index = 0
        if !pastByteOrderMark {
            pastByteOrderMark = true
            if base[0] == 0xFF || base[0] == 0xFE { index = 2 }
        }
        while index + 1 < count {
            let unit =
                bigEndian
                ? UInt16(base[index]) << 8 | UInt16(base[index + 1])
                : UInt16(base[index + 1]) << 8
                    | UInt16(base[index])
            // Every byte that matters is ASCII; others stand in as a letter.
            let byte = unit < 0x80 ? UInt8(unit) : 0x78
            if state == .text, byte == 0x3C { constructStart = index }
            if let violation = step(byte) { return violation }
            index &+= 2
        }
        return nil
    }

    /// One byte of any state, for the rare states and for UTF-16.
    private mutating func step(_ byte: UInt8) -> Violation? {
        let wasText = state == .text
        switch state {
        case .text:
            if byte == 0x3C {
                state = .open
                openLength = 0
                attributes = 0
            }
        case .open:
            state = byte == 0x21 ? .bang : byte == 0x3F ? .pi : .tag
            run = 0
            if state == .tag { return step(byte) }
        case .bang:
            state = byte == 0x2D ? .commentOpen : byte == 0x5B ? .cdata : .doctype
            run = 0
            if state == .doctype { return step(byte) }
        case .commentOpen:
            state = .comment
        case .tag:
            if byte == 0x3E {
                state = .text
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
                state = .quoted
            } else if byte == 0x3D {
                attributes &+= 1
                if attributes > Self.maxAttributes { return .tooManyAttributes }
            }
        case .quoted:
            if byte == quote { state = .tag }
        case .comment:
            if byte == 0x3E && run >= 2 { state = .text } else { run = byte == 0x2D ? run + 1 : 0 }
        case .cdata:
            if byte == 0x3E && run >= 2 { state = .text } else { run = byte == 0x5D ? run + 1 : 0 }
        case .pi:
            if byte == 0x3E && run >= 1 { state = .text } else { run = byte == 0x3F ? 1 : 0 }
        case .doctype:
            if byte == 0x22 || byte == 0x27 {
                quote = byte
                state = .doctypeQuoted
            } else if byte == 0x5B {
                run += 1
            } else if byte == 0x5D {
                run = max(0, run - 1)
            } else if byte == 0x3E && run == 0 {
                state = .text
            }
        case .doctypeQuoted:
            if byte == quote { state = .doctype }
        }
        if !wasText { openLength &+= 1 }
        if state == .text {
            openLength = 0
        } else if openLength > Self.maxMarkupBytes, state != .cdata {
            return .tooLong(state)
        }
        return nil
    }
}
