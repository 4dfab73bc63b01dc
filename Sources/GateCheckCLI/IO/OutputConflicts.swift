#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Refuses a command line whose outputs would overwrite one of its inputs or each other.
///
/// Two paths are the same file when they lead to the same device and inode (through links, `..`, absolute or
/// relative spelling), or, when a path does not exist yet, when they are the same after making them absolute with
/// their directory resolved. The command line is then wrong (exit 64); nothing has been written.
enum OutputConflicts {
    /// A file the run writes or reads, as the user named it (`--output json=x`, `the input x`), and its path.
    struct Target: Sendable {
        var label: String
        var path: String
        /// The identity when already known (a collected input); otherwise the path is `stat`ed.
        var identity: FileIdentity?

        init(label: String, path: String, identity: FileIdentity? = nil) {
            self.label = label
            self.path = path
            self.identity = identity ?? FileIdentity(path: path)
        }
    }

    /// An output that would replace an input.
    struct Overwrite: Sendable {
        var output: Target
        var input: Target

        /// The refusal, as a sentence for the user.
        var message: String {
            "\(output.label) would overwrite \(input.label), which this run reads; write outputs outside the inputs "
                + "(for example --output json=gatecheck-out/verdict.json)"
        }
    }

    /// Two outputs (an `--output`, the step summary) that name one file, as a sentence for the user; `nil` if none.
    static func collision(among outputs: [Target]) -> String? {
        for (index, output) in outputs.enumerated() {
            for earlier in 0..<index where isSame(outputs[earlier], output) {
                return "\(outputs[earlier].label) and \(output.label) write the same file; give each output its own "
                    + "file"
            }
        }
        return nil
    }

    /// Every pair of an output and an input that are one file, in the order of the inputs.
    static func overwrites(by outputs: [Target], of inputs: [Target]) -> [Overwrite] {
        guard !outputs.isEmpty else { return [] }
        var found: [Overwrite] = []
        for input in inputs {
            for output in outputs where isSame(output, input) { found.append(Overwrite(output: output, input: input)) }
        }
        return found
    }

    /// Whether two paths are one file: the same identity when both exist; the same resolved path when neither
    /// does (a path that exists and one that does not are different files).
    private static func isSame(_ one: Target, _ other: Target) -> Bool {
        switch (one.identity, other.identity) {
        case (let first?, let second?): first == second
        case (nil, nil): resolve(one.path).utf8.elementsEqual(resolve(other.path).utf8)  // bytes, as the file system
        default: false
        }
    }

    /// The path made absolute, its directory resolved by `realpath` (links, `..`) when it exists, or `.` and `..`
    /// removed by text when it does not.
    static func resolve(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count) != nil ? String(cString: buffer) : "."
            absolute = cwd + "/" + path
        }
        if let slash = absolute.lastIndex(of: "/") {
            let name = absolute[absolute.index(after: slash)...]
            if !name.isEmpty, name != ".", name != "..", let real = realpath(String(absolute[...slash]), nil) {
                defer { free(real) }
                let directory = String(cString: real)
                return (directory == "/" ? "" : directory) + "/" + name
            }
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
