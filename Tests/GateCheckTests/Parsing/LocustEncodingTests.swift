import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Locust writes its CSV files in the platform's encoding, not UTF-8 (it opens them without one): a real run under a
/// GBK locale (Fixtures/locust/gbk_*, see its NOTICE) has endpoint names that are not UTF-8, and its figures are still
/// Locust's own.
struct LocustEncodingTests {
    @Test("a GBK-encoded _stats.csv (Chinese endpoint names) gives Locust's own percentiles, counts and failures")
    func gbkStatsEqualLocust() throws {
        let bytes = try Fixtures.bytes("locust/gbk_stats.csv")
        // The premise: the names are GBK, so the file is not UTF-8.
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let expected = try LocustReaderTests.console("gbk")
        let failures = try LocustReaderTests.failures("gbk")
        for chunkSize in [Int.max, 5] {
            let report = try LocustReaderTests.latency(LocustReaderTests.read(bytes, chunkSize: chunkSize))
            #expect(report.p50Ms == expected["50%"])
            #expect(report.p90Ms == expected["90%"])
            #expect(report.p95Ms == expected["95%"])
            #expect(report.p99Ms == expected["99%"])
            #expect(Decimal(report.requests) == expected["#"])
            #expect(report.errorRate == Decimal(failures) / Decimal(report.requests))
        }
        #expect(failures > 0)
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.locust))
    }

    @Test("a byte that is not UTF-8 inside a count or a time is still refused, with its line")
    func nonUTF8FigureRefused() throws {
        var bytes = try Fixtures.bytes("locust/gbk_stats.csv")
        // The Aggregated row's Request Count "585" becomes "5\u{FF}5".
        let text = Array(",Aggregated,585,".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: text) })
        bytes[start + text.count - 3] = 0xFF
        let error = #expect(throws: ReportError.self) { _ = try LocustReaderTests.read(bytes) }
        #expect(error?.code == "report.invalid-value")
        #expect(error?.location?.line == 4)
    }
}
