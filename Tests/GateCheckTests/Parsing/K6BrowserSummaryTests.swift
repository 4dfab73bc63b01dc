import Foundation
@_spi(Internals) import GateCheck
import Testing

/// A k6 browser test's `--summary-export` has `browser_http_req_*` metrics and no `http_reqs`: read as zero HTTP
/// requests, with a warning that says it is a browser test (hold-out validation, docs/reference/holdout.md).
struct K6BrowserSummaryTests {
    /// The metrics of a real browser test's export (MM12583/K6_Script_Automated_Test's summary.json), shortened and
    /// written for gatecheck: that repository has no licence.
    static let browser = """
        {
            "root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": {}, "checks": {}},
            "metrics": {
                "browser_http_req_duration": {"p(90)": 317.7458, "p(95)": 462.30205, "avg": 125.04974, "min": 0.059,
                    "med": 48.902, "max": 1398.119},
                "browser_http_req_failed": {"passes": 1, "fails": 241, "value": 0.004132231404958678},
                "iterations": {"count": 1, "rate": 0.01768772477560645}
            }
        }
        """

    @Test("a browser test reads as 0 HTTP requests and warns that its requests are browser metrics")
    func browserSummaryWarns() throws {
        let loaded = try K6ReaderTests.read(Array(Self.browser.utf8))
        guard case .latency(let latency) = loaded.content else {
            Issue.record("\(loaded.content)")
            return
        }
        #expect(latency.requests == 0)
        #expect(latency.p95Ms == nil && latency.errorRate == nil)
        let warning = try #require(loaded.diagnostics.first { $0.code.hasSuffix("browser") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("browser_http_req_duration"))
    }

    @Test("a summary with http_reqs has no such warning, even beside browser metrics")
    func httpSummaryDoesNotWarn() throws {
        let mixed = Self.browser.replacingOccurrences(
            of: #""iterations""#,
            with:
                #""http_reqs": {"count": 2, "rate": 1}, "http_req_duration": {"med": 1, "p(90)": 2, "p(95)": 3}, "iterations""#
        )
        let loaded = try K6ReaderTests.read(Array(mixed.utf8))
        #expect(!loaded.diagnostics.contains { $0.code.hasSuffix("browser") })
        guard case .latency(let latency) = loaded.content else { return }
        #expect(latency.requests == 2)
    }
}
