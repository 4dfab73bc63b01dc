/// Reads a unified diff's bytes into a ``UnifiedDiff``: the `+` lines of every file, on the new side.
///
/// Reads what `git diff` writes with any `-U` (also `-U0`), renames and copies, new and deleted files, mode changes,
/// `Binary files … differ` and `GIT binary patch`, `\ No newline at end of file`, quoted paths, `a/` `b/` (or
/// mnemonic) prefixes and `--no-prefix`; and `diff -u` output. Text before the first file (a `git show` or
/// `format-patch` header) is skipped. A diff that cannot be trusted, such as a hunk whose lines do not match its
/// header's counts (a truncated diff) or a content line outside any hunk, throws a ``DiffError`` with its line.
///
/// ```swift
/// let diff = try UnifiedDiffParser.parse(Array(gitDiffOutput.utf8))
/// diff.files.map(\.addedLines)
/// ```
@_spi(Internals) public enum UnifiedDiffParser {
    /// Parses a whole diff.
    public static func parse(_ bytes: [UInt8]) throws(DiffError) -> UnifiedDiff {
        var state = DiffParseState()
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            try state.consume(bytes[start..<end], line: lineNumber)
            start = end + 1
        }
        return try state.finish(line: lineNumber)
    }
}

/// The parser's state between lines.
struct DiffParseState {
    /// The file whose headers or hunks are being read.
    private var file: PendingDiffFile?
    /// Lines still expected in the current hunk, on the old and new sides.
    private var oldRemaining = 0
    private var newRemaining = 0
    /// The new-side number of the next line of the hunk.
    private var nextNewLine: UInt32 = 0
    /// Where the current hunk starts, for the error of a truncated one.
    private var hunkLine = 0
    /// Whether the previous line belonged to a hunk (so `\ No newline at end of file` may follow).
    private var afterHunkLine = false
    /// Skipping the base85 data of a `GIT binary patch`.
    private var inBinaryPatch = false
    private var files: [String: DiffFile] = [:]

    /// Reads one line (without its `\n`).
    mutating func consume(_ line: ArraySlice<UInt8>, line number: Int) throws(DiffError) {
        if oldRemaining > 0 || newRemaining > 0 {
            try hunkLine(line, number)
            return
        }
        let first = line.first
        if first == UInt8(ascii: "\\"), afterHunkLine { return }  // `\ No newline at end of file`
        afterHunkLine = false
        let text = Substring(String(decoding: line, as: UTF8.self))
        if text.hasPrefix("diff --git ") {
            try flush()
            inBinaryPatch = false
            guard let paths = DiffPath.gitHeaderPaths(text.dropFirst("diff --git ".count)) else {
                throw DiffError("cannot read the two paths of this `diff --git` line", line: number)
            }
            file = PendingDiffFile(gitOld: paths.old, gitNew: paths.new, line: number)
            return
        }
        if inBinaryPatch { return }
        if text.hasPrefix("--- "), file?.expectsMinus ?? true {
            if file?.isGit != true { try flush() }
            guard let path = DiffPath.value(text.dropFirst(4)) else {
                throw DiffError(
                    "the quoted path of this `---` line is not closed or has an invalid escape", line: number)
            }
            if file == nil { file = PendingDiffFile(line: number) }
            file?.minus = path
            file?.minusLine = number
            return
        }
        if text.hasPrefix("+++ "), let pending = file, pending.minus != nil, pending.plus == nil {
            guard let path = DiffPath.value(text.dropFirst(4)) else {
                throw DiffError(
                    "the quoted path of this `+++` line is not closed or has an invalid escape", line: number)
            }
            file?.plus = path
            return
        }
        if text.hasPrefix("@@") {
            try startHunk(text, number)
            return
        }
        if file?.isGit == true, file?.hasHunks == false, try gitHeader(text, number) { return }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: " ") || first == UInt8(ascii: "\\"),
            file != nil
        {
            throw DiffError(
                "a line of content outside any hunk: the hunk before it has more lines than its `@@` header counts, "
                    + "or the diff was edited or corrupted; regenerate it with `git diff`",
                line: number)
        }
        if first == UInt8(ascii: "-"), file?.hasHunks == true, !text.hasPrefix("-- ") {
            throw DiffError(
                "a removed line outside any hunk: the hunk before it has more lines than its `@@` header counts",
                line: number)
        }
        // Anything else (a `git log -p` commit header, a `format-patch` signature, `Only in …`) ends the file.
        if file?.hasHunks == true || file?.isGit == false { try flush() }
    }

    /// The diff, once every line is read.
    mutating func finish(line: Int) throws(DiffError) -> UnifiedDiff {
        if oldRemaining > 0 || newRemaining > 0 {
            throw DiffError(
                "the diff ends inside the hunk that starts at line \(hunkLine) (\(oldRemaining) old and "
                    + "\(newRemaining) new line(s) missing): it was truncated; regenerate it",
                line: line)
        }
        try flush()
        return UnifiedDiff(files: files.values.sorted { $0.path < $1.path })
    }

    // MARK: - Private

    private mutating func hunkLine(_ line: ArraySlice<UInt8>, _ number: Int) throws(DiffError) {
        switch line.first {
        case UInt8(ascii: "+"):
            guard newRemaining > 0 else {
                throw DiffError(
                    "the hunk that starts at line \(hunkLine) has more added lines than its header counts", line: number
                )
            }
            file?.added.append(nextNewLine)
            nextNewLine &+= 1
            newRemaining -= 1
        case UInt8(ascii: "-"):
            guard oldRemaining > 0 else {
                throw DiffError(
                    "the hunk that starts at line \(hunkLine) has more removed lines than its header counts",
                    line: number)
            }
            oldRemaining -= 1
        case UInt8(ascii: " "), nil, UInt8(ascii: "\r"):
            // A context line; an empty one is a context line whose space an editor or mailer stripped.
            guard oldRemaining > 0, newRemaining > 0 else {
                throw DiffError(
                    "the hunk that starts at line \(hunkLine) has more context lines than its header counts",
                    line: number)
            }
            oldRemaining -= 1
            newRemaining -= 1
            nextNewLine &+= 1
        case UInt8(ascii: "\\"):
            return  // `\ No newline at end of file` between the old and new sides of a hunk
        default:
            throw DiffError(
                "the hunk that starts at line \(hunkLine) ends early (\(oldRemaining) old and \(newRemaining) new "
                    + "line(s) missing): the diff was truncated or edited; regenerate it",
                line: number)
        }
        afterHunkLine = true
    }

    private mutating func startHunk(_ text: Substring, _ number: Int) throws(DiffError) {
        guard let pending = file, pending.minus != nil, pending.plus != nil else {
            throw DiffError("a hunk (`@@`) without the `---` and `+++` lines that name its file", line: number)
        }
        if text.hasPrefix("@@@") {
            throw DiffError(
                "a combined diff (`@@@`, from a merge commit) is not a unified diff; diff two commits", line: number)
        }
        guard let header = HunkHeader(text) else {
            throw DiffError("this is not a hunk header of the form `@@ -a,b +c,d @@`", line: number)
        }
        if pending.isBinary {
            throw DiffError("a hunk for a file the diff calls binary", line: number)
        }
        oldRemaining = header.oldCount
        newRemaining = header.newCount
        nextNewLine = header.newStart
        hunkLine = number
        file?.hasHunks = true
    }

    /// Reads a git extended header line; false if it is none.
    private mutating func gitHeader(_ text: Substring, _ number: Int) throws(DiffError) -> Bool {
        for ignored in ["old mode ", "new mode ", "index ", "similarity index ", "dissimilarity index "]
        where text.hasPrefix(ignored) {
            return true
        }
        if text.hasPrefix("new file mode ") {
            file?.isNew = true
        } else if text.hasPrefix("deleted file mode ") {
            file?.isDeleted = true
        } else if text.hasPrefix("Binary files ") {
            file?.isBinary = true
        } else if text.hasPrefix("GIT binary patch") {
            file?.isBinary = true
            inBinaryPatch = true
        } else if let (key, value) = Self.renameOrCopy(text) {
            guard let path = DiffPath.value(value) else {
                throw DiffError(
                    "the quoted path of this `\(key)` line is not closed or has an invalid escape", line: number)
            }
            switch key {
            case "rename from": file?.renameFrom = path
            case "rename to": file?.renameTo = path
            case "copy from": file?.copyFrom = path
            default: file?.copyTo = path
            }
        } else {
            return false
        }
        return true
    }

    private static func renameOrCopy(_ text: Substring) -> (String, Substring)? {
        for key in ["rename from", "rename to", "copy from", "copy to"] where text.hasPrefix(key + " ") {
            return (key, text.dropFirst(key.count + 1))
        }
        return nil
    }

    /// Ends the current file and records it.
    private mutating func flush() throws(DiffError) {
        guard let pending = file else { return }
        file = nil
        if pending.minus != nil, pending.plus == nil {
            throw DiffError("a `---` line without the `+++` line that must follow it", line: pending.minusLine)
        }
        guard let entry = pending.entry() else { return }
        if var existing = files[entry.path] {
            existing.addedLines = Array(Set(existing.addedLines + entry.addedLines)).sorted()
            existing.isBinary = existing.isBinary || entry.isBinary
            files[entry.path] = existing
        } else {
            files[entry.path] = entry
        }
    }
}
