/// Reads JUnit/xUnit XML in every common dialect (Ant, Jenkins xunit, surefire 3.0 with reruns, pytest xunit1 and
/// xunit2, jest-junit, go-junit-report, ...), streaming, into a ``TestReport``.
///
/// ```swift
/// var source = BytesSource(xmlBytes)
/// let tests = try JUnitParser.parse(&source).report
/// print(tests.failed, tests.errors, tests.failures.map(\.displayName))
/// ```
@_spi(Internals) public enum JUnitParser {
    /// Parses one JUnit document.
    ///
    /// - Throws: ``ReportError`` when the document is empty, not well-formed, truncated, hostile, its root is
    ///   neither `<testsuites>` nor `<testsuite>`, or a suite without testcases has counts that are not counts.
    public static func parse<Source: ByteSource>(
        _ source: inout Source, limits: ParseLimits = .init(), collectsOutcomes: Bool = false,
        collectsPlaces: Bool = false
    ) throws(ReportError) -> ParsedTests {
        var handler = JUnitHandler()
        handler.collectsOutcomes = collectsOutcomes
        handler.collectsPlaces = collectsPlaces
        try XMLStreamParser.parse(&source, handler: &handler, limits: limits)
        if let failure = handler.failure { throw failure }
        return handler.finish()
    }
}

/// A parsed test report and what the parser noticed on the way.
@_spi(Internals) public struct ParsedTests: Sendable, Hashable {
    /// The counts and failing tests.
    public var report: TestReport
    /// Warnings about the file (attribute totals that disagree with the testcases); the caller adds the path.
    public var diagnostics: [Diagnostic]
}
