import GateCheck

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
        let reports = load(split(bytes))
        var reversed = reports
        reversed.reports.reverse()
        reversed.failed.reverse()
        reversed.ignored.reverse()
        for configuration in [Configuration.builtIn, try wide()] {
            let verdict = GateEngine.evaluate(reports, configuration: configuration, today: FuzzFixtures.today)
            try VerdictChecks.check(verdict)
            if !reports.failed.isEmpty {
                try expect(
                    verdict.status == .error, "\(reports.failed.count) unreadable report(s) but \(verdict.status)")
            }
            let other = GateEngine.evaluate(reversed, configuration: configuration, today: FuzzFixtures.today)
            try VerdictChecks.checkSame(verdict, other, "reports in reverse order")
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

    /// Detects and reads every part as ``ReportLoader`` in the command-line tool does.
    static func load(_ parts: [[UInt8]]) -> ReportSet {
        let paths = parts.indices.map { "reports/r\($0)" }
        // The loader reads a regular file on until its kind is told, so the whole part is looked at.
        let detections = parts.map { ReportDetector.detect(prefix: $0, isWholeFile: true) }
        let coverageReports = detections.count { $0 == .report(.cobertura) }
        let options = FuzzFixtures.options(detail: coverageReports <= 1 ? .totals : .lines)
        var set = ReportSet()
        for (index, detection) in detections.enumerated() {
            let path = paths[index]
            switch detection {
            case .report(let kind):
                var source = BytesSource(parts[index])
                do throws(ReportError) {
                    set.reports.append(try ReportReader.read(kind, from: &source, path: path, options: options))
                } catch {
                    set.failed.append(FailedReport(path: path, kind: kind, error: error))
                }
            case .unknown(let reason), .ownOutput(let reason):
                set.ignored.append(IgnoredFile(path: path, reason: reason))
            case .undetermined(let reason):
                set.failed.append(FailedReport(path: path, kind: nil, error: .malformed(reason, at: nil)))
            case .unreadable(let error): set.failed.append(FailedReport(path: path, kind: nil, error: error))
            }
        }
        return set
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
            let level = index % 3 == 0 ? #", "level": "warn""# : ""
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
