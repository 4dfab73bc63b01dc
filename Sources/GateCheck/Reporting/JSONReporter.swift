#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The JSON verdict of docs/reference/design.md, schema `gatecheck.verdict/v1` (`schemas/verdict.schema.json`).
///
/// Keys are sorted and numbers printed in shortest round-trip form, so equal verdicts give identical bytes.
struct JSONReporter: VerdictReporter {
    static let schema = "gatecheck.verdict/v1"

    func render(_ verdict: Verdict) -> String {
        JSONOutput.encode(VerdictDocument(verdict))
    }
}

/// The verdict as written to JSON.
private struct VerdictDocument: Encodable {
    let schema = JSONReporter.schema
    let status: String
    let exitCode: Int32
    let tool: Tool
    let summary: [String: Int]
    let gates: [Gate]
    let reports: [Report]
    let ignored: [IgnoredFile]
    let diagnostics: [Diagnostic]

    struct Tool: Encodable {
        let name = "gatecheck"
        let version: String
    }

    struct Gate: Encodable {
        let id: String
        let metric: String
        let status: String
        let level: String
        let required: Bool
        let actual: MetricValue?
        let numerator: Int?
        let denominator: Int?
        let comparison: String
        let threshold: Bound
        let thresholdText: String
        let message: String
        let details: [String]
        let sources: [String]
        let failedTests: [FailedTest]?
        let findings: [Finding]?
        let waived: [Finding]?
        let baseline: BaselineJSON?
        var history: HistoryComparison?
        /// `{"paths": [...]}` or `{"classes": [...]}` for a scoped gate.
        var scope: Scope?

        /// A scoped gate's globs, as gates.json writes them.
        struct Scope: Encodable {
            let paths: [String]?
            let classes: [String]?
        }

        enum CodingKeys: String, CodingKey {
            case id, metric, status, level, required, actual, numerator, denominator, comparison, threshold, message
            case details, sources, findings, waived, baseline, history, scope
            case thresholdText = "threshold_text"
            case failedTests = "failed_tests"
        }
    }

    /// A gate's bound: `null` while a comparison (a baseline, a history) sets it and has not.
    struct Bound: Encodable {
        let value: Decimal?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    struct Report: Encodable {
        let path: String
        let kind: String?
        let status: String
        let metrics: [String: MetricValue]
        let error: String?
    }

    init(_ verdict: Verdict) {
        status = verdict.status.rawValue
        exitCode = verdict.exitCode
        tool = Tool(version: verdict.toolVersion)
        summary = Dictionary(
            uniqueKeysWithValues: GateResult.Status.allCases.map { status in
                (status.rawValue, verdict.gates.count { $0.status == status })
            })
        gates = verdict.gates.map { gate in
            var numerator: Int?
            var denominator: Int?
            if case .ratio(let n, let d)? = gate.actual {
                numerator = n
                denominator = d
            }
            var entry = Gate(
                id: gate.id, metric: gate.metric.name, status: gate.status.rawValue, level: gate.level.rawValue,
                required: gate.required, actual: gate.actual == .notMeasured ? nil : gate.actual,
                numerator: numerator, denominator: denominator, comparison: gate.bound.symbol,
                threshold: Bound(value: gate.bound.threshold.isPlaceholder ? nil : gate.bound.threshold.value),
                thresholdText: gate.bound.threshold.written,
                message: gate.message, details: gate.details, sources: gate.sources,
                failedTests: gate.failedTests.isEmpty ? nil : gate.failedTests,
                findings: gate.findings.isEmpty ? nil : gate.findings, waived: gate.waived.isEmpty ? nil : gate.waived,
                baseline: gate.baselineComparison.map(BaselineJSON.init))
            entry.history = gate.history
            if gate.scopePaths != nil || gate.scopeClasses != nil {
                entry.scope = Gate.Scope(paths: gate.scopePaths, classes: gate.scopeClasses)
            }
            return entry
        }
        reports = verdict.reports.map { report in
            Report(
                path: report.path, kind: report.kind?.rawValue, status: report.error == nil ? "ok" : "error",
                metrics: Dictionary(uniqueKeysWithValues: report.metrics.map { ($0.key.name, $0.value) }),
                error: report.error?.description)
        }
        ignored = verdict.ignored
        diagnostics = verdict.diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case schema, status, tool, summary, gates, reports, ignored, diagnostics
        case exitCode = "exit_code"
    }
}

extension MetricValue: Encodable {
    /// Counts as integers, rates as their shortest double, report decimals exactly, not measured as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .ratio: try container.encode(double ?? 0)
        case .decimal(let value): try container.encode(value)
        case .notMeasured: try container.encodeNil()
        }
    }
}
