/// Value parsing and cross-checks for Cobertura, kept apart from the SAX handler.
enum CoberturaChecks {
    /// Paths as keys: `\` becomes `/` and a leading `./` goes, so that two emitters' names of a file agree.
    static func normalize(path: String) -> String {
        var result = path.contains("\\") ? path.replacing("\\", with: "/") : path
        while result.hasPrefix("./") { result.removeFirst(2) }
        return result
    }

    /// The `(a/b)` at the end of `condition-coverage`; the percentage before it is ignored (its rounding differs
    /// by emitter).
    static func counts(_ value: XMLBytes) -> (covered: Int, total: Int)? {
        let bytes = value.buffer
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0, bytes[end - 1] == UInt8(ascii: ")"),
            let open = bytes[0..<end].lastIndex(of: UInt8(ascii: "(")),
            let slash = bytes[open..<end].firstIndex(of: UInt8(ascii: "/"))
        else { return nil }
        guard let covered = digits(bytes[(open + 1)..<slash]), let total = digits(bytes[(slash + 1)..<(end - 1)])
        else { return nil }
        return (covered, total)
    }

    /// Reads coverage.py's `missing-branches="12,exit"` into `targets` as target lines (`exit` as 0), a buffer the
    /// caller reuses so that no line allocates.
    ///
    /// Absent with every branch taken means none missing; returns `false` (targets unknown) unless every missing target
    /// is named.
    static func missingTargets(_ value: XMLBytes?, covered: Int, total: Int, into targets: inout [UInt32]) -> Bool {
        targets.removeAll(keepingCapacity: true)
        guard let value else { return covered == total }
        for part in value.buffer.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
            let trimmed = part.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
            if trimmed.elementsEqual("exit".utf8) {
                targets.append(0)
            } else if let line = digits(part), line <= Int(UInt32.max) {
                targets.append(UInt32(line))
            } else {
                return false
            }
        }
        return targets.count == total - covered
    }

    private static func digits(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !slice.isEmpty, slice.count <= 12 else { return nil }
        var value = 0
        for byte in slice {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The codes of the diagnostics ``crossCheck(_:repeatedLines:)`` makes.
    static let crossCheckCodes: Set<String> = [
        "cobertura.summary-only", "cobertura.summary-mismatch", "cobertura.branches-from-root",
        "cobertura.branch-summary-mismatch", "cobertura.source-collision",
    ]

    /// A note when the totals come from the root attributes, a warning when the root's line-rate disagrees with
    /// the counted lines, saying why when the reason is known: `repeatedLines` `<line>` elements repeated a line
    /// already counted for their file (counted once), which is what a root counting every element disagrees on.
    static func crossCheck(_ report: CoverageReport, repeatedLines: Int = 0) -> [Diagnostic] {
        let totals = report.totals
        guard totals.linesValid > 0 else {
            if report.summary.linesValid != nil || report.summary.lineRate != nil {
                return [
                    Diagnostic(
                        .note, code: "cobertura.summary-only",
                        message: "the report has no <line> elements; its totals come from the root attributes")
                ]
            }
            return []
        }
        if let collision = sourceCollision(report, counted: totals) { return [collision] }
        var result = branchesFromRoot(report, totals: totals) + rootBranchMismatch(report, totals: totals)
        guard let stated = report.summary.lineRate else { return result }
        let counted = Double(totals.linesCovered) / Double(totals.linesValid)
        guard abs(counted - stated) > 1e-4 else { return result }
        var message =
            "the root line-rate=\(stated) differs from the \(totals.linesCovered)/\(totals.linesValid) lines "
            + "counted (\(MetricValue.format(counted))); gatecheck uses the counted lines"
        if repeatedLines > 0 {
            // The root counted the repeats as lines of their own: the true reason, not a wrong root.
            message +=
                ". \(repeatedLines) <line> element(s) repeat a line number already counted for their file, and "
                + "gatecheck counts such a line once, hit if any was hit"
            if let valid = report.summary.linesValid, valid == totals.linesValid + repeatedLines {
                message +=
                    "; the root's lines-valid=\(valid) counts every element, so the figures differ by the "
                    + "repeats alone"
            }
        }
        result.append(Diagnostic(.warning, code: "cobertura.summary-mismatch", message: message))
        return result
    }

    /// The root's branch totals, when no `<line>` carries branch counts but the root states some and its line
    /// totals are exactly the counted lines, so it describes this report (istanbul writes `branch="false"` on a
    /// line whose branch starts where no statement does, yet counts the branch in its totals).
    static func rootBranches(_ report: CoverageReport, totals: CoverageTotals) -> (covered: Int, valid: Int)? {
        let root = report.summary
        guard totals.branchesValid == 0, totals.linesValid > 0, let valid = root.branchesValid, valid > 0,
            let covered = root.branchesCovered, root.linesValid == totals.linesValid,
            root.linesCovered == totals.linesCovered
        else { return nil }
        return (covered, valid)
    }

    /// A note saying that branch figures come from the root (``rootBranches(_:totals:)``).
    private static func branchesFromRoot(_ report: CoverageReport, totals: CoverageTotals) -> [Diagnostic] {
        guard let (covered, valid) = rootBranches(report, totals: totals) else { return [] }
        return [
            Diagnostic(
                .note, code: "cobertura.branches-from-root",
                message: "no <line> carries branch counts (condition-coverage), but the root <coverage> states "
                    + "branches-covered=\(covered) of branches-valid=\(valid) and its line totals match the lines: "
                    + "branch figures come from the root, which cannot be merged with another report's branches")
        ]
    }

    /// A warning when lines carry branches but fewer or other than a root that describes these very lines
    /// (istanbul leaves out of its lines the branches that start where no statement does): the lines win.
    private static func rootBranchMismatch(_ report: CoverageReport, totals: CoverageTotals) -> [Diagnostic] {
        let root = report.summary
        guard totals.branchesValid > 0, let valid = root.branchesValid, let covered = root.branchesCovered,
            root.linesValid == totals.linesValid, root.linesCovered == totals.linesCovered,
            valid != totals.branchesValid || covered != totals.branchesCovered
        else { return [] }
        return [
            Diagnostic(
                .warning, code: "cobertura.branch-summary-mismatch",
                message: "the lines carry \(totals.branchesCovered) of \(totals.branchesValid) branches but the root "
                    + "states branches-covered=\(covered) of branches-valid=\(valid) for the same lines; gatecheck "
                    + "uses the lines (istanbul counts in its root, but writes on no line, the branches that start "
                    + "where no statement does)")
        ]
    }

    /// An error when a report with several `<source>` roots states more lines than its classes hold.
    ///
    /// coverage.py writes each file relative to the root it is under and keys its classes by that name, so two
    /// same-named files under different `--cov` roots (`pkg_a/utils.py`, `pkg_b/utils.py` → `utils.py`) leave one
    /// class, while the root totals count both. Files from different roots are different files: any figure from
    /// the remaining lines would be another code base's, so the report cannot be judged.
    static func sourceCollision(_ report: CoverageReport, counted totals: CoverageTotals) -> Diagnostic? {
        guard report.sources.count > 1, let stated = report.summary.linesValid, stated > totals.linesValid else {
            return nil
        }
        return Diagnostic(
            .error, code: "cobertura.source-collision",
            message: "the root states lines-valid=\(stated) but its classes hold \(totals.linesValid) lines: with "
                + "\(report.sources.count) <source> roots (\(report.sources.joined(separator: ", "))), files of the "
                + "same name under different roots were written as one class (coverage.py keys classes by the path "
                + "relative to their root), so the figures would mix different files. Run coverage with one root that "
                + "holds them all (`--cov=src`, `[run] source = src`) so that each file keeps its own path")
    }

    /// The root's totals.
    ///
    /// A rate outside [0, 1] or more covered than valid is impossible, and the root totals decide the verdict of a
    /// report without lines, so such a report is refused rather than trusted.
    static func rootSummary(_ attributes: XMLAttributes) throws(ReportError) -> CoverageSummary {
        var summary = CoverageSummary()
        summary.lineRate = attributes.value("line-rate")?.double
        summary.branchRate = attributes.value("branch-rate")?.double
        summary.linesValid = attributes.value("lines-valid")?.exactCount
        summary.linesCovered = attributes.value("lines-covered")?.exactCount
        summary.branchesValid = attributes.value("branches-valid")?.exactCount
        summary.branchesCovered = attributes.value("branches-covered")?.exactCount
        for (name, rate) in [("line-rate", summary.lineRate), ("branch-rate", summary.branchRate)] {
            if let rate, !(0...1).contains(rate) {
                throw .invalidValue(
                    "the root's \(name)='\(rate)' is not a fraction between 0 and 1", at: nil, keyPath: nil)
            }
        }
        let pairs: [(String, Int?, Int?, StaticString)] = [
            ("lines", summary.linesCovered, summary.linesValid, "line-rate"),
            ("branches", summary.branchesCovered, summary.branchesValid, "branch-rate"),
        ]
        for (what, covered, valid, rateName) in pairs {
            guard let covered, let valid else { continue }
            if covered > valid {
                throw .invalidValue(
                    "the root states \(covered) \(what) covered of \(valid) valid", at: nil, keyPath: nil)
            }
            // A rate beside its counts must be their ratio as written; neither figure may be picked over the other.
            guard valid > 0, let written = attributes.value(rateName), let rate = written.double
            else { continue }
            let ratio = Double(covered) / Double(valid)
            if abs(rate - ratio) > ratioTolerance(written) {
                throw .invalidValue(
                    "the root's \(rateName)='\(written.string(limit: 40))' contradicts its own \(what)-covered="
                        + "\(covered) and \(what)-valid=\(valid) (\(MetricValue.format(ratio))); gatecheck cannot tell "
                        + "which figure is true, so regenerate the report with its coverage tool",
                    at: nil, keyPath: nil)
            }
        }
        return summary
    }

    /// How far a written rate may be from the ratio of its counts: one unit of its last decimal, as producers round
    /// (coverage.py to 4 significant digits, gcovr to 5 decimals) or truncate (coverlet, to 4), but at least 0.0001
    /// and at most 0.01, so that `line-rate="1"` beside 95 of 100 lines is a contradiction.
    static func ratioTolerance(_ written: XMLBytes) -> Double {
        let bytes = written.buffer
        var decimals = 0
        if bytes.contains(UInt8(ascii: "e")) || bytes.contains(UInt8(ascii: "E")) {
            decimals = 4
        } else if let point = bytes.firstIndex(of: UInt8(ascii: ".")) {
            decimals = bytes[(point + 1)...].prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        }
        let unit = [1e-2, 1e-2, 1e-2, 1e-3, 1e-4][min(decimals, 4)]
        return unit + 1e-9
    }
}
