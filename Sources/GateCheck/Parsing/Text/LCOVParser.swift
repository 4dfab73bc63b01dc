/// Reads LCOV tracefiles (lcov/geninfo, c8/nyc/istanbul, grcov, cargo-llvm-cov, ...), streaming, into a
/// ``CoverageReport``.
///
/// Lines come from `DA:<line>,<count>[,<checksum>]`, branches from `BRDA:<line>,<block>,<branch>,<taken>` (`-` is a
/// branch never reached: not taken). Several records of one file (`cat a.info b.info`, or a test per `TN:`) merge as
/// `lcov -a` does, by adding counts: a line is hit if any record hit it, a branch taken if any record took it. `FN*`,
/// `TN`, `VER`, unknown tags and `#` comment lines are skipped. `LF/LH/BRF/BRH` are checked against the record's own `DA/BRDA` lines
/// and a contradiction is an error (the figures are the lines', exactly as `lcov --summary` counts them); an `LF/LH`
/// that counts repeated `DA:` lines each time (coverlet) agrees too, and a note says so (``LCOVRepeatedLines``).
///
/// ```swift
/// var source = BytesSource("SF:a.c\nDA:1,1\nDA:2,0\nend_of_record\n")
/// let coverage = try LCOVParser.parse(&source).report  // 1 of 2 lines
/// ```
@_spi(Internals) public enum LCOVParser {
    /// Parses one tracefile.
    ///
    /// With ``CoverageDetail/totals`` (and a source that can rewind) each file is kept by its totals only, as for
    /// Cobertura; files whose records are apart in the tracefile are read again with every line on a second pass,
    /// so the figures are always those of ``CoverageDetail/lines`` (``LCOVSummaries``).
    ///
    /// - Throws: ``ReportError`` when the file is empty, has no `SF:` record, ends inside a record (no
    ///   `end_of_record`: cut short), has a line that is not `TAG:value`, a record line outside a record, a number
    ///   that is not one, or a summary that contradicts its lines.
    public static func parse<Source: ByteSource>(
        _ source: inout Source, limits: ParseLimits = .init(), detail: CoverageDetail = .lines
    ) throws(ReportError) -> ParsedCoverage {
        guard detail == .totals, source.isRewindable else {
            var state = LCOVState(mode: .lines)
            try read(source, into: &state, limits: limits)
            let report = CoverageReport(files: state.finishFiles().mapValues(\.coverage))
            return ParsedCoverage(report: report, diagnostics: state.repeats.diagnostics(for: report))
        }
        var state = LCOVState(mode: .summarize)
        try read(source, into: &state, limits: limits)
        let summaries = state.finishSummaries()
        var details: [String: LCOVFile] = [:]
        if !summaries.repeated.isEmpty {
            do { try source.rewind() } catch { throw .unreadable(error.message) }
            var second = LCOVState(mode: .only(summaries.repeated))
            try read(source, into: &second, limits: limits)
            details = second.finishFiles()
        }
        let report = summaries.report(details: details)
        return ParsedCoverage(report: report, diagnostics: state.repeats.diagnostics(for: report))
    }

    /// Reads every line of `source` into `state`, and fails for a tracefile that has no record or ends inside one.
    private static func read(_ source: some ByteSource, into state: inout LCOVState, limits: ParseLimits)
        throws(ReportError)
    {
        var lines = TextLines(source, limits: limits)
        while try lines.nextLines(
            { (bytes, first) throws(ReportError) in try state.readLines(bytes, first: first) },
            line: { (line, number) throws(ReportError) in try state.read(line, at: number) })
        {}
        if lines.sawNothing || !state.pastFirstLine { throw .empty }
        if state.recordOpen { throw .truncated(at: FilePosition(line: lines.lineNumber)) }
        guard state.sawRecord else {
            throw .invalidValue(
                "the tracefile has no SF: record, so it covers no source file; check that the coverage step ran "
                    + "the tests and captured their data", at: nil, keyPath: nil)
        }
    }
}
