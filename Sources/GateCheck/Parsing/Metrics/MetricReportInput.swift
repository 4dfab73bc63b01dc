/// How the JSON reports of accuracy, image, cost and latency are read: through a ``JSONReader`` that accepts
/// Python's bare `NaN` and `Infinity` (the evaluation scripts behind these reports are mostly Python, whose
/// `json.dumps` writes them), within the configured size and depth limits, with every failure a ``ReportError``.
enum MetricReportInput {
    /// Reads the whole document as a tree, for gatecheck's own small formats.
    static func readTree<Source: ByteSource>(_ source: Source, limits: ParseLimits) throws(ReportError) -> JSONNode {
        try stream(source, limits: limits) { reader in try reader.readValue() }
    }

    /// Runs `body` over a reader of `source` and validates the end of the document (unless `body` read a sequence of
    /// values itself, as for JSON lines). `body` throws ``JSONError`` from the reader or ``ReportError``.
    static func stream<Source: ByteSource, Result>(
        _ source: Source, limits: ParseLimits, finish: Bool = true,
        _ body: (inout JSONReader<LimitedSource<Source>>) throws -> Result
    ) throws(ReportError) -> Result {
        let limited = LimitedSource(source, limit: limits.maxReportBytes)
        var reader = JSONReader(limited, options: JSONReaderOptions(maxDepth: limits.maxDepth, allowNonFiniteNumbers: true))
        do {
            let result = try body(&reader)
            if finish { try reader.finish() }
            return result
        } catch let error as ReportError {
            throw error
        } catch let error as JSONError {
            if case .source(let failure) = error, failure == LimitedSource<Source>.tooLarge(limits.maxReportBytes) {
                throw .tooLarge(limit: limits.maxReportBytes)
            }
            throw ReportError(error)
        } catch {
            throw .unreadable("\(error)")
        }
    }
}

/// A ``ByteSource`` that fails once more than `limit` bytes have been read (`limits.max_report_bytes`).
struct LimitedSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private let limit: Int
    private var total = 0

    init(_ base: Base, limit: Int) {
        self.base = base
        self.limit = limit
    }

    /// The error thrown past the limit, recognised by ``MetricReportInput``.
    static func tooLarge(_ limit: Int) -> ByteSourceError {
        ByteSourceError("the report is larger than the limit of \(limit) bytes")
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let count = try base.read(into: buffer)
        total += count
        if total > limit { throw Self.tooLarge(limit) }
        return count
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
