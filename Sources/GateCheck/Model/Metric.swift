/// A gateable number, named as in gates.json and the verdict (`coverage.line_rate`, `findings.high`, ...).
///
/// The families are exhaustive enums, so the compiler lists every place that must learn a new metric.
public enum Metric: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `coverage.<name>`: from Cobertura reports.
    case coverage(Coverage)
    /// `tests.<name>`: from JUnit reports.
    case tests(Tests)
    /// `findings.<name>`: from the security reports.
    case findings(Findings)
    /// `accuracy.<name>`: any named metric of an accuracy report (`retrieval`, `attribution`, ...).
    case accuracy(String)
    /// `image.<name>`: from container image reports.
    case image(Image)
    /// `llm.<name>`: from LLM cost reports.
    case llm(LLM)
    /// `latency.<name>`: from load-test reports.
    case latency(Latency)
    /// A change against a baseline (`findings.new`, `tests.newly_failing`, ...): see ``Metric/Change``.
    case change(Change)

    /// Coverage metrics, from Cobertura reports merged across files.
    public enum Coverage: String, CaseIterable, Sendable {
        /// Lines executed / lines, a fraction from 0 to 1.
        case lineRate = "line_rate"
        /// Branches taken / branches; not measured when no report has branch data.
        case branchRate = "branch_rate"
        /// coverage.py's total: (lines covered + branches covered) / (lines + branches).
        case combinedRate = "combined_rate"
        /// Lines that could be executed.
        case linesValid = "lines_valid"
        /// Lines executed at least once.
        case linesCovered = "lines_covered"
        /// Lines never executed.
        case linesMissed = "lines_missed"
        /// Branches that could be taken.
        case branchesValid = "branches_valid"
        /// Branches taken at least once.
        case branchesCovered = "branches_covered"
        /// Changed lines (the diff's `+` lines) that a coverage report measures; needs a diff.
        case diffLinesValid = "diff_lines_valid"
        /// Changed lines executed at least once.
        case diffLinesCovered = "diff_lines_covered"
        /// Changed lines never executed.
        case diffLinesMissed = "diff_lines_missed"
        /// Changed lines executed / changed lines measured; skipped when no changed line is measured.
        case diffLineRate = "diff_line_rate"
        /// Branches taken / branches on the changed lines; skipped when they have none.
        case diffBranchRate = "diff_branch_rate"

        /// Whether the metric is measured over a diff's changed lines.
        public var isDiff: Bool { rawValue.hasPrefix("diff_") }
    }

    /// Test metrics, from JUnit reports summed across files.
    public enum Tests: String, CaseIterable, Sendable {
        /// `tests.total`: testcases in any state.
        case total
        /// `tests.passed`: testcases that passed, flaky ones included.
        case passed
        /// `tests.failed`: testcases with a failed assertion.
        case failed
        /// `tests.errors`: testcases that could not run to an assertion.
        case errors
        /// `tests.skipped`: testcases skipped or disabled.
        case skipped
        /// `tests.flaky`: testcases that passed on a rerun (Surefire's `flakyFailure`/`flakyError`).
        case flaky
        /// The sum of the testcases' times, in seconds.
        case durationSeconds = "duration_seconds"
    }

    /// Finding counts after suppressions and waivers, from every security report.
    public enum Findings: String, CaseIterable, Sendable {
        /// `findings.total`: findings after suppressions and waivers.
        case total
        /// `findings.critical`: those of severity critical.
        case critical
        /// `findings.high`: those of severity high.
        case high
        /// `findings.medium`: those of severity medium.
        case medium
        /// `findings.low`: those of severity low.
        case low
        /// `findings.unknown`: those whose tool gives no severity.
        case unknown
        /// `findings.waived`: findings an active waiver covers; they are not in the other counts.
        case waived
        /// What the tools could not check: dependencies pip-audit skipped, files Bandit could not parse.
        case notAudited = "not_audited"
    }

    /// Container image metrics.
    public enum Image: String, CaseIterable, Sendable {
        /// The image's uncompressed size in bytes; with several images, the largest decides.
        case sizeBytes = "size_bytes"
    }

    /// LLM spend metrics.
    public enum LLM: String, CaseIterable, Sendable {
        /// The spend in US dollars.
        case costUSD = "cost_usd"
        /// Tokens sent to the models.
        case inputTokens = "input_tokens"
        /// Tokens the models generated.
        case outputTokens = "output_tokens"
    }

    /// Load-test latency metrics.
    public enum Latency: String, CaseIterable, Sendable {
        /// The median latency, in milliseconds.
        case p50 = "p50_ms"
        /// The 95th percentile latency, in milliseconds.
        case p95 = "p95_ms"
        /// The 99th percentile latency, in milliseconds.
        case p99 = "p99_ms"
        /// The fraction of requests that failed, from 0 to 1.
        case errorRate = "error_rate"
        /// The 90th percentile latency, in milliseconds (k6's `p(90)`, Locust's `90%`).
        case p90 = "p90_ms"
        /// Requests sent: a lower bound catches a load test that ran too short to mean anything.
        case requests
    }

    /// Every metric with a fixed name (accuracy metrics are open-ended and listed as `accuracy.<name>`).
    public static var fixed: [Metric] {
        Coverage.allCases.map(Metric.coverage) + Tests.allCases.map(Metric.tests)
            + Findings.allCases.map(Metric.findings) + Image.allCases.map(Metric.image)
            + LLM.allCases.map(Metric.llm) + Latency.allCases.map(Metric.latency)
            + Change.allCases.map(Metric.change)
    }

    /// Parses a metric name such as `coverage.line_rate` or `accuracy.retrieval`.
    public init?(name: String) {
        if let change = Change(rawValue: name) {
            self = .change(change)
            return
        }
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
        case .change(let m): m.rawValue
        }
    }

    public var description: String { name }

    /// The report kinds that produce this metric.
    public var kinds: [ReportKind] {
        switch self {
        case .coverage: ReportKind.allCases.filter(\.producesCoverage)
        case .tests: ReportKind.allCases.filter(\.producesTests)
        case .findings: ReportKind.allCases.filter(\.producesFindings)
        case .accuracy: [.accuracy, .promptfoo, .ragas]
        case .image: [.image, .trivyJSON]
        case .llm: [.llmCost]
        case .latency: ReportKind.latencyKinds
        case .change(let m): m.kinds
        }
    }

    /// Whether the metric is a fraction in [0, 1] computed from a numerator and a denominator.
    public var isRate: Bool {
        switch self {
        case .coverage(let m): [.lineRate, .branchRate, .combinedRate, .diffLineRate, .diffBranchRate].contains(m)
        case .latency(.errorRate), .accuracy: true
        case .tests, .findings, .image, .llm, .latency, .change: false
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.name < rhs.name }

    /// Whether the metric is measured over a diff's changed lines (`coverage.diff_*`).
    @_spi(Internals) public var isDiffCoverage: Bool {
        if case .coverage(let m) = self { m.isDiff } else { false }
    }

    static func isValidAccuracyName(_ name: some StringProtocol) -> Bool {
        // `accuracy.regressed_samples` is the change metric (Metric.Change): a report's metric of that name could
        // never be gated.
        name != "regressed_samples" && !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
                    || byte == 0x2E
            }
    }
}
