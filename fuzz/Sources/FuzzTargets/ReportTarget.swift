@_spi(Internals) import GateCheck

/// A report parser: the same bytes give the same result in every chunk size, the result keeps the report
/// invariants, and the kind's own promises hold (Cobertura's and LCOV's totals mode agree with their lines mode;
/// Safety reads the same JSON with or without its banner; waivers only move findings from counted to waived).
enum ReportTarget {
    static let path = "fuzz-input"

    static func run(_ kind: ReportKind, _ bytes: [UInt8]) throws(FuzzFailure) {
        let options = FuzzFixtures.options()
        let reference = read(kind, bytes, options: options)
        try ReportInvariants.check(reference, kind: kind, path: path)
        for size in FuzzFixtures.chunkSizes {
            let chunked = read(kind, bytes, chunkSize: size, options: options)
            try expect(
                chunked == reference,
                "\(kind.rawValue) in chunks of \(size) bytes: \(summary(chunked)); whole: \(summary(reference))")
        }
        if kind.producesFindings { try checkWaivers(kind, bytes, reference) }
        switch kind {
        case .cobertura:
            try CoberturaStructureCheck.check(bytes, reference)
            try checkCoverageDetail(bytes, reference)
        case .safety: try checkBanner(bytes, reference)
        case .lcov:
            try checkRecordsMergeIdempotently(bytes, reference)
            try checkCoverageDetail(bytes, reference, kind: .lcov)
        default: break
        }
    }

    static func read(
        _ kind: ReportKind, _ bytes: [UInt8], chunkSize: Int = .max, options: ReadOptions
    ) -> Result<LoadedReport, ReportError> {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return Result { () throws(ReportError) in
            try ReportReader.read(kind, from: &source, path: path, options: options)
        }
    }

    static func summary(_ result: Result<LoadedReport, ReportError>) -> String {
        switch result {
        case .success(let report): "\(report.content) \(report.diagnostics)"
        case .failure(let error): "error \(error.code): \(error)"
        }
    }

    // MARK: - Private

    /// An LCOV tracefile twice in one file merges every record with itself (`lcov -a` of a file with itself):
    /// the figures must not change.
    private static func checkRecordsMergeIdempotently(
        _ bytes: [UInt8], _ once: Result<LoadedReport, ReportError>
    ) throws(FuzzFailure) {
        guard case .success(let report) = once, case .coverage(let single) = report.content else { return }
        let twice = read(.lcov, bytes + [0x0A] + bytes, options: FuzzFixtures.options(waivers: []))
        guard case .success(let doubled) = twice, case .coverage(let merged) = doubled.content else {
            throw FuzzFailure("lcov: the tracefile twice in one file is not read: \(summary(twice))")
        }
        guard merged.totals == single.totals else {
            throw FuzzFailure("lcov: the tracefile twice gives \(merged.totals), once \(single.totals)")
        }
    }

    /// Totals mode reads differently (summaries per file, a second pass for split files) but must give the same
    /// totals; without a rewindable source it must fall back to reading every line.
    private static func checkCoverageDetail(
        _ bytes: [UInt8], _ lines: Result<LoadedReport, ReportError>, kind: ReportKind = .cobertura
    ) throws(FuzzFailure) {
        let options = FuzzFixtures.options(detail: .totals)
        var rewindable = BytesSource(bytes)
        let totals = Result { () throws(ReportError) in
            try ReportReader.read(kind, from: &rewindable, path: path, options: options)
        }
        try ReportInvariants.check(totals, kind: kind, path: path)
        switch (lines, totals) {
        case (.success(let lines), .success(let totals)):
            guard case .coverage(let full) = lines.content, case .coverage(let summed) = totals.content else {
                throw FuzzFailure("\(kind.rawValue) read as something else than coverage")
            }
            try expect(
                full.totals == summed.totals, "totals mode gives \(summed.totals), lines mode \(full.totals)")
            try expect(full.summary == summed.summary, "totals mode gives \(summed.summary), lines \(full.summary)")
            try expect(
                Set(full.files.keys) == Set(summed.files.keys),
                "totals mode has files \(summed.files.keys.sorted()), lines mode \(full.files.keys.sorted())")
            try expect(
                lines.diagnostics == totals.diagnostics,
                "totals mode notes \(totals.diagnostics), lines mode \(lines.diagnostics)")
        case (.failure(let lineError), .failure(let totalsError)):
            try expect(lineError == totalsError, "totals mode fails with '\(totalsError)', lines mode '\(lineError)'")
        default:
            throw FuzzFailure("totals mode: \(summary(totals)); lines mode: \(summary(lines))")
        }
        var oneShot = OneShotSource(bytes)
        let fallback = Result { () throws(ReportError) in
            try ReportReader.read(kind, from: &oneShot, path: path, options: options)
        }
        try expect(
            fallback == lines, "totals mode without rewind: \(summary(fallback)); lines mode: \(summary(lines))")
    }

    /// Safety 3 prints a banner before its JSON and text after it; wrapping a readable report in both changes
    /// nothing.
    private static func checkBanner(_ bytes: [UInt8], _ plain: Result<LoadedReport, ReportError>) throws(FuzzFailure) {
        guard case .success(let report) = plain, !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return }
        let banner = Array("+=====+\n| REPORT | checked 3 packages\n+=====+\n".utf8)
        let footer = Array("\n+=====+\n Scan was completed.\n".utf8)
        let wrapped = read(.safety, banner + bytes + footer, options: FuzzFixtures.options())
        guard case .success(let unwrapped) = wrapped else {
            throw FuzzFailure("Safety JSON with a banner: \(summary(wrapped)); without: readable")
        }
        try expect(
            unwrapped.content == report.content,
            "Safety JSON with a banner reads as \(unwrapped.content), without as \(report.content)")
    }

    /// Waivers never add or remove findings: they only move them from counted to waived.
    private static func checkWaivers(
        _ kind: ReportKind, _ bytes: [UInt8], _ waived: Result<LoadedReport, ReportError>
    ) throws(FuzzFailure) {
        let plain = read(kind, bytes, options: FuzzFixtures.options(waivers: []))
        switch (plain, waived) {
        case (.success(let plain), .success(let waived)):
            guard case .findings(let without) = plain.content, case .findings(let with) = waived.content else {
                throw FuzzFailure("\(kind.rawValue) read as something else than findings")
            }
            let all = { (report: FindingsReport) in report.counts.count { _, _, _, _ in true } }
            let counted = { (report: FindingsReport) in report.counts.count { _, _, _, waived in !waived } }
            try expect(all(without) == all(with), "waivers changed the findings from \(all(without)) to \(all(with))")
            try expect(counted(without) == all(without), "findings waived without waivers")
            try expect(counted(with) <= counted(without), "waivers added counted findings")
            try expect(without.suppressedByTool == with.suppressedByTool, "waivers changed suppressed findings")
        case (.failure(let plainError), .failure(let waivedError)):
            try expect(plainError == waivedError, "with waivers '\(waivedError)', without '\(plainError)'")
        default:
            throw FuzzFailure("with waivers: \(summary(waived)); without: \(summary(plain))")
        }
    }
}
