/// One file of a coverage.py JSON report (`files.<path>`) while it is read, and the checks made when it ends.
struct CoveragePyJSONFile {
    /// The per-file `summary` figures gatecheck checks (or, without branch arcs, uses).
    struct Summary {
        var coveredLines: Int64?
        var numStatements: Int64?
        var missingLines: Int64?
        var numBranches: Int64?
        var coveredBranches: Int64?
        var missingBranches: Int64?
        /// Where the summary object starts, for messages.
        var at: FilePosition?
    }

    /// A branch arc: from a line to a line (negative: out of the function), taken or not.
    struct Arc {
        var from: UInt32
        var to: UInt32
        var taken: Bool
    }

    var lines = LineTable()
    var executed = 0
    var missing = 0
    var arcs: [Arc] = []
    var sawArcs = false
    var summary = Summary()

    /// The file's coverage after checking its `summary` against its lines and arcs.
    ///
    /// Arcs become gatecheck's branch lines as coverage.py's own Cobertura output counts them: per source line, its
    /// arcs and how many were taken, the targets of the missing ones kept (an exit, written negative, is stored as 0
    /// as in `missing-branches`), so that the report merges exactly with another run's JSON or Cobertura.
    func finish(path: String) throws(ReportError) -> FileCoverage {
        var file = FileCoverage()
        file.lines = lines
        let sorted = arcs.sorted { $0.from != $1.from ? $0.from < $1.from : $0.to < $1.to }
        var index = 0
        var taken = 0
        while index < sorted.count {
            let from = sorted[index].from
            var count = BranchCount(line: from, covered: 0, total: 0)
            var targets: [UInt32] = []
            while index < sorted.count, sorted[index].from == from {
                count.total += 1
                if sorted[index].taken { count.covered += 1 } else { targets.append(sorted[index].to) }
                index += 1
            }
            taken += Int(count.covered)
            file.recordBranches(count, missing: targets)
        }
        let keyPath = "files.\(path).summary"
        try check(summary.numStatements, equals: lines.count, "num_statements", keyPath, "executed and missing lines")
        try check(summary.coveredLines, equals: lines.covered, "covered_lines", keyPath, "executed lines")
        try check(summary.missingLines, equals: lines.count - lines.covered, "missing_lines", keyPath, "missing lines")
        if sawArcs {
            try check(summary.numBranches, equals: arcs.count, "num_branches", keyPath, "branch arcs")
            try check(summary.coveredBranches, equals: taken, "covered_branches", keyPath, "executed arcs")
        } else if let total = summary.numBranches, total > 0 {
            // Older formats without arcs: the summary's counts, which cannot be merged arc by arc.
            let covered = summary.coveredBranches ?? total - (summary.missingBranches ?? total)
            guard covered >= 0, covered <= total else {
                throw .invalidValue(
                    "covered_branches \(covered) is not between 0 and num_branches \(total)", at: summary.at,
                    keyPath: keyPath)
            }
            file.addBranchTotals(covered: Int(covered), total: Int(total))
        }
        return file
    }

    /// Fails when a summary figure is written and differs from what the file's detail gives.
    private func check(_ declared: Int64?, equals counted: Int, _ key: String, _ path: String, _ what: String)
        throws(ReportError)
    {
        guard let declared, declared != Int64(counted) else { return }
        throw .invalidValue(
            "\(key) is \(declared) but the file lists \(counted) \(what); the report was edited or damaged, so "
                + "neither figure can be trusted (write it again with `coverage json`)", at: summary.at,
            keyPath: path + "." + key)
    }
}
