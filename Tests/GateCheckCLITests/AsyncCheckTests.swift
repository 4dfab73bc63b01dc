import Foundation
@_spi(Internals) import GateCheck
import Synchronization
import Testing

/// Reports that arrive as asynchronous byte streams give the verdict the same bytes give at once, and a stream the
/// parser gives up on is released rather than left hanging.
struct AsyncCheckTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the connection was reset" }
    }

    /// An asynchronous sequence handing out `bytes` in chunks of `size`, each only when asked for; it fails once
    /// `failAfter` bytes were handed out.
    static func chunks(bytes: [UInt8], size: Int, failAfter: Int? = nil) -> AsyncThrowingStream<[UInt8], any Error> {
        let offset = Mutex(0)
        return AsyncThrowingStream(unfolding: {
            let start = offset.withLock { $0 }
            if let failAfter, start >= failAfter { throw Failure() }
            guard start < bytes.count else { return nil }
            await Task.yield()
            let end = Swift.min(bytes.count, start + size)
            offset.withLock { $0 = end }
            return Array(bytes[start..<end])
        })
    }

    static func files(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
        let directory = ScenarioTests.root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
            ($0, Array(try Data(contentsOf: directory.appendingPathComponent($0))))
        }
    }

    @Test("streamed in chunks of 1, 997 and 65,536 bytes, the sample sets get the verdict of the one call")
    func sameVerdict() async throws {
        let configuration = try Configuration(
            json: Data(contentsOf: ScenarioTests.root.appendingPathComponent("sample-reports/gates.json")))
        let checker = GateChecker(configuration: configuration, today: Day("2026-11-26")!)
        for folder in ["sample-reports/passing", "sample-reports/failing"] {
            let files = try Self.files(folder)
            let expected = checker.check(files.map { ReportInput(name: $0.name, bytes: $0.bytes) })
            for size in [1, 997, 65_536] where size > 1 || folder.hasSuffix("failing") {
                let streamed = await checker.check(
                    files.map { AsyncReportInput(name: $0.name, chunks: Self.chunks(bytes: $0.bytes, size: size)) })
                #expect(streamed == expected, "\(folder) in chunks of \(size)")
            }
            #expect(expected.exitCode == (folder.hasSuffix("passing") ? 0 : 1))
        }
    }

    @Test("a stream that fails makes its report unreadable (exit 2), naming the stream's error")
    func failingStream() async throws {
        let junit = try Self.files("sample-reports/passing").first { $0.name == "junit.xml" }!.bytes
        let verdict = await GateChecker(configuration: .builtIn, today: Day("2026-11-26")!).check([
            AsyncReportInput(
                name: "junit.xml", chunks: Self.chunks(bytes: junit, size: 512, failAfter: junit.count / 2))
        ])
        #expect(verdict.exitCode == 2)
        #expect(verdict.diagnostics.contains { $0.file == "junit.xml" && $0.message.contains("connection was reset") })
    }

    @Test("a stream the parser stops reading early (64 MiB of something else) is released: the call returns")
    func abandonedStream() async throws {
        let endless = Self.chunks(bytes: Array(repeating: UInt8(ascii: "["), count: 64 << 20), size: 65_536)
        let verdict = await GateChecker(configuration: .builtIn, today: Day("2026-11-26")!).check([
            AsyncReportInput(name: "upload", chunks: endless)
        ])
        #expect(verdict.exitCode == 2)
        #expect(verdict.diagnostics.contains { $0.file == "upload" && $0.severity == .error })
    }
}
