/// The CVE and CVSS blocks of Safety's reports: read by the 2.x/3.x `check` rows and the 3.x `scan` report alike.
extension SafetyParser {
    /// The keys of a CVE object read.
    enum CVEKey: String, JSONKeyEnum {
        case name, cvssv3, advisory
        static let table = JSONKeyTable<Self>()
    }

    /// A CVE: an id string (2.x), or an object `{name, cvssv2, cvssv3, advisory}` (2.0 previews and the 3.x
    /// `scan` report), or `null`.
    static func readCVE<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws
        -> (name: String?, severity: (Severity, String)?, advisory: String?)
    {
        switch try reader.peek() {
        case .string: return (try reader.readString(), nil, nil)
        case .object:
            var block: (name: String?, severity: (Severity, String)?, advisory: String?) = (nil, nil, nil)
            try reader.beginObject()
            while let key = try reader.nextKey(CVEKey.self) {
                switch key {
                case .known(.name): block.name = try reader.readOptionalString()
                case .known(.cvssv3): block.severity = try readCVSS(&reader)
                case .known(.advisory): block.advisory = try reader.readMessage()
                case .unknown: try reader.skipValue()
                }
            }
            return block
        default:
            try reader.skipValue()
            return (nil, nil, nil)
        }
    }

    /// The keys of a CVSS v3 block read.
    enum CVSSKey: String, JSONKeyEnum {
        case baseSeverity = "base_severity", baseScore = "base_score"
        static let table = JSONKeyTable<Self>()
    }

    /// A CVSS v3 block: `{base_severity, base_score, ...}`, a bare score, or `null`.
    ///
    /// A score outside 0–10 is refused.
    static func readCVSS<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> (Severity, String)? {
        switch try reader.peek() {
        case .number:
            let score = try readCVSSScore(&reader)
            return score.flatMap(Severity.fromScore).map { ($0, "CVSS v3 base_score \(score ?? 0)") }
        case .object:
            var label: String?
            var score: Double?
            try reader.beginObject()
            while let key = try reader.nextKey(CVSSKey.self) {
                switch key {
                case .known(.baseSeverity): label = try reader.readOptionalString()
                case .known(.baseScore): score = try readCVSSScore(&reader)
                case .unknown: try reader.skipValue()
                }
            }
            if let label, let severity = Severity(cvssLabel: label) {
                return (severity, "CVSS v3 base_severity \(label)")
            }
            if let score, let severity = Severity.fromScore(score) { return (severity, "CVSS v3 base_score \(score)") }
            return nil
        default:
            try reader.skipValue()
            return nil
        }
    }

    /// A base score (a number or numeric text); a number outside 0–10 is refused.
    private static func readCVSSScore<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> Double? {
        _ = try reader.peek()
        let at = reader.position
        guard let score = try reader.readScore() else { return nil }
        guard Severity.isScore(score) else {
            throw ReportError.invalid(
                "the CVSS base_score \(score) is not a score (0 to 10)", at: at, keyPath: "base_score")
        }
        return score
    }
}

extension Severity {
    /// The severity of a CVSS v3 qualitative rating (`CRITICAL`, `HIGH`, `MEDIUM`, `LOW`), case-insensitively;
    /// `NONE` and anything else give `nil`.
    init?(cvssLabel: String) {
        switch cvssLabel.uppercased() {
        case "CRITICAL": self = .critical
        case "HIGH": self = .high
        case "MEDIUM": self = .medium
        case "LOW": self = .low
        default: return nil
        }
    }
}
