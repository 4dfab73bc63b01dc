extension ReportKind {
    /// The kinds that produce a ``LatencyReport`` and feed the `latency.*` gates: gatecheck's own report and the
    /// load-test tools read into it.
    @_spi(Internals) public static let latencyKinds: [ReportKind] = allCases.filter(\.producesLatency)

    /// Whether the kind produces a ``LatencyReport``.
    @_spi(Internals) public var producesLatency: Bool {
        switch self {
        case .latency, .k6, .locust: true
        case .cobertura, .junit, .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .accuracy, .image, .llmCost, .jacoco,
            .nunit, .xunit, .trx, .lcov, .coverageJSON, .goCover, .goTestJSON, .promptfoo, .ragas:
            false
        }
    }
}
