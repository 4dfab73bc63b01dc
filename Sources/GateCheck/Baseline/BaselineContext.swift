#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The baseline a run is compared with, as the engine sees it: none given, one read, or one that cannot be used.
@_spi(Internals) public enum BaselineContext: Sendable, Hashable {
    /// No baseline was given.
    case none
    /// A baseline, and what messages call it (its file).
    case loaded(Baseline, name: String)
    /// A baseline that cannot be used: missing, unreadable, another schema, truncated, or stale for the whole run.
    case unusable(name: String, code: String, reason: String)

    /// What messages call the baseline.
    var name: String? {
        switch self {
        case .none: nil
        case .loaded(_, let name), .unusable(let name, _, _): name
        }
    }
}

/// A gate's comparison with the baseline, as every output shows it.
@_spi(Internals) public struct BaselineComparison: Sendable, Hashable {
    /// The baseline's value (`nil` for a change metric, whose value is already the change, or when not compared).
    public var base: MetricValue?
    /// This run's value.
    public var head: MetricValue?
    /// head − base, signed and exact where it can be (`-0.0002`, `≈-0.000211`).
    public var delta: String?
    /// The tolerances the gate allows (`max_drop 0.001`), or the bound of a change metric.
    public var tolerance: String
    /// The baseline's name (its file), when one was given.
    public var baselineName: String?
    /// Why the gate was not compared with the baseline (missing, stale, ...), when it was not.
    public var notCompared: String?
    /// `on_missing` of the gate: what not comparing made of it.
    public var onMissing: BaselineRule.OnMissing
    /// Whether the gate also has an absolute bound (`min`/`max`); a ratchet may have none.
    public var gateHasBound = true

    /// SARIF's `baselineState` for the gate's result: `unchanged` when the value did not move, `updated` when it
    /// did, `new` for a change metric that counts something new; `nil` when not compared.
    public var sarifState: String? {
        guard notCompared == nil else { return nil }
        if base == nil { return head.flatMap(\.exact).map { $0 == 0 ? "unchanged" : "new" } }
        guard let delta else { return nil }
        return delta == "0" ? "unchanged" : "updated"
    }

    /// The comparison in one clause: `baseline ≈0.8 (4000/5000), head ≈0.7998 (3999/5000), delta -0.0002,
    /// tolerance max_drop 0.001`.
    public var summary: String {
        if let notCompared { return "not compared with a baseline: \(notCompared)" }
        var parts: [String] = []
        if let base { parts.append("baseline \(base)") }
        if let head { parts.append("head \(head)") }
        if let delta { parts.append("delta \(delta)") }
        parts.append("tolerance \(tolerance)")
        return parts.joined(separator: ", ")
    }
}
