#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The read of a Locust `_stats.csv` in progress: the header's columns, the per-endpoint sums and the `Aggregated`
/// row.
struct LocustStatsState {
    typealias Column = LocustStatsParser.Column

    private(set) var sawHeader = false
    /// The `Aggregated` row's fields and line, once read.
    private(set) var aggregated: (fields: [String], line: Int)?
    private var columns: [Column: Int] = [:]
    private var width = 0
    private var requestSum: UInt64 = 0
    private var failureSum: UInt64 = 0

    mutating func read(_ line: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        guard sawHeader else {
            guard line.starts(with: LocustStatsParser.headerStart.utf8) else { throw LocustStatsParser.refusal(line) }
            try readHeader(LocustCSV.fields(line, at: number), at: number)
            sawHeader = true
            return
        }
        if let aggregated {
            throw .malformed(
                "line \(number) follows the Aggregated row of line \(aggregated.line), which Locust writes last (two "
                    + "files joined into one?)", at: FilePosition(line: number))
        }
        let fields = try LocustCSV.fields(line, at: number)
        guard fields.count == width else {
            throw .malformed(
                "line \(number) has \(fields.count) fields where the header has \(width)",
                at: FilePosition(line: number))
        }
        if let type = columns[.type], let name = columns[.name], fields[type].isEmpty, fields[name] == "Aggregated" {
            aggregated = (fields, number)
            return
        }
        requestSum = requestSum.addingReportingOverflow(try count(fields, .requests, at: number)).partialValue
        failureSum = failureSum.addingReportingOverflow(try count(fields, .failures, at: number)).partialValue
    }

    /// The report from the `Aggregated` row, checked against the endpoints' sums.
    func report() throws(ReportError) -> LatencyReport {
        guard let (fields, line) = aggregated else { throw .truncated(at: nil) }
        let requests = try count(fields, .requests, at: line)
        let failures = try count(fields, .failures, at: line)
        let position = FilePosition(line: line)
        guard requests == requestSum, failures == failureSum else {
            throw .invalidValue(
                "the Aggregated row counts \(requests) requests and \(failures) failures but the endpoints' rows add "
                    + "up to \(requestSum) and \(failureSum); Locust counts every request in both, so the file was "
                    + "altered", at: position, keyPath: "Aggregated")
        }
        guard failures <= requests, let total = Int(exactly: requests) else {
            throw .invalidValue(
                "the Aggregated row counts \(failures) failures of \(requests) requests", at: position,
                keyPath: "Aggregated.Failure Count")
        }
        var report = LatencyReport(p50Ms: nil, p95Ms: nil, requests: total, errorRate: nil)
        report.producer = .locust
        guard requests > 0 else { return report }
        report.errorRate = Decimal(failures) / Decimal(requests)
        report.p50Ms = try percentile(fields, columns[.p50] != nil ? .p50 : .median, at: line)
        report.p90Ms = try percentile(fields, .p90, at: line)
        report.p95Ms = try percentile(fields, .p95, at: line)
        report.p99Ms = try percentile(fields, .p99, at: line)
        let read = [report.p50Ms, report.p90Ms, report.p95Ms, report.p99Ms].compactMap { $0 }
        if zip(read, read.dropFirst()).contains(where: { $0 > $1 }) {
            throw .invalidValue(
                "the Aggregated row's percentiles are out of order (\(read.map { "\($0)" }.joined(separator: ", "))); "
                    + "Locust computes them from one histogram, so the file was altered", at: position,
                keyPath: "Aggregated")
        }
        return report
    }

    // MARK: - Private

    private mutating func readHeader(_ names: [String], at number: Int) throws(ReportError) {
        var seen: Set<String> = []
        for (index, name) in names.enumerated() {
            guard seen.insert(name).inserted else {
                throw .invalidValue(
                    "the header names the column \"\(name)\" twice, so which one holds the figure is ambiguous",
                    at: FilePosition(line: number), keyPath: name)
            }
            if let column = Column(rawValue: name) { columns[column] = index }
        }
        width = names.count
    }

    /// A count column of a row: a whole number.
    private func count(_ fields: [String], _ column: Column, at line: Int) throws(ReportError) -> UInt64 {
        guard let index = columns[column] else {
            throw .invalidValue(
                "the header has no \"\(column.rawValue)\" column", at: FilePosition(line: 1), keyPath: column.rawValue)
        }
        guard let value = TextFields.unsigned(fields[index].utf8) else {
            throw .invalidValue(
                "\"\(column.rawValue)\" is a count of requests, found \"\(fields[index])\"",
                at: FilePosition(line: line), keyPath: column.rawValue)
        }
        return value
    }

    /// A percentile of the `Aggregated` row in milliseconds, or `nil` when the header has no such column.
    private func percentile(_ fields: [String], _ column: Column, at line: Int) throws(ReportError) -> Decimal? {
        guard let index = columns[column] else { return nil }
        let text = fields[index]
        // Locust writes whole milliseconds (an average may have decimals); a sign, NaN or exponent is damage.
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }),
            text.utf8.count(where: { $0 == UInt8(ascii: ".") }) <= 1,
            let value = Decimal(string: text), value.isFinite
        else {
            throw .invalidValue(
                "\"\(column.rawValue)\" is a response time in milliseconds, never negative, found \"\(text)\"",
                at: FilePosition(line: line), keyPath: "Aggregated.\(column.rawValue)")
        }
        return value
    }
}
