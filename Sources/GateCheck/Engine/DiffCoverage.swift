/// Coverage of a diff's changed lines: per changed file, which of its `+` lines the coverage reports measure and
/// which of those were executed.
///
/// A line counts as diff-cover counts it: measured when a report has it, covered when its hits are above 0;
/// branches are those of measured changed lines.
@_spi(Internals) public struct DiffCoverage: Sendable, Hashable {
    /// One changed file that a report measures.
    public struct FileResult: Sendable, Hashable {
        /// The repository path (the diff's).
        public var path: String
        /// The path the coverage report writes.
        public var reportPath: String
        /// Changed lines the report measures.
        public var measured: Int
        /// Of those, executed.
        public var covered: Int
        /// Changed lines measured but never executed, sorted.
        public var missedLines: [UInt32]
        /// Branches on changed lines, and those taken.
        public var branchesValid: Int
        public var branchesCovered: Int
    }

    /// Changed files a report measures, sorted by path.
    public var files: [FileResult] = []
    /// Changed source files (with `+` lines, not binary) that no report measures, sorted.
    public var unmeasured: [String] = []
    /// Report files that matched more than one changed file, or several roots' files: refused.
    public var ties: [String] = []
    /// When no changed file is measured: changed files that end like a report's file (the same directory and name)
    /// without mapping to it, each with that file (``DiffPathMiss``): refused, since the paths need mapping.
    public var unmapped: [String] = []
    /// Changed lines in the diff over every file, measured or not.
    public var changedLines = 0

    /// Totals over the measured files.
    public var linesValid: Int { files.reduce(0) { $0 + $1.measured } }
    /// Changed lines executed.
    public var linesCovered: Int { files.reduce(0) { $0 + $1.covered } }
    /// Branches on changed lines.
    public var branchesValid: Int { files.reduce(0) { $0 + $1.branchesValid } }
    /// Branches on changed lines that were taken.
    public var branchesCovered: Int { files.reduce(0) { $0 + $1.branchesCovered } }

    /// Measures `diff` against a (merged) coverage report, mapping the report's paths with `mapper`.
    public static func compute(diff: UnifiedDiff, coverage: CoverageReport, mapper: PathMapper) -> DiffCoverage {
        var result = DiffCoverage()
        let changed = diff.files.filter { $0.change != .deleted && !$0.isBinary && !$0.addedLines.isEmpty }
        result.changedLines = changed.reduce(0) { $0 + $1.addedLines.count }
        let changedPaths = Set(changed.map(\.path))
        let index = PathIndex(changedPaths)
        let baseNames = Set(changedPaths.map(Self.baseName(of:)))
        // Only a report file whose name could meet a changed file is mapped: a 200 MB report has 100,000 files.
        let filterByName = mapper.rules.replace.isEmpty
        var assigned: [String: String] = [:]
        var misses: [(key: String, path: String)] = []
        for key in coverage.files.keys.sorted() {
            if filterByName, !baseNames.contains(baseName(of: key)) { continue }
            switch mapper.resolve(filename: key, sources: coverage.sources, diffPaths: changedPaths) {
            case .ambiguous(let candidates):
                result.ties.append(
                    "\(key) is under several <source> roots (\(candidates.joined(separator: ", "))); they are "
                        + "different files, and the report does not say which it measured")
            case .path(let path):
                switch index.match(path) {
                case .none:
                    // A path that is a file of the repository is another file, not a miss (a monorepo's other
                    // service); without a file system to ask, only a path outside it (absolute) can be one.
                    if mapper.fileExists.map({ !$0(path) }) ?? path.hasPrefix("/") { misses.append((key, path)) }
                    continue
                case .tie(let candidates):
                    result.ties.append(
                        "\(key) matches several changed files by suffix: \(candidates.joined(separator: " and ")); "
                            + "add a `paths` rule in gates.json that makes it one of them")
                case .found(let changedPath):
                    if let other = assigned[changedPath] {
                        result.ties.append(
                            "\(other) and \(key) both map to \(changedPath); add a `paths` rule in gates.json that "
                                + "tells them apart")
                    } else {
                        assigned[changedPath] = key
                    }
                }
            }
        }
        for file in changed {
            guard let key = assigned[file.path], let coverageFile = coverage.files[key] else {
                result.unmeasured.append(file.path)
                continue
            }
            result.files.append(measure(file, coverageFile, reportPath: key))
        }
        result.unmeasured.sort()
        if result.files.isEmpty { result.unmapped = DiffPathMiss.unmapped(result.unmeasured, misses: misses) }
        return result
    }

    /// The changed lines of one file against its coverage.
    static func measure(_ file: DiffFile, _ coverage: FileCoverage, reportPath: String) -> FileResult {
        var result = FileResult(
            path: file.path, reportPath: reportPath, measured: 0, covered: 0, missedLines: [], branchesValid: 0,
            branchesCovered: 0)
        var measuredLines: [UInt32] = []
        for line in file.addedLines {
            let status = coverage.lines.status(of: line)
            guard status.present else { continue }
            result.measured += 1
            measuredLines.append(line)
            if status.hit { result.covered += 1 } else { result.missedLines.append(line) }
        }
        // Both lists are sorted: one pass over the branch lines.
        var next = 0
        for branch in coverage.branches {
            while next < measuredLines.count, measuredLines[next] < branch.line { next += 1 }
            guard next < measuredLines.count else { break }
            if measuredLines[next] == branch.line {
                result.branchesValid += Int(branch.total)
                result.branchesCovered += Int(branch.covered)
            }
        }
        return result
    }

    /// The last component of a path, after ``PathMapper/normalize(_:)``: no path rule but `replace` changes it, so
    /// a report file whose base name no changed file has cannot be one of them.
    public static func baseName(of path: String) -> String {
        let normalized = PathMapper.normalize(path)
        return String(normalized.split(separator: "/").last ?? Substring(normalized))
    }

    /// The base names of the files a diff changes with `+` lines, or `nil` when the diff does not parse or a
    /// `paths.replace` rule could rename a report's file (then a reader keeps every line).
    public static func changedBaseNames(_ bytes: [UInt8], rules: PathRules) -> Set<String>? {
        guard rules.replace.isEmpty, let diff = try? UnifiedDiffParser.parse(bytes) else { return nil }
        return changedBaseNames(of: diff)
    }

    /// The base names of the files a diff changes with `+` lines.
    static func changedBaseNames(of diff: UnifiedDiff) -> Set<String> {
        let changed = diff.files.filter { $0.change != .deleted && !$0.isBinary && !$0.addedLines.isEmpty }
        return Set(changed.map { baseName(of: $0.path) })
    }
}
