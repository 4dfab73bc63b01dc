#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Judges a gate that uses a baseline: a `baseline` member (a ratchet) or a change metric.
///
/// Fail-closed: a missing, unusable or stale baseline makes the gate `error` (exit 2) unless the gate says
/// `on_missing: "warn" | "skip"`, and then the verdict says why it was not compared. Comparisons are exact: both
/// values are fractions of exact decimals, compared by cross-multiplying, never rounded first.
struct BaselineJudge {
    /// Makes the gate's result: status, message, value, whether it blocks as an error.
    typealias MakeResult = (GateResult.Status, String, MetricValue?, Bool) -> GateResult

    let gate: GateSpec
    let context: BaselineContext

    /// The gate's result; `measure` measures the gate against a baseline (`nil`: this run alone).
    func judge(measure: (Baseline?) -> Measurement, result: MakeResult) -> GateResult {
        let rule = gate.baseline ?? BaselineRule()
        if gate.metric.isChange {
            if let problem = problem() { return notCompared(problem, head: nil, rule: rule, result: result) }
            guard case .loaded(let baseline, let name) = context else { return result(.error, "", nil, true) }
            let measurement = measure(baseline)
            guard let holds = gate.bound.isSatisfied(by: measurement.value) else {
                let reason = measurement.notMeasuredReason ?? "the value was not measured"
                return result(.error, "cannot judge: \(reason)", .notMeasured, gate.level == .error)
            }
            let comparison = BaselineComparison(
                base: nil, head: measurement.value, delta: nil,
                tolerance: "\(gate.bound.symbol) \(gate.bound.threshold)",
                baselineName: name, notCompared: nil, onMissing: rule.onMissing)
            let verb = holds ? "meets" : "does not meet"
            var outcome = result(
                status(holds),
                "\(gate.metric.name) is \(measurement.shownValue ?? "\(measurement.value)") against the baseline \(name), which \(verb) "
                    + "\(gate.bound.symbol) \(gate.bound.threshold)", measurement.value, false)
            outcome.details = holds ? [] : measurement.details
            outcome.baselineComparison = comparison
            return outcome
        }
        let measurement = measure(nil)
        let head = measurement.value
        guard head != .notMeasured else {
            let reason = measurement.notMeasuredReason ?? "the value was not measured"
            return result(.error, "cannot judge: \(reason)", .notMeasured, gate.level == .error)
        }
        if let problem = problem() { return notCompared(problem, head: measurement, rule: rule, result: result) }
        guard case .loaded(let baseline, let name) = context, let base = baseline.gates[gate.id]?.value?.metricValue
        else { return result(.error, "cannot judge: no baseline value", head, true) }
        return compare(head: measurement, base: base, name: name, rule: rule, result: result)
    }

    // MARK: - Private

    /// Why this gate cannot use the context's baseline, with the diagnostic code; `nil` when it can.
    private func problem() -> (code: String, reason: String)? {
        switch context {
        case .none:
            return (
                "baseline.missing",
                "no baseline was given; pass --baseline PATH (a baseline written with --output baseline=PATH on the "
                    + "base commit)"
            )
        case .unusable(_, let code, let reason): return (code, reason)
        case .loaded(let baseline, let name):
            switch gate.metric {
            case .change(.findingsNew):
                return baseline.findings == nil
                    ? (
                        "baseline.stale",
                        "the baseline \(name) holds no finding fingerprints (its run had no security "
                            + "report); write it from a run with the same reports"
                    ) : nil
            case .change(.findingsNewIntroduced), .change(.findingsNewDisclosed):
                if baseline.findings == nil || baseline.packageList == nil {
                    return (
                        "baseline.stale",
                        "the baseline \(name) holds no "
                            + (baseline.findings == nil
                                ? "finding fingerprints (its run had no security report)"
                                : "package list (it was written by a gatecheck older than findings.new_disclosed)")
                            + "; write it from a run with the same reports"
                    )
                }
                return nil
            case .change(.accuracyRegressedSamples):
                if let sample = gate.baseline?.sampleMetric, baseline.accuracy?[sample] == nil {
                    return (
                        "baseline.stale",
                        "the baseline \(name) holds no per-sample scores of accuracy.\(sample) (its run's accuracy "
                            + "reports listed no samples of it); write it from a run whose evaluation lists its samples"
                    )
                }
                return nil
            case .change(.testsNewlyFailing), .change(.testsRemoved):
                return baseline.tests == nil
                    ? (
                        "baseline.stale",
                        "the baseline \(name) holds no test outcomes (its run had no JUnit report); "
                            + "write it from a run with the same reports"
                    ) : nil
            default: break
            }
            guard let entry = baseline.gates[gate.id] else {
                return (
                    "baseline.stale",
                    "the baseline \(name) has no gate \"\(gate.id)\" (the gate is newer than the baseline); write a new "
                        + "baseline on the base commit, or give the gate \"on_missing\": \"warn\" until one exists"
                )
            }
            if entry.definition != GateDefinition.hash(gate) {
                return (
                    "baseline.stale",
                    "gate \"\(gate.id)\" measures something else than when the baseline \(name) was written (its "
                        + "metric, kinds or finding selection changed: definition \(GateDefinition.hash(gate)), "
                        + "baseline's \(entry.definition)); write a new baseline on the base commit"
                )
            }
            if entry.value == nil {
                return (
                    "baseline.stale",
                    "the baseline \(name) has no value for gate \"\(gate.id)\": its run could not measure it"
                )
            }
            return nil
        }
    }

    /// A gate that could not be compared: an error (exit 2) by default, else a visible warning or skip.
    private func notCompared(
        _ problem: (code: String, reason: String), head: Measurement?, rule: BaselineRule, result: MakeResult
    ) -> GateResult {
        let comparison = BaselineComparison(
            base: nil, head: head?.value, delta: nil, tolerance: rule.toleranceText, baselineName: context.name,
            notCompared: problem.reason, onMissing: rule.onMissing)
        var outcome: GateResult
        switch rule.onMissing {
        case .error:
            outcome = result(.error, "cannot judge: \(problem.reason)", head?.value, true)
        case .warn, .skip:
            let note = "not compared with a baseline (on_missing \"\(rule.onMissing.rawValue)\"): \(problem.reason)"
            if gate.hasBound, let head, let holds = gate.bound.isSatisfied(by: head.value) {
                // The absolute bound still holds or fails on its own: opting out of the comparison never hides it.
                let verb = holds ? "meets" : "does not meet"
                outcome = result(
                    status(holds),
                    "\(gate.metric.name) is \(head.value), which \(verb) \(gate.bound.symbol) "
                        + "\(gate.bound.threshold); \(note)", head.value, false)
                if !holds { outcome.details = head.details }
            } else {
                outcome = result(rule.onMissing == .warn ? .warn : .skipped, note, head?.value, false)
            }
        }
        outcome.baselineComparison = comparison
        outcome.baselineComparison?.gateHasBound = gate.hasBound
        return outcome
    }

    /// Compares a measured value with the baseline's under the rule's tolerances (and the bound, when written).
    private func compare(
        head measurement: Measurement, base: MetricValue, name: String, rule: BaselineRule, result: MakeResult
    ) -> GateResult {
        let head = measurement.value
        guard let h = Fraction(head), let b = Fraction(base) else {
            return result(.error, "cannot judge: the value was not measured", head, gate.level == .error)
        }
        // head − base = (h.n·b.d − b.n·h.d) / (h.d·b.d), denominators positive.
        let difference = h.numerator * b.denominator - b.numerator * h.denominator
        let scale = h.denominator * b.denominator
        var broken: [String] = []
        if let maxDrop = rule.maxDrop, -difference > maxDrop.value * scale { broken.append("max_drop \(maxDrop)") }
        if let maxIncrease = rule.maxIncrease, difference > maxIncrease.value * scale {
            broken.append("max_increase \(maxIncrease)")
        }
        if let ratio = rule.maxIncreaseRatio {
            if b.numerator == 0, h.numerator != 0 {
                return result(
                    .error,
                    "cannot judge: \(gate.metric.name) was 0 in the baseline \(name), so an increase to \(head) "
                        + "has no ratio; bound it with max_increase instead", head, gate.level == .error)
            }
            if h.numerator * b.denominator > (1 + ratio.value) * b.numerator * h.denominator {
                broken.append("max_increase_ratio \(ratio)")
            }
        }
        var exempt = false
        if let floor = rule.unlessAtLeast, h.numerator >= floor.value * h.denominator, !broken.isEmpty {
            exempt = true
            broken = []
        }
        let boundHolds = gate.hasBound ? (gate.bound.isSatisfied(by: head) ?? false) : true
        let holds = broken.isEmpty && boundHolds
        let delta = Self.deltaText(difference, scale)
        var message = "\(gate.metric.name) is \(head) against \(base) in the baseline \(name) (delta \(delta)), "
        if exempt {
            message += "at or above unless_at_least \(rule.unlessAtLeast.map(String.init(describing:)) ?? "")"
        } else if broken.isEmpty {
            message += "within \(rule.toleranceText)"
        } else {
            message += "which breaks \(broken.joined(separator: ", "))"
        }
        if gate.hasBound {
            message += "; and \(boundHolds ? "meets" : "does not meet") \(gate.bound.symbol) \(gate.bound.threshold)"
        }
        var outcome = result(status(holds), message, head, false)
        if !holds { outcome.details = measurement.details + (measurement.explainFailure?() ?? []) }
        outcome.baselineComparison = BaselineComparison(
            base: base, head: head, delta: delta, tolerance: rule.toleranceText, baselineName: name, notCompared: nil,
            onMissing: rule.onMissing)
        outcome.baselineComparison?.gateHasBound = gate.hasBound
        return outcome
    }

    private func status(_ holds: Bool) -> GateResult.Status {
        holds ? .pass : (gate.level == .error ? .fail : .warn)
    }

    /// `difference / scale` with its sign: exact when it is a short decimal, else rounded to 6 decimals and marked
    /// `≈`.
    static func deltaText(_ difference: Decimal, _ scale: Decimal) -> String {
        let sign = difference > 0 ? "+" : ""
        let quotient = difference / scale
        if quotient * scale == difference, quotient.description.count <= 12 { return sign + quotient.description }
        let rounded = ((Double(quotient.description) ?? 0) * 1e6).rounded() / 1e6
        return "≈" + sign + MetricValue.format(rounded)
    }
}

/// A metric value as an exact fraction of decimals with a positive denominator.
struct Fraction {
    var numerator: Decimal
    var denominator: Decimal

    init?(_ value: MetricValue) {
        switch value {
        case .integer(let count): (numerator, denominator) = (Decimal(count), 1)
        case .ratio(let n, let d): (numerator, denominator) = (Decimal(n), Decimal(d))
        case .decimal(let number): (numerator, denominator) = (number, 1)
        case .notMeasured: return nil
        }
    }
}
