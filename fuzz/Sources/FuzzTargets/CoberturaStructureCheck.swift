import GateCheck

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
                !contains(markup, Array(declaration.utf8)), "a report with \(declaration) in its DTD was read")
        }
        if hasLineElement(markup) {
            try expect(
                coverage.totals.linesValid > 0,
                "a report with <line> elements was read from its root attributes (\(coverage.summary))")
        }
    }

    /// The bytes without comments, CDATA sections and processing instructions.
    static func outsideText(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        let ends: [([UInt8], [UInt8])] = [
            (Array("<!--".utf8), Array("-->".utf8)), (Array("<![CDATA[".utf8), Array("]]>".utf8)),
            (Array("<?".utf8), Array("?>".utf8)),
        ]
        outer: while index < bytes.count {
            for (open, close) in ends where starts(bytes, at: index, with: open) {
                var end = index + open.count
                while end < bytes.count, !starts(bytes, at: end, with: close) { end += 1 }
                index = end + close.count
                continue outer
            }
            result.append(bytes[index])
            index += 1
        }
        return result
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
