#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads gatecheck's accuracy report, `gatecheck.accuracy/v1` (`schemas/accuracy.schema.json`,
/// `docs/accuracy-report.md`).
///
/// ```json
/// {"schema": "gatecheck.accuracy/v1", "dataset": {"name": "support-qa", "size": 2},
///  "generated_at": "2026-11-26T10:00:00Z",
///  "metrics": {"retrieval": {"value": 0.5, "samples": 2, "unscored": 0}},
///  "samples": [{"id": "q-1", "scores": {"retrieval": 1}}, {"id": "q-2", "scores": {"retrieval": 0}}]}
/// ```
///
/// A metric whose value is NaN, null, missing or outside [0, 1] is kept but cannot be judged (a warning says why);
/// a structural problem (a wrong type, a missing required key) makes the whole report unusable. When `samples`
/// carries scores for a metric, its value is recomputed from them (the mean of the scored samples) and the stated
/// value is checked against it: a disagreement is judged by the worse of the two, a sample count that disagrees makes
/// the metric unjudgeable (docs/accuracy-report.md, "Figures that contradict each other").
enum AccuracyReportParser {
    static let schemaID = "gatecheck.accuracy/v1"
    static let rootKeys = ["$schema", "schema", "dataset", "generated_at", "metrics", "samples"]
    static let datasetKeys = ["name", "size"]
    static let metricKeys = ["value", "samples", "unscored"]

    /// Decodes the report from its root (pruned to what is read) and its streamed `samples`, if it has them.
    static func parse(_ root: JSONNode, samples: AccuracySamples?, mapping: AccuracyMapping) throws(ReportError)
        -> ParsedMetricReport
    {
        var decoder = JSONNodeDecoder(file: "", codePrefix: "accuracy")
        var found: (at: Int, problems: [Diagnostic]) = (0, [])
        let report = decode(root, samples: samples, mapping: mapping, &decoder, found: &found)
        var problems = decoder.problems
        problems.insert(contentsOf: found.problems, at: found.at)
        let diagnostics = try JSONNodeDecoder.reportDiagnostics(problems)
        guard let report else { throw .invalidValue("the accuracy report cannot be read", at: nil, keyPath: nil) }
        return ParsedMetricReport(content: .accuracy(report), diagnostics: diagnostics)
    }

    // MARK: - Private

    /// A metric as the `metrics` object states it.
    private struct Stated {
        var name: String
        var position: JSONPosition
        var value: Decimal?
        var decimals = 0
        var problem: String?
        var samples: Int
        var unscored: Int
    }

    /// Decodes the report; the problems found in `samples` are handed back with the place among the decoder's
    /// problems where they belong (where the tree decoder met them), so that their order is the document's.
    private static func decode(
        _ root: JSONNode, samples: AccuracySamples?, mapping: AccuracyMapping, _ decoder: inout JSONNodeDecoder,
        found: inout (at: Int, problems: [Diagnostic])
    ) -> AccuracyReport? {
        guard let fields = decoder.object(root, at: "", keys: rootKeys) else { return nil }
        decoder.requireSchema(schemaID, in: fields, root)
        var report = AccuracyReport(format: schemaID)
        if let node = decoder.required(fields, "dataset", in: "", root.position),
            let dataset = decoder.object(node, at: "dataset", keys: datasetKeys)
        {
            report.dataset = decoder.required(dataset, "name", in: "dataset", node.position).flatMap {
                decoder.string($0, at: "dataset.name")
            }
            report.datasetSize = decoder.required(dataset, "size", in: "dataset", node.position).flatMap {
                decoder.integer($0, at: "dataset.size")
            }
        }
        report.generatedAt = decoder.required(fields, "generated_at", in: "", root.position).flatMap {
            decoder.string($0, at: "generated_at")
        }
        var stated: [Stated] = []
        if let node = decoder.required(fields, "metrics", in: "", root.position) {
            stated = decodeMetrics(node, &decoder)
        }
        var tallies: [String: ScoreTally] = [:]
        if let node = fields["samples"] {
            if let samples, case .array = node.value {
                let known = Set(stated.map(\.name))
                found = (decoder.problems.count, samples.diagnostics(for: known))
                tallies = samples.tallies.filter { known.contains($0.key) }
                let unknown = samples.firstSeen.filter { !known.contains($0.key) }
                for (name, position) in unknown.sorted(by: { $0.key < $1.key }) {
                    decoder.warn(
                        "unknown-metric",
                        "samples give scores for \"\(name)\", which metrics does not list; they are ignored",
                        at: "samples", position)
                }
            } else {
                _ = decoder.array(node, at: "samples")
            }
        }
        // A non-empty list is every evaluated sample: a metric none of them scores is listed with 0 samples.
        let listed =
            (samples?.count ?? 0) > 0
            && fields["samples"].map { if case .array = $0.value { true } else { false } } == true
        let metrics = stated.map {
            combine(
                $0, tallies[$0.name] ?? (listed ? ScoreTally(keepsScores: samples?.keepsScores ?? false) : nil),
                datasetSize: report.datasetSize, &decoder)
        }
        report.metrics = mapping.apply(to: metrics)
        return report
    }

    private static func decodeMetrics(_ node: JSONNode, _ decoder: inout JSONNodeDecoder) -> [Stated] {
        guard case .object(let members) = node.value else {
            decoder.fail("type", "expected an object, found \(node.value.kind.rawValue)", at: "metrics", node.position)
            return []
        }
        if members.isEmpty {
            decoder.fail(
                "value", "metrics is empty: an accuracy report needs at least one metric", at: "metrics", node.position)
        }
        var stated: [Stated] = []
        for member in members {
            let path = "metrics.\(member.key)"
            guard Metric.isValidAccuracyName(member.key) else {
                let reserved = member.key == "regressed_samples"
                decoder.fail(
                    "value",
                    reserved
                        ? "\"regressed_samples\" is reserved: accuracy.regressed_samples is the change metric "
                            + "against a baseline (docs/baselines.md); rename the metric"
                        : "\"\(member.key)\" is not a usable metric name: use lowercase letters, digits, '_', '-' "
                            + "and '.' (it is gated as accuracy.<name>)", at: path, member.keyPosition)
                continue
            }
            guard stated.allSatisfy({ $0.name != member.key }) else {
                decoder.fail(
                    "duplicate-key", "the metric \"\(member.key)\" appears twice; keep one", at: path,
                    member.keyPosition)
                continue
            }
            guard let fields = decoder.object(member.node, at: path, keys: metricKeys) else { continue }
            let samples = decoder.required(fields, "samples", in: path, member.node.position).flatMap {
                decoder.integer($0, at: path + ".samples")
            }
            let unscored = decoder.required(fields, "unscored", in: path, member.node.position).flatMap {
                decoder.integer($0, at: path + ".unscored")
            }
            guard let samples, let unscored else { continue }
            if unscored > samples {
                decoder.fail(
                    "value", "unscored (\(unscored)) is larger than samples (\(samples))", at: path + ".unscored",
                    member.node.position)
                continue
            }
            var metric = Stated(name: member.key, position: member.node.position, samples: samples, unscored: unscored)
            readValue(fields["value"], into: &metric, at: path, &decoder)
            stated.append(metric)
        }
        return stated
    }

    /// Reads a stated value; NaN, null, a missing value or one outside [0, 1] leaves the metric unjudgeable, with a
    /// warning that says why.
    private static func readValue(
        _ node: JSONNode?, into metric: inout Stated, at path: String, _ decoder: inout JSONNodeDecoder
    ) {
        let name = "accuracy.\(metric.name)"
        guard let node else {
            metric.problem = "the report gives no value"
            decoder.warn(
                "missing-value", "\(name) has no \"value\", so it cannot be judged", at: path, metric.position)
            return
        }
        switch node.value {
        case .null:
            metric.problem = "the value is null"
            decoder.warn("null-value", "\(name) is null, so it cannot be judged", at: path + ".value", node.position)
        case .number(let number) where number.isNonFinite:
            metric.problem = "the value is \(number.text)"
            decoder.warn(
                "nan",
                "\(name) is \(number.text), so it cannot be judged. Python's json.dumps writes a bare "
                    + "\(number.text) (not valid JSON) for a mean over no valid scores or one that includes a NaN "
                    + "score; fix the evaluation, or write null", at: path + ".value", node.position)
        case .number(let number):
            guard let value = decoder.decimal(node, at: path + ".value") else { return }
            guard value >= 0, value <= 1 else {
                let hint = value > 1 && value <= 100 ? " (a percentage? write \(value / 100))" : ""
                metric.problem = "the value \(number.text) is outside [0, 1]\(hint)"
                decoder.warn(
                    "out-of-range", "\(name) is \(number.text), outside [0, 1]\(hint), so it cannot be judged",
                    at: path + ".value", node.position)
                return
            }
            metric.value = value
            metric.decimals = max(0, -value.exponent)
        default:
            decoder.fail(
                "type", "expected a number, found \(node.value.kind.rawValue)", at: path + ".value", node.position)
        }
    }

    /// The metric as gated: the stated value, or the mean of the sample scores when `samples` carries them.
    private static func combine(
        _ stated: Stated, _ tally: ScoreTally?, datasetSize: Int?, _ decoder: inout JSONNodeDecoder
    )
        -> AccuracyMetric
    {
        let name = "accuracy.\(stated.name)"
        let path = "metrics.\(stated.name)"
        var metric = AccuracyMetric(
            sourceName: stated.name, value: nil, problem: stated.problem, samples: stated.samples,
            unscored: stated.unscored, lowestSamples: tally?.lowest ?? [],
            highestSamples: tally?.highest ?? [], sampleScores: tally?.scores)
        func cannotJudge(_ problem: String) {
            metric.problem = problem
            decoder.warn("cannot-judge", "\(name) cannot be judged: \(problem)", at: path, stated.position)
        }
        if let tally, tally.entries > 0 || tally.entries != stated.samples {
            metric.samples = tally.entries
            metric.unscored = tally.unscored
            // A list that is not the whole evaluation (or a count that is wrong) leaves neither figure trustworthy:
            // the missing samples could be the failing ones.
            if tally.entries != stated.samples || tally.unscored != stated.unscored {
                let problem =
                    "it states \(stated.samples) samples (\(stated.unscored) unscored) but samples lists "
                    + "\(tally.entries) (\(tally.unscored) unscored); list every evaluated sample, or none"
                decoder.warn("count-mismatch", "\(name) cannot be judged: \(problem)", at: path, stated.position)
                if metric.problem == nil { metric.problem = problem }
                return metric
            }
            guard metric.problem == nil else { return metric }
            guard let mean = tally.mean.value else {
                cannotJudge(tally.mean.problem ?? "it has no score")
                return metric
            }
            if let value = stated.value, !agrees(mean, value, decimals: stated.decimals) {
                metric.statedValue = value
                decoder.warn(
                    "value-mismatch",
                    "\(name) states \(value) but the mean of its \(tally.scored) scored samples "
                        + "is \(DecimalText.rounded(mean, digits: 6)); each gate judges the worse of the two",
                    at: path + ".value", stated.position)
            }
            metric.value = mean
        } else {
            guard metric.problem == nil else { return metric }
            if stated.samples == 0 { cannotJudge("it was computed on no samples"); return metric }
            if stated.unscored == stated.samples {
                cannotJudge("none of its \(stated.samples) samples has a score")
                return metric
            }
            metric.value = stated.value
        }
        if metric.unscored > 0 {
            decoder.warn(
                "unscored",
                "\(metric.unscored) of the \(metric.samples) samples of \(name) have no score; its value is "
                    + "over the \(metric.samples - metric.unscored) scored", at: path, stated.position)
        }
        if let datasetSize, metric.samples > datasetSize {
            // More samples than the dataset holds: one of the two figures is wrong, and neither says which.
            metric.value = nil
            metric.statedValue = nil
            let problem = "it covers \(metric.samples) samples but the dataset has only \(datasetSize)"
            metric.problem = problem
            decoder.warn("dataset-size", "\(name) cannot be judged: \(problem)", at: path, stated.position)
        } else if let datasetSize, datasetSize != metric.samples {
            decoder.warn(
                "dataset-size", "\(name) covers \(metric.samples) samples but the dataset has \(datasetSize)", at: path,
                stated.position)
        }
        return metric
    }

    /// Whether a stated value is the mean as far as its written precision shows (a rounded value agrees with the
    /// mean it rounds).
    private static func agrees(_ mean: Decimal, _ stated: Decimal, decimals: Int) -> Bool {
        var halfUnit = Decimal(1)
        for _ in 0..<min(decimals, 30) { halfUnit /= 10 }
        halfUnit /= 2
        let difference = mean > stated ? mean - stated : stated - mean
        return difference <= halfUnit + Decimal(sign: .plus, exponent: -12, significand: 1)
    }
}

/// A parsed accuracy, image, cost or latency report and what the parser noticed (the path is filled in later).
struct ParsedMetricReport: Sendable {
    var content: ReportContent
    var diagnostics: [Diagnostic]
}
