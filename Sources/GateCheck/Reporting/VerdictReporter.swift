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

/// Options every reporter may read.
public struct ReporterOptions: Sendable, Hashable {
    /// ANSI colours in text output.
    public var color: Bool
    /// Text output lists only failing, warning and erroring gates.
    public var quiet: Bool
    /// Text output adds, for every gate, the comparison made and the files the numbers came from.
    public var explain: Bool

    /// Creates options; the defaults suit a file or a pipe.
    public init(color: Bool = false, quiet: Bool = false, explain: Bool = false) {
        self.color = color
        self.quiet = quiet
        self.explain = explain
    }
}

/// The output formats, each one small reporter type; the switch below is the registry.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned text for a terminal or CI log.
    case text
    /// The JSON verdict (`schemas/verdict.schema.json`).
    case json

    /// The reporter for this format.
    public func reporter(_ options: ReporterOptions = .init()) -> any VerdictReporter {
        switch self {
        case .text: TextReporter(options: options)
        case .json: JSONReporter()
        }
    }
}
