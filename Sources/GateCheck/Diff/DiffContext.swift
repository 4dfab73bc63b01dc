/// A diff handed to ``GateChecker`` for the `coverage.diff_*` metrics: its bytes, what to call it, and how its
/// paths meet the coverage reports'.
///
/// The library never runs git or reads files: the caller gives the bytes, the repository root and, if it can, a
/// predicate that says whether a repository-relative path exists (used when several `<source>` roots could hold a
/// report's file).
@_spi(Internals) public struct DiffContext: Sendable {
    /// The diff's bytes.
    public var bytes: [UInt8]
    /// Its name in messages (`changes.diff`, `git diff origin/main...HEAD`).
    public var name: String
    /// The repository root, absolute.
    public var root: String
    /// Whether a repository-relative path names a file (`nil`: unknown).
    public var fileExists: (@Sendable (String) -> Bool)?

    /// Creates a context.
    public init(bytes: [UInt8], name: String, root: String, fileExists: (@Sendable (String) -> Bool)? = nil) {
        self.bytes = bytes
        self.name = name
        self.root = root
        self.fileExists = fileExists
    }
}

/// The diff as the engine sees it: parsed, or why it could not be.
@_spi(Internals) public struct DiffInput: Sendable {
    /// The name in messages.
    public var name: String
    /// The parsed diff, or the error at its line.
    public var diff: Result<UnifiedDiff, DiffError>
    /// How report paths become repository paths.
    public var mapper: PathMapper

    /// Parses a context's bytes with the configuration's path rules.
    public init(_ context: DiffContext, rules: PathRules) {
        name = context.name
        diff = Result { () throws(DiffError) in try UnifiedDiffParser.parse(context.bytes) }
        mapper = PathMapper(root: context.root, rules: rules, fileExists: context.fileExists)
    }

    /// The error diagnostic of a diff that could not be read.
    var diagnostic: Diagnostic? {
        guard case .failure(let error) = diff else { return nil }
        return Diagnostic(
            .error, code: "diff.malformed",
            message: "the diff cannot be read: \(error.message)", file: name, line: error.line)
    }
}
