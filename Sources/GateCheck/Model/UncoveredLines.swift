/// A run of consecutive changed lines of one file that no test executed, for annotations on the lines themselves.
@_spi(Internals) public struct UncoveredLines: Sendable, Hashable {
    /// The repository path.
    public var path: String
    /// The first line, 1-based.
    public var first: Int
    /// The last line (equal to `first` for one line).
    public var last: Int

    /// Creates a run.
    public init(path: String, first: Int, last: Int) {
        self.path = path
        self.first = first
        self.last = last
    }

    /// `line 7` or `lines 19-21`.
    public var lineText: String { first == last ? "line \(first)" : "lines \(first)-\(last)" }

    /// The runs of a file's sorted missed lines.
    static func runs(path: String, _ lines: [UInt32]) -> [UncoveredLines] {
        var result: [UncoveredLines] = []
        for line in lines.map(Int.init) {
            if let last = result.last, last.last + 1 == line {
                result[result.count - 1].last = line
            } else {
                result.append(UncoveredLines(path: path, first: line, last: line))
            }
        }
        return result
    }
}
