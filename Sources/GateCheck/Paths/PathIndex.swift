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

    /// The path that is `name`, else the one path that ends with `/name`, else the longest path of which `name`
    /// ends with `/path` (a report path that keeps a build directory's prefix: the candidates are then suffixes of
    /// one another, and the longest is the most specific).
    public func match(_ name: String) -> Match {
        if paths.contains(name) { return .found(name) }
        let sameName = byBaseName[Self.baseName(name)] ?? []
        let longer = sameName.filter { $0.hasSuffix("/" + name) }
        switch longer.count {
        case 1: return .found(longer[0])
        case 2...: return .tie(longer.sorted())
        default: break
        }
        let shorter = sameName.filter { name.hasSuffix("/" + $0) }
        guard let longest = shorter.max(by: { $0.utf8.count < $1.utf8.count }) else { return .none }
        return .found(longest)
    }

    private static func baseName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }
}
