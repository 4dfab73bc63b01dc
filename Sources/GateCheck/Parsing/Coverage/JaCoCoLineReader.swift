internal import CLibXML2

/// One JaCoCo `<line nr mi ci mb cb>`, as gatecheck counts it.
struct JaCoCoLine {
    /// The 1-based line number (`nr`).
    var number: UInt32 = 0
    /// Whether the line has any instruction (`mi + ci > 0`): JaCoCo counts only such lines.
    var instructions = false
    /// Whether any instruction ran (`ci > 0`), JaCoCo's rule for a covered line (partly covered included).
    var covered = false
    /// Branches taken (`cb`).
    var branchesCovered: UInt32 = 0
    /// Branches in total (`mb + cb`).
    var branchesTotal: UInt32 = 0
}

/// Reads `<line>` attributes for ``JaCoCoHandler`` with pointer-compared names, refusing what is not a count.
struct JaCoCoLineReader {
    private enum Attribute: UInt8 {
        case other, nr, mi, ci, mb, cb
    }

    private var names = XMLNameCache(Self.classify)
    /// The interned names of the five attributes, in the order JaCoCo writes them (`nr mi ci mb cb`): one pointer
    /// comparison each on the hot path, the name table only for other orders and other attributes.
    private var nr: UnsafePointer<UInt8>?
    private var mi: UnsafePointer<UInt8>?
    private var ci: UnsafePointer<UInt8>?
    private var mb: UnsafePointer<UInt8>?
    private var cb: UnsafePointer<UInt8>?
    /// The problem that made ``read(_:)`` return `nil`.
    private(set) var failure: ReportError?

    /// The line, or `nil` (with ``failure`` set) when `nr` is not a line number or a count is not a count.
    @inline(__always)
    mutating func read(_ attributes: XMLAttributes) -> JaCoCoLine? {
        // nr, mi, ci, mb, cb; -1 when absent (a count that is absent is 0), -2 when not a count.
        var values = (Int(-1), Int(-1), Int(-1), Int(-1), Int(-1))
        guard let base = attributes.base else { return finish(values) }
        if attributes.count == 5, base[0] == nr, base[5] == mi, base[10] == ci, base[15] == mb, base[20] == cb {
            values = (
                Self.count(base, 0), Self.count(base, 1), Self.count(base, 2), Self.count(base, 3), Self.count(base, 4)
            )
            return finish(values)
        }
        // Any other order, other attributes: by the name table, remembering JaCoCo's order for the fast path.
        var order: [UnsafePointer<UInt8>?] = [nil, nil, nil, nil, nil]
        for index in 0..<attributes.count {
            guard let name = base[index * 5] else { continue }
            let kind = names.lookup(XMLName(pointer: name))
            guard kind != .other else { continue }
            let value = Self.count(base, index)
            switch kind {
            case .nr: values.0 = value
            case .mi: values.1 = value
            case .ci: values.2 = value
            case .mb: values.3 = value
            case .cb: values.4 = value
            case .other: break
            }
            if index < 5, Int(kind.rawValue) - 1 == index { order[index] = name }
        }
        if attributes.count == 5, order.allSatisfy({ $0 != nil }) {
            (nr, mi, ci, mb, cb) = (order[0], order[1], order[2], order[3], order[4])
        }
        return finish(values)
    }

    /// The count in attribute `index`, or -2 when it is not a count.
    @inline(__always)
    private static func count(_ base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, _ index: Int) -> Int {
        let entry = base + index * 5
        guard let start = entry[3], let end = entry[4] else { return -2 }
        let length = end - start
        // Plain digits, which is every value JaCoCo writes: parsed here, without a call per attribute.
        if length > 0, length <= 18 {
            var value = 0
            var index = 0
            while index < length {
                let digit = start[index] &- 0x30
                guard digit < 10 else { break }
                value = value &* 10 &+ Int(digit)
                index &+= 1
            }
            if index == length { return value }
        }
        return XMLBytes(UnsafeBufferPointer(start: start, count: length)).exactCount ?? -2
    }

    /// Checks the five values and makes the line.
    @inline(__always)
    private mutating func finish(_ values: (Int, Int, Int, Int, Int)) -> JaCoCoLine? {
        guard values.1 != -2, values.2 != -2, values.3 != -2, values.4 != -2 else {
            failure = .invalidValue(
                "a <line> has an mi, ci, mb or cb that is not a count (a whole number from 0); regenerate the report "
                    + "with JaCoCo",
                at: nil, keyPath: nil)
            return nil
        }
        let number = values.0
        guard number >= 1, number <= Int(UInt32.max) else {
            failure = .invalidValue(
                "a <line> has no line number 'nr' from 1 to 4294967295, so it cannot be placed", at: nil,
                keyPath: nil)
            return nil
        }
        let mi = max(values.1, 0)
        let ci = max(values.2, 0)
        let mb = max(values.3, 0)
        let cb = max(values.4, 0)
        guard mb <= Int(UInt32.max) / 2, cb <= Int(UInt32.max) / 2 else {
            failure = .invalidValue(
                "line \(number) states \(mb) missed and \(cb) covered branches, more than any method can have",
                at: nil, keyPath: nil)
            return nil
        }
        var line = JaCoCoLine()
        line.number = UInt32(number)
        line.instructions = mi > 0 || ci > 0
        line.covered = ci > 0
        line.branchesCovered = UInt32(cb)
        line.branchesTotal = UInt32(mb + cb)
        return line
    }

    private static func classify(_ name: XMLName) -> Attribute {
        if name.equals("nr") { return .nr }
        if name.equals("mi") { return .mi }
        if name.equals("ci") { return .ci }
        if name.equals("mb") { return .mb }
        if name.equals("cb") { return .cb }
        return .other
    }
}

/// Line and branch counts of a source file or a report, as JaCoCo's `LINE` and `BRANCH` counters state them.
struct JaCoCoCounts {
    var lines = 0
    var linesCovered = 0
    var branches = 0
    var branchesCovered = 0

    /// Adds a source file's counts (sums of in-range counts, held at `Int.max`).
    mutating func add(_ other: JaCoCoCounts) {
        lines = lines.saturatingAdd(other.lines)
        linesCovered = linesCovered.saturatingAdd(other.linesCovered)
        branches = branches.saturatingAdd(other.branches)
        branchesCovered = branchesCovered.saturatingAdd(other.branchesCovered)
    }

    /// What a counter check found.
    enum CheckResult {
        /// Not a line or branch counter, or it agrees with the lines.
        case agrees
        /// A source file's branches without any line: classes compiled without line numbers; JaCoCo counts their
        /// branches but writes no line to place them on.
        case branchesWithoutLines
    }

    /// Compares a `<counter type="LINE|BRANCH" missed covered>` with what the lines gave; other counter types
    /// (instructions, methods, classes, complexity) are not figures gatecheck gates on.
    ///
    /// JaCoCo computes a `LINE` counter from exactly the lines it writes, so any difference means the report was
    /// damaged or edited, and gatecheck cannot tell which figure is true: refused (the rule for Cobertura's root
    /// figures). A source file's `BRANCH` counter must equal its lines' branches when it has lines; the report's
    /// may exceed them (classes without line numbers or without a source file carry branches no line shows), never
    /// fall below.
    static func check(
        _ attributes: XMLAttributes, of scope: String, isReport: Bool, against counted: JaCoCoCounts
    ) throws(ReportError) -> CheckResult {
        guard let type = attributes.value("type") else { return .agrees }
        let isLine = type.equalsIgnoringCase("LINE")
        guard isLine || type.equalsIgnoringCase("BRANCH") else { return .agrees }
        let name = isLine ? "LINE" : "BRANCH"
        guard let missed = attributes.value("missed")?.exactCount, let covered = attributes.value("covered")?.exactCount
        else {
            throw .invalidValue(
                "the \(scope)'s \(name) counter has a 'missed' or 'covered' that is not a count", at: nil, keyPath: nil)
        }
        let stated = missed.saturatingAdd(covered)
        let total = isLine ? counted.lines : counted.branches
        let hit = isLine ? counted.linesCovered : counted.branchesCovered
        if stated == total, covered == hit { return .agrees }
        if !isLine {
            if !isReport, counted.lines == 0, total == 0 { return .branchesWithoutLines }
            if isReport, stated >= total, covered >= hit, missed >= total - hit { return .agrees }
        }
        throw .invalidValue(
            "the \(scope)'s \(name) counter states \(covered) of \(stated) \(isLine ? "lines" : "branches") covered, "
                + "but its <line> elements give \(hit) of \(total); JaCoCo writes both from the same data, so the "
                + "report was damaged or edited and gatecheck cannot tell which figure is true; regenerate it with "
                + "JaCoCo",
            at: nil, keyPath: nil)
    }
}
