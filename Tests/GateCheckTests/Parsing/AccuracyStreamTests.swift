import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Accuracy reports are streamed: memory does not follow the number of samples, and what is read is the same as
/// from a tree, whatever the order of the keys.
struct AccuracyStreamTests {
    static let header =
        #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "qa", "size": $S}, "generated_at": "2026-11-26T10:00:00Z", "#

    @Test("a 32 MB report with 350,000 samples is read in bounded memory, its mean exact")
    func memory() throws {
        // Every sample has its own id (a sample listed twice is refused): `q-` and 8 digits, numbered as generated.
        let sample =
            #"{"id": "q-00000000", "scores": {"retrieval": 1, "attribution": 0.5}, "question": "lorem ipsum"}, "#
        let count = 32_000_000 / sample.utf8.count
        let total = count + 1
        let prefix =
            Self.header.replacingOccurrences(of: "$S", with: "\(total)")
            + #""metrics": {"retrieval": {"value": 0.99, "samples": \#(total), "unscored": 0}}, "samples": ["#
        var source = GeneratedSource(
            prefix: prefix, pattern: sample, bodyCount: count * sample.utf8.count,
            suffix: #"{"id": "last", "scores": {"retrieval": 0}}]}"#)
        source.numbering = (at: 10, digits: 8)
        let baseline = FailureMatrixTests.residentBytes()
        var peak = baseline
        source.onRead = { offset in
            if offset % (16 << 20) < 65_536 { peak = max(peak, FailureMatrixTests.residentBytes()) }
        }
        let options = ReadOptions(accuracyMapping: AccuracyMapping([:]), today: Build.today)
        let loaded = try ReportReader.read(.accuracy, from: &source, path: "big.json", options: options)
        guard case .accuracy(let report) = loaded.content else { throw MetricReports.Failure("not an accuracy report") }
        let retrieval = try #require(report.metrics["retrieval"])
        #expect(retrieval.samples == total && retrieval.unscored == 0)
        #expect(retrieval.value == Decimal(count) / Decimal(total))
        #expect(retrieval.lowestSamples.first == SampleScore(id: "last", score: 0))
        // A tree of these samples takes about 400 MB (5.5 GB were measured for a 450 MB report); the tallies take a
        // few kilobytes. The margin is for other suites running in the same process.
        #expect(peak - baseline < 160 << 20, "resident memory grew by \((peak - baseline) >> 20) MiB")
        // Every sample has a key the schema does not know: the warnings about it are capped.
        #expect(loaded.diagnostics.filter { $0.code == "accuracy.unknown-key" }.count == 100)
        #expect(
            loaded.diagnostics.contains {
                $0.code == "accuracy.more-problems" && $0.message.hasPrefix("\(count - 100) more")
            })
    }

    @Test("samples before metrics read the same as after: values, kept samples and every diagnostic")
    func keyOrder() throws {
        let metrics =
            #""metrics": {"retrieval": {"value": 0.5, "samples": 3, "unscored": 1}, "attribution": {"value": 2, "samples": 3, "unscored": 0}}"#
        let samples =
            #""samples": [{"id": "a", "scores": {"retrieval": 1, "attribution": 1, "extra": 1}}, {"id": "b", "scores": {"retrieval": 0, "attribution": 0.5, "other": 2}}, {"id": "c", "zz": 1, "scores": {"retrieval": null, "attribution": 1}}]"#
        let head = Self.header.replacingOccurrences(of: "$S", with: "3")
        let first = try MetricReports.accuracy(head + metrics + ", " + samples + "}")
        let second = try MetricReports.accuracy(head + samples + ", " + metrics + "}")
        #expect(first.0 == second.0)
        let strip = { (diagnostics: [Diagnostic]) in diagnostics.map { [$0.code, $0.message, $0.keyPath ?? ""] } }
        #expect(strip(first.1) == strip(second.1))
        #expect(first.1.contains { $0.code == "accuracy.unknown-metric" && $0.message.contains("\"extra\"") })
        #expect(first.0.metrics["retrieval"]?.value == Decimal(string: "0.5"))
    }

    @Test("a wrong score type is an error only for a metric the report lists, wherever metrics is")
    func typeErrorsFollowMetrics() throws {
        let samples = #""samples": [{"id": "a", "scores": {"retrieval": 1, "junk": "x"}}]"#
        let metrics = #""metrics": {"retrieval": {"value": 1, "samples": 1, "unscored": 0}}"#
        let head = Self.header.replacingOccurrences(of: "$S", with: "1")
        for text in [head + metrics + ", " + samples + "}", head + samples + ", " + metrics + "}"] {
            #expect(try MetricReports.accuracy(text).0.metrics["retrieval"]?.value == 1)
        }
        let wrong = #""samples": [{"id": "a", "scores": {"retrieval": "1"}}]"#
        for text in [head + metrics + ", " + wrong + "}", head + wrong + ", " + metrics + "}"] {
            guard case .invalidValue(let message, _, let keyPath)? = MetricReports.error(.accuracy, text) else {
                Issue.record("expected invalid-value")
                continue
            }
            #expect(message.contains("expected a number or null, found string"))
            #expect(keyPath == "samples[0].scores.retrieval")
        }
    }

    @Test("the lowest and highest samples kept while streaming are those a full sort would keep")
    func keptSamples() throws {
        var generator = SystemRandomNumberGenerator()
        let scores = (0..<500).map { _ in Int.random(in: 0...20, using: &generator) }
        let listed = scores.enumerated().map {
            #"{"id": "s\#($0.offset)", "scores": {"retrieval": \#(Double($0.element) / 20)}}"#
        }
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 0.5, "samples": 500, "unscored": 0}}"#,
            samples: "[" + listed.joined(separator: ", ") + "]", size: 500)
        let retrieval = try #require(try MetricReports.accuracy(text).0.metrics["retrieval"])
        let all = scores.enumerated().map { SampleScore(id: "s\($0.offset)", score: Decimal($0.element) / 20) }
        let lowest = all.sorted { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }.prefix(10)
        let highest = all.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(10)
        #expect(retrieval.lowestSamples == Array(lowest))
        #expect(retrieval.highestSamples == Array(highest))
    }

    @Test("limits hold inside streamed samples: a kept string over 1 MiB, nesting deeper than max_depth")
    func limitsInSamples() {
        let metrics = #"{"retrieval": {"value": 1, "samples": 1, "unscored": 0}}"#
        let longID = String(repeating: "x", count: (1 << 20) + 1)
        let kept = MetricReports.accuracyText(
            metrics: metrics, samples: #"[{"id": "\#(longID)", "scores": {"retrieval": 1}}]"#, size: 1)
        guard case .invalidValue(_, let position, _)? = MetricReports.error(.accuracy, kept) else {
            Issue.record("expected invalid-value for a 1 MiB id")
            return
        }
        #expect(position?.line == 2)
        // The same string under a key nobody reads is skipped, not kept.
        let skipped = MetricReports.accuracyText(
            metrics: metrics, samples: #"[{"id": "a", "note": "\#(longID)", "scores": {"retrieval": 1}}]"#, size: 1)
        #expect(MetricReports.error(.accuracy, skipped) == nil)
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let nested = MetricReports.accuracyText(
            metrics: metrics, samples: #"[{"id": "a", "note": \#(deep), "scores": {"retrieval": 1}}]"#, size: 1)
        guard case .tooDeep? = MetricReports.error(.accuracy, nested) else {
            Issue.record("expected too-deep")
            return
        }
    }

    @Test("a key repeated in a sample is refused even after the warnings about unknown keys are no longer listed")
    func repeatedKeyAfterCap() {
        let plain = (0..<150).map { #"{"id": "s\#($0)", "note": 1, "scores": {"retrieval": 1}}"# }
        let bad = #"{"id": "last", "note": 1, "note": 2, "scores": {"retrieval": 1}}"#
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 1, "samples": 151, "unscored": 0}}"#,
            samples: "[" + (plain + [bad]).joined(separator: ", ") + "]", size: 151)
        guard case .invalidValue(let message, _, let keyPath)? = MetricReports.error(.accuracy, text) else {
            Issue.record("expected invalid-value")
            return
        }
        #expect(message.contains("\"note\" appears twice") && keyPath == "samples[150].note")
    }

    @Test("samples naming more than 1,000 different metrics are refused rather than tallied without bound")
    func tooManyNames() {
        let scores = (0...1_000).map { #""m\#($0)": 1"# }.joined(separator: ", ")
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 1, "samples": 1, "unscored": 0}}"#,
            samples: #"[{"id": "a", "scores": {"retrieval": 1, \#(scores)}}]"#, size: 1)
        guard case .invalidValue(let message, _, _)? = MetricReports.error(.accuracy, text) else {
            Issue.record("expected invalid-value")
            return
        }
        #expect(message.contains("more than 1000 different metrics"))
    }
}

/// Scores are summed as integers of 10^-18 when they are whole numbers of them, as `Decimal` otherwise: the mean
/// and the kept samples are exactly those of `Decimal` arithmetic over every written form.
struct AccuracyScoreArithmeticTests {
    @Test(
        "every written form of a score gives the exact mean and order",
        arguments: [
            ["0", "1", "0.5"], ["1e-05", "0.00001", "1E-5"], ["-0.0", "0.30000000000000004", "0.1"],
            ["0.123456789012345678901", "0.123456789012345678", "0.1234567890123456789"], ["1.0e0", "10e-1", "0.999"],
        ])
    func forms(_ scores: [String]) throws {
        let listed = scores.enumerated().map { #"{"id": "s\#($0.offset)", "scores": {"retrieval": \#($0.element)}}"# }
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 0.5, "samples": \#(scores.count), "unscored": 0}}"#,
            samples: "[" + listed.joined(separator: ", ") + "]", size: scores.count)
        let (report, _) = try MetricReports.accuracy(text)
        let retrieval = try #require(report.metrics["retrieval"])
        let decimals = scores.map { Decimal(string: $0) ?? -1 }
        #expect(retrieval.value == decimals.reduce(0, +) / Decimal(scores.count))
        let all = decimals.enumerated().map { SampleScore(id: "s\($0.offset)", score: $0.element) }
        #expect(retrieval.lowestSamples == all.sorted { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id })
    }
}
