#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The samples a history gate compares with: the matching lines' values, each run once, each within the range of
/// the metric.
///
/// Two rules keep a damaged history from passing a gate. A line written twice (the same time, labels and value:
/// a file appended to itself, a union merge, a record step run twice with the same `--at`) is one run, counted
/// once, so a single run cannot fill `min_samples` by being copied. A value that no run can have (a negative
/// count, cost or size; a rate outside [0, 1]) cannot be a reference: a hand-edited `{"value": -5}` would let
/// every later run pass a ratchet.
enum HistorySamples {
    /// The selected samples, or why the gate cannot be judged.
    enum Selection {
        /// The values with their sort keys, and how many repeated lines were counted once.
        case samples([(MetricValue, SampleOrder.Fraction?)], repeated: Int)
        /// A value outside the metric's range; the reason names it and the line's time.
        case outOfRange(String)
    }

    /// The samples of `metric` in the lines whose time is in (`start`, `now`] and whose labels include `labels`.
    static func select(
        _ lines: [HistoryLine], metric: Metric, start: Int64, now: Timestamp, labels: [String: String]
    ) -> Selection {
        let name = metric.name
        var selected: [(MetricValue, SampleOrder.Fraction?)] = []
        // Lines are appended in time order, so while each selected line is later than all before it no time can
        // repeat and nothing is looked up. At the first line that is not, an index of the selected lines' times is
        // built; a line's labels and value are hashed only when its time repeats. Linear time for any history.
        var latest = Int64.min
        var selectedLines: [Int] = []
        var firstAt: [Int64: Int]?
        var runs: Set<Run> = []
        var repeated = 0
        for (index, line) in lines.enumerated() {
            guard line.time.nanoseconds > start, line.time <= now,
                labels.allSatisfy({ line.labels[$0.key] == $0.value }), let value = line.metrics[name]
            else { continue }
            if let problem = outOfRange(value, metric) {
                return .outOfRange(
                    "the history line of \(line.time) gives \(name) \(problem); no run measures that, so the line "
                        + "was written by hand or by another tool. Fix or remove the line (write lines with gatecheck "
                        + "record)")
            }
            let time = line.time.nanoseconds
            if firstAt == nil, time > latest {
                latest = time
                selectedLines.append(index)
            } else {
                if firstAt == nil {
                    firstAt = Dictionary(selectedLines.map { (lines[$0].time.nanoseconds, $0) }) { first, _ in first }
                }
                if let first = firstAt?[time] {
                    if first >= 0 {
                        runs.insert(Run(lines[first], value: lines[first].metrics[name]))
                        firstAt?[time] = -1
                    }
                    guard runs.insert(Run(line, value: value)).inserted else {
                        repeated += 1
                        continue
                    }
                } else {
                    firstAt?[time] = index
                }
            }
            selected.append((value, line.sortKey(name, value)))
        }
        return .samples(selected, repeated: repeated)
    }

    // MARK: - Private

    /// One run as a line identifies it: its time, its labels and the gate's metric's exact value.
    private struct Run: Hashable {
        var time: Timestamp
        var labels: [String: String]
        var value: Decimal?

        init(_ line: HistoryLine, value: MetricValue?) {
            (time, labels, self.value) = (line.time, line.labels, value?.exact)
        }
    }

    /// Why a value cannot be a sample of `metric`, or `nil` when it can.
    ///
    /// Signs are read without `Decimal` arithmetic where possible: this runs once per sample.
    private static func outOfRange(_ value: MetricValue, _ metric: Metric) -> String? {
        switch value {
        case .ratio(let numerator, let denominator):
            return numerator > denominator ? "\(numerator)/\(denominator), more than the whole" : nil
        case .integer(let count):
            if count < 0 { return "\(count), a negative value" }
            return metric.isRate && count > 1 ? "\(count), outside [0, 1]" : nil
        case .decimal(let number):
            if number.sign == .minus, !number.isZero { return "\(number), a negative value" }
            return metric.isRate && number > 1 ? "\(number), outside [0, 1]" : nil
        case .notMeasured:
            return nil
        }
    }
}
