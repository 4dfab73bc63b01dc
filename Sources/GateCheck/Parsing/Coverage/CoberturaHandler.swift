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
        start: { user, name, _, _, _, _, count, defaulted, attributes in
            XMLStreamParser.start(user, name, count, defaulted, attributes, CoberturaHandler.self)
        },
        end: { user, _, _, _ in XMLStreamParser.end(user, CoberturaHandler.self) },
        characters: { user, bytes, count in XMLStreamParser.characters(user, bytes, count, CoberturaHandler.self) })

    /// What the handler keeps.
    enum Mode {
        /// Every line of every file (``CoverageDetail/lines``).
        case everyLine
        /// Per-file totals, noting files that appear in more than one `<class>`.
        case summarize
        /// Every line of these files only; other classes are skipped.
        case only(Set<String>)
    }

    private(set) var sawRoot = false
    private(set) var failure: ReportError?
    /// Files that appeared in more than one `<class>` while summarizing.
    private(set) var repeatedFiles: Set<String> = []
    private let mode: Mode
    private let stack = ElementStack<Element>(fallback: .other)
    /// The depth of the current `class/lines` element, so a `<line>` is counted only directly inside it.
    private var classLinesDepth = -1
    private var elements = XMLNameCache(Self.classify)
    private var linePointer: UnsafePointer<UInt8>?
    /// The interned names of `number` and `hits`, the two attributes of every line.
    private var numberPointer: UnsafePointer<UInt8>?
    private var hitsPointer: UnsafePointer<UInt8>?
    private var attributeNames = XMLNameCache(Self.classifyAttribute)
    private var report = CoverageReport()
    private var currentPath: String?
    private var current = FileCoverage()
    private var summary = ClassSummary()
    private var missingScratch: [UInt32] = []
    /// The files with the most missed lines and a few of those lines: the only files whose missed lines a verdict
    /// ever names, so a summary keeps no line numbers for the others.
    private var mostMissed: [(path: String, missed: Int, sample: [UInt32])] = []
    private var sourceText: [UInt8]?
    private var skippedLines = 0
    private var branchLinesWithoutCounts = 0

    init(mode: Mode) {
        self.mode = mode
        if case .summarize = mode { report.detail = .totals }
    }

    var wantsCharacters: Bool { sourceText != nil }

    mutating func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int) -> Bool {
        // `<line>` is nearly every element: one pointer comparison (libxml2 interns names) before the table.
        let element: Element
        if name.pointer == linePointer {
            element = .line
        } else {
            element = elements.lookup(name)
            if element == .line { linePointer = name.pointer }
        }
        let parent = stack[depth - 1]
        stack[depth] = element
        switch element {
        case .line:
            // Only class/lines/line: method lines repeat the class lines in gcovr, coverlet and istanbul output.
            if depth == classLinesDepth + 1, currentPath != nil { return recordLine(attributes) }
        case .lines where parent == .klass:
            classLinesDepth = depth
        case .klass where parent == .classes || parent == .packages:
            return startClass(attributes)
        case .source where parent == .sources:
            sourceText = []
        case .coverage where depth == 1:
            sawRoot = true
            return readSummary(attributes)
        default:
            if depth == 1 { return fail(.wrongKind(expected: .cobertura, found: "root element <\(name.string)>")) }
        }
        return true
    }

    private mutating func fail(_ error: ReportError) -> Bool {
        failure = error
        return false
    }

    mutating func endElement(depth: Int) {
        switch stack[depth] {
        case .lines where depth == classLinesDepth:
            classLinesDepth = -1
        case .klass:
            if let path = currentPath { finishClass(path) }
        case .source:
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
        for entry in mostMissed where !repeatedFiles.contains(entry.path) {
            guard let file = report.files[entry.path] else { continue }
            let branches = file.branchTotals
            report.files[entry.path] = .summary(
                count: file.lines.count, covered: file.lines.covered, missedSample: entry.sample,
                branchesCovered: branches.covered, branchesTotal: branches.total)
        }
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

    private mutating func startClass(_ attributes: XMLAttributes) -> Bool {
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
            return fail(.invalidValue("a <class> has neither a filename nor a name attribute", at: nil, keyPath: nil))
        }
        let key = CoberturaChecks.normalize(path: path)
        switch mode {
        case .everyLine:
            // A file split over several <class> elements (coverlet, cover2cover) continues where it left off.
            current = report.files.removeValue(forKey: key) ?? FileCoverage()
        case .summarize:
            summary.reset()
        case .only(let paths):
            guard paths.contains(key) else { return true }
            current = report.files.removeValue(forKey: key) ?? FileCoverage()
        }
        currentPath = key
        return true
    }

    private mutating func finishClass(_ path: String) {
        currentPath = nil
        guard case .summarize = mode else {
            report.files[path] = current
            return
        }
        if report.files[path] == nil, !summary.needsDetail {
            report.files[path] = summary.file
            rememberMissed(path)
        } else {
            repeatedFiles.insert(path)
        }
    }

    private mutating func rememberMissed(_ path: String) {
        let missed = summary.count - summary.covered
        guard missed > 0 else { return }
        let index =
            mostMissed.firstIndex { missed > $0.missed || (missed == $0.missed && path < $0.path) } ?? mostMissed.count
        guard index < 16 else { return }
        mostMissed.insert((path, missed, summary.missedSample), at: index)
        if mostMissed.count > 16 { mostMissed.removeLast() }
    }

    private mutating func recordLine(_ attributes: XMLAttributes) -> Bool {
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
            switch attributeNames.lookup(name) {
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
            skippedLines += 1
            return true
        }
        guard let count = hits?.nonNegativeInteger else {
            let shown = hits?.string(limit: 40) ?? "(missing)"
            return fail(
                .invalidValue(
                    "line \(line) has hits='\(shown)'; hits must be a non-negative number", at: nil, keyPath: nil))
        }
        if case .summarize = mode {
            summary.add(line: UInt32(line), hit: count > 0)
        } else {
            current.lines.record(line: UInt32(line), hit: count > 0)
        }
        guard let branch, branch.equalsIgnoringCase("true") else { return true }
        guard let condition, let counts = CoberturaChecks.counts(condition) else {
            branchLinesWithoutCounts += 1
            return true
        }
        guard counts.covered <= counts.total, counts.total <= Int(UInt32.max) else {
            return fail(
                .invalidValue(
                    "line \(line) has condition-coverage '\(condition.string(limit: 40))': more branches covered than exist",
                    at: nil, keyPath: nil))
        }
        if case .summarize = mode {
            summary.branchesCovered += counts.covered
            summary.branchesTotal += counts.total
            return true
        }
        current.recordBranches(
            BranchCount(line: UInt32(line), covered: UInt32(counts.covered), total: UInt32(counts.total)),
            missing: CoberturaChecks.missingTargets(
                missing, covered: counts.covered, total: counts.total, into: &missingScratch) ? missingScratch : nil)
        return true
    }

    /// Reads the root's totals and the emitter's version (``CoberturaChecks/rootSummary(_:)`` refuses impossible
    /// ones).
    private mutating func readSummary(_ attributes: XMLAttributes) -> Bool {
        do throws(ReportError) {
            report.summary = try CoberturaChecks.rootSummary(attributes)
        } catch {
            return fail(error)
        }
        report.toolVersion = attributes.value("version")?.string(limit: 100)
        return true
    }
}
