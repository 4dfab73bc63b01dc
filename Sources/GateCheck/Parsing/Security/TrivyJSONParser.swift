/// Reads Trivy's native JSON (`trivy ... -f json`), streaming, in every shape Trivy has written
/// (docs/reference/formats.md §6.2): `SchemaVersion` 2 with `Results`, the legacy top-level list of results (before
/// 0.20), the literal `null` old Trivy printed when it found nothing, and `trivy k8s` reports (`ClusterName` with
/// `Resources`, or the older `Vulnerabilities`/`Misconfigurations` lists of resources).
///
/// ```swift
/// var source = BytesSource(bytes)
/// let parsed = try TrivyJSONParser.parse(&source, options: ReadOptions(today: today))
/// print(parsed.report.imageSizeBytes ?? 0)
/// ```
///
/// Findings: every vulnerability (by its `Severity`), misconfigurations whose `Status` is `FAIL` (or absent;
/// `EXCEPTION` counts as suppressed by the tool, `PASS` not at all), secrets (the matched text is never kept) and
/// licenses, each by `Severity`. A missing or `null` `Results` means no findings, except in an image report
/// (``TrivyScanEvidence``), where it means nothing was scanned. `Metadata.Size` is kept as
/// ``FindingsReport/imageSizeBytes``.
@_spi(Internals) public enum TrivyJSONParser {
    /// Parses one Trivy JSON report.
    ///
    /// - Throws: ``ReportError`` when the document is not well-formed, truncated, not a Trivy report, or holds a
    ///   severity Trivy does not write.
    public static func parse<Source: ByteSource>(_ source: inout Source, options: ReadOptions) throws(ReportError)
        -> ParsedFindings
    {
        var collector = FindingCollector(kind: .trivyJSON, options: options)
        collector.noteTool(tool)
        var diagnostics: [Diagnostic] = []
        var context = Context()
        try JSONReportParsing.parse(source, kind: .trivyJSON, limits: options.limits) { reader in
            switch try reader.peek() {
            case .null: try reader.readNull()
            case .array: try readResults(&reader, &context, into: &collector)
            case .object: try readReport(&reader, &context, into: &collector)
            case let kind: throw ReportError.wrongKind(expected: .trivyJSON, found: kind.asTopLevel)
            }
            if context.withoutID > 0 {
                diagnostics.append(
                    Diagnostic(
                        .warning, code: "trivy.no-id",
                        message: "\(context.withoutID) vulnerability entr(ies) have no VulnerabilityID; they are "
                            + "counted with the id \"\(unknownID)\" and severity from their Severity (unknown if none)")
                )
            }
        }
        var report = collector.finish()
        if let unscanned = TrivyScanEvidence.unscannedImage(context) { report.notScanned.append(unscanned) }
        return ParsedFindings(report: report, diagnostics: diagnostics)
    }

    // MARK: - Private

    private static let tool = "trivy"
    private static let unknownID = "(no VulnerabilityID)"

    /// The top-level keys of an image/filesystem report (`Results`) or a `trivy k8s` report (resource lists).
    enum ReportKey: String, JSONKeyEnum {
        case results = "Results", metadata = "Metadata", schemaVersion = "SchemaVersion"
        case artifactName = "ArtifactName", clusterName = "ClusterName", resources = "Resources"
        case vulnerabilities = "Vulnerabilities", misconfigurations = "Misconfigurations"
        case artifactType = "ArtifactType"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of `Metadata` read.
    enum MetadataKey: String, JSONKeyEnum {
        case size = "Size"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a `trivy k8s` resource read.
    enum ResourceKey: String, JSONKeyEnum {
        case results = "Results"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a result; `Class` and `Type` are not read but mark the object as Trivy's.
    enum ResultKey: String, JSONKeyEnum {
        case target = "Target", vulnerabilities = "Vulnerabilities", misconfigurations = "Misconfigurations"
        case secrets = "Secrets", licenses = "Licenses", experimentalModifiedFindings = "ExperimentalModifiedFindings"
        case `class` = "Class", type = "Type"
        static let table = JSONKeyTable<Self>()
    }

    struct Context {
        var withoutID = 0
        /// How many results (`Results` elements) the report holds, in every shape.
        var results = 0
        /// `ArtifactType` and `ArtifactName` of an image or filesystem report.
        var artifactType: String?
        var artifactName: String?
    }

    private static func readReport<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, _ context: inout Context, into collector: inout FindingCollector
    ) throws {
        var seen = SeenKeys()
        var recognised = false
        try reader.beginObject()
        while let key = try reader.nextKey(ReportKey.self) {
            switch key {
            case .known(.results):
                recognised = true
                try readResults(&reader, &context, into: &collector)
            case .known(.metadata):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(MetadataKey.self) {
                    if field == .known(.size), try reader.peek() == .number {
                        collector.imageSize(try reader.readInt64())
                    } else {
                        try reader.skipValue()
                    }
                }
            case .known(.artifactType) where try reader.peek() == .string:
                recognised = true
                context.artifactType = try reader.readMessage()
            case .known(.artifactName) where try reader.peek() == .string:
                recognised = true
                context.artifactName = try reader.readMessage()
            case .known(.schemaVersion), .known(.artifactName), .known(.clusterName), .known(.artifactType):
                recognised = true
                try reader.skipValue()
            case .known(.resources), .known(.vulnerabilities), .known(.misconfigurations):
                // `trivy k8s`: lists of resources, each with its own Results.
                recognised = true
                try reader.forEachElement { reader throws in
                    try reader.beginObject()
                    while let field = try reader.nextKey(ResourceKey.self) {
                        if field == .known(.results) {
                            try readResults(&reader, &context, into: &collector)
                        } else {
                            try reader.skipValue()
                        }
                    }
                }
            case .unknown:
                seen.record(reader)
                try reader.skipValue()
            }
        }
        guard recognised else { throw ReportError.wrongKind(expected: .trivyJSON, found: seen.description) }
    }

    private static func readResults<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, _ context: inout Context, into collector: inout FindingCollector
    ) throws {
        try reader.forEachElement { reader throws in
            let kind = try reader.peek()
            guard kind == .object else {
                throw ReportError.wrongKind(
                    expected: .trivyJSON, found: "a result list whose element is a \(kind.rawValue)")
            }
            context.results += 1
            var target: String?
            // Findings wait for the Target when it comes after them (Trivy writes it first).
            var pending: [Finding] = []
            func emit(_ finding: Finding) {
                if let target {
                    collector.add(placed(finding, in: target))
                } else {
                    pending.append(finding)
                }
            }
            var seen = SeenKeys()
            var recognised = false
            try reader.beginObject()
            while let key = try reader.nextKey(ResultKey.self) {
                if key == .unknown { seen.record(reader) } else { recognised = true }
                switch key {
                case .known(.target): target = try reader.readOptionalString() ?? ""
                case .known(.vulnerabilities):
                    try reader.forEachElement { reader throws in
                        emit(try TrivyFindingReader.vulnerability(&reader, &context))
                    }
                case .known(.misconfigurations):
                    try reader.forEachElement { reader throws in
                        switch try TrivyFindingReader.misconfiguration(&reader) {
                        case .finding(let finding): emit(finding)
                        case .suppressed: collector.suppressedByTool()
                        case .passed: break
                        }
                    }
                case .known(.secrets):
                    try reader.forEachElement { reader throws in emit(try TrivyFindingReader.secret(&reader)) }
                case .known(.licenses):
                    try reader.forEachElement { reader throws in emit(try TrivyFindingReader.license(&reader)) }
                case .known(.experimentalModifiedFindings):
                    try reader.forEachElement { reader throws in
                        try reader.skipValue()
                        collector.suppressedByTool()
                    }
                case .known(.class), .known(.type), .unknown: try reader.skipValue()
                }
            }
            guard recognised else {
                throw ReportError.wrongKind(
                    expected: .trivyJSON, found: "a list of results with none of Trivy's keys (\(seen.description))")
            }
            for finding in pending { collector.add(placed(finding, in: target ?? "")) }
        }
    }

    /// The finding located in its result's target unless it has a path of its own (`PkgPath`, `FilePath`).
    private static func placed(_ finding: Finding, in target: String) -> Finding {
        var finding = finding
        if finding.location == nil {
            finding.location = Finding.Location(path: target)
        } else if finding.location?.path.isEmpty ?? false {
            finding.location?.path = target
        }
        return finding
    }
}
