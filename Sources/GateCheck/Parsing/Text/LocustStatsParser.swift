#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads Locust's `--csv PREFIX` statistics, `PREFIX_stats.csv`, streaming, into a ``LatencyReport`` from its
/// `Aggregated` row (the one with an empty `Type`, which Locust writes last: every request of the run).
///
/// - `50%`, `90%`, `95%`, `99%` → `p50_ms`, `p90_ms`, `p95_ms`, `p99_ms`, found by the header's names (Locust writes
///   the columns of `locust.stats.PERCENTILES_TO_REPORT`). These are Locust's own figures, taken as written: Locust
///   keeps each response time rounded to two significant digits (147 ms counts as 150, 3432 ms as 3400) and a
///   percentile is the smallest such bucket that the given share of requests finished within. Without a `50%`
///   column, `p50_ms` is `Median Response Time` (the same bucket, clamped to the min and max).
/// - `Request Count` → `requests`; `Failure Count / Request Count` → `error_rate` (no requests: no figure is judged).
///
/// The per-endpoint rows must add up to the `Aggregated` row's counts (Locust counts each request in both), the
/// percentiles must be in order, and the file must end with a line break after the `Aggregated` row (Locust's
/// `\r\n`): a cut file is `truncated`. `_stats_history.csv`, `_failures.csv` and `_exceptions.csv` are refused
/// with what they are: none of them holds the run's totals.
enum LocustStatsParser {
    /// The header's start: the columns every Locust version since 1.0 writes first.
    static let headerStart = "Type,Name,Request Count,Failure Count,"
    /// The other Locust CSV files, by the start of their header, and what each is.
    static let otherFiles: [(start: String, what: String)] = [
        ("Timestamp,User Count,Type,Name,", "Locust's _stats_history.csv (the statistics over time)"),
        ("Method,Name,Error,Occurrences", "Locust's _failures.csv (the failures by error)"),
        ("Count,Message,Traceback,Nodes", "Locust's _exceptions.csv (the exceptions raised)"),
    ]

    /// The columns read, by name.
    enum Column: String, CaseIterable {
        case type = "Type", name = "Name", requests = "Request Count", failures = "Failure Count"
        case median = "Median Response Time"
        case p50 = "50%", p90 = "90%", p95 = "95%", p99 = "99%"
    }

    /// Reads the statistics.
    static func parse(_ source: inout some ByteSource, limits: ParseLimits = .init())
        throws(ReportError) -> ParsedMetricReport
    {
        var lines = TextLines(source, limits: limits)
        var state = LocustStatsState()
        while try lines.next({ (line, number) throws(ReportError) in try state.read(line, at: number) }) != nil {}
        if lines.sawNothing || !state.sawHeader { throw .empty }
        guard state.aggregated != nil, lines.lastLineTerminated else {
            throw .truncated(at: FilePosition(line: max(lines.lineNumber, 1)))
        }
        return ParsedMetricReport(content: .latency(try state.report()), diagnostics: [])
    }

    /// What a first line is when it is not a stats header: another Locust file, or another report.
    static func refusal(_ line: UnsafeBufferPointer<UInt8>) -> ReportError {
        for other in otherFiles where line.starts(with: other.start.utf8) {
            return .wrongKind(
                expected: .locust,
                found: "\(other.what), not the statistics; gatecheck reads the run's totals from PREFIX_stats.csv "
                    + "(its Aggregated row): give that file instead")
        }
        return .wrongKind(
            expected: .locust,
            found: "a first line \(TextFields.quoted(line)), not Locust's header \"\(headerStart)...\"")
    }
}
