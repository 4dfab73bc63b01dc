import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Locust's `--csv` statistics written by the real Locust (Fixtures/locust, see its NOTICE) read with Locust's own
/// figures: the "Response time percentiles" table it printed at the end of the same run, and its `_failures.csv`.
struct LocustReaderTests {
    static func read(_ bytes: [UInt8], chunkSize: Int = .max) throws(ReportError) -> LoadedReport {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return try ReportReader.read(
            .locust, from: &source, path: "stats.csv", options: ReadOptions(today: Build.today))
    }

    static func latency(_ report: LoadedReport) throws -> LatencyReport {
        guard case .latency(let latency) = report.content else { throw Failure.notLatency }
        return latency
    }

    enum Failure: Error { case notLatency }

    /// The Aggregated row of the percentiles table Locust printed, by column name.
    static func console(_ run: String) throws -> [String: Decimal] {
        let text = String(decoding: try Fixtures.bytes("locust/\(run).console.txt"), as: UTF8.self)
        let lines = text.split(separator: "\n")
        // The header ends in "# reqs", one column of two words.
        let header = try #require(lines.first { $0.hasPrefix("Type") }).split(separator: " ").dropFirst(2).dropLast()
        let row = try #require(lines.first { $0.contains("Aggregated") }).split(separator: " ").dropFirst()
        #expect(header.count == row.count)
        return Dictionary(
            uniqueKeysWithValues: zip(header.map(String.init), row.map { Decimal(string: String($0)) ?? -1 }))
    }

    /// The failures Locust's `_failures.csv` of the run lists (its `Occurrences`).
    static func failures(_ run: String) throws -> Int {
        let text = String(decoding: try Fixtures.bytes("locust/\(run)_failures.csv"), as: UTF8.self)
        return text.split(separator: "\r\n").dropFirst().map { line in
            let fields = line.split(separator: ",")
            return Int(fields[fields.count - 3]) ?? -1
        }.reduce(0, +)
    }

    @Test("percentiles and counts equal Locust's own end-of-run table", arguments: ["passing", "failing"])
    func figuresEqualLocustConsole(_ run: String) throws {
        let expected = try Self.console(run)
        for chunkSize in [Int.max, 7] {
            let report = try Self.latency(
                Self.read(try Fixtures.bytes("locust/\(run)_stats.csv"), chunkSize: chunkSize))
            #expect(report.producer == .locust)
            #expect(report.p50Ms == expected["50%"])
            #expect(report.p90Ms == expected["90%"])
            #expect(report.p95Ms == expected["95%"])
            #expect(report.p99Ms == expected["99%"])
            #expect(Decimal(report.requests) == expected["#"])
        }
    }

    @Test(
        "the error rate is the failures Locust's _failures.csv lists over the requests",
        arguments: ["passing", "failing"])
    func errorRateFromFailures(_ run: String) throws {
        let report = try Self.latency(Self.read(try Fixtures.bytes("locust/\(run)_stats.csv")))
        let failures = try Self.failures(run)
        #expect(report.errorRate == Decimal(failures) / Decimal(report.requests))
        #expect(run == "passing" ? failures == 0 : failures > 0)
    }

    @Test("a run that sent no request is read, and no latency gate can be judged on it; latency.requests is 0")
    func idleRun() throws {
        let idle = try Self.read(try Fixtures.bytes("locust/idle_stats.csv"))
        let report = try Self.latency(idle)
        #expect(report.requests == 0 && report.p95Ms == nil)
        let verdict = Build.evaluate(
            [idle],
            [Build.gate("p95", .latency(.p95), max: "500"), Build.gate("volume", .latency(.requests), min: "100")])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[1].status == .fail)
    }

    @Test(
        "the other files of --csv are never statistics: ignored when found, refused when bound",
        arguments: [
            "failing_stats_history.csv", "failing_failures.csv", "failing_exceptions.csv",
        ])
    func otherFilesRefused(_ file: String) throws {
        let bytes = try Fixtures.bytes("locust/\(file)")
        let detection = ReportDetector.detect(prefix: bytes, isWholeFile: true)
        guard case .unknown(let reason) = detection else {
            Issue.record("detected as \(detection)")
            return
        }
        let name = file.dropFirst("failing".count).dropLast(4)
        #expect(reason.contains(name))
        #expect(throws: ReportError.self) { try Self.read(bytes) }
        do {
            _ = try Self.read(bytes)
        } catch {
            #expect(error.code == "report.wrong-kind" && error.description.contains("PREFIX_stats.csv"))
        }
    }

    @Test("Locust's statistics are detected by their header", arguments: ["passing", "failing", "idle"])
    func detected(_ run: String) throws {
        let bytes = try Fixtures.bytes("locust/\(run)_stats.csv")
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.locust))
        #expect(ReportDetector.detect(prefix: bytes.prefix(40), isWholeFile: false) == .report(.locust))
    }

    @Test("a cut file is truncated: no Aggregated row, or a last row without Locust's line break")
    func cutFiles() throws {
        let bytes = try Fixtures.bytes("locust/failing_stats.csv")
        let text = String(decoding: bytes, as: UTF8.self)
        let withoutAggregated = try #require(text.range(of: ",Aggregated,")).lowerBound
        for cut in [Array(text[..<withoutAggregated].utf8), Array(bytes.dropLast(2)), Array(bytes.dropLast(5))] {
            #expect(throws: ReportError.self) { try Self.read(cut) }
            do { _ = try Self.read(cut) } catch { #expect(error.code == "report.truncated") }
        }
    }

    @Test("an Aggregated row that the endpoints' rows do not add up to is refused")
    func alteredTotals() throws {
        let text = String(decoding: try Fixtures.bytes("locust/failing_stats.csv"), as: UTF8.self)
        let altered = text.replacingOccurrences(of: ",Aggregated,127,38,", with: ",Aggregated,127,0,")
        #expect(altered != text)
        do {
            _ = try Self.read(Array(altered.utf8))
            Issue.record("read")
        } catch {
            #expect(error.code == "report.invalid-value" && error.description.contains("add up to"))
        }
    }

    @Test("an endpoint name with a comma, quoted as Python's csv writes it, is one field")
    func quotedName() throws {
        let text = String(decoding: try Fixtures.bytes("locust/passing_stats.csv"), as: UTF8.self)
        let quoted = text.replacingOccurrences(of: ",/index.html,", with: ",\"/search?q=a,b \"\"c\"\"\",")
        #expect(quoted != text)
        let original = try Self.latency(Self.read(Array(text.utf8)))
        #expect(try Self.latency(Self.read(Array(quoted.utf8))) == original)
    }

    @Test("statistics without a 99% column (PERCENTILES_TO_REPORT without 0.99): a p99 gate is error, naming it")
    func missingPercentileColumn() throws {
        let text = String(decoding: try Fixtures.bytes("locust/passing_stats.csv"), as: UTF8.self)
        let rows = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(rows[0].firstIndex(of: "99%"))
        let without = rows.map { fields in
            fields.enumerated().filter { $0.offset != column }.map(\.element).joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
        let report = try Self.read(Array(without.utf8))
        #expect(try Self.latency(report).p99Ms == nil)
        let verdict = Build.evaluate([report], [Build.gate("p99", .latency(.p99), max: "100000", required: false)])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[0].message.contains("PERCENTILES_TO_REPORT"))
    }
}
