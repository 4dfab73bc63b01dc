#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A load test's figures: gatecheck's `gatecheck.latency/v1` report.
@_spi(Internals) public struct LatencyReport: Sendable, Hashable {
    /// What was load-tested, when the report says (`checkout-api`).
    public var target: String?
    /// Latency percentiles in milliseconds.
    public var p50Ms: Decimal
    /// The 95th percentile.
    public var p95Ms: Decimal
    /// `nil` when the report has no p99.
    public var p99Ms: Decimal?
    /// Requests sent.
    public var requests: Int
    /// The fraction of requests that failed, in [0, 1].
    public var errorRate: Decimal
    /// How long the load test ran, for people; no gate reads it.
    public var durationSeconds: Decimal?
    /// How many clients sent requests at once, for people; no gate reads it.
    public var concurrency: Int?

    /// Creates a report.
    public init(
        target: String? = nil, p50Ms: Decimal, p95Ms: Decimal, p99Ms: Decimal? = nil, requests: Int,
        errorRate: Decimal, durationSeconds: Decimal? = nil, concurrency: Int? = nil
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
