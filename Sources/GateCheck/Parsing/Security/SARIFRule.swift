/// A SARIF `level`.
enum SARIFLevel: UInt8 {
    case none, note, warning, error

    init?(_ text: String) {
        switch text {
        case "none": self = .none
        case "note": self = .note
        case "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    /// The level's place on the one scale when nothing better is known: error → high, warning → medium,
    /// note → low, none → unknown.
    var severity: (Severity, String) {
        switch self {
        case .error: (.high, "SARIF level error")
        case .warning: (.medium, "SARIF level warning")
        case .note: (.low, "SARIF level note")
        case .none: (.unknown, "SARIF level none")
        }
    }
}

/// What gatecheck keeps of one SARIF rule (`reportingDescriptor`): its id, default level and the severity it implies.
///
/// Descriptions and help text are skipped unread.
struct SARIFRule {
    var id = ""
    var guid: String?
    var defaultLevel: SARIFLevel?
    /// From `properties.security-severity`, a severity tag, or a `[HIGH]` id prefix; `nil` means "use the level".
    var severity: (Severity, String)?

    static func read<Source: ByteSource>(_ reader: inout JSONReader<Source>, at keyPath: String) throws -> SARIFRule {
        var rule = SARIFRule()
        var score: (Double, String)?
        var tag: String?
        try reader.beginObject()
        while let key = try reader.nextKey(RuleKey.self) {
            switch key {
            case .known(.id): rule.id = try reader.readOptionalString() ?? ""
            case .known(.guid): rule.guid = try reader.readOptionalString()
            case .known(.defaultConfiguration):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(ConfigurationKey.self) {
                    guard field == .known(.level) else { try reader.skipValue(); continue }
                    rule.defaultLevel = try readLevel(&reader, at: keyPath + ".defaultConfiguration.level")
                }
            case .known(.properties):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(PropertyKey.self) {
                    switch field {
                    case .known(.securitySeverity):
                        let kind = try reader.peek()
                        let at = reader.position
                        switch kind {
                        case .string:
                            let text = try reader.readString()
                            score = Double(text.trimmingWhitespace).map { ($0, text) }
                        case .number:
                            let value = try reader.readDouble()
                            score = (value, "\(value)")
                        default: try reader.skipValue()
                        }
                        // A label such as "MEDIUM" is no score (the next rule applies); a number outside 0–10 is damage.
                        if let score, !Severity.isScore(score.0) {
                            throw ReportError.invalid(
                                "security-severity \(score.1) is not a score (0 to 10)", at: at,
                                keyPath: keyPath + ".properties.security-severity")
                        }
                    case .known(.tags):
                        guard try reader.peek() == .array else { try reader.skipValue(); continue }
                        try reader.beginArray()
                        while try reader.nextElement() {
                            guard try reader.peek() == .string else { try reader.skipValue(); continue }
                            let text = try reader.readString()
                            if tag == nil, severityTags[text] != nil { tag = text }
                        }
                    case .unknown: try reader.skipValue()
                    }
                }
            case .unknown: try reader.skipValue()
            }
        }
        if let score, let band = Severity.fromScore(score.0) {
            rule.severity = (band, "security-severity \(score.1)")
        } else if let tag, let severity = severityTags[tag] {
            rule.severity = (severity, "severity tag \(tag)")
        } else if let prefixed = idSeverity(rule.id) {
            rule.severity = prefixed.severity
        }
        return rule
    }

    static func readLevel<Source: ByteSource>(_ reader: inout JSONReader<Source>, at keyPath: String) throws
        -> SARIFLevel?
    {
        _ = try reader.peek()
        let at = reader.position
        guard let text = try reader.readOptionalString() else { return nil }
        guard let level = SARIFLevel(text) else {
            throw ReportError.invalid(
                "\"\(text)\" is not a SARIF level; SARIF 2.1.0 allows none, note, warning and error", at: at,
                keyPath: keyPath)
        }
        return level
    }

    /// Trivy's 2020 template wrote the severity into the rule id: `[HIGH] CVE-2019-1549`.
    ///
    /// Returns the severity and the id without the prefix.
    static func idSeverity(_ id: String) -> (severity: (Severity, String), id: String)? {
        guard id.utf8.first == UInt8(ascii: "["), let close = id.firstIndex(of: "]") else { return nil }
        let label = String(id[id.index(after: id.startIndex)..<close])
        guard let severity = severityTags[label] else { return nil }
        let rest = id[id.index(after: close)...].trimmingWhitespace
        return ((severity, "rule id prefix [\(label)]"), rest.isEmpty ? id : rest)
    }

    // MARK: - Private

    /// The keys of a rule read.
    enum RuleKey: String, JSONKeyEnum {
        case id, guid, defaultConfiguration, properties
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a rule's `defaultConfiguration` read.
    enum ConfigurationKey: String, JSONKeyEnum {
        case level
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a rule's `properties` read.
    enum PropertyKey: String, JSONKeyEnum {
        case securitySeverity = "security-severity", tags
        static let table = JSONKeyTable<Self>()
    }
    /// Trivy's severity tags, exactly as Trivy writes them (upper case), so that tags such as `high-value` or
    /// `Low` in other tools' rules are not mistaken for severities.
    private static let severityTags: [String: Severity] = [
        "CRITICAL": .critical, "HIGH": .high, "MEDIUM": .medium, "LOW": .low, "UNKNOWN": .unknown,
    ]
}

/// A tool component (the driver or an extension) with its rules.
struct SARIFComponent {
    var name: String?
    var guid: String?
    var rules: [SARIFRule] = []
    var ruleIndexByID: [String: Int] = [:]
    /// The first rule with each `guid`: results may name their rule by guid alone, and a linear search per result
    /// made a log of 100k rules and results take minutes.
    var ruleIndexByGUID: [String: Int] = [:]

    static func read<Source: ByteSource>(_ reader: inout JSONReader<Source>, at keyPath: String) throws
        -> SARIFComponent
    {
        var component = SARIFComponent()
        guard try reader.peek() == .object else {
            try reader.skipValue()
            return component
        }
        try reader.beginObject()
        while let key = try reader.nextKey(ComponentKey.self) {
            switch key {
            case .known(.name): component.name = try reader.readOptionalString()
            case .known(.guid): component.guid = try reader.readOptionalString()
            case .known(.rules):
                if try reader.peek() == .null { try reader.readNull(); continue }
                try reader.beginArray()
                while try reader.nextElement() {
                    let rule = try SARIFRule.read(&reader, at: "\(keyPath).rules[\(component.rules.count)]")
                    if component.ruleIndexByID[rule.id] == nil {
                        component.ruleIndexByID[rule.id] = component.rules.count
                    }
                    if let guid = rule.guid, component.ruleIndexByGUID[guid] == nil {
                        component.ruleIndexByGUID[guid] = component.rules.count
                    }
                    component.rules.append(rule)
                }
            case .unknown: try reader.skipValue()
            }
        }
        return component
    }

    /// The rule with this id, also trying the part before the first `/` of a hierarchical id (`CA2101/1`).
    func rule(id: String) -> SARIFRule? {
        if let index = ruleIndexByID[id] { return rules[index] }
        if let slash = id.firstIndex(of: "/"), let index = ruleIndexByID[String(id[..<slash])] { return rules[index] }
        return nil
    }

    /// The first rule with this `guid`.
    func rule(guid: String) -> SARIFRule? {
        ruleIndexByGUID[guid].map { rules[$0] }
    }

    /// The keys of a tool component read.
    enum ComponentKey: String, JSONKeyEnum {
        case name, guid, rules
        static let table = JSONKeyTable<Self>()
    }
}
