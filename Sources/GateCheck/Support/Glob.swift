/// A path pattern as gates.json writes them: `*` and `?` within one path segment, `**` across segments, `[abc]`
/// character classes.
///
/// Paths compare with `/` separators; a leading `./` is ignored.
///
/// ```swift
/// Glob("reports/**/*.xml").matches("reports/unit/coverage.xml")  // true
/// ```
@_spi(Internals) public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [[Character]]

    /// Creates a glob from a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.segments = Self.split(pattern).map(Array.init)
    }

    /// Whether the pattern contains any wildcard; a literal pattern names one path.
    public var isLiteral: Bool {
        !pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The leading directory without wildcards, where a file walk can start.
    public var baseDirectory: String {
        let literal = segments.prefix { segment in !segment.contains { $0 == "*" || $0 == "?" || $0 == "[" } }
        let base = literal.prefix(isLiteral ? max(0, literal.count - 1) : literal.count)
        let joined = base.map { String($0) }.joined(separator: "/")
        if pattern.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `path` matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        let parts = Self.split(path).map(Array.init)
        return Self.match(segments[...], parts[...])
    }

    public var description: String { pattern }

    // MARK: - Private

    private static func split(_ path: String) -> [Substring] {
        var view = Substring(path.contains("\\") ? path.replacing("\\", with: "/") : path)
        while view.hasPrefix("./") { view = view.dropFirst(2) }
        return view.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    }

    private static func match(_ pattern: ArraySlice<[Character]>, _ path: ArraySlice<[Character]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == ["*", "*"] {
            // `**` matches zero or more whole segments.
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(first[...], segment[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP: Int?
        var starT = 0
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == "*" {
                starP = p
                starT = t
                p += 1
            } else if p < pattern.endIndex, let next = matchOne(pattern, at: p, text[t]) {
                p = next
                t += 1
            } else if let star = starP {
                p = star + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches one character at `index` (a literal, `?` or a `[...]` class); returns the index after it.
    private static func matchOne(_ pattern: ArraySlice<Character>, at index: Int, _ char: Character) -> Int? {
        switch pattern[index] {
        case "?": return index + 1
        case "[":
            guard let close = pattern[(index + 1)...].firstIndex(of: "]") else {
                return char == "[" ? index + 1 : nil
            }
            var members = pattern[(index + 1)..<close]
            let negated = members.first == "!" || members.first == "^"
            if negated { members = members.dropFirst() }
            var found = false
            var i = members.startIndex
            while i < members.endIndex {
                if i + 2 < members.endIndex, members[i + 1] == "-" {
                    if members[i] <= char, char <= members[i + 2] { found = true }
                    i += 3
                } else {
                    if members[i] == char { found = true }
                    i += 1
                }
            }
            return found != negated ? close + 1 : nil
        default:
            return pattern[index] == char ? index + 1 : nil
        }
    }
}
