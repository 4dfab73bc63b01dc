/// What a summarizing read of a tracefile (``CoverageDetail/totals``) keeps: per-file totals, as for Cobertura.
///
/// A file's records must be merged line by line (a line hit in either is hit once), so its lines are kept while its
/// records can still come. Records of one file usually follow each other (one record per file, or one per test
/// run written in a row), so the lines of the latest file are kept until a record of another file ends; then the
/// file is reduced to its totals. A file whose records are apart (`cat a.info b.info`, geninfo's per-test
/// sections) is noted in ``repeated`` and read again in detail on a second pass, so the figures are always those
/// of ``CoverageDetail/lines``.
struct LCOVSummaries {
    /// Files by their totals; a repeated file's entry is a placeholder until the second pass.
    private(set) var files: [String: FileCoverage] = [:]
    /// Files with records apart, to be read again in detail.
    private(set) var repeated: Set<String> = []
    /// The file whose records are being read, with its lines.
    private var latest: (path: String, file: LCOVFile)?
    /// The files with the most missed lines and the first of those lines: the only files whose missed lines a
    /// verdict names, so that the others keep no line numbers (as ``CoberturaParser`` keeps them).
    private var mostMissed: [(path: String, missed: Int, sample: [UInt32])] = []

    /// Adds a finished record of `path`.
    mutating func add(_ file: LCOVFile, path: String) {
        if var open = latest, open.path == path {
            latest = nil  // keep the lines' storage uniquely referenced while they merge
            open.file.merge(file)
            latest = open
            return
        }
        flush()
        latest = (path, file)
    }

    /// Reduces the latest file to its totals.
    mutating func flush() {
        guard let (path, file) = latest else { return }
        latest = nil
        guard files[path] == nil else {
            repeated.insert(path)
            return
        }
        let branches = file.branchTotals
        files[path] = .summary(
            count: file.lines.count, covered: file.lines.covered, missedSample: [], branchesCovered: branches.covered,
            branchesTotal: branches.total)
        let missed = file.lines.count - file.lines.covered
        guard missed > 0 else { return }
        let index =
            mostMissed.firstIndex { missed > $0.missed || (missed == $0.missed && path < $0.path) } ?? mostMissed.count
        guard index < 16 else { return }
        mostMissed.insert((path, missed, file.lines.missedLines(limit: 8)), at: index)
        if mostMissed.count > 16 { mostMissed.removeLast() }
    }

    /// The report, with `details` (the repeated files read again) in place of their placeholders.
    func report(details: [String: LCOVFile]) -> CoverageReport {
        var result = files
        for entry in mostMissed where !repeated.contains(entry.path) {
            guard let file = result[entry.path] else { continue }
            let branches = file.branchTotals
            result[entry.path] = .summary(
                count: file.lines.count, covered: file.lines.covered, missedSample: entry.sample,
                branchesCovered: branches.covered, branchesTotal: branches.total)
        }
        for (path, file) in details { result[path] = .summary(of: file.coverage) }
        var report = CoverageReport(files: result)
        report.detail = .totals
        return report
    }
}
