extension JUnitHandler {
    /// The failure message of a CTest testcase that CTest did not run and counts as failed, or `nil` for a skip.
    ///
    /// `ctest --output-junit` writes every test CTest did not run as `status="notrun"` with a `<skipped>` whose
    /// `message` is CTest's completion status. Only a skip CTest itself counts as one (`SKIP_RETURN_CODE=77`,
    /// `SKIP_REGULAR_EXPRESSION_MATCHED`) is a skip: the others ("Unable to find executable" when the test binary
    /// was not built, "Fixture dependency failed", "Failed to start") are listed by CTest under "The following tests
    /// FAILED" and make it exit non-zero, so counting them as skipped passed a run CTest failed (disabled tests are
    /// `status="disabled"`, without `<skipped>`). Google Test's `status="notrun"` (a disabled test) has no
    /// `<skipped>`, so it stays skipped.
    static func ctestNotRunFailure(_ attributes: XMLAttributes) -> String? {
        guard let message = attributes.value("message") else { return nil }
        let reason = message.string(limit: FailedTest.messageLimit)
        guard !reason.hasPrefix("SKIP_"), reason != "Disabled" else { return nil }
        return "not run: \(reason.isEmpty ? "no reason given" : reason) (CTest counts a test it did not run as failed)"
    }
}
