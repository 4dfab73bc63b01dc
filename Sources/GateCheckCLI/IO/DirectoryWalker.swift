@_spi(Internals) import GateCheck

/// Walks a directory recursively, in sorted order, and accounts for every entry: a file to read, an entry skipped
/// by rule (hidden; a link back to a directory already on the walk), or a diagnostic.
///
/// Nothing vanishes without a word. What may hide a report is an error (exit 2): a directory that cannot be listed,
/// an entry whose name is not UTF-8 (it cannot be named in a verdict, so it is shown with its bytes escaped), an
/// entry that cannot be `stat`ed (a dangling link, a link loop, a permission). A FIFO, socket or device is a warning
/// and is never opened: reading a FIFO that nobody writes would block the run.
struct DirectoryWalker {
    var fileSystem: any WalkFileSystem = SystemFileSystem()

    /// A regular file found, with its identity.
    struct Found: Sendable {
        var path: String
        var identity: FileIdentity
    }

    /// A problem met on the way, and the entry it is about (`nil` for a name that cannot be shown as text).
    struct Problem: Sendable {
        var path: String?
        var diagnostic: Diagnostic
        /// A directory that could not be listed: whatever it holds is unknown.
        var isListing = false
    }

    struct Walk: Sendable {
        var files: [Found] = []
        var problems: [Problem] = []
        /// The directories walked, and the walk root's ancestors, by identity: a link to one of them is not followed.
        var visited: Set<FileIdentity> = []
    }

    /// Every regular file below `directory` (and every link to one), sorted, skipping hidden entries; links to
    /// directories are followed unless they lead back to a directory already walked or to an ancestor of the root.
    func walk(_ directory: String) -> Walk {
        var result = Walk()
        result.visited = ancestors(of: directory)
        walk(directory, into: &result)
        return result
    }

    // MARK: - Private

    private func walk(_ directory: String, into result: inout Walk) {
        if case .success(let status) = fileSystem.status(directory) { result.visited.insert(status.identity) }
        let names: [[UInt8]]
        switch fileSystem.entries(of: directory) {
        case .success(let found): names = found
        case .failure(let error):
            result.problems.append(
                Problem(
                    path: directory,
                    diagnostic: Diagnostic(
                        .error, code: "input.unreadable",
                        message: "the directory cannot be listed (\(error)), so a report in it would be missed; "
                            + "make it readable, or name the reports you mean instead of the directory",
                        file: directory),
                    isListing: true))
            return
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var named: [String] = []
        for bytes in names where bytes.first != UInt8(ascii: ".") {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = prefix + Self.escaped(bytes)
                result.problems.append(
                    Problem(
                        path: nil,
                        diagnostic: Diagnostic(
                            .error, code: "input.unreadable",
                            message: "the name is not valid UTF-8 (shown with its bytes escaped), so gatecheck cannot "
                                + "name it in a verdict and does not read it; rename it (for example with "
                                + "`convmv -f latin1 -t utf8`) or move it out of the directory",
                            file: shown)))
                continue
            }
            named.append(name)
        }
        for name in named.sorted() {
            visit(prefix + name, into: &result)
        }
    }

    private func visit(_ path: String, into result: inout Walk) {
        func problem(_ severity: Diagnostic.Severity, _ message: String) {
            result.problems.append(
                Problem(
                    path: path,
                    diagnostic: Diagnostic(
                        severity, code: severity == .error ? "input.unreadable" : "input.not-regular",
                        message: message, file: path)))
        }
        let entry: FileStatus
        switch fileSystem.linkStatus(path) {
        case .success(let status): entry = status
        case .failure(let error):
            problem(
                .error,
                "the entry cannot be examined (\(error)), so a report in it would be missed; fix its "
                    + "permissions or remove it")
            return
        }
        switch entry.type {
        case .directory:
            walk(path, into: &result)
        case .regular:
            result.files.append(Found(path: path, identity: entry.identity))
        case .symbolicLink:
            switch fileSystem.status(path) {
            case .failure(let error):
                problem(
                    .error,
                    "the symbolic link leads nowhere readable (\(error)), so a report it was meant to "
                        + "reach would be missed; fix or remove the link")
            case .success(let target) where target.type == .regular:
                result.files.append(Found(path: path, identity: target.identity))
            case .success(let target) where target.type == .directory:
                // A linked directory may hold the reports (`test-results -> $RUNNER_TEMP/results`): skipped, its
                // failures were never read and the run passed. A link back to a directory on the walk, or to an
                // ancestor of the root (`up -> ..`, `root -> /`), would loop or walk far more than was asked.
                guard !result.visited.contains(target.identity) else { break }
                walk(path, into: &result)
            case .success(let target):
                problem(
                    .warning,
                    "the symbolic link leads to \(target.type.noun), which a directory walk never "
                        + "opens (reading it could wait forever); name it on the command line to read it")
            }
        default:
            problem(
                .warning,
                "it is \(entry.type.noun), which a directory walk never opens (reading it could wait "
                    + "forever); name it on the command line to read it")
        }
    }

    /// The identities of `directory` and of each directory above it, up to the file system's root.
    private func ancestors(of directory: String) -> Set<FileIdentity> {
        var found: Set<FileIdentity> = []
        var path = directory
        // `/..` is `/`: the chain ends when a parent is already known; 4,096 levels bound a hostile tree.
        for _ in 0..<4096 {
            guard case .success(let status) = fileSystem.status(path), found.insert(status.identity).inserted else {
                break
            }
            path += path.hasSuffix("/") ? ".." : "/.."
        }
        return found
    }

    /// The bytes as text, with every byte that is not part of valid UTF-8 (and every control character) as `\xHH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(bytes, at: index)
            if length > 0, let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self),
                !scalar.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                text += scalar
                index += length
            } else {
                let hex = String(bytes[index], radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                index += 1
            }
        }
        return text
    }

    /// The length of the UTF-8 sequence its lead byte announces, if the bytes are there (validity is checked by
    /// the caller); 0 for a byte that cannot start one.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length =
            switch lead {
            case 0..<0x80: 1
            case 0xC2..<0xE0: 2
            case 0xE0..<0xF0: 3
            case 0xF0..<0xF5: 4
            default: 0
            }
        return index + length <= bytes.count ? length : 0
    }
}
