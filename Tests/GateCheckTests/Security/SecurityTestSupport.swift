@_spi(Internals) import GateCheck
import Testing

/// A fixed day for every waiver and findings test: the library never reads a clock.
let testToday = Day("2026-03-01")!

/// Reads a security report of a known kind from bytes, handing out `chunk` bytes per read.
func readFindings(
    _ kind: ReportKind, _ bytes: [UInt8], chunk: Int = .max, waivers: [Waiver] = [], today: Day = testToday
) throws(ReportError) -> LoadedReport {
    var source = BytesSource(bytes, chunkSize: chunk)
    return try ReportReader.read(
        kind, from: &source, path: "report", options: ReadOptions(waivers: waivers, today: today))
}

/// Reads a security report from text.
func readFindings(
    _ kind: ReportKind, _ text: String, chunk: Int = .max, waivers: [Waiver] = [], today: Day = testToday
) throws(ReportError) -> LoadedReport {
    try readFindings(kind, Array(text.utf8), chunk: chunk, waivers: waivers, today: today)
}

/// The report's findings content; fails the test for any other content.
func findings(_ report: LoadedReport) throws -> FindingsReport {
    guard case .findings(let content) = report.content else {
        Issue.record("expected a findings report, got \(report.content)")
        throw ReportError.empty
    }
    return content
}

extension FindingsReport {
    /// Counted (not waived) findings per severity, zeros left out.
    var severityCounts: [Severity: Int] {
        var result: [Severity: Int] = [:]
        for severity in Severity.allCases {
            let count = counts.count { found, _, _, waived in found == severity && !waived }
            if count > 0 { result[severity] = count }
        }
        return result
    }

    /// Waived findings, over every severity.
    var waivedCount: Int { counts.count { _, _, _, waived in waived } }

    /// Things the tools could not check.
    var notAuditedCount: Int { notAuditedByTool.values.reduce(0, +) }
}

/// The error a read throws, or `nil` when it succeeds.
func readError(_ kind: ReportKind, _ bytes: [UInt8], chunk: Int = .max) -> ReportError? {
    do {
        _ = try readFindings(kind, bytes, chunk: chunk)
        return nil
    } catch {
        return error
    }
}
