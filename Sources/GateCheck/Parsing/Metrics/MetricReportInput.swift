/// How the JSON reports of accuracy, image, cost and latency are read: through ``JSONReportParsing`` (size and depth
/// limits, every failure a ``ReportError``) with a ``JSONReader`` that accepts Python's bare `NaN` and `Infinity`,
/// since the evaluation scripts behind these reports are mostly Python, whose `json.dumps` writes them.
enum MetricReportInput {
    /// Reads the document as a tree pruned to `shape`, for gatecheck's own small formats: what a decoder does not
    /// read is skipped as it streams, so memory does not follow the size of the file.
    static func readTree<Source: ByteSource>(
        _ source: Source, kind: ReportKind, limits: ParseLimits, shape: JSONShape
    ) throws(ReportError) -> JSONNode {
        try stream(source, kind: kind, limits: limits) { reader in try reader.readPruned(shape) }
    }

    /// Runs `body` over a reader of `source`, then validates the end of the document unless `finish` is `false`
    /// (`body` reads a sequence of values itself, as for JSON lines).
    static func stream<Source: ByteSource, Result>(
        _ source: Source, kind: ReportKind, limits: ParseLimits, finish: Bool = true,
        _ body: (inout JSONReader<JSONReportInput>) throws -> Result
    ) throws(ReportError) -> Result {
        try JSONReportParsing.parse(
            source, kind: kind, limits: limits, allowNonFiniteNumbers: true, finish: finish, body)
    }
}

extension JSONNodeDecoder {
    /// Checks that a report of gatecheck's own formats names the schema this version reads.
    mutating func requireSchema(_ schemaID: String, in fields: [String: JSONNode], _ root: JSONNode) {
        guard let node = required(fields, "schema", in: "", root.position), let schema = string(node, at: "schema"),
            schema != schemaID
        else { return }
        fail(
            "value", "\"\(schema)\" is not a schema this gatecheck reads; it reads \"\(schemaID)\"", at: "schema",
            node.position)
    }

    /// The outcome of decoding one of gatecheck's own reports: unknown keys are warnings (a newer producer may add
    /// fields), and any other problem makes the report unusable, thrown with the first problem's position and every
    /// problem's sentence.
    func reportDiagnostics() throws(ReportError) -> [Diagnostic] {
        try Self.reportDiagnostics(problems)
    }

    /// The outcome of decoding one of gatecheck's own reports from its problems (see the instance method), for a
    /// reader that found some of them while streaming.
    static func reportDiagnostics(_ problems: [Diagnostic]) throws(ReportError) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []
        for var problem in problems {
            problem.file = nil
            if problem.code.hasSuffix(".unknown-key") {
                problem.severity = .warning
                problem.message += "; it is ignored"
                warnings.append(problem)
            } else if problem.severity == .error {
                errors.append(problem)
            } else {
                warnings.append(problem)
            }
        }
        guard let first = errors.first else { return warnings }
        let others = errors.dropFirst().map { problem in
            problem.message + (problem.keyPath.map { " (`\($0)`)" } ?? "")
        }
        let message = first.message + (others.isEmpty ? "" : "; also: " + others.joined(separator: "; "))
        throw .invalidValue(
            message, at: first.line.map { FilePosition(line: $0, column: first.column) }, keyPath: first.keyPath)
    }
}
