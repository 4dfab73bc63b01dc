import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Every cell of docs/failure-modes.md's matrix is what the library does: damaged and hostile inputs of every
/// report kind give the documented error (exit 2, a diagnostic naming the file and, where there is one, the line)
/// or are read with the documented figures; none crashes, hangs or passes unnoticed.
struct FailureMatrixTests {
    static let record = ProcessInfo.processInfo.environment["GATECHECK_RECORD"] == "1"

    @Test("each cell of the matrix is what gatecheck does", arguments: FailureMatrix.cells)
    func cell(_ cell: FailureMatrix.Cell) throws {
        guard !Self.record else { return }
        let started = ContinuousClock.now
        let actual = FailureMatrix.outcome(cell)
        let documented = try FailureMatrix.documented()[cell.row.id]
        let column = try #require(ReportKind.allCases.firstIndex(of: cell.kind))
        #expect(documented?[column] == actual, "docs/failure-modes.md says \(documented?[column] ?? "nothing")")
        let bound: Duration = cell.row.id == "huge-text" ? .seconds(120) : .seconds(10)
        #expect(ContinuousClock.now - started < bound)
    }

    @Test("the page documents every row, in order, with a cell for every kind")
    func complete() throws {
        if Self.record {
            var outcomes: [String: [String]] = [:]
            for cell in FailureMatrix.cells { outcomes[cell.row.id, default: []].append(FailureMatrix.outcome(cell)) }
            try FailureMatrix.record(outcomes)
        }
        let documented = try FailureMatrix.documented()
        #expect(Set(documented.keys) == Set(FailureMatrix.rows.map(\.id)))
        for (id, cells) in documented { #expect(cells.count == ReportKind.allCases.count, "\(id)") }
    }

    @Test(
        "a 1 GB text node or string is read through in bounded memory",
        arguments: [ReportKind.junit, .sarif, .accuracy, .llmCost, .latency])
    func hugeTextMemory(_ kind: ReportKind) throws {
        guard !Self.record, let input = FailureMatrix.rows.first(where: { $0.id == "huge-text" })?.input(.of(kind)),
            var source = input.generated
        else { return }
        let baseline = Self.residentBytes()
        var peak = baseline
        source.onRead = { offset in if offset % (64 << 20) < 65_536 { peak = max(peak, Self.residentBytes()) } }
        #expect(FailureMatrix.outcome(&source, kind: kind, limits: input.limits) == "read")
        // Holding the text would take a gigabyte; other suites running in parallel move the process's memory a little.
        #expect(peak - baseline < 512 << 20, "resident memory grew by \((peak - baseline) >> 20) MiB")
    }

    /// The resident set size of this process, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
