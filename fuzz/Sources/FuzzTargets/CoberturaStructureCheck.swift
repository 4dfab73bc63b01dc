@_spi(Internals) import GateCheck

/// What a Cobertura report that reads promises about its document: a `<line>` element anywhere means the totals come
/// from lines (the root-attribute fallback never fires beside one), and no internal-subset declaration that could
/// change content (ATTLIST, ELEMENT, ENTITY, NOTATION) was let through.
///
/// Looks at the bytes with comments, CDATA sections and processing instructions left out, where `<line` or
/// `<!ATTLIST` are only text; UTF-16 documents are not looked at.
enum CoberturaStructureCheck {
    static func check(_ bytes: [UInt8], _ result: Result<LoadedReport, ReportError>) throws(FuzzFailure) {
        guard case .success(let loaded) = result, case .coverage(let coverage) = loaded.content else { return }
        let markup = outsideText(bytes)
        for declaration in ["<!ATTLIST", "<!ELEMENT", "<!ENTITY", "<!NOTATION"] {
            try expect(
                !contains(markup.declarations, Array(declaration.utf8)),
                "a report with \(declaration) in its DTD was read")
        }
        if hasLineElement(markup.content) {
            try expect(
                coverage.totals.linesValid > 0,
                "a report with <line> elements was read from its root attributes (\(coverage.summary))")
        }
    }

    /// The bytes without comments, CDATA sections and processing instructions: `declarations` keeps the DOCTYPE but
    /// not its quoted literals (a system id may hold `<line`), `content` leaves the DOCTYPE out.
    static func outsideText(_ bytes: [UInt8]) -> (declarations: [UInt8], content: [UInt8]) {
        var declarations: [UInt8] = []
        var content: [UInt8] = []
        var index = 0
        var inDoctype = false
        var brackets = 0
        let ends: [([UInt8], [UInt8])] = [
            (Array("<!--".utf8), Array("-->".utf8)), (Array("<![CDATA[".utf8), Array("]]>".utf8)),
            (Array("<?".utf8), Array("?>".utf8)),
        ]
        let doctype = Array("<!DOCTYPE".utf8)
        outer: while index < bytes.count {
            for (open, close) in ends where starts(bytes, at: index, with: open) {
                var end = index + open.count
                while end < bytes.count, !starts(bytes, at: end, with: close) { end += 1 }
                index = end + close.count
                continue outer
            }
            let byte = bytes[index]
            if !inDoctype, starts(bytes, at: index, with: doctype) {
                inDoctype = true
                brackets = 0
            }
            if inDoctype {
                if byte == 0x22 || byte == 0x27 {
                    var end = index + 1
                    while end < bytes.count, bytes[end] != byte { end += 1 }
                    index = end + 1
                    continue
                }
                if byte == 0x5B { brackets += 1 }
                if byte == 0x5D { brackets -= 1 }
                if byte == 0x3E, brackets <= 0 { inDoctype = false }
                declarations.append(byte)
            } else {
                declarations.append(byte)
                content.append(byte)
            }
            index += 1
        }
        return (declarations, content)
    }

    static func hasLineElement(_ markup: [UInt8]) -> Bool {
        let tag = Array("<line".utf8)
        var index = 0
        while index + tag.count < markup.count {
            if starts(markup, at: index, with: tag) {
                let next = markup[index + tag.count]
                if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x2F || next == 0x3E {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { starts(bytes, at: $0, with: pattern) }
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}
