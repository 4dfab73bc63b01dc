@_spi(Internals) import GateCheck

/// How `validate-config` shows a gate with a `history` member.
enum HistoryDescription {
    /// `llm.cost_usd vs the median of 3+ runs in 7d (provider=anthropic): max_increase_ratio 0.5`, and the gate's own
    /// bound when it has one.
    static func text(_ gate: GateSpec, _ history: HistorySpec) -> String {
        var tolerances: [String] = []
        if let ratio = history.maxIncreaseRatio { tolerances.append("max_increase_ratio \(ratio)") }
        if let increase = history.maxIncrease { tolerances.append("max_increase \(increase)") }
        if let drop = history.maxDrop { tolerances.append("max_drop \(drop)") }
        if let band = history.band { tolerances.append("band \(band.rawValue)") }
        let labels = history.labels.keys.sorted().map { "\($0)=\(history.labels[$0] ?? "")" }.joined(separator: ", ")
        var text =
            "\(gate.metric.name) vs the \(history.statistic.rawValue) of \(history.minSamples)+ runs in "
            + "\(history.window)\(labels.isEmpty ? "" : " (\(labels))"): \(tolerances.joined(separator: ", "))"
        if history.hasOwnBound { text += "; \(gate.bound.symbol) \(gate.bound.threshold)" }
        return text
    }
}
