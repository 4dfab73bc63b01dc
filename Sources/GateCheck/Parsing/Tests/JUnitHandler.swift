/// The SAX handler behind ``JUnitParser``.
struct JUnitHandler: XMLEventHandler {
    enum Element: UInt8 {
        case other, testsuites, testsuite, testcase, failure, error, skipped, flaky, rerun
    }

    static let saxCallbacks = SAXCallbacks(
        start: { user, name, _, _, _, _, count, _, attributes in
            XMLStreamParser.start(user, name, count, attributes, JUnitHandler.self)
        },
        end: { user, _, _, _ in XMLStreamParser.end(user, JUnitHandler.self) },
        characters: { user, bytes, count in XMLStreamParser.characters(user, bytes, count, JUnitHandler.self) })

    /// What a suite's attributes claim, used when it has no testcase and for the mismatch warning.
    struct SuiteClaims {
        var tests: Int?
        var failures: Int?
        var errors: Int?
        var skipped: Int?
        var time: Double?
        var contributed = false

        /// A count attribute above ``countLimit`` (the name of the first), which no real suite has.
        var implausible: String?

        /// The largest count a suite attribute may claim: far above any real suite, and small enough that summing
        /// the claims of every suite a report can hold never overflows.
        static let countLimit = 1 << 32

        init(_ attributes: XMLAttributes) {
            var implausible: String?
            func count(_ name: StaticString) -> Int? {
                guard let value = attributes.value(name)?.nonNegativeInteger else { return nil }
                guard value <= Self.countLimit else {
                    if implausible == nil { implausible = "\(name)='\(value)'" }
                    return Self.countLimit
                }
                return value
            }
            tests = count("tests")
            failures = count("failures")
            errors = count("errors")
            let disabled = count("disabled")
            let skippedCount = count("skipped")
            skipped = skippedCount.map { $0 + (disabled ?? 0) } ?? disabled
            time = attributes.value("time")?.double
            self.implausible = implausible
        }
    }

    /// The testcase being read. Its names stay bytes in buffers the handler reuses; only a failing test's names
    /// become strings.
    struct Case {
        var hasError = false
        var hasFailure = false
        var hasSkipped = false
        var hasFlaky = false
        var skippedByStatus = false
        var hasFile = false
        var line: Int?
        var message: String?
        var text: [UInt8]?
    }

    private enum Attribute: UInt8 {
        case other, classname, name, file, line, time, status
    }

    private(set) var failure: ReportError?
    private var stack: [Element] = []
    private var suites: [SuiteClaims] = []
    private var rootClaims: SuiteClaims?
    private var topLevelClaims: [SuiteClaims] = []
    private var names = XMLNameCache(Self.classify)
    private var report = TestReport()
    private var current: Case?
    private var capturing = false
    private var attributeNames = XMLNameCache(Self.classifyAttribute)
    private var className: [UInt8] = []
    private var caseName: [UInt8] = []
    private var caseFile: [UInt8] = []

    init() {
        stack.reserveCapacity(16)
    }

    var wantsCharacters: Bool { capturing }

    mutating func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int) -> Bool {
        let element = names.lookup(name)
        let parent = stack.last
        stack.append(element)
        if depth == 1 {
            guard element == .testsuites || element == .testsuite else {
                failure = .wrongKind(expected: .junit, found: "root element <\(name.string)>")
                return false
            }
            rootClaims = SuiteClaims(attributes)
        }
        switch element {
        case .testsuite:
            let claims = SuiteClaims(attributes)
            if let implausible = claims.implausible {
                failure = .invalidValue(
                    "a <testsuite> claims \(implausible), more tests than any suite holds", at: nil, keyPath: nil)
                return false
            }
            if depth == 2 || (depth == 1) { topLevelClaims.append(claims) }
            suites.append(claims)
        case .testcase where current == nil:
            startCase(attributes)
        case .failure where parent == .testcase, .error where parent == .testcase:
            if element == .failure { current?.hasFailure = true } else { current?.hasError = true }
            if current?.message == nil, report.failures.count < TestReport.failureLimit {
                current?.message = attributes.value("message")?.string(limit: FailedTest.messageLimit) ?? ""
                current?.text = []
                capturing = true
            }
        case .skipped where parent == .testcase:
            current?.hasSkipped = true
        case .flaky where parent == .testcase:
            current?.hasFlaky = true
        default:
            break
        }
        return true
    }

    mutating func endElement(depth: Int) {
        let element = stack.popLast()
        switch element {
        case .testcase? where stack.last != .testcase:
            if let finished = current { finishCase(finished) }
            current = nil
        case .failure?, .error?:
            capturing = false
        case .testsuite?:
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
        guard capturing, let count = current?.text?.count, count < FailedTest.messageLimit else { return }
        current?.text?.append(contentsOf: bytes.prefix(FailedTest.messageLimit - count))
    }

    func finish() -> ParsedTests {
        ParsedTests(report: report, diagnostics: mismatchWarnings())
    }

    // MARK: - Private

    private static func classify(_ name: XMLName) -> Element {
        if name.equals("testcase") { return .testcase }
        if name.equals("testsuite") { return .testsuite }
        if name.equals("failure") { return .failure }
        if name.equals("error") { return .error }
        if name.equals("skipped") { return .skipped }
        if name.equals("flakyFailure") || name.equals("flakyError") { return .flaky }
        if name.equals("rerunFailure") || name.equals("rerunError") { return .rerun }
        if name.equals("testsuites") { return .testsuites }
        return .other
    }

    private static func classifyAttribute(_ name: XMLName) -> Attribute {
        if name.equals("name") { return .name }
        if name.equals("classname") { return .classname }
        if name.equals("time") { return .time }
        if name.equals("file") { return .file }
        if name.equals("line") { return .line }
        if name.equals("status") { return .status }
        return .other
    }

    private mutating func startCase(_ attributes: XMLAttributes) {
        var testCase = Case()
        className.removeAll(keepingCapacity: true)
        caseName.removeAll(keepingCapacity: true)
        caseFile.removeAll(keepingCapacity: true)
        attributes.forEach { name, value in
            switch attributeNames.lookup(name) {
            case .classname: className.append(contentsOf: value.buffer.prefix(FailedTest.messageLimit))
            case .name: caseName.append(contentsOf: value.buffer.prefix(FailedTest.messageLimit))
            case .file:
                testCase.hasFile = true
                caseFile.append(contentsOf: value.buffer.prefix(FailedTest.messageLimit))
            case .line: testCase.line = value.nonNegativeInteger
            case .time:
                if let time = value.double, time >= 0 { report.durationSeconds += time }
            case .status:
                testCase.skippedByStatus =
                    value.equalsIgnoringCase("disabled") || value.equalsIgnoringCase("ignored")
                    || value.equalsIgnoringCase("notrun") || value.equalsIgnoringCase("skipped")
            case .other: break
            }
        }
        current = testCase
        if !suites.isEmpty { suites[suites.count - 1].contributed = true }
    }

    private func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { XMLBytes($0).string(limit: FailedTest.messageLimit) }
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
        guard state == .error || state == .failed else { return }
        guard report.failures.count < TestReport.failureLimit else {
            report.failuresOmitted += 1
            return
        }
        var message = testCase.message ?? ""
        if message.isEmpty, let text = testCase.text {
            message = XMLBytes.firstLine(of: text, limit: FailedTest.messageLimit)
        }
        report.failures.append(
            FailedTest(
                state: state, className: string(className), name: string(caseName), message: message,
                file: testCase.hasFile ? string(caseFile) : nil, line: testCase.line))
    }

    /// A suite with no testcase anywhere below it contributes its attribute totals instead.
    private mutating func useAttributes(_ claims: SuiteClaims) {
        guard let tests = claims.tests, tests > 0 else { return }
        let failures = min(claims.failures ?? 0, tests)
        let errors = min(claims.errors ?? 0, tests - failures)
        let skipped = min(claims.skipped ?? 0, tests - failures - errors)
        report.total += tests
        report.failed += failures
        report.errors += errors
        report.skipped += skipped
        report.passed += tests - failures - errors - skipped
        report.failuresOmitted += failures + errors
        report.durationSeconds += max(0, claims.time ?? 0)
        attributeOnlySuites += 1
    }

    private var attributeOnlySuites = 0

    private func mismatchWarnings() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if attributeOnlySuites > 0 {
            diagnostics.append(
                Diagnostic(
                    .note, code: "junit.attribute-totals",
                    message: "\(attributeOnlySuites) test suite(s) have no <testcase> elements; their tests/failures/"
                        + "errors/skipped attributes were counted instead"))
        }
        let claims: SuiteClaims? =
            rootClaims?.tests != nil ? rootClaims : topLevelClaims.isEmpty ? nil : topLevelClaims.reduce(into: nil) {
                sum, claims in
                guard let tests = claims.tests else { return }
                var total = sum ?? SuiteClaims.zero
                total.tests = (total.tests ?? 0) + tests
                total.failures = (total.failures ?? 0) + (claims.failures ?? 0)
                total.errors = (total.errors ?? 0) + (claims.errors ?? 0)
                sum = total
            }
        guard let claims, let tests = claims.tests, attributeOnlySuites == 0 else { return diagnostics }
        var differences: [String] = []
        if tests != report.total { differences.append("tests=\(tests) but \(report.total) <testcase> elements") }
        if let failures = claims.failures, failures != report.failed {
            differences.append("failures=\(failures) but \(report.failed) failed testcases")
        }
        if let errors = claims.errors, errors != report.errors {
            differences.append("errors=\(errors) but \(report.errors) erroring testcases")
        }
        if !differences.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "junit.attribute-mismatch",
                    message: "the suite attributes disagree with the testcases (" + differences.joined(separator: "; ")
                        + "); gatecheck counts the testcases"))
        }
        return diagnostics
    }
}

extension JUnitHandler.SuiteClaims {
    static var zero: Self {
        var claims = Self(XMLAttributes(base: nil, count: 0))
        claims.tests = 0
        return claims
    }
}

extension XMLBytes {
    /// The first non-blank line of captured text, for a failure without a message attribute.
    static func firstLine(of bytes: [UInt8], limit: Int) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return String(line.trimmingWhitespace.prefix(limit))
    }
}
