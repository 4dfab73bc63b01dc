/// Reads JaCoCo's XML coverage report (`jacoco.xml` of the Maven and Gradle plugins, Ant's `<jacoco:report>`, the
/// JaCoCo CLI), streaming, into a ``CoverageReport`` that merges with Cobertura reports in the coverage union.
///
/// Files are `package name/sourcefile name` (`org/example/Calc.java`); a line is covered when `ci > 0` and its
/// branches are `cb` of `mb + cb`, JaCoCo's own rules, and each source file's and the report's `LINE` and `BRANCH`
/// counters must equal what the lines give. The `<!DOCTYPE report PUBLIC ... "report.dtd">` JaCoCo writes is read
/// without fetching the DTD.
///
/// ```swift
/// var source = BytesSource(xmlBytes)
/// let coverage = try JaCoCoParser.parse(&source).report
/// print(coverage.totals.linesCovered, "of", coverage.totals.linesValid)
/// ```
@_spi(Internals) public enum JaCoCoParser {
    /// Parses one JaCoCo document.
    ///
    /// - Throws: ``ReportError`` when the document is empty, not well-formed, truncated, hostile, not JaCoCo (root
    ///   element other than `<report>`), has a `<line>` outside a source file or with a value that is not a count,
    ///   or a counter that contradicts its lines.
    ///
    /// With ``CoverageDetail/totals`` (and a source that can rewind) each file is kept by its totals only, as for
    /// Cobertura; a report that repeats a file is read again with every line, so the figures are always those of
    /// ``CoverageDetail/lines``.
    public static func parse<Source: ByteSource>(
        _ source: inout Source, limits: ParseLimits = .init(), detail: CoverageDetail = .lines
    ) throws(ReportError) -> ParsedCoverage {
        if detail == .totals, source.isRewindable {
            var summaries = JaCoCoHandler(summarize: true)
            try XMLStreamParser.parse(&source, handler: &summaries, limits: limits)
            guard summaries.sawRoot else { throw .empty }
            guard summaries.needsDetail else { return summaries.finish() }
            do { try source.rewind() } catch { throw .unreadable(error.message) }
        }
        var handler = JaCoCoHandler()
        try XMLStreamParser.parse(&source, handler: &handler, limits: limits)
        guard handler.sawRoot else { throw .empty }
        return handler.finish()
    }
}
