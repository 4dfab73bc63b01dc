/// The note for a tracefile whose `LF`/`LH` count a repeated `DA:` line each time it is written: its producer's
/// own figure beside the one gatecheck gates.
///
/// coverlet writes one `DA:` per method, so a line two methods share (an auto-property's getter and setter, a
/// lambda on its method's line) is written twice and counted twice in its `LF`/`LH` (ReportGenerator's coverlet
/// `lcov.info`: 124 of 199). lcov counts each line once, hit if any copy was (`lcov --summary`: 118 of 184), and so
/// does gatecheck, as it does for coverlet's Cobertura; the note keeps both figures in view.
struct LCOVRepeatedLines {
    /// Records whose summary counted repeats.
    private var records = 0
    /// `LF` and `LH` as every record states them, and whether every record stated both.
    private var statedFound: UInt64 = 0
    private var statedHit: UInt64 = 0
    private var everyRecordStated = true

    /// Adds a finished record.
    mutating func add(_ record: LCOVRecord) {
        if record.summaryCountsRepeats { records += 1 }
        if let found = record.linesFound?.value, let hit = record.linesHit?.value {
            statedFound &+= found
            statedHit &+= hit
        } else {
            everyRecordStated = false
        }
    }

    /// The `lcov.repeated-lines` note, when any record counted repeats, with `report`'s totals as gated.
    func diagnostics(for report: CoverageReport) -> [Diagnostic] {
        guard records > 0 else { return [] }
        let totals = report.totals
        let stated =
            everyRecordStated
            ? "the tracefile's own LF/LH give \(statedHit) of \(statedFound) lines" : "their LF/LH count each copy"
        return [
            Diagnostic(
                .note, code: "lcov.repeated-lines",
                message: "\(records) record(s) write some DA lines more than once (coverlet writes one per method), "
                    + "and \(stated); gatecheck counts each line once, hit if any copy was, as lcov --summary does: "
                    + "\(totals.linesCovered) of \(totals.linesValid)")
        ]
    }
}
