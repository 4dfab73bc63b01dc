import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The library's public API is Sendable and safe to call from many tasks at once: 64 tasks read and judge 64
/// different random runs (XML through libxml2 and JSON, every reporter) and get exactly what a serial loop gets.
struct ConcurrencyTests {
    /// One run, from the reports' bytes to every output format: what a task computes.
    static func judge(seed: UInt64) throws -> [String] {
        var generator = ReportGenerator(seed: seed)
        let (set, configuration) = try InvariantTests.randomRun(&generator)
        var source = BytesSource(generator.junit(), chunkSize: 1000)
        let extra = try ReportReader.read(
            .junit, from: &source, path: "extra.xml",
            options: ReadOptions(limits: configuration.limits, today: Build.today))
        let detected = ReportDetector.detect(prefix: Array(generator.sarif().utf8), isWholeFile: true)
        var reports = set
        reports.reports.append(extra)
        let verdict = GateEngine.evaluate(reports, configuration: configuration, today: Build.today)
        return ["\(detected)"] + OutputFormat.allCases.map { $0.reporter().render(verdict) }
    }

    @Test("64 tasks reading and judging different inputs at once get what a serial loop gets")
    func parallelEqualsSerial() async throws {
        let seeds = Array(UInt64(100)..<164)
        let serial = try seeds.map { try Self.judge(seed: $0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (index, seed) in seeds.enumerated() {
                group.addTask { (index, try Self.judge(seed: seed)) }
            }
            var results = [[String]](repeating: [], count: seeds.count)
            for try await (index, outputs) in group { results[index] = outputs }
            return results
        }
        #expect(parallel == serial)
    }

    @Test("the same configuration, reports and verdict are shared by many tasks without copies or locks")
    func sharedValues() async throws {
        var generator = ReportGenerator(seed: 7)
        let (set, configuration) = try InvariantTests.randomRun(&generator)
        let expected = OutputFormat.json.reporter().render(
            GateEngine.evaluate(set, configuration: configuration, today: Build.today))
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    OutputFormat.json.reporter().render(
                        GateEngine.evaluate(set, configuration: configuration, today: Build.today))
                }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(outputs == [expected])
    }
}
