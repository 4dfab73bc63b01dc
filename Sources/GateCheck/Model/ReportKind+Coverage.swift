extension ReportKind {
    /// Coverage kinds produce a ``CoverageReport``: they feed the coverage gates and merge in the coverage union.
    @_spi(Internals) public var producesCoverage: Bool {
        switch self {
        case .cobertura, .lcov: true
        case .junit, .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .accuracy, .image, .llmCost, .latency: false
        }
    }
}
