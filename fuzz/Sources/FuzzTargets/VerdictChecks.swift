@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What every verdict promises: an exit code of 0, 1 or 2 that follows from its gates and diagnostics, no
/// negative or impossible metric, and output that is the same bytes every time it is rendered (JSON that parses).
enum VerdictChecks {
    static let reporterOptions = [
        ReporterOptions(),
        ReporterOptions(
            color: true, explain: true, includeFindings: true, timestamp: "2026-03-01T10:00:00Z",
            configurationPath: "ci/gates.json"),
        ReporterOptions(quiet: true),
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
                try checkSyntax(first, format, verdict)
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

    /// JSON formats parse; the JUnit output reads back with one testcase per gate and per error, and is never all
    /// green for a verdict that is not a pass; Markdown stays under GitHub's limit.
    private static func checkSyntax(_ text: String, _ format: OutputFormat, _ verdict: Verdict) throws(FuzzFailure) {
        switch format {
        case .json, .sarif, .gitlab:
            var reader = JSONReader(
                BytesSource(text), options: JSONReaderOptions(maxDepth: 64, maxStringBytes: 1 << 24))
            do {
                _ = try reader.readValue()
                try reader.finish()
            } catch {
                throw FuzzFailure("the \(format.rawValue) output is not JSON: \(error)")
            }
        case .junit:
            var source = BytesSource(text)
            let tests: TestReport
            do throws(ReportError) { tests = try JUnitParser.parse(&source).report } catch {
                throw FuzzFailure("the JUnit output does not read back: \(error)")
            }
            let expected = verdict.gates.count + verdict.diagnostics.count { $0.severity == .error }
            try expect(tests.total == expected, "the JUnit output has \(tests.total) testcases, not \(expected)")
            try expect(
                verdict.status == .pass || tests.failed + tests.errors > 0,
                "the JUnit output of a verdict that is \(verdict.status) has no failure or error")
        case .markdown:
            try expect(text.utf8.count < 65_536, "the Markdown output has \(text.utf8.count) bytes")
        case .text, .github:
            break
        }
    }
}
