/// Where a finding is, for gates with `scope.paths`: its tool and the path the tool gives (`nil`: none, as for a
/// pip-audit or Safety dependency finding, or a SARIF result without a location).
@_spi(Internals) public struct FindingPlace: Sendable, Hashable {
    /// The tool, as the report names it.
    public var tool: String
    /// The finding's path as the tool wrote it (Trivy: `PkgPath`, else the result's `Target`), or `nil`.
    public var path: String?

    /// Creates a place.
    public init(tool: String, path: String?) {
        self.tool = tool
        self.path = path
    }
}

/// Where a testcase is, for tests gates with `scope`: its `classname` and its file, when one can be told.
@_spi(Internals) public struct TestPlace: Sendable, Hashable {
    /// The testcase's `classname` (empty when it has none).
    public var className: String
    /// The testcase's file: the `file` attribute, or for pytest the file derived from `classname`
    /// (``TestPlace/pytestFile(className:)``); `nil` when neither gives one.
    public var file: String?

    /// Creates a place.
    public init(className: String, file: String?) {
        self.className = className
        self.file = file
    }

    /// The test file pytest's dotted `classname` names, under pytest's default `python_files` (`test_*.py`,
    /// `*_test.py`): the segments up to the last one that starts with `test_` or ends with `_test`, joined with `/`,
    /// plus `.py` (`tests.unit.test_x.TestX` → `tests/unit/test_x.py`); `nil` when no segment is a test module.
    ///
    /// pytest writes `classname` as the node id's path with `/` → `.` and `.py` dropped, then the classes; with
    /// default `python_classes` (`Test*`) no class segment looks like a test module, so the cut is exact.
    public static func pytestFile(className: String) -> String? {
        let segments = className.split(separator: ".", omittingEmptySubsequences: false)
        guard
            let last = segments.lastIndex(where: { segment in
                segment.hasPrefix("test_") || (segment.hasSuffix("_test") && segment.count > 5)
            })
        else { return nil }
        return segments[...last].joined(separator: "/") + ".py"
    }
}

/// One place's test counts, for tests gates with `scope`.
@_spi(Internals) public struct TestTally: Sendable, Hashable {
    /// Testcases in any state.
    public var total = 0
    /// Passed, flaky ones included.
    public var passed = 0
    /// `<failure>`.
    public var failed = 0
    /// `<error>`.
    public var errors = 0
    /// Skipped or disabled.
    public var skipped = 0
    /// Passed after failing (surefire).
    public var flaky = 0

    /// Creates zero counts.
    public init() {}

    /// Counts one testcase.
    public mutating func add(_ state: TestState, flaky isFlaky: Bool) {
        total = total.saturatingAdd(1)
        switch state {
        case .passed:
            passed = passed.saturatingAdd(1)
            if isFlaky { flaky = flaky.saturatingAdd(1) }
        case .failed: failed = failed.saturatingAdd(1)
        case .error: errors = errors.saturatingAdd(1)
        case .skipped: skipped = skipped.saturatingAdd(1)
        }
    }

    /// Adds another tally.
    public mutating func add(_ other: TestTally) {
        total = total.saturatingAdd(other.total)
        passed = passed.saturatingAdd(other.passed)
        failed = failed.saturatingAdd(other.failed)
        errors = errors.saturatingAdd(other.errors)
        skipped = skipped.saturatingAdd(other.skipped)
        flaky = flaky.saturatingAdd(other.flaky)
    }
}
