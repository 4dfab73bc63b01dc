/// The SAX handler behind ``DotNetTestParser``: counts each test result of an NUnit 3, xUnit.net v2 or TRX document
/// as the tool counts it, keeps the first failing tests with their messages, and compares the document's own totals.
struct DotNetTestHandler: XMLEventHandler {
    static let saxCallbacks = SAXCallbacks(
        start: { user, name, _, _, _, _, count, defaulted, attributes in
            XMLStreamParser.start(user, name, count, defaulted, attributes, DotNetTestHandler.self)
        },
        end: { user, _, _, _ in XMLStreamParser.end(user, DotNetTestHandler.self) },
        characters: { user, bytes, count in XMLStreamParser.characters(user, bytes, count, DotNetTestHandler.self) })

    /// The totals a document states: NUnit's `<test-run>`, the sum of xUnit's `<assembly>` elements, TRX's
    /// `<Counters>`.
    struct Claims {
        var total: Int?
        var failed: Int?
    }

    private(set) var sawRoot = false
    private(set) var failure: ReportError?
    private let dialect: DotNetDialect
    private let stack = ElementStack<DotNetElement>(fallback: .other)
    private var elements: XMLNameCache<DotNetElement>
    private var report = TestReport()
    private var claims = Claims()
    /// The open test: its depth, state and names; `nil` outside a test.
    private var current: (depth: Int, state: TestState, className: String, name: String)?
    private var message: [UInt8]?
    private var capturing = false
    /// Whether the run's own outcome is a failure (see ``DotNetDialect/runFailed(_:)``).
    private var runFailed = false
    /// The first TRX `<RunInfo outcome="Error"><Text>`: why the run failed.
    private var runMessage: [UInt8]?
    private var inErrorRunInfo = false

    init(_ dialect: DotNetDialect) {
        self.dialect = dialect
        elements = XMLNameCache(dialect.classify)
    }

    var wantsCharacters: Bool { capturing }

    mutating func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int) -> Bool {
        let element = elements.lookup(name)
        let parent = stack[depth - 1]
        stack[depth] = element
        if depth == 1 {
            guard element == .root else {
                return fail(.wrongKind(expected: dialect.kind, found: "root element <\(name.string)>"))
            }
            sawRoot = true
            if dialect == .nunit {
                addClaims(attributes, total: "total", failed: "failed")
                runFailed = dialect.runFailed(attributes)
            }
            return true
        }
        switch element {
        case .test where current == nil:
            // TRX nests data-driven rows in <InnerResults>; only the results directly in <Results> count, as vstest's
            // counters do.
            if dialect == .trx, parent != .results { return true }
            return startTest(attributes, depth: depth)
        case .error where parent == .errors && current == nil:
            // An xUnit error outside any test (a failing fixture or cleanup) fails the run: one errored test.
            let type = attributes.value("type")?.string(limit: 100) ?? "error"
            let errorName = attributes.value("name")?.string(limit: FailedTest.messageLimit) ?? ""
            current = (depth, .error, "<\(type)>", errorName)
            message = nil
        case .message where current != nil && parent == .failure && message == nil:
            message = []
            capturing = true
        case .assembly where dialect == .xunit:
            addClaims(attributes, total: "total", failed: "failed")
            if let errors = attributes.value("errors")?.exactCount {
                claims.total = (claims.total ?? 0).saturatingAdd(errors)
            }
        case .counters where dialect == .trx:
            addClaims(attributes, total: "total", failed: "failed")
        case .resultSummary where depth == 2:
            runFailed = dialect.runFailed(attributes)
        case .runInfo:
            inErrorRunInfo = attributes.value("outcome")?.string(limit: 40) == "Error"
        case .text where inErrorRunInfo && runMessage == nil && current == nil:
            runMessage = []
            message = []
            capturing = true
        default:
            break
        }
        return true
    }

    mutating func endElement(depth: Int) {
        if stack[depth] == .message { capturing = false }
        if stack[depth] == .text, runMessage != nil, current == nil, capturing {
            runMessage = message
            message = nil
            capturing = false
        }
        if stack[depth] == .runInfo { inErrorRunInfo = false }
        if let test = current, test.depth == depth {
            finishTest(test.state, className: test.className, name: test.name)
            current = nil
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let count = message?.count, count < FailedTest.messageLimit else { return }
        message?.append(contentsOf: bytes.prefix(FailedTest.messageLimit - count))
    }

    mutating func finish() -> ParsedTests {
        var diagnostics: [Diagnostic] = []
        var differences: [String] = []
        if let total = claims.total, total != report.total {
            differences.append("a total of \(total) but \(report.total) test results")
        }
        let failing = dialect == .nunit ? report.failed.saturatingAdd(report.errors) : report.failed
        if let failed = claims.failed, failed != failing {
            differences.append("\(failed) failed but \(failing) failing test results")
        }
        // Totals that state failures where no test result failed: the failure gates count them (judged on the
        // worse, as for JUnit's attributes); where results fail, they keep their own figures.
        let unseen = report.failed == 0 && report.errors == 0 ? claims.failed ?? 0 : 0
        report.statedFailuresUnseen = unseen
        if !differences.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "\(dialect.kind.rawValue).totals-mismatch",
                    message: "the report's own totals disagree with its test results ("
                        + differences.joined(separator: "; ") + "); gatecheck counts the test results"
                        + (unseen > 0
                            ? ", and the failed-test gates also count the \(unseen) failure(s) the totals state" : "")))
        }
        if runFailed, report.failed == 0, report.errors == 0 {
            // The runner says the run failed, yet no test did: a test host crash, an assembly or fixture that could
            // not load. Counted as one errored test, as a JUnit suite-level error is, so the run cannot pass.
            message = runMessage
            finishTest(.error, className: "", name: "<\(dialect.rootName)>")
            if report.failures.last?.message.isEmpty ?? false {
                report.failures[report.failures.count - 1].message =
                    "the run's own outcome is a failure, but no test failed; the runner or a fixture probably failed"
            }
            diagnostics.append(
                Diagnostic(
                    .warning, code: "\(dialect.kind.rawValue).run-failed",
                    message: "the run's own outcome is a failure but no test result failed (a crashed test host, an "
                        + "assembly or fixture that could not run); counted as one errored test"))
        }
        return ParsedTests(report: report, diagnostics: diagnostics)
    }

    // MARK: - Private

    private mutating func fail(_ error: ReportError) -> Bool {
        failure = error
        return false
    }

    private mutating func addClaims(_ attributes: XMLAttributes, total: StaticString, failed: StaticString) {
        if let value = attributes.value(total)?.exactCount {
            claims.total = (claims.total ?? 0).saturatingAdd(value)
        }
        if let value = attributes.value(failed)?.exactCount {
            claims.failed = (claims.failed ?? 0).saturatingAdd(value)
        }
    }

    private mutating func startTest(_ attributes: XMLAttributes, depth: Int) -> Bool {
        let names = dialect.names(attributes)
        guard let (state, _) = dialect.state(attributes) else {
            let attribute = dialect == .trx ? "outcome" : "result"
            let written = (dialect == .trx ? attributes.value("outcome") : attributes.value("result"))?
                .string(limit: 40)
            return fail(
                .invalidValue(
                    "the test '\(names.name)' has \(written.map { "\(attribute)='\($0)'" } ?? "no \(attribute)"), "
                        + "which is not an outcome \(dialect.kind.rawValue) writes, so gatecheck cannot tell whether "
                        + "it passed",
                    at: nil, keyPath: nil))
        }
        switch dialect.duration(attributes) {
        case .success(let seconds): report.durationSeconds += seconds
        case .failure: report.invalidTimes += 1
        case nil: break
        }
        current = (depth, state, names.className, names.name)
        message = nil
        return true
    }

    private mutating func finishTest(_ state: TestState, className: String, name: String) {
        var counted = TestReport()
        counted.total = 1
        switch state {
        case .passed: counted.passed = 1
        case .skipped: counted.skipped = 1
        case .failed: counted.failed = 1
        case .error: counted.errors = 1
        }
        if state == .failed || state == .error {
            let text = message.map { XMLBytes.firstLine(of: $0, limit: FailedTest.messageLimit) } ?? ""
            counted.failures = [FailedTest(state: state, className: className, name: name, message: text)]
        }
        report.add(counted)
        message = nil
        capturing = false
    }
}
