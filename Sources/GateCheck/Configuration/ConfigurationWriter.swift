#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes gates as a gates.json that ``ConfigurationDecoder`` reads back to the same gates: keys in the order a
/// person reads them (id, description, metric, bound, level, ...), bounds exactly as written (`0.80`, `"500 MiB"`),
/// defaults left out.
///
/// ```swift
/// let text = ConfigurationWriter.json(gates: Configuration.builtInGates, schema: ConfigurationWriter.schemaURL)
/// ```
@_spi(Internals) public enum ConfigurationWriter {
    /// The `$id` of `schemas/gates.schema.json`, for editors.
    public static let schemaURL = "https://gatecheck.dev/schemas/gates.schema.json"

    /// A version-1 gates.json holding `gates`, with a `$schema` line when `schema` is given.
    public static func json(gates: [GateSpec], schema: String? = nil) -> String {
        var lines = ["{"]
        if let schema { lines.append("  \"$schema\": \(quoted(schema)),") }
        lines.append("  \"version\": \(Configuration.currentVersion),")
        lines.append("  \"gates\": [")
        for (index, gate) in gates.enumerated() {
            let members = fields(gate).map { "      \(quoted($0.key)): \($0.value)" }
            lines.append("    {")
            lines.append(members.joined(separator: ",\n"))
            lines.append(index == gates.count - 1 ? "    }" : "    },")
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Private

    private static func fields(_ gate: GateSpec) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = [("id", quoted(gate.id))]
        if let description = gate.description { fields.append(("description", quoted(description))) }
        fields.append(("metric", quoted(gate.metric.name)))
        let written = gate.bound.threshold.written
        let bound = isJSONNumber(written) ? written : quoted(written)
        switch gate.bound {
        case .min: fields.append(("min", bound))
        case .max: fields.append(("max", bound))
        }
        if gate.level != .error { fields.append(("level", quoted(gate.level.rawValue))) }
        if !gate.required { fields.append(("required", "false")) }
        if let kinds = gate.kinds { fields.append(("kinds", list(kinds.map(\.rawValue)))) }
        let selector = gate.selector
        if let severity = selector.minSeverity { fields.append(("min_severity", quoted(severity.rawValue))) }
        if let confidence = selector.minConfidence { fields.append(("min_confidence", quoted(confidence.rawValue))) }
        if selector.fixableOnly { fields.append(("fixable_only", "true")) }
        if let tools = selector.tools { fields.append(("tools", list(tools))) }
        if !gate.tags.isEmpty { fields.append(("tags", list(gate.tags))) }
        if let reports = gate.reports { fields.append(("reports", list(reports))) }
        if gate.exclusive { fields.append(("exclusive", "true")) }
        if let classes = gate.scopeClasses {
            fields.append(("scope", "{\"classes\": " + list(classes) + "}"))
        } else if let paths = gate.scope {
            fields.append(("scope", "{\"paths\": " + list(paths) + "}"))
        }
        if gate.perFile { fields.append(("per_file", "true")) }
        return fields
    }

    private static func list(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ", ") + "]"
    }

    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private static func isJSONNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        guard !integer.isEmpty, integer == "0" || !integer.hasPrefix("0") else { return false }
        rest = rest.dropFirst(integer.count)
        if rest.hasPrefix(".") {
            let fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        }
        if let first = rest.first, first == "e" || first == "E" {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}
