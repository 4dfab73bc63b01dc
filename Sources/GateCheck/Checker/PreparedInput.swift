/// An input whose kind is settled (or whose journey ended at detection): the result of
/// ``GateChecker/prepare(_:)``, read by ``GateChecker/read(_:plan:into:)``.
///
/// `@unchecked Sendable`: a prepared input that keeps its open source (one that cannot be opened twice) is used by
/// one thread at a time; handing it from a detecting thread to a reading thread through a lock orders the two.
public struct PreparedInput: @unchecked Sendable {
    enum State {
        /// To be read as `kind`; `open` is the source already open (one that cannot be opened again), with its first
        /// bytes to replay.
        case read(ReportKind, open: PeekingSource?)
        case failed(FailedReport)
        case ignored(IgnoredFile)
    }

    /// The input's name.
    public let name: String
    let input: ReportInput
    let state: State

    /// The kind it will be read as, when it will be read.
    public var kind: ReportKind? {
        if case .read(let kind, _) = state { kind } else { nil }
    }
}

/// What the inputs' kinds decide about reading them, from ``GateChecker/plan(_:)``: with one coverage report, only
/// its totals are kept; with several, each is folded into their union as it is read.
public struct ReadPlan: Sendable, Hashable {
    /// How many inputs are coverage reports.
    public let coverageReports: Int
    /// The base names of the files the diff changes, when a diff is given, parses, and no `paths.replace` rule can
    /// rename a file (`nil` otherwise: then every line is kept).
    var changedFileNames: Set<String>? = nil

    var mergesCoverage: Bool { coverageReports > 1 }
}
