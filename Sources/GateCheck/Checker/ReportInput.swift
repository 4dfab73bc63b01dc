#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One report handed to a ``GateChecker``: a name for messages and bindings, and where its bytes come from.
///
/// The name is what every diagnostic and the verdict call the report (a path, an upload's file name); gates.json
/// `inputs` bindings are matched against it. The kind is detected from the content unless given here or bound by name.
///
/// ```swift
/// let inputs = [
///     ReportInput(name: "coverage.xml", bytes: coverageBytes),
///     ReportInput(name: "junit.xml", text: junitText),
/// ]
/// let verdict = GateChecker(configuration: configuration, today: today).check(inputs)
/// ```
public struct ReportInput: Sendable {
    /// What the report is called in messages, and what gates.json `inputs` bindings match.
    public var name: String
    /// The kind to read it as, overriding detection (like a binding).
    public var kind: ReportKind?
    /// Whether the caller named this input on purpose.
    ///
    /// An input named on purpose that is not a report is an error. Inputs found
    /// by walking a directory are not named: one that is not a report is listed as ignored.
    public var isNamed: Bool
    let open: @Sendable () throws(ReportError) -> any ByteSource

    /// A report whose bytes are in memory.
    public init(name: String, bytes: some Collection<UInt8> & Sendable, kind: ReportKind? = nil, isNamed: Bool = true) {
        let array = Array(bytes)
        self.init(name: name, kind: kind, isNamed: isNamed) { BytesSource(array) }
    }

    /// A report whose bytes are in memory, as `Data`.
    public init(name: String, data: Data, kind: ReportKind? = nil, isNamed: Bool = true) {
        self.init(name: name, bytes: [UInt8](data), kind: kind, isNamed: isNamed)
    }

    /// A report given as text (its UTF-8 bytes are read).
    public init(name: String, text: String, kind: ReportKind? = nil, isNamed: Bool = true) {
        self.init(name: name, bytes: Array(text.utf8), kind: kind, isNamed: isNamed)
    }

    /// A report read, streaming, from a source the caller opens.
    ///
    /// `open` is called once to detect the kind and, for a
    /// source that can be opened again cheaply and says it is rewindable (a file), once more to read it, so that
    /// thousands of inputs never hold thousands of open sources. A source that is not rewindable (a pipe, a socket) is
    /// opened once and its first bytes are kept for the parser.
    ///
    /// An error thrown by `open` makes the input unreadable (exit 2), naming `name`.
    public init(
        name: String, kind: ReportKind? = nil, isNamed: Bool = true,
        open: @escaping @Sendable () throws(ReportError) -> any ByteSource
    ) {
        self.name = name
        self.kind = kind
        self.isNamed = isNamed
        self.open = open
    }
}
