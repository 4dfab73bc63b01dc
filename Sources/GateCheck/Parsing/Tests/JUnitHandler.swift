/// The SAX handler behind ``JUnitParser``.
struct JUnitHandler: XMLEventHandler {
    enum Element: UInt8 {
        case other, testsuites, testsuite, testcase, failure, error, skipped, flaky, rerun
    }

    static let saxCallbacks = SAXCallbacks(
        start: { user, name, _, _, _, _, count, defaulted, attributes in
            XMLStreamParser.start(user, name, count, defaulted, attributes, JUnitHandler.self)
        },
        end: { user, _, _, _ in XMLStreamParser.end(user, JUnitHandler.self) },
        characters: { user, bytes, count in XMLStreamParser.characters(user, bytes, count, JUnitHandler.self) })

    /// The testcase being read.
    ///
    /// Its names stay bytes in buffers the handler reuses; only a failing test's names become strings.
    struct Case {
        var hasError = false
        var hasFailure = false
        var hasSkipped = false
        var hasFlaky = false
        var skippedByStatus = false
        /// `status="notrun"`: CTest's mark of a test it did not run (see ``JUnitHandler/ctestNotRunFailure(_:)``).
        var notRunByStatus = false
        var hasFile = false
        var line: Int?
    }

    private(set) var failure: ReportError?
    private let stack = ElementStack<Element>(fallback: .other)
    private var suites: [SuiteClaims] = []
    private var rootClaims: SuiteClaims?
    private var topLevelClaims: [SuiteClaims] = []
    private var names = XMLNameCache(Self.classify)
    private var report = TestReport()
    /// The testcase being read.
    ///
    /// Plain flags, so the per-testcase copies cost no reference counting; its failure message and text (only for
    /// the failures that are kept) live beside it.
    private var current: Case?
    private var caseMessage: String?
    private var caseText: [UInt8]?
    private var capturing = false
    private var attributeNames = XMLNameCache(Self.classifyAttribute)
    private let className = ByteBuffer(capacity: FailedTest.messageLimit)
    private let caseName = ByteBuffer(capacity: FailedTest.messageLimit)
    private let caseFile = ByteBuffer(capacity: FailedTest.messageLimit)
    /// pytest writes `<testsuites name="pytest tests">` and `<testsuite name="pytest">` (its default suite name),
    /// and its xunit1 `line` attribute is 0-based.
    private var writtenByPytest = false
    /// Whether every testcase's outcome is kept by id (for a baseline); off, no testcase name becomes a string.
    var collectsOutcomes = false
    /// Whether testcases are counted per class and file too (for tests gates with `scope`).
    var collectsPlaces = false

    init() {}

    var wantsCharacters: Bool { capturing }

    mutating func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int) -> Bool {
        let element = names.lookup(name)
        let parent = stack[depth - 1]
        stack[depth] = element
        if depth == 1 {
            guard element == .testsuites || element == .testsuite else {
                failure = .wrongKind(expected: .junit, found: "root element <\(name.string)>")
                return false
            }
            rootClaims = SuiteClaims(attributes)
        }
        if element == .testsuites || element == .testsuite, let suiteName = attributes.value("name")?.string(limit: 32),
            suiteName == "pytest tests" || suiteName == "pytest"
        {
            writtenByPytest = true
        }
        switch element {
        case .testsuite:
            let claims = SuiteClaims(attributes)
            if depth == 2 || (depth == 1) { topLevelClaims.append(claims) }
            suites.append(claims)
        case .testcase where current == nil:
            startCase(attributes)
        case .failure where parent == .testcase, .error where parent == .testcase:
            if element == .failure { current?.hasFailure = true } else { current?.hasError = true }
            if current != nil, caseMessage == nil, report.failures.count < TestReport.failureLimit {
                caseMessage = attributes.value("message")?.string(limit: FailedTest.messageLimit) ?? ""
                caseText = []
                capturing = true
            }
        case .failure where parent == .testsuite || parent == .testsuites,
            .error where parent == .testsuite || parent == .testsuites:
            startSuiteLevelFailure(element, attributes, depth: depth)
        case .skipped where parent == .testcase:
            current?.hasSkipped = true
            if current?.notRunByStatus == true, let reason = Self.ctestNotRunFailure(attributes) {
                current?.hasFailure = true
                if caseMessage == nil, report.failures.count < TestReport.failureLimit { caseMessage = reason }
            }
        case .flaky where parent == .testcase:
            current?.hasFlaky = true
        default:
            break
        }
        return true
    }

    mutating func endElement(depth: Int) {
        switch stack[depth] {
        case .testcase where stack[depth - 1] != .testcase:
            if let finished = current { finishCase(finished) }
            current = nil
        case .failure, .error:
            capturing = false
            if depth == suiteLevelDepth, let finished = current {
                finishCase(finished)
                current = nil
                suiteLevelDepth = -1
            }
        case .testsuite:
            guard let claims = suites.popLast() else { break }
            if !claims.contributed { useAttributes(claims) }
            if !suites.isEmpty, claims.contributed || claims.tests ?? 0 > 0 {
                suites[suites.count - 1].contributed = true
            }
        default:
            break
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capturing, current != nil, let count = caseText?.count, count < FailedTest.messageLimit else { return }
        caseText?.append(contentsOf: bytes.prefix(FailedTest.messageLimit - count))
    }

    func finish() -> ParsedTests {
        var parsed = JUnitAttributeCheck.combine(
            counted: report, attributeOnly: attributeReport, suites: attributeOnlySuites, root: rootClaims,
            topLevel: topLevelClaims)
        parsed.report.placesCollected = collectsPlaces
        return parsed
    }

    // MARK: - Private

    private mutating func startCase(_ attributes: XMLAttributes) {
        var testCase = Case()
        className.count = 0
        caseName.count = 0
        // Only a kept failure sets them: most testcases skip releasing two optionals (0.35 % of a JUnit parse).
        if caseMessage != nil || caseText != nil {
            caseMessage = nil
            caseText = nil
        }
        attributes.forEach { name, value in
            switch attributeNames.lookup(name) {
            case .classname: className.set(value.buffer)
            case .name: caseName.set(value.buffer)
            case .file:
                testCase.hasFile = true
                caseFile.set(value.buffer)
            case .line: testCase.line = value.nonNegativeInteger
            case .time: add(time: value.nonNegativeMeasure)
            case .status:
                testCase.notRunByStatus = value.equalsIgnoringCase("notrun")
                testCase.skippedByStatus =
                    value.equalsIgnoringCase("disabled") || value.equalsIgnoringCase("ignored")
                    || testCase.notRunByStatus || value.equalsIgnoringCase("skipped")
            case .other: break
            }
        }
        current = testCase
        if !suites.isEmpty { suites[suites.count - 1].contributed = true }
    }

    /// A `<failure>` or `<error>` outside any `<testcase>` (Ant writes an exception in `@BeforeClass` or a class that
    /// fails to load so) is one failing test named `<init>` in a class named after the suite, as Jenkins' JUnit
    /// plugin counts it: once per suite, whatever the suite's attributes or its other testcases say.
    private mutating func startSuiteLevelFailure(_ element: Element, _ attributes: XMLAttributes, depth: Int) {
        guard current == nil else { return }
        let index = suites.count - 1
        if index >= 0 {
            guard !suites[index].hasSuiteLevelFailure else { return }
            suites[index].hasSuiteLevelFailure = true
            suites[index].contributed = true
        } else {
            guard !rootLevelFailure else { return }
            rootLevelFailure = true
        }
        startCase(XMLAttributes(base: nil, count: 0))
        let suiteName = (index >= 0 ? suites[index].name : nil) ?? ""
        Array(suiteName.utf8).withUnsafeBufferPointer { className.set($0) }
        Array("<init>".utf8).withUnsafeBufferPointer { caseName.set($0) }
        if element == .failure { current?.hasFailure = true } else { current?.hasError = true }
        if report.failures.count < TestReport.failureLimit {
            caseMessage = attributes.value("message")?.string(limit: FailedTest.messageLimit) ?? ""
            caseText = []
            capturing = true
        }
        suiteLevelDepth = depth
    }

    /// Counts a testcase under its class and file: the `file` attribute where the dialect writes one, else for
    /// pytest the file its `classname` names (``TestPlace/pytestFile(className:)``), else none.
    private mutating func tallyPlace(_ state: TestState, _ testCase: Case) {
        let name = string(className)
        let file = testCase.hasFile ? string(caseFile) : writtenByPytest ? TestPlace.pytestFile(className: name) : nil
        report.countsByPlace[TestPlace(className: name, file: file), default: TestTally()].add(
            state, flaky: testCase.hasFlaky)
    }

    private func string(_ bytes: ByteBuffer) -> String {
        XMLBytes(UnsafeBufferPointer(start: bytes.base, count: bytes.count)).string(limit: FailedTest.messageLimit)
    }

    private mutating func finishCase(_ testCase: Case) {
        report.total += 1
        let state: TestState
        if testCase.hasError {
            state = .error
            report.errors += 1
        } else if testCase.hasFailure {
            state = .failed
            report.failed += 1
        } else if testCase.hasSkipped || testCase.skippedByStatus {
            state = .skipped
            report.skipped += 1
        } else {
            state = .passed
            report.passed += 1
            if testCase.hasFlaky {
                report.flaky += 1
                if report.flakyTests.count < TestReport.failureLimit {
                    report.flakyTests.append(
                        FailedTest(state: .passed, className: string(className), name: string(caseName), message: "")
                            .displayName)
                }
            }
        }
        if collectsOutcomes { report.recordOutcome(state, className: string(className), name: string(caseName)) }
        if collectsPlaces { tallyPlace(state, testCase) }
        guard state == .error || state == .failed else { return }
        guard report.failures.count < TestReport.failureLimit else {
            report.failuresOmitted += 1
            return
        }
        var message = caseMessage ?? ""
        if message.isEmpty, let text = caseText {
            message = XMLBytes.firstLine(of: text, limit: FailedTest.messageLimit)
        }
        report.failures.append(
            FailedTest(
                state: state, className: string(className), name: string(caseName), message: message,
                file: testCase.hasFile ? string(caseFile) : nil, line: testCase.line, lineIsZeroBased: writtenByPytest))
    }

    /// A suite with no testcase anywhere below it contributes its attribute totals instead; a count attribute that is
    /// not a count makes the report unusable.
    ///
    /// Sums are held at `Int.max` rather than overflow.
    private mutating func useAttributes(_ claims: SuiteClaims) {
        let suite = claims.name.map { "test suite '\($0)'" } ?? "a test suite"
        if let invalid = claims.invalid {
            failAtEnd(
                "\(suite) has no <testcase> elements, so its attributes are its counts, but \(invalid) is not a "
                    + "count (a whole number from 0 to 4,294,967,296)")
            return
        }
        guard let tests = claims.tests, tests > 0 else { return }
        let failures = min(claims.failures ?? 0, tests)
        let errors = min(claims.errors ?? 0, tests - failures)
        let skipped = min(claims.skipped ?? 0, tests - failures - errors)
        var counted = TestReport()
        counted.total = tests
        counted.failed = failures
        counted.errors = errors
        counted.skipped = skipped
        counted.passed = tests - failures - errors - skipped
        counted.failuresOmitted = failures.saturatingAdd(errors)
        switch claims.time {
        case .success(let time): counted.durationSeconds = time
        case .failure: counted.invalidTimes = 1
        case nil: break
        }
        // Kept apart until the end: they count only if they do not repeat what the testcases give.
        attributeReport.add(counted)
        attributeOnlySuites += 1
    }

    /// Adds a `time` attribute to the duration; an empty one is no time, anything else that is not a duration makes
    /// the duration unmeasurable.
    private mutating func add(time: Result<Double, XMLBytes.NotAMeasure>?) {
        switch time {
        case .success(let time): report.durationSeconds += time
        case .failure: report.invalidTimes += 1
        case nil: break
        }
    }

    /// Records a problem found at an end tag, where the parse cannot be stopped; ``JUnitParser`` throws it once the
    /// document has been read.
    private mutating func failAtEnd(_ message: String) {
        if failure == nil { failure = .invalidValue(message, at: nil, keyPath: nil) }
    }

    private var attributeOnlySuites = 0
    /// What the suites without testcases claim, summed (see ``JUnitAttributeCheck/combine``).
    private var attributeReport = TestReport()
    /// The depth of the suite-level `<failure>` or `<error>` being read as a test, or -1.
    private var suiteLevelDepth = -1
    /// Whether a `<failure>` or `<error>` directly under the root `<testsuites>` has been counted.
    private var rootLevelFailure = false
}
