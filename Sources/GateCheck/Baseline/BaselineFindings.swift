/// Reads a baseline's `findings` as gatecheck writes them, straight into tallies: no tree, no dictionary per
/// fingerprint.
///
/// Anything else (a key twice, an unknown key, a missing or mistyped field, a negative count) returns `nil`, and
/// the document is read again as a tree, whose decoder names what is wrong: this path decides nothing the tree would
/// decide differently.
enum BaselineFindings {
    /// The keys of one tally.
    enum Key: String, JSONKeyEnum {
        case tool, rule, place, severity, confidence, fixable, count, waived
        static let table = JSONKeyTable<Self>()
    }

    /// The tallies by fingerprint, the reader at the `findings` object; `nil` when they are not as written.
    static func read(_ reader: inout JSONReader<BytesSource>) throws(JSONError) -> [String: FindingTally]? {
        try reader.beginObject()
        var tallies: [String: FindingTally] = [:]
        while try reader.nextKey(in: .noKeys) != nil {
            let fingerprint = reader.lastKey
            guard try reader.peek() == .object, tallies[fingerprint] == nil, let tally = try tally(&reader) else {
                return nil
            }
            tallies[fingerprint] = tally
        }
        return tallies
    }

    // MARK: - Private

    private static func tally(_ reader: inout JSONReader<BytesSource>) throws(JSONError) -> FindingTally? {
        try reader.beginObject()
        var (tool, rule, place): (String?, String?, String?) = (nil, nil, nil)
        var severity: Severity?
        var confidence: Confidence?
        var fixable: Bool?
        var (count, waived): (Int?, Int?) = (nil, nil)
        while let key = try reader.nextKey(Key.self) {
            guard case .known(let known) = key else { return nil }
            switch known {
            case .tool: guard tool == nil, let text = try string(&reader) else { return nil }; tool = text
            case .rule: guard rule == nil, let text = try string(&reader) else { return nil }; rule = text
            case .place: guard place == nil, let text = try string(&reader) else { return nil }; place = text
            case .severity:
                guard severity == nil, let text = try string(&reader), let value = Severity(rawValue: text) else {
                    return nil
                }
                severity = value
            case .confidence:
                guard confidence == nil, let text = try string(&reader), let value = Confidence(rawValue: text) else {
                    return nil
                }
                confidence = value
            case .fixable:
                guard fixable == nil, try reader.peek() == .bool else { return nil }
                fixable = try reader.readBool()
            case .count: guard count == nil, let value = try integer(&reader) else { return nil }; count = value
            case .waived: guard waived == nil, let value = try integer(&reader) else { return nil }; waived = value
            }
        }
        guard let tool, let rule, let place, let severity, let confidence, let fixable, let count, let waived else {
            return nil
        }
        return FindingTally(
            tool: tool, rule: rule, place: place, severity: severity, confidence: confidence, fixable: fixable,
            count: count, waived: waived)
    }

    private static func string(_ reader: inout JSONReader<BytesSource>) throws(JSONError) -> String? {
        try reader.peek() == .string ? try reader.readString() : nil
    }

    /// A whole number of at least 0, as the tree's decoder takes it.
    private static func integer(_ reader: inout JSONReader<BytesSource>) throws(JSONError) -> Int? {
        guard try reader.peek() == .number, let value = try reader.readNumber().int64, value >= 0 else { return nil }
        return Int(exactly: value)
    }
}
