/// The SAX handler behind ``CoberturaParser``: tracks where it is with a stack of element kinds and records the
/// lines of each `<class>` into its file.
///
/// Every `<line>` is counted or refused: a class's lines are those under `<class><lines>`, or, when it has none there,
/// those under `<class><methods><method><lines>` (Java Cobertura and gcovr write the same lines in both places, some
/// Swift and .NET producers only under methods); a `<line>` anywhere else, or with a number that is not a line number,
/// stops the parse. So the root's totals are used only by a report without any `<line>` element.
struct CoberturaHandler: XMLEventHandler {
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
        /// Per-file totals, noting files that appear in more than one `<class>`; every line of the files whose
        /// base name (last path component) is in the set, which a diff changes.
        case summarize(keepingLinesOf: Set<String>)
        /// Every line of these files only; other classes are skipped.
        case only(Set<String>)
    }

    private(set) var sawRoot = false
    private(set) var failure: ReportError?
    /// Files that appeared in more than one `<class>` while summarizing.
    private(set) var repeatedFiles: Set<String> = []
    private let mode: Mode
    private let stack = ElementStack<Element>(fallback: .other)
    /// The depth of the open `<class>`, or -1.
    private var classDepth = -1
    /// The depth of the current `class/lines` element, so a `<line>` is counted only directly inside it.
    private var classLinesDepth = -1
    /// The depth of the current `class/methods/method/lines` element, or -1.
    private var methodLinesDepth = -1
    /// Whether the open class has a `<line>` under its own `<lines>`: then its method lines are repeats.
    private var classHasLines = false
    /// The open class's method lines, counted at its end if it has no lines of its own.
    private var methodLines: [CoberturaLine] = []
    private var elements = XMLNameCache(Self.classify)
    private var linePointer: UnsafePointer<UInt8>?
    private var attributes = CoberturaAttributeReader()
    private var report = CoverageReport()
    private var currentPath: String?
    private var current = FileCoverage()
    private var summary = ClassSummary()
    private var missingScratch: [UInt32] = []
    /// The files with the most missed lines and a few of those lines: the only files whose missed lines a verdict
    /// ever names, so a summary keeps no line numbers for the others.
    private var mostMissed: [(path: String, missed: Int, sample: [UInt32])] = []
    private var sourceText: [UInt8]?
    private var branchLinesWithoutCounts = 0
    /// Whether the producer writes one `<line>` per function instance (gcovr 8), so that a line number written
    /// again right after itself in a class is its next instance, counted as gcovr counts it.
    private var countsInstances = false
    /// The last line number counted in the open class, and which instance of it that was.
    private var instanceLine: UInt32 = 0
    private var instanceOrdinal: UInt32 = 0
    /// `<line>` elements that repeated a line already counted for their file (counted once: docs/coverage-and-tests.md).
    private(set) var repeatedLineElements = 0

    /// Whether the open class is summarized (its file's lines are not kept).
    private var summarizing = false

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
            if depth == classLinesDepth + 1 {
                classHasLines = true
                return currentPath == nil || readLine(attributes, .count)
            }
            // Method lines repeat the class lines in Java Cobertura, gcovr, coverlet and istanbul output; they count
            // only for a class without lines of its own, which is known at its end.
            if depth == methodLinesDepth + 1 {
                return currentPath == nil || readLine(attributes, classHasLines ? .check : .keepForClassEnd)
            }
            if depth == 1 { return fail(.wrongKind(expected: .cobertura, found: "root element <line>")) }
            return fail(
                .malformed(
                    "a <line> element is outside <class><lines> and <class><methods><method><lines>, so gatecheck "
                        + "cannot tell which file it belongs to; regenerate the report with its coverage tool",
                    at: nil))
        case .lines where parent == .klass && depth == classDepth + 1:
            classLinesDepth = depth
        case .lines where parent == .method && stack[depth - 2] == .methods && depth == classDepth + 3:
            methodLinesDepth = depth
        case .klass where depth > 1:
            guard classDepth < 0 else {
                return fail(
                    .malformed(
                        "a <class> element is inside another <class>; regenerate the report with its coverage tool",
                        at: nil))
            }
            classDepth = depth
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

    @inline(__always)
    mutating func endElement(depth: Int) {
        switch stack[depth] {
        case .lines where depth == classLinesDepth:
            classLinesDepth = -1
        case .lines where depth == methodLinesDepth:
            methodLinesDepth = -1
        case .klass where depth == classDepth:
            if let path = currentPath {
                if !classHasLines {
                    for line in methodLines { record(line, missing: nil) }
                }
                finishClass(path)
            }
            classDepth = -1
            classHasLines = false
            methodLines.removeAll(keepingCapacity: true)
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
        if branchLinesWithoutCounts > 0 {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "cobertura.branch-without-counts",
                    message: "\(branchLinesWithoutCounts) branch line(s) have no '(covered/total)' in "
                        + "condition-coverage and were not counted as branches"))
        }
        diagnostics.append(contentsOf: CoberturaChecks.crossCheck(report, repeatedLines: repeatedLineElements))
        return ParsedCoverage(report: report, diagnostics: diagnostics)
    }

    // MARK: - Private

    private mutating func startClass(_ attributes: XMLAttributes) -> Bool {
        guard let path = self.attributes.classPath(attributes) else {
            return fail(.invalidValue("a <class> has neither a filename nor a name attribute", at: nil, keyPath: nil))
        }
        let key = CoberturaChecks.normalize(path: path)
        switch mode {
        case .everyLine:
            // A file split over several <class> elements (coverlet, cover2cover) continues where it left off.
            current = report.files.removeValue(forKey: key) ?? FileCoverage()
        case .summarize(let kept):
            // A changed file's lines are kept, as in every-line mode: diff coverage looks them up.
            summarizing = kept.isEmpty || !kept.contains(DiffCoverage.baseName(of: key))
            if summarizing {
                summary.countsInstances = countsInstances
                summary.reset()
            } else {
                current = report.files.removeValue(forKey: key) ?? FileCoverage()
            }
        case .only(let paths):
            guard paths.contains(key) else { return true }
            current = report.files.removeValue(forKey: key) ?? FileCoverage()
        }
        currentPath = key
        instanceLine = 0
        instanceOrdinal = 0
        return true
    }

    private mutating func finishClass(_ path: String) {
        currentPath = nil
        guard summarizing else {
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

    /// What to do with a `<line>` once read.
    private enum LineUse {
        /// Count it now.
        case count
        /// Keep it until the class ends: it counts if the class has no lines of its own.
        case keepForClassEnd
        /// Only check it: the class's own lines count.
        case check
    }

    private mutating func readLine(_ attributes: XMLAttributes, _ use: LineUse) -> Bool {
        var line = CoberturaLine(number: 0, hit: false)
        var missing: XMLBytes?
        guard self.attributes.line(attributes, into: &line, missing: &missing) else {
            return fail(self.attributes.failure ?? .malformed("a <line> could not be read", at: nil))
        }
        switch use {
        case .count: record(line, missing: missing)
        case .keepForClassEnd: methodLines.append(line)
        case .check: break
        }
        return true
    }

    /// Counts one line into the current class; `missing` is its `missing-branches` value, while it is valid.
    @inline(__always)
    private mutating func record(_ line: CoberturaLine, missing: XMLBytes?) {
        if line.branchWithoutCounts { branchLinesWithoutCounts += 1 }
        if summarizing {
            // Totals need no instance number: ClassSummary counts a repeat right after itself as an instance.
            summary.add(line: line.number, hit: line.hit)
            guard let branches = line.branches else { return }
            summary.branchesCovered += Int(branches.covered)
            summary.branchesTotal += Int(branches.total)
            return
        }
        var instance: UInt32 = 0
        if countsInstances {
            if line.number == instanceLine {
                instanceOrdinal += 1
            } else {
                (instanceLine, instanceOrdinal) = (line.number, 0)
            }
            instance = instanceOrdinal
        }
        if !current.lines.record(line: line.number, instance: instance, hit: line.hit) { repeatedLineElements += 1 }
        guard var branches = line.branches else { return }
        branches.instance = instance
        current.recordBranches(
            branches,
            missing: CoberturaChecks.missingTargets(
                missing, covered: Int(branches.covered), total: Int(branches.total), into: &missingScratch)
                ? missingScratch : nil)
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
        countsInstances = report.toolVersion?.hasPrefix("gcovr") ?? false
        return true
    }
}
