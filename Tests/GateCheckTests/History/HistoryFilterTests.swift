import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Lines that no gate's labels select are checked as every line is, but not kept; the metric names a line shares
/// with the one before are matched, not checked again.
@Suite("History lines the gates do not select")
struct HistoryFilterTests {
    static func line(_ provider: String, cost: String, extra: String = "") -> String {
        #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","labels":{"provider":"\#(provider)"},"metrics":{"#
            + #""accuracy.retrieval":{"value":0.9},\#(extra)"llm.cost_usd":{"value":\#(cost)}}}"#
    }

    static func read(_ lines: [String], labels: [[String: String]]?) throws(HistoryError) -> [HistoryLine] {
        try HistoryReader.read(
            BytesSource(lines.joined(separator: "\n") + "\n", chunkSize: 11), file: "h.jsonl",
            metrics: ["llm.cost_usd"], labels: labels)
    }

    @Test("only lines whose labels match a gate's are kept, canonical or not; no selector keeps every line")
    func kept() throws {
        let general =
            #"{ "schema": "gatecheck.history/v1", "time": "2026-12-01T11:00:00Z", "labels": {"provider": "openai"}, "metrics": {} }"#
        let lines = [
            Self.line("anthropic", cost: "1.5"), Self.line("openai", cost: "9"), general,
            Self.line("anthropic", cost: "2.25"),
        ]
        let kept = try Self.read(lines, labels: [["provider": "anthropic"]])
        #expect(
            kept.map { $0.metrics["llm.cost_usd"] } == [
                .decimal(Decimal(string: "1.5")!), .decimal(Decimal(string: "2.25")!),
            ])
        #expect(try Self.read(lines, labels: [["provider": "anthropic"], ["provider": "openai"]]).count == 4)
        #expect(try Self.read(lines, labels: nil).count == 4)
        #expect(try Self.read(lines, labels: [["provider": "mistral"]]).isEmpty)
    }

    @Test(
        "a line not kept is still checked: damage in it is an error with its line number",
        arguments: [
            (Self.line("openai", cost: "1..5"), "not valid JSON"),
            (Self.line("openai", cost: "1", extra: #""llm.cost_usd":{"value":2},"#), "twice"),
            (Self.line("openai", cost: "1e999999"), "llm.cost_usd"),
            (
                Self.line("openai", cost: #"1,"numerator":1,"denominator":0"#),
                "denominator"
            ),
            (Self.line("openai", cost: "1", extra: "\"bad name\u{01}\":{\"value\":1},"), "not valid JSON"),
        ])
    func droppedLinesAreChecked(_ damaged: String, _ reason: String) {
        let good = Self.line("anthropic", cost: "1.5")
        #expect {
            try Self.read([good, good, damaged, good], labels: [["provider": "anthropic"]])
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.line == 3 && error.message.contains(reason)
        }
        // Kept, the same line is the same error.
        #expect(throws: HistoryError.self) { try Self.read([good, good, damaged, good], labels: nil) }
    }

    @Test("metric names that change from line to line (order, spelling) are read as they are")
    func changingNames() throws {
        let swapped =
            #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","labels":{},"metrics":{"llm.cost_usd":{"value":3},"accuracy.retrieval":{"value":0.9}}}"#
        let other =
            #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","labels":{},"metrics":{"llm.cost_usX":{"value":4},"accuracy.retrieval":{"value":0.9}}}"#
        let lines = try Self.read([Self.line("a", cost: "1"), swapped, other, Self.line("a", cost: "2")], labels: nil)
        #expect(lines.map { $0.metrics["llm.cost_usd"] } == [.integer(1), .integer(3), nil, .integer(2)])
    }

    @Test("a label object that starts as a recent one's is read as itself, not as the recent one")
    func labelPrefixes() throws {
        func line(_ labels: String) -> String {
            #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","labels":\#(labels),"metrics":{}}"#
        }
        let lines = try Self.read(
            [line(#"{"a":"x"}"#), line(#"{"a":"x","b":"y"}"#), line(#"{"a":"x"}"#), line("{}")], labels: nil)
        #expect(lines.map(\.labels) == [["a": "x"], ["a": "x", "b": "y"], ["a": "x"], [:]])
        #expect(throws: HistoryError.self) {
            try Self.read([line(#"{"a":"x"}"#), line(#"{"a":"x"},"extra":1"#)], labels: nil)
        }
    }

    @Test("samples that are all fractions sort as the general order does, equal values in their order")
    func fractionsSort() {
        let values: [MetricValue] = [
            .integer(3), .ratio(numerator: 1, denominator: 2), .decimal(Decimal(string: "0.50")!), .integer(-1),
            .ratio(numerator: 2, denominator: 4), .decimal(Decimal(string: "2.999999999999999999")!),
        ]
        let sorted = SampleOrder.sorted(values)
        #expect(sorted == values.compactMap(\.exact).sorted())
        #expect(sorted.first == -1 && sorted.last == 3)
    }
}
