/// Reads SARIF 2.1.0 from any tool, streaming: Trivy (native writer and the 2020 template), CodeQL, Semgrep,
/// Bandit, Grype, gitleaks and the rest (docs/reference/formats.md §6.1, §6.3; docs/severity-mapping.md).
///
/// ```swift
/// var source = BytesSource(bytes)
/// let parsed = try SARIFParser.parse(&source, options: ReadOptions(today: today))
/// print(parsed.report.countsByTool.keys)   // ["Trivy"]
/// ```
///
/// Every run is read (a run without `results`, or whose invocation says `executionSuccessful: false`, is no clean
/// scan: ``FindingsReport/notScanned``); a finding is one **result** (not one location, as DefectDojo counts)
/// whose `kind` is `fail` (the default), that is not suppressed (a non-empty `suppressions` none of whose entries
/// is `underReview` or `rejected`), and whose `baselineState` is not `absent`. Results of kind `open` or `review`
/// are not findings but are reported in a warning. The rule is found through `rule.toolComponent` (driver or `tool.extensions`),
/// then `ruleIndex`, `rule.index`, then `ruleId`/`rule.id` (also the part before a `/` of a hierarchical id).
/// Severity: the rule's `security-severity` band, else a severity tag of the rule (Trivy), else the `[HIGH]`
/// prefix of a 2020-template Trivy rule id, else the effective level (`result.level`, else the rule's
/// `defaultConfiguration.level`, else `warning`): error → high, warning → medium, note → low, none → unknown.
///
/// Only each rule's id, default level and severity are kept (never its help text), so memory does not grow with
/// the report, provided the run's `tool` comes before its `results` as every known producer writes it; results
/// that come first are held until the tool is read.
@_spi(Internals) public enum SARIFParser {
    /// Parses one SARIF log.
    ///
    /// - Throws: ``ReportError`` when the document is not well-formed, truncated, not SARIF (no `runs`), not
    ///   version 2.1.0 (or without a `version`), or holds a `level`, `kind` or suppression `status` outside the
    ///   SARIF enumerations (a wrong value must not silently drop a finding).
    public static func parse<Source: ByteSource>(_ source: inout Source, options: ReadOptions) throws(ReportError)
        -> ParsedFindings
    {
        var collector = FindingCollector(kind: .sarif, options: options)
        var notes = SARIFNotes()
        try JSONReportParsing.parse(source, kind: .sarif, limits: options.limits) { reader in
            let kind = try reader.peek()
            guard kind == .object else { throw ReportError.wrongKind(expected: .sarif, found: kind.asTopLevel) }
            var seen = SeenKeys()
            var version: (String, JSONPosition)?
            var sawRuns = false
            try reader.beginObject()
            while let key = try reader.nextKey(LogKey.self) {
                switch key {
                case .known(.version):
                    _ = try reader.peek()
                    let at = reader.position
                    version = (try reader.readOptionalString() ?? "", at)
                case .known(.runs):
                    guard try reader.peek() == .array else {
                        throw ReportError.wrongKind(expected: .sarif, found: "\"runs\" that is not an array")
                    }
                    sawRuns = true
                    try reader.beginArray()
                    var index = 0
                    while try reader.nextElement() {
                        try SARIFRunReader.read(&reader, index: index, into: &collector, notes: &notes)
                        index += 1
                    }
                    if index == 0 {
                        notes.notScanned.append(
                            NotScanned(
                                tool: nil,
                                reason: "the SARIF log has no runs (\"runs\": []), so it holds no tool's scan; check "
                                    + "that the scanning step ran and wrote its results"))
                    }
                case .unknown:
                    seen.record(reader)
                    try reader.skipValue()
                }
            }
            guard sawRuns else { throw ReportError.wrongKind(expected: .sarif, found: seen.description) }
            guard let version else {
                throw ReportError.invalidValue(
                    "the SARIF log has no \"version\", which SARIF 2.1.0 requires; it is not a log gatecheck can "
                        + "judge (write it with a SARIF 2.1.0 producer)", at: nil, keyPath: "version")
            }
            guard version.0 == "2.1.0" else {
                throw ReportError.invalid(
                    "SARIF version \"\(version.0)\" is not supported; gatecheck reads SARIF 2.1.0", at: version.1,
                    keyPath: "version")
            }
        }
        var report = collector.finish()
        report.notScanned = notes.notScanned
        return ParsedFindings(report: report, diagnostics: notes.diagnostics)
    }

    // MARK: - Private

    /// The keys of a SARIF log read.
    enum LogKey: String, JSONKeyEnum {
        case version, runs
        static let table = JSONKeyTable<Self>()
    }
}

/// What the SARIF parser noticed besides findings, turned into warnings.
struct SARIFNotes {
    /// Results of kind `open` or `review`, per tool.
    var needsReview: [String: Int] = [:]
    /// Tools whose invocation says `executionSuccessful: false`.
    var failedTools: [String] = []
    /// Runs without a `results` array (the tool may not have run).
    var runsWithoutResults: [String] = []
    /// Runs without results and a log without runs: a findings gate that reads them cannot be judged.
    var notScanned: [NotScanned] = []

    var diagnostics: [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (tool, count) in needsReview.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "sarif.needs-review",
                    message: "\(count) result(s) of \(tool) have kind \"open\" or \"review\": they need a person's "
                        + "review and are not counted as findings"))
        }
        for tool in failedTools {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "sarif.execution-failed",
                    message: "\(tool) reports that its run did not succeed (executionSuccessful: false); its "
                        + "results may be incomplete, so a findings gate that reads this log cannot be judged"))
        }
        for run in runsWithoutResults {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "sarif.no-results",
                    message: "\(run) has no \"results\" array, which SARIF uses when a tool did not run; a findings "
                        + "gate that reads this log cannot be judged"))
        }
        return diagnostics
    }
}
