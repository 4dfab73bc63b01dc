/// A place in a report: a 1-based line and, where known, a 1-based column.
public struct FilePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, where the format has one.
    public var column: Int?

    /// Creates a location.
    public init(line: Int, column: Int? = nil) {
        self.line = line
        self.column = column
    }

    public var description: String {
        column.map { "line \(line), column \($0)" } ?? "line \(line)"
    }
}

/// Why a report could not be read.
///
/// Every case is written for the user: what is wrong, where, and what to do.
///
/// A report that fails with any of these is never used for a verdict: the verdict's status becomes `error` (exit 2).
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file has no content (0 bytes, or only whitespace).
    case empty
    /// The file is larger than the configured limit.
    case tooLarge(limit: Int)
    /// The bytes could not be read (an I/O error).
    case unreadable(String)
    /// The text encoding is not one gatecheck reads.
    case unsupportedEncoding(String)
    /// The document is not well-formed XML or JSON.
    case malformed(String, at: FilePosition?)
    /// The document ends before it is complete: the tool that wrote it was probably interrupted.
    case truncated(at: FilePosition?)
    /// The document uses a construct gatecheck refuses for safety (an entity declaration, for example).
    case forbidden(String, at: FilePosition?)
    /// The document nests deeper than the configured limit.
    case tooDeep(limit: Int, at: FilePosition?)
    /// The document is well-formed but is not a report of the expected kind.
    case wrongKind(expected: ReportKind, found: String)
    /// A value in the document cannot be accepted (a negative count, a rate that is not a number, ...).
    case invalidValue(String, at: FilePosition?, keyPath: String?)
    /// The report was read with waivers or a date other than the configuration's, so its counts (which waivers
    /// change as they are read) are not the configuration's.
    case readWithOtherWaivers

    /// A stable identifier for the diagnostic.
    public var code: String {
        switch self {
        case .empty: "report.empty"
        case .tooLarge: "report.too-large"
        case .unreadable: "report.unreadable"
        case .unsupportedEncoding: "report.encoding"
        case .malformed: "report.malformed"
        case .truncated: "report.truncated"
        case .forbidden: "report.forbidden"
        case .tooDeep: "report.too-deep"
        case .wrongKind: "report.wrong-kind"
        case .invalidValue: "report.invalid-value"
        case .readWithOtherWaivers: "report.other-waivers"
        }
    }

    /// Where in the report the problem is, where known.
    public var location: FilePosition? {
        switch self {
        case .malformed(_, let at), .truncated(let at), .forbidden(_, let at), .tooDeep(_, let at),
            .invalidValue(_, let at, _):
            at
        case .empty, .tooLarge, .unreadable, .unsupportedEncoding, .wrongKind, .readWithOtherWaivers: nil
        }
    }

    public var description: String { text(withPosition: true) }

    /// The sentence without the position, for places that show the position on their own (diagnostics).
    public var message: String { text(withPosition: false) }

    private func text(withPosition: Bool) -> String {
        func suffix(_ position: FilePosition?) -> String { withPosition ? Self.suffix(position) : "" }
        switch self {
        case .empty:
            return "the report is empty; the step that writes it probably failed or wrote nothing"
        case .tooLarge(let limit):
            return "the report is larger than the limit of \(limit) bytes; raise `limits.max_report_bytes` in "
                + "gates.json if the file is genuine"
        case .unreadable(let reason):
            return "the report could not be read: \(reason)"
        case .unsupportedEncoding(let what):
            return "the report's encoding is not supported (\(what)); write it as UTF-8"
        case .malformed(let message, let at):
            return "the report is not well-formed" + suffix(at) + ": " + message
        case .truncated(let at):
            return "the report ends before it is complete" + suffix(at)
                + "; the tool that wrote it was probably interrupted, so its totals cannot be trusted"
        case .forbidden(let what, let at):
            return "the report contains \(what)" + suffix(at)
                + ", which gatecheck refuses: CI reports never need it and it is the vehicle of entity-expansion "
                + "and external-entity attacks"
        case .tooDeep(let limit, let at):
            return "the report nests more than \(limit) levels deep" + suffix(at)
                + ", the limit `limits.max_depth`; no genuine report does, so it is refused (if this one is genuine, "
                + "raise `limits.max_depth` in gates.json, at most 1024)"
        case .wrongKind(let expected, let found):
            return "the report is not \(expected.rawValue): found \(found)"
        case .invalidValue(let message, let at, let keyPath):
            let path = keyPath.map { " at `\($0)`" } ?? ""
            return message + path + suffix(at)
        case .readWithOtherWaivers:
            return "the report was read with waivers or a date other than the configuration's, so its findings "
                + "counts are not the configuration's; read reports through GateChecker, which always uses the "
                + "configuration's waivers"
        }
    }

    private static func suffix(_ location: FilePosition?) -> String {
        location.map { " (\($0))" } ?? ""
    }
}
