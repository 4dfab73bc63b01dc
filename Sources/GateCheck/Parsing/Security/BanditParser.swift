/// Reads Bandit's JSON report (`bandit -f json`), streaming: one finding per element of `results[]`, never the
/// `metrics._totals`, which Bandit counts before its severity and confidence filters (docs/reference/formats.md §3).
///
/// Bandit's SARIF output (`-f sarif`) is SARIF and goes through ``SARIFParser``.
///
/// ```swift
/// var source = BytesSource(bytes)
/// let parsed = try BanditParser.parse(&source, options: ReadOptions(today: today))
/// print(parsed.report.counts.count { severity, _, _, _ in severity >= .high })
/// ```
///
/// Severity and confidence map one to one (`HIGH`, `MEDIUM`, `LOW`; `UNDEFINED` is `unknown`/`undefined`); the
/// test id (`B602`) is the finding id and the test name (`subprocess_popen_with_shell_equals_true`) an alias.
/// Files Bandit could not scan (`errors[]`) are reported as not audited, with a warning.
@_spi(Internals) public enum BanditParser {
    /// Parses one Bandit JSON report.
    ///
    /// - Throws: ``ReportError`` when the document is not well-formed, truncated, not a Bandit report (no
    ///   `results` array), or holds a severity or confidence Bandit does not write.
    public static func parse<Source: ByteSource>(_ source: inout Source, options: ReadOptions) throws(ReportError)
        -> ParsedFindings
    {
        var collector = FindingCollector(kind: .bandit, options: options)
        collector.noteTool(tool)
        var diagnostics: [Diagnostic] = []
        // Files `metrics` lists beside its `_totals` (`nil`: no `_totals`, which Bandit always writes), and results
        // and errors read: a report that lists no file and has neither shows a run that scanned nothing.
        var scannedFiles: Int?
        var resultCount = 0
        var errorCount = 0
        try JSONReportParsing.parse(source, kind: .bandit, limits: options.limits) { reader in
            let kind = try reader.peek()
            guard kind == .object else { throw ReportError.wrongKind(expected: .bandit, found: kind.asTopLevel) }
            var seen = SeenKeys()
            var sawResults = false
            var errors: [String] = []
            try reader.beginObject()
            while let key = try reader.nextKey(TopKey.self) {
                switch key {
                case .known(.results):
                    guard try reader.peek() == .array else {
                        throw ReportError.wrongKind(expected: .bandit, found: "\"results\" that is not an array")
                    }
                    sawResults = true
                    try reader.beginArray()
                    var index = 0
                    while try reader.nextElement() {
                        collector.add(try readResult(&reader, index: index))
                        index += 1
                    }
                    resultCount = index
                case .known(.errors):
                    if try reader.peek() == .null { try reader.readNull(); continue }
                    try reader.beginArray()
                    while try reader.nextElement() { errors.append(try readError(&reader)) }
                case .known(.metrics):
                    // `metrics` has one key per scanned file (and `_totals`): the files a path scope can know, and
                    // whether Bandit scanned any file at all.
                    seen.record(reader)
                    guard try reader.peek() == .object else {
                        try reader.skipValue()
                        continue
                    }
                    var files = 0
                    var sawTotals = false
                    try reader.beginObject()
                    // `_totals` is matched in the key set, so a file's name is only built when a scope needs it.
                    while let index = try reader.nextKey(in: Self.totalsKey) {
                        if index == JSONKeySet.unknown {
                            files += 1
                            if collector.collectsPlaces { collector.scanned(reader.lastKey) }
                        } else {
                            sawTotals = true
                        }
                        try reader.skipValue()
                    }
                    if sawTotals { scannedFiles = files }
                case .unknown:
                    seen.record(reader)
                    try reader.skipValue()
                }
            }
            guard sawResults else { throw ReportError.wrongKind(expected: .bandit, found: seen.description) }
            errorCount = errors.count
            for error in errors { collector.notAudited(tool: tool, error) }
            if !errors.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, code: "bandit.errors",
                        message: "Bandit could not scan \(errors.count) file(s), so findings in them are unknown "
                            + "(first: \(errors[0])); `findings.not_audited` counts them"))
            }
        }
        var report = collector.finish()
        if scannedFiles == 0, resultCount == 0, errorCount == 0 {
            report.notScanned.append(NotScanned(tool: tool, reason: nothingScanned))
        }
        return ParsedFindings(report: report, diagnostics: diagnostics)
    }

    /// Why a report whose `metrics` lists no file shows no scan.
    static let nothingScanned =
        "Bandit scanned no file: its metrics list no file (only _totals, 0 lines of code), as when `bandit -r` is "
        + "given a path without Python files (a renamed or mistyped directory) or every file is excluded; check "
        + "the path and exclusions given to bandit, then scan again"

    // MARK: - Private

    private static let tool = "bandit"

    /// The one key of `metrics` that is not a file.
    private static let totalsKey = JSONKeySet(["_totals"])

    /// The top-level keys read.
    enum TopKey: String, JSONKeyEnum {
        case results, errors, metrics
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a result read.
    enum ResultKey: String, JSONKeyEnum {
        case filename, lineNumber = "line_number", testID = "test_id", testName = "test_name"
        case issueSeverity = "issue_severity", issueConfidence = "issue_confidence", issueText = "issue_text"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of an entry of `errors` read.
    enum ErrorKey: String, JSONKeyEnum {
        case filename, reason
        static let table = JSONKeyTable<Self>()
    }

    private static func readResult<Source: ByteSource>(_ reader: inout JSONReader<Source>, index: Int) throws -> Finding
    {
        var path = ""
        var line: Int?
        var testID = ""
        var testName: String?
        var severity: (Severity, String) = (.unknown, "no issue_severity")
        var confidence = Confidence.undefined
        var message = ""
        try reader.beginObject()
        while let key = try reader.nextKey(ResultKey.self) {
            switch key {
            case .known(.filename): path = try reader.readOptionalString() ?? ""
            case .known(.lineNumber): line = try reader.readOptionalLine()
            case .known(.testID): testID = try reader.readOptionalString() ?? ""
            case .known(.testName): testName = try reader.readOptionalString()
            case .known(.issueSeverity):
                severity = try readLevel(&reader, Self.severity, field: "issue_severity", index: index)
            case .known(.issueConfidence):
                confidence = try readLevel(&reader, Self.confidence, field: "issue_confidence", index: index)
            case .known(.issueText): message = try reader.readMessage()
            case .unknown: try reader.skipValue()
            }
        }
        return Finding(
            tool: tool, kind: .bandit, id: testID.isEmpty ? (testName ?? "bandit") : testID,
            aliases: testName.map { [$0] } ?? [], severity: severity.0, severitySource: severity.1,
            confidence: confidence, location: Finding.Location(path: path, line: line), message: message)
    }

    /// One of Bandit's four levels (`HIGH`, `MEDIUM`, `LOW`, `UNDEFINED`), mapped through `map` (a switch on
    /// the short string, cheaper than hashing it: this runs twice per result).
    private static func readLevel<Source: ByteSource, Value>(
        _ reader: inout JSONReader<Source>, _ map: (Level) -> Value, field: String, index: Int
    ) throws -> Value {
        _ = try reader.peek()
        let at = reader.position
        let text = try reader.readString()
        let level: Level
        switch text {
        case "HIGH": level = .high
        case "MEDIUM": level = .medium
        case "LOW": level = .low
        case "UNDEFINED": level = .undefined
        default:
            throw ReportError.invalid(
                "Bandit writes \(field) as HIGH, MEDIUM, LOW or UNDEFINED, not \"\(text)\"", at: at,
                keyPath: "results[\(index)].\(field)")
        }
        return map(level)
    }

    /// Bandit's levels, for severity and confidence alike.
    private enum Level {
        case high, medium, low, undefined
    }

    private static func severity(_ level: Level) -> (Severity, String) {
        switch level {
        case .high: (.high, "Bandit issue_severity HIGH")
        case .medium: (.medium, "Bandit issue_severity MEDIUM")
        case .low: (.low, "Bandit issue_severity LOW")
        case .undefined: (.unknown, "Bandit issue_severity UNDEFINED")
        }
    }

    private static func confidence(_ level: Level) -> Confidence {
        switch level {
        case .high: .high
        case .medium: .medium
        case .low: .low
        case .undefined: .undefined
        }
    }

    private static func readError<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> String {
        var file = ""
        var reason = ""
        try reader.beginObject()
        while let key = try reader.nextKey(ErrorKey.self) {
            switch key {
            case .known(.filename): file = try reader.readOptionalString() ?? ""
            case .known(.reason): reason = try reader.readMessage()
            case .unknown: try reader.skipValue()
            }
        }
        return reason.isEmpty ? file : "\(file): \(reason)"
    }
}
