#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GateCheck

/// What every verdict promises: an exit code of 0, 1 or 2 that follows from its gates and diagnostics, no
/// negative or impossible metric, and output that is the same bytes every time it is rendered (JSON that parses).
enum VerdictChecks {
    static let reporterOptions = [
        ReporterOptions(), ReporterOptions(color: true, explain: true), ReporterOptions(quiet: true),
    ]

    static func check(_ verdict: Verdict) throws(FuzzFailure) {
        try expect([0, 1, 2].contains(verdict.exitCode), "exit code \(verdict.exitCode)")
        let expected: Verdict.Status =
            verdict.diagnostics.contains { $0.severity == .error } || verdict.gates.contains(where: \.blocksAsError)
            ? .error : verdict.gates.contains { $0.status == .fail } ? .fail : .pass
        try expect(verdict.status == expected, "status \(verdict.status) where the gates say \(expected)")
        for gate in verdict.gates {
            if gate.status == .pass || gate.status == .fail || gate.status == .warn {
                try expect(gate.actual.map { $0 != .notMeasured } ?? false, "gate \(gate.id) judged without a value")
            }
            if let actual = gate.actual { try check(actual, "gate \(gate.id)") }
        }
        for report in verdict.reports {
            for (metric, value) in report.metrics { try check(value, "\(report.path) \(metric.name)") }
        }
        for format in OutputFormat.allCases {
            for options in reporterOptions {
                let reporter = format.reporter(options)
                let first = reporter.render(verdict)
                let second = reporter.render(verdict)
                try expect(first == second, "\(format.rawValue) output differs between two renderings")
                if format == .json { try checkJSON(first) }
            }
        }
    }

    /// Two verdicts of the same inputs, given in another order, render the same bytes.
    static func checkSame(_ verdict: Verdict, _ other: Verdict, _ what: String) throws(FuzzFailure) {
        try expect(verdict == other, "\(what): the verdicts differ")
        for format in OutputFormat.allCases {
            let reporter = format.reporter()
            try expect(reporter.render(verdict) == reporter.render(other), "\(what): \(format.rawValue) differs")
        }
    }

    // MARK: - Private

    private static func check(_ value: MetricValue, _ what: String) throws(FuzzFailure) {
        switch value {
        case .integer(let count): try expect(count >= 0, "\(what) is \(count)")
        case .ratio(let numerator, let denominator):
            try expect(
                denominator > 0 && (0...denominator).contains(numerator), "\(what) is \(numerator)/\(denominator)")
        case .decimal(let decimal): try expect(!decimal.isNaN && decimal >= 0, "\(what) is \(decimal)")
        case .notMeasured: break
        }
    }

    private static func checkJSON(_ text: String) throws(FuzzFailure) {
        var reader = JSONReader(BytesSource(text), options: JSONReaderOptions(maxDepth: 64, maxStringBytes: 1 << 24))
        do {
            _ = try reader.readValue()
            try reader.finish()
        } catch {
            throw FuzzFailure("the JSON verdict does not parse: \(error)")
        }
    }
}
