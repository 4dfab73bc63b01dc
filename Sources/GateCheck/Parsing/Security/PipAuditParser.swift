/// Reads pip-audit's JSON (`pip-audit -f json`), streaming, in both shapes: the pre-2.0 top-level array of
/// dependencies and the current `{"dependencies": [...], "fixes": [...]}` (docs/reference/formats.md §5).
///
/// ```swift
/// var source = BytesSource(bytes)
/// let parsed = try PipAuditParser.parse(&source, options: ReadOptions(today: today))
/// print(parsed.report.notAudited)   // ["azure-devops: Dependency not found on PyPI ..."]
/// ```
///
/// One finding per element of a dependency's `vulns`: the id (`PYSEC-…`, `GHSA-…`) with its `aliases`, the
/// package name and version, and `fix_versions` (non-empty means "fix available"). pip-audit has no severity,
/// so every finding is `unknown`. A dependency with a `skip_reason` was not audited: it is listed in
/// ``FindingsReport/notAudited`` and counted by `findings.not_audited`, never as clean. A report in which no
/// dependency was audited (all skipped, or none listed) is recorded in ``FindingsReport/notScanned``: a findings
/// gate that reads it cannot be judged.
@_spi(Internals) public enum PipAuditParser {
    /// Parses one pip-audit JSON report.
    ///
    /// - Throws: ``ReportError`` when the document is not well-formed, truncated, or not a pip-audit report.
    public static func parse<Source: ByteSource>(_ source: inout Source, options: ReadOptions) throws(ReportError)
        -> ParsedFindings
    {
        var collector = FindingCollector(kind: .pipAudit, options: options)
        collector.noteTool(tool)
        var audit = Audit()
        try JSONReportParsing.parse(source, kind: .pipAudit, limits: options.limits) { reader in
            switch try reader.peek() {
            case .array:
                try readDependencies(&reader, into: &collector, audit: &audit)
            case .object:
                var seen = SeenKeys()
                var sawDependencies = false
                try reader.beginObject()
                while let key = try reader.nextKey(TopKey.self) {
                    if key == .known(.dependencies) {
                        guard try reader.peek() == .array else {
                            throw ReportError.wrongKind(
                                expected: .pipAudit, found: "\"dependencies\" that is not an array")
                        }
                        sawDependencies = true
                        try readDependencies(&reader, into: &collector, audit: &audit)
                    } else {
                        seen.record(reader)
                        try reader.skipValue()
                    }
                }
                guard sawDependencies else { throw ReportError.wrongKind(expected: .pipAudit, found: seen.description) }
            case let kind:
                throw ReportError.wrongKind(expected: .pipAudit, found: kind.asTopLevel)
            }
        }
        var report = collector.finish()
        if audit.audited == 0 { report.notScanned.append(NotScanned(tool: tool, reason: audit.nothingAudited)) }
        return ParsedFindings(report: report, diagnostics: [])
    }

    // MARK: - Private

    private static let tool = "pip-audit"

    /// The top-level keys read (the current shape).
    enum TopKey: String, JSONKeyEnum {
        case dependencies
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a dependency read.
    enum DependencyKey: String, JSONKeyEnum {
        case name, version, vulns, skipReason = "skip_reason"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of an entry of `vulns` read.
    enum VulnerabilityKey: String, JSONKeyEnum {
        case id, fixVersions = "fix_versions", aliases, description
        static let table = JSONKeyTable<Self>()
    }

    /// How many dependencies the report lists and how many of them pip-audit audited.
    private struct Audit {
        var dependencies = 0
        var audited = 0
        var firstSkip: String?

        /// Why a report that audited nothing cannot show that no dependency is vulnerable.
        var nothingAudited: String {
            guard dependencies > 0 else {
                return "nothing was audited: the report lists no dependency; check that pip-audit read the "
                    + "environment or requirements file you meant"
            }
            return "nothing was audited: pip-audit skipped all \(dependencies) dependencies (first: "
                + "\(firstSkip ?? "no reason given")), as it does when run offline or without access to its "
                + "vulnerability service; rerun it with network access"
        }
    }

    private struct Vulnerability {
        var id = ""
        var fixVersions: [String] = []
        var aliases: [String] = []
        var description = ""
    }

    private static func readDependencies<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into collector: inout FindingCollector, audit: inout Audit
    ) throws {
        try reader.beginArray()
        while try reader.nextElement() {
            let kind = try reader.peek()
            guard kind == .object else {
                throw ReportError.wrongKind(
                    expected: .pipAudit, found: "a dependency list whose element is a \(kind.rawValue)")
            }
            var name: String?
            var version: String?
            var skipReason: String?
            var vulns: [Vulnerability] = []
            var sawVulns = false
            try reader.beginObject()
            while let key = try reader.nextKey(DependencyKey.self) {
                switch key {
                case .known(.name): name = try reader.readOptionalString()
                case .known(.version): version = try reader.readOptionalString()
                case .known(.vulns):
                    // `null` is no list of vulnerabilities: pip-audit writes `"vulns": []` for a clean dependency.
                    if try reader.peek() == .null { try reader.readNull(); continue }
                    sawVulns = true
                    try reader.beginArray()
                    while try reader.nextElement() { vulns.append(try readVulnerability(&reader)) }
                case .known(.skipReason): skipReason = try reader.readMessage()
                case .unknown: try reader.skipValue()
                }
            }
            guard let name else {
                throw ReportError.wrongKind(expected: .pipAudit, found: "a dependency without a \"name\"")
            }
            audit.dependencies += 1
            if let skipReason {
                collector.notAudited(tool: tool, "\(name): \(skipReason)")
                if audit.firstSkip == nil { audit.firstSkip = "\(name): \(skipReason)" }
            } else if !sawVulns {
                // pip-audit writes `vulns` for every dependency it audited and `skip_reason` for every other one,
                // so a dependency with neither (or with `"vulns": null`) was not shown to be clean.
                collector.notAudited(tool: tool, "\(name): neither vulnerabilities nor a skip reason")
                if audit.firstSkip == nil { audit.firstSkip = "\(name): neither vulnerabilities nor a skip reason" }
            } else {
                audit.audited += 1
                // A clean dependency too: a vulnerability found in it later, at this version, is disclosed.
                if let version { collector.notePackage(name: name, version: version) }
            }
            for vulnerability in vulns {
                collector.add(
                    Finding(
                        tool: tool, kind: .pipAudit, id: vulnerability.id, aliases: vulnerability.aliases,
                        severity: .unknown, severitySource: "pip-audit reports no severity",
                        package: Finding.Package(name: name, version: version, fixVersions: vulnerability.fixVersions),
                        message: vulnerability.description))
            }
        }
    }

    private static func readVulnerability<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws
        -> Vulnerability
    {
        var vulnerability = Vulnerability()
        try reader.beginObject()
        while let key = try reader.nextKey(VulnerabilityKey.self) {
            switch key {
            case .known(.id): vulnerability.id = try reader.readOptionalString() ?? ""
            case .known(.fixVersions): vulnerability.fixVersions = try reader.readStringList()
            case .known(.aliases): vulnerability.aliases = try reader.readStringList()
            case .known(.description): vulnerability.description = try reader.readMessage()
            case .unknown: try reader.skipValue()
            }
        }
        return vulnerability
    }
}
