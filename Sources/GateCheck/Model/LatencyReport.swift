#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A load test's figures: gatecheck's `gatecheck.latency/v1` report, or a k6 summary or Locust statistics read
/// into the same figures (docs/latency-report.md says which figure comes from where).
@_spi(Internals) public struct LatencyReport: Sendable, Hashable {
    /// What was load-tested, when the report says (`checkout-api`).
    public var target: String?
    /// The median latency in milliseconds; `nil` when the producer was told not to write it.
    public var p50Ms: Decimal?
    /// The 95th percentile; `nil` when the producer was told not to write it.
    public var p95Ms: Decimal?
    /// `nil` when the report has no p99.
    public var p99Ms: Decimal?
    /// Requests sent.
    public var requests: Int
    /// The fraction of requests that failed, in [0, 1]; `nil` when the producer wrote no failure figure (k6
    /// before v0.31).
    public var errorRate: Decimal?
    /// How long the load test ran, for people; no gate reads it.
    public var durationSeconds: Decimal?
    /// How many clients sent requests at once, for people; no gate reads it.
    public var concurrency: Int?
    /// The 90th percentile; `nil` when the report has none (gatecheck's own format has none).
    public var p90Ms: Decimal?
    /// The tool that wrote the report, which decides how a missing percentile is added.
    public var producer: LatencyProducer = .gatecheck

    /// Creates a report.
    public init(
        target: String? = nil, p50Ms: Decimal?, p95Ms: Decimal?, p99Ms: Decimal? = nil, requests: Int,
        errorRate: Decimal?, durationSeconds: Decimal? = nil, concurrency: Int? = nil
    ) {
        self.target = target
        self.p50Ms = p50Ms
        self.p95Ms = p95Ms
        self.p99Ms = p99Ms
        self.requests = requests
        self.errorRate = errorRate
        self.durationSeconds = durationSeconds
        self.concurrency = concurrency
    }
}

/// The tool behind a ``LatencyReport``.
@_spi(Internals) public enum LatencyProducer: String, Sendable, Hashable {
    /// gatecheck's own `gatecheck.latency/v1`.
    case gatecheck
    /// k6's summary JSON.
    case k6
    /// Locust's `_stats.csv`.
    case locust
}
