/// A message about the input that the verdict carries: a parse error, an ignored file, a mismatch worth knowing.
///
/// Diagnostics name the file and, where there is one, the position (line and column for XML and JSON, a key path
/// for configuration), so that a user can go straight to the problem.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable {
    /// How much a diagnostic matters: an `error` means the verdict cannot be trusted (exit 2).
    public enum Severity: String, Sendable, Codable, Comparable {
        /// The input could not be judged; the verdict's status is `error`.
        case error
        /// Worth a look, does not change the verdict.
        case warning
        /// Information, for example a file that was ignored because its kind is unknown.
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// How much it matters.
    public var severity: Severity
    /// A stable identifier of the kind of problem, for example `parse.truncated` or `config.unknown-key`.
    public var code: String
    /// The sentence for the user: what is wrong, where, and how to fix it.
    public var message: String
    /// The file it is about, as given on the command line or found in a directory.
    public var file: String?
    /// The 1-based line in `file`, where known.
    public var line: Int?
    /// The 1-based column in `file`, where known.
    public var column: Int?
    /// The key path in a JSON document (for example `gates[2].min`), where it applies.
    public var keyPath: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: String, message: String, file: String? = nil, line: Int? = nil,
        column: Int? = nil, keyPath: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
    }

    enum CodingKeys: String, CodingKey {
        case severity, code, message, file, line, column
        case keyPath = "key_path"
    }

    /// Sorted by file, then position, then severity, code, message and key path: a total order, so that verdicts
    /// are deterministic whatever order the diagnostics arrived in.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let left = (lhs.file ?? "", lhs.line ?? 0, lhs.column ?? 0, lhs.severity, lhs.code, lhs.message)
        let right = (rhs.file ?? "", rhs.line ?? 0, rhs.column ?? 0, rhs.severity, rhs.code, rhs.message)
        if left.0 != right.0 { return left.0 < right.0 }
        if left.1 != right.1 { return left.1 < right.1 }
        if left.2 != right.2 { return left.2 < right.2 }
        if left.3 != right.3 { return left.3 < right.3 }
        if left.4 != right.4 { return left.4 < right.4 }
        if left.5 != right.5 { return left.5 < right.5 }
        return (lhs.keyPath ?? "") < (rhs.keyPath ?? "")
    }
}
