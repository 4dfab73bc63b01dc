import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The history gate, judged by the library with the history bytes and the clock passed in.
struct HistoryGateTests {
    static let now = Timestamp(seconds: 1_796_277_600)  // 2026-12-03T06:00:00Z

    /// History lines of `llm.cost_usd` (or `metric`), one a day back from `now`, labelled provider=anthropic.
    static func history(_ values: [String], metric: String = "llm.cost_usd", rate: Bool = false) -> String {
        values.enumerated().map { index, value in
            let time = Timestamp(nanoseconds: now.nanoseconds - Int64(index + 1) * 86_400 * 1_000_000_000)
            let number =
                rate
                ? #"{"value":0.5,"numerator":\#(value.split(separator: "/")[0]),"denominator":\#(value.split(separator: "/")[1])}"#
                : #"{"value":\#(value)}"#
            return
                #"{"schema":"gatecheck.history/v1","time":"\#(time)","labels":{"provider":"anthropic"},"metrics":{"\#(metric)":\#(number)}}"#
        }.joined(separator: "\n") + "\n"
    }

    /// The verdict on one cost report under one gate, with this history (`nil`: no --history).
    static func verdict(gate: String, cost: String, history: String?, extraGate: Bool = true) throws -> Verdict {
        let gates = [gate] + (extraGate ? [#"{ "id": "cap", "metric": "llm.cost_usd", "max": 1000 }"#] : [])
        let configuration = try Configuration(json: #"{ "version": 1, "gates": [\#(gates.joined(separator: ","))] }"#)
        var checker = GateChecker(configuration: configuration, today: Build.today)
        checker.history = history.map {
            HistoryContext.read(BytesSource($0), file: "history.jsonl", now: now, metrics: ["llm.cost_usd"])
        }
        return checker.check([ReportInput(name: "cost.json", text: #"{"total_cost": \#(cost)}"#)])
    }

    static func gate(_ history: String, level: String = "error", bound: String = "") -> String {
        #"{ "id": "h", "metric": "llm.cost_usd", "level": "\#(level)", \#(bound)"history": \#(history) }"#
    }

    @Test("the IQR band fails above Q3 + 1.5 × IQR, exactly: samples 10..14 give Q1 11, Q3 13 and the fence 16")
    func iqrBand() throws {
        let history = Self.history(["10", "11", "12", "13", "14"])
        let gate = Self.gate(#"{ "window": "7d", "band": "iqr" }"#)
        let atFence = try Self.verdict(gate: gate, cost: "16", history: history)
        #expect(atFence.gates[0].status == .pass)
        #expect(atFence.gates[0].history?.q1 == 11 && atFence.gates[0].history?.q3 == 13)
        #expect(atFence.gates[0].history?.upperLimit == 16)
        #expect(try Self.verdict(gate: gate, cost: "16.0001", history: history).gates[0].status == .fail)
    }

    @Test("max_drop and max_increase are absolute, in the metric's unit, and the limits themselves pass")
    func absoluteTolerances() throws {
        let history = Self.history(["3", "3", "3"])
        let drop = Self.gate(#"{ "window": "7d", "max_drop": 1 }"#)
        #expect(try Self.verdict(gate: drop, cost: "2", history: history).gates[0].status == .pass)
        let below = try Self.verdict(gate: drop, cost: "1.99", history: history)
        #expect(below.gates[0].status == .fail && below.gates[0].bound == .min(Threshold(2)))
        let increase = Self.gate(#"{ "window": "7d", "max_increase": 0.25 }"#)
        #expect(try Self.verdict(gate: increase, cost: "3.25", history: history).gates[0].status == .pass)
        #expect(try Self.verdict(gate: increase, cost: "3.26", history: history).gates[0].status == .fail)
    }

    @Test("an even number of samples takes the mean of the two middle ones as the median")
    func evenMedian() throws {
        let verdict = try Self.verdict(
            gate: Self.gate(#"{ "window": "7d", "max_increase_ratio": 0 }"#), cost: "2.5",
            history: Self.history(["1", "2", "3", "40"]))
        #expect(verdict.gates[0].history?.reference == 2.5 && verdict.gates[0].status == .pass)
    }

    @Test("too few samples: skipped with a warning by default, error (exit 2) with on_missing error; never a pass")
    func tooFewSamples() throws {
        let history = Self.history(["3", "3"])
        let skipped = try Self.verdict(
            gate: Self.gate(#"{ "window": "7d", "max_increase_ratio": 0.5 }"#), cost: "3", history: history)
        #expect(skipped.gates[0].status == .skipped && skipped.exitCode == 0)
        #expect(skipped.diagnostics.contains { $0.code == "history.not-compared" && $0.severity == .warning })
        let strict = try Self.verdict(
            gate: Self.gate(#"{ "window": "7d", "max_increase_ratio": 0.5, "on_missing": "error" }"#), cost: "3",
            history: history)
        #expect(strict.gates[0].status == .error && strict.exitCode == 2)
    }

    @Test("no history: exit 2 by default even for a warning gate; on_missing skip skips it with a warning")
    func noHistory() throws {
        let warn = Self.gate(#"{ "window": "7d", "max_increase_ratio": 0.5 }"#, level: "warn")
        #expect(try Self.verdict(gate: warn, cost: "3", history: nil).exitCode == 2)
        let optional = Self.gate(#"{ "window": "7d", "max_increase_ratio": 0.5, "on_missing": "skip" }"#)
        let verdict = try Self.verdict(gate: optional, cost: "3", history: nil)
        #expect(verdict.gates[0].status == .skipped && verdict.exitCode == 0)
        #expect(verdict.diagnostics.contains { $0.code == "history.not-compared" })
    }

    @Test("a damaged history is exit 2 with its line, even when no gate reads it")
    func damagedWithoutGate() throws {
        let damaged = Self.history(["3", "3", "3"]) + "{\"schema\":\n"
        let verdict = try Self.verdict(
            gate: #"{ "id": "other", "metric": "llm.cost_usd", "max": 10 }"#, cost: "3", history: damaged,
            extraGate: false)
        #expect(verdict.exitCode == 2)
        #expect(verdict.diagnostics.contains { $0.code == "history.malformed" && $0.line == 4 })
    }

    @Test("a ratio tolerance over a median of 0 cannot be judged (exit 2), never a pass")
    func zeroMedian() throws {
        let verdict = try Self.verdict(
            gate: Self.gate(#"{ "window": "7d", "max_increase_ratio": 0.5 }"#), cost: "0",
            history: Self.history(["0", "0", "0"]))
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
    }

    @Test("the gate's own max is checked as well: both must hold")
    func ownBound() throws {
        let gate = Self.gate(#"{ "window": "7d", "max_increase_ratio": 0.5 }"#, bound: #""max": 4, "#)
        let history = Self.history(["3", "3", "3"])
        #expect(try Self.verdict(gate: gate, cost: "4", history: history).gates[0].status == .pass)
        let over = try Self.verdict(gate: gate, cost: "4.2", history: history)
        #expect(over.gates[0].status == .fail && over.gates[0].message.contains("does not meet <= 4"))
    }

    @Test("rates compare exactly as fractions: 799/1000 against a median of 4/5 with max_drop 0.001")
    func exactRates() throws {
        let configuration = try Configuration(
            json: #"""
                { "version": 1, "gates": [{ "id": "ratchet", "metric": "coverage.line_rate",
                  "history": { "window": "2w", "max_drop": 0.001 } }] }
                """#)
        var checker = GateChecker(configuration: configuration, today: Build.today)
        checker.history = HistoryContext.read(
            BytesSource(Self.history(["4/5", "8/10", "80/100"], metric: "coverage.line_rate", rate: true)),
            file: "h.jsonl", now: Self.now)
        func verdict(_ covered: Int) -> Verdict {
            let lines = (1...1000).map { #"<line number="\#($0)" hits="\#($0 <= covered ? 1 : 0)"/>"# }.joined()
            let xml =
                #"<?xml version="1.0"?><coverage line-rate="0" branch-rate="0" version="1" timestamp="1"><packages><package name="p"><classes><class name="a" filename="a.py"><lines>\#(lines)</lines></class></classes></package></packages></coverage>"#
            return checker.check([ReportInput(name: "coverage.xml", text: xml)])
        }
        #expect(verdict(799).gates[0].status == .pass)
        #expect(verdict(798).gates[0].status == .fail)
    }

    @Test(
        "gates.json rejects a history that could never compare, or a narrowed gate",
        arguments: [
            (#"{ "window": "7d" }"#, "compares nothing"),
            (#"{ "window": "7 days", "max_drop": 1 }"#, "not a window"),
            (#"{ "window": "7d", "max_drop": -1 }"#, "not negative"),
            (#"{ "window": "7d", "max_drop": 1, "statistic": "mean" }"#, "statistic"),
            (#"{ "window": "7d", "max_drop": 1, "labels": ["a"] }"#, "labels"),
            (#"{ "window": "7d", "max_drop": 1, "on_missing": "warn" }"#, "on_missing"),
            (#"{ "window": "7d", "max_drop": 1, "windw": "1d" }"#, "windw"),
        ])
    func configurationErrors(_ history: String, _ expected: String) {
        let json = #"{ "version": 1, "gates": [{ "id": "h", "metric": "llm.cost_usd", "history": \#(history) }] }"#
        #expect {
            try Configuration(json: json)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.problems.contains { $0.message.contains(expected) || ($0.keyPath ?? "").contains(expected) }
        }
    }

    @Test("a findings gate narrowed by tools cannot take a history (the line records the whole run's count)")
    func narrowedGate() {
        let json =
            #"{ "version": 1, "gates": [{ "id": "h", "metric": "findings.total", "tools": ["bandit"], "history": { "window": "7d", "max_increase": 0 } }] }"#
        #expect(throws: ConfigurationError.self) { try Configuration(json: json) }
    }
}
