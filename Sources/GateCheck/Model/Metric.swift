/// A gateable number, named as in gates.json and the verdict (`coverage.line_rate`, `findings.high`, ...).
///
/// The families are exhaustive enums, so the compiler lists every place that must learn a new metric.
public enum Metric: Hashable, Sendable, Comparable, CustomStringConvertible {
    case coverage(Coverage)
    case tests(Tests)
    case findings(Findings)
    /// `accuracy.<name>`: any named metric of an accuracy report (`retrieval`, `attribution`, ...).
    case accuracy(String)
    case image(Image)
    case llm(LLM)
    case latency(Latency)

    /// Coverage metrics, from Cobertura reports merged across files.
    public enum Coverage: String, CaseIterable, Sendable {
        case lineRate = "line_rate"
        case branchRate = "branch_rate"
        /// coverage.py's total: (lines covered + branches covered) / (lines + branches).
        case combinedRate = "combined_rate"
        case linesValid = "lines_valid"
        case linesCovered = "lines_covered"
        case linesMissed = "lines_missed"
        case branchesValid = "branches_valid"
        case branchesCovered = "branches_covered"
    }

    /// Test metrics, from JUnit reports summed across files.
    public enum Tests: String, CaseIterable, Sendable {
        case total, passed, failed, errors, skipped, flaky
        case durationSeconds = "duration_seconds"
    }

    /// Finding counts after suppressions and waivers, from every security report.
    public enum Findings: String, CaseIterable, Sendable {
        case total, critical, high, medium, low, unknown, waived
        /// What the tools could not check: dependencies pip-audit skipped, files Bandit could not parse.
        case notAudited = "not_audited"
    }

    /// Container image metrics.
    public enum Image: String, CaseIterable, Sendable {
        case sizeBytes = "size_bytes"
    }

    /// LLM spend metrics.
    public enum LLM: String, CaseIterable, Sendable {
        case costUSD = "cost_usd"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
    }

    /// Load-test latency metrics.
    public enum Latency: String, CaseIterable, Sendable {
        case p50 = "p50_ms"
        case p95 = "p95_ms"
        case p99 = "p99_ms"
        case errorRate = "error_rate"
    }

    /// Every metric with a fixed name (accuracy metrics are open-ended and listed as `accuracy.<name>`).
    public static var fixed: [Metric] {
        Coverage.allCases.map(Metric.coverage) + Tests.allCases.map(Metric.tests)
            + Findings.allCases.map(Metric.findings) + Image.allCases.map(Metric.image)
            + LLM.allCases.map(Metric.llm) + Latency.allCases.map(Metric.latency)
    }

    /// Parses a metric name such as `coverage.line_rate` or `accuracy.retrieval`.
    public init?(name: String) {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let family = name[..<dot]
        let member = String(name[name.index(after: dot)...])
        switch family {
        case "coverage": guard let m = Coverage(rawValue: member) else { return nil }; self = .coverage(m)
        case "tests": guard let m = Tests(rawValue: member) else { return nil }; self = .tests(m)
        case "findings": guard let m = Findings(rawValue: member) else { return nil }; self = .findings(m)
        case "image": guard let m = Image(rawValue: member) else { return nil }; self = .image(m)
        case "llm": guard let m = LLM(rawValue: member) else { return nil }; self = .llm(m)
        case "latency": guard let m = Latency(rawValue: member) else { return nil }; self = .latency(m)
        case "accuracy":
            guard Self.isValidAccuracyName(member) else { return nil }
            self = .accuracy(member)
        default: return nil
        }
    }

    /// The name used in gates.json and the verdict.
    public var name: String {
        switch self {
        case .coverage(let m): "coverage." + m.rawValue
        case .tests(let m): "tests." + m.rawValue
        case .findings(let m): "findings." + m.rawValue
        case .accuracy(let name): "accuracy." + name
        case .image(let m): "image." + m.rawValue
        case .llm(let m): "llm." + m.rawValue
        case .latency(let m): "latency." + m.rawValue
        }
    }

    public var description: String { name }

    /// The report kinds that produce this metric.
    public var kinds: [ReportKind] {
        switch self {
        case .coverage: [.cobertura]
        case .tests: [.junit]
        case .findings: ReportKind.allCases.filter(\.producesFindings)
        case .accuracy: [.accuracy]
        case .image: [.image, .trivyJSON]
        case .llm: [.llmCost]
        case .latency: [.latency]
        }
    }

    /// Whether the metric is a fraction in [0, 1] computed from a numerator and a denominator.
    public var isRate: Bool {
        switch self {
        case .coverage(let m): [.lineRate, .branchRate, .combinedRate].contains(m)
        case .latency(.errorRate), .accuracy: true
        case .tests, .findings, .image, .llm, .latency: false
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.name < rhs.name }

    static func isValidAccuracyName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
                    || byte == 0x2E
            }
    }
}
