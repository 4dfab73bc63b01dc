/// How much of a coverage report's detail to keep.
@_spi(Internals) public enum CoverageDetail: String, Sendable, Hashable, CaseIterable {
    /// Every line and every branch line, so the report can be merged exactly with others (the default).
    case lines
    /// Only per-file totals (and a few missed lines per file): memory grows with the number of files, not lines.
    /// The figures are exactly those of ``lines``: a file that the report splits over several `<class>` elements is
    /// read again in detail on a second pass, which needs a rewindable source (without one, ``lines`` is used).
    /// For a report gated on its own; the command-line tool uses it when a run has a single coverage report.
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
@_spi(Internals) public enum CoberturaParser {
    /// Parses one Cobertura document.
    ///
    /// - Throws: ``ReportError`` when the document is empty, not well-formed, truncated, hostile, not Cobertura
    ///   (root element other than `<coverage>`), or carries an impossible value (negative hits, more branches
    ///   covered than exist).
    /// - Parameter keepingLinesOf: with ``CoverageDetail/totals``, the base names (last path components) of files
    ///   whose every line is kept all the same: the files a diff changes, which diff coverage looks up line by line.
    public static func parse<Source: ByteSource>(
        _ source: inout Source, limits: ParseLimits = .init(), detail: CoverageDetail = .lines,
        keepingLinesOf kept: Set<String> = []
    ) throws(ReportError) -> ParsedCoverage {
        guard detail == .totals, source.isRewindable else {
            var handler = CoberturaHandler(mode: .everyLine)
            try XMLStreamParser.parse(&source, handler: &handler, limits: limits)
            guard handler.sawRoot else { throw .empty }
            return handler.finish()
        }
        var summaries = CoberturaHandler(mode: .summarize(keepingLinesOf: kept))
        try XMLStreamParser.parse(&source, handler: &summaries, limits: limits)
        guard summaries.sawRoot else { throw .empty }
        var parsed = summaries.finish()
        let repeated = summaries.repeatedFiles
        guard !repeated.isEmpty else { return parsed }
        // Files split over several <class> elements need their lines to be counted once: read those in detail.
        do { try source.rewind() } catch { throw .unreadable(error.message) }
        var details = CoberturaHandler(mode: .only(repeated))
        try XMLStreamParser.parse(&source, handler: &details, limits: limits)
        for (path, file) in details.finish().report.files { parsed.report.files[path] = .summary(of: file) }
        // The first pass compared the root's totals with lines it had counted twice; compare the corrected ones.
        parsed.diagnostics.removeAll { CoberturaChecks.crossCheckCodes.contains($0.code) }
        parsed.diagnostics += CoberturaChecks.crossCheck(parsed.report, repeatedLines: details.repeatedLineElements)
        return parsed
    }
}

/// A parsed coverage report and what the parser noticed on the way.
@_spi(Internals) public struct ParsedCoverage: Sendable, Hashable {
    /// The coverage data.
    public var report: CoverageReport
    /// Warnings about the file (skipped lines, summary mismatches); the file path is filled in by the caller.
    public var diagnostics: [Diagnostic]
}
