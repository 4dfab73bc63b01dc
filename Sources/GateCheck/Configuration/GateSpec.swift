/// Whether a failing gate blocks the pipeline.
public enum GateLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// A failure makes the verdict `fail` (exit 1).
    case error
    /// A failure is shown as `warn` and does not change the exit code.
    case warn
}

/// Narrows a findings gate to some findings: by tool, minimum severity and confidence, fixable only.
@_spi(Internals) public struct FindingSelector: Sendable, Hashable {
    /// Only findings at least this severe (`nil`: every severity, including `unknown`).
    public var minSeverity: Severity?
    /// Only findings at least this confident (`nil`: any confidence, including none stated).
    public var minConfidence: Confidence?
    /// Only findings with a known fix version.
    public var fixableOnly: Bool
    /// Only findings from these tools (`bandit`, `Trivy`, ...), compared case-insensitively (`nil`: any tool).
    public var tools: [String]?

    /// Creates a selector; the defaults select every finding.
    public init(
        minSeverity: Severity? = nil, minConfidence: Confidence? = nil, fixableOnly: Bool = false,
        tools: [String]? = nil
    ) {
        self.minSeverity = minSeverity
        self.minConfidence = minConfidence
        self.fixableOnly = fixableOnly
        self.tools = tools
    }

    /// Whether a finding with these properties is selected.
    public func selects(severity: Severity, confidence: Confidence, fixable: Bool) -> Bool {
        if let minSeverity, severity < minSeverity { return false }
        if let minConfidence, confidence < minConfidence { return false }
        if fixableOnly, !fixable { return false }
        return true
    }

    /// Whether findings of this tool are selected.
    public func selects(tool: String) -> Bool {
        guard let tools else { return true }
        let wanted = tool.lowercased()
        return tools.contains { $0.lowercased() == wanted }
    }
}

/// One gate of gates.json: a metric, a bound, a level and whether its report must be present.
@_spi(Internals) public struct GateSpec: Sendable, Hashable {
    /// A unique id (`line-coverage`), used in every output and in `--explain`.
    public var id: String
    /// What is measured.
    public var metric: Metric
    /// The threshold and its side.
    public var bound: Bound
    /// `error` blocks, `warn` does not.
    public var level: GateLevel
    /// Whether a report of the metric's kind must be present (missing → exit 2) or the gate is skipped.
    public var required: Bool
    /// Only reports of these kinds feed the metric (`nil`: every kind that produces it).
    public var kinds: [ReportKind]?
    /// For findings metrics: which findings count.
    public var selector: FindingSelector
    /// A sentence for people reading the verdict.
    public var description: String?
    /// The stages this gate belongs to (`test`, `security`, `post-deploy`), which `--only` and `--skip` select.
    public var tags: [String]
    /// Path globs: the gate reads only reports of its kinds whose path matches one (`nil`: every report of its
    /// kinds that no exclusive gate claims).
    public var reports: [String]?
    /// Whether reports matched by ``reports`` are read only by gates that name them in their own `reports`.
    public var exclusive: Bool
    /// How the metric compares with a baseline's value (the `baseline` member), if it does.
    public var baseline: BaselineRule?
    /// Whether `bound` was written (`min` or `max`); a gate with `baseline` may have none, and is then judged on the
    /// comparison alone.
    public var hasBound = true

    /// Whether the gate needs a baseline: it has a `baseline` member or measures a change.
    public var usesBaseline: Bool { baseline != nil || metric.isChange }
    /// A comparison with earlier runs (`history` in gates.json; docs/history.md).
    public var history: HistorySpec?
    /// Only these files count (`scope.paths`, globs); `nil`: every file.
    public var scope: [String]? = nil
    /// Every file in scope must meet the bound on its own (`per_file`).
    public var perFile = false
    /// Tests gates only: only testcases whose `classname` matches one of these globs count (`scope.classes`).
    public var scopeClasses: [String]? = nil

    /// Creates a gate.
    public init(
        id: String, metric: Metric, bound: Bound, level: GateLevel = .error, required: Bool = true,
        kinds: [ReportKind]? = nil, selector: FindingSelector = .init(), description: String? = nil,
        tags: [String] = [], reports: [String]? = nil, exclusive: Bool = false
    ) {
        self.id = id
        self.metric = metric
        self.bound = bound
        self.level = level
        self.required = required
        self.kinds = kinds
        self.selector = selector
        self.description = description
        self.tags = tags
        self.reports = reports
        self.exclusive = exclusive
    }

    /// The report kinds that feed this gate.
    public var sourceKinds: [ReportKind] {
        let producing = metric.kinds
        guard let kinds else { return producing }
        return producing.filter(kinds.contains)
    }
}
