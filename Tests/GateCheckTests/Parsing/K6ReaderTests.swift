import Foundation
@_spi(Internals) import GateCheck
import Testing

/// k6 summaries written by the real k6 (Fixtures/k6, see its NOTICE) in both shapes, read with k6's own figures:
/// each file's stats as Foundation's JSON parser finds them, and the two shapes of one run giving one report.
struct K6ReaderTests {
    static func read(_ bytes: [UInt8], chunkSize: Int = .max) throws(ReportError) -> LoadedReport {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return try ReportReader.read(.k6, from: &source, path: "summary.json", options: ReadOptions(today: Build.today))
    }

    static func latency(_ bytes: [UInt8]) throws -> LatencyReport {
        guard case .latency(let latency) = try read(bytes).content else { throw Failure.notLatency }
        return latency
    }

    enum Failure: Error { case notLatency }

    /// One metric's stats in a k6 file, as an independent JSON parser finds them (under `values` or not).
    static func stats(_ file: String, _ metric: String) throws -> [String: Decimal] {
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(Fixtures.bytes("k6/\(file)"))) as? [String: Any])
        let metrics = try #require(root["metrics"] as? [String: Any])
        let entry = try #require(metrics[metric] as? [String: Any])
        let stats = (entry["values"] as? [String: Any]) ?? entry
        // k6's own text of each number, so that the comparison is exact.
        return stats.compactMapValues { value in (value as? NSNumber).flatMap { Decimal(string: "\($0)") } }
    }

    static let files = ["failing-export.json", "failing-data.json", "passing-export-p99.json", "passing-data-p99.json"]

    @Test("percentiles, requests and error rate are k6's own figures, in both shapes", arguments: files)
    func figuresEqualK6(_ file: String) throws {
        let duration = try Self.stats(file, "http_req_duration")
        let requests = try Self.stats(file, "http_reqs")
        let failed = try Self.stats(file, "http_req_failed")
        let report = try Self.latency(try Fixtures.bytes("k6/\(file)"))
        #expect(report.producer == .k6)
        #expect(report.p50Ms == duration["med"] && report.p90Ms == duration["p(90)"])
        #expect(report.p95Ms == duration["p(95)"] && report.p99Ms == duration["p(99)"])
        #expect(report.p50Ms != nil && report.p95Ms != nil)
        #expect(Decimal(report.requests) == requests["count"])
        // k6's passes of http_req_failed are the failed requests.
        let passes = try #require(failed["passes"])
        let fails = try #require(failed["fails"])
        #expect(report.errorRate == passes / (passes + fails))
        #expect(passes + fails == Decimal(report.requests))
        let stated = try #require(failed["rate"] ?? failed["value"])
        #expect(abs(NSDecimalNumber(decimal: try #require(report.errorRate) - stated).doubleValue) < 1e-12)
    }

    @Test("the two shapes one run wrote give the same report, in any chunk size", arguments: ["failing", "passing"])
    func bothShapesAgree(_ run: String) throws {
        let export = run == "failing" ? "failing-export.json" : "passing-export-p99.json"
        let data = run == "failing" ? "failing-data.json" : "passing-data-p99.json"
        var fromExport = try Self.latency(try Fixtures.bytes("k6/\(export)"))
        let fromData = try Self.latency(try Fixtures.bytes("k6/\(data)"))
        // Only handleSummary's data has the test's duration.
        #expect(fromExport.durationSeconds == nil && fromData.durationSeconds != nil)
        fromExport.durationSeconds = fromData.durationSeconds
        #expect(fromExport == fromData)
        for size in [1, 7, 100] {
            #expect(try Self.read(try Fixtures.bytes("k6/\(data)"), chunkSize: size).content == .latency(fromData))
        }
    }

    @Test("both shapes are detected as k6 by content", arguments: files)
    func detected(_ file: String) throws {
        let bytes = try Fixtures.bytes("k6/\(file)")
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.k6))
    }

    @Test("a p(99) gate on a summary without p(99) is error, naming the stat and summaryTrendStats")
    func missingP99() throws {
        let without = try Self.read(try Fixtures.bytes("k6/failing-export.json"))
        let with = try Self.read(try Fixtures.bytes("k6/passing-export-p99.json"))
        let alone = Build.evaluate([without], [Build.gate("p99", .latency(.p99), max: "1000")])
        #expect(alone.gates[0].status == .error && alone.exitCode == 2)
        #expect(alone.gates[0].message.contains("p(99)") && alone.gates[0].message.contains("summary-trend-stats"))
        // Beside a report that has it, the one without is never skipped.
        let mixed = Build.evaluate([without, with], [Build.gate("p99", .latency(.p99), max: "100000")])
        #expect(mixed.gates[0].status == .error && mixed.exitCode == 2)
        let p95 = Build.evaluate([without, with], [Build.gate("p95", .latency(.p95), max: "100000")])
        #expect(p95.gates[0].status == .pass)
    }

    @Test("a hand-written summary with passes and fails read the wrong way round is refused")
    func invertedRateRefused() throws {
        let text = String(decoding: try Fixtures.bytes("k6/passing-export-p99.json"), as: UTF8.self)
        let inverted = text.replacingOccurrences(of: "\"passes\": 0,", with: "\"passes\": 373,")
            .replacingOccurrences(of: "\"fails\": 373,", with: "\"fails\": 0,")
        #expect(inverted != text)
        do {
            _ = try Self.read(Array(inverted.utf8))
            Issue.record("read")
        } catch {
            #expect(error.code == "report.invalid-value" && error.description.contains("http_req_failed"))
        }
    }

    @Test("percentiles out of order and a negative percentile are refused with their key path")
    func alteredPercentiles() throws {
        let text = String(decoding: try Fixtures.bytes("k6/passing-data-p99.json"), as: UTF8.self)
        for (old, new) in [("\"med\":10.2232", "\"med\":100.2232"), ("\"med\":10.2232", "\"med\":-10.2232")] {
            let altered = text.replacingOccurrences(of: old, with: new)
            #expect(altered != text)
            do {
                _ = try Self.read(Array(altered.utf8))
                Issue.record("read \(new)")
            } catch {
                #expect(error.code == "report.invalid-value" && error.description.contains("http_req_duration"))
            }
        }
    }

    @Test("another tool's JSON bound as k6 is wrong-kind")
    func wrongKind() throws {
        do {
            _ = try Self.read(Array(#"{"schema": "gatecheck.latency/v1", "p50_ms": 1}"#.utf8))
            Issue.record("read")
        } catch {
            #expect(error.code == "report.wrong-kind")
        }
    }
}
