/// Options for reading a report.
@_spi(Internals) public struct ReadOptions: Sendable, Hashable {
    /// Resource limits.
    public var limits: ParseLimits
    /// The waivers of the configuration; security parsers apply them as they count, so that a report never
    /// needs to keep all its findings in memory.
    public var waivers: [Waiver]
    /// Today's date (UTC), which decides whether a waiver has expired.
    ///
    /// Injected: the library never reads a clock.
    public var today: Day
    /// How evaluation tools' metric names become accuracy metric names (gates.json `accuracy_mapping`).
    public var accuracyMapping: AccuracyMapping
    /// How much coverage detail to keep: ``CoverageDetail/lines`` (mergeable, the default) or
    /// ``CoverageDetail/totals`` for a report gated on its own.
    public var coverageDetail: CoverageDetail
    /// With ``CoverageDetail/totals``, the base names of the files whose lines a Cobertura reader keeps all the same
    /// (the files a diff changes): diff coverage without every line of a 200 MB report in memory.
    public var coverageLinesKept: Set<String> = []
    /// Whether to keep what a baseline needs (every test's outcome, every finding's fingerprint): only when a
    /// baseline is written or a gate measures a change, since it costs memory in proportion to the report.
    public var collectsChangeData = false
    /// Whether to keep every package version of a findings report by name, which only a baseline's `packages`
    /// needs (a comparison uses their hashes): only when a baseline is written.
    public var collectsPackageNames = false
    /// Whether to keep findings counts per path and test counts per class and file, for gates with `scope`.
    public var collectsPlaces = false

    /// Creates options.
    public init(
        limits: ParseLimits = .init(), waivers: [Waiver] = [], accuracyMapping: AccuracyMapping = .init(), today: Day,
        coverageDetail: CoverageDetail = .lines
    ) {
        self.limits = limits
        self.waivers = waivers
        self.accuracyMapping = accuracyMapping
        self.today = today
        self.coverageDetail = coverageDetail
    }
}

/// Reads a report of a known kind into a ``LoadedReport``: the one switch from kind to parser.
///
/// ```swift
/// var source = BytesSource(bytes)
/// let options = ReadOptions(today: Day(Date()))
/// let report = try ReportReader.read(.cobertura, from: &source, path: "coverage.xml", options: options)
/// ```
@_spi(Internals) public enum ReportReader {
    /// Reads one report.
    ///
    /// - Throws: ``ReportError`` when the bytes are not a readable report of that kind.
    public static func read<Source: ByteSource>(
        _ kind: ReportKind, from source: inout Source, path: String, options: ReadOptions
    ) throws(ReportError) -> LoadedReport {
        var erased = ErasedSource(base: source)
        defer { if let advanced = erased.base as? Source { source = advanced } }
        return try read(kind, from: &erased, path: path, options: options)
    }

    // MARK: - Private

    private static func read(
        _ kind: ReportKind, from source: inout ErasedSource, path: String, options: ReadOptions
    ) throws(ReportError) -> LoadedReport {
        let content: ReportContent
        var diagnostics: [Diagnostic]
        switch kind {
        case .cobertura:
            let parsed = try CoberturaParser.parse(
                &source, limits: options.limits, detail: options.coverageDetail,
                keepingLinesOf: options.coverageLinesKept)
            content = .coverage(parsed.report)
            diagnostics = parsed.diagnostics
        case .lcov:
            let parsed = try LCOVParser.parse(&source, limits: options.limits, detail: options.coverageDetail)
            content = .coverage(parsed.report)
            diagnostics = parsed.diagnostics
        case .coverageJSON:
            let parsed = try CoveragePyJSONParser.parse(source, limits: options.limits)
            content = .coverage(parsed.report)
            diagnostics = parsed.diagnostics
        case .goCover:
            let parsed = try GoCoverParser.parse(&source, limits: options.limits)
            content = .coverage(parsed.coverage.report)
            diagnostics = parsed.coverage.diagnostics
        case .goTestJSON:
            let parsed = try GoTestJSONParser.parse(source, limits: options.limits)
            content = .tests(parsed.report)
            diagnostics = parsed.diagnostics
        case .junit:
            let parsed = try JUnitParser.parse(
                &source, limits: options.limits, collectsOutcomes: options.collectsChangeData,
                collectsPlaces: options.collectsPlaces)
            content = .tests(parsed.report)
            diagnostics = parsed.diagnostics
        case .bandit, .safety, .pipAudit, .sarif, .trivyJSON:
            let parsed = try readFindings(kind, from: &source, options: options)
            content = .findings(parsed.report)
            diagnostics = parsed.diagnostics
        case .jacoco:
            let parsed = try JaCoCoParser.parse(&source, limits: options.limits, detail: options.coverageDetail)
            content = .coverage(parsed.report)
            diagnostics = parsed.diagnostics
        case .nunit, .xunit, .trx:
            let parsed = try DotNetTestParser.parse(kind, from: &source, limits: options.limits)
            content = .tests(parsed.report)
            diagnostics = parsed.diagnostics
        case .locust:
            let parsed = try LocustStatsParser.parse(&source, limits: options.limits)
            content = parsed.content
            diagnostics = parsed.diagnostics
        case .accuracy, .image, .llmCost, .latency, .promptfoo, .ragas, .k6:
            let parsed = try readMetricReport(kind, from: source, options: options)
            content = parsed.content
            diagnostics = parsed.diagnostics
        }
        for index in diagnostics.indices where diagnostics[index].file == nil { diagnostics[index].file = path }
        var report = LoadedReport(path: path, kind: kind, content: content, diagnostics: diagnostics)
        if kind.producesFindings { report.readWith = WaiverContext(waivers: options.waivers, today: options.today) }
        return report
    }

    private static func readFindings(
        _ kind: ReportKind, from source: inout ErasedSource, options: ReadOptions
    ) throws(ReportError) -> ParsedFindings {
        switch kind {
        case .bandit: try BanditParser.parse(&source, options: options)
        case .safety: try SafetyParser.parse(&source, options: options)
        case .pipAudit: try PipAuditParser.parse(&source, options: options)
        case .sarif: try SARIFParser.parse(&source, options: options)
        case .trivyJSON: try TrivyJSONParser.parse(&source, options: options)
        case .cobertura, .junit, .accuracy, .image, .llmCost, .latency, .jacoco, .nunit, .xunit, .trx, .lcov,
            .coverageJSON, .goCover, .goTestJSON, .promptfoo, .ragas, .k6, .locust:
            throw .wrongKind(expected: kind, found: "a report kind without findings")
        }
    }
}
