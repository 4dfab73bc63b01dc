#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes a ``Baseline`` as JSON: the same bytes as `JSONEncoder` with `[.sortedKeys, .prettyPrinted,
/// .withoutEscapingSlashes]` (two-space indent, `"key" : value`, keys in UTF-8 byte order, an empty object as
/// `{` newline newline `}`), written straight into one byte array.
///
/// `JSONEncoder` builds a tree of boxed values and sorts every object's keys, about 40 µs per finding fingerprint
/// of a large SARIF run (0.03 s for 5,000 fingerprints, a tenth of reading the report). The struct keys here are
/// written in their sorted order; only dictionaries are sorted. `BaselineWriterTests` holds it to `JSONEncoder`'s
/// bytes.
struct BaselineWriter {
    private var out: [UInt8] = []
    private var indent = 0

    /// The baseline's JSON, ending in a newline.
    static func encode(_ baseline: Baseline) -> [UInt8] {
        var writer = BaselineWriter()
        // About 200 bytes per fingerprint, test id or file; a guess, never a limit.
        let entries =
            (baseline.findings?.count ?? 0) + (baseline.tests?.count ?? 0)
            + (baseline.coverage?.files.count ?? 0) + baseline.gates.count
        writer.out.reserveCapacity(1024 + 200 * entries)
        writer.write(baseline)
        writer.out.append(0x0A)
        return writer.out
    }

    // MARK: - Private

    private mutating func write(_ baseline: Baseline) {
        var first = true
        open()
        if let accuracy = baseline.accuracy {
            key("accuracy", &first)
            dictionary(accuracy) { writer, scores in
                writer.dictionary(scores) { writer, score in
                    if let score { writer.string(score) } else { writer.append("null") }
                }
            }
        }
        if let coverage = baseline.coverage {
            key("coverage", &first)
            write(coverage)
        }
        if let findings = baseline.findings {
            key("findings", &first)
            dictionary(findings) { writer, tally in writer.write(tally) }
        }
        key("gatecheck_version", &first)
        string(baseline.gatecheckVersion)
        key("gates", &first)
        dictionary(baseline.gates) { writer, gate in writer.write(gate) }
        key("meta", &first)
        dictionary(baseline.meta) { writer, value in writer.string(value) }
        if let packages = baseline.packages {
            key("packages", &first)
            array(packages) { writer, package in writer.string(package) }
        }
        key("schema", &first)
        string(baseline.schema)
        if let tests = baseline.tests {
            key("tests", &first)
            dictionary(tests) { writer, state in writer.string(state.rawValue) }
        }
        key("tools", &first)
        dictionary(baseline.tools) { writer, value in writer.string(value) }
        key("unreadable_reports", &first)
        integer(baseline.unreadableReports)
        close()
    }

    private mutating func write(_ coverage: BaselineCoverage) {
        var first = true
        open()
        key("files", &first)
        dictionary(coverage.files) { writer, counts in
            var first = true
            writer.open()
            writer.key("lines_covered", &first)
            writer.integer(counts.linesCovered)
            writer.key("lines_valid", &first)
            writer.integer(counts.linesValid)
            writer.close()
        }
        key("lines_covered", &first)
        integer(coverage.linesCovered)
        key("lines_valid", &first)
        integer(coverage.linesValid)
        close()
    }

    private mutating func write(_ tally: FindingTally) {
        var first = true
        open()
        key("confidence", &first)
        string(tally.confidence.rawValue)
        key("count", &first)
        integer(tally.count)
        key("fixable", &first)
        append(tally.fixable ? "true" : "false")
        key("place", &first)
        string(tally.place)
        key("rule", &first)
        string(tally.rule)
        key("severity", &first)
        string(tally.severity.rawValue)
        key("tool", &first)
        string(tally.tool)
        key("waived", &first)
        integer(tally.waived)
        close()
    }

    private mutating func write(_ gate: BaselineGate) {
        var first = true
        open()
        key("definition", &first)
        string(gate.definition)
        key("metric", &first)
        string(gate.metric)
        if let value = gate.value {
            key("value", &first)
            var inner = true
            open()
            switch value {
            case .integer(let count):
                key("integer", &inner)
                integer(count)
            case .ratio(let numerator, let denominator):
                key("denominator", &inner)
                integer(denominator)
                key("numerator", &inner)
                integer(numerator)
            case .decimal(let number):
                key("decimal", &inner)
                string(number.description)
            }
            close()
        }
        close()
    }

    /// A dictionary's members in the UTF-8 byte order of their keys, as `JSONEncoder` sorts them.
    private mutating func dictionary<Value>(_ members: [String: Value], _ value: (inout Self, Value) -> Void) {
        var first = true
        open()
        for (name, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name, &first)
            value(&self, member)
        }
        close()
    }

    /// An array's elements in their order, laid out as `JSONEncoder` lays out a dictionary.
    private mutating func array<Element>(_ elements: [Element], _ value: (inout Self, Element) -> Void) {
        out.append(0x5B)
        out.append(0x0A)
        indent += 1
        for (index, element) in elements.enumerated() {
            if index > 0 {
                out.append(0x2C)
                out.append(0x0A)
            }
            writeIndent()
            value(&self, element)
        }
        out.append(0x0A)
        indent -= 1
        writeIndent()
        out.append(0x5D)
    }

    private mutating func open() {
        out.append(0x7B)
        out.append(0x0A)
        indent += 1
    }

    private mutating func close() {
        out.append(0x0A)
        indent -= 1
        writeIndent()
        out.append(0x7D)
    }

    /// A member's key: the separator from the member before, the indent, `"key" : `.
    private mutating func key(_ name: String, _ first: inout Bool) {
        if !first {
            out.append(0x2C)
            out.append(0x0A)
        }
        first = false
        writeIndent()
        string(name)
        append(" : ")
    }

    private mutating func writeIndent() {
        for _ in 0..<indent {
            out.append(0x20)
            out.append(0x20)
        }
    }

    private mutating func integer(_ value: Int) {
        append(String(value))
    }

    private mutating func append(_ text: String) {
        out.append(contentsOf: text.utf8)
    }

    /// A string as `JSONEncoder` escapes it: `"` and `\`, the control characters (`\b \f \n \r \t`, the others as
    /// `\u00xx` in lower-case hex); `/` and everything else as is.
    private mutating func string(_ text: String) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x00..<0x20:
                append("\\u00")
                out.append(Self.hexDigit(byte >> 4))
                out.append(Self.hexDigit(byte & 0x0F))
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
