/// The outcome of one `<testcase>` after the state priority error > failure > skipped > passed.
@_spi(Internals) public enum TestState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No failure, error or skip.
    case passed
    /// Skipped, disabled, ignored or not run.
    case skipped
    /// An assertion failed (`<failure>`).
    case failed
    /// The test could not run to an assertion (`<error>`): an exception, a failed setup.
    case error
}

/// A failing (or erroring) test as the verdict names it, with bounded text.
@_spi(Internals) public struct FailedTest: Sendable, Hashable, Codable {
    /// `failed` or `error`.
    public var state: TestState
    /// The testcase's `classname`, often a dotted module and class path.
    public var className: String
    /// The testcase's `name`, including parameter ids.
    public var name: String
    /// The failure's message attribute, or the start of its text, at most ``FailedTest/messageLimit`` bytes.
    public var message: String
    /// The `file` attribute, where the emitter writes one (pytest xunit1, surefire, catch2).
    public var file: String?
    /// The `line` attribute exactly as written (0-based for pytest, 1-based elsewhere).
    public var line: Int?
    /// Whether `line` counts from 0: pytest's xunit1 writes the 0-based line of the test function.
    public var lineIsZeroBased = false

    /// The 1-based line of the test, for editors and CI annotations; `nil` when the report gives none.
    public var sourceLine: Int? {
        line.map { lineIsZeroBased ? $0 + 1 : $0 }
    }

    /// The longest message kept, in bytes.
    public static let messageLimit = 500

    /// Creates a failed test.
    public init(
        state: TestState, className: String, name: String, message: String, file: String? = nil, line: Int? = nil,
        lineIsZeroBased: Bool = false
    ) {
        self.state = state
        self.className = className
        self.name = name
        self.message = message
        self.file = file
        self.line = line
        self.lineIsZeroBased = lineIsZeroBased
    }

    /// `classname::name`, or just the name when there is no class.
    public var displayName: String {
        className.isEmpty ? name : "\(className)::\(name)"
    }

    enum CodingKeys: String, CodingKey {
        case state, name, message, file, line
        case className = "classname"
    }
}

/// One or more JUnit files, reduced to counts plus the names of the tests that failed.
///
/// Counts come from `<testcase>` elements (docs/reference/formats.md §2.4); suite attributes are used only for a
/// suite without any testcase.
@_spi(Internals) public struct TestReport: Sendable, Hashable {
    /// Testcases in any state.
    public var total = 0
    /// Testcases that passed, flaky ones included.
    public var passed = 0
    /// Testcases with a failed assertion (`<failure>`).
    public var failed = 0
    /// Testcases that could not run to an assertion (`<error>`).
    public var errors = 0
    /// Testcases skipped or disabled.
    public var skipped = 0
    /// Tests that passed after failing at least once (surefire `flakyFailure`/`flakyError` only).
    public var flaky = 0
    /// The sum of the testcases' `time` attributes, in seconds.
    public var durationSeconds = 0.0
    /// How many `time` attributes were not a duration (negative, NaN, infinite, not a number; an empty one is no
    /// time): with any, the duration is not measured rather than summed without them.
    public var invalidTimes = 0
    /// The first failing tests in document order, at most ``TestReport/failureLimit``.
    public var failures: [FailedTest] = []
    /// Failing tests counted but not kept by name: beyond the limit, or counted from suite attributes.
    public var failuresOmitted = 0
    /// The names of flaky tests, at most ``TestReport/failureLimit``.
    public var flakyTests: [String] = []
    /// Failures the report's own summary states beyond the failing tests it lists (`failures="2"` over testcases
    /// that all passed: a damaged or edited report); failure gates count them, judging the worse of the two.
    public var statedFailuresUnseen = 0
    /// Errors the report's summary states beyond the erroring tests it lists; error gates count them.
    public var statedErrorsUnseen = 0
    /// Every testcase's outcome by id (`classname::name`), kept only when the report is read for a baseline; a
    /// repeated id keeps its worst outcome.
    public var outcomes: [String: TestState] = [:]
    /// Counts per class and file, kept only for tests gates with `scope` (``ReadOptions/collectsPlaces``); not
    /// summed by ``add(_:)``: a scoped gate reads each report's own.
    public var countsByPlace: [TestPlace: TestTally] = [:]
    /// Whether ``countsByPlace`` was collected; a scoped gate cannot be judged on a report read without it.
    public var placesCollected = false

    /// How many failing tests a report keeps by name.
    public static let failureLimit = 100

    /// Creates an empty report.
    public init() {}

    /// Adds another report's counts and failures (several JUnit files are summed).
    ///
    /// Counts that would overflow stay at `Int.max`.
    public mutating func add(_ other: TestReport) {
        total = total.saturatingAdd(other.total)
        passed = passed.saturatingAdd(other.passed)
        failed = failed.saturatingAdd(other.failed)
        errors = errors.saturatingAdd(other.errors)
        skipped = skipped.saturatingAdd(other.skipped)
        flaky = flaky.saturatingAdd(other.flaky)
        durationSeconds += other.durationSeconds
        invalidTimes = invalidTimes.saturatingAdd(other.invalidTimes)
        statedFailuresUnseen = statedFailuresUnseen.saturatingAdd(other.statedFailuresUnseen)
        statedErrorsUnseen = statedErrorsUnseen.saturatingAdd(other.statedErrorsUnseen)
        let room = max(0, Self.failureLimit - failures.count)
        failures.append(contentsOf: other.failures.prefix(room))
        failuresOmitted = failuresOmitted.saturatingAdd(other.failuresOmitted)
            .saturatingAdd(max(0, other.failures.count - room))
        flakyTests.append(contentsOf: other.flakyTests.prefix(max(0, Self.failureLimit - flakyTests.count)))
        for (id, state) in other.outcomes { recordOutcome(state, id: id) }
    }
}
