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
    /// `primaryLocationLineHash` of `partialFingerprints` (or `fingerprints`); see ``stableFingerprint(tool:)``.
    var lineHash: String?
    /// `matchBasedId/v1` of `fingerprints` (or `partialFingerprints`); see ``stableFingerprint(tool:)``.
    var matchBasedID: String?

    static func read<Source: ByteSource>(_ reader: inout JSONReader<Source>, at keyPath: String) throws -> SARIFResult {
        var result = SARIFResult()
        var referenceID: String?
        try reader.beginObject()
        while let key = try reader.nextKey(ResultKey.self) {
            switch key {
            case .known(.ruleID): result.ruleID = try reader.readOptionalString()
            case .known(.ruleIndex): result.ruleIndex = try nonNegative(try reader.readOptionalInt())
            case .known(.rule): referenceID = try readRuleReference(&reader, into: &result)
            case .known(.level): result.level = try SARIFRule.readLevel(&reader, at: keyPath + ".level")
            case .known(.kind):
                _ = try reader.peek()
                let at = reader.position
                guard let text = try reader.readOptionalString() else { continue }
                guard let kind = Kind(rawValue: text) else {
                    throw ReportError.invalid(
                        "\"\(text)\" is not a SARIF result kind; SARIF 2.1.0 allows fail, pass, open, review, "
                            + "notApplicable and informational", at: at, keyPath: keyPath + ".kind")
                }
                result.kind = kind
            case .known(.suppressions):
                result.suppressed = try readSuppressed(&reader, at: keyPath + ".suppressions")
            case .known(.baselineState): result.baselineAbsent = try reader.readOptionalString() == "absent"
            case .known(.message):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(MessageKey.self) {
                    if field == .known(.text) {
                        result.message = try reader.readMessage()
                    } else {
                        try reader.skipValue()
                    }
                }
            case .known(.locations): try readFirstLocation(&reader, into: &result)
            case .known(.partialFingerprints), .known(.fingerprints): try readFingerprints(&reader, into: &result)
            case .unknown: try reader.skipValue()
            }
        }
        if result.ruleID == nil || result.ruleID?.isEmpty == true { result.ruleID = referenceID ?? result.ruleID }
        return result
    }

    /// Trivy writes the package into the message: `Package: X\nInstalled Version: Y\n...\nFixed Version: Z`.
    ///
    /// Read at the byte level: this runs once per result.
    func trivyPackage() -> Finding.Package? {
        var message = message
        return message.withUTF8 { bytes -> Finding.Package? in
            guard Self.hasPrefix(bytes, 0, Self.packagePrefix) else { return nil }
            var package = Finding.Package(name: "")
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if Self.hasPrefix(bytes, start, Self.packagePrefix) {
                    package.name = Self.text(bytes, start + Self.packagePrefix.count, end)
                } else if Self.hasPrefix(bytes, start, Self.installedPrefix) {
                    package.version = Self.text(bytes, start + Self.installedPrefix.count, end)
                } else if Self.hasPrefix(bytes, start, Self.fixedPrefix) {
                    var item = start + Self.fixedPrefix.count
                    while item < end {
                        var comma = item
                        while comma < end, bytes[comma] != UInt8(ascii: ",") { comma += 1 }
                        let version = Self.text(bytes, item, comma)
                        if !version.isEmpty { package.fixVersions.append(version) }
                        item = comma + 1
                    }
                }
                start = end + 1
            }
            return package.name.isEmpty ? nil : package
        }
    }

    private static let packagePrefix: [UInt8] = Array("Package: ".utf8)
    private static let installedPrefix: [UInt8] = Array("Installed Version: ".utf8)
    private static let fixedPrefix: [UInt8] = Array("Fixed Version: ".utf8)

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ prefix: [UInt8]) -> Bool {
        guard bytes.count - start >= prefix.count else { return false }
        for offset in 0..<prefix.count where bytes[start + offset] != prefix[offset] { return false }
        return true
    }

    /// The bytes in `start..<end` as a string, without surrounding spaces or a carriage return.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var (low, high) = (start, end)
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 || bytes[high - 1] == 0x0D { high -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
    }

    // MARK: - Private

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
        while let key = try reader.nextKey(ReferenceKey.self) {
            switch key {
            case .known(.id): id = try reader.readOptionalString()
            case .known(.index): result.ruleReferenceIndex = try nonNegative(try reader.readOptionalInt())
            case .known(.guid): result.ruleGUID = try reader.readOptionalString()
            case .known(.toolComponent):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(ComponentKey.self) {
                    switch field {
                    case .known(.index): result.componentIndex = try nonNegative(try reader.readOptionalInt())
                    case .known(.guid): result.componentGUID = try reader.readOptionalString()
                    case .unknown: try reader.skipValue()
                    }
                }
            case .unknown: try reader.skipValue()
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
            // A suppression is an object (SARIF 2.1.0 §3.35); `null` or a string is none, and must not hide a result.
            guard try reader.peek() == .object else {
                let at = reader.position
                throw ReportError.invalid(
                    "a suppression must be an object with a kind (and a status); this one is not, so whether the "
                        + "result is suppressed cannot be told", at: at, keyPath: "\(keyPath)[\(index)]")
            }
            try reader.beginObject()
            while let key = try reader.nextKey(SuppressionKey.self) {
                guard key == .known(.status) else { try reader.skipValue(); continue }
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
            while let key = try reader.nextKey(LocationKey.self) {
                guard key == .known(.physicalLocation), try reader.peek() == .object else {
                    try reader.skipValue()
                    continue
                }
                try reader.beginObject()
                while let field = try reader.nextKey(PhysicalKey.self) {
                    guard try reader.peek() == .object else { try reader.skipValue(); continue }
                    try reader.beginObject()
                    // An unknown key's object is read as a region, as before the keys were named (so that this
                    // change alters nothing); `contextRegion` is such a key (left for a separate decision).
                    if field == .known(.artifactLocation) {
                        while let item = try reader.nextKey(ArtifactKey.self) {
                            if item == .known(.uri) {
                                result.path = try reader.readOptionalString().map(displayPath)
                            } else {
                                try reader.skipValue()
                            }
                        }
                    } else {
                        while let item = try reader.nextKey(RegionKey.self) {
                            if item == .known(.startLine) {
                                result.line = try reader.readOptionalLine()
                            } else {
                                try reader.skipValue()
                            }
                        }
                    }
                }
            }
        }
    }

    /// A URI as a path: `file://` dropped and `%XX` escapes decoded (`file:///src/a%20b.c` → `/src/a b.c`).
    static func displayPath(_ uri: String) -> String {
        var utf8 = Array(uri.utf8)[...]
        if utf8.starts(with: Self.fileScheme) {
            utf8 = utf8.dropFirst(Self.fileScheme.count)
            if utf8.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) { utf8 = utf8.dropFirst(2) }
        } else if !utf8.contains(UInt8(ascii: "%")) {
            return uri
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hexValue(utf8[utf8.startIndex]),
                let low = hexValue(utf8[utf8.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let fileScheme = Array("file:".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
