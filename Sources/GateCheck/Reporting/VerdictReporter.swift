/// Turns a verdict into one output format.
///
/// Implementation requirements: `render` is deterministic (the same verdict gives the same bytes), never reads the
/// environment or the clock (anything volatile arrives through ``ReporterOptions``), and keeps every gate in its
/// output, failing gates with their reasons.
///
/// ```swift
/// let text = OutputFormat.json.reporter(ReporterOptions()).render(verdict)
/// ```
public protocol VerdictReporter: Sendable {
    /// The verdict in this reporter's format.
    func render(_ verdict: Verdict) -> String
}

/// Options every reporter may read; volatile values (a time, a path on this machine) come in here so that
/// reporters stay pure.
public struct ReporterOptions: Sendable, Hashable {
    /// ANSI colours in text output.
    public var color: Bool
    /// Text output lists only failing, warning and erroring gates.
    public var quiet: Bool
    /// Text output adds, for every gate, the numerator, denominator, rounding, comparison and source files.
    public var explain: Bool
    /// SARIF output adds the findings behind failing and warning gates, with their own rule ids and locations.
    public var includeFindings: Bool
    /// An ISO 8601 UTC time (`2026-11-26T10:00:00Z`) written as the JUnit suite's `timestamp` and the SARIF
    /// invocation's `endTimeUtc`; `nil` writes none, so that equal verdicts give identical files.
    public var timestamp: String?
    /// The gates.json path as the user gave it; GitLab issues about a gate point at it.
    public var configurationPath: String?
    /// The line of gates.json where each gate is written, by id (``Configuration/gateLines``); a GitLab issue
    /// about a gate points at its line, or at line 1 without one.
    public var gateLines: [String: Int]

    /// Creates options; the defaults suit a file or a pipe.
    public init(
        color: Bool = false, quiet: Bool = false, explain: Bool = false, includeFindings: Bool = false,
        timestamp: String? = nil, configurationPath: String? = nil, gateLines: [String: Int] = [:]
    ) {
        self.gateLines = gateLines
        self.color = color
        self.quiet = quiet
        self.explain = explain
        self.includeFindings = includeFindings
        self.timestamp = timestamp
        self.configurationPath = configurationPath
    }
}

/// The output formats, each one small reporter type; the switch below is the registry.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned text for a terminal or CI log.
    case text
    /// The JSON verdict (`schemas/verdict.schema.json`).
    case json
    /// JUnit XML: one testcase per gate, for CI test tabs.
    case junit
    /// SARIF 2.1.0: failing and warning gates (and optionally their findings) for code-scanning views.
    case sarif
    /// A Markdown summary for pull requests and `$GITHUB_STEP_SUMMARY`, under 65,535 bytes.
    case markdown
    /// GitHub Actions workflow commands (annotations).
    case github
    /// GitLab Code Quality JSON.
    case gitlab

    /// The reporter for this format; no line of what it renders can be read as a CI runner's command
    /// (`WorkflowCommandGuard`).
    public func reporter(_ options: ReporterOptions = .init()) -> any VerdictReporter {
        WorkflowCommandGuard(format: self, inner: unguardedReporter(options))
    }

    private func unguardedReporter(_ options: ReporterOptions) -> any VerdictReporter {
        switch self {
        case .text: TextReporter(options: options)
        case .json: JSONReporter()
        case .junit: JUnitReporter(options: options)
        case .sarif: SARIFReporter(options: options)
        case .markdown: MarkdownReporter()
        case .github: GitHubReporter()
        case .gitlab: GitLabReporter(options: options)
        }
    }
}
