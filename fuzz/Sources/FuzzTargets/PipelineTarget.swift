@_spi(Internals) import GateCheck

/// The whole pipeline as the command-line tool runs it, on up to four reports cut from one input at each
/// `\n--8<--\n`: detection, reading (totals only for a single coverage report), evaluation with the built-in
/// gates and with one gate per metric plus waivers, and every output format.
///
/// Beyond every verdict's own invariants: a report that could not be read makes the verdict an error (exit 2),
/// never a pass or a fail; the order of the reports changes nothing.
enum PipelineTarget {
    static let separator = Array("\n--8<--\n".utf8)
    static let maxReports = 4

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let parts = split(bytes)
        let inputs = parts.indices.map { ReportInput(name: "reports/r\($0)", bytes: parts[$0], isNamed: false) }
        for configuration in [Configuration.builtIn, try wide()] {
            // The library's own path, as the command-line tool takes it: every report read with this
            // configuration's waivers.
            let checker = GateChecker(configuration: configuration, today: FuzzFixtures.today)
            let prepared = inputs.map(checker.prepare)
            let plan = checker.plan(prepared)
            var collection = ReportCollection(plan: plan)
            for input in prepared { checker.read(input, plan: plan, into: &collection) }
            let verdict = checker.verdict(collection)
            try VerdictChecks.check(verdict)
            if !collection.failed.isEmpty {
                try expect(
                    verdict.status == .error, "\(collection.failed.count) unreadable report(s) but \(verdict.status)")
            }
            try VerdictChecks.checkSame(verdict, checker.check(inputs), "the one call")
            try VerdictChecks.checkSame(verdict, checker.check(inputs.reversed()), "reports in reverse order")
        }
    }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count, parts.count < maxReports - 1 {
            if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
                parts.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    /// One gate per metric with a fixed name, none required, bounds that real reports straddle, every findings
    /// selector, and the fixture waivers.
    static func wide() throws(FuzzFailure) -> Configuration {
        switch wideConfiguration {
        case .success(let configuration): return configuration
        case .failure(let error): throw FuzzFailure("the wide configuration does not decode: \(error)")
        }
    }

    private static let wideConfiguration: Result<Configuration, ConfigurationError> = {
        var gates = Metric.fixed.enumerated().map { index, metric in
            let bound = index % 2 == 0 ? #""min": 0.5"# : metric.isRate ? #""max": 0.9"# : #""max": 3"#
            var level = index % 3 == 0 ? #", "level": "warn""# : ""
            // The one gate that cannot be written without its baseline member.
            if metric == .change(.accuracyRegressedSamples) {
                level += #", "baseline": {"sample_metric": "retrieval", "sample_min": 0.5}"#
            }
            return #"{"id": "g\#(index)", "metric": "\#(metric.name)", \#(bound), "required": false\#(level)}"#
        }
        gates += [
            #"{"id": "high", "metric": "findings.total", "max": 0, "min_severity": "high", "required": false}"#,
            #"{"id": "sure", "metric": "findings.total", "max": 0, "min_confidence": "high", "required": false}"#,
            #"{"id": "fixable", "metric": "findings.total", "max": 0, "fixable_only": true, "required": false}"#,
            #"{"id": "deps", "metric": "findings.total", "max": 0, "kinds": ["safety", "pip-audit"], "required": false}"#,
            #"{"id": "accuracy", "metric": "accuracy.retrieval", "min": 0.9, "required": false}"#,
        ]
        let waivers = FuzzFixtures.waivers.map { waiver in
            #"{"id": "\#(waiver.id)", "reason": "\#(waiver.reason)", "expires": "\#(waiver.expires)"}"#
        }
        let text =
            #"{"version": 1, "gates": [\#(gates.joined(separator: ", "))], "waivers": [\#(waivers.joined(separator: ", "))]}"#
        return ConfigurationDecoder.decode(Array(text.utf8), file: "wide-gates.json")
    }()
}
