/// Reads Safety's JSON in its three shapes (docs/reference/formats.md §4), streaming, with the text banner that
/// Safety 3 prints around its JSON on stdout skipped.
///
/// The shapes:
///
/// - 1.x `safety check --json` (and 2.x `--json-output-format 0.5`): a list of
///   `[name, spec, version, advisory, id]` rows, with a 6th CVE id (1.9) or `cvssv2`, `cvssv3` (1.10.2+);
/// - 2.x/3.x `safety check --output json`: an object with `vulnerabilities` and `ignored_vulnerabilities`;
/// - 3.x `safety scan --output json` (schema 3.0): `scan_results` → projects → files → dependencies →
///   specifications → `known_vulnerabilities` (read in `SafetyParser+Scan.swift`).
///
/// ```swift
/// var source = BytesSource(bytes)
/// let parsed = try SafetyParser.parse(&source, options: ReadOptions(today: today))
/// print(parsed.report.suppressedByTool)   // ignored_vulnerabilities
/// ```
///
/// Severity is the CVSS v3 `base_severity` where the report has it (else the v3 `base_score` in CVSS bands),
/// otherwise `unknown`. Vulnerabilities Safety itself ignored (policy file or `--ignore`) count as suppressed by
/// the tool, never as findings.
@_spi(Internals) public enum SafetyParser {
    /// Parses one Safety JSON report.
    ///
    /// - Throws: ``ReportError`` when the JSON is not well-formed (Safety's own test corpus has two such files),
    ///   truncated, or not a Safety report.
    public static func parse<Source: ByteSource>(_ source: inout Source, options: ReadOptions) throws(ReportError)
        -> ParsedFindings
    {
        var collector = FindingCollector(kind: .safety, options: options)
        collector.noteTool(tool)
        var packagesFound: Int64?
        try JSONReportParsing.parse(source, kind: .safety, limits: options.limits, skipBanner: true) { reader in
            switch try reader.peek() {
            case .array: try readRows(&reader, into: &collector)
            case .object: packagesFound = try readObject(&reader, into: &collector)
            case let kind: throw ReportError.wrongKind(expected: .safety, found: kind.asTopLevel)
            }
        }
        var report = collector.finish()
        if packagesFound == 0 { report.notScanned.append(NotScanned(tool: tool, reason: nothingFound)) }
        return ParsedFindings(report: report, diagnostics: [])
    }

    static let tool = "safety"

    /// Why a `check` report whose `report_meta.packages_found` is 0 shows no scan.
    static let nothingFound =
        "Safety found no package to check (report_meta.packages_found is 0): it checks only pinned requirements "
        + "(`name==version`) and installed packages, so unpinned requirements or an empty environment leave nothing "
        + "checked; pin the requirements (pip freeze, pip-compile) or point Safety at the environment, then scan again"

    /// The keys of `report_meta` read.
    enum MetaKey: String, JSONKeyEnum {
        case packagesFound = "packages_found"
        static let table = JSONKeyTable<Self>()
    }

    // MARK: - Private

    /// The top-level keys of the object shapes (2.x/3.x `check`, 3.x `scan`).
    ///
    /// `meta` is read as an unknown key would be, but being known, a second `meta` is refused as a repeated key.
    enum TopKey: String, JSONKeyEnum {
        case vulnerabilities, ignoredVulnerabilities = "ignored_vulnerabilities", reportMeta = "report_meta"
        case scanResults = "scan_results", meta, scannedPackages = "scanned_packages"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of an element of `vulnerabilities` read.
    enum VulnerabilityKey: String, JSONKeyEnum {
        case vulnerabilityID = "vulnerability_id", packageName = "package_name", ignored
        case analyzedVersion = "analyzed_version", advisory, fixedVersions = "fixed_versions", cve = "CVE", severity
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a vulnerability's `severity` read.
    enum SeverityKey: String, JSONKeyEnum {
        case cvssv3
        static let table = JSONKeyTable<Self>()
    }

    /// The fields of a 1.x row, by position.
    private enum RowField: Int {
        case name, spec, version, advisory, id, cve, cvssv3
    }

    /// 1.x rows: `[name, spec, version, advisory, id, (cve | cvssv2), cvssv3]`.
    private static func readRows<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into collector: inout FindingCollector
    ) throws {
        try reader.beginArray()
        while try reader.nextElement() {
            let kind = try reader.peek()
            guard kind == .array else {
                throw ReportError.wrongKind(
                    expected: .safety, found: "a list whose element is a \(kind.rawValue), not a row")
            }
            var fields: [String?] = []
            var severity: (Severity, String)?
            try reader.beginArray()
            while try reader.nextElement() {
                switch RowField(rawValue: fields.count) {
                case .name?, .spec?, .version?, .id?: fields.append(try readScalarText(&reader))
                case .advisory?: fields.append(try reader.readMessage())
                case .cve? where try reader.peek() == .string: fields.append(try reader.readString())
                case .cvssv3?:
                    severity = try readCVSS(&reader)
                    fields.append(nil)
                case .cve?, nil:
                    try reader.skipValue()
                    fields.append(nil)
                }
            }
            guard fields.count >= 5, let name = fields[0] else {
                throw ReportError.wrongKind(
                    expected: .safety, found: "a row of \(fields.count) field(s); Safety 1.x rows have 5 to 7")
            }
            let cve = fields.count > 5 ? fields[5] : nil
            collector.add(
                Finding(
                    tool: tool, kind: .safety, id: fields[4] ?? "", aliases: cve.map { [$0] } ?? [],
                    severity: severity?.0 ?? .unknown, severitySource: severity?.1 ?? noSeverity,
                    package: Finding.Package(name: name, version: fields[2]), message: fields[3] ?? ""))
        }
    }

    /// Reads an object shape; returns `report_meta.packages_found` when the report states it.
    private static func readObject<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into collector: inout FindingCollector
    ) throws -> Int64? {
        var seen = SeenKeys()
        var packagesFound: Int64?
        var recognised = false
        try reader.beginObject()
        while let key = try reader.nextKey(TopKey.self) {
            switch key {
            case .known(.vulnerabilities):
                recognised = true
                try reader.forEachElement { reader throws in
                    try readVulnerability(&reader, into: &collector)
                }
            case .known(.ignoredVulnerabilities):
                recognised = true
                try reader.forEachElement { reader throws in
                    try reader.skipValue()
                    collector.suppressedByTool()
                }
            case .known(.reportMeta):
                recognised = true
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(MetaKey.self) {
                    if field == .known(.packagesFound), try reader.peek() == .number {
                        packagesFound = try reader.readInt64()
                    } else {
                        try reader.skipValue()
                    }
                }
            case .known(.scanResults):
                recognised = true
                try SafetyScanReader.read(&reader, into: &collector)
            case .known(.scannedPackages): try readScannedPackages(&reader, into: &collector)
            case .known(.meta), .unknown:
                seen.record(reader)
                try reader.skipValue()
            }
        }
        guard recognised else { throw ReportError.wrongKind(expected: .safety, found: seen.description) }
        return packagesFound
    }

    /// One element of `vulnerabilities` (2.x/3.x `check`).
    private static func readVulnerability<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into collector: inout FindingCollector
    ) throws {
        var id = ""
        var name = ""
        var ignored = false
        var version: String?
        var message = ""
        var fixVersions: [String] = []
        var cve: String?
        var severity: (Severity, String)?
        try reader.beginObject()
        while let key = try reader.nextKey(VulnerabilityKey.self) {
            switch key {
            case .known(.vulnerabilityID): id = try readScalarText(&reader) ?? ""
            case .known(.packageName): name = try reader.readOptionalString() ?? ""
            case .known(.ignored):
                if try reader.peek() == .bool { ignored = try reader.readBool() } else { try reader.skipValue() }
            case .known(.analyzedVersion): version = try reader.readOptionalString()
            case .known(.advisory): message = try reader.readMessage()
            case .known(.fixedVersions): fixVersions = try reader.readStringList()
            case .known(.cve):
                let block = try readCVE(&reader)
                cve = block.name
                if severity == nil { severity = block.severity }
            case .known(.severity):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(SeverityKey.self) {
                    guard field == .known(.cvssv3) else { try reader.skipValue(); continue }
                    if let cvss = try readCVSS(&reader) { severity = cvss }
                }
            case .unknown: try reader.skipValue()
            }
        }
        if ignored {
            collector.suppressedByTool()
            return
        }
        collector.add(
            Finding(
                tool: tool, kind: .safety, id: id, aliases: cve.map { [$0] } ?? [], severity: severity?.0 ?? .unknown,
                severitySource: severity?.1 ?? noSeverity,
                package: Finding.Package(name: name, version: version, fixVersions: fixVersions), message: message))
    }

    static let noSeverity = "Safety gives no CVSS data for it"

    /// A string, or a number written as text (old Safety wrote some ids as numbers); `nil` for anything else.
    static func readScalarText<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> String? {
        switch try reader.peek() {
        case .string: return try reader.readString()
        case .number: return try reader.readNumber().text
        default:
            try reader.skipValue()
            return nil
        }
    }
}
