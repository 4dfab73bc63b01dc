#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `accuracy.regressed_samples`: samples of one accuracy metric that passed in the baseline and fail now.
extension ChangeMetrics {
    /// How many sample ids a note names before "…".
    static let idLimit = 5

    /// Counts the samples, matched by id, that met the gate's `sample_min` in the baseline and do not now.
    ///
    /// Not now: below it, unscored, or gone from this run. Samples only one side has are named in the shown value.
    static func regressedSamples(_ gate: GateSpec, sources: [LoadedReport], baseline: Baseline) -> Measurement {
        guard let name = gate.baseline?.sampleMetric, let bound = gate.baseline?.sampleMin else {
            return .notMeasured("accuracy.regressed_samples needs \"sample_metric\" and \"sample_min\" in \"baseline\"")
        }
        let head: [String: Decimal?]
        switch headScores(of: name, in: sources) {
        case .success(let scores): head = scores
        case .failure(let problem): return .notMeasured(problem.reason)
        }
        guard let base = baseline.accuracy?[name] else {
            return .notMeasured("the baseline holds no per-sample scores of accuracy.\(name)")
        }
        var regressed: [(id: String, line: String)] = []
        var gone: [String] = []
        for (id, text) in base {
            let before = text.flatMap { Decimal(string: $0) }
            let passed = before.map { $0 >= bound.value } ?? false
            let now = head[id]
            if now == nil { gone.append(id) }
            guard passed else { continue }
            let was = text ?? "unscored"
            switch now {
            case .none: regressed.append((id, "\(id): \(was) in the baseline, missing from this run"))
            case .some(.none): regressed.append((id, "\(id): \(was) in the baseline, unscored now"))
            case .some(.some(let score)) where score < bound.value:
                regressed.append((id, "\(id): \(was) in the baseline, \(score) now (sample_min \(bound))"))
            default: break
            }
        }
        let added = head.keys.filter { base[$0] == nil }.sorted()
        regressed.sort { $0.id < $1.id }
        var measurement = Measurement(value: .integer(regressed.count))
        var notes: [String] = []
        if !added.isEmpty { notes.append("\(added.count) not in the baseline: \(listed(added))") }
        if !gone.isEmpty { notes.append("\(gone.count) missing from this run: \(listed(gone.sorted()))") }
        if !notes.isEmpty { measurement.shownValue = "\(regressed.count) (\(notes.joined(separator: "; ")))" }
        measurement.details = regressed.prefix(detailLimit).map(\.line)
        if regressed.count > detailLimit { measurement.details.append("… and \(regressed.count - detailLimit) more") }
        return measurement
    }

    /// Why the head side cannot be compared.
    struct SampleProblem: Error {
        var reason: String
    }

    /// This run's per-sample scores of `name`, merged over its accuracy reports (a repeated id keeps its lowest).
    ///
    /// A report that gives the metric without listing its samples makes the whole unusable: its samples could be
    /// the regressed ones.
    private static func headScores(of name: String, in sources: [LoadedReport]) -> Result<
        [String: Decimal?], SampleProblem
    > {
        var merged: [String: Decimal?] = [:]
        var found = false
        for report in sources {
            guard case .accuracy(let content) = report.content, let metric = content.metrics[name] else { continue }
            found = true
            // A metric the report itself cannot judge (a sample list that is not the whole evaluation, a score out
            // of range, two tool metrics mapped to one name) has no trustworthy samples either.
            if let problem = metric.problem {
                return .failure(
                    SampleProblem(reason: "accuracy.\(name) of \(report.path) cannot be judged: \(problem)"))
            }
            guard let scores = metric.sampleScores else {
                return .failure(
                    SampleProblem(
                        reason: "\(report.path) gives accuracy.\(name) without per-sample scores, so no sample can "
                            + "be compared; write the evaluation's samples (gatecheck.accuracy/v1 \"samples\", or a "
                            + "DeepEval test run with its test cases)"))
            }
            for (id, score) in scores {
                if let known = merged[id], (known ?? -1) <= (score ?? -1) { continue }
                merged[id] = score
            }
        }
        guard found else { return .failure(SampleProblem(reason: "no accuracy report gives accuracy.\(name)")) }
        return .success(merged)
    }

    /// The first ``idLimit`` ids, then how many more.
    private static func listed(_ ids: [String]) -> String {
        ids.prefix(idLimit).joined(separator: ", ") + (ids.count > idLimit ? ", … (\(ids.count - idLimit) more)" : "")
    }
}
