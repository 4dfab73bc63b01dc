/// Reads coverage.py's JSON report (`coverage json`, `meta.format` 1 to 3), streaming, into a ``CoverageReport``.
///
/// Lines come from each file's `executed_lines` and `missing_lines` (coverage.py's statements), branches from its
/// `executed_branches` and `missing_branches` arcs. Each file's `summary` and the report's `totals` are checked
/// against them: a figure that contradicts the detail is an error. `functions`, `classes`, `excluded_lines` and
/// contexts are skipped unread.
///
/// ```swift
/// let coverage = try CoveragePyJSONParser.parse(BytesSource(jsonBytes)).report
/// ```
@_spi(Internals) public enum CoveragePyJSONParser {
    /// The top-level keys read.
    enum TopKey: String, JSONKeyEnum {
        case meta, files, totals
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of `meta` read.
    enum MetaKey: String, JSONKeyEnum {
        case format, version
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a file read.
    enum FileKey: String, JSONKeyEnum {
        case executedLines = "executed_lines", missingLines = "missing_lines"
        case executedBranches = "executed_branches", missingBranches = "missing_branches", summary
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a `summary` or of `totals` read.
    enum SummaryKey: String, JSONKeyEnum {
        case coveredLines = "covered_lines", numStatements = "num_statements", missingLines = "missing_lines"
        case numBranches = "num_branches", coveredBranches = "covered_branches", missingBranches = "missing_branches"
        static let table = JSONKeyTable<Self>()
    }

    /// Parses one report.
    ///
    /// - Throws: ``ReportError`` when the JSON is not well-formed or cut short, has no `meta.format` coverage.py
    ///   writes, no `files`, a line number that is not one, or a summary or total that contradicts the lines.
    public static func parse<Source: ByteSource>(_ source: Source, limits: ParseLimits = .init())
        throws(ReportError) -> ParsedCoverage
    {
        try JSONReportParsing.parse(source, kind: .coverageJSON, limits: limits) { reader in
            try read(&reader)
        }
    }

    // MARK: - Private

    private static func read(_ reader: inout JSONReader<JSONReportInput>) throws -> ParsedCoverage {
        guard try reader.peek() == .object else {
            throw ReportError.wrongKind(expected: .coverageJSON, found: "a JSON \(try reader.peek().rawValue)")
        }
        var format: Int64?
        var files: [String: FileCoverage] = [:]
        var sawFiles = false
        var totals = CoveragePyJSONFile.Summary()
        var sawTotals = false
        try reader.beginObject()
        while let key = try reader.nextKey(TopKey.self) {
            switch key {
            case .known(.meta): format = try readMeta(&reader)
            case .known(.files):
                sawFiles = true
                try readFiles(&reader, into: &files)
            case .known(.totals):
                sawTotals = true
                totals = try readSummary(&reader, at: "totals")
            case .unknown: try reader.skipValue()
            }
        }
        guard let format else {
            throw ReportError.wrongKind(expected: .coverageJSON, found: "JSON without coverage.py's meta.format")
        }
        guard (1...3).contains(format) else {
            throw ReportError.invalidValue(
                "meta.format \(format) is not a coverage.py JSON format gatecheck reads (1 to 3)", at: nil,
                keyPath: "meta.format")
        }
        guard sawFiles else {
            throw ReportError.invalidValue(
                "the report has no files object; write it with `coverage json`", at: nil, keyPath: "files")
        }
        let report = CoverageReport(files: files)
        if sawTotals { try checkTotals(totals, report) }
        return ParsedCoverage(report: report, diagnostics: [])
    }

    private static func readMeta(_ reader: inout JSONReader<JSONReportInput>) throws -> Int64? {
        var format: Int64?
        try reader.beginObject()
        while let key = try reader.nextKey(MetaKey.self) {
            switch key {
            case .known(.format): format = try reader.readInt64()
            case .known(.version), .unknown: try reader.skipValue()
            }
        }
        return format
    }

    private static func readFiles(
        _ reader: inout JSONReader<JSONReportInput>, into files: inout [String: FileCoverage]
    ) throws {
        try reader.beginObject()
        while try reader.nextKey(in: JSONKeySet.noKeys) != nil {
            let path = CoberturaChecks.normalize(path: reader.lastKey)
            var file = CoveragePyJSONFile()
            try reader.beginObject()
            while let key = try reader.nextKey(FileKey.self) {
                switch key {
                case .known(.executedLines): try readLines(&reader, hit: true, into: &file, path: path)
                case .known(.missingLines): try readLines(&reader, hit: false, into: &file, path: path)
                case .known(.executedBranches): try readArcs(&reader, taken: true, into: &file, path: path)
                case .known(.missingBranches): try readArcs(&reader, taken: false, into: &file, path: path)
                case .known(.summary): file.summary = try readSummary(&reader, at: "files.\(path).summary")
                case .unknown: try reader.skipValue()
                }
            }
            let coverage = try file.finish(path: path)
            if files[path] == nil {
                files[path] = coverage
            } else {
                throw ReportError.invalidValue(
                    "the file \(path) is listed twice", at: nil, keyPath: "files.\(path)")
            }
        }
    }

    private static func readLines(
        _ reader: inout JSONReader<JSONReportInput>, hit: Bool, into file: inout CoveragePyJSONFile, path: String
    ) throws {
        try reader.beginArray()
        while try reader.nextElement() {
            let line = try lineNumber(&reader, keyPath: "files.\(path)")
            file.lines.record(line: line, hit: hit)
        }
    }

    private static func readArcs(
        _ reader: inout JSONReader<JSONReportInput>, taken: Bool, into file: inout CoveragePyJSONFile, path: String
    ) throws {
        file.sawArcs = true
        try reader.beginArray()
        while try reader.nextElement() {
            let at = reader.position
            try reader.beginArray()
            var ends: [Int64] = []
            while try reader.nextElement() { ends.append(try reader.readInt64()) }
            guard ends.count == 2, ends[0] > 0, ends[0] <= Int64(UInt32.max), ends[1] <= Int64(UInt32.max),
                ends[1] >= -Int64(UInt32.max)
            else {
                throw ReportError.invalidValue(
                    "a branch arc is not [from line, to line]", at: FilePosition(line: at.line, column: at.column),
                    keyPath: "files.\(path)")
            }
            // coverage.py writes an exit from a function as the negative line of its start; Cobertura's
            // missing-branches says "exit": both are target 0 here.
            file.arcs.append(.init(from: UInt32(ends[0]), to: UInt32(max(0, ends[1])), taken: taken))
        }
    }

    private static func lineNumber(_ reader: inout JSONReader<JSONReportInput>, keyPath: String) throws -> UInt32 {
        let at = reader.position
        let value = try reader.readInt64()
        guard value > 0, value <= Int64(UInt32.max) else {
            throw ReportError.invalidValue(
                "\(value) is not a line number", at: FilePosition(line: at.line, column: at.column), keyPath: keyPath)
        }
        return UInt32(value)
    }

    private static func readSummary(_ reader: inout JSONReader<JSONReportInput>, at keyPath: String) throws
        -> CoveragePyJSONFile.Summary
    {
        var summary = CoveragePyJSONFile.Summary()
        summary.at = FilePosition(line: reader.position.line, column: reader.position.column)
        try reader.beginObject()
        while let key = try reader.nextKey(SummaryKey.self) {
            guard case .known(let field) = key else {
                try reader.skipValue()
                continue
            }
            let at = reader.position
            let value = try reader.readInt64()
            guard value >= 0 else {
                throw ReportError.invalidValue(
                    "\(field.rawValue) is \(value), a negative count",
                    at: FilePosition(line: at.line, column: at.column), keyPath: keyPath + "." + field.rawValue)
            }
            switch field {
            case .coveredLines: summary.coveredLines = value
            case .numStatements: summary.numStatements = value
            case .missingLines: summary.missingLines = value
            case .numBranches: summary.numBranches = value
            case .coveredBranches: summary.coveredBranches = value
            case .missingBranches: summary.missingBranches = value
            }
        }
        return summary
    }

    /// `totals` must be the sum of the files: coverage.py computes it so.
    private static func checkTotals(_ totals: CoveragePyJSONFile.Summary, _ report: CoverageReport) throws {
        let sums = report.totals
        let pairs: [(Int64?, Int, String)] = [
            (totals.numStatements, sums.linesValid, "num_statements"),
            (totals.coveredLines, sums.linesCovered, "covered_lines"),
            (totals.numBranches, sums.branchesValid, "num_branches"),
            (totals.coveredBranches, sums.branchesCovered, "covered_branches"),
        ]
        for (declared, counted, key) in pairs {
            guard let declared, declared != Int64(counted) else { continue }
            throw ReportError.invalidValue(
                "totals.\(key) is \(declared) but the files add up to \(counted); the report was edited or damaged "
                    + "(write it again with `coverage json`)", at: totals.at, keyPath: "totals.\(key)")
        }
    }
}
