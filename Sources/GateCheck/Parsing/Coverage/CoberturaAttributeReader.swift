/// Reads the attributes of `<class>` and `<line>` for ``CoberturaHandler``, with the name lookups that make a line's
/// two common attributes one pointer comparison each.
struct CoberturaAttributeReader {
    private enum Attribute: UInt8 {
        case other, number, hits, branch, conditionCoverage, missingBranches, filename, name
    }

    /// The interned names of `number` and `hits`, the two attributes of every line.
    private var numberPointer: UnsafePointer<UInt8>?
    private var hitsPointer: UnsafePointer<UInt8>?
    private var names = XMLNameCache(Self.classify)

    /// A `<class>`'s file: its `filename`, or its `name` when it has none.
    mutating func classPath(_ attributes: XMLAttributes) -> String? {
        var filename: XMLBytes?
        var className: XMLBytes?
        attributes.forEach { name, value in
            switch names.lookup(name) {
            case .filename: filename = value
            case .name: className = value
            default: break
            }
        }
        return (filename ?? className)?.string()
    }

    /// A `<line>`: its number, hit, branch counts and `missing-branches` (valid only during the callback).
    ///
    /// - Throws: `invalid-value` for a number that is not a line number (so the line cannot be placed), hits that
    ///   are not a count, or more branches covered than exist.
    @inline(__always)
    mutating func line(_ attributes: XMLAttributes) throws(ReportError) -> (line: CoberturaLine, missing: XMLBytes?) {
        var number: XMLBytes?
        var hits: XMLBytes?
        var branch: XMLBytes?
        var condition: XMLBytes?
        var missing: XMLBytes?
        attributes.forEach { name, value in
            if name.pointer == numberPointer {
                number = value
                return
            }
            if name.pointer == hitsPointer {
                hits = value
                return
            }
            switch names.lookup(name) {
            case .number:
                number = value
                numberPointer = name.pointer
            case .hits:
                hits = value
                hitsPointer = name.pointer
            case .branch: branch = value
            case .conditionCoverage: condition = value
            case .missingBranches: missing = value
            default: break
            }
        }
        guard let line = number?.nonNegativeInteger, line > 0, line <= Int(UInt32.max) else {
            let shown = number.map { "number='\($0.string(limit: 40))'" } ?? "no number attribute"
            throw .invalidValue(
                "a <line> has \(shown), so gatecheck cannot place it; a line number is a whole number from 1 to "
                    + "4294967295 (regenerate the report with its coverage tool)", at: nil, keyPath: nil)
        }
        guard let count = hits?.nonNegativeInteger else {
            let shown = hits?.string(limit: 40) ?? "(missing)"
            throw .invalidValue(
                "line \(line) has hits='\(shown)'; hits must be a non-negative number", at: nil, keyPath: nil)
        }
        var read = CoberturaLine(number: UInt32(line), hit: count > 0)
        guard let branch, branch.equalsIgnoringCase("true") else { return (read, missing) }
        guard let condition, let counts = CoberturaChecks.counts(condition) else {
            read.branchWithoutCounts = true
            return (read, missing)
        }
        guard counts.covered <= counts.total, counts.total <= Int(UInt32.max) else {
            throw .invalidValue(
                "line \(line) has condition-coverage '\(condition.string(limit: 40))': more branches covered than "
                    + "exist", at: nil, keyPath: nil)
        }
        read.branches = BranchCount(line: UInt32(line), covered: UInt32(counts.covered), total: UInt32(counts.total))
        return (read, missing)
    }

    private static func classify(_ name: XMLName) -> Attribute {
        if name.equals("number") { return .number }
        if name.equals("hits") { return .hits }
        if name.equals("branch") { return .branch }
        if name.equals("condition-coverage") { return .conditionCoverage }
        if name.equals("missing-branches") { return .missingBranches }
        if name.equals("filename") { return .filename }
        if name.equals("name") { return .name }
        return .other
    }
}
