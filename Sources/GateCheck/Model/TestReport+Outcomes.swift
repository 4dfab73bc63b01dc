extension TestState {
    /// How bad the outcome is, so that a test id seen twice keeps its worst: error > failed > skipped > passed.
    var severityRank: Int {
        switch self {
        case .passed: 0
        case .skipped: 1
        case .failed: 2
        case .error: 3
        }
    }

    /// Whether the test failed or could not run: what `tests.newly_failing` counts.
    var isFailing: Bool { self == .failed || self == .error }
}

extension TestReport {
    /// Records a testcase's outcome under `classname::name` (the verdict's display name).
    mutating func recordOutcome(_ state: TestState, className: String, name: String) {
        recordOutcome(state, id: className.isEmpty ? name : "\(className)::\(name)")
    }

    /// Records an outcome by id, keeping the worst when the id was seen before (a rerun, a duplicated case).
    mutating func recordOutcome(_ state: TestState, id: String) {
        if let known = outcomes[id], known.severityRank >= state.severityRank { return }
        outcomes[id] = state
    }
}
