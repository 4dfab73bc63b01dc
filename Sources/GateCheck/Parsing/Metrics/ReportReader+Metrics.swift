extension ReportReader {
    /// Accuracy, image, cost and latency reports: small JSON documents of gatecheck's own formats or of the tools
    /// mapped onto them.
    static func readMetricReport<Source: ByteSource>(
        _ kind: ReportKind, from source: Source, options: ReadOptions
    ) throws(ReportError) -> ParsedMetricReport {
        switch kind {
        case .accuracy: try AccuracyReader.read(source, options: options)
        case .promptfoo: try PromptfooParser.parse(source, options: options)
        case .ragas: try RagasReader.read(source, options: options)
        case .image: try ImageReportParser.parse(source, limits: options.limits)
        case .llmCost:
            try CostReportParser.parse(
                MetricReportInput.readTree(source, kind: kind, limits: options.limits, shape: CostReportParser.shape))
        case .latency:
            try LatencyReportParser.parse(
                MetricReportInput.readTree(
                    source, kind: kind, limits: options.limits, shape: LatencyReportParser.shape))
        case .k6:
            try K6SummaryParser.parse(
                MetricReportInput.readTree(source, kind: kind, limits: options.limits, shape: K6SummaryParser.shape))
        case .cobertura, .junit, .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .jacoco, .nunit, .xunit, .trx, .lcov,
            .coverageJSON, .goCover, .goTestJSON, .locust:
            throw .wrongKind(expected: kind, found: "a report kind without accuracy, image, cost or latency metrics")
        }
    }
}
