/// Finds the root element of an XML prefix, skipping the declaration, comments, processing instructions and a
/// DOCTYPE (with its internal subset).
enum XMLSniffer {
    static func detect(_ bytes: ArraySlice<UInt8>, isWholeFile: Bool) -> Detection {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            while index < bytes.endIndex, ReportDetector.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.endIndex else { break }
            guard bytes[index] == UInt8(ascii: "<") else { return .unknown("text that is not XML") }
            let rest = bytes[index...]
            if rest.starts(with: Array("<?".utf8)) {
                guard let end = find(Array("?>".utf8), in: bytes, from: index) else { break }
                index = end
            } else if rest.starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), in: bytes, from: index) else { break }
                index = end
            } else if rest.starts(with: Array("<!".utf8)) {
                guard let end = skipDeclaration(bytes, from: index) else {
                    // An internal subset longer than the prefix: its entity declarations are refused by every XML
                    // parser of gatecheck, whatever the root turns out to be.
                    if let entity = find(Array("<!ENTITY".utf8), in: bytes, from: index) {
                        return .unreadable(entityDeclaration(bytes, at: entity))
                    }
                    break
                }
                index = end
            } else {
                if isBanditXML(bytes[index...]) {
                    return .unknown(
                        "Bandit's XML output (`bandit -f xml`), which gatecheck does not read: its JUnit shape would "
                            + "count findings as errored tests; write `bandit -f json` or `-f sarif` instead")
                }
                return classify(rootName(bytes, from: index + 1))
            }
        }
        return isWholeFile
            ? .unreadable(.truncated(at: nil))
            : .unknown("XML whose root element is not within the first \(ReportDetector.prefixLength) bytes")
    }

    private static func classify(_ name: String?) -> Detection {
        guard let name, !name.isEmpty else { return .unreadable(.malformed("no root element name", at: nil)) }
        let local = name.split(separator: ":").last.map(String.init) ?? name
        switch local {
        case "coverage": return .report(.cobertura)
        case "testsuites", "testsuite": return .report(.junit)
        default: return .unknown("XML with root element <\(name)>")
        }
    }

    /// Bandit's XML formatter writes `<testsuite name="bandit" tests="N">` (ElementTree keeps that attribute order).
    private static func isBanditXML(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.starts(with: Array(#"<testsuite name="bandit""#.utf8))
    }

    private static func rootName(_ bytes: ArraySlice<UInt8>, from start: Int) -> String? {
        var end = start
        while end < bytes.endIndex, !ReportDetector.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
            bytes[end] != UInt8(ascii: "/")
        {
            end += 1
        }
        guard end < bytes.endIndex else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The error the XML parser gives for an entity declaration whose name starts at `start`: its name and line.
    private static func entityDeclaration(_ bytes: ArraySlice<UInt8>, at start: Int) -> ReportError {
        var index = start
        while index < bytes.endIndex, ReportDetector.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "%") {
            index += 1
        }
        var end = index
        while end < bytes.endIndex, !ReportDetector.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
        let name = String(decoding: bytes[index..<min(end, index + 100)], as: UTF8.self)
        let line = 1 + bytes[bytes.startIndex..<start].count { $0 == 0x0A }
        return .forbidden("an entity declaration ('\(name)')", at: FilePosition(line: line))
    }

    /// Skips `<!DOCTYPE ...>` including a bracketed internal subset.
    private static func skipDeclaration(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start + 2
        var brackets = 0
        var quote: UInt8?
        while index < bytes.endIndex {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                brackets += 1
            } else if byte == UInt8(ascii: "]") {
                brackets -= 1
            } else if byte == UInt8(ascii: ">"), brackets <= 0 {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.endIndex {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
            index += 1
        }
        return nil
    }
}
