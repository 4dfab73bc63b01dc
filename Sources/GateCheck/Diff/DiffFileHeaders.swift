/// `@@ -a[,b] +c[,d] @@`: where a hunk starts on each side and how many lines it has there.
struct HunkHeader {
    /// Lines on the old side.
    var oldCount: Int
    /// The first line on the new side.
    var newStart: UInt32
    /// Lines on the new side.
    var newCount: Int

    /// Parses a header; `nil` if it is not one.
    init?(_ text: Substring) {
        var rest = text.utf8[...]
        func expect(_ literal: String) -> Bool {
            guard rest.starts(with: literal.utf8) else { return false }
            rest = rest.dropFirst(literal.utf8.count)
            return true
        }
        func number() -> Int? {
            let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            rest = rest.dropFirst(digits.count)
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func range() -> (start: Int, count: Int)? {
            guard let start = number() else { return nil }
            guard expect(",") else { return (start, 1) }
            guard let count = number() else { return nil }
            return (start, count)
        }
        guard expect("@@ -"), let old = range(), expect(" +"), let new = range(), expect(" @@") else { return nil }
        _ = old.start
        self.oldCount = old.count
        self.newStart = UInt32(new.start)
        self.newCount = new.count
    }
}

/// A file whose headers are being read.
struct PendingDiffFile {
    var gitOld: String?
    var gitNew: String?
    var minus: String?
    var minusLine = 0
    var plus: String?
    var renameFrom: String?
    var renameTo: String?
    var copyFrom: String?
    var copyTo: String?
    var isNew = false
    var isDeleted = false
    var isBinary = false
    var hasHunks = false
    var added: [UInt32] = []
    var line: Int

    init(gitOld: String? = nil, gitNew: String? = nil, line: Int) {
        self.gitOld = gitOld
        self.gitNew = gitNew
        self.line = line
    }

    /// Whether the file started with `diff --git`.
    var isGit: Bool { gitOld != nil }

    /// Whether a `---` line would belong to this file (a git file before its first hunk); else it starts another.
    var expectsMinus: Bool { isGit && minus == nil && !hasHunks }

    /// The finished entry; `nil` for a header with no file (never for a real diff).
    func entry() -> DiffFile? {
        let prefixed: Bool
        if let gitOld, let gitNew {
            prefixed = DiffPath.hasPrefixes(old: gitOld, new: gitNew)
        } else {
            // `diff -u` output: prefixes only when both sides have them, as `git diff` writes them.
            let old = minus ?? ""
            let new = plus ?? ""
            prefixed =
                (old == DiffPath.devNull || old.hasPrefix("a/")) && (new == DiffPath.devNull || new.hasPrefix("b/"))
                && !(old == DiffPath.devNull && new == DiffPath.devNull)
        }
        func strip(_ path: String?) -> String? {
            guard let path, path != DiffPath.devNull else { return nil }
            return prefixed ? DiffPath.strippingPrefix(path) : path
        }
        let deleted = isDeleted || plus == DiffPath.devNull
        let added = isNew || minus == DiffPath.devNull
        let oldSide = renameFrom ?? copyFrom ?? strip(minus) ?? strip(gitOld)
        let newSide = renameTo ?? copyTo ?? strip(plus) ?? (deleted ? nil : strip(gitNew))
        guard let path = deleted ? oldSide : newSide else { return nil }
        let change: DiffFile.Change =
            deleted ? .deleted : added ? .added : renameTo != nil ? .renamed : copyTo != nil ? .copied : .modified
        return DiffFile(
            path: path, oldPath: oldSide != path ? oldSide : nil, change: change, isBinary: isBinary,
            addedLines: self.added)
    }
}
