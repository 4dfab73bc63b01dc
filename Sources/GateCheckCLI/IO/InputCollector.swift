@_spi(Internals) import GateCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file to read, and how it came to be chosen.
struct InputFile: Sendable, Hashable {
    /// The path as the user wrote it or as found under a directory.
    var path: String
    /// The kind bound by gates.json `inputs`, which overrides detection.
    var boundKind: ReportKind?
    /// Named on the command line (or bound): an unknown kind is then an error, not a file to ignore.
    var explicit: Bool
    /// The file's identity (device and inode), when it could be `stat`ed.
    var identity: FileIdentity? = nil
}

/// Turns command-line paths and gates.json bindings into the list of files to read.
///
/// Directories are walked recursively in sorted order by ``DirectoryWalker`` (hidden entries skipped, links to
/// directories followed unless they loop; errors are diagnostics). A binding's glob is matched against paths relative to the working
/// directory. Every file is read once: paths that lead to the same file (a link, `a/../a/x`, an absolute and a
/// relative path, a walk and a binding) are one input, under the first path given, with a note naming the others.
struct InputCollector {
    var walker = DirectoryWalker()

    struct Result {
        var files: [InputFile] = []
        var missing: [FailedReport] = []
        var diagnostics: [Diagnostic] = []
    }

    func collect(paths: [String], bindings: [InputBinding], configPath: String?) -> Result {
        var result = Result()
        var byIdentity: [FileIdentity: Int] = [:]
        var byPath: [String: Int] = [:]
        var aliases: [Int: [String]] = [:]
        func add(_ file: InputFile) {
            let key = Self.normalize(file.path)
            // Identity alone decides when it is known: path text could merge two files whose names differ only in
            // Unicode normalization (String equality is canonical equivalence, the file system compares bytes).
            let existing = if let identity = file.identity { byIdentity[identity] } else { byPath[key] }
            if let existing {
                if file.boundKind != nil { result.files[existing].boundKind = file.boundKind }
                result.files[existing].explicit = result.files[existing].explicit || file.explicit
                let first = result.files[existing].path
                if key != Self.normalize(first), !(aliases[existing] ?? []).contains(file.path) {
                    aliases[existing, default: []].append(file.path)
                }
                return
            }
            if let identity = file.identity {
                byIdentity[identity] = result.files.count
            } else {
                byPath[key] = result.files.count
            }
            result.files.append(file)
        }
        for binding in bindings {
            let expanded = expand(Glob(binding.path))
            result.diagnostics += expanded.problems
            // A binding that matches no file is the checker's to report (GateChecker.verdict), by name.
            for found in expanded.files {
                add(InputFile(path: found.path, boundKind: binding.kind, explicit: true, identity: found.identity))
            }
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let reason = errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))
                result.missing.append(FailedReport(path: path, kind: nil, error: .unreadable(reason)))
                continue
            }
            if FileType(mode: info.st_mode) == .directory {
                let walk = walker.walk(path)
                result.diagnostics += walk.problems.map(\.diagnostic)
                if walk.files.isEmpty, walk.problems.isEmpty {
                    result.diagnostics.append(
                        Diagnostic(
                            .warning, code: "input.empty-directory", message: "the directory contains no files",
                            file: path))
                }
                for found in walk.files {
                    add(InputFile(path: found.path, boundKind: nil, explicit: false, identity: found.identity))
                }
            } else {
                add(InputFile(path: path, boundKind: nil, explicit: true, identity: FileIdentity(info)))
            }
        }
        for (index, others) in aliases.sorted(by: { $0.key < $1.key }) {
            let first = result.files[index].path
            result.diagnostics.append(
                Diagnostic(
                    .note, code: "input.same-file",
                    message: "the same file is also reached as " + others.map { "`\($0)`" }.joined(separator: ", ")
                        + "; it is read once, as `\(first)`, so that its figures count once",
                    file: first))
        }
        return result
    }

    // MARK: - Private

    /// The regular files a binding's glob names, and the walk's problems that could hide one of them.
    private func expand(_ glob: Glob) -> (files: [DirectoryWalker.Found], problems: [Diagnostic]) {
        if glob.isLiteral {
            var info = stat()
            guard stat(glob.pattern, &info) == 0, FileType(mode: info.st_mode) != .directory else { return ([], []) }
            return ([DirectoryWalker.Found(path: glob.pattern, identity: FileIdentity(info))], [])
        }
        var info = stat()
        guard stat(glob.baseDirectory, &info) == 0 else { return ([], []) }  // no such directory: no match
        let walk = walker.walk(glob.baseDirectory)
        // A listing or naming error could hide a match; an entry's own problem matters only if it would match.
        let problems = walk.problems.filter { problem in
            problem.isListing || (problem.path.map { glob.matches($0) } ?? true)
        }
        return (walk.files.filter { glob.matches($0.path) }, problems.map(\.diagnostic))
    }

    static func normalize(_ path: String) -> String {
        var view = Substring(path)
        while view.hasPrefix("./") { view = view.dropFirst(2) }
        return String(view)
    }
}
