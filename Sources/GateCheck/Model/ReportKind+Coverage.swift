extension ReportKind {
    /// Coverage kinds produce a ``CoverageReport``: they feed the coverage gates and merge in the coverage union.
    @_spi(Internals) public var producesCoverage: Bool {
        switch self {
        case .cobertura, .lcov, .coverageJSON, .goCover: true
        case .junit, .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .accuracy, .image, .llmCost, .latency,
            .goTestJSON:
            false
        }
    }

    /// Tests kinds produce a ``TestReport`` and feed the tests gates.
    @_spi(Internals) public var producesTests: Bool {
        switch self {
        case .junit, .goTestJSON: true
        case .cobertura, .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .accuracy, .image, .llmCost, .latency, .lcov,
            .coverageJSON, .goCover:
            false
        }
    }
}
