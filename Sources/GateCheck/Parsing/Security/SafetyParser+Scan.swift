/// Reads the `scan_results` of a Safety 3.x `safety scan --output json` report (schema 3.0): files at the top
/// (`system-scan`) and inside projects, each with dependencies → specifications → `known_vulnerabilities`.
///
/// A vulnerability is counted once per (package, specification, id), however many files list it; one with an
/// `ignored` object was ignored by Safety's policy and counts as suppressed by the tool. Severity is the
/// `cve.cvssv3` block where Safety includes it (authenticated scans do), otherwise `unknown`. Fix versions are the
/// specification's `remediation.recommended` and `other_recommended`.
enum SafetyScanReader {
    static func read<Source: ByteSource>(_ reader: inout JSONReader<Source>, into collector: inout FindingCollector)
        throws
    {
        var state = State()
        try reader.beginObject()
        while let key = try reader.nextKey(in: scanKeys) {
            switch key {
            case 0: try readFiles(&reader, &state, into: &collector)
            case 1:
                try reader.forEachElement { reader throws in
                    try reader.beginObject()
                    while let field = try reader.nextKey(in: projectKeys) {
                        if field == 0 {
                            try readFiles(&reader, &state, into: &collector)
                        } else {
                            try reader.skipValue()
                        }
                    }
                }
            default: try reader.skipValue()
            }
        }
    }

    // MARK: - Private

    private struct State {
        var seen: Set<String> = []
    }

    private struct Known {
        var id = ""
        var cve: String?
        var severity: (Severity, String)?
        var ignored = false
        var message = ""
    }

    private static let scanKeys = JSONKeySet(["files", "projects"])
    private static let projectKeys = JSONKeySet(["files"])
    private static let fileKeys = JSONKeySet(["location", "results"])
    private static let resultsKeys = JSONKeySet(["dependencies"])
    private static let dependencyKeys = JSONKeySet(["name", "specifications"])
    private static let specificationKeys = JSONKeySet(["raw", "vulnerabilities"])
    private static let vulnerabilitiesKeys = JSONKeySet(["known_vulnerabilities", "remediation"])
    private static let remediationKeys = JSONKeySet(["recommended", "other_recommended"])
    private static let knownKeys = JSONKeySet(["id", "cve", "ignored"])

    private static func readFiles<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, _ state: inout State, into collector: inout FindingCollector
    ) throws {
        try reader.forEachElement { reader throws in
            var location: String?
            // The location may follow the results; findings wait for the end of the file object.
            var findings: [Finding] = []
            try reader.beginObject()
            while let key = try reader.nextKey(in: fileKeys) {
                switch key {
                case 0: location = try reader.readOptionalString()
                case 1:
                    guard try reader.peek() == .object else { try reader.skipValue(); continue }
                    try reader.beginObject()
                    while let field = try reader.nextKey(in: resultsKeys) {
                        guard field == 0 else { try reader.skipValue(); continue }
                        try reader.forEachElement { reader throws in
                            try readDependency(&reader, &state, &findings, into: &collector)
                        }
                    }
                default: try reader.skipValue()
                }
            }
            for var finding in findings {
                if let location, !location.isEmpty { finding.location = Finding.Location(path: location) }
                collector.add(finding)
            }
        }
    }

    private static func readDependency<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, _ state: inout State, _ findings: inout [Finding],
        into collector: inout FindingCollector
    ) throws {
        var name = ""
        var specifications: [(raw: String, known: [Known], fixes: [String])] = []
        try reader.beginObject()
        while let key = try reader.nextKey(in: dependencyKeys) {
            switch key {
            case 0: name = try reader.readOptionalString() ?? ""
            case 1:
                try reader.forEachElement { reader throws in
                    specifications.append(try readSpecification(&reader))
                }
            default: try reader.skipValue()
            }
        }
        for specification in specifications {
            let version = specification.raw.firstRange(of: "==").map {
                String(specification.raw[$0.upperBound...]).trimmingWhitespace
            }
            for known in specification.known
            where state.seen.insert("\(name)\u{1F}\(specification.raw)\u{1F}\(known.id)").inserted {
                if known.ignored {
                    collector.suppressedByTool()
                    continue
                }
                findings.append(
                    Finding(
                        tool: SafetyParser.tool, kind: .safety, id: known.id, aliases: known.cve.map { [$0] } ?? [],
                        severity: known.severity?.0 ?? .unknown,
                        severitySource: known.severity?.1 ?? SafetyParser.noSeverity,
                        package: Finding.Package(name: name, version: version, fixVersions: specification.fixes),
                        message: known.message))
            }
        }
    }

    private static func readSpecification<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws
        -> (raw: String, known: [Known], fixes: [String])
    {
        var raw = ""
        var known: [Known] = []
        var fixes: [String] = []
        try reader.beginObject()
        while let key = try reader.nextKey(in: specificationKeys) {
            switch key {
            case 0: raw = try reader.readOptionalString() ?? ""
            case 1:
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(in: vulnerabilitiesKeys) {
                    switch field {
                    case 0:
                        try reader.forEachElement { reader throws in known.append(try readKnown(&reader)) }
                    case 1:
                        guard try reader.peek() == .object else { try reader.skipValue(); continue }
                        try reader.beginObject()
                        var recommended: [String] = []
                        var others: [String] = []
                        while let item = try reader.nextKey(in: remediationKeys) {
                            switch item {
                            case 0: recommended = try reader.readOptionalString().map { [$0] } ?? []
                            case 1: others = try reader.readStringList()
                            default: try reader.skipValue()
                            }
                        }
                        fixes = recommended + others
                    default: try reader.skipValue()
                    }
                }
            default: try reader.skipValue()
            }
        }
        return (raw, known, fixes)
    }

    private static func readKnown<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> Known {
        var known = Known()
        try reader.beginObject()
        while let key = try reader.nextKey(in: knownKeys) {
            switch key {
            case 0: known.id = try SafetyParser.readScalarText(&reader) ?? ""
            case 1:
                let block = try SafetyParser.readCVE(&reader)
                known.cve = block.name
                known.severity = block.severity
                known.message = block.advisory ?? ""
            case 2:
                switch try reader.peek() {
                case .null: try reader.readNull()
                case .bool: known.ignored = try reader.readBool()
                default:
                    known.ignored = true
                    try reader.skipValue()
                }
            default: try reader.skipValue()
            }
        }
        return known
    }
}
