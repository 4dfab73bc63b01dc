/// Reads Cobertura coverage XML as every common emitter writes it (coverage.py, gcovr, istanbul, coverlet,
/// Cobertura, cover2cover), streaming, into a ``CoverageReport``.
///
/// ```swift
/// var source = BytesSource(xmlBytes)
/// let coverage = try CoberturaParser.parse(&source)
/// print(coverage.totals.linesCovered, "of", coverage.totals.linesValid)
/// ```
public enum CoberturaParser {
    /// Parses one Cobertura document.
    ///
    /// - Throws: ``ReportError`` when the document is empty, not well-formed, truncated, hostile, not Cobertura
    ///   (root element other than `<coverage>`), or carries an impossible value (negative hits, more branches
    ///   covered than exist).
    public static func parse<Source: ByteSource>(
        _ source: inout Source, limits: ParseLimits = .init()
    ) throws(ReportError) -> ParsedCoverage {
        let handler = CoberturaHandler()
        try XMLStreamParser.parse(&source, handler: handler, limits: limits)
        if let failure = handler.failure { throw failure }
        guard handler.sawRoot else { throw .empty }
        return handler.finish()
    }
}

/// A parsed coverage report and what the parser noticed on the way.
public struct ParsedCoverage: Sendable, Hashable {
    /// The coverage data.
    public var report: CoverageReport
    /// Warnings about the file (skipped lines, summary mismatches); the file path is filled in by the caller.
    public var diagnostics: [Diagnostic]
}

/// The SAX handler behind ``CoberturaParser``: tracks where it is with a stack of element kinds and records
/// `class/lines/line` into the current file.
final class CoberturaHandler: XMLEventHandler {
    private enum Element: UInt8 {
        case other, coverage, sources, source, packages, package, classes, klass, lines, line
    }

    private(set) var failure: ReportError?
    private(set) var sawRoot = false
    private var stack: [Element] = []
    private var names = XMLNameCache<Element>()
    private var report = CoverageReport()
    private var currentFile: String?
    private var current = FileCoverage()
    private var sourceText: [UInt8]?
    private var skippedLines = 0
    private var branchLinesWithoutCounts = 0

    init() {
        stack.reserveCapacity(16)
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int, line: Int) {
        let element = names.lookup(name, classify: Self.classify)
        let parent = stack.last ?? .other
        stack.append(element)
        switch element {
        case .line:
            // Only class/lines/line: method lines repeat the class lines in gcovr, coverlet and istanbul output.
            if parent == .lines, stack.count >= 3, stack[stack.count - 3] == .klass {
                recordLine(attributes, at: line)
            }
        case .klass where parent == .classes || parent == .packages:
            startClass(attributes, at: line)
        case .source where parent == .sources:
            sourceText = []
        case .coverage where depth == 1:
            sawRoot = true
            readSummary(attributes)
        default:
            if depth == 1 {
                failure = .wrongKind(expected: .cobertura, found: "root element <\(name.string)>")
            }
        }
    }

    func endElement(_ name: XMLName, depth: Int) {
        switch stack.popLast() {
        case .klass?:
            if let path = currentFile {
                report.files[path, default: FileCoverage()].formUnionForParse(current)
                currentFile = nil
            }
        case .source?:
            if let text = sourceText {
                let source = String(decoding: text, as: UTF8.self).trimmingWhitespace
                report.sources.append(source)
                sourceText = nil
            }
        default: break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let count = sourceText?.count else { return }
        sourceText?.append(contentsOf: bytes.prefix(max(0, 4096 - count)))
    }

    func finish() -> ParsedCoverage {
        var diagnostics: [Diagnostic] = []
        for path in report.files.keys { report.files[path]?.normalize() }
        if skippedLines > 0 {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "cobertura.skipped-lines",
                    message: "\(skippedLines) <line> element(s) without a positive line number were skipped"))
        }
        if branchLinesWithoutCounts > 0 {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "cobertura.branch-without-counts",
                    message: "\(branchLinesWithoutCounts) branch line(s) have no '(covered/total)' in "
                        + "condition-coverage and were not counted as branches"))
        }
        diagnostics.append(contentsOf: crossCheck())
        return ParsedCoverage(report: report, diagnostics: diagnostics)
    }

    // MARK: - Private

    private static func classify(_ name: XMLName) -> Element {
        if name.equals("line") { return .line }
        if name.equals("lines") { return .lines }
        if name.equals("class") { return .klass }
        if name.equals("classes") { return .classes }
        if name.equals("package") { return .package }
        if name.equals("packages") { return .packages }
        if name.equals("source") { return .source }
        if name.equals("sources") { return .sources }
        if name.equals("coverage") { return .coverage }
        return .other
    }

    private func startClass(_ attributes: XMLAttributes, at line: Int) {
        guard let filename = attributes.value("filename") ?? attributes.value("name") else {
            failure = .invalidValue(
                "a <class> has neither a filename nor a name attribute", at: FilePosition(line: line), keyPath: nil)
            return
        }
        currentFile = Self.normalize(path: filename.string())
        current = FileCoverage()
    }

    private func recordLine(_ attributes: XMLAttributes, at line: Int) {
        guard let number = attributes.value("number")?.nonNegativeInteger, number > 0, number <= Int(UInt32.max)
        else {
            skippedLines += 1
            return
        }
        guard let hitsText = attributes.value("hits"), let hits = hitsText.nonNegativeInteger else {
            let shown = attributes.value("hits")?.string(limit: 40) ?? "(missing)"
            failure = .invalidValue(
                "line \(number) has hits='\(shown)'; hits must be a non-negative number",
                at: FilePosition(line: line), keyPath: nil)
            return
        }
        current.lines.record(line: UInt32(number), hit: hits > 0)
        guard let branch = attributes.value("branch"), branch.equalsIgnoringCase("true") else { return }
        guard let condition = attributes.value("condition-coverage"), let counts = Self.counts(condition) else {
            branchLinesWithoutCounts += 1
            return
        }
        guard counts.covered <= counts.total, counts.total <= Int(UInt32.max) else {
            failure = .invalidValue(
                "line \(number) has condition-coverage '\(condition.string(limit: 40))': more branches covered than exist",
                at: FilePosition(line: line), keyPath: nil)
            return
        }
        current.recordBranches(
            BranchCount(line: UInt32(number), covered: UInt32(counts.covered), total: UInt32(counts.total)),
            missing: Self.missingTargets(attributes.value("missing-branches"), covered: counts.covered,
                total: counts.total))
    }

    /// The `(a/b)` at the end of `condition-coverage`; the percentage before it is ignored (its rounding differs
    /// by emitter).
    private static func counts(_ value: XMLBytes) -> (covered: Int, total: Int)? {
        let bytes = value.buffer
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0, bytes[end - 1] == UInt8(ascii: ")"),
            let open = bytes[0..<end].lastIndex(of: UInt8(ascii: "(")),
            let slash = bytes[open..<end].firstIndex(of: UInt8(ascii: "/"))
        else { return nil }
        guard let covered = Self.digits(bytes[(open + 1)..<slash]), let total = Self.digits(bytes[(slash + 1)..<(end - 1)])
        else { return nil }
        return (covered, total)
    }

    /// coverage.py's `missing-branches="12,exit"` as target lines (`exit` as 0); `nil` when the emitter writes
    /// none and some branches are missing, since the targets are then unknown.
    private static func missingTargets(_ value: XMLBytes?, covered: Int, total: Int) -> [UInt32]? {
        guard let value else { return covered == total ? [] : nil }
        var targets: [UInt32] = []
        for part in value.buffer.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
            let text = String(decoding: part, as: UTF8.self).trimmingWhitespace
            if text == "exit" {
                targets.append(0)
            } else if let line = UInt32(text) {
                targets.append(line)
            } else {
                return nil
            }
        }
        return targets.count == total - covered ? targets : nil
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

    private func readSummary(_ attributes: XMLAttributes) {
        var summary = CoverageSummary()
        summary.lineRate = attributes.value("line-rate")?.double
        summary.branchRate = attributes.value("branch-rate")?.double
        summary.linesValid = attributes.value("lines-valid")?.nonNegativeInteger
        summary.linesCovered = attributes.value("lines-covered")?.nonNegativeInteger
        summary.branchesValid = attributes.value("branches-valid")?.nonNegativeInteger
        summary.branchesCovered = attributes.value("branches-covered")?.nonNegativeInteger
        report.summary = summary
        report.toolVersion = attributes.value("version")?.string(limit: 100)
    }

    /// Paths as keys: `\` becomes `/` and a leading `./` goes, so that two emitters' names of a file agree.
    static func normalize(path: String) -> String {
        var result = path.contains("\\") ? path.replacing("\\", with: "/") : path
        while result.hasPrefix("./") { result.removeFirst(2) }
        return result
    }

    private func crossCheck() -> [Diagnostic] {
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
        guard let stated = report.summary.lineRate else { return [] }
        let counted = Double(totals.linesCovered) / Double(totals.linesValid)
        guard abs(counted - stated) > 1e-4 else { return [] }
        return [
            Diagnostic(
                .warning, code: "cobertura.summary-mismatch",
                message: "the root line-rate=\(stated) differs from the \(totals.linesCovered)/\(totals.linesValid) "
                    + "lines counted (\(MetricValue.format(counted))); gatecheck uses the counted lines")
        ]
    }
}

extension FileCoverage {
    /// Adds one `<class>`'s lines during a parse; branch lines are normalised once at the end.
    fileprivate mutating func formUnionForParse(_ other: FileCoverage) {
        if lines.count == 0, branches.isEmpty {
            self = other
            return
        }
        lines.formUnion(other.lines)
        appendBranches(of: other)
    }
}
