@_spi(Internals) import GateCheck
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the manual benchmark was asked for.
private let benchmarkRequested = getenv("GATECHECK_JSON_BENCH").map { String(cString: $0) == "1" } ?? false

/// The CPU time this process has used, in seconds.
private func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Throughput of the reader on a generated 100 MB Trivy-like SARIF document.
///
/// Not a unit test: run it by hand in release mode and read the printed figures.
///
/// ```sh
/// GATECHECK_JSON_BENCH=1 swift test -c release --filter JSONReaderBenchmark
/// ```
@Suite("JSONReaderBenchmark", .enabled(if: benchmarkRequested, "set GATECHECK_JSON_BENCH=1 and build with -c release"))
struct JSONReaderBenchmark {
    @Test("Prints MB/s for skipValue and for a SARIF extraction over 100 MB")
    func throughput() throws {
        let sarif = SARIFFixture.document(rules: 7000, results: 0, minimumBytes: 100_000_000)
        // Non-ASCII text costs a UTF-8 check per scalar; this measures the worst realistic case.
        let sentence = #""漏洞描述：攻击者可以通过精心构造的输入导致缓冲区溢出。Überlauf — débordement ",\#n"#
        let multilingual = Array(
            ("[\n" + String(repeating: sentence, count: 25_000_000 / sentence.utf8.count) + "\"\"]").utf8)
        print("JSON reader benchmark: \(sarif.count) bytes of SARIF, median of 5 runs")

        var expected: SARIFSummary?
        let runs: [(String, [UInt8], () throws(JSONError) -> Void)] = [
            ("touch every byte (floor)", sarif, { () throws(JSONError) in Self.touchEveryByte(sarif) }),
            ("skipValue", sarif, { () throws(JSONError) in #expect(try skipDocument(sarif) == sarif.count - 1) }),
            (
                "skipValue, non-ASCII-heavy strings", multilingual,
                { () throws(JSONError) in #expect(try skipDocument(multilingual) == multilingual.count) }
            ),
            (
                "SARIF extraction", sarif,
                { () throws(JSONError) in
                    var reader = makeReader(sarif)
                    let summary = try SARIFSummary.read(&reader)
                    if expected == nil { expected = summary }
                    #expect(summary == expected)
                }
            ),
        ]
        for (name, document, run) in runs {
            var wall: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<5 {
                let startedCPU = cpuSeconds()
                wall.append(try Self.time(run))
                cpu.append(cpuSeconds() - startedCPU)
            }
            let megabytes = Double(document.count) / 1e6
            let (medianWall, medianCPU) = (wall.sorted()[2], cpu.sorted()[2])
            print(
                "  \(name): \(Int(megabytes / medianWall)) MB/s wall (\(medianWall) s), "
                    + "\(Int(megabytes / medianCPU)) MB/s CPU (\(medianCPU) s) over \(document.count) bytes")
        }
        if let expected { print("  extraction result: \(expected)") }
    }

    /// Wall-clock seconds taken by `body`.
    private static func time(_ body: () throws(JSONError) -> Void) throws(JSONError) -> Double {
        let started = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The cost of reading the bytes at all: one pass through a 64 KiB chunk buffer summing every byte.
    private static func touchEveryByte(_ document: [UInt8]) {
        var source = BytesSource(document)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var sum = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { try? source.read(into: $0) } ?? 0
            if count == 0 { break }
            for index in 0..<count { sum &+= Int(buffer[index]) }
        }
        #expect(sum != 0)
    }
}
