/// One security finding from any tool, on gatecheck's common model.
public struct Finding: Sendable, Hashable, Codable {
    /// Where in the source a finding is.
    public struct Location: Sendable, Hashable, Codable {
        public var path: String
        public var line: Int?

        public init(path: String, line: Int? = nil) {
            self.path = path
            self.line = line
        }
    }

    /// The vulnerable package a dependency finding is about.
    public struct Package: Sendable, Hashable, Codable {
        public var name: String
        public var version: String?
        /// Versions that fix it; empty when no fix is known.
        public var fixVersions: [String]

        public init(name: String, version: String? = nil, fixVersions: [String] = []) {
            self.name = name
            self.version = version
            self.fixVersions = fixVersions
        }

        enum CodingKeys: String, CodingKey {
            case name, version
            case fixVersions = "fix_versions"
        }
    }

    /// The tool that reported it (`bandit`, `Trivy`, `CodeQL`, ...).
    public var tool: String
    /// The report kind it came from.
    public var kind: ReportKind
    /// The rule or vulnerability id (`B105`, `CVE-2024-1234`, `PYSEC-2021-66`).
    public var id: String
    /// Other ids of the same issue (CVE, GHSA, PYSEC), matched by waivers too.
    public var aliases: [String]
    public var severity: Severity
    /// Why it has that severity, for the severity mapping's audit trail (`security-severity 8.1`, `level error`).
    public var severitySource: String
    public var confidence: Confidence
    public var location: Location?
    public var package: Package?
    /// The tool's message, at most ``Finding/messageLimit`` bytes.
    public var message: String
    /// Stable across unrelated edits: built from tool, id, path (not line) or package, and the message.
    public var fingerprint: String
    /// The id of the waiver that covers it, if any.
    public var waiver: String?

    /// The longest message kept, in bytes.
    public static let messageLimit = 300

    /// Creates a finding.
    public init(
        tool: String, kind: ReportKind, id: String, aliases: [String] = [], severity: Severity,
        severitySource: String, confidence: Confidence = .undefined, location: Location? = nil,
        package: Package? = nil, message: String, fingerprint: String = "", waiver: String? = nil
    ) {
        self.tool = tool
        self.kind = kind
        self.id = id
        self.aliases = aliases
        self.severity = severity
        self.severitySource = severitySource
        self.confidence = confidence
        self.location = location
        self.package = package
        self.message = message
        self.fingerprint = fingerprint
        self.waiver = waiver
    }

    /// Whether a fix is known (a dependency finding with at least one fix version).
    public var isFixable: Bool { !(package?.fixVersions.isEmpty ?? true) }

    enum CodingKeys: String, CodingKey {
        case tool, kind, id, aliases, severity, confidence, location, package, message, fingerprint, waiver
        case severitySource = "severity_source"
    }
}

/// Finding counts broken down by everything a findings gate can select on, so that any selection is a sum and
/// no report needs to keep all its findings in memory.
public struct FindingCounts: Sendable, Hashable {
    private var cells: [Int]

    public init() {
        cells = Array(repeating: 0, count: Self.cellCount)
    }

    private static let cellCount = Severity.allCases.count * Confidence.allCases.count * 2 * 2

    private static func index(_ severity: Severity, _ confidence: Confidence, fixable: Bool, waived: Bool) -> Int {
        ((severity.rank * Confidence.allCases.count + confidence.rank) * 2 + (fixable ? 1 : 0)) * 2 + (waived ? 1 : 0)
    }

    /// Counts one finding.
    public mutating func add(_ severity: Severity, _ confidence: Confidence, fixable: Bool, waived: Bool) {
        cells[Self.index(severity, confidence, fixable: fixable, waived: waived)] += 1
    }

    /// Adds another set of counts.
    public mutating func add(_ other: FindingCounts) {
        for index in cells.indices { cells[index] += other.cells[index] }
    }

    /// How many findings match a predicate over the four dimensions.
    public func count(where predicate: (Severity, Confidence, Bool, Bool) -> Bool) -> Int {
        var total = 0
        for severity in Severity.allCases {
            for confidence in Confidence.allCases {
                for fixable in [false, true] {
                    for waived in [false, true] where predicate(severity, confidence, fixable, waived) {
                        total += cells[Self.index(severity, confidence, fixable: fixable, waived: waived)]
                    }
                }
            }
        }
        return total
    }
}

/// A security report reduced to counts plus its most severe findings.
public struct FindingsReport: Sendable, Hashable {
    /// Counts per tool (a SARIF file may hold runs of several tools).
    public var countsByTool: [String: FindingCounts] = [:]
    /// The most severe findings, at most ``FindingsReport/keptLimit``, most severe first.
    public var findings: [Finding] = []
    /// Findings the tool itself suppressed or ignored (SARIF suppressions, Safety's ignored vulnerabilities);
    /// they are not counted anywhere else.
    public var suppressedByTool = 0
    /// Dependencies the tool could not audit (pip-audit `skip_reason`), with the reason.
    public var notAudited: [String] = []
    /// How many findings each waiver (by its id) covered in this report.
    public var waiverMatches: [String: Int] = [:]

    /// How many findings a report keeps by value.
    public static let keptLimit = 200

    public init() {}

    /// All counts, over every tool.
    public var counts: FindingCounts {
        countsByTool.values.reduce(into: FindingCounts()) { $0.add($1) }
    }
}
