/// The kinds of report gatecheck reads; the raw value is the `kind` string used in gates.json and the verdict.
///
/// This is the registry of input formats: adding a case makes the compiler list every switch (detection,
/// parsing, metrics) that has to learn about it.
public enum ReportKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// Cobertura coverage XML (coverage.py, gcovr, istanbul, coverlet, Cobertura itself).
    case cobertura
    /// JUnit/xUnit XML in any of its dialects (pytest, surefire, jest-junit, go-junit-report, ...).
    case junit
    /// Bandit `-f json`.
    case bandit
    /// Safety JSON: the 1.x list, the 2.x/3.x `check` object and the 3.x `scan` report.
    case safety
    /// pip-audit `-f json`, the pre-2.0 array and the current object.
    case pipAudit = "pip-audit"
    /// SARIF 2.1.0 from any tool (Trivy, CodeQL, Semgrep, Bandit, ...).
    case sarif
    /// Trivy's native JSON (`SchemaVersion` 2 and the legacy list).
    case trivyJSON = "trivy-json"
    /// gatecheck's accuracy report (`schemas/accuracy.schema.json`) and evaluation tools mapped onto it.
    case accuracy
    /// Container image size: `docker image inspect`, `docker images --format json`, Trivy `Metadata.Size`.
    case image
    /// gatecheck's LLM cost report (`schemas/llm-cost.schema.json`) and the pipeline's cost script output.
    case llmCost = "llm-cost"
    /// gatecheck's latency report (`schemas/latency.schema.json`).
    case latency
    /// JaCoCo's XML coverage report (`<report>`, Maven, Gradle, Ant, the JaCoCo CLI).
    case jacoco
    /// NUnit 3's test result XML (`<test-run>`, nunit3-console and the NUnit test adapter).
    case nunit
    /// xUnit.net v2's XML (`<assemblies>`, `-xml` of the console runner and `dotnet test` with the xunit logger).
    case xunit
    /// Visual Studio's test results (`.trx`, `<TestRun>`, `dotnet test --logger trx`, vstest).
    case trx
    /// An LCOV tracefile (lcov/geninfo, c8/nyc/istanbul, grcov, cargo-llvm-cov).
    case lcov
    /// coverage.py's JSON report (`coverage json`).
    case coverageJSON = "coverage-json"
    /// A Go cover profile (`go test -coverprofile`).
    case goCover = "go-cover"
    /// `go test -json` output: test2json events, one per line.
    case goTestJSON = "go-test-json"
    /// promptfoo's results file (`promptfoo eval -o results.json`), read into accuracy metrics.
    case promptfoo
    /// A ragas result export: `to_pandas()` written as CSV or as JSON records.
    case ragas
    /// k6's end-of-test summary JSON: `k6 run --summary-export` and `handleSummary`'s `JSON.stringify(data)`.
    case k6
    /// Locust's `--csv PREFIX` statistics, `PREFIX_stats.csv` (its `Aggregated` row).
    case locust

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Security kinds produce findings and feed the findings gates.
    public var producesFindings: Bool {
        switch self {
        case .bandit, .safety, .pipAudit, .sarif, .trivyJSON: true
        case .cobertura, .junit, .accuracy, .image, .llmCost, .latency, .jacoco, .nunit, .xunit, .trx, .lcov,
            .coverageJSON, .goCover, .goTestJSON, .promptfoo, .ragas, .k6, .locust:
            false
        }
    }

    /// Dependency scanners: every finding is a known-vulnerable package.
    public var isDependencyScanner: Bool {
        switch self {
        case .safety, .pipAudit: true
        case .cobertura, .junit, .bandit, .sarif, .trivyJSON, .accuracy, .image, .llmCost, .latency, .jacoco, .nunit,
            .xunit, .trx, .lcov, .coverageJSON, .goCover, .goTestJSON, .promptfoo, .ragas, .k6, .locust:
            false
        }
    }
}
