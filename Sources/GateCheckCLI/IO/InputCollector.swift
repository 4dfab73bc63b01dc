import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A file to read, and how it came to be chosen.
struct InputFile: Sendable, Hashable {
    /// The path as the user wrote it or as found under a directory.
    var path: String
    /// The kind bound by gates.json `inputs`, which overrides detection.
    var boundKind: ReportKind?
    /// Named on the command line (or bound): an unknown kind is then an error, not a file to ignore.
    var explicit: Bool
}

/// Turns command-line paths and gates.json bindings into the list of files to read.
///
/// Directories are walked recursively in sorted order; hidden entries (`.git`, `.pytest_cache`, `.coverage`) and
/// symbolic links to directories are skipped. A binding's glob is matched against paths relative to the working
/// directory.
struct InputCollector {
    let fileManager = FileManager.default

    struct Result {
        var files: [InputFile] = []
        var missing: [FailedReport] = []
        var diagnostics: [Diagnostic] = []
    }

    func collect(paths: [String], bindings: [InputBinding], configPath: String?) -> Result {
        var result = Result()
        var index: [String: Int] = [:]
        func add(_ file: InputFile) {
            let key = Self.normalize(file.path)
            if let existing = index[key] {
                if file.boundKind != nil { result.files[existing].boundKind = file.boundKind }
                result.files[existing].explicit = result.files[existing].explicit || file.explicit
            } else {
                index[key] = result.files.count
                result.files.append(file)
            }
        }
        for (number, binding) in bindings.enumerated() {
            let matches = expand(Glob(binding.path))
            if matches.isEmpty {
                result.diagnostics.append(
                    Diagnostic(
                        binding.required ? .error : .warning, code: "input.no-match",
                        message:
                            "inputs[\(number)] `\(binding.path)` (bound to \(binding.kind.rawValue)) matched no file"
                            + (binding.required ? "; mark it \"required\": false if it may be absent" : ""),
                        file: configPath, keyPath: "inputs[\(number)].path"))
            }
            for path in matches { add(InputFile(path: path, boundKind: binding.kind, explicit: true)) }
        }
        for path in paths {
            var isDirectory = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.missing.append(
                    FailedReport(path: path, kind: nil, error: .unreadable("no such file or directory")))
                continue
            }
            if isDirectory {
                let found = walk(path)
                if found.isEmpty {
                    result.diagnostics.append(
                        Diagnostic(
                            .warning, code: "input.empty-directory", message: "the directory contains no files",
                            file: path))
                }
                for file in found { add(InputFile(path: file, boundKind: nil, explicit: false)) }
            } else {
                add(InputFile(path: path, boundKind: nil, explicit: true))
            }
        }
        return result
    }

    // MARK: - Private

    /// Every regular file below `directory`, sorted, skipping hidden entries and linked directories.
    private func walk(_ directory: String) -> [String] {
        guard let entries = try? fileManager.contentsOfDirectory(atPath: directory) else { return [] }
        var files: [String] = []
        for name in entries.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                let type = attributes[.type] as? FileAttributeType
            else { continue }
            switch type {
            case .typeDirectory: files.append(contentsOf: walk(path))
            case .typeRegular: files.append(path)
            case .typeSymbolicLink:
                var isDirectory = false
                if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory {
                    files.append(path)
                }
            default: continue
            }
        }
        return files
    }

    private func expand(_ glob: Glob) -> [String] {
        if glob.isLiteral {
            var isDirectory = false
            return fileManager.fileExists(atPath: glob.pattern, isDirectory: &isDirectory) && !isDirectory
                ? [glob.pattern] : []
        }
        return walk(glob.baseDirectory).filter { glob.matches($0) }
    }

    static func normalize(_ path: String) -> String {
        var view = Substring(path)
        while view.hasPrefix("./") { view = view.dropFirst(2) }
        return String(view)
    }
}
