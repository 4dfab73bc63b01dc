import Foundation
@_spi(Internals) import GateCheck
import Testing

/// ragas result exports written by the real ragas 0.4.3 (Fixtures/ragas, see its NOTICE.md and generate.py) read into
/// accuracy metrics, with ragas's own means (`ragas-eval.summary.json`, what `print(result)` shows).
struct RagasReaderTests {
    static func read(_ bytes: [UInt8], mapping: [String: String] = [:], chunkSize: Int = .max) throws
        -> (AccuracyReport, [Diagnostic])
    {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        let options = ReadOptions(accuracyMapping: AccuracyMapping(mapping), today: Build.today)
        let loaded = try ReportReader.read(.ragas, from: &source, path: "ragas.csv", options: options)
        guard case .accuracy(let report) = loaded.content else { throw MetricReports.Failure("not accuracy") }
        return (report, loaded.diagnostics)
    }

    /// ragas's own means by metric name.
    static func ragasMeans() throws -> [String: Double] {
        let summary = try Fixtures.json("ragas/ragas-eval.summary.json")
        return try #require(summary["means"] as? [String: Double])
    }

    static func error(_ text: String) -> ReportError? {
        do {
            _ = try read(Array(text.utf8))
            return nil
        } catch {
            return error as? ReportError
        }
    }

    @Test(
        "every metric equals ragas's own mean, from the CSV, the JSON records and the scores list",
        arguments: ["ragas-eval.csv", "ragas-eval.records.json", "ragas-scores.json"])
    func meansEqualRagas(_ file: String) throws {
        let means = try Self.ragasMeans()
        #expect(means.count == 5)
        // pandas' `to_json` writes 10 decimals unless `double_precision` is raised; CSV and `json.dump` write all 17.
        let tolerance = file.hasSuffix("records.json") ? 1e-10 : 1e-12
        for chunkSize in [Int.max, 3] {
            let (report, diagnostics) = try Self.read(try Fixtures.bytes("ragas/\(file)"), chunkSize: chunkSize)
            #expect(report.metrics.count == means.count)
            #expect(report.datasetSize == 4)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            for (name, mean) in means {
                let metric = try #require(report.metrics[AccuracyMapping.normalize(name)], "\(name)")
                let value = NSDecimalNumber(decimal: try #require(metric.value)).doubleValue
                #expect(abs(value - mean) < tolerance, "\(name): \(value) vs \(mean)")
                #expect(metric.samples == 4 && metric.unscored == 0)
            }
        }
    }

    @Test("failing samples are named by user_input; the mapping renames metrics")
    func samplesAndMapping() throws {
        let (report, _) = try Self.read(
            try Fixtures.bytes("ragas/ragas-eval.csv"),
            mapping: ["non_llm_context_precision_with_reference": "retrieval"])
        let retrieval = try #require(report.metrics["retrieval"])
        #expect(retrieval.lowestSamples.first?.id == "Is there an API rate limit?")
        #expect(retrieval.lowestSamples.first?.score == 0)
    }

    @Test("exports are detected by content; pandas' by-columns JSON is detected and refused with the fix")
    func detection() throws {
        for file in ["ragas-eval.csv", "ragas-eval.records.json", "ragas-eval.columns.json"] {
            let bytes = try Fixtures.bytes("ragas/\(file)")
            #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.ragas), "\(file)")
        }
        let columns = try Fixtures.bytes("ragas/ragas-eval.columns.json")
        let refused = Self.error(String(decoding: columns, as: UTF8.self))
        #expect(refused?.code == "report.invalid-value")
        #expect(refused?.message.contains("orient=\"records\"") == true)
    }

    @Test("NaN (an empty CSV cell, null or a bare NaN) is unscored and counted; all NaN cannot be judged")
    func nan() throws {
        let csv = ",user_input,response,faithfulness\n0,a,x,1.0\n1,b,y,\n2,c,z,0.5\n"
        let (report, diagnostics) = try Self.read(Array(csv.utf8))
        #expect(report.metrics["faithfulness"]?.value == Decimal(string: "0.75"))
        #expect(report.metrics["faithfulness"]?.unscored == 1)
        #expect(diagnostics.contains { $0.code == "accuracy.unscored" })
        let json = #"[{"user_input": "a", "faithfulness": NaN}, {"user_input": "b", "faithfulness": null}]"#
        let (none, _) = try Self.read(Array(json.utf8))
        #expect(none.metrics["faithfulness"]?.value == nil)
        #expect(none.metrics["faithfulness"]?.unscored == 2)
    }

    @Test("damage is an error with its line or key path, never a pass")
    func failsClosed() throws {
        let good = String(decoding: try Fixtures.bytes("ragas/ragas-eval.csv"), as: UTF8.self)
        // Cut anywhere, even after a whole field: the file must end with its last record's line break.
        #expect(Self.error(String(good.dropLast()))?.code == "report.truncated")
        #expect(Self.error(String(good.prefix(500)))?.code == "report.truncated")
        #expect(Self.error("")?.code == "report.empty")
        #expect(Self.error(",user_input,faithfulness\n")?.code == "report.invalid-value")
        #expect(Self.error(",user_input,faithfulness\n0,a,high\n")?.code == "report.invalid-value")
        #expect(Self.error(",user_input,faithfulness\n0,a\n")?.code == "report.malformed")
        #expect(Self.error(#"[{"user_input": "a", "faithfulness": "0.5"}]"#)?.code == "report.invalid-value")
        #expect(Self.error(#"[{"user_input": "a", "faithfulness": 0.5"#)?.code == "report.truncated")
        #expect(Self.error(#"[{"user_input": "a", "response": "b"}]"#)?.code == "report.invalid-value")
        // Excel's "CSV UTF-8" starts with a byte order mark: it is not part of the index column's name.
        let (bom, _) = try Self.read([0xEF, 0xBB, 0xBF] + Array(",user_input,faithfulness\n0,a,1\n1,b,0\n".utf8))
        #expect(bom.metrics.keys.sorted() == ["faithfulness"])
        let (outside, _) = try Self.read(Array(",user_input,faithfulness\n0,a,1.5\n".utf8))
        #expect(outside.metrics["faithfulness"]?.value == nil)
    }
}
