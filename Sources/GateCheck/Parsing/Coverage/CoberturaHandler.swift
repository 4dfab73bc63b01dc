/// The SAX handler behind ``CoberturaParser``: tracks where it is with a stack of element kinds and records
/// `class/lines/line` into the current file.
struct CoberturaHandler: XMLEventHandler {
    private enum Element: UInt8 {
        case other, coverage, sources, source, packages, package, classes, klass, lines, line
    }

    private enum Attribute: UInt8 {
        case other, number, hits, branch, conditionCoverage, missingBranches, filename, name
    }

    static let saxCallbacks = SAXCallbacks(
        start: { user, name, _, _, _, _, count, _, attributes in
            XMLStreamParser.start(user, name, count, attributes, CoberturaHandler.self)
        },
        end: { user, _, _, _ in XMLStreamParser.end(user, CoberturaHandler.self) },
        characters: { user, bytes, count in XMLStreamParser.characters(user, bytes, count, CoberturaHandler.self) })

    private(set) var sawRoot = false
    private let detail: CoverageDetail
    private var stack: [Element] = []
    private var elements = XMLNameCache(Self.classify)
    private var attributeNames = XMLNameCache(Self.classifyAttribute)
    private var report = CoverageReport()
    private var currentPath: String?
    private var current = FileCoverage()
    private var sourceText: [UInt8]?
    private var skippedLines = 0
    private var branchLinesWithoutCounts = 0

    init(detail: CoverageDetail) {
        self.detail = detail
        stack.reserveCapacity(16)
        report.detail = detail
    }

    var wantsCharacters: Bool { sourceText != nil }

    mutating func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int) -> ReportError? {
        let element = elements.lookup(name)
        let parent = stack.last ?? .other
        stack.append(element)
        switch element {
        case .line:
            // Only class/lines/line: method lines repeat the class lines in gcovr, coverlet and istanbul output.
            if parent == .lines, stack.count >= 3, stack[stack.count - 3] == .klass {
                return recordLine(attributes)
            }
        case .klass where parent == .classes || parent == .packages:
            return startClass(attributes)
        case .source where parent == .sources:
            sourceText = []
        case .coverage where depth == 1:
            sawRoot = true
            readSummary(attributes)
        default:
            if depth == 1 { return .wrongKind(expected: .cobertura, found: "root element <\(name.string)>") }
        }
        return nil
    }

    mutating func endElement(depth: Int) {
        switch stack.popLast() {
        case .klass?:
            if let path = currentPath {
                report.files[path] = current
                current = FileCoverage()
                currentPath = nil
            }
        case .source?:
            if let text = sourceText {
                report.sources.append(String(decoding: text, as: UTF8.self).trimmingWhitespace)
                sourceText = nil
            }
        default: break
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let count = sourceText?.count else { return }
        sourceText?.append(contentsOf: bytes.prefix(max(0, 4096 - count)))
    }

    mutating func finish() -> ParsedCoverage {
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
        diagnostics.append(contentsOf: CoberturaChecks.crossCheck(report))
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

    private static func classifyAttribute(_ name: XMLName) -> Attribute {
        if name.equals("number") { return .number }
        if name.equals("hits") { return .hits }
        if name.equals("branch") { return .branch }
        if name.equals("condition-coverage") { return .conditionCoverage }
        if name.equals("missing-branches") { return .missingBranches }
        if name.equals("filename") { return .filename }
        if name.equals("name") { return .name }
        return .other
    }

    private mutating func startClass(_ attributes: XMLAttributes) -> ReportError? {
        var filename: XMLBytes?
        var className: XMLBytes?
        attributes.forEach { name, value in
            switch attributeNames.lookup(name) {
            case .filename: filename = value
            case .name: className = value
            default: break
            }
        }
        guard let path = (filename ?? className)?.string() else {
            return .invalidValue("a <class> has neither a filename nor a name attribute", at: nil, keyPath: nil)
        }
        let key = CoberturaChecks.normalize(path: path)
        // A file split over several <class> elements (coverlet, cover2cover) continues where it left off.
        current = report.files.removeValue(forKey: key) ?? FileCoverage()
        currentPath = key
        return nil
    }

    private mutating func recordLine(_ attributes: XMLAttributes) -> ReportError? {
        var number: XMLBytes?
        var hits: XMLBytes?
        var branch: XMLBytes?
        var condition: XMLBytes?
        var missing: XMLBytes?
        attributes.forEach { name, value in
            switch attributeNames.lookup(name) {
            case .number: number = value
            case .hits: hits = value
            case .branch: branch = value
            case .conditionCoverage: condition = value
            case .missingBranches: missing = value
            default: break
            }
        }
        guard let line = number?.nonNegativeInteger, line > 0, line <= Int(UInt32.max) else {
            skippedLines += 1
            return nil
        }
        guard let count = hits?.nonNegativeInteger else {
            let shown = hits?.string(limit: 40) ?? "(missing)"
            return .invalidValue(
                "line \(line) has hits='\(shown)'; hits must be a non-negative number", at: nil, keyPath: nil)
        }
        let isNew = current.lines.record(line: UInt32(line), hit: count > 0)
        guard let branch, branch.equalsIgnoringCase("true") else { return nil }
        guard let condition, let counts = CoberturaChecks.counts(condition) else {
            branchLinesWithoutCounts += 1
            return nil
        }
        guard counts.covered <= counts.total, counts.total <= Int(UInt32.max) else {
            return .invalidValue(
                "line \(line) has condition-coverage '\(condition.string(limit: 40))': more branches covered than exist",
                at: nil, keyPath: nil)
        }
        switch detail {
        case .totals:
            if isNew { current.addBranchTotals(covered: counts.covered, total: counts.total) }
        case .lines:
            current.recordBranches(
                BranchCount(line: UInt32(line), covered: UInt32(counts.covered), total: UInt32(counts.total)),
                missing: CoberturaChecks.missingTargets(missing, covered: counts.covered, total: counts.total))
        }
        return nil
    }

    private mutating func readSummary(_ attributes: XMLAttributes) {
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
}
