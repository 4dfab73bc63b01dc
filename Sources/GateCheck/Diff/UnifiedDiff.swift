/// What a unified diff changes: per file of the new side, the lines added or changed (its `+` lines).
///
/// Made by ``UnifiedDiffParser`` from the bytes of `git diff` (any context width, renames, copies, new and deleted
/// files, mode changes, binary files) or of `diff -u`. Paths are as the diff names them, without git's `a/` `b/`
/// prefixes.
@_spi(Internals) public struct UnifiedDiff: Sendable, Hashable {
    /// The changed files, sorted by path; a file named twice (two `diff -u` runs concatenated) is merged.
    public var files: [DiffFile]

    /// Creates a diff from its files.
    public init(files: [DiffFile] = []) {
        self.files = files
    }

    /// The files that exist on the new side (not deleted), by path.
    public var byPath: [String: DiffFile] {
        Dictionary(files.filter { $0.change != .deleted }.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
    }

    /// Changed `+` lines over every file.
    public var addedLineCount: Int { files.reduce(0) { $0 + $1.addedLines.count } }
}

/// One file of a unified diff.
@_spi(Internals) public struct DiffFile: Sendable, Hashable {
    /// How the diff changes a file.
    public enum Change: String, Sendable, Hashable {
        /// Its content or mode changed.
        case modified
        /// It is new (`new file mode`, or `--- /dev/null`).
        case added
        /// It is deleted (`deleted file mode`, or `+++ /dev/null`); it has no new side.
        case deleted
        /// It was renamed (`rename from`/`rename to`), perhaps changed too.
        case renamed
        /// It was copied (`copy from`/`copy to`), perhaps changed too.
        case copied
    }

    /// The path on the new side (the old side's for a deleted file).
    public var path: String
    /// The path on the old side, when it differs (a rename or copy).
    public var oldPath: String?
    /// How it changed.
    public var change: Change
    /// Whether git called it binary: it has no lines to measure.
    public var isBinary: Bool
    /// The 1-based line numbers on the new side of the `+` lines, sorted and unique.
    public var addedLines: [UInt32]

    /// Creates a file entry.
    public init(
        path: String, oldPath: String? = nil, change: Change = .modified, isBinary: Bool = false,
        addedLines: [UInt32] = []
    ) {
        self.path = path
        self.oldPath = oldPath
        self.change = change
        self.isBinary = isBinary
        self.addedLines = addedLines
    }
}

/// Why a diff could not be read: what is wrong and at which line of the diff.
@_spi(Internals) public struct DiffError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The 1-based line of the diff where it was found.
    public var line: Int

    /// Creates an error.
    public init(_ message: String, line: Int) {
        self.message = message
        self.line = line
    }

    public var description: String { "line \(line): \(message)" }
}
