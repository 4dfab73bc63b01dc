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
        while let key = try reader.nextKey(ScanKey.self) {
            switch key {
            case .known(.files): try readFiles(&reader, &state, into: &collector)
            case .known(.projects):
                try reader.forEachElement { reader throws in
                    try reader.beginObject()
                    while let field = try reader.nextKey(ProjectKey.self) {
                        if field == .known(.files) {
                            try readFiles(&reader, &state, into: &collector)
                        } else {
                            try reader.skipValue()
                        }
                    }
                }
            case .unknown: try reader.skipValue()
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

    /// The keys of `scan_results` read.
    enum ScanKey: String, JSONKeyEnum {
        case files, projects
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a project read.
    enum ProjectKey: String, JSONKeyEnum {
        case files
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a file read.
    enum FileKey: String, JSONKeyEnum {
        case location, results
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a file's `results` read.
    enum ResultsKey: String, JSONKeyEnum {
        case dependencies
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a dependency read.
    enum DependencyKey: String, JSONKeyEnum {
        case name, specifications
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a specification read.
    enum SpecificationKey: String, JSONKeyEnum {
        case raw, vulnerabilities
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a specification's `vulnerabilities` read.
    enum VulnerabilitiesKey: String, JSONKeyEnum {
        case knownVulnerabilities = "known_vulnerabilities", remediation
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a `remediation` read.
    enum RemediationKey: String, JSONKeyEnum {
        case recommended, otherRecommended = "other_recommended"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a known vulnerability read.
    enum KnownKey: String, JSONKeyEnum {
        case id, cve, ignored
        static let table = JSONKeyTable<Self>()
    }

    private static func readFiles<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, _ state: inout State, into collector: inout FindingCollector
    ) throws {
        try reader.forEachElement { reader throws in
            var location: String?
            // The location may follow the results; findings wait for the end of the file object.
            var findings: [Finding] = []
            try reader.beginObject()
            while let key = try reader.nextKey(FileKey.self) {
                switch key {
                case .known(.location): location = try reader.readOptionalString()
                case .known(.results):
                    guard try reader.peek() == .object else { try reader.skipValue(); continue }
                    try reader.beginObject()
                    while let field = try reader.nextKey(ResultsKey.self) {
                        guard field == .known(.dependencies) else { try reader.skipValue(); continue }
                        try reader.forEachElement { reader throws in
                            try readDependency(&reader, &state, &findings, into: &collector)
                        }
                    }
                case .unknown: try reader.skipValue()
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
        while let key = try reader.nextKey(DependencyKey.self) {
            switch key {
            case .known(.name): name = try reader.readOptionalString() ?? ""
            case .known(.specifications):
                try reader.forEachElement { reader throws in
                    specifications.append(try readSpecification(&reader))
                }
            case .unknown: try reader.skipValue()
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
        while let key = try reader.nextKey(SpecificationKey.self) {
            switch key {
            case .known(.raw): raw = try reader.readOptionalString() ?? ""
            case .known(.vulnerabilities):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try reader.beginObject()
                while let field = try reader.nextKey(VulnerabilitiesKey.self) {
                    switch field {
                    case .known(.knownVulnerabilities):
                        try reader.forEachElement { reader throws in known.append(try readKnown(&reader)) }
                    case .known(.remediation):
                        guard try reader.peek() == .object else { try reader.skipValue(); continue }
                        try reader.beginObject()
                        var recommended: [String] = []
                        var others: [String] = []
                        while let item = try reader.nextKey(RemediationKey.self) {
                            switch item {
                            case .known(.recommended): recommended = try reader.readOptionalString().map { [$0] } ?? []
                            case .known(.otherRecommended): others = try reader.readStringList()
                            case .unknown: try reader.skipValue()
                            }
                        }
                        fixes = recommended + others
                    case .unknown: try reader.skipValue()
                    }
                }
            case .unknown: try reader.skipValue()
            }
        }
        return (raw, known, fixes)
    }

    private static func readKnown<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> Known {
        var known = Known()
        try reader.beginObject()
        while let key = try reader.nextKey(KnownKey.self) {
            switch key {
            case .known(.id): known.id = try SafetyParser.readScalarText(&reader) ?? ""
            case .known(.cve):
                let block = try SafetyParser.readCVE(&reader)
                known.cve = block.name
                known.severity = block.severity
                known.message = block.advisory ?? ""
            case .known(.ignored):
                switch try reader.peek() {
                case .null: try reader.readNull()
                case .bool: known.ignored = try reader.readBool()
                default:
                    known.ignored = true
                    try reader.skipValue()
                }
            case .unknown: try reader.skipValue()
            }
        }
        return known
    }
}
