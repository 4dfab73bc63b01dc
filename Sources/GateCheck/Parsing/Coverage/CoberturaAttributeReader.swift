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

    /// The problem that made ``line(_:into:missing:)`` return `false`.
    private(set) var failure: ReportError?

    /// Reads a `<line>` into `read`: its number, hit, branch counts, and into `missing` its `missing-branches`
    /// (valid only during the callback).
    ///
    /// Returns `false`, with ``failure`` set to `invalid-value`, for a number that is not a line number (so the line
    /// cannot be placed), hits that are not a count, or more branches covered than exist. (A `Bool` rather than a
    /// thrown error keeps the hot path free of copying a large enum.)
    @inline(__always)
    mutating func line(_ attributes: XMLAttributes, into read: inout CoberturaLine, missing: inout XMLBytes?) -> Bool {
        var number: XMLBytes?
        var hits: XMLBytes?
        var branch: XMLBytes?
        var condition: XMLBytes?
        missing = nil
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
            return fail(
                "a <line> has \(shown), so gatecheck cannot place it; a line number is a whole number from 1 to "
                    + "4294967295 (regenerate the report with its coverage tool)")
        }
        guard let count = hits?.nonNegativeInteger else {
            let shown = hits?.string(limit: 40) ?? "(missing)"
            return fail(
                "line \(line) has hits='\(shown)'; hits must be a non-negative number")
        }
        read = CoberturaLine(number: UInt32(line), hit: count > 0)
        guard let branch, branch.equalsIgnoringCase("true") else { return true }
        guard let condition, let counts = CoberturaChecks.counts(condition) else {
            read.branchWithoutCounts = true
            return true
        }
        guard counts.covered <= counts.total, counts.total <= Int(UInt32.max) else {
            return fail(
                "line \(line) has condition-coverage '\(condition.string(limit: 40))': more branches covered than "
                    + "exist")
        }
        read.branches = BranchCount(line: UInt32(line), covered: UInt32(counts.covered), total: UInt32(counts.total))
        return true
    }

    @inline(never)
    private mutating func fail(_ message: String) -> Bool {
        failure = .invalidValue(message, at: nil, keyPath: nil)
        return false
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
