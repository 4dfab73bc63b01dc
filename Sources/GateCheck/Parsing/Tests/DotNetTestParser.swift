/// Reads the .NET test formats, streaming, into a ``TestReport``: NUnit 3's `<test-run>`, xUnit.net v2's
/// `<assemblies>` and Visual Studio's TRX `<TestRun>`, each counted as its own tool counts (see ``DotNetDialect``).
///
/// ```swift
/// var source = BytesSource(trxBytes)
/// let tests = try DotNetTestParser.parse(.trx, from: &source).report
/// print(tests.failed, tests.failures.map(\.displayName))
/// ```
@_spi(Internals) public enum DotNetTestParser {
    /// Parses one document of `kind` (``ReportKind/nunit``, ``ReportKind/xunit`` or ``ReportKind/trx``).
    ///
    /// - Throws: ``ReportError`` when the document is empty, not well-formed, truncated, hostile, has another root,
    ///   or a test result whose outcome the format does not define.
    public static func parse<Source: ByteSource>(
        _ kind: ReportKind, from source: inout Source, limits: ParseLimits = .init()
    ) throws(ReportError) -> ParsedTests {
        guard let dialect = DotNetDialect(kind) else {
            throw .wrongKind(expected: kind, found: "a report kind that is not a .NET test format")
        }
        var handler = DotNetTestHandler(dialect)
        try XMLStreamParser.parse(&source, handler: &handler, limits: limits)
        guard handler.sawRoot else { throw .empty }
        return handler.finish()
    }
}
