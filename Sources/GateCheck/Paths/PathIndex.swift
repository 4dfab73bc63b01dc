/// The diff's paths, matched against a report's (mapped) paths: exactly, else by a unique path suffix.
@_spi(Internals) public struct PathIndex: Sendable {
    /// The outcome of a match.
    public enum Match: Sendable, Hashable {
        /// Exactly one path.
        case found(String)
        /// More than one path ends with the name: the candidates, sorted.
        case tie([String])
        /// No path.
        case none
    }

    private let paths: Set<String>
    private let byBaseName: [Substring: [String]]

    /// Indexes the repository paths to match against.
    public init(_ paths: some Sequence<String>) {
        self.paths = Set(paths)
        var index: [Substring: [String]] = [:]
        for path in self.paths { index[Self.baseName(path), default: []].append(path) }
        self.byBaseName = index
    }

    /// The path that is `name`, else the one path that ends with `/name`, or of which `name` ends with `/path`
    /// (a report path carrying a build directory's prefix).
    public func match(_ name: String) -> Match {
        if paths.contains(name) { return .found(name) }
        let candidates = (byBaseName[Self.baseName(name)] ?? []).filter { path in
            path.hasSuffix("/" + name) || name.hasSuffix("/" + path)
        }
        switch candidates.count {
        case 0: return .none
        case 1: return .found(candidates[0])
        default: return .tie(candidates.sorted())
        }
    }

    private static func baseName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }
}
