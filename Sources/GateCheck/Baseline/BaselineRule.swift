/// A gate's `baseline` member: how far its metric may move from the baseline's value, and what happens when there
/// is no usable baseline.
///
/// Tolerances are absolute in the metric's own unit (`max_drop`, `max_increase`) or relative (`max_increase_ratio`,
/// 0.5 = +50 %); `unless_at_least` passes a value at or above it whatever the drop. A gate on a change metric
/// (`findings.new`, ...) takes only `on_missing`: its value is already the change.
@_spi(Internals) public struct BaselineRule: Sendable, Hashable {
    /// What a gate does when the baseline is missing, unreadable or stale.
    public enum OnMissing: String, Sendable, Hashable, CaseIterable {
        /// The gate cannot be judged: exit 2 (the default).
        case error
        /// The gate warns (never blocks) and the verdict says why it was not compared.
        case warn
        /// The gate is skipped and the verdict says why it was not compared.
        case skip
    }

    /// The most the value may fall below the baseline's.
    public var maxDrop: Threshold?
    /// The most the value may rise above the baseline's.
    public var maxIncrease: Threshold?
    /// The most the value may rise, as a fraction of the baseline's value.
    public var maxIncreaseRatio: Threshold?
    /// A value at or above this passes whatever the change.
    public var unlessAtLeast: Threshold?
    /// What happens without a usable baseline.
    public var onMissing: OnMissing
    /// `accuracy.regressed_samples`: the accuracy metric whose samples are compared (`retrieval`).
    public var sampleMetric: String?
    /// `accuracy.regressed_samples`: a sample passes when its score is at least this.
    public var sampleMin: Threshold?

    /// Creates a rule.
    public init(
        maxDrop: Threshold? = nil, maxIncrease: Threshold? = nil, maxIncreaseRatio: Threshold? = nil,
        unlessAtLeast: Threshold? = nil, onMissing: OnMissing = .error
    ) {
        self.maxDrop = maxDrop
        self.maxIncrease = maxIncrease
        self.maxIncreaseRatio = maxIncreaseRatio
        self.unlessAtLeast = unlessAtLeast
        self.onMissing = onMissing
    }

    /// Whether any tolerance is given (a change metric's rule has none).
    public var hasTolerance: Bool { maxDrop != nil || maxIncrease != nil || maxIncreaseRatio != nil }

    /// The tolerances as the verdict shows them: `max_drop 0.001, unless_at_least 0.95`.
    public var toleranceText: String {
        var parts: [String] = []
        if let maxDrop { parts.append("max_drop \(maxDrop)") }
        if let maxIncrease { parts.append("max_increase \(maxIncrease)") }
        if let maxIncreaseRatio { parts.append("max_increase_ratio \(maxIncreaseRatio)") }
        if let unlessAtLeast { parts.append("unless_at_least \(unlessAtLeast)") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}

/// The hash that tells whether a gate still measures what it measured when a baseline was written.
enum GateDefinition {
    /// FNV-1a 64 (16 hex digits) over what decides the gate's value: metric, kinds and finding selection.
    ///
    /// Not the bound, level or tolerance: tightening a bound does not make the baseline's value wrong, while
    /// measuring another metric, other report kinds or other findings does.
    static func hash(_ gate: GateSpec) -> String {
        let selector = gate.selector
        let kinds: String = gate.kinds?.map(\.rawValue).sorted().joined(separator: ",") ?? "*"
        let tools: String = selector.tools?.map { $0.lowercased() }.sorted().joined(separator: ",") ?? "*"
        var parts: [String] = ["metric=" + gate.metric.name, "kinds=" + kinds]
        parts.append("min_severity=" + (selector.minSeverity?.rawValue ?? "*"))
        parts.append("min_confidence=" + (selector.minConfidence?.rawValue ?? "*"))
        parts.append("fixable_only=" + (selector.fixableOnly ? "true" : "false"))
        parts.append("tools=" + tools)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
