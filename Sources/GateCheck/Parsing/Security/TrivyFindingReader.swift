/// Reads one finding object of a Trivy JSON result: a vulnerability, misconfiguration, secret or license.
enum TrivyFindingReader {
    /// What one misconfiguration amounts to.
    enum Misconfiguration {
        case finding(Finding)
        /// `Status: EXCEPTION`: excepted by a Trivy policy.
        case suppressed
        /// `Status: PASS` (only present with `--include-non-failures`).
        case passed
    }

    static func vulnerability<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, _ context: inout TrivyJSONParser.Context
    ) throws -> Finding {
        var id: String?
        var aliases: [String] = []
        var name = ""
        var path: String?
        var version: String?
        var fixed: String?
        var severity: (Severity, String)?
        var title: String?
        var description = ""
        try reader.beginObject()
        while let key = try reader.nextKey(in: vulnerabilityKeys) {
            switch key {
            case 0: id = try reader.readOptionalString()
            case 1: aliases = try reader.readStringList()
            case 2: name = try reader.readOptionalString() ?? ""
            case 3: path = try reader.readOptionalString()
            case 4: version = try reader.readOptionalString()
            case 5: fixed = try reader.readOptionalString()
            case 6: severity = try readSeverity(&reader, field: "Severity")
            case 7: title = try reader.readMessage()
            case 8: description = try reader.readMessage()
            default: try reader.skipValue()
            }
        }
        if id?.isEmpty ?? true { context.withoutID += 1 }
        let fixVersions = (fixed ?? "").split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        return Finding(
            tool: tool, kind: .trivyJSON, id: id.flatMap { $0.isEmpty ? nil : $0 } ?? "(no VulnerabilityID)",
            aliases: aliases, severity: severity?.0 ?? .unknown, severitySource: severity?.1 ?? "no Severity",
            location: path.flatMap { $0.isEmpty ? nil : Finding.Location(path: $0) },
            package: Finding.Package(name: name, version: version, fixVersions: fixVersions),
            message: title.flatMap { $0.isEmpty ? nil : $0 } ?? description)
    }

    static func misconfiguration<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> Misconfiguration {
        var id = ""
        var avdID: String?
        var severity: (Severity, String)?
        var status: String?
        var message: String?
        var title = ""
        var line: Int?
        try reader.beginObject()
        while let key = try reader.nextKey(in: misconfigurationKeys) {
            switch key {
            case 0: id = try reader.readOptionalString() ?? ""
            case 1: avdID = try reader.readOptionalString()
            case 2: severity = try readSeverity(&reader, field: "Severity")
            case 3: status = try reader.readOptionalString()
            case 4: message = try reader.readMessage()
            case 5: title = try reader.readMessage()
            case 6:
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(in: causeKeys) {
                    if field == 0 { line = try reader.readOptionalLine() } else { try reader.skipValue() }
                }
            default: try reader.skipValue()
            }
        }
        switch status?.uppercased() {
        case "PASS": return .passed
        case "EXCEPTION": return .suppressed
        default: break
        }
        let aliases = avdID.map { $0 == id || $0.isEmpty ? [] : [$0] } ?? []
        return .finding(
            Finding(
                tool: tool, kind: .trivyJSON, id: id, aliases: aliases, severity: severity?.0 ?? .unknown,
                severitySource: severity?.1 ?? "no Severity",
                location: line.map { Finding.Location(path: "", line: $0) },
                message: message.flatMap { $0.isEmpty ? nil : $0 } ?? title))
    }

    static func secret<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> Finding {
        var id = ""
        var severity: (Severity, String)?
        var title = ""
        var line: Int?
        try reader.beginObject()
        while let key = try reader.nextKey(in: secretKeys) {
            switch key {
            case 0: id = try reader.readOptionalString() ?? ""
            case 1: severity = try readSeverity(&reader, field: "Severity")
            case 2: title = try reader.readMessage()
            case 3: line = try reader.readOptionalLine()
            default: try reader.skipValue()  // Match and Code hold the secret itself: never kept.
            }
        }
        return Finding(
            tool: tool, kind: .trivyJSON, id: id, severity: severity?.0 ?? .unknown,
            severitySource: severity?.1 ?? "no Severity", location: line.map { Finding.Location(path: "", line: $0) },
            message: title)
    }

    static func license<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> Finding {
        var name = ""
        var package: String?
        var path: String?
        var severity: (Severity, String)?
        var category = ""
        try reader.beginObject()
        while let key = try reader.nextKey(in: licenseKeys) {
            switch key {
            case 0: name = try reader.readOptionalString() ?? ""
            case 1: package = try reader.readOptionalString()
            case 2: path = try reader.readOptionalString()
            case 3: severity = try readSeverity(&reader, field: "Severity")
            case 4: category = try reader.readOptionalString() ?? ""
            default: try reader.skipValue()
            }
        }
        return Finding(
            tool: tool, kind: .trivyJSON, id: name, severity: severity?.0 ?? .unknown,
            severitySource: severity?.1 ?? "no Severity",
            location: path.flatMap { $0.isEmpty ? nil : Finding.Location(path: $0) },
            package: package.flatMap { $0.isEmpty ? nil : Finding.Package(name: $0) },
            message: category.isEmpty ? "license \(name)" : "\(category) license \(name)")
    }

    // MARK: - Private

    private static let tool = "trivy"
    private static let vulnerabilityKeys = JSONKeySet([
        "VulnerabilityID", "VendorIDs", "PkgName", "PkgPath", "InstalledVersion", "FixedVersion", "Severity", "Title",
        "Description",
    ])
    private static let misconfigurationKeys = JSONKeySet([
        "ID", "AVDID", "Severity", "Status", "Message", "Title", "CauseMetadata",
    ])
    private static let causeKeys = JSONKeySet(["StartLine"])
    private static let secretKeys = JSONKeySet(["RuleID", "Severity", "Title", "StartLine"])
    private static let licenseKeys = JSONKeySet(["Name", "PkgName", "FilePath", "Severity", "Category"])

    private static let severities: [String: (Severity, String)] = [
        "CRITICAL": (.critical, "Trivy Severity CRITICAL"), "HIGH": (.high, "Trivy Severity HIGH"),
        "MEDIUM": (.medium, "Trivy Severity MEDIUM"), "LOW": (.low, "Trivy Severity LOW"),
        "UNKNOWN": (.unknown, "Trivy Severity UNKNOWN"),
    ]

    private static func readSeverity<Source: ByteSource>(_ reader: inout JSONReader<Source>, field: String) throws
        -> (Severity, String)?
    {
        _ = try reader.peek()
        let at = reader.position
        guard let text = try reader.readOptionalString(), !text.isEmpty else { return nil }
        guard let severity = severities[text] ?? severities[text.uppercased()] else {
            throw ReportError.invalid(
                "Trivy writes \(field) as CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN, not \"\(text)\"", at: at,
                keyPath: field)
        }
        return severity
    }
}
