@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What every latency report read (gatecheck's own, k6's, Locust's) promises: figures never negative, an error
/// rate in [0, 1], percentiles in order, and the producer the kind says.
enum LatencyInvariants {
    static func check(_ latency: LatencyReport, kind: ReportKind) throws(FuzzFailure) {
        let percentiles = [latency.p50Ms, latency.p90Ms, latency.p95Ms, latency.p99Ms].compactMap { $0 }
        try expect(
            percentiles.allSatisfy { $0 >= 0 } && latency.requests >= 0 && (latency.durationSeconds ?? 0) >= 0
                && (latency.concurrency ?? 0) >= 0,
            "latency figures \(latency)")
        try expect(zip(percentiles, percentiles.dropFirst()).allSatisfy { $0 <= $1 }, "percentiles out of order")
        if let rate = latency.errorRate { try expect((0...1).contains(rate), "error rate \(rate)") }
        let producer: LatencyProducer = kind == .k6 ? .k6 : kind == .locust ? .locust : .gatecheck
        try expect(latency.producer == producer, "\(kind.rawValue) read as \(latency.producer)")
        switch kind {
        case .latency:
            // gatecheck's own format requires both and has no p90.
            try expect(latency.p50Ms != nil && latency.p95Ms != nil && latency.p90Ms == nil, "own format figures")
        case .locust where latency.requests == 0:
            // Locust writes N/A for every percentile of a run without requests.
            try expect(percentiles.isEmpty && latency.errorRate == nil, "figures of a run without requests")
        default: break
        }
    }
}
