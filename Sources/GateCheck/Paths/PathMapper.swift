/// Makes the paths a coverage report writes repository-relative, one rule at a time, so that they meet the diff's.
///
/// The rules, in order (each its own function, each shown by `--explain`): ``normalize(_:)`` separators and `./`;
/// ``join(source:filename:)`` a Cobertura `<source>` root with the `filename`; ``relativeToRoot(_:)`` for absolute
/// paths; the user's ``PathRules`` (``applyRules(_:)``). Then ``PathIndex`` matches the result against the diff's
/// paths: exactly, else by a unique path suffix.
@_spi(Internals) public struct PathMapper: Sendable {
    /// The repository root, absolute, with `/` separators and no trailing `/`.
    public var root: String
    /// The user's rules.
    public var rules: PathRules
    /// Whether a repository-relative path names an existing file (the CLI asks the file system; `nil`: unknown).
    public var fileExists: (@Sendable (String) -> Bool)?

    /// Creates a mapper.
    public init(root: String, rules: PathRules = .init(), fileExists: (@Sendable (String) -> Bool)? = nil) {
        self.root = Self.normalize(root)
        while self.root.count > 1, self.root.hasSuffix("/") { self.root.removeLast() }
        self.rules = rules
        self.fileExists = fileExists
    }

    /// `\` → `/`, `./` and empty segments dropped, `a/../` folded (a leading `/` kept).
    public static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/") || path.hasPrefix("\\")
        var parts: [Substring] = []
        for part in path.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : joined
    }

    /// A `<source>` root joined with a class's `filename` (an absolute `filename` stands alone).
    public static func join(source: String, filename: String) -> String {
        let file = normalize(filename)
        if file.hasPrefix("/") || source.isEmpty { return file }
        return normalize(source + "/" + file)
    }

    /// An absolute path under the root made relative to it; other paths unchanged.
    public func relativeToRoot(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        if path == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The user's rules: the first `strip_prefix` that matches, then every `replace`.
    public func applyRules(_ path: String) -> String {
        var result = path
        if let prefix = rules.stripPrefix.first(where: { result.hasPrefix($0) }) {
            result = String(result.dropFirst(prefix.count))
        }
        for rule in rules.replace {
            guard let regex = try? Regex(rule.from) else { continue }
            result = result.replacing(regex) { match in Self.expand(rule.to, match) }
        }
        return Self.normalize(result)
    }

    /// The candidate repository paths of a report's file, one per `<source>` root (or the filename alone).
    public func candidates(filename: String, sources: [String]) -> [String] {
        let joined =
            sources.isEmpty ? [Self.normalize(filename)] : sources.map { Self.join(source: $0, filename: filename) }
        var seen: Set<String> = []
        return joined.map { applyRules(relativeToRoot($0)) }.filter { seen.insert($0).inserted }
    }

    /// The repository path of a report's file.
    ///
    /// Of its candidates, the one the diff names, else the one that exists, else the first. Several roots that name different existing files make the choice ambiguous: `nil` candidates
    /// are returned for the caller to refuse.
    public func resolve(filename: String, sources: [String], diffPaths: Set<String>) -> PathResolution {
        let all = candidates(filename: filename, sources: sources)
        guard all.count > 1 else { return .path(all.first ?? filename) }
        let named = all.filter(diffPaths.contains)
        if named.count == 1 { return .path(named[0]) }
        if let fileExists {
            let existing = all.filter(fileExists)
            if existing.count == 1 { return .path(existing[0]) }
            if existing.count > 1 { return .ambiguous(existing) }
        }
        if named.count > 1 { return .ambiguous(named) }
        return .path(all[0])
    }

    /// `$0`…`$9` in a replacement, as the match's groups.
    private static func expand(_ template: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
        var result = ""
        var iterator = template.makeIterator()
        while let character = iterator.next() {
            guard character == "$" else {
                result.append(character)
                continue
            }
            guard let digit = iterator.next() else {
                result.append("$")
                break
            }
            if let index = digit.wholeNumberValue, index < match.output.count {
                if let substring = match.output[index].substring { result += substring }
            } else {
                result.append("$")
                result.append(digit)
            }
        }
        return result
    }
}

/// Where a report's file lives in the repository.
@_spi(Internals) public enum PathResolution: Sendable, Hashable {
    /// One repository path.
    case path(String)
    /// Several roots hold a file of this name: the candidates.
    case ambiguous([String])
}
