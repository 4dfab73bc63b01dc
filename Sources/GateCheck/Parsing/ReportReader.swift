/// Options for reading a report.
public struct ReadOptions: Sendable, Hashable {
    /// Resource limits.
    public var limits: ParseLimits

    /// Creates options.
    public init(limits: ParseLimits = .init()) {
        self.limits = limits
    }
}

/// Reads a report of a known kind into a ``LoadedReport``: the one switch from kind to parser.
///
/// ```swift
/// var source = BytesSource(bytes)
/// let report = try ReportReader.read(.cobertura, from: &source, path: "coverage.xml")
/// ```
public enum ReportReader {
    /// Reads one report.
    ///
    /// - Throws: ``ReportError`` when the bytes are not a readable report of that kind.
    public static func read<Source: ByteSource>(
        _ kind: ReportKind, from source: inout Source, path: String, options: ReadOptions = .init()
    ) throws(ReportError) -> LoadedReport {
        let content: ReportContent
        var diagnostics: [Diagnostic]
        switch kind {
        case .cobertura:
            let parsed = try CoberturaParser.parse(&source, limits: options.limits)
            content = .coverage(parsed.report)
            diagnostics = parsed.diagnostics
        case .junit:
            let parsed = try JUnitParser.parse(&source, limits: options.limits)
            content = .tests(parsed.report)
            diagnostics = parsed.diagnostics
        case .bandit, .safety, .pipAudit, .sarif, .trivyJSON, .accuracy, .image, .llmCost, .latency:
            throw .wrongKind(expected: kind, found: "a kind this build of gatecheck cannot read yet")
        }
        for index in diagnostics.indices where diagnostics[index].file == nil { diagnostics[index].file = path }
        return LoadedReport(path: path, kind: kind, content: content, diagnostics: diagnostics)
    }
}
