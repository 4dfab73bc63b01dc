import ArgumentParser
import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// `gatecheck record`: one valid line appended per run, the file never rewritten, and nothing recorded from a run
/// whose reports cannot be read.
struct HistoryRecordTests {
    static let samples = ScenarioTests.root.appendingPathComponent("sample-reports/passing").path

    /// A fresh directory for one test.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("record creates the file, then appends exactly one line per run, each a valid gatecheck.history/v1 line")
    func appends() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.jsonl").path
        let first = ScenarioTests.run([
            "record", "--history", history, "--at", "2026-12-01T10:00:00Z", "--label", "provider=anthropic",
            "--label", "model=claude", Self.samples,
        ])
        #expect(first.code == 0, "\(first.err)")
        let before = try Data(contentsOf: URL(fileURLWithPath: history))
        let second = ScenarioTests.run(["record", "--history", history, "--at", "2026-12-02T10:00:00Z", Self.samples])
        #expect(second.code == 0, "\(second.err)")
        let after = try Data(contentsOf: URL(fileURLWithPath: history))
        #expect(after.prefix(before.count) == before, "the first line was rewritten")
        #expect(after.count(where: { $0 == 0x0A }) == 2)
        let lines = try HistoryReader.read(BytesSource(Array(after)), file: history)
        #expect(lines.count == 2)
        #expect(lines[0].labels == ["provider": "anthropic", "model": "claude"] && lines[1].labels.isEmpty)
        #expect(lines[0].time == Timestamp(rfc3339: "2026-12-01T10:00:00Z"))
        // The sample reports' own figures: 435 of 473 lines covered, 59 tests, $0.00351495.
        #expect(lines[0].metrics["coverage.line_rate"] == .ratio(numerator: 435, denominator: 473))
        #expect(lines[0].metrics["tests.total"] == .integer(59))
        #expect(lines[0].metrics["llm.cost_usd"] == .decimal(Decimal(string: "0.00351495")!))
        #expect(first.out.contains("recorded \(lines[0].metrics.count) metric(s) at 2026-12-01T10:00:00Z"))
    }

    @Test("without --at the time is the context's clock, which the library never reads itself")
    func clock() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.jsonl").path
        let command = try #require(
            try GateCheckCommand.parseAsRoot(["record", "--history", history, Self.samples]) as? any ContextCommand)
        var context = CommandContext(
            environment: Environment(variables: [:]),
            console: Console(writeOut: { _ in }, writeError: { _ in }, isTerminal: false),
            today: Day("2026-12-03")!)
        context.now = try #require(Timestamp(rfc3339: "2026-12-03T05:06:07.25Z"))
        #expect(command.execute(in: context) == 0)
        let lines = try HistoryReader.read(
            BytesSource(Array(try Data(contentsOf: URL(fileURLWithPath: history)))), file: history)
        #expect(lines.map(\.time.description) == ["2026-12-03T05:06:07.25Z"])
    }

    @Test("a run with an unreadable report is refused (exit 2) and the history is left as it was")
    func refusesUnreadable() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.jsonl").path
        let truncated = folder.appendingPathComponent("coverage.xml")
        try Data("<?xml version=\"1.0\"?><coverage line-rate=\"0.5\"><packages>".utf8).write(to: truncated)
        let result = ScenarioTests.run(["record", "--history", history, Self.samples, truncated.path])
        #expect(result.code == 2)
        #expect(result.err.contains("coverage.xml") && result.err.contains("nothing was recorded"))
        #expect(!FileManager.default.fileExists(atPath: history))
    }

    @Test("a history whose last line was cut short is not appended to, so no line is glued to a damaged one")
    func refusesCutFile() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.jsonl")
        let cut = Data(#"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metr"#.utf8)
        try cut.write(to: history)
        let result = ScenarioTests.run(["record", "--history", history.path, Self.samples])
        #expect(result.code == 2 && result.err.contains("does not end with a newline"))
        #expect(try Data(contentsOf: history) == cut)
    }

    @Test("--at, --label and --now are checked before anything is read (exit 64)")
    func usage() {
        #expect(
            ScenarioTests.run(["record", "--history", "h.jsonl", "--at", "2026-12-01T10:00:00+01:00", "x"]).code == 64)
        #expect(ScenarioTests.run(["record", "--history", "h.jsonl", "--label", "novalue", "x"]).code == 64)
        #expect(ScenarioTests.run(["--history", "h.jsonl", "--now", "yesterday", "x"]).code == 64)
    }
}
