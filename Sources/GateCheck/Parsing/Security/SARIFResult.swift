/// What gatecheck reads of one SARIF `result`.
struct SARIFResult {
    /// A SARIF result `kind`; only `fail` is a finding.
    enum Kind: String {
        case fail, pass, open, review, notApplicable, informational
    }

    /// `ruleId`, else `rule.id`.
    var ruleID: String?
    var ruleIndex: Int?
    var ruleReferenceIndex: Int?
    var ruleGUID: String?
    var componentIndex: Int?
    var componentGUID: String?
    var level: SARIFLevel?
    var kind = Kind.fail
    var suppressed = false
    var baselineAbsent = false
    var message = ""
    var path: String?
    var line: Int?

    static func read<Source: ByteSource>(_ reader: inout JSONReader<Source>, at keyPath: String) throws -> SARIFResult {
        var result = SARIFResult()
        var referenceID: String?
        try reader.beginObject()
        while let key = try reader.nextKey(in: resultKeys) {
            switch key {
            case 0: result.ruleID = try reader.readOptionalString()
            case 1: result.ruleIndex = try nonNegative(try reader.readOptionalInt())
            case 2: referenceID = try readRuleReference(&reader, into: &result)
            case 3: result.level = try SARIFRule.readLevel(&reader, at: keyPath + ".level")
            case 4:
                _ = try reader.peek()
                let at = reader.position
                guard let text = try reader.readOptionalString() else { continue }
                guard let kind = Kind(rawValue: text) else {
                    throw ReportError.invalid(
                        "\"\(text)\" is not a SARIF result kind; SARIF 2.1.0 allows fail, pass, open, review, "
                            + "notApplicable and informational", at: at, keyPath: keyPath + ".kind")
                }
                result.kind = kind
            case 5: result.suppressed = try readSuppressed(&reader, at: keyPath + ".suppressions")
            case 6: result.baselineAbsent = try reader.readOptionalString() == "absent"
            case 7:
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(in: messageKeys) {
                    if field == 0 { result.message = try reader.readMessage() } else { try reader.skipValue() }
                }
            case 8: try readFirstLocation(&reader, into: &result)
            default: try reader.skipValue()
            }
        }
        if result.ruleID == nil || result.ruleID?.isEmpty == true { result.ruleID = referenceID ?? result.ruleID }
        return result
    }

    /// Trivy writes the package into the message: `Package: X\nInstalled Version: Y\n...\nFixed Version: Z`.
    func trivyPackage() -> Finding.Package? {
        guard message.hasPrefix("Package: ") else { return nil }
        var package = Finding.Package(name: "")
        for line in message.split(separator: "\n") {
            if line.hasPrefix("Package: ") {
                package.name = String(line.dropFirst(9)).trimmingWhitespace
            } else if line.hasPrefix("Installed Version: ") {
                package.version = String(line.dropFirst(19)).trimmingWhitespace
            } else if line.hasPrefix("Fixed Version: ") {
                package.fixVersions = line.dropFirst(15).split(separator: ",").map { $0.trimmingWhitespace }
                    .filter { !$0.isEmpty }
            }
        }
        return package.name.isEmpty ? nil : package
    }

    // MARK: - Private

    private static let resultKeys = JSONKeySet([
        "ruleId", "ruleIndex", "rule", "level", "kind", "suppressions", "baselineState", "message", "locations",
    ])
    private static let referenceKeys = JSONKeySet(["id", "index", "guid", "toolComponent"])
    private static let componentKeys = JSONKeySet(["index", "guid"])
    private static let suppressionKeys = JSONKeySet(["status"])
    private static let messageKeys = JSONKeySet(["text"])
    private static let locationKeys = JSONKeySet(["physicalLocation"])
    private static let physicalKeys = JSONKeySet(["artifactLocation", "region"])
    private static let artifactKeys = JSONKeySet(["uri"])
    private static let regionKeys = JSONKeySet(["startLine"])

    /// SARIF uses -1 for "no index".
    private static func nonNegative(_ value: Int?) throws -> Int? {
        guard let value, value >= 0 else { return nil }
        return value
    }

    private static func readRuleReference<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into result: inout SARIFResult
    ) throws -> String? {
        guard try reader.peek() == .object else {
            try reader.skipValue()
            return nil
        }
        var id: String?
        try reader.beginObject()
        while let key = try reader.nextKey(in: referenceKeys) {
            switch key {
            case 0: id = try reader.readOptionalString()
            case 1: result.ruleReferenceIndex = try nonNegative(try reader.readOptionalInt())
            case 2: result.ruleGUID = try reader.readOptionalString()
            case 3:
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(in: componentKeys) {
                    switch field {
                    case 0: result.componentIndex = try nonNegative(try reader.readOptionalInt())
                    case 1: result.componentGUID = try reader.readOptionalString()
                    default: try reader.skipValue()
                    }
                }
            default: try reader.skipValue()
            }
        }
        return id
    }

    /// Suppressed when the array is non-empty and no entry's `status` is `underReview` or `rejected` (an entry
    /// without a status counts as accepted).
    private static func readSuppressed<Source: ByteSource>(_ reader: inout JSONReader<Source>, at keyPath: String)
        throws -> Bool
    {
        if try reader.peek() == .null {
            try reader.readNull()
            return false
        }
        var any = false
        var contested = false
        try reader.beginArray()
        var index = 0
        while try reader.nextElement() {
            any = true
            guard try reader.peek() == .object else { try reader.skipValue(); continue }
            try reader.beginObject()
            while let key = try reader.nextKey(in: suppressionKeys) {
                guard key == 0 else { try reader.skipValue(); continue }
                _ = try reader.peek()
                let at = reader.position
                switch try reader.readOptionalString() {
                case nil, "accepted": break
                case "underReview", "rejected": contested = true
                case let other?:
                    throw ReportError.invalid(
                        "\"\(other)\" is not a SARIF suppression status; SARIF 2.1.0 allows accepted, underReview "
                            + "and rejected", at: at, keyPath: "\(keyPath)[\(index)].status")
                }
            }
            index += 1
        }
        return any && !contested
    }

    /// The first location's artifact URI and start line; other locations of the same result are skipped.
    private static func readFirstLocation<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into result: inout SARIFResult
    ) throws {
        if try reader.peek() == .null {
            try reader.readNull()
            return
        }
        try reader.beginArray()
        var first = true
        while try reader.nextElement() {
            guard first, try reader.peek() == .object else { try reader.skipValue(); continue }
            first = false
            try reader.beginObject()
            while let key = try reader.nextKey(in: locationKeys) {
                guard key == 0, try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(in: physicalKeys) {
                    guard try reader.peek() == .object else { try reader.skipValue(); continue }
                    try reader.beginObject()
                    if field == 0 {
                        while let item = try reader.nextKey(in: artifactKeys) {
                            if item == 0 { result.path = try reader.readOptionalString().map(displayPath) } else { try reader.skipValue() }
                        }
                    } else {
                        while let item = try reader.nextKey(in: regionKeys) {
                            if item == 0 { result.line = try reader.readOptionalInt() } else { try reader.skipValue() }
                        }
                    }
                }
            }
        }
    }

    /// A URI as a path: `file://` dropped and `%XX` escapes decoded (`file:///src/a%20b.c` → `/src/a b.c`).
    static func displayPath(_ uri: String) -> String {
        var text = Substring(uri)
        if text.hasPrefix("file://") { text = text.dropFirst(7) } else if text.hasPrefix("file:") { text = text.dropFirst(5) }
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
