import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The history line format: written exactly, read back exactly, and every damaged line an error with its number.
struct HistoryReaderTests {
    static func line(_ time: String, cost: String, labels: String = #"{"provider":"anthropic"}"#) -> String {
        #"{"schema":"gatecheck.history/v1","time":"\#(time)","labels":\#(labels),"metrics":{"llm.cost_usd":{"value":\#(cost)}}}"#
    }

    static func read(_ text: String, metrics: Set<String>? = nil) throws(HistoryError) -> [HistoryLine] {
        try HistoryReader.read(BytesSource(text, chunkSize: 7), file: "history.jsonl", metrics: metrics)
    }

    @Test("RFC 3339 UTC times parse to the nanosecond and print canonically; offsets and impossible dates do not")
    func timestamps() throws {
        let time = try #require(Timestamp(rfc3339: "2026-12-03T04:24:16Z"))
        #expect(time.nanoseconds == 1_796_271_856 * 1_000_000_000)
        #expect(time.description == "2026-12-03T04:24:16Z")
        #expect(Timestamp(rfc3339: "2024-02-29T23:59:59.5z")?.description == "2024-02-29T23:59:59.5Z")
        #expect(Timestamp(rfc3339: "1969-12-31T23:59:59.000000001Z")?.nanoseconds == -999_999_999)
        #expect(Timestamp(rfc3339: "1969-12-31T23:59:59.000000001Z")?.description == "1969-12-31T23:59:59.000000001Z")
        for bad in [
            "2026-12-03T04:24:16+01:00", "2026-12-03 04:24:16Z", "2025-02-29T00:00:00Z", "2026-12-03T24:00:00Z",
            "2026-12-03T04:24:16.Z", "2026-12-03T04:24:16.1234567890Z", "2026-12-03",
        ] {
            #expect(Timestamp(rfc3339: bad) == nil, "\(bad)")
        }
    }

    @Test("a written line reads back to the same values: rates as fractions, counts as integers, decimals as written")
    func roundTrip() throws {
        let written = HistoryLine(
            time: try #require(Timestamp(rfc3339: "2026-12-01T10:00:00Z")),
            labels: ["provider": "anthropic", "model": "claude \"x\"\n"],
            metrics: [
                "coverage.line_rate": .ratio(numerator: 336, denominator: 473), "tests.total": .integer(59),
                "llm.cost_usd": .decimal(Decimal(string: "0.00351495")!), "coverage.branch_rate": .notMeasured,
            ])
        let text = written.encoded
        #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1)
        let lines = try Self.read(text + text)
        #expect(lines.count == 2)
        var expected = written
        expected.metrics["coverage.branch_rate"] = nil
        #expect(lines[0] == expected)
        #expect(lines[1].metrics["coverage.line_rate"] == .ratio(numerator: 336, denominator: 473))
    }

    @Test("the written line is valid against schemas/history-line.schema.json")
    func schema() throws {
        let line = HistoryLine(
            time: Timestamp(nanoseconds: 0), labels: ["runner": "linux"],
            metrics: ["coverage.line_rate": .ratio(numerator: 1, denominator: 3), "llm.cost_usd": .decimal(2.5)])
        let errors = try SchemaTests.validator("history-line.schema.json").validate(Array(line.encoded.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let half =
            #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{"a.b":{"value":1,"numerator":1}}}"#
        #expect(!(try SchemaTests.validator("history-line.schema.json").validate(Array(half.utf8))).isEmpty)
    }

    @Test("only the wanted metrics are kept; blank lines and an empty file are no samples")
    func wantedMetrics() throws {
        let text =
            #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{"tests.total":{"value":3},"llm.cost_usd":{"value":1.5}}}"#
            + "\n\n"
        let lines = try Self.read(text, metrics: ["llm.cost_usd"])
        #expect(lines.count == 1 && lines[0].metrics == ["llm.cost_usd": .decimal(Decimal(string: "1.5")!)])
        #expect(try Self.read("").isEmpty)
        #expect(try Self.read("\n \n").isEmpty)
    }

    @Test(
        "a damaged line is an error naming its line number, never skipped",
        arguments: [
            (
                #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{"llm.cost_usd":{"value":1.5}"#,
                "not valid JSON"
            ),
            (
                #"{"schema":"gatecheck.baseline/v1","time":"2026-12-01T10:00:00Z","metrics":{}}"#,
                "gatecheck.baseline/v1"
            ),
            (#"{"schema":"gatecheck.history/v1","time":"2026-12-01 10:00","metrics":{}}"#, "RFC 3339"),
            (#"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z"}"#, "no \"metrics\""),
            (#"{"time":"2026-12-01T10:00:00Z","metrics":{}}"#, "no \"schema\""),
            (#"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{},"extra":1}"#, "unknown key"),
            (
                #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{"llm.cost_usd":{"value":"1"}}}"#,
                "not valid JSON"
            ),
            (#"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{"x.y":3}}"#, "not an object"),
            (
                #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{"a.b":{"value":1,"numerator":1,"denominator":0}}}"#,
                "positive denominator"
            ),
            (
                #"{"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{}} {"schema":"gatecheck.history/v1","time":"2026-12-01T10:00:00Z","metrics":{}}"#,
                "a second value"
            ),
            ("[1]", "not a JSON object"),
            (
                "{\"schema\":\"gatecheck.history/v1\",\n\"time\":\"2026-12-01T10:00:00Z\",\"metrics\":{}}",
                "not valid JSON"
            ),
        ])
    func damagedLine(_ damaged: String, _ reason: String) {
        let good = Self.line("2026-12-01T10:00:00Z", cost: "1.5")
        let text = [good, good, damaged, good].joined(separator: "\n") + "\n"
        #expect {
            try Self.read(text, metrics: ["llm.cost_usd", "a.b"])
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.line == 3 && error.file == "history.jsonl" && error.message.contains(reason)
                && error.diagnostic.code == "history.malformed" && error.diagnostic.line == 3
        }
    }

    @Test("windows are Nh, Nd or Nw, positive and at most ten years")
    func windows() {
        let second: Int64 = 1_000_000_000
        #expect(HistoryWindow("7d").map(\.nanoseconds) == 7 * 86_400 * second)
        #expect(HistoryWindow("36h").map(\.nanoseconds) == 36 * 3_600 * second)
        #expect(HistoryWindow("2w").map(\.nanoseconds) == 14 * 86_400 * second)
        for bad in ["0d", "-1d", "+1d", "7", "7m", "1.5d", "d", "", "99999999999999999w", "600w"] {
            #expect(HistoryWindow(bad) == nil, "\(bad)")
        }
    }
}

extension HistoryReaderTests {
    @Test("the fast decimal path gives exactly what Decimal(string:) gives, and declines what it cannot read")
    func fastDecimal() {
        for text in ["0", "3", "3.10", "-0.5", "0.00351495", "123456789012345678", "12345678.0123456789", "-12.3400"] {
            let fast = HistoryReader.fastDecimal(text)
            #expect(fast == Decimal(string: text), "\(text)")
        }
        for text in ["1e5", "1234567890123456789", "", "-", "1.2.3", "--1", ".5"] {
            #expect(HistoryReader.fastDecimal(text) == nil, "\(text)")
        }
    }

    @Test("samples sort exactly, fractions and decimals mixed, beyond what a Double tells apart")
    func sampleOrder() {
        let values: [MetricValue] = [
            .decimal(Decimal(string: "0.30000000000000001")!), .ratio(numerator: 3, denominator: 10),
            .decimal(Decimal(string: "0.29999999999999999")!), .integer(0),
            .decimal(Decimal(string: "123456789012345678901234567890")!), .ratio(numerator: 1, denominator: 3),
        ]
        let sorted = SampleOrder.sorted(values)
        #expect(sorted == sorted.sorted())
        #expect(sorted.first == 0 && sorted.last == Decimal(string: "123456789012345678901234567890"))
        #expect(
            sorted[1] == Decimal(string: "0.29999999999999999") && sorted[3] == Decimal(string: "0.30000000000000001"))
    }
}

extension HistoryReaderTests {
    @Test("a line as record writes it takes the fast path and reads like the general reader, labels and sort keys too")
    func canonicalLine() throws {
        let line = HistoryLine(
            time: Timestamp(seconds: 1_796_277_600), labels: ["provider": "anthropic", "model": "m1"],
            metrics: [
                "llm.cost_usd": .decimal(Decimal(string: "3.10")!), "tests.total": .integer(59),
                "coverage.line_rate": .ratio(numerator: 336, denominator: 473),
            ])
        let text = Array(line.encoded.utf8.dropLast())
        var state = CanonicalLine.State(metrics: nil)
        let fast = try #require(text.withUnsafeBufferPointer { CanonicalLine.read($0, state: &state) })
        #expect(fast == line)
        #expect(fast.sortKeys.count == 3)
        let again = try #require(text.withUnsafeBufferPointer { CanonicalLine.read($0, state: &state) })
        #expect(again.labels == line.labels && state.recentLabels.count == 1)
        // Not canonical (a space), so the general reader takes it: same line.
        let spaced = Array(line.encoded.replacingOccurrences(of: "\"labels\":", with: "\"labels\": ").utf8.dropLast())
        #expect(spaced.withUnsafeBufferPointer { CanonicalLine.read($0, state: &state) } == nil)
        #expect(try HistoryReader.read(BytesSource(spaced), file: "h") == [line])
    }
}
