/// gatecheck's one severity scale, `critical > high > medium > low > unknown`, onto which every source maps
/// (docs/severity-mapping.md).
@_spi(Internals) public enum Severity: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    /// The most severe: a score of 9.0 or more, or a tool's `CRITICAL`.
    case critical
    /// A score from 7.0 to 8.9, or a tool's `HIGH`.
    case high
    /// A score from 4.0 to 6.9, or a tool's `MEDIUM`.
    case medium
    /// A score above 0 and below 4.0, or a tool's `LOW`.
    case low
    /// The source gives no severity (pip-audit, Safety without CVSS data): never silently treated as low.
    case unknown

    /// Higher is more severe.
    public var rank: Int {
        switch self {
        case .critical: 4
        case .high: 3
        case .medium: 2
        case .low: 1
        case .unknown: 0
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// Whether a number can be a CVSS-style score: 0 to 10.
    ///
    /// Parsers refuse a report with any other score rather than let it fall to a lower severity rule (a score of 1e30
    /// or NaN is damage, not "no severity").
    public static func isScore(_ score: Double) -> Bool {
        score >= 0 && score <= 10
    }

    /// The band of a CVSS-style score as GitHub code scanning reads `security-severity`: ≥ 9.0 critical,
    /// ≥ 7.0 high, ≥ 4.0 medium, > 0 low; 0 or out of range gives `nil`.
    public static func fromScore(_ score: Double) -> Severity? {
        guard score.isFinite, score > 0, score <= 10 else { return nil }
        if score >= 9 { return .critical }
        if score >= 7 { return .high }
        if score >= 4 { return .medium }
        return .low
    }
}

/// How sure a tool is of a finding (Bandit's `issue_confidence`); most tools have none.
@_spi(Internals) public enum Confidence: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    /// The tool is confident (Bandit's `HIGH`).
    case high
    /// Bandit's `MEDIUM`.
    case medium
    /// Bandit's `LOW`: the most likely to be a false positive.
    case low
    /// The tool states no confidence.
    case undefined

    /// Higher is more confident.
    public var rank: Int {
        switch self {
        case .high: 3
        case .medium: 2
        case .low: 1
        case .undefined: 0
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
