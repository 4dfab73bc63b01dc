#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `llm.*`: spend and tokens, summed over every cost report (each one is a part of the change's spend).
enum CostMetrics {
    static func measure(_ metric: Metric.LLM, _ bound: Bound, sources: [LoadedReport]) -> Measurement {
        let reports = sources.compactMap { report -> (path: String, cost: CostReport)? in
            guard case .llmCost(let cost) = report.content else { return nil }
            return (report.path, cost)
        }
        switch metric {
        case .inputTokens: return Measurement(value: .integer(CostReport.saturatingSum(reports.map(\.cost.inputTokens))))
        case .outputTokens: return Measurement(value: .integer(CostReport.saturatingSum(reports.map(\.cost.outputTokens))))
        case .costUSD:
            let problems = reports.compactMap { report in report.cost.problem.map { "\(report.path): \($0)" } }
            guard problems.isEmpty else { return .notMeasured(problems.joined(separator: "; ")) }
            let total = reports.reduce(Decimal(0)) { $0 + ($1.cost.costUSD ?? 0) }
            var measurement = Measurement(value: .decimal(total))
            measurement.shownValue = DecimalText.shown(total, against: bound.threshold.value) + " USD"
            let parts = reports.flatMap { report in report.cost.parts.map { (report.path, $0) } }
                .sorted { ($0.1.costUSD ?? 0) > ($1.1.costUSD ?? 0) }
            measurement.details = parts.prefix(10).map { path, part in
                let cost = part.costUSD.map { "\($0) USD" } ?? "no cost given"
                let source = reports.count > 1 ? "\(path): " : ""
                return "\(source)\(part.name): \(cost) (\(part.inputTokens) input, \(part.outputTokens) output tokens)"
            }
            return measurement
        }
    }

    static func values(of report: CostReport) -> [Metric: MetricValue] {
        [
            .llm(.costUSD): report.costUSD.map(MetricValue.decimal) ?? .notMeasured,
            .llm(.inputTokens): .integer(report.inputTokens),
            .llm(.outputTokens): .integer(report.outputTokens),
        ]
    }
}
