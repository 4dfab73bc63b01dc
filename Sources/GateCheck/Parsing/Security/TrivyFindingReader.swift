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
        while let key = try reader.nextKey(VulnerabilityKey.self) {
            switch key {
            case .known(.vulnerabilityID): id = try reader.readOptionalString()
            case .known(.vendorIDs): aliases = try reader.readStringList()
            case .known(.pkgName): name = try reader.readOptionalString() ?? ""
            case .known(.pkgPath): path = try reader.readOptionalString()
            case .known(.installedVersion): version = try reader.readOptionalString()
            case .known(.fixedVersion): fixed = try reader.readOptionalString()
            case .known(.severity): severity = try readSeverity(&reader, field: "Severity")
            case .known(.title): title = try reader.readMessage()
            case .known(.description): description = try reader.readMessage()
            case .unknown: try reader.skipValue()
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
        while let key = try reader.nextKey(MisconfigurationKey.self) {
            switch key {
            case .known(.id): id = try reader.readOptionalString() ?? ""
            case .known(.avdID): avdID = try reader.readOptionalString()
            case .known(.severity): severity = try readSeverity(&reader, field: "Severity")
            case .known(.status): status = try reader.readOptionalString()
            case .known(.message): message = try reader.readMessage()
            case .known(.title): title = try reader.readMessage()
            case .known(.causeMetadata):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(CauseKey.self) {
                    if field == .known(.startLine) {
                        line = try reader.readOptionalLine()
                    } else {
                        try reader.skipValue()
                    }
                }
            case .unknown: try reader.skipValue()
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
        while let key = try reader.nextKey(SecretKey.self) {
            switch key {
            case .known(.ruleID): id = try reader.readOptionalString() ?? ""
            case .known(.severity): severity = try readSeverity(&reader, field: "Severity")
            case .known(.title): title = try reader.readMessage()
            case .known(.startLine): line = try reader.readOptionalLine()
            case .unknown: try reader.skipValue()  // Match and Code hold the secret itself: never kept.
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
        while let key = try reader.nextKey(LicenseKey.self) {
            switch key {
            case .known(.name): name = try reader.readOptionalString() ?? ""
            case .known(.pkgName): package = try reader.readOptionalString()
            case .known(.filePath): path = try reader.readOptionalString()
            case .known(.severity): severity = try readSeverity(&reader, field: "Severity")
            case .known(.category): category = try reader.readOptionalString() ?? ""
            case .unknown: try reader.skipValue()
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

    /// The keys of a vulnerability read.
    enum VulnerabilityKey: String, JSONKeyEnum {
        case vulnerabilityID = "VulnerabilityID", vendorIDs = "VendorIDs", pkgName = "PkgName", pkgPath = "PkgPath"
        case installedVersion = "InstalledVersion", fixedVersion = "FixedVersion", severity = "Severity"
        case title = "Title", description = "Description"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a misconfiguration read.
    enum MisconfigurationKey: String, JSONKeyEnum {
        case id = "ID", avdID = "AVDID", severity = "Severity", status = "Status", message = "Message"
        case title = "Title", causeMetadata = "CauseMetadata"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a misconfiguration's `CauseMetadata` read.
    enum CauseKey: String, JSONKeyEnum {
        case startLine = "StartLine"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a secret read; `Match` and `Code` hold the secret itself and are never kept.
    enum SecretKey: String, JSONKeyEnum {
        case ruleID = "RuleID", severity = "Severity", title = "Title", startLine = "StartLine"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a license finding read.
    enum LicenseKey: String, JSONKeyEnum {
        case name = "Name", pkgName = "PkgName", filePath = "FilePath", severity = "Severity", category = "Category"
        static let table = JSONKeyTable<Self>()
    }

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
