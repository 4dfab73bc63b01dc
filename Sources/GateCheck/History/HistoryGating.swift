#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Judges a gate's `history` member: the run's value against the median (and band) of the matching samples.
///
/// Never a pass without a comparison: too few samples or no history file is `skipped` with a warning or `error`
/// (``HistorySpec/onMissing``), a damaged history is always `error`.
enum HistoryGating {
    /// The gate's result; `template` carries the gate's id, sources and own bound.
    static func judge(
        _ gate: GateSpec, _ spec: HistorySpec, measurement: Measurement, history: HistoryContext?, template: GateResult
    ) -> GateResult {
        var result = template
        let blocks = gate.level == .error
        func cannotJudge(_ reason: String, blocking: Bool = blocks) -> GateResult {
            result.status = .error
            result.message = "cannot judge: \(reason)"
            result.blocksAsError = blocking
            return result
        }
        guard let head = measurement.value.exact else {
            result.actual = .notMeasured
            return cannotJudge(measurement.notMeasuredReason ?? "the value was not measured")
        }
        result.actual = measurement.value
        var comparison = HistoryComparison(
            file: history?.file ?? "", statistic: spec.statistic.rawValue, window: spec.window.written,
            from: history.map { "\(Timestamp(nanoseconds: $0.now.nanoseconds - spec.window.nanoseconds))" } ?? "",
            to: history.map { "\($0.now)" } ?? "", labels: spec.labels, samples: 0, minSamples: spec.minSamples,
            head: head, tolerance: toleranceText(spec))

        let lines: [HistoryLine]
        switch history?.content {
        case nil:
            return missing("no history was given (--history FILE)", gate, spec, comparison, &result)
        case .missing(let reason)?:
            return missing(reason, gate, spec, comparison, &result)
        case .damaged(let error)?:
            result.history = comparison
            return cannotJudge("the history is damaged: \(error)", blocking: true)
        case .lines(let all)?:
            lines = all
        }
        guard let history else { return cannotJudge("no history") }
        let start = history.now.nanoseconds - spec.window.nanoseconds
        let keyed: [(MetricValue, SampleOrder.Fraction?)]
        let repeated: Int
        switch HistorySamples.select(
            lines, metric: gate.metric, start: start, now: history.now, labels: spec.labels)
        {
        case .outOfRange(let reason):
            result.history = comparison
            return cannotJudge("the history \(history.file) is damaged: \(reason)", blocking: true)
        case .samples(let selected, let count):
            (keyed, repeated) = (selected, count)
        }
        let samples = SampleOrder.sorted(keyed: keyed)
        comparison.samples = samples.count
        guard samples.count >= spec.minSamples, let reference = HistoryStatistics.median(samples) else {
            let reason =
                "\(samples.count) matching sample(s) of \(gate.metric.name) in the last \(spec.window) to \(history.now), "
                + "fewer than min_samples \(spec.minSamples)"
                + (repeated > 0 ? " (\(repeated) line(s) repeating another's time, labels and value counted once)" : "")
            return insufficient(reason, gate, spec, comparison, &result)
        }
        comparison.reference = reference
        comparison.delta = head - reference
        if reference != 0 { comparison.deltaRatio = (head - reference) / reference }

        var upper: [Decimal] = []
        if let ratio = spec.maxIncreaseRatio {
            guard reference != 0 else {
                result.history = comparison
                return cannotJudge(
                    "the \(spec.statistic) of the history is 0, so an increase ratio is undefined; use max_increase "
                        + "(in the metric's unit) for this metric")
            }
            upper.append(reference * (1 + ratio))
        }
        if let increase = spec.maxIncrease { upper.append(reference + increase) }
        if spec.band == .iqr, let fence = HistoryStatistics.upperFence(samples) {
            comparison.q1 = fence.q1
            comparison.q3 = fence.q3
            upper.append(fence.fence)
        }
        comparison.upperLimit = upper.min()
        comparison.lowerLimit = spec.maxDrop.map { reference - $0 }
        result.history = comparison

        let value = measurement.value
        let overUpper = comparison.upperLimit.map { value.compare(to: $0) == .orderedDescending } ?? false
        let underLower = comparison.lowerLimit.map { value.compare(to: $0) == .orderedAscending } ?? false
        let ownHolds = spec.hasOwnBound ? (gate.bound.isSatisfied(by: value) ?? false) : true
        let holds = !overUpper && !underLower && ownHolds
        result.status = holds ? .pass : (gate.level == .error ? .fail : .warn)
        if !spec.hasOwnBound || ownHolds {
            if let lower = comparison.lowerLimit, underLower || comparison.upperLimit == nil {
                result.bound = .min(Threshold(lower))
            } else if let upperLimit = comparison.upperLimit {
                result.bound = .max(Threshold(upperLimit))
            }
        }
        let shown = measurement.shownValue ?? value.display(against: result.bound.threshold.value)
        let change = comparison.deltaRatio.map { " (\(HistoryComparison.signed($0 * 100)) %)" } ?? ""
        var message =
            "\(gate.metric.name) is \(shown), \(HistoryComparison.signed(head - reference))\(change) against the "
            + "\(spec.statistic) \(HistoryComparison.shown(reference)) of \(samples.count) run(s) in the last \(spec.window)"
        if overUpper, let limit = comparison.upperLimit {
            message += ", above the limit \(HistoryComparison.shown(limit)) (\(comparison.tolerance))"
        } else if underLower, let limit = comparison.lowerLimit {
            message += ", below the limit \(HistoryComparison.shown(limit)) (\(comparison.tolerance))"
        } else {
            message += ", within \(comparison.tolerance)"
        }
        if spec.hasOwnBound {
            message +=
                ownHolds
                ? "; meets \(gate.bound.symbol) \(gate.bound.threshold)"
                : "; does not meet \(gate.bound.symbol) \(gate.bound.threshold)"
        }
        if repeated > 0 {
            message += " (\(repeated) line(s) repeating another's time, labels and value counted once)"
        }
        result.message = message
        result.details = ["history: " + comparison.summary] + (holds ? [] : measurement.details)
        return result
    }

    // MARK: - Private

    /// No history file: an error unless the gate says `on_missing: "skip"`.
    private static func missing(
        _ reason: String, _ gate: GateSpec, _ spec: HistorySpec, _ comparison: HistoryComparison,
        _ result: inout GateResult
    ) -> GateResult {
        if spec.onMissing == .skip { return skipped(reason, gate, comparison, &result) }
        result.history = comparison
        result.status = .error
        result.message =
            "cannot judge: \(reason); give the history file, or write \"on_missing\": \"skip\" in the gate's history "
            + "to skip it (with a warning) while there is none"
        result.blocksAsError = true
        return result
    }

    /// Too few samples: skipped with a warning unless the gate says `on_missing: "error"`.
    private static func insufficient(
        _ reason: String, _ gate: GateSpec, _ spec: HistorySpec, _ comparison: HistoryComparison,
        _ result: inout GateResult
    ) -> GateResult {
        guard spec.onMissing == .error else { return skipped(reason, gate, comparison, &result) }
        result.history = comparison
        result.status = .error
        result.message = "cannot judge: \(reason) (on_missing is \"error\")"
        result.details = ["history: " + comparison.summary]
        result.blocksAsError = true
        return result
    }

    private static func skipped(
        _ reason: String, _ gate: GateSpec, _ comparison: HistoryComparison, _ result: inout GateResult
    ) -> GateResult {
        var comparison = comparison
        comparison.warning = Diagnostic(
            .warning, code: "history.not-compared",
            message: "gate \(gate.id) was skipped, not passed: \(reason); it compares once the history has enough "
                + "runs (gatecheck record --history FILE appends one per run)",
            file: comparison.file.isEmpty ? nil : comparison.file)
        result.history = comparison
        result.status = .skipped
        result.message = "skipped: \(reason)"
        result.details = ["history: " + comparison.summary]
        return result
    }

    /// The tolerances as written: `max_increase_ratio 0.5, band iqr`.
    private static func toleranceText(_ spec: HistorySpec) -> String {
        var parts: [String] = []
        if let ratio = spec.maxIncreaseRatio { parts.append("max_increase_ratio \(ratio)") }
        if let increase = spec.maxIncrease { parts.append("max_increase \(increase)") }
        if let drop = spec.maxDrop { parts.append("max_drop \(drop)") }
        if let band = spec.band { parts.append("band \(band.rawValue)") }
        return parts.joined(separator: ", ")
    }
}

extension HistoryGating {
    /// The verdict's diagnostics from history: a damaged file (an error, whether or not a gate reads it) and each
    /// gate skipped for lack of history (a warning).
    static func diagnostics(_ gates: [GateResult], history: HistoryContext?) -> [Diagnostic] {
        (history?.diagnostic.map { [$0] } ?? []) + gates.compactMap { $0.history?.warning }
    }
}
