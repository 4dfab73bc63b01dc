/// The SAX handler behind ``JaCoCoParser``: the lines of each `<package><sourcefile>`, checked against the
/// `LINE` and `BRANCH` counters JaCoCo writes beside them.
///
/// JaCoCo's DTD fixes the order: a source file's `<line>` elements come before its `<counter>` elements, and a
/// report's or group's packages before its counters, so every check runs at the counter's start tag, where the
/// parse can stop with the counter's line.
struct JaCoCoHandler: XMLEventHandler {
    private enum Element: UInt8 {
        case other, report, group, package, sourcefile, line, counter
    }

    static let saxCallbacks = SAXCallbacks(
        start: { user, name, _, _, _, _, count, defaulted, attributes in
            XMLStreamParser.start(user, name, count, defaulted, attributes, JaCoCoHandler.self)
        },
        end: { user, _, _, _ in XMLStreamParser.end(user, JaCoCoHandler.self) },
        characters: { user, bytes, count in XMLStreamParser.characters(user, bytes, count, JaCoCoHandler.self) })

    private(set) var sawRoot = false
    private(set) var failure: ReportError?
    /// Whether each file is kept only by its totals (``CoverageDetail/totals``).
    private let summarize: Bool
    /// Whether a file repeated while summarizing: its lines must be merged, which needs the detail.
    private(set) var needsDetail = false
    /// The interned name `line`: nearly every element, one pointer comparison before the name table.
    private var linePointer: UnsafePointer<UInt8>?
    private let stack = ElementStack<Element>(fallback: .other)
    private var elements = XMLNameCache(Self.classify)
    private var lines = JaCoCoLineReader()
    private var report = CoverageReport()
    /// The open package's name with a trailing `/` (empty for the default package), or `nil` outside a package.
    private var packagePrefix: String?
    private var sourcePath: String?
    private var sourceDepth = -1
    private var current = FileCoverage()
    /// What the open source file's lines give, for its own counters.
    private var fileCounts = JaCoCoCounts()
    /// What every source file's lines give, summed: the report's counters state the same sums.
    private var summed = JaCoCoCounts()
    /// Whether the report's own counters have started (nothing may be counted after them).
    private var reportCountersStarted = false
    /// Source files that appear more than once (in two groups or packages of one name).
    private var repeatedFiles = 0
    /// Source files with branches but no line (compiled without line numbers).
    private var filesWithoutLines = 0

    init(summarize: Bool = false) {
        self.summarize = summarize
        if summarize { report.detail = .totals }
    }

    var wantsCharacters: Bool { false }

    mutating func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int) -> Bool {
        let element: Element
        if name.pointer == linePointer {
            element = .line
        } else {
            element = elements.lookup(name)
            if element == .line { linePointer = name.pointer }
        }
        let parent = stack[depth - 1]
        stack[depth] = element
        if depth == 1 {
            guard element == .report else {
                return fail(.wrongKind(expected: .jacoco, found: "root element <\(name.string)>"))
            }
            sawRoot = true
            return true
        }
        switch element {
        case .line:
            guard sourcePath != nil, depth == sourceDepth + 1 else {
                return fail(
                    .malformed(
                        "a <line> element is outside <package><sourcefile>, so gatecheck cannot tell which file it "
                            + "belongs to; regenerate the report with JaCoCo",
                        at: nil))
            }
            return readLine(attributes)
        case .counter:
            return readCounter(attributes, parent: parent, depth: depth)
        case .sourcefile where parent == .package:
            return startSourceFile(attributes, depth: depth)
        case .package, .group:
            if reportCountersStarted || packagePrefix != nil || (parent != .report && parent != .group) {
                return fail(
                    .malformed(
                        "a <\(name.string)> element is not directly inside <report> or <group>, or follows the "
                            + "report's own counters; regenerate the report with JaCoCo",
                        at: nil))
            }
            if element == .package {
                let packageName = attributes.value("name")?.string() ?? ""
                packagePrefix = packageName.isEmpty ? "" : packageName + "/"
            }
        default:
            break
        }
        return true
    }

    mutating func endElement(depth: Int) {
        switch stack[depth] {
        case .sourcefile where depth == sourceDepth:
            if let path = sourcePath { report.files[path] = summarize ? .summary(of: current) : current }
            summed.add(fileCounts)
            sourcePath = nil
            sourceDepth = -1
        case .package:
            packagePrefix = nil
        default:
            break
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    mutating func finish() -> ParsedCoverage {
        for path in report.files.keys { report.files[path]?.normalize() }
        var diagnostics: [Diagnostic] = []
        if repeatedFiles > 0 {
            diagnostics.append(
                Diagnostic(
                    .note, code: "jacoco.repeated-source",
                    message: "\(repeatedFiles) source file(s) appear in more than one group or package of the same "
                        + "name; their lines are counted once (a line covered if either copy covers it), so the "
                        + "totals are below the sum of JaCoCo's counters"))
        }
        if filesWithoutLines > 0 {
            diagnostics.append(
                Diagnostic(
                    .note, code: "jacoco.branches-without-lines",
                    message: "\(filesWithoutLines) source file(s) have branches but no line information (compiled "
                        + "without line numbers); JaCoCo places those branches on no line, so they are not counted"))
        }
        return ParsedCoverage(report: report, diagnostics: diagnostics)
    }

    // MARK: - Private

    private static func classify(_ name: XMLName) -> Element {
        if name.equals("line") { return .line }
        if name.equals("counter") { return .counter }
        if name.equals("sourcefile") { return .sourcefile }
        if name.equals("package") { return .package }
        if name.equals("group") { return .group }
        if name.equals("report") { return .report }
        return .other
    }

    private mutating func fail(_ error: ReportError) -> Bool {
        failure = error
        return false
    }

    private mutating func startSourceFile(_ attributes: XMLAttributes, depth: Int) -> Bool {
        guard let prefix = packagePrefix, let fileName = attributes.value("name")?.string(), !fileName.isEmpty else {
            return fail(.invalidValue("a <sourcefile> has no name attribute", at: nil, keyPath: nil))
        }
        let path = CoberturaChecks.normalize(path: prefix + fileName)
        if let earlier = report.files.removeValue(forKey: path) {
            current = earlier
            repeatedFiles += 1
            if summarize { needsDetail = true }
        } else {
            current = FileCoverage()
        }
        sourcePath = path
        sourceDepth = depth
        fileCounts = JaCoCoCounts()
        return true
    }

    private mutating func readLine(_ attributes: XMLAttributes) -> Bool {
        guard let line = lines.read(attributes) else {
            return fail(lines.failure ?? .invalidValue("a <line> could not be read", at: nil, keyPath: nil))
        }
        // JaCoCo writes only lines with instructions; one without any is no line in its counters either.
        guard line.instructions else { return true }
        fileCounts.lines += 1
        if line.covered { fileCounts.linesCovered += 1 }
        current.lines.record(line: line.number, hit: line.covered)
        if line.branchesTotal > 0 {
            fileCounts.branches += Int(line.branchesTotal)
            fileCounts.branchesCovered += Int(line.branchesCovered)
            current.recordBranches(
                BranchCount(line: line.number, covered: line.branchesCovered, total: line.branchesTotal))
        }
        return true
    }

    /// Checks a source file's or the report's `LINE` and `BRANCH` counter against the lines read.
    private mutating func readCounter(_ attributes: XMLAttributes, parent: Element, depth: Int) -> Bool {
        let scope: String
        let counted: JaCoCoCounts
        switch parent {
        case .sourcefile where depth == sourceDepth + 1:
            scope = "source file '\(sourcePath ?? "")'"
            counted = fileCounts
        case .report where depth == 2:
            reportCountersStarted = true
            scope = "report"
            counted = summed
        default:
            return true
        }
        do throws(ReportError) {
            let result = try JaCoCoCounts.check(attributes, of: scope, isReport: parent == .report, against: counted)
            if case .branchesWithoutLines = result { filesWithoutLines += 1 }
        } catch {
            return fail(error)
        }
        return true
    }
}
