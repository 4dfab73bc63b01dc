import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The fail-closed matrix: every damaged or hostile input (a row) for every report kind (a column), and what
/// gatecheck does with it, as a short text (`empty`, `truncated @`, `read`, `read: findings.unknown=1`, ...).
///
/// docs/failure-modes.md holds the table; ``FailureMatrixTests`` reads every cell there and checks it against
/// what the library does, so the documentation cannot drift. `GATECHECK_RECORD=1` rewrites the table.
enum FailureMatrix {
    /// One kind of damage.
    struct Row: Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        /// The input for a kind, or `nil` when the row does not apply (entities in JSON).
        let input: @Sendable (FailureSeed) -> Input?
        var testDescription: String { id }
    }

    /// What a row feeds the parser: the bytes (one or several variants, such as cut points) and the limits.
    struct Input {
        var variants: [[UInt8]] = []
        var limits = ParseLimits()
        /// A generated input too large for memory (the 1 GB text), instead of `variants`.
        var generated: GeneratedSource?
    }

    /// A row and a kind: one cell of the table.
    struct Cell: Sendable, CustomTestStringConvertible {
        let row: Row
        let kind: ReportKind
        var testDescription: String { "\(row.id) × \(kind.rawValue)" }
    }

    static let gigabyte = 1_000_000_000

    static let rows: [Row] = [
        Row(id: "empty", description: "0 bytes") { _ in Input(variants: [[]]) },
        Row(id: "whitespace", description: "only spaces, tabs and newlines") { _ in
            Input(variants: [Array(" \t\n\r\n  \n".utf8)])
        },
        Row(id: "bom-only", description: "a UTF-8 byte order mark and a newline") { _ in
            Input(variants: [[0xEF, 0xBB, 0xBF, 0x0A]])
        },
        Row(id: "truncated", description: "cut after 1 byte, at every tenth, and before its last byte") { seed in
            let bytes = Array(seed.clean.utf8.reversed().drop { $0 == 0x0A || $0 == 0x20 }.reversed())
            let cuts = Set([1, bytes.count - 1] + (1...9).map { bytes.count * $0 / 10 })
            return Input(variants: cuts.sorted().map { Array(bytes.prefix($0)) })
        },
        Row(id: "garbage", description: "4 KiB of random bytes") { _ in
            var generator = SeededGenerator(seed: 7)
            return Input(variants: [(0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }])
        },
        Row(id: "utf8-bom", description: "a UTF-8 byte order mark before the report") { seed in
            Input(variants: [[0xEF, 0xBB, 0xBF] + Array(seed.clean.utf8)])
        },
        Row(id: "utf16le", description: "UTF-16 little-endian with a byte order mark") { seed in
            Input(variants: [utf16(seed.clean, bigEndian: false)])
        },
        Row(id: "utf16be", description: "UTF-16 big-endian with a byte order mark") { seed in
            Input(variants: [utf16(seed.clean, bigEndian: true)])
        },
        Row(id: "invalid-utf8", description: "a string or attribute with bytes that are not UTF-8") { seed in
            Input(variants: [replacingFirst(Array("é".utf8), with: [0xC3, 0x28, 0xFF], in: Array(seed.clean.utf8))])
        },
        Row(id: "huge-number", description: "the number read (`$N`) is 10^30") { seed in
            Input(variants: [Array(seed.text(number: "1" + String(repeating: "0", count: 30)).utf8)])
        },
        Row(id: "overflowing-number", description: "the number read is 1e400, beyond a double") { seed in
            Input(variants: [Array(seed.text(number: "1e400").utf8)])
        },
        Row(id: "negative-number", description: "the number read is -1") { seed in
            Input(variants: [Array(seed.text(number: "-1").utf8)])
        },
        Row(id: "nan", description: "the number read is NaN (bare in JSON, as Python writes it)") { seed in
            Input(variants: [Array(seed.text(number: "NaN").utf8)])
        },
        Row(id: "infinity", description: "the number read is Infinity") { seed in
            Input(variants: [Array(seed.text(number: "Infinity").utf8)])
        },
        Row(id: "duplicate-key", description: "a key (XML: an attribute) the parser reads, written twice") { seed in
            let template = seed.template.replacingOccurrences(of: seed.duplicate.once, with: seed.duplicate.twice)
            let doubled = FailureSeed(
                kind: seed.kind, template: template, number: seed.number, duplicate: seed.duplicate)
            return Input(variants: [Array(doubled.clean.utf8)])
        },
        Row(id: "deep-nesting", description: "100,000 nested arrays or elements") { seed in
            Input(variants: [Array(seed.text(extra: seed.nested(100_000)).utf8)])
        },
        Row(id: "over-max-depth", description: "40 levels with `limits.max_depth` 16") { seed in
            Input(variants: [Array(seed.text(extra: seed.nested(40)).utf8)], limits: ParseLimits(maxDepth: 16))
        },
        Row(id: "over-max-bytes", description: "larger than `limits.max_report_bytes` (100 bytes here)") { seed in
            Input(variants: [Array(seed.clean.utf8)], limits: ParseLimits(maxReportBytes: 100))
        },
        Row(id: "concatenated", description: "the report twice in one file") { seed in
            Input(variants: [Array((seed.clean + seed.clean).utf8)])
        },
        Row(id: "entity", description: "an XML entity declaration (XML only)") { seed in
            guard seed.isXML else { return nil }
            let declaration = "<!DOCTYPE x [<!ENTITY e \"boom\">]>\n"
            let text = seed.clean
            let start = text.range(of: "?>\n").map { text.index($0.upperBound, offsetBy: 0) } ?? text.startIndex
            return Input(variants: [Array((text[..<start] + declaration + text[start...]).utf8)])
        },
        Row(
            id: "attlist-default", description: "an internal DTD attribute default (`<!ATTLIST line hits CDATA \"1\">`)"
        ) { seed in
            guard seed.isXML else { return nil }
            let declaration = "<!DOCTYPE x [<!ATTLIST line hits CDATA \"1\">]>\n"
            let text = seed.clean
            let start = text.range(of: "?>\n").map(\.upperBound) ?? text.startIndex
            return Input(variants: [Array((text[..<start] + declaration + text[start...]).utf8)])
        },
        Row(id: "many-attributes", description: "an element with 100,000 attributes (XML only)") { seed in
            guard seed.isXML else { return nil }
            let element = "<zz" + (0..<100_000).map { " a\($0)=\"1\"" }.joined() + "/>"
            return Input(variants: [Array(seed.text(extra: element).utf8)])
        },
        Row(id: "huge-attribute", description: "a 100 MB attribute value (XML only), generated as read") { seed in
            guard seed.isXML else { return nil }
            let (before, after) = seed.aroundExtra
            return Input(
                generated: GeneratedSource(
                    prefix: before + "<zz a=\"", pattern: String(repeating: "x", count: 65_536),
                    bodyCount: 100_000_000, suffix: "\"/>" + after))
        },
        Row(id: "long-cdata", description: "a 100 MB CDATA section (XML only), generated as read") { seed in
            guard seed.isXML else { return nil }
            let (before, after) = seed.aroundExtra
            return Input(
                generated: GeneratedSource(
                    prefix: before + "<![CDATA[", pattern: String(repeating: "x", count: 65_536),
                    bodyCount: 100_000_000, suffix: "]]>" + after))
        },
        Row(id: "huge-text", description: "a 1 GB single-line text node (XML) or string (JSON), generated as read") {
            seed in
            let (before, after) = seed.aroundExtra
            let wrapper = seed.textWrapper
            return Input(
                generated: GeneratedSource(
                    prefix: before + wrapper.open, pattern: String(repeating: "x", count: 65_536),
                    bodyCount: gigabyte, suffix: wrapper.close + after))
        },
    ]

    static let cells: [Cell] = rows.flatMap { row in ReportKind.allCases.map { Cell(row: row, kind: $0) } }

    // MARK: - Outcomes

    /// A gate that every clean seed passes, so that a required report of the kind is present.
    static func probeGate(_ kind: ReportKind) -> GateSpec {
        switch kind {
        case .cobertura, .lcov, .coverageJSON, .goCover: Build.gate("probe", .coverage(.lineRate), min: "0")
        case .junit, .goTestJSON: Build.gate("probe", .tests(.total), min: "0")
        case .bandit, .safety, .pipAudit, .sarif, .trivyJSON:
            GateSpec(
                id: "probe", metric: .findings(.total), bound: .max(Threshold(1000)), kinds: [kind])
        case .accuracy, .promptfoo, .ragas: Build.gate("probe", .accuracy("retrieval"), min: "0")
        case .image: Build.gate("probe", .image(.sizeBytes), max: "1e40")
        case .llmCost: Build.gate("probe", .llm(.costUSD), max: "1e40")
        case .latency, .k6, .locust: Build.gate("probe", .latency(.p99), max: "1e40")
        case .jacoco: Build.gate("probe", .coverage(.lineRate), min: "0")
        case .nunit, .xunit, .trx: Build.gate("probe", .tests(.total), min: "0")
        }
    }

    /// The figures a verdict shows for one report of the kind: its metrics, and the image size a Trivy report
    /// carries.
    static func figures(_ loaded: LoadedReport) -> [String: String] {
        var gates = [probeGate(loaded.kind)]
        if loaded.kind == .trivyJSON {
            gates.append(
                GateSpec(id: "size", metric: .image(.sizeBytes), bound: .max(Threshold(1)), kinds: [.trivyJSON]))
        }
        let verdict = Build.evaluate([loaded], gates)
        var figures: [String: String] = [:]
        for (metric, value) in verdict.reports.first?.metrics ?? [:] { figures[metric.name] = "\(value)" }
        for gate in verdict.gates { figures[gate.metric.name] = gate.actual.map { "\($0)" } ?? "none" }
        return figures
    }

    static let cleanFigures: [ReportKind: [String: String]] = Dictionary(
        uniqueKeysWithValues: FailureSeed.all.map { seed in
            var source = BytesSource(seed.clean)
            let loaded = try? ReportReader.read(
                seed.kind, from: &source, path: "report", options: options(ParseLimits()))
            return (seed.kind, loaded.map(figures) ?? [:])
        })

    static func options(_ limits: ParseLimits) -> ReadOptions {
        ReadOptions(limits: limits, today: Build.today)
    }

    /// What gatecheck does with one source: an error code, or `read` with the figures that differ.
    ///
    /// An error is `@`-marked when the diagnostic gives a line, and is checked to make a verdict with a required
    /// report of the kind exit 2 with a diagnostic naming the file; a read lists the figures that differ from the
    /// clean report's.
    static func outcome<Source: ByteSource>(_ source: inout Source, kind: ReportKind, limits: ParseLimits) -> String {
        let path = "reports/\(kind.rawValue).damaged"
        do {
            let loaded = try ReportReader.read(kind, from: &source, path: path, options: options(limits))
            let clean = cleanFigures[kind] ?? [:]
            let changed = figures(loaded).filter { clean[$0.key] != $0.value }.sorted { $0.key < $1.key }
            return changed.isEmpty ? "read" : "read: " + changed.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        } catch {
            let verdict = Build.evaluate(
                [], [probeGate(kind)], failed: [FailedReport(path: path, kind: kind, error: error)])
            #expect(verdict.exitCode == 2)
            #expect(
                verdict.diagnostics.contains {
                    $0.file == path && $0.code == error.code && $0.line == error.location?.line
                })
            let code = error.code.replacingOccurrences(of: "report.", with: "")
            return error.location == nil ? code : code + " @"
        }
    }

    /// The cell's text: the outcomes of every variant, distinct ones joined with " or ".
    static func outcome(_ cell: Cell) -> String {
        guard let input = cell.row.input(FailureSeed.of(cell.kind)) else { return "n/a" }
        if var generated = input.generated {
            return outcome(&generated, kind: cell.kind, limits: input.limits)
        }
        var seen: [String] = []
        for variant in input.variants {
            var source = BytesSource(variant, chunkSize: 4096)
            let result = outcome(&source, kind: cell.kind, limits: input.limits)
            if !seen.contains(result) { seen.append(result) }
        }
        return seen.sorted().joined(separator: " or ")
    }

    // MARK: - The table in docs/failure-modes.md

    static let page = Fixtures.packageRoot.appendingPathComponent("docs/failure-modes.md")
    static let begin = "<!-- failure-matrix: begin (checked by FailureMatrixTests; GATECHECK_RECORD=1 rewrites it) -->"
    static let end = "<!-- failure-matrix: end -->"

    /// The documented cells, by row id, in the order of ``ReportKind/allCases``.
    static func documented() throws -> [String: [String]] {
        let text = try String(contentsOf: page, encoding: .utf8)
        guard let start = text.range(of: begin), let stop = text.range(of: end) else { return [:] }
        var table: [String: [String]] = [:]
        for line in text[start.upperBound..<stop.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = cells.first, let id = first.split(separator: "`").first else { continue }
            table[String(id)] = cells.dropFirst().map { $0.replacingOccurrences(of: "`", with: "") }
        }
        return table
    }

    /// The whole table, as it is written into the page.
    static func table(_ outcomes: [String: [String]]) -> String {
        var lines = [
            "| input | " + ReportKind.allCases.map(\.rawValue).joined(separator: " | ") + " |",
            "|---" + String(repeating: "|---", count: ReportKind.allCases.count) + "|",
        ]
        for row in rows {
            let cells = (outcomes[row.id] ?? []).map { $0 == "n/a" ? "n/a" : "`\($0)`" }
            lines.append("| `\(row.id)`: \(row.description) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Rewrites the table in the page from `outcomes`.
    static func record(_ outcomes: [String: [String]]) throws {
        let text = try String(contentsOf: page, encoding: .utf8)
        guard let start = text.range(of: begin), let stop = text.range(of: end) else { return }
        let updated = text[..<start.upperBound] + "\n" + table(outcomes) + "\n" + text[stop.lowerBound...]
        try String(updated).write(to: page, atomically: true, encoding: .utf8)
    }

    // MARK: - Helpers

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        let declared = text.replacingOccurrences(of: #"encoding="utf-8""#, with: #"encoding="UTF-16""#)
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in declared.utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    static func replacingFirst(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard
            let start = (0...(bytes.count - needle.count)).first(where: {
                bytes[$0..<($0 + needle.count)].elementsEqual(needle)
            })
        else { return bytes }
        return Array(bytes[..<start]) + replacement + Array(bytes[(start + needle.count)...])
    }
}
