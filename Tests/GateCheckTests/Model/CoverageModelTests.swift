@_spi(Internals) import GateCheck
import Testing

struct CoverageModelTests {
    @Test("a file's coverage stays small, because a report read for its totals keeps one per file")
    func layout() {
        // 8 bytes of each are the table of gcovr's function instances (empty, unallocated, for other producers).
        #expect(MemoryLayout<LineTable>.size <= 33)
        #expect(MemoryLayout<FileCoverage>.stride <= 64)
    }

    @Test("lines merge by union, hit if hit anywhere, whatever the order")
    func lineUnion() {
        var a = LineTable()
        var b = LineTable()
        for line: UInt32 in [1, 2, 3, 200] { a.record(line: line, hit: line == 1) }
        for line: UInt32 in [2, 3, 4] { b.record(line: line, hit: line == 3) }
        var ab = a
        ab.formUnion(b)
        var ba = b
        ba.formUnion(a)
        #expect(ab.count == 5 && ab.covered == 2)
        #expect(ab == ba || (ab.count == ba.count && ab.covered == ba.covered))
        #expect(ab.missedLines(limit: 10) == [2, 4, 200])
    }

    @Test("hostile line numbers switch to a sparse table instead of allocating gigabytes")
    func sparseLines() {
        var table = LineTable()
        table.record(line: 1, hit: true)
        table.record(line: 4_000_000_000, hit: false)
        table.record(line: 4_000_000_000, hit: true)
        #expect(table.count == 2 && table.covered == 2)
        #expect(table.status(of: 4_000_000_000) == (true, true))
        #expect(table.missedLines(limit: 5).isEmpty)
    }

    @Test("a summary keeps its counts and examples, and its merges say they are not exact")
    func summaries() {
        var summary = LineTable.summary(count: 10, covered: 7, missedSample: [3, 4, 9])
        #expect(!summary.hasDetail && summary.missedLines(limit: 2) == [3, 4])
        summary.formUnion(LineTable.summary(count: 5, covered: 5, missedSample: []))
        #expect(summary.count == 15 && summary.covered == 12 && !summary.hasDetail)
    }
}
