@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The diff for `coverage.diff_*` gates: read from `--diff FILE`, or made by git for `--diff-base REF`.
///
/// The library never runs git; this is the CLI's I/O. Every failure is a sentence with the fix, for exit 2.
struct DiffLoader {
    /// `--diff`: a file, or `-` for standard input.
    var diffPath: String?
    /// `--diff-base`: the ref whose merge-base with HEAD the change is measured from.
    var diffBase: String?
    /// `--root`: the repository root (default the working directory).
    var root: String?

    /// The diff context, `nil` when no diff was asked for, or why it could not be made.
    func load() -> Result<DiffContext?, DiffLoadError> {
        let rootPath = absoluteRoot()
        let exists: @Sendable (String) -> Bool = { path in
            FileManager.default.fileExists(atPath: rootPath + "/" + path)
        }
        if let diffPath {
            let data: Data?
            if diffPath == "-" {
                data = Data(GitDiff.readAll(0))
            } else {
                data = FileManager.default.contents(atPath: diffPath)
            }
            guard let data else {
                return .failure(DiffLoadError("the diff \(diffPath) could not be read; check the path given to --diff"))
            }
            return .success(DiffContext(bytes: [UInt8](data), name: diffPath, root: rootPath, fileExists: exists))
        }
        if let diffBase {
            switch GitDiff(directory: rootPath).changes(since: diffBase) {
            case .success(let (bytes, name)):
                return .success(DiffContext(bytes: bytes, name: name, root: rootPath, fileExists: exists))
            case .failure(let error): return .failure(error)
            }
        }
        return .success(nil)
    }

    /// `--root` made absolute, or the working directory.
    func absoluteRoot() -> String {
        let cwd = FileManager.default.currentDirectoryPath
        guard let root else { return cwd }
        return root.hasPrefix("/") ? root : cwd + "/" + root
    }
}

/// Why no diff could be made.
struct DiffLoadError: Error, CustomStringConvertible {
    /// The sentence, with the fix.
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
