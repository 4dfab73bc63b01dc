/// What an element is to ``DotNetTestHandler``, in any of the three .NET formats.
enum DotNetElement: UInt8 {
    case other
    /// `<test-run>`, `<assemblies>`, `<TestRun>`.
    case root
    /// A test result: NUnit `<test-case>`, xUnit `<test>`, TRX `<UnitTestResult>`.
    case test
    /// xUnit's per-assembly totals, `<assembly>`.
    case assembly
    /// NUnit and xUnit `<failure>`, TRX `<ErrorInfo>`: holds the failure's message.
    case failure
    /// `<message>` (NUnit, xUnit) or `<Message>` (TRX).
    case message
    /// xUnit's `<errors>`, the container of errors outside any test.
    case errors
    /// xUnit's `<error>`: an assembly cleanup, fixture or catastrophic failure outside any test.
    case error
    /// TRX's `<Results>`.
    case results
    /// TRX's `<Counters>` (inside `<ResultSummary>`).
    case counters
    /// TRX's `<ResultSummary outcome>`: the run's own outcome.
    case resultSummary
    /// TRX's `<RunInfo outcome>` and its `<Text>`: why a run failed outside any test (a test host crash).
    case runInfo
    case text
}

/// The three .NET test formats: their names, their outcomes mapped onto ``TestState``, and their totals.
///
/// Each is its own ``ReportKind`` rather than a JUnit dialect: each has its own root, outcome vocabulary and totals
/// to check against (NUnit counts `Inconclusive` apart, xUnit its errors outside tests, TRX eleven outcomes), and a
/// gates.json can bind or require one by name.
enum DotNetDialect {
    case nunit, xunit, trx

    init?(_ kind: ReportKind) {
        switch kind {
        case .nunit: self = .nunit
        case .xunit: self = .xunit
        case .trx: self = .trx
        default: return nil
        }
    }

    var kind: ReportKind {
        switch self {
        case .nunit: .nunit
        case .xunit: .xunit
        case .trx: .trx
        }
    }

    /// The root element each format starts with.
    var rootName: String {
        switch self {
        case .nunit: "test-run"
        case .xunit: "assemblies"
        case .trx: "TestRun"
        }
    }

    /// The role of an element (local name) in this format.
    func classify(_ name: XMLName) -> DotNetElement {
        switch self {
        case .nunit:
            if name.equals("test-case") { return .test }
            if name.equals("failure") { return .failure }
            if name.equals("message") { return .message }
            if name.equals("test-run") { return .root }
        case .xunit:
            if name.equals("test") { return .test }
            if name.equals("failure") { return .failure }
            if name.equals("message") { return .message }
            if name.equals("assembly") { return .assembly }
            if name.equals("error") { return .error }
            if name.equals("errors") { return .errors }
            if name.equals("assemblies") { return .root }
        case .trx:
            if name.equals("UnitTestResult") { return .test }
            if name.equals("ErrorInfo") { return .failure }
            if name.equals("Message") { return .message }
            if name.equals("Results") { return .results }
            if name.equals("Counters") { return .counters }
            if name.equals("ResultSummary") { return .resultSummary }
            if name.equals("RunInfo") { return .runInfo }
            if name.equals("Text") { return .text }
            if name.equals("TestRun") { return .root }
        }
        return .other
    }

    /// A test's state from its attributes, as the tool itself counts it; `nil` for an outcome the format does not
    /// define (the report cannot be judged).
    func state(_ attributes: XMLAttributes) -> (state: TestState, outcome: String)? {
        switch self {
        case .nunit:
            // NUnit's Failed covers failures, errors (`label="Error"`) and tests that cannot run (`Invalid`);
            // Inconclusive is neither passed nor failed to NUnit (its exit code ignores it): counted as skipped.
            guard let result = attributes.value("result") else { return nil }
            let outcome = result.string(limit: 40)
            switch outcome {
            case "Passed", "Warning": return (.passed, outcome)
            case "Skipped", "Inconclusive": return (.skipped, outcome)
            case "Failed":
                let label = attributes.value("label")?.string(limit: 40)
                return (label == "Error" || label == "Invalid" || label == "Cancelled" ? .error : .failed, outcome)
            default: return nil
            }
        case .xunit:
            guard let result = attributes.value("result") else { return nil }
            let outcome = result.string(limit: 40)
            switch outcome {
            case "Pass": return (.passed, outcome)
            case "Fail": return (.failed, outcome)
            case "Skip", "NotRun": return (.skipped, outcome)
            default: return nil
            }
        case .trx:
            // vstest's outcomes (Microsoft.VisualStudio.TestPlatform's TestOutcome and the TRX schema's): what
            // `dotnet test` prints as passed, failed and skipped; a test that ended abnormally is an error.
            guard let result = attributes.value("outcome") else { return nil }
            let outcome = result.string(limit: 40)
            switch outcome {
            case "Passed", "PassedButRunAborted", "Warning": return (.passed, outcome)
            case "Failed": return (.failed, outcome)
            case "NotExecuted", "Inconclusive", "NotRunnable": return (.skipped, outcome)
            case "Error", "Timeout", "Aborted", "Disconnected", "InProgress", "Pending": return (.error, outcome)
            default: return nil
            }
        }
    }

    /// Whether the run's own outcome says it failed: NUnit's `<test-run result="Failed">`, TRX's
    /// `<ResultSummary outcome>` of `Failed`, `Error`, `Aborted` or `Timeout`.
    func runFailed(_ attributes: XMLAttributes) -> Bool {
        switch self {
        case .nunit:
            return attributes.value("result")?.string(limit: 40) == "Failed"
        case .xunit:
            return false
        case .trx:
            let outcome = attributes.value("outcome")?.string(limit: 40)
            return outcome == "Failed" || outcome == "Error" || outcome == "Aborted" || outcome == "Timeout"
        }
    }

    /// The test's name as the verdict shows it: class and name where the format has them.
    func names(_ attributes: XMLAttributes) -> (className: String, name: String) {
        let limit = FailedTest.messageLimit
        switch self {
        case .nunit:
            let className = attributes.value("classname")?.string(limit: limit) ?? ""
            let name = attributes.value("name")?.string(limit: limit) ?? ""
            return (className, name)
        case .xunit:
            // xUnit's `name` is already the display name (`Namespace.Class.Method(x: 1)`).
            return ("", attributes.value("name")?.string(limit: limit) ?? "")
        case .trx:
            return ("", attributes.value("testName")?.string(limit: limit) ?? "")
        }
    }
}
