/// Reads Go cover profiles (`go test -coverprofile`, modes `set`, `count` and `atomic`), streaming, into a
/// ``CoverageReport``.
///
/// Each line after `mode:` is a block, `file:startLine.startCol,endLine.endCol numStmt count`. Blocks written more
/// than once (several packages' runs in one profile, `cat` of profiles) merge as `go tool cover` merges them: counts
/// added (`set`: or-ed), and a block whose statement count changes is an error.
///
/// Go measures statements, gatecheck lines: every line a block with statements spans is an executable line, hit when
/// a block spanning it ran. The statement figure `go tool cover -func` prints as its total is kept beside
/// (``ParsedGoCoverage/statements``) and said in a note.
///
/// ```swift
/// var source = BytesSource("mode: set\nexample.com/m/a.go:3.14,5.2 1 1\n")
/// let parsed = try GoCoverParser.parse(&source)  // 3 of 3 lines; 1 of 1 statement
/// ```
@_spi(Internals) public enum GoCoverParser {
    /// Parses one profile.
    ///
    /// - Throws: ``ReportError`` when the file is empty, does not start with a `mode:` line of `set`, `count` or
    ///   `atomic`, has a line that is not a block, a block that ends before it starts, a block whose statement
    ///   count contradicts an earlier copy, another mode, or no block at all (nothing was measured).
    public static func parse<Source: ByteSource>(_ source: inout Source, limits: ParseLimits = .init())
        throws(ReportError) -> ParsedGoCoverage
    {
        var lines = TextLines(source, limits: limits)
        var state = GoCoverState()
        while try lines.next({ (line, number) throws(ReportError) in try state.read(line, at: number) }) != nil {}
        if state.mode == nil { throw .empty }
        return try state.finish()
    }
}

/// A Go profile read into gatecheck's coverage, with Go's own statement figure.
@_spi(Internals) public struct ParsedGoCoverage: Sendable, Hashable {
    /// The coverage by lines, and a note with Go's statement figure.
    public var coverage: ParsedCoverage
    /// Statements in blocks that ran, and statements in all: `go tool cover -func`'s total.
    public var statements: (covered: Int, total: Int) { (coveredStatements, totalStatements) }
    var coveredStatements: Int
    var totalStatements: Int
}
