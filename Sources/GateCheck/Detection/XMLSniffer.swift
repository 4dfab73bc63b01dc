/// Finds the root element of XML read incrementally, skipping the declaration, comments, processing instructions
/// and a DOCTYPE (with its internal subset) without keeping them, however long they are.
struct XMLSniffer {
    private enum State {
        case between, open, bang, bangDash, instruction, comment, declaration, rootName, startTag
    }

    private static let entityOpen = Array("<!ENTITY".utf8)
    private static let banditStart = Array(#"testsuite name="bandit""#.utf8)
    /// In the public identifier JaCoCo writes: `<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" ...>`.
    private static let jacocoMarker = Array("//JACOCO//".utf8)

    private var state = State.between

    /// Starts reading at a line and column (after leading whitespace).
    init(line: Int = 1, column: Int = 1) {
        self.line = line
        self.column = column
    }
    private(set) var isSettled = false
    private(set) var line = 1
    private(set) var column = 1
    /// Text that is not XML, where it starts.
    private(set) var notXML = false
    /// A NUL byte before the root element, where it is.
    private(set) var nulAt: FilePosition?
    /// The first entity declaration of an internal subset: its line and the bytes after `<!ENTITY`.
    private(set) var entity: (line: Int, text: [UInt8])?
    private(set) var sawOwnMarker = false
    /// Whether the DOCTYPE names JaCoCo's DTD, which tells its `<report>` from any other.
    private(set) var sawJaCoCoDoctype = false
    private var jacocoMatch = 0
    /// The root element's name and the start of its tag (enough to tell Bandit's XML).
    private(set) var rootTag: [UInt8] = []
    private var nameLength = 0

    /// The last three bytes read, oldest in the highest byte (kept in an integer: no allocation per byte).
    private var previous: UInt32 = 0
    private var brackets = 0
    private var quote: UInt8?
    /// Inside a comment or processing instruction of the internal subset, whose quotes and brackets do not count.
    private var subsetMarkup: UInt8?
    private var entityMatch = 0
    private var commentStart: [UInt8] = []

    /// Reads bytes until the root element's start is read; returns how many were used.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < bytes.count, !isSettled {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            if byte == 0 {
                nulAt = FilePosition(line: line, column: column - 1)
                isSettled = true
                break
            }
            step(byte)
            previous = (previous << 8 | UInt32(byte)) & 0xFF_FFFF
        }
        return index
    }

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .between:
            if byte == UInt8(ascii: "<") {
                state = .open
            } else if !ReportDetector.isSpace(byte) {
                notXML = true
                isSettled = true
            }
        case .open:
            switch byte {
            case UInt8(ascii: "?"): state = .instruction
            case UInt8(ascii: "!"): state = .bang
            default:
                state = .rootName
                step(byte)
            }
        case .bang:
            state = byte == UInt8(ascii: "-") ? .bangDash : .declaration
            if state == .declaration { declaration(byte) }
        case .bangDash:
            if byte == UInt8(ascii: "-") {
                state = .comment
                commentStart = []
                previous = 0
            } else {
                state = .declaration
                declaration(byte)
            }
        case .instruction:
            if byte == UInt8(ascii: ">"), previous & 0xFF == 0x3F { state = .between }
        case .comment:
            if commentStart.count < OwnOutput.junitCommentPrefix.count, !(commentStart.isEmpty && byte == 0x20) {
                commentStart.append(byte)
                if commentStart == OwnOutput.junitCommentPrefix { sawOwnMarker = true }
            }
            if byte == UInt8(ascii: ">"), previous & 0xFFFF == 0x2D2D { state = .between }
        case .declaration:
            declaration(byte)
        case .rootName:
            if ReportDetector.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                nameLength = rootTag.count
                state = .startTag
                step(byte)
            } else if rootTag.count < 256 {
                rootTag.append(byte)
            }
        case .startTag:
            // Enough of the start tag to tell Bandit's `<testsuite name="bandit"`.
            if byte == UInt8(ascii: ">") || rootTag.count >= Self.banditStart.count {
                isSettled = true
            } else {
                rootTag.append(byte)
            }
        }
    }

    /// Skips `<!DOCTYPE ...>`, including a bracketed internal subset, noting its first entity declaration.
    private mutating func declaration(_ byte: UInt8) {
        if let entity, entity.text.count < 100 {
            self.entity?.text.append(byte)
        }
        if !sawJaCoCoDoctype, brackets <= 0 {
            jacocoMatch = byte == Self.jacocoMarker[jacocoMatch] ? jacocoMatch + 1 : (byte == 0x2F ? 1 : 0)
            if jacocoMatch == Self.jacocoMarker.count { sawJaCoCoDoctype = true }
        }
        if let open = quote {
            if byte == open { quote = nil }
            return
        }
        if let markup = subsetMarkup {
            if byte == UInt8(ascii: ">"),
                markup == UInt8(ascii: "-") ? previous & 0xFFFF == 0x2D2D : previous & 0xFF == 0x3F
            {
                subsetMarkup = nil
            }
            return
        }
        if brackets > 0, byte == UInt8(ascii: "-"), previous == 0x3C212D {
            subsetMarkup = byte
            return
        }
        if brackets > 0, byte == UInt8(ascii: "?"), previous & 0xFF == 0x3C {
            subsetMarkup = byte
            return
        }
        if brackets > 0, entity == nil {
            entityMatch = byte == Self.entityOpen[entityMatch] ? entityMatch + 1 : (byte == 0x3C ? 1 : 0)
            if entityMatch == Self.entityOpen.count { entity = (line, []) }
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
        case UInt8(ascii: "["): brackets += 1
        case UInt8(ascii: "]"): brackets -= 1
        case UInt8(ascii: ">") where brackets <= 0:
            brackets = 0
            state = .between
        default: break
        }
    }

    /// The detection for what was read: `nil` while the root element has not been reached.
    func detection() -> Detection? {
        if let nulAt {
            return .unreadable(
                .malformed(
                    "a NUL byte before the root element: XML cannot contain one, so the report cannot be read "
                        + "(was it written as UTF-16 without a byte order mark, or damaged?)", at: nulAt))
        }
        if notXML { return .unknown("text that is not XML") }
        guard state == .startTag else { return nil }
        if sawOwnMarker { return .ownOutput(OwnOutput.description("JUnit XML verdict, `--format junit`")) }
        let name = String(decoding: rootTag.prefix(nameLength), as: UTF8.self)
        guard !name.isEmpty else { return .unreadable(.malformed("no root element name", at: nil)) }
        let local = name.split(separator: ":").last.map(String.init) ?? name
        switch local {
        case "coverage": return UnreadProducerFormats.coverageRoot(rootTag: rootTag) ?? .report(.cobertura)
        case "report" where sawJaCoCoDoctype: return .report(.jacoco)
        case "test-run": return .report(.nunit)
        case "assemblies": return .report(.xunit)
        case "TestRun": return UnreadProducerFormats.xmlResults(root: local, rootTag: rootTag) ?? .report(.trx)
        case "testsuites", "testsuite":
            if rootTag.starts(with: Self.banditStart) {
                return .unreadable(
                    .wrongKind(
                        expected: .bandit,
                        found: "Bandit's XML output (`bandit -f xml`), which gatecheck does not read: its JUnit shape "
                            + "would count findings as errored tests; write `bandit -f json` or `-f sarif` instead"))
            }
            return .report(.junit)
        case "report":
            if let kover = UnreadProducerFormats.koverReport(rootTag: rootTag) { return kover }
            return .unknown(
                "XML with root element <report> but without JaCoCo's DOCTYPE; if it is a JaCoCo report whose "
                    + "DOCTYPE was removed, bind it to kind `jacoco` in gates.json `inputs`")
        default:
            if let unread = UnreadProducerFormats.xml(root: local, rootTag: rootTag) { return unread }
            return .unknown("XML with root element <\(name)>")
        }
    }

    /// The error for an entity declaration found before the root: its name and line, as the XML parser gives it.
    func entityError() -> ReportError? {
        guard let entity else { return nil }
        let text = entity.text.drop { ReportDetector.isSpace($0) || $0 == UInt8(ascii: "%") }
        let name = text.prefix { !ReportDetector.isSpace($0) && $0 != UInt8(ascii: ">") }
        return .forbidden(
            "an entity declaration ('\(String(decoding: name, as: UTF8.self))')", at: FilePosition(line: entity.line))
    }
}
