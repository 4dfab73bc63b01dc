/// Reads `go test -json` output (one test2json event per line), streaming, into a ``TestReport`` counted as
/// `go test` counts: every test and subtest that ends is one test, passed, failed or skipped; `output` lines are only
/// kept as the message of a failure.
///
/// A package that fails with no failing test (a build failure, a panic outside a test, a timeout, a failing
/// `TestMain`) is one failing test named `(package)`, and a test still running when its package ends failed with it:
/// neither is ever a pass. A stream in which a package never ends was cut short, and is an error.
///
/// ```swift
/// let tests = try GoTestJSONParser.parse(BytesSource(jsonLines)).report
/// ```
@_spi(Internals) public enum GoTestJSONParser {
    /// The keys of an event read.
    enum Key: String, JSONKeyEnum {
        case action = "Action", package = "Package", test = "Test", elapsed = "Elapsed", output = "Output"
        case importPath = "ImportPath"
        static let table = JSONKeyTable<Self>()
    }

    /// Parses one stream.
    ///
    /// - Throws: ``ReportError`` when a line is not a JSON event (or is cut), an event has no `Action`, or a package
    ///   never ends.
    public static func parse<Source: ByteSource>(_ source: Source, limits: ParseLimits = .init())
        throws(ReportError) -> ParsedTests
    {
        let result = try JSONReportParsing.parse(source, kind: .goTestJSON, limits: limits, finish: false) {
            reader in
            try read(&reader)
        }
        // A package without its final event: the stream was cut between two lines (the step timed out or was killed).
        if result.unfinished != nil { throw .truncated(at: FilePosition(line: result.lastLine)) }
        return ParsedTests(report: result.report, diagnostics: [])
    }

    // MARK: - Private

    private static func read(_ reader: inout JSONReader<JSONReportInput>) throws -> (
        report: TestReport, unfinished: String?, lastLine: Int
    ) {
        var state = GoTestJSONState()
        var events = 0
        var lastLine = 1
        while try nextEvent(&reader) {
            let at = reader.position
            guard try reader.peek() == .object else {
                throw ReportError.wrongKind(expected: .goTestJSON, found: "a line that is not a JSON object")
            }
            var event = GoTestJSONState.Event()
            var sawAction = false
            try reader.beginObject()
            while let key = try reader.nextKey(Key.self) {
                switch key {
                case .known(.action):
                    event.action = try reader.readString()
                    sawAction = true
                case .known(.package):
                    event.package = try reader.readNullOr { (r) throws(JSONError) in try r.readString() } ?? ""
                case .known(.importPath):
                    event.importPath = try reader.readNullOr { (r) throws(JSONError) in try r.readString() }
                case .known(.test): event.test = try reader.readNullOr { (r) throws(JSONError) in try r.readString() }
                case .known(.elapsed):
                    let at = reader.position
                    event.elapsed = try reader.readNullOr { (r) throws(JSONError) in try r.readDouble() }
                    if let elapsed = event.elapsed, !(elapsed >= 0 && elapsed.isFinite) {
                        throw ReportError.invalidValue(
                            "Elapsed \(elapsed) is not a duration in seconds of 0 or more",
                            at: FilePosition(line: at.line, column: at.column), keyPath: "Elapsed")
                    }
                case .known(.output):
                    let (text, _) = try reader.readStringPrefix(maxBytes: FailedTest.messageLimit)
                    event.output = text
                case .unknown: try reader.skipValue()
                }
            }
            guard sawAction else {
                if events == 0 {
                    throw ReportError.wrongKind(expected: .goTestJSON, found: "a JSON line without an Action")
                }
                throw ReportError.invalidValue(
                    "the event has no Action", at: FilePosition(line: at.line, column: at.column), keyPath: "Action")
            }
            events += 1
            lastLine = at.line
            state.apply(event)
        }
        let (report, unfinished) = state.finish()
        return (report, unfinished, lastLine)
    }

    /// Whether another event follows; a line of plain text is an error that says how Go came to write it.
    private static func nextEvent(_ reader: inout JSONReader<JSONReportInput>) throws -> Bool {
        let more: Bool
        do {
            more = try reader.hasAnotherValue()
        } catch {
            guard case .unexpectedByte(let byte, let at, _) = error, at.column == 1 else { throw error }
            throw plainText(byte: byte, line: at.line)
        }
        return more
    }

    /// The error for a line of plain text among the events.
    private static func plainText(byte: UInt8, line: Int) -> ReportError {
        let why =
            byte == UInt8(ascii: "F")
            ? "Go before 1.24 writes `FAIL\\t<package> [build failed]` (or `[setup failed]`) as plain text when a "
                + "package does not build, and the compiler's errors to stderr: that package's tests did not "
                + "run; fix the build (Go 1.24 and later write it as events, which gatecheck counts as a failing "
                + "test)"
            : "was stderr redirected into the file (`go test -json ./... 2>&1`)? Write only stdout to the report"
        return .malformed(
            "line \(line) is plain text, not a `go test -json` event: \(why)", at: FilePosition(line: line, column: 1))
    }
}
