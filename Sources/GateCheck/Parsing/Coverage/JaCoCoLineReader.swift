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
    /// The problem that made ``read(_:)`` return `nil`.
    private(set) var failure: ReportError?

    /// The line, or `nil` (with ``failure`` set) when `nr` is not a line number or a count is not a count.
    @inline(__always)
    mutating func read(_ attributes: XMLAttributes) -> JaCoCoLine? {
        var number: Int?
        var counts: (mi: Int?, ci: Int?, mb: Int?, cb: Int?) = (0, 0, 0, 0)
        var bad: String?
        attributes.forEach { name, value in
            let kind = names.lookup(name)
            guard kind != .other else { return }
            let parsed = value.exactCount
            if parsed == nil, bad == nil { bad = "\(name.string)='\(value.string(limit: 40))'" }
            switch kind {
            case .nr: number = parsed
            case .mi: counts.mi = parsed
            case .ci: counts.ci = parsed
            case .mb: counts.mb = parsed
            case .cb: counts.cb = parsed
            case .other: break
            }
        }
        if let bad {
            failure = .invalidValue(
                "a <line> has \(bad), which is not a count (a whole number from 0); regenerate the report with JaCoCo",
                at: nil, keyPath: nil)
            return nil
        }
        guard let number, number >= 1, number <= Int(UInt32.max) else {
            failure = .invalidValue(
                "a <line> has no line number 'nr' from 1 to 4294967295, so it cannot be placed", at: nil,
                keyPath: nil)
            return nil
        }
        let mi = counts.mi ?? 0
        let ci = counts.ci ?? 0
        let mb = counts.mb ?? 0
        let cb = counts.cb ?? 0
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
