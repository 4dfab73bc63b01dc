import Foundation
@_spi(Internals) import GateCheck
import Testing

/// promptfoo results files (`promptfoo eval -o results.json`) read into accuracy metrics, on real files promptfoo
/// wrote (Fixtures/promptfoo, see its NOTICE.md) with promptfoo's own figures, and on small edits of them.
struct PromptfooReaderTests {
    static let french = "promptfoo/french-greeting-output.json"

    static func read(_ bytes: [UInt8], mapping: [String: String] = [:], chunkSize: Int = .max) throws
        -> (AccuracyReport, [Diagnostic])
    {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        let options = ReadOptions(accuracyMapping: AccuracyMapping(mapping), today: Build.today)
        let loaded = try ReportReader.read(.promptfoo, from: &source, path: "results.json", options: options)
        guard case .accuracy(let report) = loaded.content else { throw MetricReports.Failure("not accuracy") }
        return (report, loaded.diagnostics)
    }

    static func text(_ path: String) throws -> String { String(decoding: try Fixtures.bytes(path), as: UTF8.self) }

    @Test("named scores equal promptfoo's own per-prompt figures (namedScores / namedScoresCount)")
    func namedScoresEqualPromptfoos() throws {
        let json = try Fixtures.json(Self.french)
        let results = try #require(json["results"] as? [String: Any])
        let prompt = try #require((results["prompts"] as? [[String: Any]])?.first)
        let metrics = try #require(prompt["metrics"] as? [String: Any])
        let sums = try #require(metrics["namedScores"] as? [String: Double])
        let counts = try #require(metrics["namedScoresCount"] as? [String: Int])
        #expect(sums.count == 4)
        for chunkSize in [Int.max, 5] {
            let (report, _) = try Self.read(try Fixtures.bytes(Self.french), chunkSize: chunkSize)
            for (name, sum) in sums {
                let metric = try #require(report.metrics[AccuracyMapping.normalize(name)], "\(name)")
                let value = try #require(metric.value)
                #expect(abs(NSDecimalNumber(decimal: value).doubleValue - sum / Double(counts[name] ?? 0)) < 1e-12)
                #expect(metric.samples == counts[name])
            }
        }
    }

    @Test("pass_rate is promptfoo's stats: successes / (successes + failures + errors)")
    func passRateEqualsStats() throws {
        let json = try Fixtures.json(Self.french)
        let stats = try #require((json["results"] as? [String: Any])?["stats"] as? [String: Any])
        let (successes, failures, errors) = (
            try #require(stats["successes"] as? Int), try #require(stats["failures"] as? Int),
            try #require(stats["errors"] as? Int)
        )
        let (report, diagnostics) = try Self.read(try Fixtures.bytes(Self.french))
        let passRate = try #require(report.metrics["pass_rate"])
        #expect(passRate.value == Decimal(successes) / Decimal(successes + failures + errors))
        #expect(passRate.samples == successes + failures + errors)
        #expect(report.format == "promptfoo results")
        #expect(report.dataset?.hasPrefix("Require a friendly French greeting") == true)
        // A failed assertion's reason in `error` (failureReason 1) is a failure, not an error.
        #expect(!diagnostics.contains { $0.code == "accuracy.errors" })
        // The failing row is named by its test index and provider (this test has no description or vars).
        #expect(passRate.lowestSamples.map(\.id) == ["test 0 [openai:gpt-4o-mini]"])
    }

    @Test("accuracy_mapping renames named scores as for DeepEval")
    func mapping() throws {
        let (report, _) = try Self.read(try Fixtures.bytes(Self.french), mapping: ["Topicality": "retrieval"])
        #expect(report.metrics["retrieval"]?.sourceName == "Topicality")
        #expect(report.metrics["topicality"] == nil)
    }

    @Test("the file is detected by content, from its start")
    func detection() throws {
        let bytes = try Fixtures.bytes(Self.french)
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.promptfoo))
        #expect(ReportDetector.detect(prefix: bytes.prefix(200), isWholeFile: false) == .report(.promptfoo))
    }

    /// A results file of the given rows and stats, as promptfoo writes them.
    static func run(_ rows: [String], stats: String? = #"{"successes": 1, "failures": 1, "errors": 1}"#) -> [UInt8] {
        let statsMember = stats.map { #", "stats": \#($0)"# } ?? ""
        return Array(
            #"{"evalId": "e", "results": {"version": 3, "results": [\#(rows.joined(separator: ", "))]\#(statsMember)}}"#
                .utf8)
    }

    static let passed = #"{"success": true, "failureReason": 0, "namedScores": {"ctx": 1}, "vars": {"q": "a"}}"#
    static let failed =
        #"{"success": false, "failureReason": 1, "error": "x", "namedScores": {"ctx": 0.5}, "#
        + #""testCase": {"description": "refund"}}"#
    static let errored = #"{"success": false, "failureReason": 2, "error": "HTTP 500", "vars": {"q": "c"}}"#

    @Test("errored rows are not passes and are counted; named scores skip them")
    func erroredRows() throws {
        let (report, diagnostics) = try Self.read(Self.run([Self.passed, Self.failed, Self.errored]))
        #expect(report.metrics["pass_rate"]?.value == Decimal(1) / 3)
        #expect(report.metrics["ctx"]?.value == Decimal(string: "0.75"))
        #expect(diagnostics.contains { $0.code == "accuracy.errors" && $0.message.contains("1 of the 3") })
        #expect(
            report.metrics["pass_rate"]?.lowestSamples.filter { $0.score == 0 }.map(\.id).sorted() == ["q=c", "refund"])
    }

    @Test("a file where every row errored cannot be judged")
    func everyRowErrored() throws {
        let (report, _) = try Self.read(
            Self.run([Self.errored, Self.errored], stats: #"{"successes": 0, "failures": 0, "errors": 2}"#))
        #expect(report.metrics["pass_rate"]?.value == nil)
        #expect(report.metrics["pass_rate"]?.problem?.contains("errored") == true)
    }

    @Test("stats that contradict the rows make every metric unjudgeable")
    func contradictingStats() throws {
        let (report, diagnostics) = try Self.read(
            Self.run([Self.passed, Self.failed], stats: #"{"successes": 2, "failures": 0, "errors": 0}"#))
        #expect(report.metrics.values.allSatisfy { $0.value == nil })
        #expect(diagnostics.contains { $0.code == "accuracy.count-mismatch" })
        // Without an `errors` count (older files), errored rows are among the failures.
        let (older, _) = try Self.read(
            Self.run([Self.passed, Self.failed, Self.errored], stats: #"{"successes": 1, "failures": 2}"#))
        #expect(older.metrics["pass_rate"]?.value == Decimal(1) / 3)
    }

    @Test("older rows without failureReason: an error without a grading result is an error")
    func olderRows() throws {
        let row = #"{"success": false, "error": "timeout", "vars": {"q": "d"}}"#
        let graded = #"{"success": false, "error": "expected x", "gradingResult": {"pass": false}}"#
        let (report, diagnostics) = try Self.read(
            Self.run([Self.passed, row, graded], stats: #"{"successes": 1, "failures": 2}"#))
        #expect(report.metrics["pass_rate"]?.value == Decimal(1) / 3)
        #expect(diagnostics.contains { $0.code == "accuracy.errors" && $0.message.contains("1 of the 3") })
    }

    @Test("damage is an error with its position or key path, never a pass")
    func failsClosed() throws {
        let noSuccess = MetricReports.error(.promptfoo, String(decoding: Self.run([#"{"score": 1}"#]), as: UTF8.self))
        #expect(noSuccess?.code == "report.invalid-value")
        let empty = MetricReports.error(.promptfoo, String(decoding: Self.run([], stats: nil), as: UTF8.self))
        #expect(empty?.code == "report.invalid-value")
        let wrongType = MetricReports.error(
            .promptfoo, String(decoding: Self.run([#"{"success": true, "namedScores": {"a": "1"}}"#]), as: UTF8.self))
        #expect(wrongType?.code == "report.invalid-value")
        let truncated = String(try Self.text(Self.french).prefix(3000))
        #expect(MetricReports.error(.promptfoo, truncated)?.code == "report.truncated")
        let other = MetricReports.error(.promptfoo, #"{"schema": "gatecheck.accuracy/v1"}"#)
        #expect(other?.code == "report.wrong-kind")
        // A score outside [0, 1] (older promptfoo versions summed a metric's scores per row) makes its metric unjudgeable.
        let (report, _) = try Self.read(
            Self.run([#"{"success": true, "namedScores": {"ctx": 2}}"#], stats: nil))
        #expect(report.metrics["ctx"]?.value == nil)
    }
}
