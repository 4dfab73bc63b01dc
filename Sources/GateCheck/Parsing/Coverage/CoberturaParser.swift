/// How much of a coverage report's detail to keep.
public enum CoverageDetail: String, Sendable, Hashable, CaseIterable {
    /// Every line and every branch line, so the report can be merged exactly with others (the default).
    case lines
    /// Every line, but branch counts only as per-file sums: memory no longer grows with the branch lines, and a
    /// (file, line) repeated within the report keeps its first branch counts. For a report gated on its own; the
    /// command-line tool uses it when a run has a single coverage report.
    case totals
}

/// Reads Cobertura coverage XML as every common emitter writes it (coverage.py, gcovr, istanbul, coverlet,
/// Cobertura, cover2cover), streaming, into a ``CoverageReport``.
///
/// ```swift
/// var source = BytesSource(xmlBytes)
/// let coverage = try CoberturaParser.parse(&source).report
/// print(coverage.totals.linesCovered, "of", coverage.totals.linesValid)
/// ```
public enum CoberturaParser {
    /// Parses one Cobertura document.
    ///
    /// - Throws: ``ReportError`` when the document is empty, not well-formed, truncated, hostile, not Cobertura
    ///   (root element other than `<coverage>`), or carries an impossible value (negative hits, more branches
    ///   covered than exist).
    public static func parse<Source: ByteSource>(
        _ source: inout Source, limits: ParseLimits = .init(), detail: CoverageDetail = .lines
    ) throws(ReportError) -> ParsedCoverage {
        var handler = CoberturaHandler(detail: detail)
        try XMLStreamParser.parse(&source, handler: &handler, limits: limits)
        guard handler.sawRoot else { throw .empty }
        return handler.finish()
    }
}

/// A parsed coverage report and what the parser noticed on the way.
public struct ParsedCoverage: Sendable, Hashable {
    /// The coverage data.
    public var report: CoverageReport
    /// Warnings about the file (skipped lines, summary mismatches); the file path is filled in by the caller.
    public var diagnostics: [Diagnostic]
}
