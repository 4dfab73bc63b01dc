#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads gates.json (`schemas/gates.schema.json`).
///
/// Every problem is reported, each with the file, the key path (`gates[2].min`) and the line and column, and any
/// problem means no configuration: gatecheck never judges with a configuration it only partly understood.
///
/// ```swift
/// switch ConfigurationDecoder.decode(Array(data), file: "gates.json") {
/// case .success(let configuration): ...
/// case .failure(let error): print(error.problems.map(\.message))
/// }
/// ```
@_spi(Internals) public enum ConfigurationDecoder {
    /// Decodes a configuration file's bytes.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<Configuration, ConfigurationError> {
        var reader = JSONReader(BytesSource(bytes), options: JSONReaderOptions(maxDepth: 32))
        let root: JSONNode
        do {
            root = try reader.readValue()
            try reader.finish()
        } catch {
            let position = error.position
            return .failure(
                ConfigurationError(problems: [
                    Diagnostic(
                        .error, code: "config.malformed", message: "gates.json is not valid JSON: \(error)",
                        file: file, line: position?.line, column: position?.column)
                ]))
        }
        var decoder = JSONNodeDecoder(file: file)
        let configuration = decodeRoot(root, &decoder)
        // Warnings (a tool name that is a near miss of a known one) do not stop the configuration; they travel with it.
        if var configuration, !decoder.problems.contains(where: { $0.severity == .error }) {
            configuration.warnings = decoder.problems
            return .success(configuration)
        }
        return .failure(ConfigurationError(problems: decoder.problems))
    }

    static let rootKeys = [
        "$schema", "version", "inputs", "gates", "waivers", "waiver_warning_days", "limits", "accuracy_mapping",
        "paths", "diff",
    ]
    static let gateKeys = [
        "id", "metric", "min", "max", "level", "required", "kinds", "description", "min_severity", "min_confidence",
        "fixable_only", "tools", "tags", "reports", "exclusive", "baseline", "history", "scope", "per_file",
    ]
    static let inputKeys = ["path", "kind", "required"]
    static let waiverKeys = ["id", "reason", "expires", "kinds", "paths", "package", "owner"]
    static let limitKeys = ["max_report_bytes", "max_depth"]

    // MARK: - Private

    private static func decodeRoot(_ root: JSONNode, _ decoder: inout JSONNodeDecoder) -> Configuration? {
        guard let fields = decoder.object(root, at: "", keys: rootKeys) else { return nil }
        var configuration = Configuration(gates: [])
        if let node = decoder.required(fields, "version", in: "", root.position),
            let version = decoder.integer(node, at: "version")
        {
            if version != Configuration.currentVersion {
                decoder.fail(
                    "version",
                    "version \(version) is not supported; this gatecheck reads version \(Configuration.currentVersion)",
                    at: "version", node.position)
            }
            configuration.version = version
        }
        if let node = fields["inputs"], let elements = decoder.array(node, at: "inputs") {
            configuration.inputs = elements.enumerated().compactMap { decodeInput($1, at: "inputs[\($0)]", &decoder) }
        }
        if let node = decoder.required(fields, "gates", in: "", root.position),
            let elements = decoder.array(node, at: "gates")
        {
            if elements.isEmpty {
                decoder.fail(
                    "no-gates", "gates is empty: a configuration without gates would pass anything", at: "gates",
                    node.position)
            }
            configuration.gates = elements.enumerated().compactMap { index, element in
                let gate = GateDecoding.decode(element, at: "gates[\(index)]", &decoder)
                if let gate { configuration.gateLines[gate.id] = element.position.line }
                return gate
            }
            var seen: Set<String> = []
            for (index, gate) in configuration.gates.enumerated() where !seen.insert(gate.id).inserted {
                decoder.fail(
                    "duplicate-id", "the gate id \"\(gate.id)\" is used twice; ids must be unique",
                    at: "gates[\(index)].id",
                    elements[index].position)
            }
            if !configuration.gates.isEmpty, configuration.gates.allSatisfy({ $0.level == .warn }) {
                decoder.warn(
                    "no-blocking-gate",
                    "every gate is level \"warn\", and a run passes only when a blocking gate was judged, so every "
                        + "run will be exit 2 (verdict.nothing-judged); make at least one gate level \"error\"",
                    at: "gates", node.position)
            }
        }
        if let node = fields["waivers"], let elements = decoder.array(node, at: "waivers") {
            configuration.waivers = elements.enumerated().compactMap {
                decodeWaiver($1, at: "waivers[\($0)]", &decoder)
            }
        }
        if let node = fields["waiver_warning_days"],
            let days = decoder.integer(node, at: "waiver_warning_days", range: 0...3650)
        {
            configuration.waiverWarningDays = days
        }
        if let node = fields["accuracy_mapping"],
            let mapping = AccuracyMapping.decode(node, at: "accuracy_mapping", &decoder)
        {
            configuration.accuracyMapping = mapping
        }
        if let node = fields["paths"], let rules = PathRulesDecoding.decodePaths(node, &decoder) {
            configuration.pathRules = rules
        }
        if let node = fields["diff"], let options = PathRulesDecoding.decodeDiff(node, &decoder) {
            configuration.diffOptions = options
        }
        if let node = fields["limits"], let limits = decoder.object(node, at: "limits", keys: limitKeys) {
            if let value = limits["max_report_bytes"],
                let bytes = decoder.integer(value, at: "limits.max_report_bytes", range: 1...Int.max)
            {
                configuration.limits.maxReportBytes = bytes
            }
            if let value = limits["max_depth"],
                let depth = decoder.integer(value, at: "limits.max_depth", range: 8...1024)
            {
                configuration.limits.maxDepth = depth
            }
        }
        return configuration
    }

    private static func decodeInput(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder)
        -> InputBinding?
    {
        guard let fields = decoder.object(node, at: path, keys: inputKeys) else { return nil }
        let glob = decoder.required(fields, "path", in: path, node.position).flatMap {
            decoder.string($0, at: path + ".path")
        }
        let kind = decoder.required(fields, "kind", in: path, node.position).flatMap {
            decoder.choice($0, at: path + ".kind", as: ReportKind.self)
        }
        let required = fields["required"].flatMap { decoder.bool($0, at: path + ".required") } ?? true
        guard let glob, let kind else { return nil }
        if glob.isEmpty { decoder.fail("value", "the path is empty", at: path + ".path", node.position) }
        return InputBinding(path: glob, kind: kind, required: required)
    }

    private static func decodeWaiver(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> Waiver? {
        guard let fields = decoder.object(node, at: path, keys: waiverKeys) else { return nil }
        let id = decoder.required(fields, "id", in: path, node.position).flatMap {
            decoder.string($0, at: path + ".id")
        }
        let reason = decoder.required(fields, "reason", in: path, node.position).flatMap {
            decoder.string($0, at: path + ".reason")
        }
        var expires: Day?
        if let node = decoder.required(fields, "expires", in: path, node.position),
            let text = decoder.string(node, at: path + ".expires")
        {
            expires = Day(text)
            if expires == nil {
                decoder.fail(
                    "value", "\"\(text)\" is not a date; write the last valid day as YYYY-MM-DD (UTC, inclusive)",
                    at: path + ".expires", node.position)
            }
        }
        if let reason, reason.trimmingWhitespace.isEmpty {
            decoder.fail(
                "value", "the reason is empty; say why the exception is acceptable", at: path + ".reason", node.position
            )
        }
        let kinds = fields["kinds"].flatMap { decodeKinds($0, at: path + ".kinds", &decoder) }
        let paths = fields["paths"].flatMap { nonEmptyStrings($0, at: path + ".paths", &decoder) }
        let package = fields["package"].flatMap { decoder.string($0, at: path + ".package") }
        let owner = fields["owner"].flatMap { decoder.string($0, at: path + ".owner") }
        guard let id, let reason, let expires else { return nil }
        return Waiver(
            id: id, reason: reason, expires: expires, kinds: kinds, paths: paths, package: package, owner: owner)
    }

    static func decodeKinds(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> [ReportKind]? {
        guard let elements = nonEmptyArray(node, at: path, &decoder) else { return nil }
        let kinds = elements.enumerated().compactMap { decoder.choice($1, at: "\(path)[\($0)]", as: ReportKind.self) }
        return kinds.count == elements.count ? kinds : nil
    }
}

extension ConfigurationDecoder {
    /// A list-valued selector or scope (`kinds`, `tools`, `paths`), which must not be empty: an empty list selects
    /// nothing, so a gate would count nothing and pass, and a waiver would never apply.
    static func nonEmptyArray(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> [JSONNode]? {
        guard let elements = decoder.array(node, at: path) else { return nil }
        if elements.isEmpty {
            decoder.fail(
                "value",
                "the list is empty, so it selects nothing (a gate would count nothing and pass); list at least one "
                    + "entry, or remove the key to select everything",
                at: path, node.position)
            return nil
        }
        return elements
    }

    /// A non-empty list of non-empty strings (see ``nonEmptyArray(_:at:_:)``).
    static func nonEmptyStrings(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> [String]? {
        guard nonEmptyArray(node, at: path, &decoder) != nil, let values = decoder.strings(node, at: path) else {
            return nil
        }
        var valid = true
        for (index, value) in values.enumerated() where value.trimmingWhitespace.isEmpty {
            decoder.fail("value", "the entry is empty, so it matches nothing", at: "\(path)[\(index)]", node.position)
            valid = false
        }
        return valid ? values : nil
    }
}

/// Why a configuration could not be used: every problem found, each a diagnostic with file and key path.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in document order.
    public var problems: [Diagnostic]

    /// Creates an error.
    public init(problems: [Diagnostic]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.message).joined(separator: "; ")
    }
}
