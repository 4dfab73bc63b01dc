/// Which encoding the scanner follows, from a document's first bytes and its XML declaration.
extension MarkupScanner {
    /// The document's encoding from its first bytes and its XML declaration; an encoding the scanner cannot follow is
    /// a violation.
    static func detect(_ base: UnsafePointer<UInt8>, _ count: Int) -> Result<Encoding, Violation> {
        let bytes = UnsafeBufferPointer(start: base, count: count)
        if count >= 2 {
            switch (bytes[0], bytes[1]) {
            case (0xFF, 0xFE), (0x3C, 0x00):
                return count >= 4 && bytes[2] == 0 && bytes[3] == 0
                    ? .failure(.encoding("UCS-4")) : .success(.utf16LE)
            case (0xFE, 0xFF), (0x00, 0x3C): return .success(.utf16BE)
            case (0x00, 0x00): return .failure(.encoding("UCS-4"))
            case (0x4C, 0x6F): return .failure(.encoding("EBCDIC"))
            default: break
            }
        }
        // An XML declaration at the very start names the encoding libxml2 switches to.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return .success(.utf8) }
        start += 5
        let end = min(count, start + 1024)
        let declaration = bytes[start..<end]
        guard let close = declaration.firstIndex(of: UInt8(ascii: "?")),
            let key = Self.range(of: Array("encoding".utf8), in: bytes, from: start, to: close)
        else { return .success(.utf8) }
        var index = key
        while index < close, bytes[index] != 0x22, bytes[index] != 0x27 { index += 1 }
        guard index < close else { return .success(.utf8) }
        let quote = bytes[index]
        let nameStart = index + 1
        var nameEnd = nameStart
        while nameEnd < close, bytes[nameEnd] != quote { nameEnd += 1 }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        return Self.followsASCII(name) ? .success(.utf8) : .failure(.encoding(String(name.prefix(40))))
    }

    /// Whether an encoding writes `<`, `=`, `"`, `'` and `>` as their ASCII bytes and never uses those bytes inside
    /// another character.
    static func followsASCII(_ name: String) -> Bool {
        let name = name.uppercased().replacing("_", with: "-")
        let prefixes = [
            "UTF-8", "UTF8", "US-ASCII", "ASCII", "ISO-8859-", "ISO8859-", "ISO-LATIN-", "LATIN", "WINDOWS-125",
            "CP125",
            "SHIFT-JIS", "SJIS", "CP932", "EUC-", "GB2312", "GBK", "GB18030", "BIG5", "KOI8-", "UTF-16", "UTF16",
        ]
        return prefixes.contains { name.hasPrefix($0) }
    }

    fileprivate static func range(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int?
    {
        guard to - from >= pattern.count else { return nil }
        for index in from...(to - pattern.count) where bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
            return index + pattern.count
        }
        return nil
    }
}
