extension ReportKind {
    /// Coverage kinds produce a ``CoverageReport``: they feed the coverage gates and merge in the coverage union.
    @_spi(Internals) public var producesCoverage: Bool {
        switch self {
        case .cobertura, .jacoco, .lcov, .coverageJSON, .goCover: true
        case .junit, .nunit, .xunit, .trx, .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .accuracy, .image,
            .llmCost, .latency, .goTestJSON, .promptfoo, .ragas, .k6, .locust:
            false
        }
    }

    /// Tests kinds produce a ``TestReport`` and feed the tests gates.
    @_spi(Internals) public var producesTests: Bool {
        switch self {
        case .junit, .nunit, .xunit, .trx, .goTestJSON: true
        case .cobertura, .jacoco, .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .accuracy, .image, .llmCost,
            .latency, .lcov, .coverageJSON, .goCover, .promptfoo, .ragas, .k6, .locust:
            false
        }
    }
}
