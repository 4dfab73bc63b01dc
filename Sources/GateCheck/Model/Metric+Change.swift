extension Metric {
    /// Metrics that exist only against a baseline: what changed between the baseline's run and this one.
    ///
    /// Each is a count, measured from what both runs kept (finding fingerprints, test outcomes by id), so a gate on
    /// one cannot be judged without a usable baseline (exit 2 unless the gate says otherwise).
    public enum Change: String, CaseIterable, Sendable {
        /// `findings.new`: findings whose fingerprint the baseline does not have (or has fewer times).
        case findingsNew = "findings.new"
        /// `tests.newly_failing`: tests that passed in the baseline and fail or error now.
        case testsNewlyFailing = "tests.newly_failing"
        /// `tests.removed`: tests the baseline ran that this run does not have at all.
        case testsRemoved = "tests.removed"
        /// `accuracy.regressed_samples`: samples of one accuracy metric that passed the gate's `sample_min` in the
        /// baseline and fail it now (or are gone). Reserved: no accuracy metric may be named `regressed_samples`.
        case accuracyRegressedSamples = "accuracy.regressed_samples"
        /// `findings.new_introduced`: new findings that are not disclosed (``findingsNewDisclosed``): code findings,
        /// and vulnerabilities of a package version the baseline's run did not have.
        case findingsNewIntroduced = "findings.new_introduced"
        /// `findings.new_disclosed`: new vulnerabilities of a package at a version the baseline's run already had:
        /// the code did not change, the scanner's database did.
        case findingsNewDisclosed = "findings.new_disclosed"

        /// The report kinds the change is measured from.
        var kinds: [ReportKind] {
            switch self {
            case .findingsNew, .findingsNewIntroduced, .findingsNewDisclosed:
                ReportKind.allCases.filter(\.producesFindings)
            case .testsNewlyFailing, .testsRemoved: [.junit]
            case .accuracyRegressedSamples: [.accuracy]
            }
        }
    }

    /// Whether the metric is measured against a baseline rather than on this run alone.
    @_spi(Internals) public var isChange: Bool {
        if case .change = self { return true }
        return false
    }
}

extension Metric {
    /// Whether findings options (`min_severity`, `tools`, ...) apply: the findings metrics and `findings.new`.
    var selectsFindings: Bool {
        switch self {
        case .findings, .change(.findingsNew), .change(.findingsNewIntroduced), .change(.findingsNewDisclosed): true
        default: false
        }
    }
}
